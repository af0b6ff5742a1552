"""Lesson 05: common pitfalls, part one: data, labels and evaluation."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        """
# 05 · Common pitfalls, part one: data, labels and evaluation

**Goal.** Before a model can learn anything, the data must reach it in the right form, and before a score means
anything, it must be measured on the right data. This lesson shows five mistakes of that kind that almost
everyone makes once with Keras, each on a small example, with its fix and an `assert` that proves the point:

1. a validation set that holds a single class (`validation_split` on sorted data);
2. labels, output layer and loss that do not fit together (one-hot or class numbers, softmax over one unit,
   `from_logits`);
3. images fed as raw 0..255 pixels;
4. the default batch size, and a second `fit` that continues training;
5. what the training, validation and test sets are each for.

Lesson 07, part two, goes on with the training itself: the loss history, learning rates, data larger than
memory, `BatchNormalization`, early stopping, freezing layers, `pop()` and the spellings of old tutorials.

kerasedu helps you here: it watches for the classic mistakes while you train and explains them in a
**`TeachingWarning`** at the moment they happen, with the fix and a link back to the lesson that explains
them. You will see several of them fire below. Once you know what you are doing, you can silence one check
(`kerasedu.diagnostics.disable("input_scale")`) or all of them (`kerasedu.diagnostics.disable()`).

Everything runs in seconds on a laptop CPU: the data sets are small on purpose.
""",
        """
# 05 · 常见的坑（上）：数据、标签与评估

**本课目标**：模型要学到东西，数据得先以正确的形式送到它手里；分数要有意义，得在正确的数据上去测。
这一课讲这类错误中用 Keras 的人几乎都会踩一遍的 5 个坑，每个都配一个小例子、改正的方法，以及一个证明结论的 `assert`：

1. 验证集里只有一个类别（对排好序的数据用 `validation_split`）；
2. 标签、输出层和损失函数对不上（one-hot 还是类别编号、对单个单元做 softmax、`from_logits`）；
3. 把 0..255 的原始像素直接送进网络；
4. 默认的批次大小，以及第二次 `fit` 会接着训练；
5. 训练集、验证集和测试集各自的用途。

第 07 课（下篇）接着讲训练过程本身：保存损失的历史记录、学习率、大到内存放不下的数据、`BatchNormalization`、
提前停止、冻结层、`pop()`，以及旧教程里的过时写法。

kerasedu 会在这里帮你一把：训练时它会留意这些经典错误，一旦发生，就立即发出一条**教学警告**（`TeachingWarning`），
说明问题出在哪里、该怎么改，并附上指向讲解它的那一课的链接。下面你会看到好几条这样的警告。等你熟练以后，
可以关掉某一项检查（`kerasedu.diagnostics.disable("input_scale")`），或者全部关掉（`kerasedu.diagnostics.disable()`）。

本课的数据集都故意取得很小，整篇在笔记本电脑的 CPU 上几秒钟就能跑完。
""",
    ),
    code("""
import math
import warnings

import numpy as np
import matplotlib.pyplot as plt
import kerasedu
from kerasedu.models import Sequential
from kerasedu.layers import Dense
from kerasedu.callbacks import Callback
from kerasedu.optimizers import Adam

kerasedu.utils.fonts.use_chinese_font()  # «lets plots show Chinese text|让图中的中文正常显示»
np.set_printoptions(precision=3, suppress=True)
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
and so on. Remember this; it matters in pitfall 1.
""",
        """
## 数据

大多数例子都用同一个小问题：平面上的点来自 4 团点云，每团是一个类别，各 250 个点。和很多真实的数据文件一样，
这些样本是**按类别依次存放的**：先是全部 0 类，再是全部 1 类，依此类推。请记住这一点，第 1 个坑就和它有关。
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
<a id="validation-split"></a>
## 1. `validation_split` takes the *last* samples

**What goes wrong.** `fit(..., validation_split=0.25)` holds out the **last** 25 % of the arrays for validation,
*before* any shuffling (`shuffle=True` only mixes the training part, each epoch). With our sorted data, the last
250 samples are all of class 3: the model never sees a single class-3 point during training, and the
validation accuracy measures nothing useful. kerasedu notices and says so.
""",
        """
<a id="validation-split"></a>
## 1. `validation_split` 取的是*最后*一部分样本

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
np.random.seed(42)
order = np.random.permutation(len(x_blobs))
x_mixed, y_mixed = x_blobs[order], y_blobs[order]   # «one permutation for both|两者用同一个排列»

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
<a id="labels"></a>
## 2. Labels, output layer and loss must fit together

The last layer, the loss and the labels are three sides of one decision: how the answer is written down.
The usual combinations:

| task | last layer | loss | labels |
| --- | --- | --- | --- |
| one class out of K | `Dense(K, activation="softmax")` | `sparse_categorical_crossentropy` | class numbers, shape `(N,)` |
| one class out of K | `Dense(K, activation="softmax")` | `categorical_crossentropy` | one-hot, shape `(N, K)` |
| yes or no | `Dense(1, activation="sigmoid")` | `binary_crossentropy` | 0 or 1, shape `(N,)` |

Three classic ways to break the pattern, each caught by kerasedu.

**Labels in the wrong format.** `categorical_crossentropy` expects one-hot labels (one row of 0s and a 1 per
sample), `sparse_categorical_crossentropy` expects class numbers. Mixing them up is an error, and the message
says how to convert:
""",
        """
<a id="labels"></a>
## 2. 标签、输出层和损失函数要对得上

最后一层、损失函数和标签是同一个决定的三个方面：答案用什么形式来表示。常见的搭配是：

| 任务 | 最后一层 | 损失函数 | 标签 |
| --- | --- | --- | --- |
| K 类中选一类 | `Dense(K, activation="softmax")` | `sparse_categorical_crossentropy` | 类别编号，形状 `(N,)` |
| K 类中选一类 | `Dense(K, activation="softmax")` | `categorical_crossentropy` | one-hot，形状 `(N, K)` |
| 是或否 | `Dense(1, activation="sigmoid")` | `binary_crossentropy` | 0 或 1，形状 `(N,)` |

打破这种搭配的经典错误有三种，kerasedu 都能发现。

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
<a id="softmax-on-one-unit"></a>
**Softmax over a single unit.** Some published tutorials end a yes/no classifier with
`Dense(1, activation="softmax")`. Softmax divides each output by the sum of all outputs; with one output, that is
`e^z / e^z = 1.0`, for every input. The model cannot learn anything. For two classes, use one sigmoid unit
(or softmax over two units). Below, the yes/no question is "is this point of class 0?".
""",
        """
<a id="softmax-on-one-unit"></a>
**对单个单元做 softmax**：有些公开的教程用 `Dense(1, activation="softmax")` 作为二分类器的最后一层。softmax
把每个输出除以所有输出之和；只有一个输出时，结果就是 `e^z / e^z = 1.0`，不管输入是什么。这样的模型什么也学不到。
二分类请用一个 sigmoid 单元（或者对两个单元做 softmax）。下面要回答的是/否问题是：“这个点属于 0 类吗？”
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
<a id="scale-inputs"></a>
## 3. Scale the inputs

**What goes wrong.** Images are stored as integers from 0 to 255. Fed to a network as they are, the first layer
sees inputs hundreds of times larger than its initial weights were made for: its outputs are huge, the first
gradient steps overshoot, and training is slow or unstable. kerasedu looks at the first batch and warns. The
data are MNIST digits (lesson 02), shipped with kerasedu so they load offline.
""",
        """
<a id="scale-inputs"></a>
## 3. 输入要先缩放

**问题**：图片是以 0 到 255 的整数存储的。原样送进网络，第一层看到的输入比它的初始权重所预期的大几百倍：
输出会非常大，最初几步梯度下降一下子就冲过了头，训练变得又慢又不稳定。kerasedu 会检查第一个批次，并发出警告。
数据是 MNIST 手写数字（见第 02 课），随 kerasedu 一起提供，离线就能加载。
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
**The fix** is one line, `x.astype("float32") / 255`. The same network, from the same initial weights, on the
same 2,000 images, now scaled into [0, 1]: the warning stays silent and the loss falls far lower.
""",
        """
**解决**只需要一行：`x.astype("float32") / 255`。同样的网络、同样的初始权重、同样的 2000 张图片，只是缩放到了
[0, 1] 之间：警告不再出现，损失也降得低得多。
""",
    ),
    code(
        """
def scaled(images):
    \"\"\"«uint8 pixels 0..255 -> rows of 784 float32 values in [0, 1].|0..255 的 uint8 像素 -> 每行 784 个 [0, 1] 之间的 float32。»\"\"\"
    return images.reshape(-1, 784).astype("float32") / 255


np.random.seed(0)
digits = Sequential([
    Dense(32, activation="relu", input_shape=(784,)),
    Dense(10, activation="softmax"),
])
digits.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    fixed = digits.fit(scaled(x_raw), y_train_all[:2000], epochs=3, verbose=0)
print("«loss per epoch on scaled pixels:|缩放后每轮的损失：»", np.round(fixed.history["loss"], 4))
print("«loss per epoch on raw pixels:   |原始像素每轮的损失：»", np.round(raw.history["loss"], 4))
assert not caught
assert fixed.history["loss"][-1] < raw.history["loss"][-1] / 2
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
<a id="batch-size"></a>
## 4. The default batch size is 32, and `fit` continues where it stopped

**Batch size.** `fit`, `evaluate` and `predict` all use `batch_size=32` unless told otherwise. With 1,000 samples
an epoch is therefore `ceil(1000 / 32) = 32` batches, the last one holding only 8 samples. A callback that counts
the batches shows it, and so does `verbose=2`. For `predict` on large data, pass a larger `batch_size`: nothing is
learned, so a large batch only makes it faster.
""",
        """
<a id="batch-size"></a>
## 4. 默认批次大小是 32；再次调用 `fit` 会接着训练

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
## 5. Training, validation and test sets

Each of the three sets has one job:

- the **training set** is what the weights are fitted to;
- the **validation set** is for *your* decisions: how many epochs, how many units, which learning rate
  (`EarlyStopping` and `ReduceLROnPlateau`, in lesson 07, watch it too). Because you choose whatever scores best
  on it, it slowly stops being an unbiased judge;
- the **test set** is used **once**, at the very end, to report how the chosen model does on data that played
  no part in any decision.

**What goes wrong.** Tuning on the test set (trying settings until the test accuracy looks good) makes the
reported figure optimistic: it no longer says how the model will do on new data.

**Doing it properly.** With the scaled MNIST images of pitfall 3: 2,000 training images, 500 validation images
taken from the rest of MNIST's training part, and MNIST's own test images, which we touch only at the end. We
pick the size of a hidden layer on the validation set, and only then look at the test set.
""",
        """
<a id="splits"></a>
## 5. 训练集、验证集和测试集

三个数据集各有分工：

- **训练集**（training set）用来拟合权重；
- **验证集**（validation set）用来做*你自己的*决定：训练多少轮、用多少个单元、选哪个学习率（第 07 课里的
  `EarlyStopping` 和 `ReduceLROnPlateau` 也盯着它）。因为你总是挑在它上面得分最高的设置，它就渐渐不再是一个公正的裁判；
- **测试集**（test set）只在最后用**一次**，报告选定的模型在没有参与任何决定的数据上表现如何。

**问题**：在测试集上调参（反复尝试，直到测试准确率好看为止），报告出来的数字就会偏乐观：它不再代表模型在新数据上的表现。

**正确的做法**：用第 3 个坑里缩放好的 MNIST 图片：2000 张训练图片，从 MNIST 训练部分的其余图片中取 500 张作验证集，
测试集则用 MNIST 自带的测试图片，而且只在最后才碰它。我们在验证集上挑选隐藏层的大小，选定之后才去看测试集。
""",
    ),
    code(
        """
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
part, and the test images come from its separate test part. The test accuracy printed above is the one number
this notebook may report about the chosen model.

## Summary

1. `validation_split` takes the **last** samples before shuffling: shuffle sorted data first, the samples and
   the labels with the same permutation.
2. The last layer, the loss and the labels must fit together: class numbers with
   `sparse_categorical_crossentropy`, one-hot labels (`to_categorical`) with `categorical_crossentropy`, one
   sigmoid unit for yes/no (never softmax over one unit), and `from_logits=True` only when the model outputs
   raw scores.
3. Scale pixels before training: `x.astype("float32") / 255`.
4. `fit`, `evaluate` and `predict` use batches of 32 by default (pass a larger `batch_size` to `predict`); a
   second `fit` continues training, so build a new model to start over.
5. Fit on the training set, decide on the validation set, report the test set once.

kerasedu's `TeachingWarning`s fired in this lesson for a sorted `validation_split`, softmax over one unit, a
contradictory `from_logits` and unscaled pixels; labels in the wrong format stopped `fit` with an error that
says how to convert them. Lesson 07 continues with the training itself.

## Exercises

Each exercise asks you to write a function in the cell below it, in place of `raise NotImplementedError()`;
the cell after that checks it and tells you what is wrong.

**Exercise 1 (pitfall 3).** Write `prepare_images(images)`: it takes a batch of grayscale images, an array of
shape `(N, H, W)` holding `uint8` pixels from 0 to 255, and returns what a `Dense` network needs: an array of
shape `(N, H * W)`, one row per image, of `float32` values in [0, 1]. It must work for any image size, not
only 28 x 28.
""",
        """
三个数据集没有任何一张重复的图片：训练集和验证集是 MNIST 训练部分中不同的两段，测试集则来自它单独的测试部分。
上面打印的测试准确率，就是这个 notebook 关于选定模型可以报告的那一个数字。

## 小结

1. `validation_split` 取的是打乱之前**最后**的样本：排好序的数据要先打乱，样本和标签用同一个排列。
2. 最后一层、损失函数和标签要对得上：类别编号配 `sparse_categorical_crossentropy`，one-hot 标签（用 `to_categorical`
   生成）配 `categorical_crossentropy`；是/否问题用一个 sigmoid 单元（绝不要对单个单元做 softmax）；
   只有模型输出原始分数时才设 `from_logits=True`。
3. 训练之前先缩放像素：`x.astype("float32") / 255`。
4. `fit`、`evaluate` 和 `predict` 默认批次大小都是 32（`predict` 时可以传更大的 `batch_size`）；第二次 `fit`
   会接着训练，想从头开始就重新搭建一个模型。
5. 在训练集上拟合，在验证集上做决定，测试集只在最后报告一次。

本课中 kerasedu 的 `TeachingWarning` 分别在这些情况下出现：排好序的数据用了 `validation_split`、对单个单元做 softmax、
自相矛盾的 `from_logits`，以及像素没有缩放；标签格式不对时，`fit` 直接报错，并告诉你怎样转换。
第 07 课接着讲训练过程本身。

## 练习

每道练习都要你在下面的单元格里写一个函数，替换掉 `raise NotImplementedError()`；再下面一个单元格会检查它，
并告诉你哪里不对。

**练习 1（第 3 个坑）**：写出 `prepare_images(images)`：输入是一批灰度图片，形状为 `(N, H, W)` 的数组，
里面是 0 到 255 的 `uint8` 像素；返回 `Dense` 网络需要的形式：形状为 `(N, H * W)` 的数组，每张图片一行，
数值是 [0, 1] 之间的 `float32`。它要对任意大小的图片都适用，不只是 28 x 28。
""",
    ),
    solution(
        """
def prepare_images(images):
    \"\"\"«(N, H, W) uint8 pixels -> (N, H * W) float32 in [0, 1].|(N, H, W) 的 uint8 像素 -> [0, 1] 之间的 (N, H * W) float32。»\"\"\"
    ### BEGIN SOLUTION
    return images.reshape(len(images), -1).astype("float32") / 255
    ### END SOLUTION
""",
        "l05-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson05

lesson05.check_prepare_images(prepare_images, lang="«en|zh»")
""",
        "l05-ex1-check",
    ),
    md(
        """
**Exercise 2 (pitfall 1).** Write `shuffled_split(x, y, validation_fraction=0.25, seed=0)`: shuffle the
samples and the labels with the same permutation (from `np.random.default_rng(seed)`), then keep the last
`validation_fraction` of them for validation. Return `((x_train, y_train), (x_val, y_val))`. The check
feeds it data sorted by label, like ours.
""",
        """
**练习 2（第 1 个坑）**：写出 `shuffled_split(x, y, validation_fraction=0.25, seed=0)`：用同一个排列
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
        "l05-ex2",
    ),
    check(
        """
lesson05.check_shuffled_split(shuffled_split, lang="«en|zh»")
""",
        "l05-ex2-check",
    ),
    md(
        """
**Exercise 3 (pitfall 5).** Write `choose_and_test(models, validation, test)`. `models` is a dict of trained,
compiled models (`{name: model}`, compiled with `metrics=["accuracy"]`); `validation` and `test` are pairs
`(x, y)`. Choose the model with the best validation accuracy, measure it on the test set, and return
`(name, test_accuracy)`. As in pitfall 5, the test set is used once, on the chosen model only. (Remember that
`evaluate` returns `[loss, accuracy]`.)
""",
        """
**练习 3（第 5 个坑）**：写出 `choose_and_test(models, validation, test)`。`models` 是一个由训练好、编译过的模型组成的字典
（`{name: model}`，编译时用了 `metrics=["accuracy"]`）；`validation` 和 `test` 都是 `(x, y)` 对。选出验证准确率最高的模型，
在测试集上测一下它，返回 `(name, test_accuracy)`。和第 5 个坑一样，测试集只用一次，而且只用在选定的模型上。
（别忘了 `evaluate` 返回的是 `[loss, accuracy]`。）
""",
    ),
    solution(
        """
def choose_and_test(models, validation, test):
    \"\"\"«Pick on the validation set, report the test set once: (name, test_accuracy).|在验证集上挑选，测试集只报告一次：返回 (name, test_accuracy)。»\"\"\"
    ### BEGIN SOLUTION
    x_val, y_val = validation
    scores = {name: model.evaluate(x_val, y_val, verbose=0)[1]
              for name, model in models.items()}
    best = max(scores, key=scores.get)
    x_test, y_test = test
    return best, models[best].evaluate(x_test, y_test, verbose=0)[1]
    ### END SOLUTION
""",
        "l05-ex3",
    ),
    check(
        """
lesson05.check_choose_and_test(choose_and_test, lang="«en|zh»")
""",
        "l05-ex3-check",
        points=2,
    ),
]
