"""Lesson 02: handwritten digits (MNIST) with an MLP and a small CNN (bilingual source)."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        """
# 02 Handwritten digits (MNIST)

**Goal.** Teach a network to read handwritten digits. We train a fully connected network (a
multi-layer perceptron, MLP) and a small convolutional network (CNN), compare them on a validation
set, plot the training curves, save a model to a file and load it back. Only at the very end do we
measure both on the test set: at least 97% for the MLP, at least 98.5% for the CNN.
""",
        """
# 02 手写数字识别（MNIST）

**本课目标**：教网络认出手写数字。我们先后训练一个全连接网络，也就是多层感知机（multi-layer perceptron，MLP），
和一个小型卷积神经网络（convolutional neural network，CNN），在验证集上比较两者，画出训练曲线，
再把模型保存到文件、读回来。直到最后，我们才在测试集上给两个网络打分：MLP 至少 97%，CNN 至少 98.5%。
""",
    ),
    code(
        """
import os
import tempfile

import numpy as np
import matplotlib.pyplot as plt

import kerasedu
from kerasedu import optimizers
from kerasedu.datasets import mnist
from kerasedu.layers import Conv2D, Dense, Dropout, Flatten, Input, MaxPooling2D
from kerasedu.models import Sequential, load_model
from kerasedu.utils import to_categorical
from kerasedu.utils.fonts import use_chinese_font

use_chinese_font()  # «lets plots show Chinese labels (harmless in English)|让图中的中文正常显示»
"""
    ),
    md(
        """
## 1. The data, offline

MNIST holds 70,000 greyscale images of 28x28 pixels: 60,000 for training and 10,000 for testing,
each labelled with its digit 0-9. Keras downloads it from a Google storage server on first use, a
host that many learners cannot reach. kerasedu therefore ships the file in the repository
(`datasets/mnist.npz`, with its licence in `datasets/README.md`): `load_data()` reads it from there
and never needs the network.
""",
        """
## 1. 数据：离线也能用

MNIST 数据集包含 70,000 张 28x28 像素的灰度图：60,000 张用于训练，10,000 张用于测试，每张图都标注了它对应的数字 0-9。
Keras 第一次使用时会从谷歌的存储服务器下载它，而很多同学访问不了这个地址。所以 kerasedu 直接把数据文件放在了仓库里
（`datasets/mnist.npz`，许可证见 `datasets/README.md`）：`load_data()` 从那里读取，完全不需要联网。
""",
    ),
    code(
        """
(x_train, y_train), (x_test, y_test) = mnist.load_data()
print("x_train:", x_train.shape, x_train.dtype, " y_train:", y_train.shape)
print("x_test: ", x_test.shape, x_test.dtype, " y_test: ", y_test.shape)
print(f"«pixel range: |像素取值范围：»{x_train.min()}-{x_train.max()}")
"""
    ),
    code(
        """
fig, axes = plt.subplots(2, 8, figsize=(10, 3))
for i, ax in enumerate(axes.flat):
    ax.imshow(x_train[i], cmap="gray_r")
    ax.set_title("«label|标签» %d" % y_train[i], fontsize=9)
    ax.axis("off")
fig.suptitle("«The first 16 training images|训练集的前 16 张图片»")
plt.show()
"""
    ),
    md(
        """
## 2. Preparing the inputs and the labels

An MLP takes a vector per sample, so each 28x28 image is **flattened** into 784 numbers, and the
pixel values 0-255 are scaled to $[0, 1]$ (large inputs make the first steps of training erratic).

The labels become **one-hot** vectors with `to_categorical`: the digit 3 becomes
`[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]`, which is what the softmax output and the categorical
cross-entropy loss compare against.

Three sets, three jobs. We train on the first 54,000 training images and keep the last 6,000 as a
**validation set**: every comparison and choice in this lesson is made on it. The 10,000 **test**
images are prepared the same way and then left alone until section 7, where we measure the final
models once. (MNIST's training images come in no particular order, so the last 6,000 are a fair
sample; lesson 05 shows what goes wrong when data are sorted by label.)
""",
        """
## 2. 整理输入和标签

MLP 的每个样本是一个向量，所以要把每张 28x28 的图片 **展平**（flatten）成 784 个数，
再把 0-255 的像素值缩放到 $[0, 1]$ 之间（输入数值太大，训练最初几步会很不稳定）。

标签用 `to_categorical` 转成 **独热编码**（one-hot encoding）：数字 3 变成 `[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]`。
softmax 输出和分类交叉熵（categorical cross-entropy）损失正是拿这样的向量来比较的。

三个数据集，各有各的用处。我们用训练集的前 54,000 张图片训练，把最后 6,000 张留作 **验证集**（validation set）：
本课所有的比较和选择都在验证集上做。10,000 张 **测试集**（test set）图片按同样的方式整理好之后就放在一边，
直到第 7 节才拿出来，给最终的模型打一次分。（MNIST 的训练图片没有按什么规律排列，所以最后 6,000 张是一份公平的样本；
第 05 课会讲数据按标签排好序时会出什么问题。）
""",
    ),
    code(
        """
x_train_flat = x_train.reshape(-1, 784).astype("float32") / 255
x_test_flat = x_test.reshape(-1, 784).astype("float32") / 255
y_train_1hot = to_categorical(y_train, 10)
y_test_1hot = to_categorical(y_test, 10)
print(x_train_flat.shape, y_train_1hot.shape)
print("«label|标签»", y_train[0], "->", y_train_1hot[0])

# «the last 6,000 training images become the validation set|训练集的最后 6,000 张图片留作验证集»
x_fit_flat, y_fit = x_train_flat[:54000], y_train_1hot[:54000]
x_val_flat, y_val = x_train_flat[54000:], y_train_1hot[54000:]
print(f"«train: |训练：»{len(x_fit_flat)}   «validation: |验证：»{len(x_val_flat)}")
"""
    ),
    md(
        """
## 3. A 784-400-10 network

- a hidden `Dense` layer of 400 units with the ReLU activation $\\max(0, z)$;
- an output `Dense` layer of 10 units with **softmax**, which turns 10 scores into 10 probabilities
  that sum to 1;
- the loss `categorical_crossentropy`, $-\\sum_k t_k \\log p_k$, i.e. minus the log-probability of
  the right digit, averaged over the batch;
- the optimizer **RMSprop** with learning rate $\\eta = 0.001$ and $\\rho = 0.9$. For every weight
  $w$ with gradient $g$ it keeps $v$, a running mean of the squared gradient, and divides the step
  by its root (RMS: root mean square):
  $$v \\leftarrow \\rho\\, v + (1 - \\rho)\\, g^2, \\qquad
    w \\leftarrow w - \\eta\\, \\frac{g}{\\sqrt{v + \\varepsilon}}$$
  with $\\varepsilon = 10^{-7}$ so that it never divides by zero (Keras puts it inside the root).
  Since $\\sqrt v$ is about the size of the recent gradients, every weight moves by about $\\eta$ per
  step, whether its gradients are large or tiny;
- the metric `accuracy`, the fraction of images whose most probable digit is the right one.

`summary()` lists the layers, their output shapes and their parameter counts:
$784 \\times 400 + 400 = 314{,}000$ and $400 \\times 10 + 10 = 4{,}010$.
""",
        """
## 3. 784-400-10 网络

- 隐藏层（hidden layer）是有 400 个单元的 `Dense` 层，激活函数（activation function）为 ReLU，即 $\\max(0, z)$；
- 输出层是 10 个单元的 `Dense` 层，激活函数为 **softmax**，它把 10 个得分变成和为 1 的 10 个概率；
- 损失函数取 `categorical_crossentropy`，即 $-\\sum_k t_k \\log p_k$，也就是“正确数字的对数概率”取负号，再对一批样本取平均；
- 优化器取 **RMSprop**，学习率 $\\eta = 0.001$，$\\rho = 0.9$。对每个权重 $w$（梯度为 $g$），它维护一个梯度平方的滑动平均 $v$，
  并用 $v$ 的平方根去除这一步（RMS 即均方根，root mean square）：
  $$v \\leftarrow \\rho\\, v + (1 - \\rho)\\, g^2, \\qquad
    w \\leftarrow w - \\eta\\, \\frac{g}{\\sqrt{v + \\varepsilon}}$$
  其中 $\\varepsilon = 10^{-7}$，保证不会除以零（Keras 把它放在根号里面）。$\\sqrt v$ 大约就是近期梯度的大小，
  所以不论梯度大小，每个权重每一步大约都移动 $\\eta$ 这么远；
- 评估指标（metric）取 `accuracy`（准确率），即最可能的数字恰好是正确答案的图片所占的比例。

`summary()` 会列出各层、它们的输出形状和参数个数：$784 \\times 400 + 400 = 314{,}000$，以及 $400 \\times 10 + 10 = 4{,}010$。
""",
    ),
    code(
        """
kerasedu.utils.set_random_seed(42)
mlp = Sequential([
    Input(shape=(784,)),
    Dense(400, activation="relu"),
    Dense(10, activation="softmax"),
])
mlp.compile(
    optimizer=optimizers.RMSprop(learning_rate=0.001, rho=0.9),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
mlp.summary()
"""
    ),
    md(
        """
## 4. Training

`fit` runs 4 **epochs** (passes over the 54,000 training images) in **batches** of 32 images: 1,688
gradient steps per epoch. After each epoch it also measures the loss and accuracy on
`validation_data`, our validation set. `verbose=0` keeps the output short; the returned `History`
object keeps every number.
""",
        """
## 4. 训练

`fit` 以每批（batch）32 张图片训练 4 个 **轮次**（epoch，即把 54,000 张训练图片完整过一遍），每轮 1,688 次梯度更新。
每轮结束时，它还会在 `validation_data`（也就是我们的验证集）上计算损失和准确率。`verbose=0` 让输出保持简洁，
所有数字都保存在返回的 `History` 对象里。
""",
    ),
    code(
        """
history = mlp.fit(
    x_fit_flat, y_fit,
    batch_size=32, epochs=4, verbose=0,
    validation_data=(x_val_flat, y_val),
)
mlp_val_acc = history.history["val_accuracy"][-1]
print(f"«MLP validation accuracy: |MLP 验证准确率：»{mlp_val_acc:.4f}")
print(f"«epochs recorded: |记录的轮次数：»{len(history.history['loss'])}")
print(f"«keys: |记录的指标：»{sorted(history.history)}")
""",
        tags=["nbval-ignore-output"],
    ),
    code(
        """
def plot_history(hist, title):
    epochs = np.arange(1, len(hist.history["loss"]) + 1)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.5))
    ax1.plot(epochs, hist.history["loss"], "o-", label="«training|训练集»")
    ax1.plot(epochs, hist.history["val_loss"], "s--", label="«validation|验证集»")
    ax1.set_xlabel("«epoch|轮次»")
    ax1.set_ylabel("«loss|损失»")
    ax1.legend()
    ax2.plot(epochs, hist.history["accuracy"], "o-", label="«training|训练集»")
    ax2.plot(epochs, hist.history["val_accuracy"], "s--", label="«validation|验证集»")
    ax2.set_xlabel("«epoch|轮次»")
    ax2.set_ylabel("«accuracy|准确率»")
    ax2.legend()
    fig.suptitle(title)
    plt.show()


plot_history(history, "«MLP: training curves|MLP 的训练曲线»")
"""
    ),
    md(
        """
The training loss falls steadily. The validation accuracy, already about 97% after the first epoch,
gains less and less: most of what a fully connected network can learn from single pixels it learns
in the first epoch or two.

## 5. A small convolutional network

The MLP does not know that neighbouring pixels belong together: shuffle the 784 pixels of every
image the same way and it learns just as well. A **convolution** (`Conv2D`) slides small 3x3 filters
(kernels) over the image and so detects the same stroke wherever it is; **max pooling**
(`MaxPooling2D`) keeps the strongest response in each 2x2 window, halving the image size; **dropout**
(`Dropout`) switches off a random part of the units during training so that the network cannot rely
on any single one.

Images now keep their 2-D shape plus one channel axis: `(28, 28, 1)`. We train with the Adam
optimizer at a learning rate of 0.002 (twice its default, since we train only briefly), in batches of
128, for 3 epochs — enough for this network, and still quick on a laptop.
""",
        """
曲线中训练损失稳步下降；验证准确率第一轮之后就已经在 97% 左右，之后涨得越来越慢：
全连接网络能从一个个孤立的像素里学到的东西，前一两轮基本就学完了。

## 5. 一个小型卷积网络

MLP 并不知道相邻的像素是“一伙的”：把每张图的 784 个像素按同一种方式打乱，它照样学得一样好。
**卷积**（convolution，`Conv2D`）让 3x3 的小卷积核在图上滑动，无论笔画出现在哪里都能认出来；
**最大池化**（max pooling，`MaxPooling2D`）在每个 2x2 窗口里只保留最强的响应，把图像尺寸减半；
**Dropout**（随机失活，`Dropout`）在训练时随机关掉一部分单元，让网络不能只依赖某一个单元。

现在图片保留二维形状，再加一个通道轴：`(28, 28, 1)`。我们改用 Adam 优化器，学习率取 0.002（默认值的两倍，
因为只训练很短的时间），批大小取 128，训练 3 轮——对这个网络已经足够，在笔记本电脑上也不慢。
""",
    ),
    code(
        """
x_fit_img = x_fit_flat.reshape(-1, 28, 28, 1)
x_val_img = x_val_flat.reshape(-1, 28, 28, 1)
x_test_img = x_test_flat.reshape(-1, 28, 28, 1)

kerasedu.utils.set_random_seed(42)
cnn = Sequential([
    Input(shape=(28, 28, 1)),
    Conv2D(16, kernel_size=3, activation="relu"),  # «-> 26x26x16|输出 26x26x16»
    MaxPooling2D(pool_size=2),  # «-> 13x13x16|输出 13x13x16»
    Conv2D(32, kernel_size=3, activation="relu"),  # «-> 11x11x32|输出 11x11x32»
    MaxPooling2D(pool_size=2),  # «-> 5x5x32|输出 5x5x32»
    Flatten(),  # «-> 800|输出 800»
    Dense(64, activation="relu"),
    Dropout(0.25),
    Dense(10, activation="softmax"),
])
cnn.compile(
    optimizer=optimizers.Adam(learning_rate=0.002),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
cnn.summary()
"""
    ),
    md(
        """
This network has far fewer parameters than the MLP (56,714 against 318,010): a 3x3 kernel has only
9 weights per input channel, and it is shared by every position of the image. Most of its parameters
sit in the `Dense(64)` layer.
""",
        """
这个网络的参数比 MLP 少得多（56,714 个对 318,010 个）：一个 3x3 卷积核对每个输入通道只有 9 个权重，
而且在图像的所有位置上共享。它的大部分参数其实在 `Dense(64)` 层里。
""",
    ),
    code(
        """
cnn_history = cnn.fit(
    x_fit_img, y_fit,
    batch_size=128, epochs=3, verbose=0,
    validation_data=(x_val_img, y_val),
)
cnn_val_acc = cnn_history.history["val_accuracy"][-1]
print(f"«CNN validation accuracy: |CNN 验证准确率：»{cnn_val_acc:.4f}")
print(f"«MLP validation accuracy: |MLP 验证准确率：»{mlp_val_acc:.4f}")
""",
        tags=["nbval-ignore-output"],
    ),
    code(
        """
assert cnn_val_acc > mlp_val_acc  # «the choice: the CNN|选择：CNN»
print("«On the validation set the CNN beats the MLP: we choose the CNN.|在验证集上 CNN 胜过 MLP：我们选 CNN。»")
plot_history(cnn_history, "«CNN: training curves|CNN 的训练曲线»")
"""
    ),
    md(
        """
Which validation digits does the CNN still get wrong? Many of them are hard for people too.
""",
        """
CNN 在验证集上还会认错哪些数字？其中不少连人都很难分辨。
""",
    ),
    code(
        """
probs = cnn.predict(x_val_img, batch_size=1000, verbose=0)
predicted = probs.argmax(axis=1)
val_labels = y_train[54000:]
wrong = np.flatnonzero(predicted != val_labels)
print(f"«misclassified validation images: |认错的验证图片：»{len(wrong)} / {len(val_labels)}")
assert len(wrong) < 120  # «fewer than 2%|少于 2%»

fig, axes = plt.subplots(1, 8, figsize=(10, 2))
for ax, i in zip(axes, wrong[:8]):
    ax.imshow(x_val_img[i, :, :, 0], cmap="gray_r")
    ax.set_title("%d -> %d" % (val_labels[i], predicted[i]), fontsize=9)
    ax.axis("off")
fig.suptitle("«Validation images the CNN gets wrong: true -> predicted|CNN 认错的验证图片：真实 -> 预测»")
plt.show()
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## 6. Saving and loading a model

`model.save("mnist_mlp.h5")` writes everything into one HDF5 file: the architecture, the weights, and
the optimizer with its state, so that training could even continue later. `load_model` rebuilds the
model from the file. We write into a temporary folder, which is deleted afterwards, and check that the
reloaded model predicts exactly the same probabilities.
""",
        """
## 6. 保存和加载模型

`model.save("mnist_mlp.h5")` 把所有东西写进一个 HDF5 文件：网络结构、权重，以及优化器和它的状态，
所以以后甚至可以接着训练。`load_model` 根据文件重新搭建出模型。这里我们写到一个临时文件夹里（用完就删除），
并检查读回来的模型给出的概率与原模型完全一致。
""",
    ),
    code(
        """
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "mnist_mlp.h5")
    mlp.save(path)
    restored = load_model(path)

before = mlp.predict(x_val_flat, batch_size=1000, verbose=0)
after = restored.predict(x_val_flat, batch_size=1000, verbose=0)
print(f"«same predictions after loading: |加载后预测完全相同：»{np.array_equal(before, after)}")
assert np.array_equal(before, after)
"""
    ),
    md(
        """
## 7. The test set, once

Every choice is made: the architecture, the settings, the CNN over the MLP. Now, and only now, we
measure both models on the 10,000 test images, which played no part in any decision. These are the
figures to report.
""",
        """
## 7. 测试集：只用这一次

所有的选择都已经做完：网络结构、各项设置、选 CNN 而不是 MLP。现在，也只有现在，我们才在 10,000 张测试图片上给两个模型打分；
这些图片没有参与过任何决定。要报告的就是这两个数。
""",
    ),
    code(
        """
mlp_loss, mlp_acc = mlp.evaluate(x_test_flat, y_test_1hot, batch_size=1000, verbose=0)
cnn_loss, cnn_acc = cnn.evaluate(x_test_img, y_test_1hot, batch_size=1000, verbose=0)
print(f"«MLP test accuracy: |MLP 测试准确率：»{mlp_acc:.4f}   «(published: 0.9743)|（公开结果：0.9743）»")
print(f"«CNN test accuracy: |CNN 测试准确率：»{cnn_acc:.4f}")
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
The published figure for the MLP's setup is a test accuracy of 0.9743. Ours differs a little
because of the random initial weights, the order of the batches, and because we trained on 54,000
images instead of all 60,000 (we kept 6,000 for validation). The self-checks below hold the lesson's
targets with a tolerance.
""",
        """
MLP 这套设置公开的参考结果是测试准确率 0.9743。我们的结果略有不同，原因有三：随机的初始权重、批次的顺序，
以及我们只用了 54,000 张图片训练，而不是全部 60,000 张（留了 6,000 张作验证）。下面的自我检查带一点容差地验证本课的目标。
""",
    ),
    code(
        """
assert mlp_acc >= 0.97, mlp_acc  # «the lesson's target|本课的目标»
assert abs(mlp_acc - 0.9743) < 0.01, mlp_acc  # «close to the published 0.9743|接近公开的 0.9743»
assert cnn_acc >= 0.985, cnn_acc
assert cnn_acc > mlp_acc
print("«all checks passed|全部检查通过»")
"""
    ),
    md(
        """
## Summary

- `mnist.load_data()` returns NumPy arrays `(x_train, y_train), (x_test, y_test)`; in kerasedu the
  file ships with the library, so it works offline.
- Inputs are scaled to $[0, 1]$; labels become one-hot vectors with `to_categorical` for
  `categorical_crossentropy`.
- Choices are made on a validation set (here the last 6,000 training images); the test set is used
  once, at the end.
- RMSprop divides each step by the root of a running mean of squared gradients. A 784-400-10 MLP
  trained with it for 4 epochs reaches about 97.5% test accuracy; a small CNN with far fewer
  parameters passes 98.5% in 3 epochs, because convolutions share their kernels across positions.
- `fit` returns a `History` whose `history` dict holds one value per epoch for each loss and metric;
  `model.save(...)` and `load_model(...)` store and restore a whole model.

## Exercises

Each exercise has a cell for your answer and a check cell below it. The check runs your answer,
says plainly when it is right, and otherwise tells you what is wrong, with a hint.

**Exercise 1 (easy): the data pipeline.** Write `prepare(images, labels)`: `images` are MNIST
images, `uint8` of shape `(N, 28, 28)`, and `labels` their digits, shape `(N,)`. Return `x` of shape
`(N, 784)`, `float32`, with values in $[0, 1]$, and `y`, the labels one-hot, shape `(N, 10)`.
""",
        """
## 小结

- `mnist.load_data()` 返回 NumPy 数组 `(x_train, y_train), (x_test, y_test)`；kerasedu 自带数据文件，离线即可使用。
- 输入缩放到 $[0, 1]$；标签用 `to_categorical` 转成独热向量，以配合 `categorical_crossentropy`。
- 所有选择都在验证集（这里是训练集的最后 6,000 张图片）上做；测试集只在最后用一次。
- RMSprop 用梯度平方滑动平均的平方根去除每一步。用它训练 4 轮的 784-400-10 MLP，测试准确率约为 97.5%；
  参数少得多的小型 CNN 只训练 3 轮就超过了 98.5%，因为卷积在所有位置上共享卷积核。
- `fit` 返回 `History` 对象，它的 `history` 字典为每个损失和指标保存了每一轮的数值；
  `model.save(...)` 和 `load_model(...)` 用来保存和恢复整个模型。

## 练习

每道练习都有一个写答案的单元格，下面紧跟一个检查单元格。检查会运行你的答案：答对了会明确告诉你；
答错了会指出错在哪里，并给出提示。

**练习 1（简单）：数据预处理**。写出 `prepare(images, labels)`：`images` 是 MNIST 图片，类型为 `uint8`，
形状为 `(N, 28, 28)`；`labels` 是对应的数字，形状为 `(N,)`。返回形状为 `(N, 784)`、类型为 `float32`、
取值在 $[0, 1]$ 之间的 `x`，以及独热编码的标签 `y`，形状为 `(N, 10)`。
""",
    ),
    solution(
        """
def prepare(images, labels):
    \"\"\"«Return (x, y): flat float32 pixels in [0, 1] and one-hot labels.|返回 (x, y)：展平的 float32 像素（[0, 1]）和独热标签。»\"\"\"
    ### BEGIN SOLUTION
    x = images.reshape(len(images), 784).astype("float32") / 255
    return x, to_categorical(labels, 10)
    ### END SOLUTION
""",
        "l02-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson02

lesson02.check_prepare(prepare, lang="«en|zh»")
""",
        "l02-ex1-check",
    ),
    md(
        """
**Exercise 2 (easy): the loss.** Write `crossentropy(probs, one_hot)` with NumPy: the categorical
cross-entropy of section 3, $-\\sum_k t_k \\log p_k$ for each sample, averaged over the samples.
`probs` and `one_hot` have shape `(N, 10)`; return one number.
""",
        """
**练习 2（简单）：损失函数**。用 NumPy 写出 `crossentropy(probs, one_hot)`：即第 3 节的分类交叉熵，
对每个样本计算 $-\\sum_k t_k \\log p_k$，再对所有样本取平均。`probs` 和 `one_hot` 的形状都是 `(N, 10)`；返回一个数。
""",
    ),
    solution(
        """
def crossentropy(probs, one_hot):
    \"\"\"«Mean over the samples of -sum_k t_k log p_k.|对所有样本取平均的 -sum_k t_k log p_k。»\"\"\"
    ### BEGIN SOLUTION
    return np.mean(-np.sum(one_hot * np.log(probs), axis=1))
    ### END SOLUTION
""",
        "l02-ex2",
    ),
    check(
        """
lesson02.check_crossentropy(crossentropy, lang="«en|zh»")
""",
        "l02-ex2-check",
    ),
    md(
        """
**Exercise 3 (medium): RMSprop by hand.** Write `rmsprop_step(w, g, v, learning_rate, rho,
epsilon)` with NumPy: one RMSprop update of the weights `w` with gradient `g`, where `v` is the
running mean of squared gradients (zeros before the first step). Return `(new_w, new_v)`. The check
runs three steps and compares them with `kerasedu.optimizers.RMSprop`, on gradients from large to
tiny. The formula is in section 3.
""",
        """
**练习 3（中等）：手写 RMSprop**。用 NumPy 写出 `rmsprop_step(w, g, v, learning_rate, rho, epsilon)`：
用梯度 `g` 对权重 `w` 做一次 RMSprop 更新，其中 `v` 是梯度平方的滑动平均（第一步之前全为 0）。返回 `(new_w, new_v)`。
检查会连续走三步，并与 `kerasedu.optimizers.RMSprop` 比较，梯度从很大到很小都有。公式见第 3 节。
""",
    ),
    solution(
        """
def rmsprop_step(w, g, v, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    \"\"\"«Return (new_w, new_v) after one RMSprop step.|返回一步 RMSprop 之后的 (new_w, new_v)。»\"\"\"
    ### BEGIN SOLUTION
    v = rho * v + (1 - rho) * g**2
    return w - learning_rate * g / np.sqrt(v + epsilon), v
    ### END SOLUTION
""",
        "l02-ex3",
    ),
    check(
        """
lesson02.check_rmsprop_step(rmsprop_step, lang="«en|zh»")
""",
        "l02-ex3-check",
    ),
    md(
        """
**Exercise 4 (hard): a model that learns from little data.** Write `build_model()`, returning a
compiled model (loss `categorical_crossentropy`, inputs of shape `(784,)` or `(28, 28, 1)`). The check
trains it itself, for 2 epochs in batches of 32 on only the **first 5,000** training images, and
measures its accuracy on our validation set, the last 6,000 training images. The target: at least
**0.95**. The MLP of section 3 stays near 0.93 with so few images; think about what section 5 taught,
and keep the model small enough to train in a few seconds.
""",
        """
**练习 4（较难）：从少量数据中学习的模型**。写出 `build_model()`，返回一个编译好的模型（损失函数用 `categorical_crossentropy`，
输入形状为 `(784,)` 或 `(28, 28, 1)`）。检查会自己训练它：只用训练集的 **前 5,000 张** 图片，批大小 32，训练 2 轮，
然后在我们的验证集（训练集的最后 6,000 张图片）上测准确率。目标是至少 **0.95**。图片这么少时，第 3 节的 MLP 只能到 0.93 左右；
想想第 5 节讲了什么，同时让模型小一些，几秒钟就能训练完。
""",
    ),
    solution(
        """
def build_model():
    \"\"\"«A compiled model that reaches 0.95 from 5,000 images.|只用 5,000 张图片就能达到 0.95 的编译好的模型。»\"\"\"
    ### BEGIN SOLUTION
    model = Sequential([
        Input(shape=(28, 28, 1)),
        Conv2D(16, kernel_size=3, activation="relu"),
        MaxPooling2D(pool_size=2),
        Conv2D(32, kernel_size=3, activation="relu"),
        MaxPooling2D(pool_size=2),
        Flatten(),
        Dense(64, activation="relu"),
        Dense(10, activation="softmax"),
    ])
    model.compile(
        optimizer=optimizers.Adam(learning_rate=0.002),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model
    ### END SOLUTION
""",
        "l02-ex4",
    ),
    check(
        """
lesson02.check_model(build_model, lang="«en|zh»")
""",
        "l02-ex4-check",
    ),
]
