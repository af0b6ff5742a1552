"""Lesson 05: common pitfalls."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        """
# 05 · Common pitfalls

**Goal.** Eleven mistakes that almost everyone makes once with Keras, each shown on a small example, with its
fix and an `assert` that proves the point: losing the training history, a validation set that holds one class,
learning-rate schedules, data that does not fit in memory, `BatchNormalization`'s axis, early stopping,
freezing layers, `pop()`, the default batch size, the three data sets, and the spellings of old tutorials.

kerasedu helps you here: it watches for the classic mistakes while you train and explains them in a
**`TeachingWarning`** at the moment they happen, with the fix and a link back to this page. You will see several
of them fire below. Once you know what you are doing, you can silence one check
(`kerasedu.diagnostics.disable("input_scale")`) or all of them (`kerasedu.diagnostics.disable()`).

Everything runs in well under a minute on a laptop CPU: the data sets are small on purpose.
""",
        """
# 05 · 常见的坑

**本课目标**：用 Keras 的人几乎都会踩一遍的 11 个坑，每个都配一个小例子、改正的方法，以及一个证明结论的 `assert`：
训练历史没有保存、验证集里只有一个类别、学习率调度、数据大到内存放不下、`BatchNormalization` 的轴、提前停止、
冻结层、`pop()`、默认的批次大小、三种数据集的分工，以及旧教程里的过时写法。

kerasedu 会在这里帮你一把：训练时它会留意这些经典错误，一旦发生，就立即发出一条**教学警告**（`TeachingWarning`），
说明问题出在哪里、该怎么改，并附上指向本页的链接。下面你会看到好几条这样的警告。等你熟练以后，可以关掉某一项检查
（`kerasedu.diagnostics.disable("input_scale")`），或者全部关掉（`kerasedu.diagnostics.disable()`）。

本课的数据集都故意取得很小，整篇在笔记本电脑的 CPU 上不到一分钟就能跑完。
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
Warnings normally print the file and line they come from, which clutters the page. So every time we *want* a
warning, we catch it with `warnings.catch_warnings(record=True)`, print each one as
`Category: message`, and check which mistake it names: a `TeachingWarning` carries the name of its check in
`.check`. The first cell asked kerasedu to write its hints in English only (`set_language("en")`); by default
they come in English and Chinese.
""",
        """
警告平时会连同它所在的文件和行号一起打印出来，页面会很乱。所以每当我们*有意*触发一条警告，就用
`warnings.catch_warnings(record=True)` 把它接住，按“类型: 内容”的格式打印出来，再检查它指出的是哪个错误：
教学警告（`TeachingWarning`）的 `.check` 属性就是触发它的检查项的名称。第一个单元格已经让 kerasedu
只用中文给出提示（`set_language("zh")`）；默认情况下提示是中英双语的。
""",
    ),
    md(
        """
## The data

Most examples use the same toy problem: points in the plane from 4 clouds, one cloud per class, 250 points each.
Like many real data files, the samples are **stored class by class**: first all of class 0, then all of class 1,
and so on. Remember this; it matters in pitfall 2.
""",
        """
## 数据

大多数例子都用同一个小问题：平面上的点来自 4 团点云，每团是一个类别，各 250 个点。和很多真实的数据文件一样，
这些样本是**按类别依次存放的**：先是全部 0 类，再是全部 1 类，依此类推。请记住这一点，第 2 个坑就和它有关。
""",
    ),
    code("""
np.random.seed(0)
centers = np.array([[0, 0], [3, 0], [0, 3], [3, 3]], dtype="float32")
clouds = [c + np.random.normal(0, 0.8, size=(250, 2)) for c in centers]
x_blobs = np.concatenate(clouds).astype("float32")
y_blobs = np.repeat(np.arange(4), 250)
print("x:", x_blobs.shape, " y:", y_blobs.shape, " «first labels:|前几个标签：»", y_blobs[:5],
      " «last labels:|最后几个标签：»", y_blobs[-5:])

plt.scatter(x_blobs[:, 0], x_blobs[:, 1], c=y_blobs, s=4, cmap="tab10")
plt.title("«4 classes, 250 points each|4 个类别，每类 250 个点»")
plt.show()


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
and plot it from the file whenever you need it. (We shuffle the data here first; pitfall 2 shows why.)
""",
        """
<a id="history"></a>
## 1. 保存损失的历史记录

**问题**：训练要跑几分钟甚至几小时，跑完 notebook 一关，损失曲线就没了。事后谁也说不清模型当时是已经学完了，
还是已经过拟合（overfitting）了。

**解决**：`fit` 会返回一个 `History` 对象，它的 `history` 属性就是一个普通的字典
`{"loss": [...], "val_loss": [...], ...}`，每一轮（epoch）一个数。把它写进一个 JSON 文件，和模型放在一起，
需要时再从文件读出来画图。（这里我们先把数据打乱，第 2 个坑会讲为什么。）
""",
    ),
    code("""
np.random.seed(42)
order = np.random.permutation(len(x_blobs))
x_mixed, y_mixed = x_blobs[order], y_blobs[order]

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

<a id="validation-split"></a>
## 2. `validation_split` takes the *last* samples

**What goes wrong.** `fit(..., validation_split=0.25)` holds out the **last** 25 % of the arrays for validation,
*before* any shuffling (`shuffle=True` only mixes the training part, each epoch). With our sorted data, the last
250 samples are all of class 3: the model never sees a single class-3 point during training, and the
validation accuracy measures nothing useful. kerasedu notices and says so.
""",
        """
`CSVLogger` 等回调（callback）可以在训练过程中边跑边写历史记录，长时间的训练中途崩溃时很有用。
`kerasedu.utils.plot_history(history)` 一行就能画出同样的曲线。

<a id="validation-split"></a>
## 2. `validation_split` 取的是*最后*一部分样本

**问题**：`fit(..., validation_split=0.25)` 会把数组**最后**的 25 % 留作验证集，而且是在任何打乱*之前*
（`shuffle=True` 只在每一轮打乱训练部分）。我们的数据是排好序的，最后 250 个样本全是 3 类：模型训练时一个 3 类的点都见不到，
验证准确率也就失去了意义。kerasedu 发现了这一点，并给出提示。
""",
    ),
    code("""
model = blob_model()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    history = model.fit(x_blobs, y_blobs, validation_split=0.25, epochs=10, verbose=0)
for w in caught:
    print(f"{w.category.__name__}: {w.message}")

held_out = y_blobs[-250:]          # «what validation_split=0.25 keeps aside|validation_split=0.25 留出的部分»
print("«classes in the validation set:|验证集中的类别：»", np.unique(held_out))
print(f"«validation accuracy:|验证准确率：» {history.history['val_accuracy'][-1]:.4f}")
assert "sorted_validation_split" in {w.message.check for w in caught}
assert np.unique(held_out).tolist() == [3]
assert history.history["val_accuracy"][-1] == 0.0   # «class 3 was never trained|3 类从没训练过»
"""),
    md(
        """
**The fix.** Shuffle the samples (and the labels with the *same* permutation) once, before `fit`. Now the
validation set holds all four classes in about equal numbers, the warning stays silent, and the validation
accuracy means what it says.
""",
        """
**解决**：在 `fit` 之前把样本打乱一次（标签要用*同一个*排列一起打乱）。这样验证集里四个类别都有，数量也差不多，
警告不再出现，验证准确率也名副其实了。
""",
    ),
    code(
        """
model = blob_model()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    history = model.fit(x_mixed, y_mixed, validation_split=0.25, epochs=10, verbose=0)
for w in caught:
    print(f"{w.category.__name__}: {w.message}")

classes, counts = np.unique(y_mixed[-250:], return_counts=True)
print("«classes in the validation set:|验证集中的类别：»", classes, "«counts:|数量：»", counts)
print(f"«validation accuracy:|验证准确率：» {history.history['val_accuracy'][-1]:.4f}")
assert not caught
assert classes.tolist() == [0, 1, 2, 3]
assert history.history["val_accuracy"][-1] > 0.85
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
<a id="learning-rate"></a>
## 3. Learning-rate schedules

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
<a id="learning-rate"></a>
## 3. 学习率调度

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
## 4. Data larger than memory

**What goes wrong.** `fit(x, y)` needs `x` and `y` as arrays in memory. A data set of a few hundred gigabytes
does not fit, and loading it crashes the machine.

**The fix.** Keep the data on disk in chunks and hand the model one batch at a time. Three ways, from the most
manual to the most convenient. To try them, we write our 1,000 samples as 10 files of 100 samples each (for real
data, these would be your image folders or record files).
""",
        """
<a id="large-data"></a>
## 4. 数据大到内存放不下

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
## 5. `BatchNormalization`: where it goes, and its `axis`

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
## 5. `BatchNormalization` 放在哪里，`axis` 怎么设

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
## 6. `EarlyStopping` on `val_loss` with `patience`

**What goes wrong.** Trained for too many epochs, a model starts to memorise its training set: the training loss
keeps falling while the validation loss turns and rises. Below, 60 training samples with 20 features (only 3 of
which matter) and a 64-unit layer: a recipe for overfitting.

**The fix.** `EarlyStopping(monitor="val_loss", patience=3)` stops training once the validation loss has not
improved for 3 epochs in a row; `restore_best_weights=True` then puts back the weights of the best epoch.
`patience` exists because validation losses are noisy: stopping at the first bad epoch is often too early.
""",
        """
<a id="early-stopping"></a>
## 6. 用 `EarlyStopping` 监控 `val_loss`，并设置 `patience`

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
## 7. Freezing layers, and why a change needs a new `compile`

A layer with `trainable=False` keeps its weights during `fit`, which is what transfer learning does with a
pretrained base. You can freeze a layer in its constructor, `Dense(8, trainable=False)`, or later through the
attribute, `layer.trainable = False`.

**What goes wrong.** `compile` takes note of which weights to train. Change `trainable` *after* `compile`, and
the change only counts once you call `compile` again, as in Keras. Forget it, and the "frozen" layer keeps
learning. kerasedu warns when `fit` starts.
""",
        """
<a id="freezing-layers"></a>
## 7. 冻结层：为什么改了之后要重新 `compile`

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
## 8. `Sequential.pop()` removes the last layer

To reuse a trained `Sequential` model with a different head (for example 10 classes instead of 4), `pop()`
removes the last layer, and `add()` puts a new one in its place. The layers that stay keep their weights.
""",
        """
<a id="pop"></a>
## 8. 用 `Sequential.pop()` 去掉最后一层

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
<a id="batch-size"></a>
## 9. The default batch size is 32, and `fit` continues where it stopped

**Batch size.** `fit`, `evaluate` and `predict` all use `batch_size=32` unless told otherwise. With 1,000 samples
an epoch is therefore `ceil(1000 / 32) = 32` batches, the last one holding only 8 samples. A callback that counts
the batches shows it, and so does `verbose=2`. For `predict` on large data, pass a larger `batch_size`: nothing is
learned, so a large batch only makes it faster.
""",
        """
<a id="batch-size"></a>
## 9. 默认批次大小是 32；再次调用 `fit` 会接着训练

**批次大小**：除非另行指定，`fit`、`evaluate` 和 `predict` 都使用 `batch_size=32`。1000 个样本，一轮就是
`ceil(1000 / 32) = 32` 个批次，最后一个批次只有 8 个样本。数一数批次的回调可以证明这一点，`verbose=2` 的输出也能看出来。
对大量数据做 `predict` 时，传一个更大的 `batch_size`：预测不学习任何东西，批次大只会更快。
""",
    ),
    code("""
class CountBatches(Callback):
    \"\"\"«Count the batches of fit, evaluate and predict.|数出 fit、evaluate 和 predict 各用了多少个批次。»\"\"\"

    def __init__(self):
        super().__init__()
        self.counts = {"fit": 0, "evaluate": 0, "predict": 0}

    def on_train_batch_end(self, batch, logs=None):
        self.counts["fit"] += 1

    def on_test_batch_end(self, batch, logs=None):
        self.counts["evaluate"] += 1

    def on_predict_batch_end(self, batch, logs=None):
        self.counts["predict"] += 1


counter = CountBatches()
model = blob_model()
history = model.fit(x_mixed, y_mixed, epochs=2, verbose=2, callbacks=[counter])
model.evaluate(x_mixed, y_mixed, verbose=0, callbacks=[counter])
model.predict(x_mixed, verbose=0, callbacks=[counter])
model.predict(x_mixed, batch_size=1000, verbose=0, callbacks=[counter])
print(counter.counts)
n = math.ceil(1000 / 32)
assert counter.counts == {"fit": 2 * n, "evaluate": n, "predict": n + 1}
"""),
    md(
        """
**Calling `fit` again continues training.** A model keeps its weights (and its optimizer keeps its state)
between calls: a second `fit` starts from where the first one ended, not from scratch. That is handy for
training in several sittings, and a trap when you compare settings in a loop: to start over, build (and compile)
a new model.
""",
        """
**再次调用 `fit` 会接着训练**：两次调用之间，模型保留它的权重（优化器也保留它的状态），所以第二次 `fit` 从第一次结束的地方
继续，而不是从头开始。分几次训练时这很方便；但在循环里比较不同设置时就是个陷阱：想从头开始，就要重新搭建（并编译）一个模型。
""",
    ),
    code("""
model = blob_model()
first_run = model.fit(x_mixed, y_mixed, epochs=3, verbose=0).history["loss"]
second_run = model.fit(x_mixed, y_mixed, epochs=3, verbose=0).history["loss"]
fresh_run = blob_model().fit(x_mixed, y_mixed, epochs=3, verbose=0).history["loss"]
print("«first fit: |第一次 fit：»", np.round(first_run, 3))
print("«second fit:|第二次 fit：»", np.round(second_run, 3))
print("«new model: |新模型：    »", np.round(fresh_run, 3))
# «the second fit starts where the first ended|第二次从第一次结束处开始»
assert second_run[0] < first_run[-1] < first_run[0]
# «a new model (same seed) starts over|新模型（同一个种子）从头开始»
assert fresh_run == first_run
"""),
    md(
        """
<a id="splits"></a>
## 10. Training, validation and test sets

Each of the three sets has one job:

- the **training set** is what the weights are fitted to;
- the **validation set** is for *your* decisions: how many epochs, how many units, which learning rate
  (`EarlyStopping` and `ReduceLROnPlateau` watch it too). Because you choose whatever scores best on it, it
  slowly stops being an unbiased judge;
- the **test set** is used **once**, at the very end, to report how the chosen model does on data that played
  no part in any decision.

**What goes wrong.** Tuning on the test set (trying settings until the test accuracy looks good) makes the
reported figure optimistic: it no longer says how the model will do on new data. Here we pick the size of a
hidden layer on the validation set, and only then look at the test set. The data are MNIST digits (lesson 02),
shipped with kerasedu so they load offline.

<a id="scale-inputs"></a>
First, though, the mistake kerasedu catches when MNIST pixels go in as they are stored, integers from 0 to 255:
""",
        """
<a id="splits"></a>
## 10. 训练集、验证集和测试集

三个数据集各有分工：

- **训练集**（training set）用来拟合权重；
- **验证集**（validation set）用来做*你自己的*决定：训练多少轮、用多少个单元、选哪个学习率（`EarlyStopping` 和
  `ReduceLROnPlateau` 也盯着它）。因为你总是挑在它上面得分最高的设置，它就渐渐不再是一个公正的裁判；
- **测试集**（test set）只在最后用**一次**，报告选定的模型在没有参与任何决定的数据上表现如何。

**问题**：在测试集上调参（反复尝试，直到测试准确率好看为止），报告出来的数字就会偏乐观：它不再代表模型在新数据上的表现。
下面我们在验证集上挑选隐藏层的大小，选定之后才去看测试集。数据是 MNIST 手写数字（见第 02 课），随 kerasedu 一起提供，离线就能加载。

<a id="scale-inputs"></a>
不过先来看一个 kerasedu 会抓住的错误：把 MNIST 的像素按原样（0 到 255 的整数）直接送进网络。
""",
    ),
    code("""
mnist = kerasedu.datasets.mnist
(x_train_all, y_train_all), (x_test_all, y_test_all) = mnist.load_data()
x_raw = x_train_all[:2000].reshape(-1, 784)          # «uint8 pixels, 0..255|uint8 像素，0..255»

np.random.seed(0)
digits = Sequential([
    Dense(32, activation="relu", input_shape=(784,)),
    Dense(10, activation="softmax"),
])
digits.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    raw = digits.fit(x_raw, y_train_all[:2000], epochs=3, verbose=0)
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
print("«loss per epoch on raw pixels:|原始像素上每轮的损失：»", np.round(raw.history["loss"], 2))
assert "input_scale" in {w.message.check for w in caught}
"""),
    md(
        """
The fix is one line, `x.astype("float32") / 255`. With scaled inputs we now do it properly: 2,000 training
images, 500 validation images taken from the rest of MNIST's training part, and MNIST's own test images, which
we touch only at the end.
""",
        """
改正只需要一行：`x.astype("float32") / 255`。输入缩放好之后，我们按规矩来：2000 张训练图片，从 MNIST
训练部分的其余图片中取 500 张作验证集，测试集则用 MNIST 自带的测试图片，而且只在最后才碰它。
""",
    ),
    code(
        """
def scaled(images):
    return images.reshape(-1, 784).astype("float32") / 255


x_train, y_train = scaled(x_train_all[:2000]), y_train_all[:2000]
x_valid, y_valid = scaled(x_train_all[2000:2500]), y_train_all[2000:2500]
x_test, y_test = scaled(x_test_all[:1000]), y_test_all[:1000]

val_scores, candidates = {}, {}
for units in (8, 64):
    np.random.seed(0)
    candidate = Sequential([
        Dense(units, activation="relu", input_shape=(784,)),
        Dense(10, activation="softmax"),
    ])
    candidate.compile(
        optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"]
    )
    candidate.fit(x_train, y_train, epochs=5, verbose=0)
    val_scores[units] = candidate.evaluate(x_valid, y_valid, verbose=0)[1]
    candidates[units] = candidate
chosen = candidates[max(val_scores, key=val_scores.get)]
for units, score in val_scores.items():
    print(f"«{units} hidden units: validation accuracy|{units} 个隐藏单元：验证准确率» {score:.4f}")

# «once, at the end|只用一次，放在最后»
test_loss, test_accuracy = chosen.evaluate(x_test, y_test, verbose=0)
units = chosen.layers[0].units
print(f"«chosen: {units} units; test accuracy {test_accuracy:.4f}|选定：{units} 个单元；测试准确率 {test_accuracy:.4f}»")
assert max(val_scores, key=val_scores.get) == 64 and test_accuracy > 0.85
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
The three sets share no image: the training and validation images are different slices of MNIST's training
part, and the test images come from its separate test part.

<a id="old-spellings"></a>
## 11. Old tutorial spellings

Many tutorials online were written for Keras 1 or 2, and some of their argument names have changed since.
kerasedu still runs them, but each old name emits a `DeprecationWarning` that gives the modern one:

| old (Keras 1/2) | modern (Keras 3) |
| --- | --- |
| `fit(nb_epoch=10)` | `fit(epochs=10)` |
| `Dense(output_dim=64)` | `Dense(units=64)` |
| `Dense(64, init="uniform")` | `Dense(64, kernel_initializer="uniform")` |
| `SGD(lr=0.01)`, `optimizer.lr` | `SGD(learning_rate=0.01)`, `optimizer.learning_rate` |
| `SGD(lr=0.01, decay=1e-6)` | a schedule, e.g. `schedules.InverseTimeDecay` (pitfall 3) |
| `Model(input=a, output=b)` | `Model(inputs=a, outputs=b)` |
| `from keras.utils import np_utils` | `from kerasedu.utils import to_categorical` |
""",
        """
三个数据集没有任何一张重复的图片：训练集和验证集是 MNIST 训练部分中不同的两段，测试集则来自它单独的测试部分。

<a id="old-spellings"></a>
## 11. 旧教程里的过时写法

网上很多教程是为 Keras 1 或 Keras 2 写的，其中一些参数名后来改了。kerasedu 仍然能运行这些代码，但每个旧名字都会引发一条
`DeprecationWarning`（弃用警告），告诉你现在该怎么写：

| 旧写法（Keras 1/2） | 新写法（Keras 3） |
| --- | --- |
| `fit(nb_epoch=10)` | `fit(epochs=10)` |
| `Dense(output_dim=64)` | `Dense(units=64)` |
| `Dense(64, init="uniform")` | `Dense(64, kernel_initializer="uniform")` |
| `SGD(lr=0.01)`、`optimizer.lr` | `SGD(learning_rate=0.01)`、`optimizer.learning_rate` |
| `SGD(lr=0.01, decay=1e-6)` | 调度对象，例如 `schedules.InverseTimeDecay`（见第 3 个坑） |
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
<a id="softmax-on-one-unit"></a>
## More mistakes kerasedu catches

Three more classics, each caught the moment it happens.

**Softmax over a single unit.** Some published tutorials end a yes/no classifier with
`Dense(1, activation="softmax")`. Softmax divides each output by the sum of all outputs; with one output, that is
`e^z / e^z = 1.0`, for every input. The model cannot learn anything. For two classes, use one sigmoid unit
(or softmax over two units).
""",
        """
<a id="softmax-on-one-unit"></a>
## kerasedu 还能抓住的错误

再看三个经典错误，kerasedu 都会在它们发生的那一刻指出来。

**对单个单元做 softmax**：有些公开的教程用 `Dense(1, activation="softmax")` 作为二分类器的最后一层。softmax
把每个输出除以所有输出之和；只有一个输出时，结果就是 `e^z / e^z = 1.0`，不管输入是什么。这样的模型什么也学不到。
二分类请用一个 sigmoid 单元（或者对两个单元做 softmax）。
""",
    ),
    code("""
is_class_0 = (y_mixed == 0).astype("float32")
np.random.seed(0)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    broken = Sequential([
        Dense(16, activation="tanh", input_shape=(2,)),
        Dense(1, activation="softmax"),
    ])
    broken.compile(optimizer=Adam(learning_rate=0.01), loss="binary_crossentropy")
    broken.fit(x_mixed, is_class_0, epochs=3, verbose=0)
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
print("«predictions:|预测值：»", broken.predict(x_mixed[:6], verbose=0).ravel())
assert "single_unit_softmax" in {w.message.check for w in caught}
assert np.all(broken.predict(x_mixed, verbose=0) == 1.0)
"""),
    code(
        """
np.random.seed(0)
fixed = Sequential([
    Dense(16, activation="tanh", input_shape=(2,)),
    Dense(1, activation="sigmoid"),
])
fixed.compile(
    optimizer=Adam(learning_rate=0.01), loss="binary_crossentropy", metrics=["accuracy"]
)
fixed.fit(x_mixed, is_class_0, epochs=10, verbose=0)
accuracy = fixed.evaluate(x_mixed, is_class_0, verbose=0)[1]
print(f"«with sigmoid, accuracy:|改用 sigmoid 后的准确率：» {accuracy:.4f}")
assert accuracy > 0.9
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
<a id="from-logits"></a>
**`from_logits` that contradicts the model.** A loss created with `from_logits=True` applies softmax itself; if
the model already ends in softmax, it is applied twice and the gradients become tiny. The opposite mistake, raw
scores ("logits") given to a loss that expects probabilities, is caught as well.
""",
        """
<a id="from-logits"></a>
**`from_logits` 与模型不符**：用 `from_logits=True` 创建的损失函数会自己做 softmax；如果模型最后已经是 softmax，
就做了两次，梯度会变得很小。反过来，把原始分数（logits）交给期望概率的损失函数，同样会被发现。
""",
    ),
    code("""
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model = blob_model()
    model.compile(optimizer="adam",
                  loss=kerasedu.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(x_mixed, y_mixed, epochs=1, verbose=0)
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
assert "from_logits" in {w.message.check for w in caught}
"""),
    md(
        """
<a id="labels"></a>
**Labels in the wrong format.** `categorical_crossentropy` expects one-hot labels (one row of 0s and a 1 per
sample), `sparse_categorical_crossentropy` expects class numbers. Mixing them up is an error, and the message
says how to convert:
""",
        """
<a id="labels"></a>
**标签格式不对**：`categorical_crossentropy` 需要 one-hot 标签（每个样本一行，只有一个 1，其余是 0），
`sparse_categorical_crossentropy` 需要类别编号。两者弄混会直接报错，错误信息会告诉你如何转换：
""",
    ),
    code("""
model = blob_model()
model.compile(optimizer="adam", loss="categorical_crossentropy")
try:
    model.fit(x_mixed, y_mixed, epochs=1, verbose=0)     # «class numbers, not one-hot|类别编号，不是 one-hot»
except ValueError as error:
    message = str(error)
    print(f"ValueError: {message}")
assert "to_categorical" in message

one_hot = kerasedu.utils.to_categorical(y_mixed, 4)
history = model.fit(x_mixed, one_hot, epochs=1, verbose=0)
print("«with one-hot labels, loss:|换成 one-hot 标签后的损失：»", round(history.history["loss"][0], 3))
"""),
    md(
        """
## Summary

1. Save `history.history` (a dict of lists) to a JSON file; plot from the file.
2. `validation_split` takes the **last** samples before shuffling: shuffle sorted data first.
3. Lower the learning rate with `LearningRateScheduler`, a schedule object (the old `decay` argument lowers it
   every batch), or `ReduceLROnPlateau`. A rate of 0 or a huge one is caught during `fit`.
4. For data that does not fit in memory: `train_on_batch` loops, generators with `steps_per_epoch`, or a
   `Sequence`.
5. `BatchNormalization(axis=-1)` for channels-last images, `axis=1` for channels-first; usually between a layer and
   its activation.
6. `EarlyStopping(monitor="val_loss", patience=..., restore_best_weights=True)` stops at best epoch + patience.
7. After changing `trainable`, call `compile` again.
8. `Sequential.pop()` removes the last layer; the others keep their weights.
9. `fit`, `evaluate` and `predict` use batches of 32 by default; a second `fit` continues training.
10. Fit on the training set, decide on the validation set, report the test set once.
11. Old names (`nb_epoch`, `output_dim`, `init`, `lr`, `input`/`output`, `np_utils`) still run, with a warning
    naming the modern one.

kerasedu's `TeachingWarning`s fired in this lesson for a sorted `validation_split`, a learning rate of 0, a
diverging loss, a `trainable` change without `compile`, unscaled pixels, softmax over one unit and a
contradictory `from_logits`.

## Exercises

Each exercise asks you to write a function in the cell below it, in place of `raise NotImplementedError()`;
the cell after that checks it and tells you what is wrong.

**Exercise 1 (pitfall 1).** Write `best_epoch(path)`: read a history saved as JSON (as in pitfall 1) and
return `(epoch, val_loss)` for the epoch with the lowest validation loss, counting epochs from 1.
""",
        """
## 小结

1. 把 `history.history`（一个由列表组成的字典）存成 JSON 文件，画图时从文件读取。
2. `validation_split` 取的是打乱之前**最后**的样本：排好序的数据要先打乱。
3. 降低学习率可以用 `LearningRateScheduler`、调度对象（旧的 `decay` 参数每个批次都降），或者 `ReduceLROnPlateau`。
   学习率为 0 或者过大，`fit` 时会被发现。
4. 数据大到内存放不下时：用 `train_on_batch` 写循环、用带 `steps_per_epoch` 的生成器，或者用 `Sequence`。
5. 通道在后的图像用 `BatchNormalization(axis=-1)`，通道在前用 `axis=1`；它通常放在层与激活函数之间。
6. `EarlyStopping(monitor="val_loss", patience=..., restore_best_weights=True)` 在"最好的一轮 + patience"处停止。
7. 修改 `trainable` 之后要重新 `compile`。
8. `Sequential.pop()` 去掉最后一层，其余各层保留权重。
9. `fit`、`evaluate` 和 `predict` 默认批次大小都是 32；第二次 `fit` 会接着训练。
10. 在训练集上拟合，在验证集上做决定，测试集只在最后报告一次。
11. 旧名字（`nb_epoch`、`output_dim`、`init`、`lr`、`input`/`output`、`np_utils`）仍能运行，但会发出警告，告诉你新名字。

本课中 kerasedu 的 `TeachingWarning` 分别在这些情况下出现：排好序的数据用了 `validation_split`、学习率为 0、损失发散、
修改 `trainable` 后没有重新 `compile`、像素没有缩放、对单个单元做 softmax，以及自相矛盾的 `from_logits`。

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
        "l05-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson05

lesson05.check_best_epoch(best_epoch, lang="«en|zh»")
""",
        "l05-ex1-check",
    ),
    md(
        """
**Exercise 2 (pitfall 3).** Write `make_step_decay(initial, drop, every)`: it returns a schedule
`schedule(epoch, lr)` for `LearningRateScheduler` that starts at `initial` and multiplies the rate by `drop`
every `every` epochs (epochs count from 0). The check runs it inside `fit` and records the rates.
""",
        """
**练习 2（第 3 个坑）**：写出 `make_step_decay(initial, drop, every)`：它返回一个给 `LearningRateScheduler`
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
        "l05-ex2",
    ),
    check(
        """
lesson05.check_step_decay(make_step_decay, lang="«en|zh»")
""",
        "l05-ex2-check",
    ),
    md(
        """
**Exercise 3 (pitfall 2).** Write `shuffled_split(x, y, validation_fraction=0.25, seed=0)`: shuffle the
samples and the labels with the same permutation (from `np.random.default_rng(seed)`), then keep the last
`validation_fraction` of them for validation. Return `((x_train, y_train), (x_val, y_val))`. The check
feeds it data sorted by label, like ours.
""",
        """
**练习 3（第 2 个坑）**：写出 `shuffled_split(x, y, validation_fraction=0.25, seed=0)`：用同一个排列
（由 `np.random.default_rng(seed)` 生成）打乱样本和标签，再把最后 `validation_fraction` 的部分留作验证集。
返回 `((x_train, y_train), (x_val, y_val))`。检查程序会给它和我们一样按标签排好序的数据。
""",
    ),
    solution(
        """
def shuffled_split(x, y, validation_fraction=0.25, seed=0):
    \"\"\"«Shuffle (x, y) together, then split off the last part for validation.|一起打乱 (x, y)，再把最后一部分划为验证集。»\"\"\"
    ### BEGIN SOLUTION
    order = np.random.default_rng(seed).permutation(len(x))
    x, y = x[order], y[order]
    split = int(len(x) * (1 - validation_fraction))
    return (x[:split], y[:split]), (x[split:], y[split:])
    ### END SOLUTION
""",
        "l05-ex3",
    ),
    check(
        """
lesson05.check_shuffled_split(shuffled_split, lang="«en|zh»")
""",
        "l05-ex3-check",
    ),
    md(
        """
**Exercise 4 (pitfall 4).** Write a generator `batch_generator(x, y, batch_size)` for `fit(...,
steps_per_epoch=...)`: it yields `(x_batch, y_batch)` pairs forever; each pass over the data visits every
sample exactly once, in a new random order, the last batch of a pass holding what is left. The check
takes three passes, then trains a model on it.
""",
        """
**练习 4（第 4 个坑）**：写一个生成器 `batch_generator(x, y, batch_size)`，给 `fit(..., steps_per_epoch=...)`
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
        "l05-ex4",
    ),
    check(
        """
lesson05.check_batch_generator(batch_generator, lang="«en|zh»")
""",
        "l05-ex4-check",
        points=2,
    ),
    code("""
workdir.cleanup()  # «delete the files this lesson wrote|删除本课写出的文件»
"""),
]
