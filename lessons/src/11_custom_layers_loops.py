"""Lesson 11: inside kerasedu, part two: your own op, layer and training loop."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        """
# 11 · Inside kerasedu, part two: your own op, layer and training loop

**Goal.** Lesson 06 showed how `backward()` walks the graph. Here you extend the library with your own
pieces and take `fit` apart:

1. a new **op** (a `Function` with `forward` and `backward`), checked with `gradcheck`;
2. the gradient of softmax + cross-entropy, `p − t`, derived and checked numerically;
3. a custom **`Layer`** (`__init__`, `build`, `call`, `get_config`) trained with `fit`, saved and loaded;
4. a **training loop written by hand** that ends with exactly the weights `fit` gives.

For each step we name the file and function of kerasedu that does it, so you can read the real code.
""",
        """
# 11 · kerasedu 的内部（下）：自己的运算、层与训练循环

**本课目标**：第 06 课讲了 `backward()` 怎样沿计算图反向传播。这一课我们亲手给库添加新部件，并把 `fit` 拆开来看：

1. 一个新的**运算**（带 `forward` 和 `backward` 的 `Function`），用 `gradcheck` 检验；
2. softmax + 交叉熵的梯度 `p − t`：先推导，再用数值验证；
3. 一个自定义**层**（`__init__`、`build`、`call`、`get_config`），用 `fit` 训练，再保存、加载；
4. 一个**手写的训练循环**，最后得到的权重与 `fit` 完全相同。

每一步我们都指出 kerasedu 里负责它的文件和函数，你可以去读真正的源码。
""",
    ),
    code("""
import os
import tempfile

import numpy as np
import matplotlib.pyplot as plt
import kerasedu
from kerasedu import losses, optimizers
from kerasedu.autograd import Function, GradcheckError, Tensor, gradcheck, softmax
from kerasedu.datasets import mnist
from kerasedu.layers import Dense, Input, Layer
from kerasedu.models import Sequential, load_model

kerasedu.utils.fonts.use_chinese_font()  # «lets plots show Chinese text|让图中的中文正常显示»
np.set_printoptions(precision=4, suppress=True)
"""),
    md(
        """
## 1. A new op: `SoftClip`

`SoftClip` squashes its input smoothly into `(−c, c)`: `y = c · tanh(x / c)`. Near 0 it is the identity;
far from 0 it saturates at `±c` (a gentle alternative to clipping). Its derivative:

$$\\frac{dy}{dx} = c \\cdot \\bigl(1 - \\tanh^2(x/c)\\bigr) \\cdot \\frac{1}{c} = 1 - \\tanh^2(x/c) = 1 - (y/c)^2 .$$

An op in kerasedu is a subclass of `Function` (`kerasedu/autograd/function.py`) with two methods on **raw
arrays**:

- `forward(self, x, limit=1.0)` computes the output and keeps what `backward` will need with
  `self.save_for_backward(...)` (here `tanh(x / c)`, so `backward` does not recompute it);
- `backward(self, grad)` gets the gradient of the output and returns **one gradient per input**, as a tuple,
  each of that input's shape. (An op whose inputs broadcast must sum each gradient back to its input's
  shape with `unbroadcast`: lesson 06's last exercise.)

You never call `forward` yourself: `SoftClip.apply(x, limit=2.0)` (`Function.apply`) unwraps the Tensors, runs
`forward`, and records the op as the result's *creator*, so that `Tensor.backward` finds it later
(`backpropagate`, in the same `kerasedu/autograd/function.py`, visits creators in reverse topological order).
""",
        """
## 1. 一个新的运算：`SoftClip`

`SoftClip` 把输入平滑地压进 `(−c, c)` 区间：`y = c · tanh(x / c)`。在 0 附近它几乎就是恒等映射；离 0 越远，
它越接近 `±c` 而饱和（可以看作“截断”的平滑版本）。它的导数是：

$$\\frac{dy}{dx} = c \\cdot \\bigl(1 - \\tanh^2(x/c)\\bigr) \\cdot \\frac{1}{c} = 1 - \\tanh^2(x/c) = 1 - (y/c)^2 .$$

在 kerasedu 中，一个运算就是 `Function`（`kerasedu/autograd/function.py`）的子类，它的两个方法都只处理
**原始数组**：

- `forward(self, x, limit=1.0)` 计算输出，并用 `self.save_for_backward(...)` 留下 `backward` 要用的东西
  （这里存 `tanh(x / c)`，`backward` 就不必重算）；
- `backward(self, grad)` 拿到输出的梯度，**每个输入返回一个梯度**（组成元组），形状与该输入相同。
  （如果输入之间发生了广播，就要用 `unbroadcast` 把梯度求和回输入的形状：这是第 06 课最后一道练习。）

`forward` 不需要自己调用：`SoftClip.apply(x, limit=2.0)`（即 `Function.apply`）会取出张量里的数组、运行 `forward`，
并把这个运算记为结果的 *creator*，之后 `Tensor.backward` 就能找到它
（同在 `kerasedu/autograd/function.py` 中的 `backpropagate` 按逆拓扑顺序依次访问各个 creator）。
""",
    ),
    code("""
class SoftClip(Function):
    \"\"\"«y = limit * tanh(x / limit): smooth clipping into (-limit, limit).|y = limit * tanh(x / limit)：把 x 平滑地截断到 (-limit, limit)。»\"\"\"

    def forward(self, x, limit=1.0):
        t = np.tanh(x / limit)
        self.save_for_backward(t)
        return limit * t

    def backward(self, grad):
        (t,) = self.saved
        return (grad * (1 - t**2),)  # «one gradient per input|每个输入一个梯度»


x = Tensor(np.linspace(-6, 6, 121), requires_grad=True)
y = SoftClip.apply(x, limit=2.0)
y.sum().backward()  # «d(sum y)/dx = dy/dx, element by element|逐元素得到 dy/dx»
print(type(y._creator).__name__, y.data[[0, 60, 120]], x.grad[[0, 60, 120]])
assert abs(y.data).max() < 2.0 and x.grad[60] == 1.0

plt.plot(x.data, y.data, label="SoftClip(x), c = 2")
plt.plot(x.data, x.grad, label="«dy/dx from backward()|backward() 给出的 dy/dx»")
plt.axhline(2.0, color="gray", linestyle=":")
plt.axhline(-2.0, color="gray", linestyle=":")
plt.xlabel("x")
plt.legend()
plt.title("«SoftClip and its gradient|SoftClip 及其梯度»")
plt.show()
"""),
    md(
        """
### `gradcheck` referees the backward pass

`gradcheck(fn, inputs)` (`kerasedu/autograd/gradcheck.py`) compares what `backward()` gives with central
differences, element by element, in float64. Our op passes. Then we plant a classic slip, `1 − t` instead
of `1 − t²`, and `gradcheck` catches it, naming the element and both values.
""",
        """
### 让 `gradcheck` 来检验反向传播

`gradcheck(fn, inputs)`（`kerasedu/autograd/gradcheck.py`）在 float64 下逐元素比较 `backward()` 的结果与中心差分。
我们的运算通过了检验。然后我们故意犯一个常见错误：把 `1 − t²` 写成 `1 − t`，`gradcheck` 立刻发现了，
还指出是哪个元素、两边的值各是多少。
""",
    ),
    code("""
x0 = 3 * np.random.default_rng(0).normal(size=(3, 4))
assert gradcheck(lambda x: SoftClip.apply(x, limit=2.0), [x0])


class WrongSoftClip(SoftClip):
    def backward(self, grad):
        (t,) = self.saved
        return (grad * (1 - t),)  # «a slip: the square is missing|写错了：少了平方»


try:
    gradcheck(lambda x: WrongSoftClip.apply(x, limit=2.0), [x0])
    caught = False
except GradcheckError as error:
    caught = True
    print(error)
assert caught
"""),
    md(
        """
## 2. The gradient of softmax + cross-entropy is `p − t`

A classifier's last layer gives *logits* `z` (one per class), softmax turns them into probabilities
`p_i = e^{z_i} / Σ_k e^{z_k}`, and the cross-entropy with a one-hot target `t` is `L = −Σ_i t_i log p_i`.

The derivative of softmax: `∂p_i/∂z_j = p_i (δ_ij − p_j)` (with `δ_ij = 1` when `i = j`, else 0). Then

$$\\frac{\\partial L}{\\partial z_j} = -\\sum_i \\frac{t_i}{p_i}\\, p_i (\\delta_{ij} - p_j)
= -t_j + p_j \\sum_i t_i = p_j - t_j ,$$

because the target sums to 1. The gradient is just *prediction minus target*: no exponentials, no division
by a tiny probability. Over a batch of `N` samples the loss is the **mean** (Keras's default reduction,
`"sum_over_batch_size"`), so each sample's gradient is divided by `N`: `(p − t) / N`.

We let kerasedu's autograd compute the gradient of `CategoricalCrossentropy()(t, softmax(z))` with respect to
the logits and compare it with the formula.
""",
        """
## 2. softmax + 交叉熵的梯度就是 `p − t`

分类器的最后一层给出 *logits* `z`（每个类别一个），softmax 把它们变成概率 `p_i = e^{z_i} / Σ_k e^{z_k}`，
与独热（one-hot）目标 `t` 的交叉熵为 `L = −Σ_i t_i log p_i`。

softmax 的导数是 `∂p_i/∂z_j = p_i (δ_ij − p_j)`（`i = j` 时 `δ_ij = 1`，否则为 0）。于是

$$\\frac{\\partial L}{\\partial z_j} = -\\sum_i \\frac{t_i}{p_i}\\, p_i (\\delta_{ij} - p_j)
= -t_j + p_j \\sum_i t_i = p_j - t_j ,$$

这里用到了目标之和为 1。梯度就是“预测减去目标”：没有指数，也不用除以可能很小的概率。对一个含 `N` 个样本的批次，
损失取的是**平均值**（Keras 默认的归约方式 `"sum_over_batch_size"`），所以每个样本的梯度还要除以 `N`：`(p − t) / N`。

下面让 kerasedu 的自动求导算出 `CategoricalCrossentropy()(t, softmax(z))` 对 logits 的梯度，再与公式比较。
""",
    ),
    code("""
rng = np.random.default_rng(1)
N, C = 6, 4
logits = rng.normal(size=(N, C))
targets = np.eye(C)[rng.integers(0, C, size=N)]  # «one-hot|独热编码»

z = Tensor(logits, requires_grad=True)
loss = losses.CategoricalCrossentropy()(targets, softmax(z))
loss.backward()

p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
print("autograd:\\n", z.grad[:2])
print("(p - t) / N:\\n", ((p - targets) / N)[:2])
np.testing.assert_allclose(z.grad, (p - targets) / N, atol=1e-7)

z2 = Tensor(logits, requires_grad=True)  # «the same with from_logits=True|from_logits=True 也一样»
losses.CategoricalCrossentropy(from_logits=True)(targets, z2).backward()
np.testing.assert_allclose(z2.grad, (p - targets) / N, atol=1e-7)
"""),
    md(
        """
## 3. A custom layer

A `Layer` (`kerasedu/layers/layer.py`) splits its work in four methods, as in Keras 3:

- `__init__(self, ..., **kwargs)` stores the **hyper-parameters** (numbers you choose) and passes the rest
  (`name`, `dtype`...) to `super().__init__`;
- `build(self, input_shape)` creates the **weights** with `self.add_weight(shape=..., initializer=..., name=...)`.
  It runs once, on the first call (`Layer.__call__` → `Layer.maybe_build`), when the input's size is known;
- `call(self, inputs)` is the computation, with Tensor ops (ours uses the `SoftClip` op);
- `get_config(self)` returns the constructor's arguments as a dict, so that saving can write them and loading
  can call `cls(**config)` (`Layer.from_config`).

`SoftClipLayer` multiplies each feature by a learned scale, then soft-clips the result to `(−limit, limit)`.
""",
        """
## 3. 自定义层

和 Keras 3 一样，`Layer`（`kerasedu/layers/layer.py`）把工作分给四个方法：

- `__init__(self, ..., **kwargs)` 保存**超参数**（由你选定的数），其余参数（`name`、`dtype` 等）交给 `super().__init__`；
- `build(self, input_shape)` 用 `self.add_weight(shape=..., initializer=..., name=...)` 创建**权重**。它只运行一次，
  在第一次调用时（`Layer.__call__` → `Layer.maybe_build`），这时输入的尺寸已经知道了；
- `call(self, inputs)` 是计算本身，用张量运算写（这里用到了我们的 `SoftClip` 运算）；
- `get_config(self)` 以字典形式返回构造函数的参数，保存模型时把它写进文件，加载时再调用 `cls(**config)`
  （即 `Layer.from_config`）。

`SoftClipLayer` 先把每个特征乘上一个可学习的缩放系数，再把结果软截断到 `(−limit, limit)`。
""",
    ),
    code("""
class SoftClipLayer(Layer):
    \"\"\"«Learned per-feature scale, then SoftClip.|逐特征乘以可学习的缩放系数，再做 SoftClip。»\"\"\"

    def __init__(self, limit=1.0, **kwargs):
        super().__init__(**kwargs)
        self.limit = limit  # «a hyper-parameter|超参数»

    def build(self, input_shape):
        self.scale = self.add_weight(
            shape=(input_shape[-1],), initializer="ones", name="scale"
        )
        super().build(input_shape)

    def call(self, inputs):
        return SoftClip.apply(inputs * self.scale, limit=self.limit)

    def get_config(self):
        return {**super().get_config(), "limit": self.limit}


layer = SoftClipLayer(limit=2.0)
out = layer(np.array([[0.5, -8.0, 3.0]], dtype="float32"))
print(out.data, layer.built, [w.shape for w in layer.weights])
print(layer.get_config())
copy = SoftClipLayer.from_config(layer.get_config())
assert layer.scale.shape == (3,) and copy.limit == 2.0
"""),
    md(
        """
We put it between two `Dense` layers and train on 2,000 MNIST digits (flattened to 784 numbers) with `fit`.
`shuffle=False` keeps the batches in the data's order, so that the hand-written loop of section 4 can
replay exactly the same steps; `make_model()` seeds NumPy first, so every call builds the same initial
weights.
""",
        """
我们把它放在两个 `Dense` 层之间，用 `fit` 在 2000 张 MNIST 数字图片（展平为 784 个数）上训练。
`shuffle=False` 让各批次保持数据原有的顺序，这样第 4 节手写的循环才能一步不差地重放同样的训练步骤；
`make_model()` 先固定 NumPy 的随机种子，所以每次调用得到的初始权重都相同。
""",
    ),
    code(
        """
(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_small = x_train[:2000].reshape(-1, 784).astype("float32") / 255
y_small = y_train[:2000]
x_eval = x_test[:500].reshape(-1, 784).astype("float32") / 255
y_eval = y_test[:500]


def make_model():
    np.random.seed(0)  # «same initial weights at every call|每次调用初始权重都相同»
    model = Sequential([
        Input(shape=(784,)),
        Dense(32),
        SoftClipLayer(limit=2.0),
        Dense(10, activation="softmax"),
    ])
    model.compile(
        optimizer=optimizers.Adam(learning_rate=1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


model = make_model()
history = model.fit(x_small, y_small, batch_size=50, epochs=3, shuffle=False, verbose=0)
test_loss, test_accuracy = model.evaluate(x_eval, y_eval, verbose=0)
print("«loss per epoch:|每轮的损失：»", np.round(history.history["loss"], 4))
print(f"«test accuracy|测试集准确率»: {test_accuracy:.4f}")
assert history.history["loss"][-1] < history.history["loss"][0] and test_accuracy > 0.75
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
### Saving and loading a model with your own layer

`model.save("m.h5")` writes each layer's class name and `get_config()` (`kerasedu/saving/hdf5.py`,
`save_model`). Loading must turn the name `"SoftClipLayer"` back into a class: kerasedu's built-in layers
are known, yours is not. Without help, `load_model` refuses and says what to do; with
`custom_objects={"SoftClipLayer": SoftClipLayer}` it rebuilds the model, weights included, and the
predictions are identical.
""",
        """
### 保存、加载含自定义层的模型

`model.save("m.h5")` 会写下每一层的类名和 `get_config()` 的结果（`kerasedu/saving/hdf5.py` 中的 `save_model`）。
加载时必须把名字 `"SoftClipLayer"` 变回一个类：kerasedu 自带的层它都认识，你自己写的层它不认识。
不给提示，`load_model` 会拒绝加载并告诉你该怎么办；传入 `custom_objects={"SoftClipLayer": SoftClipLayer}`，
它就能重建整个模型（包括权重），预测结果完全相同。
""",
    ),
    code("""
folder = tempfile.mkdtemp()
path = os.path.join(folder, "softclip_model.h5")
model.save(path)

try:
    load_model(path)
    refused = False
except ValueError as error:
    refused = True
    message = str(error)
    print(message[message.index("Unknown"):message.index("Valid")])
    print(message[message.index("If it is"):])
assert refused

restored = load_model(path, custom_objects={"SoftClipLayer": SoftClipLayer})
print(type(restored.layers[1]).__name__, restored.layers[1].limit)
assert restored.layers[1].limit == 2.0
np.testing.assert_array_equal(
    restored.predict(x_eval, verbose=0), model.predict(x_eval, verbose=0)
)
"""),
    md(
        """
## 4. The training loop, by hand

What does `fit` do with each batch? Read `kerasedu/models/trainer.py`: `Trainer.fit` cuts the data into
batches (`kerasedu/utils/data.py`, `make_batches`) and calls `Trainer.train_step` on each. One step is:

1. forward: `y_pred = model(x, training=True)` (`training=True` matters for `Dropout` and
   `BatchNormalization`);
2. the loss: `Trainer.compute_loss`, the compiled loss (a mean over the batch) plus the layers'
   regularization penalties;
3. **clear the old gradients** (`variable.grad = None`): kerasedu's gradients *accumulate*, as in PyTorch;
4. `loss.backward()` fills `variable.grad` for every trainable weight;
5. `optimizer.apply_gradients(zip(grads, variables))` (`kerasedu/optimizers/optimizer.py`,
   `Optimizer.apply_gradients`) updates the weights and adds 1 to `optimizer.iterations`, which Adam's bias
   correction uses.

Written out for the same model, data, batch size and seed, the loop must reach **the same weights** as `fit`.
""",
        """
## 4. 手写训练循环

`fit` 对每个批次做了什么？读一读 `kerasedu/models/trainer.py`：`Trainer.fit` 把数据切成批次
（`kerasedu/utils/data.py` 中的 `make_batches`），然后对每个批次调用 `Trainer.train_step`。一步训练包括：

1. 前向计算：`y_pred = model(x, training=True)`（`training=True` 对 `Dropout` 和 `BatchNormalization` 很重要）；
2. 损失：`Trainer.compute_loss`，即编译时指定的损失（对批次取平均）加上各层的正则化惩罚项；
3. **清掉上一步的梯度**（`variable.grad = None`）：和 PyTorch 一样，kerasedu 的梯度是*累加*的；
4. `loss.backward()` 为每个可训练权重填好 `variable.grad`；
5. `optimizer.apply_gradients(zip(grads, variables))`（`kerasedu/optimizers/optimizer.py` 中的
   `Optimizer.apply_gradients`）更新权重，并把 `optimizer.iterations` 加 1（Adam 的偏差修正要用到它）。

对同样的模型、数据、批量大小和随机种子，手写的循环必须得到与 `fit` **完全相同的权重**。
""",
    ),
    code(
        """
def train_by_hand(model, x, y, batch_size, epochs, clear_gradients=True):
    loss_fn = losses.SparseCategoricalCrossentropy()  # «mean over the batch|对批次取平均»
    optimizer = model.optimizer
    variables = model.trainable_weights
    epoch_losses = []
    for epoch in range(epochs):
        batch_losses = []
        for start in range(0, len(x), batch_size):  # «batches in order|按顺序取批次»
            x_batch = x[start:start + batch_size]
            y_batch = y[start:start + batch_size]
            if clear_gradients:
                for variable in variables:
                    variable.grad = None
            loss = loss_fn(y_batch, model(x_batch, training=True))
            loss.backward()
            grads = [variable.grad for variable in variables]
            optimizer.apply_gradients(zip(grads, variables))
            batch_losses.append(loss.item())
        epoch_losses.append(np.mean(batch_losses))
    return epoch_losses


hand_model = make_model()
hand_losses = train_by_hand(hand_model, x_small, y_small, batch_size=50, epochs=3)
print("«by hand:|手写循环：»", np.round(hand_losses, 4))
print("fit:     ", np.round(history.history["loss"], 4))
print("«optimizer steps:|优化器步数：»", hand_model.optimizer.iterations, model.optimizer.iterations)
for w_fit, w_hand in zip(model.get_weights(), hand_model.get_weights()):
    np.testing.assert_allclose(w_hand, w_fit, rtol=1e-6, atol=1e-7)
np.testing.assert_allclose(hand_losses, history.history["loss"], rtol=1e-5)
assert hand_model.optimizer.iterations == model.optimizer.iterations == 3 * 2000 // 50
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
The weights agree, so `fit` is nothing more than this loop (plus callbacks, metrics and validation). The
epoch loss `fit` logs is the mean of its batches' losses, weighted by batch size; our batches all hold 50
samples, so the plain mean matches.

**What if you forget to clear the gradients?** Then each `loss.backward()` *adds* to the previous batches'
gradients: the step at batch `k` uses the sum of `k` gradients. Adam partly hides this (it divides by the
gradients' size), but the training is no longer the same, and the model ends up with different weights.
""",
        """
权重一致，说明 `fit` 不过就是这个循环（再加上回调、评估指标和验证）。`fit` 记录的每轮损失，是各批次损失按批量大小加权的平均；
我们的每个批次都是 50 个样本，所以直接取平均就对得上。

**如果忘了清零梯度会怎样？** 那么每次 `loss.backward()` 都会把梯度*累加*到前面各批次的梯度上：第 `k` 个批次的更新用的是 `k` 个梯度之和。
Adam 会在一定程度上掩盖这个错误（它要除以梯度的大小），但训练过程已经不一样了，最终的权重也不同。
""",
    ),
    code(
        """
sloppy = make_model()
sloppy_losses = train_by_hand(
    sloppy, x_small, y_small, batch_size=50, epochs=3, clear_gradients=False
)
_, sloppy_accuracy = sloppy.evaluate(x_eval, y_eval, verbose=0)
pairs = zip(sloppy.get_weights(), model.get_weights())
gap = max(np.abs(a - b).max() for a, b in pairs)
print("«largest weight difference from fit:|与 fit 的最大权重差：»", f"{gap:.4f}")
print(f"«test accuracy without clearing|不清零时的测试集准确率»: {sloppy_accuracy:.4f}")
print(f"«test accuracy with fit|用 fit 时的测试集准确率»: {test_accuracy:.4f}")
assert gap > 1e-2 and sloppy_accuracy < test_accuracy

plt.plot(history.history["loss"], "o-", label="fit")
plt.plot(hand_losses, "x--", label="«by hand|手写循环»")
plt.plot(sloppy_losses, "s:", label="«by hand, gradients not cleared|手写循环，未清零梯度»")
plt.xlabel("«epoch|轮次»")
plt.ylabel("«training loss|训练损失»")
plt.legend()
plt.title("«fit and the hand-written loop|fit 与手写循环»")
plt.show()
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## Summary

- A new op is a `Function` subclass: `forward` on raw arrays (saving what `backward` needs with
  `save_for_backward`), `backward` returning one gradient per input; use it with `MyOp.apply(...)`,
  and referee its `backward` with `gradcheck`.
- The gradient of cross-entropy after softmax, with respect to the logits, is `p − t` per sample,
  divided by `N` for the batch mean.
- A custom `Layer`: hyper-parameters in `__init__`, weights in `build` (`add_weight`), the computation in
  `call`, the constructor's arguments in `get_config`; load a saved model with
  `load_model(path, custom_objects={...})`.
- `fit` is a loop over batches of `train_step`: forward with `training=True`, the loss, clear the
  gradients, `backward()`, `optimizer.apply_gradients`. Write it out and you get the same weights.

## Exercises

Four exercises, from easy to hard. In each answer cell, replace `raise NotImplementedError()` with your
code, run the cell, then run the check cell below it.

### Exercise 1 · The backward of `Swish`

`swish(x) = x · sigmoid(x)` (also called SiLU). Finish the op `Swish`: its `forward` is written; write its
`backward`, which returns a tuple with the gradient of `x`. You need the product rule and
`sigmoid'(x) = sigmoid(x) · (1 − sigmoid(x))`.
""",
        """
## 小结

- 新运算就是 `Function` 的子类：`forward` 处理原始数组（用 `save_for_backward` 留下 `backward` 要用的东西），
  `backward` 为每个输入返回一个梯度；用 `MyOp.apply(...)` 调用它，并用 `gradcheck` 检验它的 `backward`。
- softmax 之后的交叉熵对 logits 的梯度，每个样本都是 `p − t`；对批次取平均时再除以 `N`。
- 自定义 `Layer`：超参数放在 `__init__` 里，权重在 `build` 中用 `add_weight` 创建，计算写在 `call` 里，
  构造函数的参数由 `get_config` 返回；加载保存好的模型时用 `load_model(path, custom_objects={...})`。
- `fit` 就是对各个批次循环调用 `train_step`：以 `training=True` 做前向计算、算损失、清零梯度、`backward()`、
  `optimizer.apply_gradients`。照着写出来，就能得到相同的权重。

## 练习

下面有四道练习，由易到难。在每个答案单元格里，把 `raise NotImplementedError()` 换成你的代码并运行，
再运行它下面的检查单元格。

### 练习 1 · `Swish` 的反向传播

`swish(x) = x · sigmoid(x)`（也叫 SiLU）。请完成运算 `Swish`：`forward` 已经写好了，你来写 `backward`，
它返回一个元组，里面是 `x` 的梯度。你会用到乘积的求导法则和 `sigmoid'(x) = sigmoid(x) · (1 − sigmoid(x))`。
""",
    ),
    solution(
        """
class Swish(Function):
    \"\"\"«swish(x) = x * sigmoid(x), elementwise.|逐元素计算 swish(x) = x * sigmoid(x)。»\"\"\"

    def forward(self, x):
        s = 1 / (1 + np.exp(-x))
        self.save_for_backward(x, s)
        return x * s

    def backward(self, grad):
        x, s = self.saved
        ### BEGIN SOLUTION
        return (grad * (s + x * s * (1 - s)),)  # «product rule|乘积法则»: x' s + x s'
        ### END SOLUTION
""",
        "l11-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson11

lesson11.check_swish(Swish, lang="«en|zh»")
""",
        "l11-ex1-check",
    ),
    md(
        """
### Exercise 2 · The `p − t` gradient

Write `crossentropy_logits_grad(logits, labels)`: `logits` has shape `(N, C)`, `labels` holds `N` integer
class indices. Return the gradient of the **mean** sparse categorical cross-entropy of `softmax(logits)`
with respect to `logits`, with NumPy only (shape `(N, C)`). Subtracting each row's maximum before `exp`
keeps the exponentials from overflowing and does not change the softmax.
""",
        """
### 练习 2 · 梯度 `p − t`

写一个函数 `crossentropy_logits_grad(logits, labels)`：`logits` 的形状为 `(N, C)`，`labels` 是 `N` 个整数类别编号。
只用 NumPy，返回 `softmax(logits)` 的稀疏分类交叉熵**平均值**对 `logits` 的梯度（形状 `(N, C)`）。
计算 `exp` 之前先减去每一行的最大值，可以防止指数溢出，而且不会改变 softmax 的结果。
""",
    ),
    solution(
        """
def crossentropy_logits_grad(logits, labels):
    \"\"\"«d mean CE(softmax(logits)) / d logits|平均交叉熵对 logits 的梯度»: logits (N, C), labels (N,).\"\"\"
    ### BEGIN SOLUTION
    shifted = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    t = np.eye(logits.shape[1])[labels]
    return (p - t) / len(logits)
    ### END SOLUTION
""",
        "l11-ex2",
    ),
    check(
        """
lesson11.check_crossentropy_logits_grad(crossentropy_logits_grad, lang="«en|zh»")
""",
        "l11-ex2-check",
    ),
    md(
        """
### Exercise 3 · A layer of your own

Write `Scale`, a layer that multiplies each input feature by its own learned weight: for inputs of shape
`(N, D)` it has one weight `scale` of shape `(D,)`, which starts at the hyper-parameter `initial` (default
`1.0`; the initializer `kerasedu.initializers.Constant(initial)` does that). `get_config` must return
`initial` too, so that a saved model can be loaded. The check builds it, trains a model containing it, saves
and reloads that model.
""",
        """
### 练习 3 · 你自己的层

写一个层 `Scale`：把输入的每个特征乘上它自己的可学习权重。对形状为 `(N, D)` 的输入，它有一个形状为 `(D,)` 的权重 `scale`，
初始值是超参数 `initial`（默认 `1.0`；初始化器 `kerasedu.initializers.Constant(initial)` 正好能做到）。
`get_config` 也必须返回 `initial`，这样保存的模型才能加载回来。检查程序会创建这个层，训练一个包含它的模型，再保存、重新加载。
""",
    ),
    solution(
        """
from kerasedu.initializers import Constant


class Scale(Layer):
    \"\"\"«Multiplies each feature by a learned weight.|把每个特征乘上一个可学习的权重。»\"\"\"

    def __init__(self, initial=1.0, **kwargs):
        ### BEGIN SOLUTION
        super().__init__(**kwargs)
        self.initial = initial
        ### END SOLUTION

    def build(self, input_shape):
        ### BEGIN SOLUTION
        self.scale = self.add_weight(
            shape=(input_shape[-1],), initializer=Constant(self.initial), name="scale"
        )
        super().build(input_shape)
        ### END SOLUTION

    def call(self, inputs):
        ### BEGIN SOLUTION
        return inputs * self.scale
        ### END SOLUTION

    def get_config(self):
        ### BEGIN SOLUTION
        return {**super().get_config(), "initial": self.initial}
        ### END SOLUTION
""",
        "l11-ex3",
    ),
    check(
        """
lesson11.check_scale_layer(Scale, lang="«en|zh»")
""",
        "l11-ex3-check",
    ),
    md(
        """
### Exercise 4 · One training step

Write `train_step(model, loss_fn, optimizer, x, y)`: one step of the hand-written loop on the batch
`(x, y)`. It updates the model's trainable weights in place and returns the batch's loss as a Python
`float`. The check calls it several times in a row and compares the weights with those that `fit` reaches.
""",
        """
### 练习 4 · 一步训练

写一个函数 `train_step(model, loss_fn, optimizer, x, y)`：在批次 `(x, y)` 上执行手写循环中的一步。
它就地更新模型的可训练权重，并以 Python `float` 的形式返回这个批次的损失。检查程序会连续调用它好几次，
再把得到的权重与 `fit` 得到的权重比较。
""",
    ),
    solution(
        """
def train_step(model, loss_fn, optimizer, x, y):
    \"\"\"«One training step on the batch (x, y); returns the loss.|在批次 (x, y) 上训练一步，返回损失。»\"\"\"
    ### BEGIN SOLUTION
    variables = model.trainable_weights
    for variable in variables:
        variable.grad = None  # «gradients accumulate: clear them|梯度会累加：先清零»
    loss = loss_fn(y, model(x, training=True))
    loss.backward()
    optimizer.apply_gradients(zip([v.grad for v in variables], variables))
    return loss.item()
    ### END SOLUTION
""",
        "l11-ex4",
    ),
    check(
        """
lesson11.check_train_step(train_step, lang="«en|zh»")
""",
        "l11-ex4-check",
    ),
]
