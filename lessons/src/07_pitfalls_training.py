"""Lesson 07: common pitfalls, part two: training, and the API's old spellings."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        """
# 07 · Common pitfalls, part two: training, and the API's old spellings

**Goal.** Lesson 05 made sure the data, the labels and the evaluation are right. This lesson is about the
training itself, and about code copied from older tutorials: eight more mistakes that almost everyone makes
once with Keras, each shown on a small example, with its fix and an `assert` that proves the point:

1. losing the training history;
2. learning rates: schedules, and rates that cannot work;
3. data that does not fit in memory;
4. where `BatchNormalization` goes, and its `axis`;
5. stopping at the right epoch with `EarlyStopping`;
6. freezing layers, and the `compile` that must follow;
7. `Sequential.pop()`;
8. the spellings of old tutorials.

As in lesson 05, kerasedu watches while you train and explains the classic mistakes in a **`TeachingWarning`**,
with the fix and a link back to this page; old argument names get a `DeprecationWarning` naming the new ones.
The data sets are small on purpose: the whole notebook runs in seconds on a laptop CPU.
""",
        """
# 07 · 常见的坑（下）：训练过程与旧版写法

**本课目标**：第 05 课保证了数据、标签和评估都没有问题。这一课关注训练过程本身，以及从旧教程里照抄来的代码：
用 Keras 的人几乎都会踩一遍的另外 8 个坑，每个都配一个小例子、改正的方法，以及一个证明结论的 `assert`：

1. 训练历史没有保存；
2. 学习率：调度方法，以及根本不可能奏效的学习率；
3. 数据大到内存放不下；
4. `BatchNormalization` 放在哪里，`axis` 怎么设；
5. 用 `EarlyStopping` 在合适的轮次停下；
6. 冻结层，以及随后必须重新调用的 `compile`；
7. `Sequential.pop()`；
8. 旧教程里的过时写法。

和第 05 课一样，训练时 kerasedu 会留意这些经典错误，发出**教学警告**（`TeachingWarning`），说明该怎么改，
并附上指向本页的链接；旧的参数名则会引发 `DeprecationWarning`（弃用警告），告诉你新名字。
本课的数据集都故意取得很小，整篇在笔记本电脑的 CPU 上几秒钟就能跑完。
""",
    ),
    code("""
import json
import math
import os
import tempfile
import warnings

import numpy as np
import matplotlib.pyplot as plt
import kerasedu
from kerasedu.models import Sequential, Model
from kerasedu.layers import Activation, BatchNormalization, Conv2D, Dense, Flatten
from kerasedu.layers import Input
from kerasedu.callbacks import Callback, EarlyStopping, LearningRateScheduler
from kerasedu.callbacks import ReduceLROnPlateau
from kerasedu.optimizers import SGD, Adam

kerasedu.utils.fonts.use_chinese_font()  # «lets plots show Chinese text|让图中的中文正常显示»
np.set_printoptions(precision=3, suppress=True)
# «the files this lesson writes; deleted at the end|本课写出的文件都放这里，最后删除»
workdir = tempfile.TemporaryDirectory()
kerasedu.diagnostics.set_language("«en|zh»")  # «kerasedu's hints in English|kerasedu 的提示用中文»
"""),
    md(
        """
As in lesson 05, every time we *want* a warning we catch it with `warnings.catch_warnings(record=True)`,
print each one as `Category: message`, and check which mistake it names (a `TeachingWarning` carries the name
of its check in `.check`).

## The data

The toy problem of lesson 05: points in the plane from 4 clouds, one cloud per class, 250 points each. This
time we shuffle the samples (and the labels, with the same permutation) right away: lesson 05 showed what
`validation_split` does with data sorted by class.
""",
        """
和第 05 课一样，每当我们*有意*触发一条警告，就用 `warnings.catch_warnings(record=True)` 把它接住，
按“类型: 内容”的格式打印出来，再检查它指出的是哪个错误（教学警告的 `.check` 属性就是触发它的检查项的名称）。

## 数据

还是第 05 课的小问题：平面上的点来自 4 团点云，每团是一个类别，各 250 个点。这次我们一开始就把样本打乱
（标签用同一个排列一起打乱）：第 05 课已经演示过，`validation_split` 遇到按类别排好序的数据会出什么问题。
""",
    ),
    code("""
np.random.seed(0)
centers = np.array([[0, 0], [3, 0], [0, 3], [3, 3]], dtype="float32")
clouds = [c + np.random.normal(0, 0.8, size=(250, 2)) for c in centers]
x_blobs = np.concatenate(clouds).astype("float32")
y_blobs = np.repeat(np.arange(4), 250)
order = np.random.permutation(len(x_blobs))
x_mixed, y_mixed = x_blobs[order], y_blobs[order]
print("x:", x_mixed.shape, " y:", y_mixed.shape, " «first labels:|前几个标签：»", y_mixed[:8])


def blob_model(optimizer=None, seed=1):
    \"\"\"«A small classifier for the 4 clouds (Adam at 0.01 by default).|给 4 团点云用的小分类器（默认用学习率 0.01 的 Adam）。»

    «The seed fixes its initial weights.|seed 固定它的初始权重。»
    \"\"\"
    if optimizer is None:
        optimizer = Adam(learning_rate=0.01)
    np.random.seed(seed)
    model = Sequential([
        Dense(16, activation="relu", input_shape=(2,)),
        Dense(4, activation="softmax"),
    ])
    loss = "sparse_categorical_crossentropy"
    model.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])
    return model
"""),
    md(
        """
<a id="history"></a>
## 1. Keep the loss history

**What goes wrong.** Training takes minutes or hours, and the notebook is closed afterwards: the loss curve is
gone, and nobody can say later whether the model had finished learning or was overfitting.

**The fix.** `fit` returns a `History` object; its `history` attribute is a plain dict
`{"loss": [...], "val_loss": [...], ...}` with one number per epoch. Write it to a JSON file next to the model,
and plot it from the file whenever you need it.
""",
        """
<a id="history"></a>
## 1. 保存损失的历史记录

**问题**：训练要跑几分钟甚至几小时，跑完 notebook 一关，损失曲线就没了。事后谁也说不清模型当时是已经学完了，
还是已经过拟合（overfitting）了。

**解决**：`fit` 会返回一个 `History` 对象，它的 `history` 属性就是一个普通的字典
`{"loss": [...], "val_loss": [...], ...}`，每一轮（epoch）一个数。把它写进一个 JSON 文件，和模型放在一起，
需要时再从文件读出来画图。
""",
    ),
    code("""
model = blob_model()
history = model.fit(x_mixed, y_mixed, validation_split=0.25, epochs=15, verbose=0)

history_file = os.path.join(workdir.name, "history.json")
with open(history_file, "w") as f:
    json.dump(history.history, f)
epochs_saved = len(history.history["loss"])
print("«saved:|已保存：»", sorted(history.history), "«with|每项»", epochs_saved, "«values each|个数值»")
"""),
    code("""
with open(history_file) as f:
    saved = json.load(f)        # «e.g. in a new session, days later|比如几天后，在一个新的会话里»

plt.plot(range(1, 16), saved["loss"], label="«training loss|训练损失»")
plt.plot(range(1, 16), saved["val_loss"], label="«validation loss|验证损失»")
plt.xlabel("«epoch|轮次»"); plt.ylabel("«loss|损失»"); plt.legend()
plt.title("«History read back from the JSON file|从 JSON 文件读回的训练历史»")
plt.show()
assert saved == history.history and len(saved["val_loss"]) == 15
"""),
    md(
        """
Keras also has callbacks that write the history while training runs (`CSVLogger`), which helps when a long run
crashes halfway. `kerasedu.utils.plot_history(history)` draws the same curves in one call.

<a id="learning-rate"></a>
## 2. Learning-rate schedules

A large learning rate makes fast progress at the start; a small one settles into a minimum at the end. Three ways
to lower it while training:

1. **`LearningRateScheduler`**: a callback that calls your function `schedule(epoch, lr)` before each epoch and
   sets the optimizer's rate to what it returns. Below: a *step decay*, halving the rate every 5 epochs.
2. **The optimizer's `decay` argument** (Keras 2): `SGD(learning_rate=0.1, decay=0.01)` uses
   `lr / (1 + decay * iterations)`, lowering the rate after every *batch*, not every epoch. Keras 3 removed it;
   kerasedu still runs it, with a `DeprecationWarning` naming the modern way: a schedule object such as
   `optimizers.schedules.InverseTimeDecay`.
3. **`ReduceLROnPlateau`**: watches a metric (here `val_loss`) and multiplies the rate by `factor` when it has
   not improved for `patience` epochs. It reacts to training instead of following a plan.

A small callback records the rate each epoch really starts with, so we can plot all three.
""",
        """
`CSVLogger` 等回调（callback）可以在训练过程中边跑边写历史记录，长时间的训练中途崩溃时很有用。
`kerasedu.utils.plot_history(history)` 一行就能画出同样的曲线。

<a id="learning-rate"></a>
## 2. 学习率调度

学习率（learning rate）大，开始时进展快；学习率小，最后才能稳稳地落进极小值。训练中降低学习率有三种办法：

1. **`LearningRateScheduler`**：一个回调，每轮开始前调用你写的函数 `schedule(epoch, lr)`，把优化器的学习率设成它的返回值。
   下面用的是*阶梯衰减*（step decay）：每 5 轮减半。
2. **优化器的 `decay` 参数**（Keras 2 的写法）：`SGD(learning_rate=0.1, decay=0.01)` 使用 `lr / (1 + decay * iterations)`，
   每个*批次*（batch）都降一点，而不是每轮降一次。Keras 3 已经去掉了这个参数；kerasedu 仍然能运行它，
   但会发出 `DeprecationWarning`，告诉你现在的写法：用 `optimizers.schedules.InverseTimeDecay` 这样的调度对象。
3. **`ReduceLROnPlateau`**：盯住一个指标（这里是 `val_loss`），如果它连续 `patience` 轮没有改善，就把学习率乘以 `factor`。
   它根据训练的实际情况做出反应，而不是按事先定好的计划走。

我们写一个小回调，记下每一轮开始时实际使用的学习率，以便把三种方法画在一起。
""",
    ),
    code("""
class RecordLearningRate(Callback):
    \"\"\"«Remember the learning rate at the start of every epoch.|记下每一轮开始时的学习率。»\"\"\"

    def on_train_begin(self, logs=None):
        self.rates = []

    def on_epoch_begin(self, epoch, logs=None):
        self.rates.append(self.model.optimizer.current_learning_rate())


def step_decay(epoch, lr):
    return 0.1 * 0.5 ** (epoch // 5)


epochs = 20
by_scheduler = RecordLearningRate()
blob_model(SGD(learning_rate=0.1)).fit(
    x_mixed, y_mixed, epochs=epochs, verbose=0,
    callbacks=[LearningRateScheduler(step_decay), by_scheduler],
)

by_decay = RecordLearningRate()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old_style = SGD(learning_rate=0.1, decay=0.01)
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
blob_model(old_style).fit(
    x_mixed, y_mixed, epochs=epochs, verbose=0, callbacks=[by_decay]
)

by_plateau = RecordLearningRate()
plateau = ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2)
blob_model(SGD(learning_rate=0.5)).fit(
    x_mixed, y_mixed, validation_split=0.25, epochs=epochs, verbose=0,
    callbacks=[plateau, by_plateau],
)

print("«step decay:       |阶梯衰减：        »", np.round(by_scheduler.rates, 4))
print("«decay argument:   |decay 参数：      »", np.round(by_decay.rates, 4))
print("«ReduceLROnPlateau:|ReduceLROnPlateau：»", np.round(by_plateau.rates, 4))
"""),
    code("""
epoch_axis = np.arange(1, epochs + 1)
plt.step(epoch_axis, by_scheduler.rates, where="post",
         label="«LearningRateScheduler (step decay)|LearningRateScheduler（阶梯衰减）»")
plt.plot(epoch_axis, by_decay.rates, "o-", markersize=3,
         label="«SGD(decay=0.01), Keras 2|SGD(decay=0.01)，Keras 2 写法»")
plt.step(epoch_axis, by_plateau.rates, where="post", label="ReduceLROnPlateau")
plt.yscale("log")
plt.xlabel("«epoch|轮次»")
plt.ylabel("«learning rate at the start of the epoch|每轮开始时的学习率»")
plt.title("«Three ways to lower the learning rate|降低学习率的三种方法»"); plt.legend()
plt.show()

steps_per_epoch = math.ceil(1000 / 32)   # «1,000 samples, batch size 32|1000 个样本，批次大小 32»
assert by_scheduler.rates == [step_decay(e, None) for e in range(epochs)]
inverse_time = [0.1 / (1 + 0.01 * e * steps_per_epoch) for e in range(epochs)]
assert np.allclose(by_decay.rates, inverse_time)
schedules = kerasedu.optimizers.schedules
modern = schedules.InverseTimeDecay(0.1, decay_steps=1, decay_rate=0.01)
assert np.allclose(by_decay.rates, [modern(e * steps_per_epoch) for e in range(epochs)])
assert by_plateau.rates[0] == 0.5 and by_plateau.rates[-1] < 0.5
"""),
    md(
        """
Note how differently the `decay` argument behaves from what its name suggests: with 32 batches per epoch,
`decay=0.01` has already cut the rate by a quarter after the first epoch (`0.1 / 1.32 = 0.076`).

**Learning rates that cannot work.** Two mistakes make every schedule useless, and kerasedu checks for both
during `fit`: a rate of **0** (often a schedule that returns 0, or an integer division `1 // epoch`), with which
the weights never move; and a rate so **large** that the loss explodes or becomes `nan`. Below, first our
classifier with a rate of 0, then a linear regression (predict `x1 + x2`) with a rate of 0.3, which is too
large for inputs of this size: every step overshoots the minimum by more than the step before.
""",
        """
注意 `decay` 参数的实际效果和它的名字给人的印象很不一样：每轮 32 个批次，`decay=0.01` 在第一轮结束时就已经把学习率降了约四分之一（`0.1 / 1.32 = 0.076`）。

**根本不可能奏效的学习率**：有两种错误会让任何调度都白费，kerasedu 在 `fit` 过程中会检查这两种情况：学习率为 **0**
（常见原因是调度函数返回了 0，或者写成了整数除法 `1 // epoch`），权重就永远不会变；学习率**太大**，损失就会爆炸或变成 `nan`。
下面先看学习率为 0 的分类器，再看一个学习率为 0.3 的线性回归（预测 `x1 + x2`）：对这样大小的输入来说 0.3 太大了，每一步都比上一步冲得更远，越过极小值越来越多。
""",
    ),
    code("""
model = blob_model(SGD(learning_rate=0.0))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    history = model.fit(x_mixed, y_mixed, epochs=2, verbose=0)
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
print("«loss per epoch:|每轮的损失：»", np.round(history.history["loss"], 4))
assert "training_health" in {w.message.check for w in caught}
assert np.isclose(history.history["loss"][0], history.history["loss"][1], rtol=1e-5)

np.random.seed(0)
# «predict x1 + x2: a linear regression|预测 x1 + x2：一个线性回归»
regression = Sequential([Dense(1, input_shape=(2,))])
regression.compile(optimizer=SGD(learning_rate=0.3), loss="mse")
with warnings.catch_warnings(record=True) as caught, np.errstate(all="ignore"):
    warnings.simplefilter("always")
    history = regression.fit(x_mixed, x_mixed.sum(axis=1), epochs=1, verbose=0)
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
print(f"«loss after one epoch:|一轮之后的损失：» {history.history['loss'][0]:.1e}")
assert "training_health" in {w.message.check for w in caught}
"""),
    md(
        """
<a id="large-data"></a>
## 3. Data larger than memory

**What goes wrong.** `fit(x, y)` needs `x` and `y` as arrays in memory. A data set of a few hundred gigabytes
does not fit, and loading it crashes the machine.

**The fix.** Keep the data on disk in chunks and hand the model one batch at a time. Three ways, from the most
manual to the most convenient. To try them, we write our 1,000 samples as 10 files of 100 samples each (for real
data, these would be your image folders or record files).
""",
        """
<a id="large-data"></a>
## 3. 数据大到内存放不下

**问题**：`fit(x, y)` 要求 `x` 和 `y` 是内存里的数组。几百 GB 的数据集放不进内存，硬要加载，机器就会崩溃。

**解决**：把数据分块存在硬盘上，每次只交给模型一个批次。下面从最手动到最方便介绍三种做法。为了演示，我们把 1000 个样本
写成 10 个文件，每个 100 个样本（真实数据里，这些就是你的图片文件夹或记录文件）。
""",
    ),
    code("""
chunk_files = []
for i in range(10):
    path = os.path.join(workdir.name, f"chunk_{i}.npz")
    np.savez(path, x=x_mixed[i * 100:(i + 1) * 100], y=y_mixed[i * 100:(i + 1) * 100])
    chunk_files.append(path)
train_files, test_files = chunk_files[:8], chunk_files[8:]


def load_chunk(path):
    with np.load(path) as data:
        return data["x"], data["y"]
"""),
    md(
        """
**(a) A loop with `train_on_batch` / `test_on_batch`.** You write the epochs and the batches yourself; each
call does one weight update (or one evaluation) and returns the loss and the metrics of that batch. Full control,
and nothing is in memory but the current file.
""",
        """
**(a) 用 `train_on_batch` / `test_on_batch` 自己写循环**：轮次和批次的循环都由你来写；每次调用做一次权重更新（或一次评估），
返回这个批次的损失和指标。控制权完全在你手里，内存里只有当前这个文件。
""",
    ),
    code(
        """
model = blob_model()
for epoch in range(5):
    for path in train_files:
        x_chunk, y_chunk = load_chunk(path)
        loss, accuracy = model.train_on_batch(x_chunk, y_chunk)
    print(f"epoch {epoch + 1}: «loss of the last batch|最后一个批次的损失» {loss:.3f}")

test_results = [model.test_on_batch(*load_chunk(path)) for path in test_files]
test_accuracy = np.mean([accuracy for loss, accuracy in test_results])
print(f"«test accuracy:|测试准确率：» {test_accuracy:.4f}")
assert model.optimizer.iterations == 5 * 8 and test_accuracy > 0.85
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
**(b) A Python generator.** A function with `yield` that produces `(x, y)` batches forever. `fit` takes it
directly; since a generator has no length, tell `fit` how many batches make an epoch with `steps_per_epoch`.
""",
        """
**(b) Python 生成器**（generator）：一个含 `yield` 的函数，源源不断地产生 `(x, y)` 批次。`fit` 可以直接接收它；
不过生成器没有长度，所以要用 `steps_per_epoch` 告诉 `fit` 多少个批次算一轮。
""",
    ),
    code("""
def batches_from_files(paths, batch_size=50):
    while True:                           # «loop forever: fit decides when to stop|无限循环：何时停止由 fit 决定»
        for path in paths:
            x_chunk, y_chunk = load_chunk(path)
            for start in range(0, len(x_chunk), batch_size):
                stop = start + batch_size
                yield x_chunk[start:stop], y_chunk[start:stop]


model = blob_model()
generator = batches_from_files(train_files)
history = model.fit(generator, steps_per_epoch=16, epochs=5, verbose=0)
print("«loss per epoch:|每轮的损失：»", np.round(history.history["loss"], 3))
assert model.optimizer.iterations == 5 * 16
"""),
    md(
        """
**(c) A `kerasedu.utils.Sequence`** (called `PyDataset` in Keras 3). A class with `__len__` (batches per epoch)
and `__getitem__(index)` (one batch). Because it knows its length and can fetch any batch, `fit` needs no
`steps_per_epoch`, and `on_epoch_end` is the place to shuffle. This is the tidiest of the three.
""",
        """
**(c) `kerasedu.utils.Sequence`**（Keras 3 中叫 `PyDataset`）：一个定义了 `__len__`（每轮的批次数）和
`__getitem__(index)`（取出一个批次）的类。它知道自己的长度，也能取出任意一个批次，所以 `fit` 不需要 `steps_per_epoch`，
而 `on_epoch_end` 正好用来打乱顺序。三种做法里，这种最整洁。
""",
    ),
    code(
        """
class ChunkSequence(kerasedu.utils.Sequence):
    \"\"\"«One file = one batch.|一个文件就是一个批次。»\"\"\"

    def __init__(self, paths):
        super().__init__()
        self.paths = list(paths)

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, index):
        return load_chunk(self.paths[index])

    def on_epoch_end(self):
        np.random.shuffle(self.paths)     # «a new order of files each epoch|每轮换一种文件顺序»


model = blob_model()
history = model.fit(ChunkSequence(train_files), epochs=5, verbose=0)
test_loss, test_accuracy = model.evaluate(ChunkSequence(test_files), verbose=0)
print(f"«test accuracy:|测试准确率：» {test_accuracy:.4f}")
assert model.optimizer.iterations == 5 * 8 and test_accuracy > 0.85
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
<a id="batch-normalization"></a>
## 4. `BatchNormalization`: where it goes, and its `axis`

`BatchNormalization` rescales each **feature** to mean 0 and variance 1 over the batch, then applies a learned
scale `gamma` and shift `beta`. It usually goes right after a `Dense` or `Conv2D` layer and before the
activation (the layer before can then drop its bias: `beta` does that job).

**What goes wrong.** `axis` says which axis holds the features, each with its own statistics. The default,
`axis=-1`, is right for channels-last images `(N, H, W, C)`, the Keras default. Images stored channels-first,
`(N, C, H, W)`, need `axis=1`. With the default on channels-first data, the layer silently normalises each of
the 8 *pixel columns* instead of each of the 3 colour channels. Below: 3 channels with very different scales.
""",
        """
<a id="batch-normalization"></a>
## 4. `BatchNormalization` 放在哪里，`axis` 怎么设

批量归一化（batch normalization）把每个**特征**在批次上标准化为均值 0、方差 1，再乘上可学习的缩放 `gamma`、
加上平移 `beta`。它通常紧跟在 `Dense` 或 `Conv2D` 层之后、激活函数之前（这时前一层可以去掉偏置，因为 `beta` 起了同样的作用）。

**问题**：`axis` 指定哪个轴是特征轴，每个特征各有一套统计量。默认的 `axis=-1` 适用于通道在后（channels-last）的图像
`(N, H, W, C)`，这也是 Keras 的默认格式。通道在前（channels-first）的图像 `(N, C, H, W)` 需要 `axis=1`。
如果对通道在前的数据用了默认值，这个层不会报错，却是对 8 个*像素列*分别做归一化，而不是对 3 个颜色通道。
下面的例子里，3 个通道的数值范围相差很大。
""",
    ),
    code("""
np.random.seed(0)
scales = np.array([1.0, 10.0, 100.0], dtype="float32")
images_first = np.random.rand(16, 3, 8, 8) * scales.reshape(1, 3, 1, 1)
images_first = images_first.astype("float32")  # (N, C, H, W)
images_last = images_first.transpose(0, 2, 3, 1)  # (N, H, W, C)

stds = []
cases = [
    ("«channels-last,  axis=-1 |通道在后，axis=-1 »", images_last, -1, (0, 1, 2)),
    ("«channels-first, axis=1  |通道在前，axis=1  »", images_first, 1, (0, 2, 3)),
    ("«channels-first, axis=-1 |通道在前，axis=-1 »", images_first, -1, (0, 2, 3)),
]
for title, images, axis, channel_axes in cases:
    layer = BatchNormalization(axis=axis)
    out = kerasedu.backend.to_numpy(layer(images, training=True))
    stds.append(out.std(axis=channel_axes))
    print(f"{title} gamma {layer.gamma.shape}, «std per channel after:|归一化后各通道的标准差：»",
          stds[-1].round(2))

assert np.allclose(stds[0], 1, atol=0.01) and np.allclose(stds[1], 1, atol=0.01)
# «wrong axis: the channels keep their scales|轴设错了：各通道仍然大小悬殊»
assert stds[2].max() / stds[2].min() > 10
"""),
    md(
        """
With the right axis, `gamma` has one entry per channel (shape `(3,)`) and every channel comes out with standard
deviation 1. With the wrong one, `gamma` has shape `(8,)` and the channels keep their unequal scales.
In a model, the usual place is between the convolution and its activation:
""",
        """
轴设对了，`gamma` 对每个通道有一个值（形状 `(3,)`），每个通道输出的标准差都是 1。轴设错了，`gamma` 的形状变成 `(8,)`，
各通道的数值范围依然相差悬殊。在模型里，它通常放在卷积和激活函数之间：
""",
    ),
    code("""
np.random.seed(0)
cnn = Sequential([
    Conv2D(8, 3, use_bias=False, input_shape=(8, 8, 3)),   # «channels-last input|通道在后的输入»
    BatchNormalization(axis=-1),
    Activation("relu"),
    Flatten(),
    Dense(4, activation="softmax"),
])
print("«BatchNormalization weights:|BatchNormalization 的权重：»", [w.shape for w in cnn.layers[1].get_weights()])
# «gamma, beta, moving mean, moving variance|gamma、beta、滑动均值、滑动方差»
assert [w.shape for w in cnn.layers[1].get_weights()] == [(8,)] * 4
"""),
    md(
        """
<a id="early-stopping"></a>
## 5. `EarlyStopping` on `val_loss` with `patience`

**What goes wrong.** Trained for too many epochs, a model starts to memorise its training set: the training loss
keeps falling while the validation loss turns and rises. Below, 60 training samples with 20 features (only 3 of
which matter) and a 64-unit layer: a recipe for overfitting.

**The fix.** `EarlyStopping(monitor="val_loss", patience=3)` stops training once the validation loss has not
improved for 3 epochs in a row; `restore_best_weights=True` then puts back the weights of the best epoch.
`patience` exists because validation losses are noisy: stopping at the first bad epoch is often too early.
""",
        """
<a id="early-stopping"></a>
## 5. 用 `EarlyStopping` 监控 `val_loss`，并设置 `patience`

**问题**：训练轮数太多，模型就开始死记硬背训练集：训练损失一路下降，验证损失却掉头上升。下面的例子只有 60 个训练样本，
20 个特征（其中只有 3 个有用），再配上一个 64 个单元的层：这正是过拟合的配方。

**解决**：`EarlyStopping(monitor="val_loss", patience=3)` 在验证损失连续 3 轮没有改善时停止训练；再加上
`restore_best_weights=True`，就会恢复最好那一轮的权重。之所以需要 `patience`（耐心），是因为验证损失本身有波动，
一遇到变差的一轮就停，往往停得太早。
""",
    ),
    code("""
np.random.seed(2)
true_w = np.zeros(20)
true_w[:3] = 1.0
x_small = np.random.normal(size=(60, 20)).astype("float32")
y_small = (x_small @ true_w + np.random.normal(0, 1, 60) > 0).astype("float32")
x_val = np.random.normal(size=(300, 20)).astype("float32")
y_val = (x_val @ true_w + np.random.normal(0, 1, 300) > 0).astype("float32")


def overfitting_model():
    np.random.seed(3)
    model = Sequential([
        Dense(64, activation="relu", input_shape=(20,)),
        Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=Adam(learning_rate=0.01), loss="binary_crossentropy")
    return model


full = overfitting_model().fit(
    x_small, y_small, validation_data=(x_val, y_val), epochs=30, verbose=0
)

stopper = EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True)
model = overfitting_model()
early = model.fit(
    x_small, y_small, validation_data=(x_val, y_val), epochs=30, verbose=0,
    callbacks=[stopper],
)

best_epoch = int(np.argmin(early.history["val_loss"]))
print(f"«best epoch:|最好的一轮：» {best_epoch + 1}«, stopped after epoch|，停止于第» {len(early.history['loss'])}«| 轮»")
print(f"«val_loss restored:|恢复后的 val_loss：» {model.evaluate(x_val, y_val, verbose=0):.3f}")

plt.plot(range(1, 31), full.history["loss"], label="«training loss|训练损失»")
plt.plot(range(1, 31), full.history["val_loss"], label="«validation loss|验证损失»")
plt.axvline(best_epoch + 1, color="gray", linestyle=":", label="«best epoch|最好的一轮»")
plt.axvline(len(early.history["loss"]), color="red", linestyle="--",
            label="«EarlyStopping stops|EarlyStopping 在此停止»")
plt.xlabel("«epoch|轮次»"); plt.ylabel("«loss|损失»"); plt.legend()
plt.title("«Overfitting, and where EarlyStopping stops it|过拟合，以及 EarlyStopping 停下的位置»")
plt.show()

assert len(early.history["loss"]) == best_epoch + 1 + 3      # «best epoch + patience|最好的一轮 + patience»
assert stopper.stopped_epoch == best_epoch + 3
restored = model.evaluate(x_val, y_val, verbose=0)
assert abs(restored - min(early.history["val_loss"])) < 1e-5
"""),
    md(
        """
<a id="freezing-layers"></a>
## 6. Freezing layers, and why a change needs a new `compile`

A layer with `trainable=False` keeps its weights during `fit`, which is what transfer learning does with a
pretrained base. You can freeze a layer in its constructor, `Dense(8, trainable=False)`, or later through the
attribute, `layer.trainable = False`.

**What goes wrong.** `compile` takes note of which weights to train. Change `trainable` *after* `compile`, and
the change only counts once you call `compile` again, as in Keras. Forget it, and the "frozen" layer keeps
learning. kerasedu warns when `fit` starts.
""",
        """
<a id="freezing-layers"></a>
## 6. 冻结层：为什么改了之后要重新 `compile`

`trainable=False` 的层在 `fit` 时保持权重不变，迁移学习（transfer learning）冻结预训练的卷积基就是这样做的。
冻结可以在构造时写 `Dense(8, trainable=False)`，也可以之后通过属性设置 `layer.trainable = False`。

**问题**：`compile` 会记下要训练哪些权重。如果在 `compile` *之后*修改 `trainable`，这个修改要等到再次调用 `compile`
才生效，Keras 也是这样。忘了重新编译，"冻结"的层会照样学习。kerasedu 会在 `fit` 开始时发出警告。
""",
    ),
    code("""
model = blob_model()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
first = model.layers[0]
first.trainable = False                    # «too late: compile has already run|太晚了：compile 已经执行过了»
before = first.get_weights()[0].copy()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.fit(x_mixed, y_mixed, epochs=1, verbose=0)
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
changed = not np.array_equal(before, first.get_weights()[0])
print("«first layer's kernel changed:|第一层的 kernel 变了吗：»", changed)
assert "trainable_after_compile" in {w.message.check for w in caught} and changed
"""),
    md(
        """
**The fix.** Compile again after changing `trainable`. Now the first layer's weights stay exactly as they were,
while the rest of the model learns.
""",
        """
**解决**：修改 `trainable` 之后重新 `compile`。这样第一层的权重就纹丝不动，模型的其余部分照常学习。
""",
    ),
    code("""
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
before = first.get_weights()[0].copy()
before_last = model.layers[1].get_weights()[0].copy()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.fit(x_mixed, y_mixed, epochs=1, verbose=0)
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
print("«trainable weights:|可训练的权重：»", [w.name for w in model.trainable_weights])
assert not caught
assert np.array_equal(before, first.get_weights()[0])                      # «frozen|冻结了»
after_last = model.layers[1].get_weights()[0]
assert not np.array_equal(before_last, after_last)  # «still learning|仍在学习»

frozen_from_start = Dense(8, trainable=False)
assert frozen_from_start.trainable is False
"""),
    md(
        """
<a id="pop"></a>
## 7. `Sequential.pop()` removes the last layer

To reuse a trained `Sequential` model with a different head (for example 10 classes instead of 4), `pop()`
removes the last layer, and `add()` puts a new one in its place. The layers that stay keep their weights.
""",
        """
<a id="pop"></a>
## 7. 用 `Sequential.pop()` 去掉最后一层

想把训练好的 `Sequential` 模型换一个输出头（比如从 4 类改为 10 类），可以用 `pop()` 去掉最后一层，再用 `add()` 加上新的一层。
留下来的层保持原来的权重。
""",
    ),
    code("""
model = blob_model()
model.fit(x_mixed, y_mixed, epochs=3, verbose=0)
kept_kernel = model.layers[0].get_weights()[0].copy()
print("«before:|之前：»", len(model.layers), "«layers, output shape|层，输出形状»", model.output_shape)

removed = model.pop()
print("«after pop():|pop() 之后：»", len(model.layers), "«layer, output shape|层，输出形状»", model.output_shape)
model.add(Dense(10, activation="softmax"))
print("«after add():|add() 之后：»", len(model.layers), "«layers, output shape|层，输出形状»", model.output_shape)

assert removed.units == 4 and model.output_shape == (None, 10)
assert np.array_equal(model.layers[0].get_weights()[0], kept_kernel)
"""),
    md(
        """
<a id="old-spellings"></a>
## 8. Old tutorial spellings

Many tutorials online were written for Keras 1 or 2, and some of their argument names have changed since.
kerasedu still runs them, but each old name emits a `DeprecationWarning` that gives the modern one:

| old (Keras 1/2) | modern (Keras 3) |
| --- | --- |
| `fit(nb_epoch=10)` | `fit(epochs=10)` |
| `Dense(output_dim=64)` | `Dense(units=64)` |
| `Dense(64, init="uniform")` | `Dense(64, kernel_initializer="uniform")` |
| `SGD(lr=0.01)`, `optimizer.lr` | `SGD(learning_rate=0.01)`, `optimizer.learning_rate` |
| `SGD(lr=0.01, decay=1e-6)` | a schedule, e.g. `schedules.InverseTimeDecay` (pitfall 2) |
| `Model(input=a, output=b)` | `Model(inputs=a, outputs=b)` |
| `from keras.utils import np_utils` | `from kerasedu.utils import to_categorical` |
""",
        """
<a id="old-spellings"></a>
## 8. 旧教程里的过时写法

网上很多教程是为 Keras 1 或 Keras 2 写的，其中一些参数名后来改了。kerasedu 仍然能运行这些代码，但每个旧名字都会引发一条
`DeprecationWarning`（弃用警告），告诉你现在该怎么写：

| 旧写法（Keras 1/2） | 新写法（Keras 3） |
| --- | --- |
| `fit(nb_epoch=10)` | `fit(epochs=10)` |
| `Dense(output_dim=64)` | `Dense(units=64)` |
| `Dense(64, init="uniform")` | `Dense(64, kernel_initializer="uniform")` |
| `SGD(lr=0.01)`、`optimizer.lr` | `SGD(learning_rate=0.01)`、`optimizer.learning_rate` |
| `SGD(lr=0.01, decay=1e-6)` | 调度对象，例如 `schedules.InverseTimeDecay`（见第 2 个坑） |
| `Model(input=a, output=b)` | `Model(inputs=a, outputs=b)` |
| `from keras.utils import np_utils` | `from kerasedu.utils import to_categorical` |
""",
    ),
    code("""
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    np.random.seed(0)
    old = Sequential([
        Dense(output_dim=16, input_dim=2, init="uniform", activation="relu"),
        Dense(output_dim=4, activation="softmax"),
    ])
    old.compile(optimizer=SGD(lr=0.1), loss="sparse_categorical_crossentropy")
    old.fit(x_mixed, y_mixed, nb_epoch=2, verbose=0)
    print("«old.optimizer.lr =|old.optimizer.lr =»", old.optimizer.lr)
    a = Input(shape=(2,))
    functional = Model(input=a, output=Dense(4)(a))
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
messages = " ".join(str(w.message) for w in caught)
renamed = [
    ("nb_epoch", "epochs"), ("output_dim", "units"), ("init", "kernel_initializer"),
    ("lr", "learning_rate"), ("input", "inputs"), ("output", "outputs"),
]
for old_name, new_name in renamed:
    assert f"`{old_name}`" in messages and f"`{new_name}`" in messages, old_name
assert {w.category for w in caught} == {DeprecationWarning}
"""),
    md(
        """
`np_utils` was the Keras 1/2 module holding `to_categorical` (Keras 2.9 removed it); kerasedu keeps it for old
code: it gives the same result as the modern `kerasedu.utils.to_categorical`, with a warning naming it:
""",
        """
`np_utils` 是 Keras 1/2 中存放 `to_categorical` 的模块（Keras 2.9 已将其删除）；kerasedu 为了兼容旧代码保留了它：
结果和现在的 `kerasedu.utils.to_categorical` 完全相同，同时会发出警告，告诉你新的写法：
""",
    ),
    code("""
from kerasedu.utils import np_utils

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old_style = np_utils.to_categorical([0, 2, 1], 3)
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
print(old_style)
assert [w.category for w in caught] == [DeprecationWarning]
assert np.array_equal(old_style, kerasedu.utils.to_categorical([0, 2, 1], 3))
"""),
    md(
        """
## Summary

1. Save `history.history` (a dict of lists) to a JSON file; plot from the file.
2. Lower the learning rate with `LearningRateScheduler`, a schedule object (the old `decay` argument lowers it
   every batch), or `ReduceLROnPlateau`. A rate of 0 or a huge one is caught during `fit`.
3. For data that does not fit in memory: `train_on_batch` loops, generators with `steps_per_epoch`, or a
   `Sequence`.
4. `BatchNormalization(axis=-1)` for channels-last images, `axis=1` for channels-first; usually between a layer and
   its activation.
5. `EarlyStopping(monitor="val_loss", patience=..., restore_best_weights=True)` stops at best epoch + patience.
6. After changing `trainable`, call `compile` again.
7. `Sequential.pop()` removes the last layer; the others keep their weights.
8. Old names (`nb_epoch`, `output_dim`, `init`, `lr`, `input`/`output`, `np_utils`) still run, with a warning
   naming the modern one.

kerasedu's `TeachingWarning`s fired in this lesson for a learning rate of 0, a diverging loss and a
`trainable` change without `compile`; the old spellings each raised a `DeprecationWarning`. Together with
lesson 05 you have now met every mistake kerasedu checks for.

## Exercises

Each exercise asks you to write a function in the cell below it, in place of `raise NotImplementedError()`;
the cell after that checks it and tells you what is wrong.

**Exercise 1 (pitfall 1).** Write `best_epoch(path)`: read a history saved as JSON (as in pitfall 1) and
return `(epoch, val_loss)` for the epoch with the lowest validation loss, counting epochs from 1.
""",
        """
## 小结

1. 把 `history.history`（一个由列表组成的字典）存成 JSON 文件，画图时从文件读取。
2. 降低学习率可以用 `LearningRateScheduler`、调度对象（旧的 `decay` 参数每个批次都降），或者 `ReduceLROnPlateau`。
   学习率为 0 或者过大，`fit` 时会被发现。
3. 数据大到内存放不下时：用 `train_on_batch` 写循环、用带 `steps_per_epoch` 的生成器，或者用 `Sequence`。
4. 通道在后的图像用 `BatchNormalization(axis=-1)`，通道在前用 `axis=1`；它通常放在层与激活函数之间。
5. `EarlyStopping(monitor="val_loss", patience=..., restore_best_weights=True)` 在"最好的一轮 + patience"处停止。
6. 修改 `trainable` 之后要重新 `compile`。
7. `Sequential.pop()` 去掉最后一层，其余各层保留权重。
8. 旧名字（`nb_epoch`、`output_dim`、`init`、`lr`、`input`/`output`、`np_utils`）仍能运行，但会发出警告，告诉你新名字。

本课中 kerasedu 的 `TeachingWarning` 分别在这些情况下出现：学习率为 0、损失发散，以及修改 `trainable`
后没有重新 `compile`；旧写法则各自引发了一条 `DeprecationWarning`。加上第 05 课，kerasedu 能检查的错误你都已经见过了。

## 练习

每道练习都要你在下面的单元格里写一个函数，替换掉 `raise NotImplementedError()`；再下面一个单元格会检查它，
并告诉你哪里不对。

**练习 1（第 1 个坑）**：写出 `best_epoch(path)`：读取一个存成 JSON 的训练历史（和第 1 个坑一样），
返回验证损失最低的那一轮 `(epoch, val_loss)`，轮次从 1 开始数。
""",
    ),
    solution(
        """
def best_epoch(path):
    \"\"\"«(epoch, val_loss) of the lowest val_loss in a JSON history; epochs from 1.|返回 JSON 历史中 val_loss 最低的 (epoch, val_loss)；轮次从 1 开始。»\"\"\"
    ### BEGIN SOLUTION
    with open(path) as f:
        val_loss = json.load(f)["val_loss"]
    best = int(np.argmin(val_loss))
    return best + 1, val_loss[best]
    ### END SOLUTION
""",
        "l07-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson07

lesson07.check_best_epoch(best_epoch, lang="«en|zh»")
""",
        "l07-ex1-check",
    ),
    md(
        """
**Exercise 2 (pitfall 2).** Write `make_step_decay(initial, drop, every)`: it returns a schedule
`schedule(epoch, lr)` for `LearningRateScheduler` that starts at `initial` and multiplies the rate by `drop`
every `every` epochs (epochs count from 0). The check runs it inside `fit` and records the rates.
""",
        """
**练习 2（第 2 个坑）**：写出 `make_step_decay(initial, drop, every)`：它返回一个给 `LearningRateScheduler`
用的调度函数 `schedule(epoch, lr)`：学习率从 `initial` 开始，每过 `every` 轮乘以一次 `drop`（轮次从 0 开始数）。
检查程序会在 `fit` 里运行它，并记下每一轮的学习率。
""",
    ),
    solution(
        """
def make_step_decay(initial, drop, every):
    \"\"\"«Return schedule(epoch, lr): initial * drop ** (epoch // every).|返回 schedule(epoch, lr)：阶梯衰减。»\"\"\"
    ### BEGIN SOLUTION
    def schedule(epoch, lr):
        return initial * drop ** (epoch // every)

    return schedule
    ### END SOLUTION
""",
        "l07-ex2",
    ),
    check(
        """
lesson07.check_step_decay(make_step_decay, lang="«en|zh»")
""",
        "l07-ex2-check",
    ),
    md(
        """
**Exercise 3 (pitfall 3).** Write a generator `batch_generator(x, y, batch_size)` for `fit(...,
steps_per_epoch=...)`: it yields `(x_batch, y_batch)` pairs forever; each pass over the data visits every
sample exactly once, in a new random order, the last batch of a pass holding what is left. The check
takes three passes, then trains a model on it.
""",
        """
**练习 3（第 3 个坑）**：写一个生成器 `batch_generator(x, y, batch_size)`，给 `fit(..., steps_per_epoch=...)`
用：它无休止地产生 `(x_batch, y_batch)`；每遍历一次数据，每个样本恰好出现一次，顺序每遍都重新打乱，
每一遍的最后一个批次装剩下的样本。检查程序会取三遍，再用它训练一个模型。
""",
    ),
    solution(
        """
def batch_generator(x, y, batch_size):
    \"\"\"«Yield shuffled (x, y) batches forever, every sample once per pass.|无休止地产生打乱的批次，每遍每个样本一次。»\"\"\"
    ### BEGIN SOLUTION
    while True:
        order = np.random.permutation(len(x))
        for start in range(0, len(x), batch_size):
            batch = order[start:start + batch_size]
            yield x[batch], y[batch]
    ### END SOLUTION
""",
        "l07-ex3",
    ),
    check(
        """
lesson07.check_batch_generator(batch_generator, lang="«en|zh»")
""",
        "l07-ex3-check",
        points=2,
    ),
    md(
        """
**Exercise 4 (pitfall 6).** Write `freeze_all_but_last(model, loss)`: it takes a compiled (and already
trained) model, freezes every layer except the last one, and makes the change count, compiling the model again
with `loss` and the Adam optimizer. The check then trains the model and looks at which weights moved.
""",
        """
**练习 4（第 6 个坑）**：写出 `freeze_all_but_last(model, loss)`：它接收一个已经编译（也已经训练过）的模型，
冻结除最后一层以外的所有层，并让这个修改生效：用 `loss` 和 Adam 优化器重新编译模型。检查程序随后会训练这个模型，
看看哪些权重变了。
""",
    ),
    solution(
        """
def freeze_all_but_last(model, loss):
    \"\"\"«Freeze every layer but the last, then compile again.|冻结除最后一层外的所有层，再重新编译。»\"\"\"
    ### BEGIN SOLUTION
    for layer in model.layers[:-1]:
        layer.trainable = False
    model.compile(optimizer=Adam(), loss=loss)
    ### END SOLUTION
""",
        "l07-ex4",
    ),
    check(
        """
lesson07.check_freeze_all_but_last(freeze_all_but_last, lang="«en|zh»")
""",
        "l07-ex4-check",
    ),
    code("""
workdir.cleanup()  # «delete the files this lesson wrote|删除本课写出的文件»
"""),
]
