"""Lesson 10: saving, checkpoints and callbacks."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        """
# 10 · Saving, checkpoints and callbacks

**Goal.** Keep what training produced, and steer training while it runs. You will save a model in four ways
and check that each round trip gives *identical* predictions; let callbacks keep the best epoch
(`ModelCheckpoint`), stop when validation stops improving (`EarlyStopping`), log every epoch to a CSV file
(`CSVLogger`), and write a callback of your own. Then you will interrupt a training run, resume it from a file,
and prove that it ends with exactly the weights of a run that was never interrupted. Last, you will see why
loading a model file never runs code, even when the file asks for it.

Everything runs on 1,000 MNIST digits with a small network, in a few seconds. Every file goes to a temporary
directory, never into the repository.
""",
        """
# 10 · 保存、检查点与回调

**本课目标**：把训练的成果保存下来，并在训练过程中操控训练。你将用四种方式保存模型，并验证每一种“存了再读”之后预测都
**完全相同**；用回调（callback）保留最好的一轮（`ModelCheckpoint`）、在验证集不再变好时停下来（`EarlyStopping`）、
把每一轮的结果记进 CSV 文件（`CSVLogger`），再自己写一个回调。接着你会中断一次训练，从文件恢复后接着训练，并证明它最后的
权重与从未中断的训练**一模一样**。最后你会看到：为什么读入模型文件时绝不会执行代码，哪怕文件里要求这样做。

全课只用 1000 张 MNIST 手写数字和一个小网络，几秒钟就能跑完。所有文件都写到临时目录里，不会写进代码仓库。
""",
    ),
    code("""
import csv
import json
import os
import tempfile
import warnings

import h5py
import numpy as np
import matplotlib.pyplot as plt
import kerasedu
from kerasedu.callbacks import Callback, CSVLogger, EarlyStopping, ModelCheckpoint
from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential, load_model, model_from_json
from kerasedu.optimizers import Adam
from kerasedu.saving import KerasEduFileError, UnsafeFileError

kerasedu.utils.fonts.use_chinese_font()  # «lets plots show Chinese text|让图中的中文正常显示»
workdir = tempfile.TemporaryDirectory()  # «deleted at the end of the lesson|本课结束时删除»
folder = workdir.name

(x_all, y_all), (x_test_all, y_test_all) = kerasedu.datasets.mnist.load_data()
x_train = x_all[:1000].reshape(-1, 784).astype("float32") / 255
y_train = y_all[:1000]
x_val = x_test_all[:1000].reshape(-1, 784).astype("float32") / 255
y_val = y_test_all[:1000]


def build_model(seed=0):
    \"\"\"«A small MLP, compiled; the same seed gives the same starting weights.|一个编译好的小型多层感知机；种子相同，初始权重就相同。»\"\"\"
    kerasedu.utils.set_random_seed(seed)
    model = Sequential([
        Input(shape=(784,)),
        Dense(64, activation="relu"),
        Dense(10, activation="softmax"),
    ])
    model.compile(optimizer=Adam(learning_rate=0.003),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


print(x_train.shape, x_val.shape)
"""),
    md(
        """
## Four ways to save, four round trips

We train a model for two epochs, then save and reload it in each of the four ways Keras offers. After every
round trip the copy must predict *exactly* what the original predicts: not "close", but bit for bit
(`np.testing.assert_array_equal`), because a file stores the float32 numbers themselves.
""",
        """
## 四种保存方式，四次“存了再读”

先把模型训练两轮，再用 Keras 提供的四种方式分别保存并读回。每一次读回的副本，预测结果都必须和原模型**完全**一样：
不是“差不多”，而是逐位相同（`np.testing.assert_array_equal`），因为文件里存的就是那些 float32 数本身。
""",
    ),
    code("""
model = build_model()
model.fit(x_train, y_train, epochs=2, batch_size=50, verbose=0)
expected = model.predict(x_val, verbose=0)

# «1. the whole model: architecture, weights, compile settings, optimizer state|1. 整个模型：结构、权重、编译设置、优化器状态»
model.save(os.path.join(folder, "model.h5"))
copy1 = load_model(os.path.join(folder, "model.h5"))

# «2. the weights only: the model must be built first, with the same architecture|2. 只存权重：必须先搭好结构相同的模型»
model.save_weights(os.path.join(folder, "model.weights.h5"))
copy2 = build_model(seed=1)
with warnings.catch_warnings(record=True) as caught:  # «Keras 3 warns too|Keras 3 也会警告»
    warnings.simplefilter("always")
    copy2.load_weights(os.path.join(folder, "model.weights.h5"))

# «3. the architecture only (JSON text), then the weights from memory|3. 只存结构（JSON 文本），权重再从内存里拿»
text = model.to_json()
copy3 = model_from_json(text)
fresh = copy3.predict(x_val, verbose=0)  # «new random weights|全新的随机权重»
copy3.set_weights(model.get_weights())

# «4. the weights as a list of NumPy arrays, in memory|4. 权重作为 NumPy 数组的列表，留在内存里»
copy4 = build_model(seed=2)
copy4.set_weights(model.get_weights())

for name, copy in [("load_model", copy1), ("load_weights", copy2),
                   ("model_from_json", copy3), ("set_weights", copy4)]:
    np.testing.assert_array_equal(copy.predict(x_val, verbose=0), expected)
    print(f"{name:16s} «identical predictions|预测完全相同»")
assert not np.array_equal(fresh, expected)  # «JSON alone has no weights|光有 JSON 没有权重»
print("«JSON text:|JSON 文本：»", text[:90], "...")
"""),
    md(
        """
What each form keeps:

| | architecture | weights | compile settings (loss, metrics) | optimizer state |
|---|---|---|---|---|
| `model.save("m.h5")` / `load_model` | ✔ | ✔ | ✔ | ✔ |
| `save_weights` / `load_weights` | ✘ (build it yourself) | ✔ | ✘ | in the file; restored only into a model that has trained |
| `to_json` / `model_from_json` | ✔ | ✘ | ✘ | ✘ |
| `get_weights` / `set_weights` | ✘ | ✔ (in memory) | ✘ | ✘ |

The optimizer state is what Adam has learnt about each weight (its moving averages `m` and `v`) and its step
counter `iterations`. `load_model` brings it back, so that copy continues training as if nothing had happened.
A Keras 3 `.weights.h5` file stores it too, but `load_weights` only refills an optimizer that already has these
variables, one that has taken at least one training step. `copy2`'s Adam has not, so `load_weights` warns and
leaves it fresh; Keras 3 does exactly the same. The check below reads the state from the copies.
""",
        """
每种方式保存了什么：

| | 模型结构 | 权重 | 编译设置（损失函数、评估指标） | 优化器状态 |
|---|---|---|---|---|
| `model.save("m.h5")` / `load_model` | ✔ | ✔ | ✔ | ✔ |
| `save_weights` / `load_weights` | ✘（要自己先搭好） | ✔ | ✘ | 文件里有；只恢复到训练过的模型里 |
| `to_json` / `model_from_json` | ✔ | ✘ | ✘ | ✘ |
| `get_weights` / `set_weights` | ✘ | ✔（在内存里） | ✘ | ✘ |

优化器状态指的是 Adam 对每个权重积累下来的信息（滑动平均 `m` 和 `v`），以及它的步数计数器 `iterations`。
`load_model` 会把它恢复，所以这份副本能像什么都没发生过一样接着训练。Keras 3 的 `.weights.h5` 文件里其实
也存了优化器状态，但 `load_weights` 只会把它填回一个已经有这些变量的优化器，也就是至少训练过一步的优化器。
`copy2` 的 Adam 一步都还没走，所以 `load_weights` 发出警告，让它保持全新；Keras 3 的做法完全一样。
下面直接从各个副本里把优化器状态读出来看看。
""",
    ),
    code("""
steps = int(model.optimizer.iterations)
print("«steps taken by the original:|原模型走过的步数：»", steps)
print("«after load_model:|load_model 之后：»", int(copy1.optimizer.iterations))
print("«after load_weights (a fresh optimizer):|load_weights 之后（全新的优化器）：»",
      int(copy2.optimizer.iterations))
assert steps == 2 * 1000 // 50 == int(copy1.optimizer.iterations)
assert int(copy2.optimizer.iterations) == 0
[message] = [str(w.message) for w in caught]
assert "optimizer state is not restored" in message
print("«load_weights warned:|load_weights 的警告：»",
      message[message.index("the file holds"):message.index(" (")])
"""),
    md(
        """
## Callbacks: code that `fit` calls

A callback is an object whose methods `fit` calls at fixed moments: `on_train_begin`, `on_epoch_begin`,
`on_train_batch_end`, `on_epoch_end`, `on_train_end`... Three come with the library and are used in almost every
real project:

- `ModelCheckpoint(path, save_best_only=True)` saves the model at the end of an epoch only when the monitored
  value (`val_loss` by default) beats its best so far, so the file always holds the best epoch;
- `EarlyStopping(patience=2, restore_best_weights=True)` stops after two epochs in a row without improvement,
  and puts the best epoch's weights back into the model;
- `CSVLogger(path)` writes one row per epoch, so the curves survive even if the notebook crashes.

With only 1,000 training images the network soon starts to overfit: the training loss keeps falling while the
validation loss turns back up. That is exactly when these callbacks earn their keep.
""",
        """
## 回调：由 `fit` 调用的代码

回调是一个对象，`fit` 会在固定的时刻调用它的方法：`on_train_begin`、`on_epoch_begin`、`on_train_batch_end`、
`on_epoch_end`、`on_train_end`……库里自带的这三个，几乎每个实际项目都会用到：

- `ModelCheckpoint(path, save_best_only=True)`：每轮结束时，只有当监控的量（默认是 `val_loss`）比之前最好的还好，才保存模型，
  所以文件里存的始终是最好的那一轮；
- `EarlyStopping(patience=2, restore_best_weights=True)`：连续两轮没有进步就停止训练，并把最好那一轮的权重放回模型；
- `CSVLogger(path)`：每轮写一行，即使笔记本崩溃了，训练曲线也还在。

只有 1000 张训练图片，网络很快就开始过拟合：训练损失一直下降，验证损失却掉头向上。这正是这几个回调派上用场的时候。
""",
    ),
    code(
        """
best_path = os.path.join(folder, "best.weights.h5")
log_path = os.path.join(folder, "log.csv")
stopper = EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)
callbacks = [
    ModelCheckpoint(best_path, monitor="val_loss", save_best_only=True,
                    save_weights_only=True),
    stopper,
    CSVLogger(log_path),
]
model = build_model()
history = model.fit(x_train, y_train, epochs=20, batch_size=50, verbose=0,
                    validation_data=(x_val, y_val), callbacks=callbacks)
val_losses = history.history["val_loss"]
best = int(np.argmin(val_losses))
print("«val_loss per epoch:|每轮的 val_loss：»", np.round(val_losses, 4))
print(f"«best epoch|最好的一轮»: {best + 1}, «stopped after epoch|停止于第» {len(val_losses)}«| 轮之后»")
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
Now the checks. The checkpoint file must hold the best epoch's weights: loaded into a fresh model, it gives the
best validation loss again. `EarlyStopping` must have left the model with those same weights, not with the last
epoch's. And the CSV file, read back with Python's `csv` module, must hold the same numbers as `history`.
""",
        """
下面来验证。检查点文件里存的必须是最好那一轮的权重：把它读进一个新模型，算出来的验证损失应该正好是最好的那个值。
`EarlyStopping` 留给模型的也必须是这一组权重，而不是最后一轮的。用 Python 的 `csv` 模块把 CSV 文件读回来，
里面的数也必须和 `history` 里的一样。
""",
    ),
    code(
        """
restored = model_from_json(model.to_json())  # «uncompiled: no optimizer to refill|未编译：没有优化器要恢复»
restored.load_weights(best_path)
restored.compile(loss="sparse_categorical_crossentropy")
loss_from_file = restored.evaluate(x_val, y_val, verbose=0)
print(f"«best val_loss in history:|history 中最好的 val_loss：» {val_losses[best]:.6f}")
print(f"«val_loss of the checkpoint:|检查点文件的 val_loss：»  {loss_from_file:.6f}")
np.testing.assert_allclose(loss_from_file, min(val_losses), rtol=1e-6)
assert len(val_losses) == best + 1 + 2  # «stopped patience=2 epochs after the best|在最好的一轮之后又等了 patience=2 轮»
assert stopper.best_epoch == best
for w_model, w_file in zip(model.get_weights(), restored.get_weights()):
    # «EarlyStopping restored the best epoch|EarlyStopping 恢复了最好的一轮»
    np.testing.assert_array_equal(w_model, w_file)

with open(log_path) as f:
    rows = list(csv.DictReader(f))
print("«CSV columns:|CSV 的列：»", list(rows[0]))
logged = {key: [float(row[key]) for row in rows] for key in history.history}
for key, values in history.history.items():
    np.testing.assert_allclose(logged[key], values, rtol=1e-12)
""",
        tags=["nbval-ignore-output"],
    ),
    code("""
epochs = [int(row["epoch"]) + 1 for row in rows]
plt.plot(epochs, logged["loss"], "o-", label="«training loss|训练损失»")
plt.plot(epochs, logged["val_loss"], "o-", label="«validation loss|验证损失»")
plt.axvline(best + 1, color="gray", linestyle="--", label="«best epoch (restored)|最好的一轮（被恢复）»")
plt.xlabel("«epoch|轮次»"); plt.ylabel("«loss|损失»"); plt.legend()
plt.title("«Read back from log.csv|从 log.csv 读回的曲线»")
plt.show()
"""),
    md(
        """
## A callback of your own

Subclass `Callback` and override the hooks you need. `self.model` is the model being trained, and setting
`self.model.stop_training = True` ends `fit` after the current epoch. `StopAtAccuracy` below records the
learning rate and the validation accuracy of each epoch, and stops as soon as a target accuracy is reached, as
you might when "good enough" is all you need.
""",
        """
## 自己写一个回调

继承 `Callback`，只重写需要的那几个方法即可。`self.model` 就是正在训练的模型；把 `self.model.stop_training` 设为 `True`，
`fit` 就会在这一轮结束后停下来。下面的 `StopAtAccuracy` 会记下每一轮的学习率和验证准确率，并在准确率达到目标时立即停止：
当“够好就行”时，你就可以这样做。
""",
    ),
    code(
        """
class StopAtAccuracy(Callback):
    \"\"\"«Stop once val_accuracy reaches `target`; record the learning rate.|val_accuracy 达到 target 就停止训练；同时记下学习率。»\"\"\"

    def __init__(self, target):
        super().__init__()
        self.target = target

    def on_train_begin(self, logs=None):
        self.learning_rates, self.accuracies = [], []  # «reset, so fit can run twice|重置，fit 可以跑第二次»

    def on_epoch_end(self, epoch, logs=None):
        self.learning_rates.append(float(self.model.optimizer.learning_rate))
        self.accuracies.append(logs["val_accuracy"])
        if logs["val_accuracy"] >= self.target:
            self.model.stop_training = True


stop_at = StopAtAccuracy(target=0.83)
history = build_model().fit(x_train, y_train, epochs=20, batch_size=50, verbose=0,
                            validation_data=(x_val, y_val), callbacks=[stop_at])
print("«val_accuracy:|验证准确率：»", np.round(stop_at.accuracies, 4))
print("«learning rate:|学习率：»", stop_at.learning_rates)
assert stop_at.accuracies[-1] >= 0.83 > max(stop_at.accuracies[:-1], default=0)
assert len(history.history["loss"]) == len(stop_at.accuracies) < 20
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## Resuming an interrupted run, exactly

A long run gets interrupted (a power cut, a time limit on a shared machine). If the last epoch's model was saved
with `model.save`, training can go on: `load_model`, then `fit(..., epochs=N, initial_epoch=k)`, where `k` is the
number of epochs already done (`epochs` is the index of the *last* epoch, not how many more to run).

Will the result be the same as a run that was never interrupted? Only if the resumed run sees exactly what the
original would have seen. Three things matter:

1. **the weights**: in the file;
2. **the optimizer state** (Adam's `m`, `v` and step count): in the file too, with `model.save`, but *not* with
   `save_weights`, which is why a checkpoint to resume from must be a full save;
3. **the order of the batches**: with `shuffle=True`, each epoch draws a new permutation from NumPy's global
   random generator, whose state is *not* in the file.

First with `shuffle=False`: the batches come in the same order every epoch, so the first two points are enough.
""",
        """
## 中断之后精确地接着训练

长时间的训练可能被打断（停电、共享机器上的时间限制）。如果最后一轮的模型用 `model.save` 存下来了，训练就能接着进行：
`load_model`，再 `fit(..., epochs=N, initial_epoch=k)`，其中 `k` 是已经训练完的轮数（`epochs` 指的是**最后**一轮的编号，
而不是还要再跑几轮）。

结果会和从未中断的训练一样吗？只有当恢复后的训练看到的东西与原来完全一样时才会。有三样东西要紧：

1. **权重**：存在文件里；
2. **优化器状态**（Adam 的 `m`、`v` 和步数）：用 `model.save` 时也在文件里，但用 `save_weights` 时**不在**。
   所以用来接着训练的检查点，必须是完整保存的模型；
3. **批次的顺序**：`shuffle=True` 时，每一轮都会从 NumPy 的全局随机数生成器里抽一个新的排列，而这个生成器的状态**不在**文件里。

先看 `shuffle=False`：每一轮批次的顺序都一样，所以前两点就够了。
""",
    ),
    code("""
def train(model, epochs, initial_epoch=0, shuffle=False):
    model.fit(x_train, y_train, epochs=epochs, initial_epoch=initial_epoch,
              batch_size=50, shuffle=shuffle, verbose=0)
    return model


resume_path = os.path.join(folder, "after_epoch_1.h5")
uninterrupted = train(build_model(), epochs=3)

interrupted = train(build_model(), epochs=1)
interrupted.save(resume_path)            # «... and the process dies here|……进程在这里中断»
resumed = train(load_model(resume_path), epochs=3, initial_epoch=1)

for w_a, w_b in zip(uninterrupted.get_weights(), resumed.get_weights()):
    np.testing.assert_array_equal(w_a, w_b)
print("«shuffle=False: the resumed run ends with exactly the same weights|shuffle=False：恢复后的训练得到完全相同的权重»")
"""),
    md(
        """
With `shuffle=True` the file is not enough. A new process starts NumPy's generator from a different state, so
epochs 2 and 3 visit the samples in different orders and the weights drift apart. The fix is to save the
generator's state next to the model (`np.random.get_state()`) and restore it before resuming
(`np.random.set_state(...)`). Below, `np.random.seed(123)` stands for "a new process": its generator is not where
the interrupted run left it.
""",
        """
`shuffle=True` 时，光有文件就不够了。新进程里 NumPy 生成器的状态与原来不同，于是第 2、3 轮访问样本的顺序也不同，
权重就渐渐分道扬镳。解决办法是把生成器的状态（`np.random.get_state()`）和模型一起保存，在接着训练之前恢复它
（`np.random.set_state(...)`）。下面用 `np.random.seed(123)` 模拟“一个新进程”：它的生成器已经不在中断时的位置上了。
""",
    ),
    code(
        """
uninterrupted = train(build_model(), epochs=3, shuffle=True)

interrupted = train(build_model(), epochs=1, shuffle=True)
interrupted.save(resume_path)
rng_state = np.random.get_state()           # «save this too|这个也要保存»

np.random.seed(123)                          # «a new process|一个新进程»
forgot = train(load_model(resume_path), epochs=3, initial_epoch=1, shuffle=True)

np.random.seed(123)
resumed = load_model(resume_path)
np.random.set_state(rng_state)               # «restore it after load_model, see below|在 load_model 之后恢复，原因见下文»
resumed = train(resumed, epochs=3, initial_epoch=1, shuffle=True)

gap = max(np.abs(a - b).max() for a, b in zip(uninterrupted.get_weights(),
                                              forgot.get_weights()))
print(f"«without the generator's state: largest weight difference|不恢复生成器状态：权重最大差异» {gap:.4f}")
assert gap > 1e-3
for w_a, w_b in zip(uninterrupted.get_weights(), resumed.get_weights()):
    np.testing.assert_array_equal(w_a, w_b)
print("«with it: exactly the same weights|恢复之后：权重完全相同»")
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
Why restore the state *after* `load_model`? Because `load_model` first builds the model, and building draws
fresh random initial weights (which the file's weights then overwrite) from that same generator: restored
before loading, the state would be used up by the initializers, and the shuffles would differ again. (Dropout
draws its masks from the same generator too, so restoring it also covers a model with `Dropout`.)

## What a model file never does

A model file from the internet is **data, not a program**. Old Keras saved a `Lambda` layer's Python function as
bytecode inside the file, and Python's `pickle` files can run any code while they load: opening such a file
from a stranger meant running the stranger's program. kerasedu never does that: class names in a config are
looked up in its own closed table of layers (plus the `custom_objects` *you* pass), nothing is imported by
name, nothing is evaluated or unpickled, and a `Lambda` is refused unless you supply its function yourself.

To see it, we forge two hostile files by hand from a good one, editing its `model_config` with `h5py`: one whose
layer is a `Lambda` carrying "bytecode", one whose layer names `subprocess.Popen` (a class that runs programs).
""",
        """
为什么要在 `load_model` **之后**才恢复状态？因为 `load_model` 会先搭建模型，而搭建时要从同一个生成器里抽取新的随机初始权重
（随后再被文件里的权重覆盖）：如果在读入之前就恢复，这个状态会被初始化器用掉，洗牌的顺序就又不一样了。
（`Dropout` 也从同一个生成器里抽取掩码，所以恢复生成器状态对带 `Dropout` 的模型同样有效。）

## 模型文件绝不会做的事

从网上下载的模型文件是**数据，不是程序**。旧版 Keras 会把 `Lambda` 层的 Python 函数以字节码的形式存进文件，而 Python 的
`pickle` 文件在读入时可以执行任意代码：打开陌生人给的这种文件，就等于运行陌生人的程序。kerasedu 从不这样做：配置里的类名只在
它自己那张封闭的层的表里查找（再加上**你**传入的 `custom_objects`），不会按名字导入任何东西，不会 `eval`，也不会反序列化 pickle；
`Lambda` 层一律拒绝，除非你自己提供它的函数。

为了亲眼看到这一点，我们用 `h5py` 改写一个正常文件的 `model_config`，手工伪造两个恶意文件：一个的某一层是带着“字节码”的
`Lambda`，另一个的某一层名叫 `subprocess.Popen`（一个能运行程序的类）。
""",
    ),
    code(
        """
def forge(layer_class, layer_config):
    \"\"\"«model.h5 with its first Dense layer replaced by an attacker's.|model.h5 的一个副本，第一个 Dense 层被换成了攻击者想要的东西。»\"\"\"
    path = os.path.join(folder, f"hostile_{layer_class}.h5")
    with open(os.path.join(folder, "model.h5"), "rb") as src, open(path, "wb") as dst:
        dst.write(src.read())
    with h5py.File(path, "r+") as f:
        config = json.loads(f.attrs["model_config"])
        hostile = {"class_name": layer_class, "config": layer_config}
        config["config"]["layers"][1] = hostile
        f.attrs["model_config"] = json.dumps(config)
    return path


bytecode = {"name": "evil", "function": ["4wEAAAAAAAAAAAAAAAEAAAAD", None, None]}
for path in [forge("Lambda", bytecode),
             forge("subprocess.Popen", {"args": ["rm", "-rf", "~"]})]:
    try:
        load_model(path)
    except KerasEduFileError as error:
        message = str(error).replace(folder + os.sep, "")  # «no machine paths|不显示本机路径»
        print(type(error).__name__, "->", message[:230], "...\\n")
        refusal = error
    else:
        raise AssertionError("«a hostile file was loaded|恶意文件竟然被读入了»")
""",
        tags=["nbval-ignore-output"],
    ),
    code("""
try:
    load_model(forge("Lambda", bytecode))
except UnsafeFileError as error:
    assert "Lambda" in str(error) and "custom_objects" in str(error)
assert isinstance(refusal, KerasEduFileError) and "subprocess.Popen" in str(refusal)
print("«both files refused before anything ran|两个文件都在任何代码运行之前就被拒绝了»")
"""),
    md(
        """
And a `Lambda` you wrote yourself? Its file names the function, `"function": "double"`; you hand the code over
at load time, from your own program, with `custom_objects`. Without it, the same refusal.
""",
        """
那么你自己写的 `Lambda` 呢？它的文件里只记着函数的名字 `"function": "double"`；读入时由你用 `custom_objects`
从自己的程序里把代码交出来。不给的话，照样被拒绝。
""",
    ),
    code("""
from kerasedu.layers import Lambda


def double(x):
    return 2 * x


mine = Sequential([Input(shape=(3,)), Lambda(double), Dense(1)])
mine.save(os.path.join(folder, "mine.h5"))
try:
    load_model(os.path.join(folder, "mine.h5"))
except UnsafeFileError:
    print("«without custom_objects: refused|不给 custom_objects：拒绝»")
back = load_model(os.path.join(folder, "mine.h5"), custom_objects={"double": double})
probe = np.ones((2, 3), dtype="float32")
np.testing.assert_array_equal(back.predict(probe, verbose=0),
                              mine.predict(probe, verbose=0))
print("«with custom_objects={'double': double}: identical predictions|给了 custom_objects={'double': double}：预测完全相同»")
"""),
    md(
        """
The `Lambda` file is refused before its config is even turned into layers; the unknown class is refused because
it is not in kerasedu's table (the message lists the names that are). The same holds for `model_from_json`. When
*you* wrote the `Lambda`, you load it with `load_model(path, custom_objects={"name": function})`: the code comes
from your program, never from the file.

## Summary

- `model.save` / `load_model` keeps everything, optimizer state included; `save_weights` keeps only weights;
  `to_json` only the architecture; `get_weights` / `set_weights` copy weights in memory. Each round trip gives
  bit-identical predictions.
- `ModelCheckpoint(save_best_only=True)` keeps the best epoch in a file; `EarlyStopping(restore_best_weights=True)`
  puts it back into the model; `CSVLogger` writes the curves as you go.
- A callback is a `Callback` subclass with a few hooks; `self.model.stop_training = True` ends `fit`.
- Exact resume needs the weights, the optimizer state (`model.save`, not `save_weights`), `initial_epoch`, and
  with `shuffle=True` the random generator's state.
- Loading a file never runs code from it: a model file is data.

## Exercises

Four exercises, from easy to hard. In each answer cell, replace `raise NotImplementedError()` with your code,
run the cell, then run the check cell below it.

### Exercise 1 · Which epoch does EarlyStopping restore?

Write `early_stopping_result(val_losses, patience)`: given the validation losses of successive epochs (as many as
`fit` was allowed to run) and `EarlyStopping(patience=patience, restore_best_weights=True)`, return the pair
`(epochs_run, restored_epoch)`, both counted from 1: how many epochs `fit` really runs, and which epoch's weights
the model ends with. An epoch improves only if its loss is strictly below the best so far.
""",
        """
`Lambda` 文件在它的配置被转换成层之前就被拒绝了；未知的类被拒绝，是因为它不在 kerasedu 的表里（错误信息列出了表里有哪些名字）。
`model_from_json` 也一样。如果 `Lambda` 是**你自己**写的，就用 `load_model(path, custom_objects={"名字": 函数})` 读入：
代码来自你的程序，而绝不来自文件。

## 小结

- `model.save` / `load_model` 保存一切，包括优化器状态；`save_weights` 只存权重；`to_json` 只存结构；
  `get_weights` / `set_weights` 在内存里复制权重。每一种“存了再读”，预测都逐位相同。
- `ModelCheckpoint(save_best_only=True)` 把最好的一轮存进文件；`EarlyStopping(restore_best_weights=True)` 把它放回模型；
  `CSVLogger` 边训练边记录曲线。
- 回调就是重写了几个方法的 `Callback` 子类；`self.model.stop_training = True` 可以结束 `fit`。
- 要精确地接着训练，需要权重、优化器状态（用 `model.save`，不能用 `save_weights`）、`initial_epoch`，
  `shuffle=True` 时还需要随机数生成器的状态。
- 读入文件绝不会执行其中的代码：模型文件是数据。

## 练习

下面有四道练习，由易到难。在每个答案单元格里，把 `raise NotImplementedError()` 换成你的代码并运行，再运行它下面的检查单元格。

### 练习 1 · EarlyStopping 恢复的是哪一轮？

写一个函数 `early_stopping_result(val_losses, patience)`：已知连续各轮的验证损失（`fit` 最多能跑的那么多轮），
以及 `EarlyStopping(patience=patience, restore_best_weights=True)`，返回二元组 `(epochs_run, restored_epoch)`，
都从 1 开始数：`fit` 实际跑了多少轮，以及模型最后留下的是哪一轮的权重。只有损失严格小于之前最好的值，这一轮才算有进步。
""",
    ),
    solution(
        """
def early_stopping_result(val_losses, patience):
    \"\"\"«(epochs_run, restored_epoch), both from 1.|(实际跑的轮数, 恢复的轮次)，都从 1 开始数。»\"\"\"
    ### BEGIN SOLUTION
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return epoch + 1, best_epoch + 1
    return len(val_losses), best_epoch + 1
    ### END SOLUTION
""",
        "l10-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson10

lesson10.check_early_stopping_result(early_stopping_result, lang="«en|zh»")
""",
        "l10-ex1-check",
    ),
    md(
        """
### Exercise 2 · A callback that records every batch's loss

Write `BatchLosses`, a `Callback` subclass whose attribute `losses` is, after `fit`, the list of the `loss` value
of every training batch, in order, over all epochs (a float per batch). Start the list afresh when training
begins, so that calling `fit` twice does not mix the runs. (The `loss` in a batch's `logs` is the epoch's running
mean so far, as the progress bar shows it.)
""",
        """
### 练习 2 · 记录每个批次损失的回调

写一个 `Callback` 的子类 `BatchLosses`：`fit` 结束后，它的属性 `losses` 是所有轮次中每个训练批次的 `loss` 值，按顺序排成的列表
（每个批次一个浮点数）。训练开始时要重新建一个空列表，这样调用两次 `fit` 不会把两次的结果混在一起。
（批次的 `logs` 中的 `loss` 是本轮到目前为止的平均值，和进度条上显示的一样。）
""",
    ),
    solution(
        """
class BatchLosses(Callback):
    \"\"\"«Records logs['loss'] after every training batch in self.losses.|在 self.losses 中记录每个训练批次之后的 logs['loss']。»\"\"\"

    def on_train_begin(self, logs=None):
        ### BEGIN SOLUTION
        self.losses = []
        ### END SOLUTION

    def on_train_batch_end(self, batch, logs=None):
        ### BEGIN SOLUTION
        self.losses.append(float(logs["loss"]))
        ### END SOLUTION
""",
        "l10-ex2",
    ),
    check(
        """
lesson10.check_batch_losses(BatchLosses, lang="«en|zh»")
""",
        "l10-ex2-check",
    ),
    md(
        """
### Exercise 3 · Resume from a checkpoint

Write `resume(path, x, y, done, epochs)`: `path` is a file written by `model.save` after `done` epochs of
`model.fit(x, y, batch_size=50, shuffle=False)`. Load it and continue training with the same settings until
`epochs` epochs in all have been run, then return the model. The check compares your model's weights with those
of an uninterrupted run, bit for bit.
""",
        """
### 练习 3 · 从检查点接着训练

写一个函数 `resume(path, x, y, done, epochs)`：`path` 是用 `model.fit(x, y, batch_size=50, shuffle=False)` 训练了 `done`
轮之后由 `model.save` 写出的文件。把它读进来，用同样的设置接着训练，直到总共训练了 `epochs` 轮，然后返回模型。
检查会把你的模型权重和一次从未中断的训练逐位比较。
""",
    ),
    solution(
        """
def resume(path, x, y, done, epochs):
    \"\"\"«Continue a run saved after `done` epochs until `epochs` in all.|把训练了 done 轮后保存的模型接着训练到总共 epochs 轮。»\"\"\"
    ### BEGIN SOLUTION
    model = load_model(path)
    model.fit(x, y, epochs=epochs, initial_epoch=done, batch_size=50,
              shuffle=False, verbose=0)
    return model
    ### END SOLUTION
""",
        "l10-ex3",
    ),
    check(
        """
lesson10.check_resume(resume, lang="«en|zh»")
""",
        "l10-ex3-check",
    ),
    md(
        """
### Exercise 4 · Is this file safe to share?

Write `has_lambda(path)`: return `True` when the model file at `path` (written by `model.save`) contains a
`Lambda` layer anywhere in its architecture, `False` otherwise, *without* calling `load_model`. Read the
`model_config` attribute with `h5py` and walk the JSON: layers may sit inside nested models, so search every
dict and list.
""",
        """
### 练习 4 · 这个文件能放心分享吗？

写一个函数 `has_lambda(path)`：如果 `path` 处的模型文件（由 `model.save` 写出）的结构中任何地方有 `Lambda` 层，就返回 `True`，
否则返回 `False`，而且**不要**调用 `load_model`。用 `h5py` 读出 `model_config` 属性，再遍历其中的 JSON：
层可能藏在嵌套的模型里，所以每个字典和列表都要搜一遍。
""",
    ),
    solution(
        """
def has_lambda(path):
    \"\"\"«Whether the model file at `path` contains a Lambda layer.|path 处的模型文件中是否有 Lambda 层。»\"\"\"
    ### BEGIN SOLUTION
    def search(node):
        if isinstance(node, dict):
            return node.get("class_name") == "Lambda" or any(map(search, node.values()))
        if isinstance(node, list):
            return any(map(search, node))
        return False

    with h5py.File(path, "r") as f:
        return search(json.loads(f.attrs["model_config"]))
    ### END SOLUTION
""",
        "l10-ex4",
    ),
    check(
        """
lesson10.check_has_lambda(has_lambda, lang="«en|zh»")
""",
        "l10-ex4-check",
    ),
    code("""
workdir.cleanup()  # «delete the lesson's files|删除本课写出的文件»
"""),
]
