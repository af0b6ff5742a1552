"""Lesson 09: the functional API and the "happy house" model."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        """
# 09 · The functional API and the "happy house" model

**Goal.** Build models as graphs of layers with the *functional API*: `Input`, then each layer called on the
tensor before it, then `Model(inputs, outputs)`. You will build the classic "happy house" conv net (it lets a
visitor in only if they smile), count its parameters by hand, draw it, save and rebuild its architecture, then
build what `Sequential` cannot: several inputs and outputs, a shared layer, a residual connection. Last, a
trap of `BatchNormalization`: a model that scores 1.0 in training mode and a coin flip at inference.
""",
        """
# 09 · 函数式 API 与“快乐屋”模型

**本课目标**：用**函数式 API** 把模型搭成一张由层组成的图：先写 `Input`，再把每一层作用在前一个张量上，最后
`Model(inputs, outputs)`。你将搭出经典的“快乐屋”卷积网络（只有面带微笑的访客才能进门），亲手数出它的参数个数，
画出它的结构，保存并重建它的架构；然后搭出 `Sequential` 做不到的模型：多个输入和输出、共享层、残差连接。
最后看批量归一化（`BatchNormalization`）的一个坑：训练模式下准确率接近 1.0，推理时却和抛硬币差不多。
""",
    ),
    code("""
import numpy as np
import matplotlib.pyplot as plt
import kerasedu
from kerasedu.layers import (Activation, Add, BatchNormalization, Concatenate, Conv2D,
                             Dense, Flatten, Input, MaxPooling2D, ZeroPadding2D)
from kerasedu.models import Model, model_from_json
from kerasedu.optimizers import Adam

kerasedu.utils.fonts.use_chinese_font()  # «lets plots show Chinese text|让图中的中文正常显示»
np.set_printoptions(precision=4, suppress=True)
"""),
    md(
        """
## The data: smiling and frowning faces

We draw our own 64×64 RGB faces (offline, in a fraction of a second): a head, two eyes and a mouth whose
corners go up (smiling, label 1) or down (frowning, label 0), at a slightly random place, on pale, washed-out
colours (pixel values between about 0.65 and 0.95). 240 faces for training, 64 for validation.
""",
        """
## 数据：微笑的脸与皱眉的脸

我们自己画 64×64 的彩色人脸（离线生成，不到一秒）：一个头、两只眼睛、一张嘴；嘴角上扬是微笑（标签 1），
下垂是皱眉（标签 0）；位置略有随机，颜色偏淡、对比度低（像素值大约在 0.65 到 0.95 之间）。
240 张用于训练，64 张用于验证。
""",
    ),
    code("""
def make_faces(n, seed=0):
    \"\"\"«n faces (n, 64, 64, 3) in [0, 1] and labels (n, 1): 1 = smiling.|n 张人脸 (n, 64, 64, 3)，取值在 [0, 1]；标签 (n, 1)：1 表示微笑。»\"\"\"
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:64, 0:64].astype("float32")
    images = np.empty((n, 64, 64, 3), dtype="float32")
    labels = rng.integers(0, 2, size=n)
    for i in range(n):
        cx, cy = 32 + rng.uniform(-3, 3, size=2)
        back = rng.uniform(0.4, 0.6, size=3)
        img = np.broadcast_to(back, (64, 64, 3)).copy()
        img[(xx - cx) ** 2 + (yy - cy) ** 2 < 22**2] = back + rng.uniform(0.1, 0.2)
        for ex in (-8, 8):  # «the eyes|两只眼睛»
            img[(xx - cx - ex) ** 2 + (yy - cy + 6) ** 2 < 3**2] = back - 0.1
        bend = 0.05 if labels[i] else -0.05  # «corners up or down|嘴角上扬或下垂»
        mouth_y = cy + 10 - bend * (xx - cx) ** 2
        img[(np.abs(yy - mouth_y) < 1.5) & (np.abs(xx - cx) < 11)] = back - 0.1
        images[i] = 0.8 + 0.3 * (img - 0.5) + rng.normal(0, 0.01, size=img.shape)
    return images, labels.reshape(-1, 1).astype("float32")

x, y = make_faces(240 + 64)
x_train, y_train, x_val, y_val = x[:240], y[:240], x[240:], y[240:]
fig, axes = plt.subplots(1, 6, figsize=(9, 1.8))
for ax, img, label in zip(axes, x_train, y_train[:, 0]):
    ax.imshow(np.clip(img, 0, 1)); ax.axis("off")
    ax.set_title("«smiling|微笑»" if label else "«frowning|皱眉»")
plt.show()
print(x_train.shape, y_train.shape, f"{x_train.min():.2f}..{x_train.max():.2f}")
"""),
    md(
        """
## The happy-house model, layer by layer

In the functional API a layer is first *created* (`Conv2D(32, (7, 7))`), then *called* on a tensor; the
call returns a new symbolic tensor, a shape with no values yet. `Model(inputs, outputs)` then collects
every layer between the two. The model: pad 3 pixels on every side (so a 7×7 kernel sees the border), 32
convolution kernels of 7×7, batch normalization over the channel axis (`axis=3` in `(N, H, W, C)`), ReLU,
2×2 max pooling, flatten, and one sigmoid unit.
""",
        """
## 逐层搭建“快乐屋”模型

在函数式 API 里，一层先被**创建**（`Conv2D(32, (7, 7))`），再被**调用**，作用在一个张量上；调用返回一个新的
符号张量：只有形状，还没有数值。然后 `Model(inputs, outputs)` 收集这两者之间的所有层。模型依次是：
四周各补 3 个像素的零（让 7×7 的卷积核也能照顾到边缘）、32 个 7×7 的卷积核、沿通道轴做批量归一化
（`(N, H, W, C)` 中的 `axis=3`）、ReLU、2×2 最大池化、展平，最后是一个 sigmoid 单元。
""",
    ),
    code("""
def happy_model(momentum=0.99):
    x_input = Input((64, 64, 3))
    h = ZeroPadding2D((3, 3))(x_input)                       # (70, 70, 3)
    h = Conv2D(32, (7, 7), strides=(1, 1), name="conv0")(h)  # (64, 64, 32)
    h = BatchNormalization(axis=3, momentum=momentum, name="bn0")(h)
    h = Activation("relu")(h)
    h = MaxPooling2D((2, 2), name="max_pool")(h)             # (32, 32, 32)
    h = Flatten()(h)                                         # (32768,)
    h = Dense(1, activation="sigmoid", name="fc")(h)
    return Model(inputs=x_input, outputs=h, name="HappyModel")

kerasedu.utils.set_random_seed(0)
happy = happy_model()
happy.summary()
"""),
    md(
        """
## Counting the parameters by hand

- `Conv2D`: each of the 32 kernels has 7·7·3 weights plus one bias: `(7·7·3 + 1)·32 = 4,736`.
- `BatchNormalization(axis=3)`: four numbers per channel, `gamma` and `beta` (trained) and the moving mean and
  variance (not trained): `4·32 = 128`, of which 64 are non-trainable.
- `Dense(1)` after `Flatten`: the pooled map has `32·32·32 = 32,768` values, so `32,768 + 1` parameters.
- Padding, activation, pooling and flatten have none.
""",
        """
## 亲手数参数

- `Conv2D`：32 个卷积核，每个有 7·7·3 个权重再加 1 个偏置：`(7·7·3 + 1)·32 = 4,736`。
- `BatchNormalization(axis=3)`：每个通道 4 个数，`gamma` 和 `beta`（参与训练），以及移动均值和移动方差（不参与训练）：
  `4·32 = 128`，其中 64 个不可训练。
- `Flatten` 之后的 `Dense(1)`：池化后的特征图有 `32·32·32 = 32,768` 个值，所以是 `32,768 + 1` 个参数。
- 补零、激活、池化和展平都没有参数。
""",
    ),
    code("""
conv = (7 * 7 * 3 + 1) * 32
bn = 4 * 32
fc = 32 * 32 * 32 + 1
print(conv, bn, fc, "«total|合计»", conv + bn + fc)
assert conv + bn + fc == happy.count_params() == 37_633
assert sum(w.size for w in happy.non_trainable_weights) == 2 * 32
"""),
    md(
        """
## A picture of the graph

`kerasedu.utils.plot_model` draws the layers as boxes (with matplotlib, no Graphviz needed). A chain like
this one is a single column; the models further down branch and merge.
""",
        """
## 画出这张图

`kerasedu.utils.plot_model` 把每一层画成一个方框（用 matplotlib 绘制，不需要安装 Graphviz）。
像这样的一条链就是一列；后面的模型会分叉、会汇合。
""",
    ),
    code("""
fig = kerasedu.utils.plot_model(happy, to_file=None, show_shapes=True)
plt.show()
"""),
    md(
        """
## Training it

Adam with learning rate 5·10⁻⁴, batches of 16, three epochs: 45 steps in all.
""",
        """
## 训练

使用学习率为 5·10⁻⁴ 的 Adam 优化器，批次大小 16，训练 3 轮，一共 45 步。
""",
    ),
    code(
        """
happy.compile(optimizer=Adam(5e-4), loss="binary_crossentropy", metrics=["accuracy"])
history = happy.fit(x_train, y_train, epochs=3, batch_size=16, verbose=0)
fit_accuracy = history.history["accuracy"][-1]
print(f"«accuracy reported by fit, last epoch:|fit 报告的最后一轮准确率：» {fit_accuracy:.4f}")
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## Saving the architecture: `get_config` and `to_json`

`get_config()` describes the graph as a dict (every layer's config, and which tensors it was called on);
`Model.from_config` rebuilds it with new weights; `to_json`/`model_from_json` do the same through a JSON
string. The architecture has no weights, so we copy them with `set_weights` and check the predictions agree.
""",
        """
## 保存架构：`get_config` 与 `to_json`

`get_config()` 用一个字典描述这张图（每一层的配置，以及它作用在哪些张量上）；`Model.from_config` 按它重建模型，
权重是新初始化的；`to_json`/`model_from_json` 则经由一个 JSON 字符串做同样的事。架构里没有权重，
所以我们用 `set_weights` 把权重复制过去，再检查预测结果一致。
""",
    ),
    code("""
config = happy.get_config()
print(sorted(config), [layer["class_name"] for layer in config["layers"]][:4])
rebuilt = Model.from_config(config)
from_json = model_from_json(happy.to_json())
for clone in (rebuilt, from_json):
    clone.set_weights(happy.get_weights())
    same = clone.predict(x_val[:8], verbose=0), happy.predict(x_val[:8], verbose=0)
    np.testing.assert_allclose(*same, atol=1e-6)
print("«both copies predict exactly like the original|两个副本的预测都与原模型一致»")
"""),
    md(
        """
## Several inputs, several outputs

A model for a house sensor: input `a` (4 numbers) and input `b` (3 numbers), merged by `Concatenate`, then
two outputs, a regression `score` and a yes/no `kind`. `compile` takes a loss per output (a dict keyed by the
output layers' names) and `loss_weights`; the loss that is minimised is the weighted sum.
""",
        """
## 多个输入，多个输出

设想一个门口传感器的模型：输入 `a`（4 个数）和输入 `b`（3 个数）经 `Concatenate` 合并，然后有两个输出：
回归值 `score` 和是/否判断 `kind`。`compile` 可以给每个输出指定一个损失函数（用字典，键是输出层的名字），
再用 `loss_weights` 给出权重；真正被最小化的是它们的加权和。
""",
    ),
    code("""
a, b = Input((4,), name="a"), Input((3,), name="b")
h = Dense(8, activation="relu", name="hidden")(Concatenate()([a, b]))
score = Dense(1, name="score")(h)
kind = Dense(1, activation="sigmoid", name="kind")(h)
two_heads = Model([a, b], [score, kind])
two_heads.compile(
    optimizer="adam",
    loss={"score": "mse", "kind": "binary_crossentropy"},
    loss_weights={"score": 1.0, "kind": 0.5},
)
rng = np.random.default_rng(1)
xa, xb = rng.random((64, 4), dtype="float32"), rng.random((64, 3), dtype="float32")
targets = {"score": xa.sum(axis=1, keepdims=True), "kind": (xb[:, :1] > 0.5) * 1.0}
logs = two_heads.evaluate([xa, xb], targets, batch_size=64, verbose=0, return_dict=True)
print(logs)
weighted_sum = 1.0 * logs["score_loss"] + 0.5 * logs["kind_loss"]
assert np.isclose(logs["loss"], weighted_sum, rtol=1e-5)
"""),
    md(
        """
## A shared layer

One layer object called on two inputs is *one* set of weights used twice (a "siamese" model): here the same
`Dense` encodes two vectors, and a last layer compares the codes. Its weights are counted once.
""",
        """
## 共享层

同一个层对象作用在两个输入上，就是**同一组**权重用了两次（“孪生”模型）：这里同一个 `Dense` 分别编码两个向量，
最后一层比较两个编码。这一层的权重只算一次。
""",
    ),
    code("""
left, right = Input((5,), name="left"), Input((5,), name="right")
encoder = Dense(3, name="encoder")
codes = Concatenate()([encoder(left), encoder(right)])  # «the same layer, twice|同一层，用了两次»
siamese = Model([left, right], Dense(1, name="compare")(codes))
print([layer.name for layer in siamese.layers])
assert encoder.count_params() == 5 * 3 + 3
assert siamese.count_params() == (5 * 3 + 3) + (6 + 1)  # «encoder counted once|编码层只算一次»
"""),
    md(
        """
## A residual connection

A residual block adds its input to what its layers computed: `y = x + F(x)`. The `Add` layer needs both
tensors to have the same shape, so the convolutions keep it (`padding="same"`, as many kernels as channels).
If `F` learns nothing (all its weights zero), the block lets `x` through unchanged: a deep stack of such blocks
is never worse than a shallower one, which is why very deep ResNets train.
""",
        """
## 残差连接

残差块把输入加到它的各层算出的结果上：`y = x + F(x)`。`Add` 层要求两个张量形状相同，所以卷积要保持形状
（`padding="same"`，卷积核个数等于通道数）。如果 `F` 什么都没学到（权重全为零），这个块就让 `x` 原样通过：
很多这样的块叠起来，至少不会比浅的网络更差，这正是很深的 ResNet 能训练起来的原因。
""",
    ),
    code("""
block_in = Input((8, 8, 4))
f = Conv2D(4, (3, 3), padding="same", activation="relu")(block_in)
f = Conv2D(4, (3, 3), padding="same")(f)
residual = Model(block_in, Add()([block_in, f]))
residual.set_weights([np.zeros_like(w) for w in residual.get_weights()])
sample = np.random.default_rng(2).normal(size=(2, 8, 8, 4)).astype("float32")
np.testing.assert_array_equal(residual.predict(sample, verbose=0), sample)
fig = kerasedu.utils.plot_model(residual, to_file=None)
plt.show()
"""),
    md(
        """
## BatchNormalization: 1.0 in training, a coin flip at inference

Back to the happy model. In training mode a `BatchNormalization` layer normalises with the *batch's* mean and
variance; at inference (`predict`, `evaluate`) it uses *moving averages* updated at every training step:
`moving = momentum · moving + (1 − momentum) · batch_stat`, with `momentum = 0.99`. They start at mean 0 and
variance 1, so after `n` steps they have covered only `1 − 0.99ⁿ` of the way to the data's statistics.
Our 45 steps cover 36%. Compare the model's accuracy with batch statistics and with its moving averages:
""",
        """
## 批量归一化：训练时 1.0，推理时抛硬币

回到快乐屋模型。训练模式下，`BatchNormalization` 层用**当前批次**的均值和方差做归一化；推理时（`predict`、
`evaluate`）则用每个训练步更新一次的**移动平均**：`moving = momentum · moving + (1 − momentum) · batch_stat`，
其中 `momentum = 0.99`。移动均值从 0、移动方差从 1 出发，所以 `n` 步之后只走完了到数据真实统计量的
`1 − 0.99ⁿ`。我们训练的 45 步只走完了 36%。比较一下模型分别用批次统计量和用移动平均时的准确率：
""",
    ),
    code(
        """
def batch_stats_accuracy(model, x, y, batch_size=16):
    \"\"\"«Accuracy with batch statistics; the moving averages are restored.|训练模式（批次统计量）下的准确率；移动平均会被恢复原值。»\"\"\"
    saved = model.get_weights()  # «training mode updates the moving averages|训练模式会更新移动平均»
    hits = []
    for i in range(0, len(x), batch_size):
        p = model(x[i:i + batch_size], training=True).numpy()
        hits.append((p > 0.5) == y[i:i + batch_size])
    model.set_weights(saved)
    return float(np.concatenate(hits).mean())

steps = 3 * len(x_train) // 16
train_mode = batch_stats_accuracy(happy, x_train, y_train)
inference = happy.evaluate(x_train, y_train, verbose=0)[1]
print(f"«steps:|步数：» {steps}, 1 - 0.99**{steps} = {1 - 0.99**steps:.4f}")
print(f"«training mode (batch statistics):|训练模式（批次统计量）：» {train_mode:.4f}")
print(f"«inference (moving averages):|推理（移动平均）：» {inference:.4f}")
assert train_mode > 0.95 and inference < 0.65
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
Why: the convolution's outputs on these pale images have a large mean and a small variance. The moving mean
has moved only a third of the way there and the moving variance is still near 1, so at inference the
normalised values are far from what the `Dense` layer learned to read. We read the convolution's outputs with
a sub-model, `Model(happy.input, happy.get_layer("conv0").output)`, and compare:
""",
        """
原因：在这些颜色很淡的图像上，卷积输出的均值大、方差小。移动均值只走了约三分之一的路，移动方差还接近 1，
所以推理时归一化后的数值与 `Dense` 层训练时学会读的完全不同。我们用一个子模型
`Model(happy.input, happy.get_layer("conv0").output)` 取出卷积层的输出来比较：
""",
    ),
    code(
        """
conv_model = Model(happy.input, happy.get_layer("conv0").output)
conv_out = conv_model.predict(x_train, verbose=0)
data_mean, data_var = conv_out.mean(axis=(0, 1, 2)), conv_out.var(axis=(0, 1, 2))
gamma, beta, moving_mean, moving_var = happy.get_layer("bn0").get_weights()
print("«data mean,    channels 0-3:|数据均值，第 0-3 个通道：»", data_mean[:4])
print("«moving mean,  channels 0-3:|移动均值，第 0-3 个通道：»", moving_mean[:4])
print("«data variance:|数据方差：»", data_var[:4])
print("«moving variance:|移动方差：»", moving_var[:4])
covered = np.median(moving_mean / data_mean)
print(f"«moving mean / data mean (median):|移动均值 / 数据均值（中位数）：» {covered:.4f}")
assert 0.2 < covered < 0.5 and np.all(moving_var > 10 * data_var)
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
The fixes: train longer (at momentum 0.99, about 300 steps cover 95%), lower the momentum (0.9 covers 95%
in 29 steps, but then the averages follow the last few batches more than the whole data), or **re-estimate**
the statistics after training: run the data through the sub-model and store its mean and variance as the
moving averages. The last one is exact and costs one pass over the data:
""",
        """
解决办法：训练更久（momentum 为 0.99 时，大约 300 步才能走完 95%）；降低 momentum（0.9 只要 29 步就能走完 95%，
但移动平均会更多地反映最近几个批次，而不是整个数据集）；或者在训练结束后**重新估计**统计量：把数据送进子模型，
把得到的均值和方差存为移动平均。最后这种方法是精确的，只需把数据过一遍：
""",
    ),
    code(
        """
happy.get_layer("bn0").set_weights([gamma, beta, data_mean, data_var])
fixed = happy.evaluate(x_train, y_train, verbose=0)[1]
fixed_val = happy.evaluate(x_val, y_val, verbose=0)[1]
print(f"«inference after re-estimating:|重新估计之后的推理准确率：» {fixed:.4f}"
      f" («validation|验证集» {fixed_val:.4f})")
assert fixed > 0.95 and fixed_val > 0.9
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## Summary

- The functional API: `Input`, then layers called on tensors, then `Model(inputs, outputs)`; a layer called
  twice shares its weights; `Add` and `Concatenate` merge branches.
- Parameters: a conv layer has `(kh·kw·c_in + 1)·filters`; `BatchNormalization` 4 per channel, 2 of them
  untrained; `summary()` and `count_params()` agree with the formula.
- `get_config`/`Model.from_config` and `to_json`/`model_from_json` rebuild the architecture, not the weights.
- Several outputs: a loss per output and `loss_weights`; the total loss is the weighted sum.
- `BatchNormalization`'s moving averages cover `1 − momentum^steps` of the way: after too few steps,
  inference fails although training looks perfect. Train longer, lower the momentum, or re-estimate.

## Exercises

In each answer cell, replace `raise NotImplementedError()` with your code, run it, then run the check cell.

### Exercise 1 · A conv layer's parameters

Write `conv_params(kernel_size, in_channels, filters)`: the number of parameters of
`Conv2D(filters, (kernel_size, kernel_size))` on inputs with `in_channels` channels (with its bias).
""",
        """
## 小结

- 函数式 API：先写 `Input`，再把各层作用在张量上，最后 `Model(inputs, outputs)`；同一层调用两次就共享权重；
  `Add` 和 `Concatenate` 把分支合并。
- 参数个数：卷积层有 `(kh·kw·c_in + 1)·filters` 个；`BatchNormalization` 每个通道 4 个，其中 2 个不参与训练；
  `summary()` 和 `count_params()` 与公式一致。
- `get_config`/`Model.from_config` 与 `to_json`/`model_from_json` 重建的是架构，不含权重。
- 多个输出：每个输出一个损失函数，加上 `loss_weights`；总损失是加权和。
- `BatchNormalization` 的移动平均只走完 `1 − momentum^steps` 的路：步数太少时，训练看起来完美，推理却失败。
  办法是训练更久、降低 momentum，或者重新估计统计量。

## 练习

在每个答案单元格里，把 `raise NotImplementedError()` 换成你的代码并运行，再运行它下面的检查单元格。

### 练习 1 · 卷积层的参数个数

写一个函数 `conv_params(kernel_size, in_channels, filters)`：返回 `Conv2D(filters, (kernel_size, kernel_size))`
作用在 `in_channels` 个通道的输入上时的参数个数（含偏置）。
""",
    ),
    solution(
        """
def conv_params(kernel_size, in_channels, filters):
    \"\"\"«Parameters of a square Conv2D with bias.|带偏置的方形 Conv2D 的参数个数。»\"\"\"
    ### BEGIN SOLUTION
    return (kernel_size * kernel_size * in_channels + 1) * filters
    ### END SOLUTION
""",
        "l09-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson09

lesson09.check_conv_params(conv_params, lang="«en|zh»")
""",
        "l09-ex1-check",
    ),
    md(
        """
### Exercise 2 · How many steps does BatchNormalization need?

Write `bn_steps(coverage, momentum=0.99)`: the smallest number of training steps `n` after which the moving
averages have covered at least `coverage` of the way (`1 − momentumⁿ ≥ coverage`). The check runs a real
`BatchNormalization` layer for your number of steps, and one step fewer.
""",
        """
### 练习 2 · 批量归一化需要多少步？

写一个函数 `bn_steps(coverage, momentum=0.99)`：返回最小的训练步数 `n`，使移动平均至少走完 `coverage` 的路
（`1 − momentumⁿ ≥ coverage`）。检查会让一个真正的 `BatchNormalization` 层跑你给出的步数，以及少一步的情形。
""",
    ),
    solution(
        """
def bn_steps(coverage, momentum=0.99):
    \"\"\"«Smallest n with 1 - momentum**n >= coverage.|满足 1 - momentum**n >= coverage 的最小 n。»\"\"\"
    ### BEGIN SOLUTION
    n = 0
    while 1 - momentum**n < coverage:
        n += 1
    return n
    ### END SOLUTION
""",
        "l09-ex2",
    ),
    check(
        """
lesson09.check_bn_steps(bn_steps, lang="«en|zh»")
""",
        "l09-ex2-check",
    ),
    md(
        """
### Exercise 3 · A residual block

Write `residual_block(x)`: given a symbolic tensor `x` of shape `(None, H, W, C)`, return
`x + F(x)` where `F` is `Conv2D(C, (3, 3), padding="same", activation="relu")` followed by
`Conv2D(C, (3, 3), padding="same")` (no activation after the `Add`). `x.shape[-1]` is `C`.
""",
        """
### 练习 3 · 残差块

写一个函数 `residual_block(x)`：给定形状为 `(None, H, W, C)` 的符号张量 `x`，返回 `x + F(x)`，其中 `F` 是
`Conv2D(C, (3, 3), padding="same", activation="relu")` 再接 `Conv2D(C, (3, 3), padding="same")`
（`Add` 之后不再加激活）。`x.shape[-1]` 就是 `C`。
""",
    ),
    solution(
        """
def residual_block(x):
    \"\"\"«x + F(x) with two 3x3 convolutions that keep the shape.|x + F(x)，两个保持形状的 3x3 卷积。»\"\"\"
    ### BEGIN SOLUTION
    channels = x.shape[-1]
    f = Conv2D(channels, (3, 3), padding="same", activation="relu")(x)
    f = Conv2D(channels, (3, 3), padding="same")(f)
    return Add()([x, f])
    ### END SOLUTION
""",
        "l09-ex3",
    ),
    check(
        """
lesson09.check_residual_block(residual_block, lang="«en|zh»")
""",
        "l09-ex3-check",
    ),
]
