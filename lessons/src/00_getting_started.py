"""Lesson 00: getting started."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        """
# 00 · Getting started

**Goal.** Install kerasedu, import it, and go through the four steps every Keras program follows:
**build** a model, **compile** it, **fit** it to data, **predict** with it. Along the way: what a *sample*, a
*batch* and an *epoch* are, and how to run the same code on a GPU.

Install once, from the repository's root folder, into a virtual environment `.venv` (everything, the data
included, is in the repository, so nothing has to be downloaded from hosts that may be unreachable; on
Debian/Ubuntu, `sudo apt install python3-venv` first if `venv` is missing):

```bash
python3 -m venv .venv && .venv/bin/python -m pip install -e ".[dev]"
.venv/bin/jupyter lab lessons/en
```
""",
        """
# 00 · 快速入门

**本课目标**：安装并导入 kerasedu，走一遍每个 Keras 程序都有的四个步骤：**搭建**（build）模型、**编译**（compile）、
用数据**训练**（fit）、**预测**（predict）。顺便弄清**样本**（sample）、**批次**（batch）和**轮次**（epoch）是什么，
以及如何让同一份代码在 GPU 上运行。

在仓库根目录把它装进虚拟环境 `.venv`，装一次即可（包括数据在内的一切都在仓库里，不需要从可能无法访问的网站下载任何东西；
Debian/Ubuntu 上如果缺少 `venv`，先执行 `sudo apt install python3-venv`）：

```bash
python3 -m venv .venv && .venv/bin/python -m pip install -e ".[dev]"
.venv/bin/jupyter lab lessons/zh
```
""",
    ),
    code("""
import numpy as np
import matplotlib.pyplot as plt
import kerasedu
from kerasedu.models import Sequential
from kerasedu.layers import Dense

kerasedu.utils.fonts.use_chinese_font()  # «lets plots show Chinese text|让图中的中文正常显示»
print("kerasedu", kerasedu.__version__)
"""),
    md(
        """
## The data: samples

A **sample** is one example the model learns from: here one point `x` with its target `y`. We make 1,000
samples of a curve, `y = sin(x)` plus a little noise, and the model will have to learn the curve from them.
""",
        """
## 数据：样本

**样本**就是模型学习用的一个例子：这里是一个点 `x` 及其目标值 `y`。我们在曲线 `y = sin(x)` 上加一点噪声，
生成 1000 个样本，模型要从中学出这条曲线。
""",
    ),
    code("""
np.random.seed(0)
x = np.random.uniform(-3, 3, size=(1000, 1)).astype("float32")
y = np.sin(x) + np.random.normal(0, 0.05, size=x.shape).astype("float32")
print("x:", x.shape, " y:", y.shape)
plt.scatter(x, y, s=3)
plt.title("«1,000 samples of y = sin(x) + noise|1000 个样本：y = sin(x) + 噪声»")
plt.show()
"""),
    md(
        """
## Step 1: build

A `Sequential` model is a stack of layers. `Dense(32, activation="tanh")` is a layer of 32 units, each
computing a weighted sum of its inputs followed by `tanh`; the last `Dense(1)` gives one number per sample.
`input_shape=(1,)` tells the first layer that each sample has one feature.
""",
        """
## 第一步：搭建

`Sequential` 模型就是一层一层叠起来的网络。`Dense(32, activation="tanh")` 是有 32 个单元的全连接层，
每个单元先对输入加权求和，再经过 `tanh`；最后的 `Dense(1)` 给每个样本输出一个数。
`input_shape=(1,)` 告诉第一层：每个样本有 1 个特征。
""",
    ),
    code("""
np.random.seed(1)
model = Sequential([
    Dense(32, activation="tanh", input_shape=(1,)),
    Dense(32, activation="tanh"),
    Dense(1),
])
model.summary()
assert model.count_params() == (1 * 32 + 32) + (32 * 32 + 32) + (32 * 1 + 1)
"""),
    md(
        """
## Step 2: compile

`compile` chooses how the model learns: the **loss** measures how wrong a prediction is (here the mean squared
error), the **optimizer** decides how to change the weights to reduce it (here Adam).
""",
        """
## 第二步：编译

`compile` 决定模型如何学习：**损失函数**（loss）衡量预测错了多少（这里用均方误差），
**优化器**（optimizer）决定如何调整权重来减小损失（这里用 Adam）。
""",
    ),
    code("""
model.compile(optimizer="adam", loss="mse")
"""),
    md(
        """
## Step 3: fit — batches and epochs

The model does not look at all 1,000 samples at once. It takes a **batch** of `batch_size` samples, computes the
loss on them, and updates the weights: one **step**. When every sample has been used once, one **epoch** has
passed. With 1,000 samples and `batch_size=32` an epoch is `ceil(1000 / 32) = 32` steps.
""",
        """
## 第三步：训练——批次与轮次

模型并不是一次看完全部 1000 个样本。它每次取 `batch_size` 个样本组成一个**批次**，在上面计算损失并更新权重，
这叫一**步**（step）。当每个样本都被用过一次，就完成了一**轮**（epoch）。1000 个样本、`batch_size=32` 时，
一轮是 `ceil(1000 / 32) = 32` 步。
""",
    ),
    code(
        """
history = model.fit(x, y, batch_size=32, epochs=60, verbose=0)
losses = history.history["loss"]
print(f"«loss after epoch 1:|第 1 轮后的损失：» {losses[0]:.4f}")
print(f"«loss after epoch 60:|第 60 轮后的损失：» {losses[-1]:.4f}")
plt.plot(losses)
plt.xlabel("«epoch|轮次»"); plt.ylabel("«loss (MSE)|损失（MSE）»"); plt.yscale("log")
plt.title("«Training loss per epoch|每一轮的训练损失»")
plt.show()
assert losses[-1] < 0.01 < losses[0]
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## Step 4: predict

`predict` runs the trained model on new inputs. It also works in batches, but no weights change, so the batch
can be much larger: a large batch means fewer, bigger matrix products, which is faster. The default is 32,
like `fit`.
""",
        """
## 第四步：预测

`predict` 用训练好的模型处理新的输入。它同样按批次计算，但不更新权重，所以批次可以大得多：
批次越大，矩阵乘法次数越少、每次越大，速度就越快。默认值和 `fit` 一样是 32。
""",
    ),
    code(
        """
x_new = np.linspace(-3, 3, 200, dtype="float32").reshape(-1, 1)
y_new = model.predict(x_new, batch_size=200, verbose=0)
plt.scatter(x, y, s=3, alpha=0.3, label="«data|数据»")
plt.plot(x_new, y_new, "r", label="«model prediction|模型预测»")
plt.legend(); plt.title("«The fitted curve|拟合出的曲线»")
plt.show()
max_error = float(np.abs(y_new - np.sin(x_new)).max())
print(f"«largest error against sin(x):|与 sin(x) 的最大误差：» {max_error:.4f}")
assert max_error < 0.2
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## CPU or GPU

kerasedu computes with NumPy on the CPU. With an NVIDIA GPU and CuPy installed
(`.venv/bin/python -m pip install -e ".[gpu]"`), the same code runs on the GPU: set the environment variable
`KERASEDU_DEVICE=gpu` before starting Python, or call `kerasedu.backend.set_device("gpu")`. Where no GPU (or no
CuPy) is available, asking for it raises an error that says what to install; the CPU keeps working.
""",
        """
## CPU 还是 GPU

kerasedu 默认在 CPU 上用 NumPy 计算。如果有 NVIDIA 显卡并安装了 CuPy（`.venv/bin/python -m pip install -e ".[gpu]"`），
同一份代码就能在 GPU 上运行：启动 Python 之前设置环境变量 `KERASEDU_DEVICE=gpu`，或者调用
`kerasedu.backend.set_device("gpu")`。没有 GPU（或没有 CuPy）时，请求 GPU 会报错并告诉你该安装什么；CPU 照常可用。
""",
    ),
    code("""
try:
    kerasedu.backend.set_device("gpu")
    print("«Running on the GPU.|正在使用 GPU。»")
    kerasedu.backend.set_device("cpu")
except RuntimeError as error:
    print("«No GPU here:|这里没有 GPU：»", str(error).split(".")[0] + ".")
print("«device now:|当前设备：»", kerasedu.backend.get_device())
"""),
    md(
        """
## Summary

- Four steps: build (`Sequential([...])`), compile (loss + optimizer), fit (batches, epochs), predict.
- A sample is one example; a batch is the samples used for one weight update; an epoch is one pass over the data.
- Prediction can use large batches because no weights change.
- `KERASEDU_DEVICE=gpu` or `set_device("gpu")` switches to CuPy on the GPU.

## Exercises

Four exercises, from easy to hard. In each answer cell, replace `raise NotImplementedError()` with your code,
run the cell, then run the check cell below it. The check tries your code on cases it knows the answer to,
and either says what is wrong (with a hint) or prints a ✔ line.

### Exercise 1 · Count the steps

Write `count_steps(n_samples, batch_size, epochs)`: how many times does
`model.fit(x, y, batch_size=batch_size, epochs=epochs)` update the weights when `x` has `n_samples` samples?
The check compares your answer with what `fit` really does (it counts its updates in
`model.optimizer.iterations`).
""",
        """
## 小结

- 四个步骤：搭建（`Sequential([...])`）、编译（损失 + 优化器）、训练（批次、轮次）、预测。
- 样本是一个例子；批次是一次权重更新所用的样本；一轮是把数据完整过一遍。
- 预测不改变权重，所以可以用很大的批次。
- `KERASEDU_DEVICE=gpu` 或 `set_device("gpu")` 切换到 GPU 上的 CuPy。

## 练习

下面有四道练习，由易到难。在每个答案单元格里，把 `raise NotImplementedError()` 换成你的代码并运行，
再运行它下面的检查单元格。检查会用它知道答案的例子来测试你的代码：不对时告诉你哪里不对，并给出提示；对了就打印一行 ✔。

### 练习 1 · 数一数步数

写一个函数 `count_steps(n_samples, batch_size, epochs)`：当 `x` 有 `n_samples` 个样本时，
`model.fit(x, y, batch_size=batch_size, epochs=epochs)` 一共会更新多少次权重？
检查会把你的答案和 `fit` 实际的做法比较（`fit` 把更新次数记在 `model.optimizer.iterations` 里）。
""",
    ),
    solution(
        """
import math


def count_steps(n_samples, batch_size, epochs):
    \"\"\"«How many weight updates fit makes.|fit 一共更新多少次权重。»\"\"\"
    ### BEGIN SOLUTION
    steps_per_epoch = math.ceil(n_samples / batch_size)  # «the last batch may be smaller|最后一批可能较小»
    return steps_per_epoch * epochs
    ### END SOLUTION
""",
        "l00-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson00

lesson00.check_count_steps(count_steps, lang="«en|zh»")
""",
        "l00-ex1-check",
    ),
    md(
        """
### Exercise 2 · Count the parameters

A stack of `Dense` layers is described by its sizes: `[1, 32, 32, 1]` is the model above (1 input feature,
then layers of 32, 32 and 1 units). Write `count_params(sizes)` returning the number of parameters of such a
stack, what `model.count_params()` reports, without building the model.
""",
        """
### 练习 2 · 数一数参数

一串 `Dense` 层可以用它们的大小来描述：`[1, 32, 32, 1]` 就是上面的模型（输入 1 个特征，然后是 32、32、1 个单元的三层）。
写一个函数 `count_params(sizes)`，不搭建模型，直接返回这样一串层的参数个数，也就是 `model.count_params()` 给出的数。
""",
    ),
    solution(
        """
def count_params(sizes):
    \"\"\"«Parameters of Dense layers of these sizes.|这些大小的 Dense 层共有多少参数。»\"\"\"
    ### BEGIN SOLUTION
    pairs = zip(sizes, sizes[1:])  # «(inputs, units) of each layer|每层的（输入数, 单元数）»
    return sum(n_in * units + units for n_in, units in pairs)  # «weights + biases|权重 + 偏置»
    ### END SOLUTION
""",
        "l00-ex2",
    ),
    check(
        """
lesson00.check_count_params(count_params, lang="«en|zh»")
""",
        "l00-ex2-check",
    ),
    md(
        """
### Exercise 3 · Make the batches yourself

`fit` cuts the data into batches for you. Write `make_batches(x, y, batch_size, rng=None)` that does it: return
a list of `(x_batch, y_batch)` pairs covering every sample once, the last batch smaller if needed. With
`rng=None`, keep the samples in order; given a NumPy random generator `rng`, shuffle them first, with the same
permutation for `x` and `y` (`rng.permutation(n)` gives one), so that every target stays with its sample.
""",
        """
### 练习 3 · 自己切批次

`fit` 会替你把数据切成批次。写一个函数 `make_batches(x, y, batch_size, rng=None)` 来做这件事：返回由
`(x_batch, y_batch)` 组成的列表，每个样本恰好出现一次，必要时最后一批小一些。`rng=None` 时保持样本的顺序；
传入 NumPy 随机数生成器 `rng` 时，先把样本打乱，`x` 和 `y` 要用同一个排列（`rng.permutation(n)` 可以给出一个），
这样每个目标值仍然跟着它的样本。
""",
    ),
    solution(
        """
def make_batches(x, y, batch_size, rng=None):
    \"\"\"«A list of (x_batch, y_batch), shuffled when rng is given.|由 (x_batch, y_batch) 组成的列表；给了 rng 就先打乱。»\"\"\"
    ### BEGIN SOLUTION
    n = len(x)
    order = np.arange(n) if rng is None else rng.permutation(n)  # «one order for x and y|x、y 共用一个顺序»
    batches = []
    for start in range(0, n, batch_size):
        chosen = order[start:start + batch_size]  # «the last one may be shorter|最后一批可能较短»
        batches.append((x[chosen], y[chosen]))
    return batches
    ### END SOLUTION
""",
        "l00-ex3",
    ),
    check(
        """
lesson00.check_make_batches(make_batches, lang="«en|zh»")
""",
        "l00-ex3-check",
    ),
    md(
        """
### Exercise 4 · A model for a faster curve

Now the curve is `y = sin(2x)` (plus the same noise): it wiggles twice as fast. Write `build_model()` returning
a compiled model with one input feature and one output. The check trains it for 40 epochs with `batch_size=32`
on 1,000 samples, then compares its predictions with the true `sin(2x)` on 200 points: the mean squared error
must be below 0.01. The model of this lesson gets about 0.06: change the layers, the activation or the
optimizer (`from kerasedu.optimizers import Adam`, then `Adam(learning_rate=...)`).
""",
        """
### 练习 4 · 为更快的曲线搭模型

现在曲线换成 `y = sin(2x)`（加上同样的噪声）：它的起伏快了一倍。写一个函数 `build_model()`，返回一个已编译的模型：
输入 1 个特征，输出 1 个数。检查会在 1000 个样本上以 `batch_size=32` 训练它 40 轮，然后在 200 个点上把预测和真实的
`sin(2x)` 比较：均方误差必须低于 0.01。本课的模型只能做到 0.06 左右：改一改层、激活函数或优化器
（`from kerasedu.optimizers import Adam`，再用 `Adam(learning_rate=...)`）。
""",
    ),
    solution(
        """
from kerasedu.optimizers import Adam


def build_model():
    \"\"\"«A compiled model: 1 input feature, 1 output.|已编译的模型：输入 1 个特征，输出 1 个数。»\"\"\"
    ### BEGIN SOLUTION
    model = Sequential([
        Dense(64, activation="relu", input_shape=(1,)),
        Dense(64, activation="relu"),
        Dense(1),
    ])
    model.compile(optimizer=Adam(learning_rate=0.005), loss="mse")  # «faster steps|步子更大»
    return model
    ### END SOLUTION
""",
        "l00-ex4",
    ),
    check(
        """
lesson00.check_build_model(build_model, lang="«en|zh»")
""",
        "l00-ex4-check",
        tags=["nbval-ignore-output"],
    ),
]
