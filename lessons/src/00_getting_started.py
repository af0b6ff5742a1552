"""Lesson 00: getting started."""

from make_notebooks import code, md

CELLS = [
    md("""
# 00 · Getting started

**Goal.** Install kerasedu, import it, and go through the four steps every Keras program follows:
**build** a model, **compile** it, **fit** it to data, **predict** with it. Along the way: what a *sample*, a
*batch* and an *epoch* are, and how to run the same code on a GPU.

Install once, from the repository's root folder (everything, the data included, is in the repository, so
nothing has to be downloaded from hosts that may be unreachable):

```bash
python3 -m pip install -e ".[dev]"
```
""", """
# 00 · 快速入门

**本课目标**：安装并导入 kerasedu，走一遍每个 Keras 程序都有的四个步骤：**搭建**（build）模型、**编译**（compile）、
用数据**训练**（fit）、**预测**（predict）。顺便弄清**样本**（sample）、**批次**（batch）和**轮次**（epoch）是什么，
以及如何让同一份代码在 GPU 上运行。

在仓库根目录安装一次即可（包括数据在内的一切都在仓库里，不需要从可能无法访问的网站下载任何东西）：

```bash
python3 -m pip install -e ".[dev]"
```
"""),
    code("""
import numpy as np
import matplotlib.pyplot as plt
import kerasedu
from kerasedu.models import Sequential
from kerasedu.layers import Dense

kerasedu.utils.fonts.use_chinese_font()  # «lets plots show Chinese text|让图中的中文正常显示»
print("kerasedu", kerasedu.__version__)
"""),
    md("""
## The data: samples

A **sample** is one example the model learns from: here one point `x` with its target `y`. We make 1,000
samples of a curve, `y = sin(x)` plus a little noise, and the model will have to learn the curve from them.
""", """
## 数据：样本

**样本**就是模型学习用的一个例子：这里是一个点 `x` 及其目标值 `y`。我们在曲线 `y = sin(x)` 上加一点噪声，
生成 1000 个样本，模型要从中学出这条曲线。
"""),
    code("""
np.random.seed(0)
x = np.random.uniform(-3, 3, size=(1000, 1)).astype("float32")
y = np.sin(x) + np.random.normal(0, 0.05, size=x.shape).astype("float32")
print("x:", x.shape, " y:", y.shape)
plt.scatter(x, y, s=3)
plt.title("«1,000 samples of y = sin(x) + noise|1000 个样本：y = sin(x) + 噪声»")
plt.show()
"""),
    md("""
## Step 1: build

A `Sequential` model is a stack of layers. `Dense(32, activation="tanh")` is a layer of 32 units, each
computing a weighted sum of its inputs followed by `tanh`; the last `Dense(1)` gives one number per sample.
`input_shape=(1,)` tells the first layer that each sample has one feature.
""", """
## 第一步：搭建

`Sequential` 模型就是一层一层叠起来的网络。`Dense(32, activation="tanh")` 是有 32 个单元的全连接层，
每个单元先对输入加权求和，再经过 `tanh`；最后的 `Dense(1)` 给每个样本输出一个数。
`input_shape=(1,)` 告诉第一层：每个样本有 1 个特征。
"""),
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
    md("""
## Step 2: compile

`compile` chooses how the model learns: the **loss** measures how wrong a prediction is (here the mean squared
error), the **optimizer** decides how to change the weights to reduce it (here Adam).
""", """
## 第二步：编译

`compile` 决定模型如何学习：**损失函数**（loss）衡量预测错了多少（这里用均方误差），
**优化器**（optimizer）决定如何调整权重来减小损失（这里用 Adam）。
"""),
    code("""
model.compile(optimizer="adam", loss="mse")
"""),
    md("""
## Step 3: fit — batches and epochs

The model does not look at all 1,000 samples at once. It takes a **batch** of `batch_size` samples, computes the
loss on them, and updates the weights: one **step**. When every sample has been used once, one **epoch** has
passed. With 1,000 samples and `batch_size=32` an epoch is `ceil(1000 / 32) = 32` steps.
""", """
## 第三步：训练——批次与轮次

模型并不是一次看完全部 1000 个样本。它每次取 `batch_size` 个样本组成一个**批次**，在上面计算损失并更新权重，
这叫一**步**（step）。当每个样本都被用过一次，就完成了一**轮**（epoch）。1000 个样本、`batch_size=32` 时，
一轮是 `ceil(1000 / 32) = 32` 步。
"""),
    code("""
history = model.fit(x, y, batch_size=32, epochs=60, verbose=0)
losses = history.history["loss"]
print(f"«loss after epoch 1:|第 1 轮后的损失：» {losses[0]:.3f}   «after epoch 60:|第 60 轮后：» {losses[-1]:.3f}")
plt.plot(losses)
plt.xlabel("epoch"); plt.ylabel("«loss (MSE)|损失（MSE）»"); plt.yscale("log")
plt.title("«Training loss per epoch|每一轮的训练损失»")
plt.show()
assert losses[-1] < 0.01 < losses[0]
"""),
    md("""
## Step 4: predict

`predict` runs the trained model on new inputs. It also works in batches, but no weights change, so the batch
can be much larger: a large batch means fewer, bigger matrix products, which is faster. The default is 32,
like `fit`.
""", """
## 第四步：预测

`predict` 用训练好的模型处理新的输入。它同样按批次计算，但不更新权重，所以批次可以大得多：
批次越大，矩阵乘法次数越少、每次越大，速度就越快。默认值和 `fit` 一样是 32。
"""),
    code("""
x_new = np.linspace(-3, 3, 200, dtype="float32").reshape(-1, 1)
y_new = model.predict(x_new, batch_size=200, verbose=0)
plt.scatter(x, y, s=3, alpha=0.3, label="«data|数据»")
plt.plot(x_new, y_new, "r", label="«model prediction|模型预测»")
plt.legend(); plt.title("«The fitted curve|拟合出的曲线»")
plt.show()
max_error = float(np.abs(y_new - np.sin(x_new)).max())
print(f"«largest error against sin(x):|与 sin(x) 的最大误差：» {max_error:.2f}")
assert max_error < 0.2
"""),
    md("""
## CPU or GPU

kerasedu computes with NumPy on the CPU. With an NVIDIA GPU and CuPy installed
(`python3 -m pip install -e ".[gpu]"`), the same code runs on the GPU: set the environment variable
`KERASEDU_DEVICE=gpu` before starting Python, or call `kerasedu.backend.set_device("gpu")`. Where no GPU (or no
CuPy) is available, asking for it raises an error that says what to install; the CPU keeps working.
""", """
## CPU 还是 GPU

kerasedu 默认在 CPU 上用 NumPy 计算。如果有 NVIDIA 显卡并安装了 CuPy（`python3 -m pip install -e ".[gpu]"`），
同一份代码就能在 GPU 上运行：启动 Python 之前设置环境变量 `KERASEDU_DEVICE=gpu`，或者调用
`kerasedu.backend.set_device("gpu")`。没有 GPU（或没有 CuPy）时，请求 GPU 会报错并告诉你该安装什么；CPU 照常可用。
"""),
    code("""
try:
    kerasedu.backend.set_device("gpu")
    print("«Running on the GPU.|正在使用 GPU。»")
    kerasedu.backend.set_device("cpu")
except RuntimeError as error:
    print("«No GPU here:|这里没有 GPU：»", str(error).split(".")[0] + ".")
print("«device now:|当前设备：»", kerasedu.backend.get_device())
"""),
    md("""
## Summary

- Four steps: build (`Sequential([...])`), compile (loss + optimizer), fit (batches, epochs), predict.
- A sample is one example; a batch is the samples used for one weight update; an epoch is one pass over the data.
- Prediction can use large batches because no weights change.
- `KERASEDU_DEVICE=gpu` or `set_device("gpu")` switches to CuPy on the GPU.

## Exercises

1. Train with `batch_size=1000` (one step per epoch) for 60 epochs. Is the final loss better or worse? Why?
2. Replace `tanh` by `relu`. How does the fitted curve look?
3. Make the model reach a training loss below 0.005 (change epochs, layers or the optimizer) and run the check.
""", """
## 小结

- 四个步骤：搭建（`Sequential([...])`）、编译（损失 + 优化器）、训练（批次、轮次）、预测。
- 样本是一个例子；批次是一次权重更新所用的样本；一轮是把数据完整过一遍。
- 预测不改变权重，所以可以用很大的批次。
- `KERASEDU_DEVICE=gpu` 或 `set_device("gpu")` 切换到 GPU 上的 CuPy。

## 练习

1. 用 `batch_size=1000`（每轮只有一步）训练 60 轮。最终损失更好还是更差？为什么？
2. 把 `tanh` 换成 `relu`，拟合出的曲线变成什么样？
3. 让模型的训练损失低于 0.005（可以改轮数、层数或优化器），然后运行下面的检查。
"""),
    code("""
final_loss = model.evaluate(x, y, verbose=0)
print(f"«training loss now:|当前训练损失：» {final_loss:.4f}")
# assert final_loss < 0.005   # «uncomment after your change|修改模型后取消这一行的注释»
"""),
]
