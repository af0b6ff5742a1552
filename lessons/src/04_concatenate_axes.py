"""Lesson 04: concatenate and axes."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        """
# 04 · `concatenate` and axes

**Goal.** After this lesson you can predict the shape of any concatenation before running it, you know why
`axis=-2` and `axis=1` give the same result for 3-D tensors (and `axis=-1` and `axis=2` too), and you can use the
`Concatenate` layer to join two branches of a functional model.

An *axis* is one of the directions along which a tensor's numbers are laid out. A tensor of shape `(2, 2, 2)`
has three axes, numbered `0, 1, 2` from the front, or `-3, -2, -1` from the back. Concatenating along an axis
glues the tensors together in that direction: that axis grows, every other axis must match and stays the same.
""",
        """
# 04 · `concatenate` 与轴（axis）

**本课目标**：学完之后，你能在运行之前就说出任意一次拼接（concatenate）的结果形状；明白为什么对三维张量来说
`axis=-2` 和 `axis=1` 的结果相同（`axis=-1` 和 `axis=2` 也一样）；并会用 `Concatenate` 层把函数式模型的两个分支接起来。

**轴**（axis）就是张量中数字排列的一个方向。形状为 `(2, 2, 2)` 的张量有三个轴：从前往后编号为 `0, 1, 2`，
从后往前编号为 `-3, -2, -1`。沿某个轴拼接，就是把张量在这个方向上粘在一起：这个轴变长，其余各轴必须相同且保持不变。
""",
    ),
    code("""
import numpy as np
import kerasedu
import kerasedu.backend as K
from kerasedu.layers import Input, Concatenate, Dense
from kerasedu.models import Model

kerasedu.utils.fonts.use_chinese_font()  # «lets plots show Chinese text|让图中的中文正常显示»
np.set_printoptions(precision=3, suppress=True)
"""),
    md(
        """
## Two small tensors

We build two tensors of shape `(2, 2, 2)` with easy-to-follow values: `a` holds 1 to 8 and `b` holds 11 to 18,
so in every result you can see which number came from where.
""",
        """
## 两个小张量

我们造两个形状为 `(2, 2, 2)` 的张量，数值一目了然：`a` 是 1 到 8，`b` 是 11 到 18。这样在任何结果里，
都能一眼看出每个数字来自哪个张量。
""",
    ),
    code("""
a = K.constant(np.arange(1, 9).reshape(2, 2, 2))
b = K.constant(np.arange(11, 19).reshape(2, 2, 2))
print("a =\\n", K.eval(a))
print("b =\\n", K.eval(b))
"""),
    md(
        """
## Concatenating along axis -2 and axis 1

For a 3-D tensor, axis `-2` counts two from the end: `3 - 2 = 1`. So `axis=-2` **is** axis 1, and the two
calls below must give identical results. The middle axis doubles: `(2, 2, 2)` becomes `(2, 4, 2)`.
""",
        """
## 沿 axis=-2 与 axis=1 拼接

对三维张量，`-2` 表示倒数第二个轴，也就是 `3 - 2 = 1` 号轴。所以 `axis=-2` **就是** 1 号轴，下面两次调用的结果必然相同：
中间的轴长度翻倍，`(2, 2, 2)` 变成 `(2, 4, 2)`。
""",
    ),
    code("""
c_minus2 = K.concatenate([a, b], axis=-2)
c_1 = K.concatenate([a, b], axis=1)
print(K.int_shape(c_minus2), K.int_shape(c_1))
print(K.eval(c_minus2))
assert K.int_shape(c_minus2) == (2, 4, 2)
assert np.array_equal(K.eval(c_minus2), K.eval(c_1))
"""),
    md(
        """
Read the printout sample by sample: in each of the 2 outer blocks, the two rows of `a` come first, then the two
rows of `b`. The rows were stacked on top of each other.

## Concatenating along axis -1 and axis 2

Axis `-1` is always the last axis, which for a 3-D tensor is axis 2. Now the innermost lists are joined: each row
`[1, 2]` of `a` is continued by the matching row `[11, 12]` of `b`, and the shape becomes `(2, 2, 4)`.
""",
        """
按样本来读上面的输出：在外层的 2 个块中，先是 `a` 的两行，接着是 `b` 的两行——行被上下叠在了一起。

## 沿 axis=-1 与 axis=2 拼接

`-1` 永远表示最后一个轴，对三维张量就是 2 号轴。这一次，最内层的列表被接长：`a` 的每一行 `[1, 2]` 后面接上 `b`
对应的一行 `[11, 12]`，形状变成 `(2, 2, 4)`。
""",
    ),
    code("""
c_minus1 = K.concatenate([a, b], axis=-1)
c_2 = K.concatenate([a, b], axis=2)
print(K.int_shape(c_minus1), K.int_shape(c_2))
print(K.eval(c_minus1))
assert K.int_shape(c_minus1) == (2, 2, 4)
assert np.array_equal(K.eval(c_minus1), K.eval(c_2))
"""),
    md(
        """
**Rule of thumb.** For a tensor with `n` axes, axis `-k` is axis `n - k`. Negative axes are handy because they
do not change when you add a batch axis in front: the channels of an image are at `-1` whether the tensor is one
image `(H, W, C)` or a batch `(N, H, W, C)`. That is why Keras layers default to `axis=-1`.

## The same with NumPy

`K.concatenate` follows NumPy's rules exactly, so `np.concatenate` gives the same numbers.
""",
        """
**经验法则**：对有 `n` 个轴的张量，`-k` 号轴就是 `n - k` 号轴。负数轴的好处是：在最前面加上批次轴（batch axis）之后，
它指的仍然是同一个轴。比如图像的通道，不管是一张图 `(H, W, C)` 还是一批图 `(N, H, W, C)`，都在 `-1` 号轴上。
这就是 Keras 的层默认使用 `axis=-1` 的原因。

## 用 NumPy 做同样的事

`K.concatenate` 与 NumPy 的规则完全一致，所以 `np.concatenate` 给出同样的数字。
""",
    ),
    code("""
a_np, b_np = np.arange(1, 9).reshape(2, 2, 2), np.arange(11, 19).reshape(2, 2, 2)
for axis in (-2, 1, -1, 2, 0):
    result = np.concatenate([a_np, b_np], axis=axis)
    print(f"axis={axis:>2}: «shape|形状» {result.shape}")
    assert np.array_equal(result, K.eval(K.concatenate([a, b], axis=axis)))
"""),
    md(
        """
## The `Concatenate` layer in a two-input model

In a functional model, `Concatenate` joins two branches. The batch axis is axis 0, so `axis=-1` joins the
features of each sample: 3 features from one input and 2 from the other make 5.
""",
        """
## 双输入模型中的 `Concatenate` 层

在函数式模型（functional model）里，`Concatenate` 层把两个分支接在一起。批次轴是 0 号轴，所以 `axis=-1`
拼接的是每个样本的特征：一个输入的 3 个特征加上另一个输入的 2 个特征，共 5 个。
""",
    ),
    code("""
np.random.seed(0)
left = Input(shape=(3,), name="left")
right = Input(shape=(2,), name="right")
joined = Concatenate(axis=-1)([left, right])
output = Dense(1, name="score")(joined)
model = Model(inputs=[left, right], outputs=output)
model.summary()
assert model.get_layer("score").count_params() == 5 + 1
"""),
    md(
        """
## How the gradient is split back

Concatenation only moves numbers around, so its backward pass is the reverse move: the gradient that arrives
for the joined tensor is cut along the same axis, and each piece goes back to the input it came from. Below we
weight every element of the joined tensor differently, and check that `a` receives the first half of the
weights and `b` the second half.
""",
        """
## 梯度如何被切分回去

拼接只是搬动数字，所以它的反向传播就是反着搬回去：到达拼接结果的梯度，沿同一个轴被切开，每一段回到它原来的那个输入。
下面我们给拼接结果的每个元素一个不同的权重，然后检查：`a` 收到的正是前一半权重，`b` 收到后一半。
""",
    ),
    code("""
from kerasedu.autograd import Tensor

a_t = Tensor(np.arange(1.0, 9.0).reshape(2, 2, 2), requires_grad=True)
b_t = Tensor(np.arange(11.0, 19.0).reshape(2, 2, 2), requires_grad=True)
joined = K.concatenate([a_t, b_t], axis=1)          # «shape|形状» (2, 4, 2)
weights = np.arange(16.0).reshape(2, 4, 2)
(joined * weights).sum().backward()
print("«gradient of a|a 的梯度»:\\n", a_t.grad)
assert np.array_equal(a_t.grad, weights[:, :2, :])
assert np.array_equal(b_t.grad, weights[:, 2:, :])
"""),
    md(
        """
## Summary

- Concatenation joins tensors along one axis; that axis grows, all others must match.
- For `n` axes, axis `-k` equals axis `n - k`: for 3-D tensors `-2` is `1` and `-1` is `2`.
- `K.concatenate`, `np.concatenate` and the `Concatenate` layer share these rules.
- The backward pass cuts the gradient along the same axis and returns each piece to its input.

## Exercises

Four exercises, from easy to hard. In each answer cell, replace `raise NotImplementedError()` with your code,
run the cell, then run the check cell below it. The check tries your code on cases it knows the answer to,
and either says what is wrong (with a hint) or prints a ✔ line.

### Exercise 1 · Predict a concatenation's shape

Write `concat_shape(shapes, axis)`: given the shapes of the tensors to join (a list of tuples) and the axis
(negative allowed), return the shape of the result as a tuple, without creating any tensor. When the tensors
cannot be joined (an axis that does not exist, or shapes that differ on another axis), raise a `ValueError`,
as `np.concatenate` does.
""",
        """
## 小结

- 拼接沿一个轴把张量接在一起：这个轴变长，其他轴必须相同。
- 对 `n` 个轴的张量，`-k` 号轴等于 `n - k` 号轴：三维张量的 `-2` 就是 `1`，`-1` 就是 `2`。
- `K.concatenate`、`np.concatenate` 和 `Concatenate` 层遵循同样的规则。
- 反向传播沿同一个轴切开梯度，把每一段还给对应的输入。

## 练习

下面有四道练习，由易到难。在每个答案单元格里，把 `raise NotImplementedError()` 换成你的代码并运行，
再运行它下面的检查单元格。检查会用它知道答案的例子来测试你的代码：不对时告诉你哪里不对，并给出提示；对了就打印一行 ✔。

### 练习 1 · 预测拼接结果的形状

写一个函数 `concat_shape(shapes, axis)`：给定要拼接的各张量的形状（元组组成的列表）和轴（可以是负数），
不创建任何张量，以元组形式返回结果的形状。如果无法拼接（轴不存在，或者在其他轴上形状不同），
就像 `np.concatenate` 那样抛出 `ValueError`。
""",
    ),
    solution(
        """
def concat_shape(shapes, axis):
    \"\"\"«Shape of concatenating tensors of these shapes along axis.|沿 axis 拼接这些形状的张量所得的形状。»\"\"\"
    ### BEGIN SOLUTION
    ndim = len(shapes[0])
    if any(len(shape) != ndim for shape in shapes) or not -ndim <= axis < ndim:
        raise ValueError(f"«no axis {axis} for shapes|这些形状没有 {axis} 号轴：» {shapes}")
    axis = axis % ndim  # «axis -k is axis n - k|-k 号轴就是 n - k 号轴»
    result = list(shapes[0])
    for shape in shapes[1:]:
        for k in range(ndim):
            if k != axis and shape[k] != result[k]:
                raise ValueError(f"«shapes differ on axis {k}:|形状在 {k} 号轴上不同：» {shapes}")
        result[axis] += shape[axis]  # «only the joined axis grows|只有拼接的轴变长»
    return tuple(result)
    ### END SOLUTION
""",
        "l04-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson04

lesson04.check_concat_shape(concat_shape, lang="«en|zh»")
""",
        "l04-ex1-check",
    ),
    md(
        """
### Exercise 2 · Channels last

A colour image stores its red, green and blue values on a last axis of length 3: shape `(H, W, 3)`, or
`(N, H, W, 3)` for a batch. Write `to_rgb(red, green, blue)` that takes three channels of shape `(H, W)`
(one image) or `(N, H, W)` (a batch) and returns the image(s) with the channels last. The same code must work
for both: which axis always names the place you need?
""",
        """
### 练习 2 · 通道在最后

彩色图像把红、绿、蓝三个值放在最后一个长度为 3 的轴上：形状为 `(H, W, 3)`，一批图像则是 `(N, H, W, 3)`。
写一个函数 `to_rgb(red, green, blue)`：输入三个形状为 `(H, W)`（一张图）或 `(N, H, W)`（一批图）的通道，
返回通道在最后的图像。同一份代码要对两种情况都成立：哪个轴编号总能指到你要的位置？
""",
    ),
    solution(
        """
def to_rgb(red, green, blue):
    \"\"\"«(..., H, W) channels -> (..., H, W, 3) image(s).|(..., H, W) 的三个通道 -> (..., H, W, 3) 的图像。»\"\"\"
    ### BEGIN SOLUTION
    channels = [K.expand_dims(c, axis=-1) for c in (red, green, blue)]  # (..., H, W, 1)
    return K.concatenate(channels, axis=-1)
    ### END SOLUTION
""",
        "l04-ex2",
    ),
    check(
        """
lesson04.check_to_rgb(to_rgb, lang="«en|zh»")
""",
        "l04-ex2-check",
    ),
    md(
        """
### Exercise 3 · The backward pass of concatenate

Write `concat_backward(grad, sizes, axis)`: `grad` is the gradient of `K.concatenate(inputs, axis=axis)`, and
`sizes[i]` is the length of input `i` along `axis`. Return the list of the inputs' gradients, each of its
input's shape: the pieces of `grad` along `axis`, in order. (`grad[tuple(index)]`, with `index` a list of
`slice(None)` whose element `axis` is `slice(start, stop)`, cuts along any axis.)
""",
        """
### 练习 3 · 拼接的反向传播

写一个函数 `concat_backward(grad, sizes, axis)`：`grad` 是 `K.concatenate(inputs, axis=axis)` 结果的梯度，
`sizes[i]` 是第 `i` 个输入沿 `axis` 的长度。返回由各输入梯度组成的列表，每个梯度的形状与对应的输入相同：
也就是 `grad` 沿 `axis` 依次切出的各段。（`grad[tuple(index)]` 可以沿任意轴切片，其中 `index` 是由
`slice(None)` 组成的列表，第 `axis` 个元素换成 `slice(start, stop)`。）
""",
    ),
    solution(
        """
def concat_backward(grad, sizes, axis):
    \"\"\"«Split grad along axis into pieces of these sizes.|沿 axis 把 grad 切成这些长度的几段。»\"\"\"
    ### BEGIN SOLUTION
    pieces, start = [], 0
    for size in sizes:
        index = [slice(None)] * grad.ndim
        index[axis] = slice(start, start + size)  # «this input's part|这个输入的那一段»
        pieces.append(grad[tuple(index)])
        start += size
    return pieces
    ### END SOLUTION
""",
        "l04-ex3",
    ),
    check(
        """
lesson04.check_concat_backward(concat_backward, lang="«en|zh»")
""",
        "l04-ex3-check",
    ),
    md(
        """
### Exercise 4 · A model that needs both inputs

Write `build_model()` returning a compiled model with two inputs, of shapes `(3,)` and `(2,)`, joined with
`Concatenate`, and one output. The check trains it for 30 epochs (batch size 32) on 1,024 samples whose target
is `y = sin(2·l₀)·r₀ + l₁·r₁ + 0.5·l₂` (`l` is the first input, `r` the second), then measures the mean
squared error on 512 new samples: it must be below 0.01. The target multiplies one input by the other: can a
model without a hidden layer do that?
""",
        """
### 练习 4 · 一个需要两个输入的模型

写一个函数 `build_model()`，返回一个已编译的模型：有两个输入，形状分别为 `(3,)` 和 `(2,)`，用 `Concatenate` 接起来，
有一个输出。检查会在 1024 个样本上训练它 30 轮（批次大小 32），目标值为 `y = sin(2·l₀)·r₀ + l₁·r₁ + 0.5·l₂`
（`l` 是第一个输入，`r` 是第二个），然后在 512 个新样本上计算均方误差：必须低于 0.01。
目标值是一个输入乘以另一个输入：没有隐藏层的模型能做到吗？
""",
    ),
    solution(
        """
from kerasedu.optimizers import Adam


def build_model():
    \"\"\"«Two inputs, (3,) and (2,), joined; one output; compiled.|两个输入 (3,) 和 (2,)，拼接后输出一个数；已编译。»\"\"\"
    ### BEGIN SOLUTION
    left = Input(shape=(3,))
    right = Input(shape=(2,))
    joined = Concatenate()([left, right])  # «(None, 5)|形状 (None, 5)»
    hidden = Dense(32, activation="tanh")(joined)  # «products need a nonlinearity|乘积需要非线性»
    model = Model(inputs=[left, right], outputs=Dense(1)(hidden))
    model.compile(optimizer=Adam(0.01), loss="mse")
    return model
    ### END SOLUTION
""",
        "l04-ex4",
    ),
    check(
        """
lesson04.check_build_model(build_model, lang="«en|zh»")
""",
        "l04-ex4-check",
        tags=["nbval-ignore-output"],
    ),
]
