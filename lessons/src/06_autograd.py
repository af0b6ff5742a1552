"""Lesson 06: inside kerasedu, autograd from scratch."""

from make_notebooks import code, md

CELLS = [
    md("""
# 06 · Inside kerasedu: autograd from scratch

**Goal.** See how `fit` gets its gradients: every operation on a `Tensor` is recorded in a *computation graph*;
`backward()` walks that graph from the loss back to the weights, applying the chain rule at each step. You will
check gradients with finite differences, and write the backward pass of a dense layer by hand.
""", """
# 06 · kerasedu 的内部：从零理解自动求导

**本课目标**：弄清 `fit` 的梯度从哪里来。对 `Tensor` 的每一步运算都会被记录进一张**计算图**（computation graph）；
`backward()` 从损失出发，沿着这张图反向走回权重，每一步都应用一次**链式法则**（chain rule）。
你将用有限差分（finite differences）检验梯度，并亲手写出全连接层的反向传播。
"""),
    code("""
import numpy as np
import matplotlib.pyplot as plt
import kerasedu
from kerasedu.autograd import Tensor, gradcheck

kerasedu.utils.fonts.use_chinese_font()  # «lets plots show Chinese text|让图中的中文正常显示»
np.set_printoptions(precision=4, suppress=True)
"""),
    md("""
## A graph of Tensors

Take `y = (w * x + b)²` with `w = 2`, `x = 3`, `b = 1`. The forward pass computes `u = w·x = 6`,
`v = u + b = 7`, `y = v² = 49`. Each result remembers the operation that made it (its *creator*).
""", """
## 由张量组成的图

取 `y = (w * x + b)²`，其中 `w = 2`、`x = 3`、`b = 1`。前向传播依次算出 `u = w·x = 6`、`v = u + b = 7`、`y = v² = 49`。
每个结果都记得产生它的那个运算（它的 *creator*）。
"""),
    code("""
w = Tensor(2.0, requires_grad=True)
x = Tensor(3.0)
b = Tensor(1.0, requires_grad=True)
u = w * x
v = u + b
y = v ** 2
print(float(y), type(y._creator).__name__, type(v._creator).__name__, type(u._creator).__name__)
"""),
    md("""
## The chain rule, by hand and by `backward()`

Going backwards: `dy/dv = 2v = 14`; `v = u + b` passes it on unchanged, so `dy/db = 14` and `dy/du = 14`;
`u = w·x` multiplies by the other factor, so `dy/dw = 14 · x = 42`. `backward()` does exactly this.
""", """
## 链式法则：手算与 `backward()`

反向来看：`dy/dv = 2v = 14`；`v = u + b` 把它原样传下去，所以 `dy/db = 14`、`dy/du = 14`；
`u = w·x` 要乘上另一个因子，所以 `dy/dw = 14 · x = 42`。`backward()` 做的正是这件事。
"""),
    code("""
y.backward()
print("dy/dw =", float(w.grad), " dy/db =", float(b.grad))
assert float(w.grad) == 42.0 and float(b.grad) == 14.0
"""),
    md("""
## Checking a gradient with finite differences

A derivative is a limit: `f'(x) ≈ (f(x + ε) − f(x − ε)) / 2ε` for a small `ε`. This *central difference* needs
only the forward pass, so it is a trustworthy (if slow) referee for any backward pass. `gradcheck` does it for
every element of every input, in float64, and reports the first element that disagrees.
""", """
## 用有限差分检查梯度

导数是一个极限：对很小的 `ε`，`f'(x) ≈ (f(x + ε) − f(x − ε)) / 2ε`。这个**中心差分**只需要前向计算，
所以是检验任何反向传播的可靠（虽然慢）的裁判。`gradcheck` 对每个输入的每个元素都这样做（用 float64），
并报告第一个对不上的元素。
"""),
    code("""
def f(x):
    return ((x * x).sum() + x.exp().sum())

x0 = np.random.default_rng(0).normal(size=(3,))
xt = Tensor(x0, requires_grad=True)
f(xt).backward()
eps = 1e-6
numeric = np.array([(f(Tensor(x0 + eps * e)).item() - f(Tensor(x0 - eps * e)).item()) / (2 * eps)
                    for e in np.eye(3)])
print("backward():", xt.grad)
print("«finite differences:|有限差分：»", numeric)
assert np.allclose(xt.grad, numeric, atol=1e-6)
assert gradcheck(f, [x0])
"""),
    md("""
## A dense layer's backward pass, by hand

A dense layer computes `Y = X W + b`, with `X` of shape `(N, D_in)`, `W` of shape `(D_in, D_out)` and
`b` of shape `(D_out,)`. Given the upstream gradient `G = dL/dY` (shape `(N, D_out)`):

- `dL/dW = Xᵀ G` (shape `(D_in, D_out)`, like `W`),
- `dL/db = Σ over the batch of G` (shape `(D_out,)`: the bias was broadcast over `N` rows, so its gradient is
  summed over them),
- `dL/dX = G Wᵀ` (shape `(N, D_in)`, like `X`).

We write these three lines with NumPy and compare them with what kerasedu's `Dense` layer gets from autograd.
""", """
## 亲手写全连接层的反向传播

全连接层（dense layer）计算 `Y = X W + b`，其中 `X` 的形状为 `(N, D_in)`，`W` 为 `(D_in, D_out)`，`b` 为 `(D_out,)`。
已知上游梯度 `G = dL/dY`（形状 `(N, D_out)`），则：

- `dL/dW = Xᵀ G`（形状 `(D_in, D_out)`，与 `W` 相同）；
- `dL/db = G 沿批次求和`（形状 `(D_out,)`：偏置被广播（broadcast）到了 `N` 行上，所以它的梯度要对这些行求和）；
- `dL/dX = G Wᵀ`（形状 `(N, D_in)`，与 `X` 相同）。

我们用 NumPy 写出这三行，再和 kerasedu 的 `Dense` 层由自动求导得到的结果比较。
"""),
    code("""
from kerasedu.layers import Dense

np.random.seed(1)
X = np.random.normal(size=(4, 3)).astype("float32")
layer = Dense(2)
Xt = Tensor(X, requires_grad=True)
Y = layer(Xt)
G = np.random.normal(size=Y.shape).astype("float32")   # «an upstream gradient|一个上游梯度»
Y.backward(G)

W, bias = layer.get_weights()
dW_by_hand = X.T @ G
db_by_hand = G.sum(axis=0)
dX_by_hand = G @ W.T
print("dW:\\n", dW_by_hand)
assert np.allclose(layer.kernel.grad, dW_by_hand, atol=1e-5)
assert np.allclose(layer.bias.grad, db_by_hand, atol=1e-5)
assert np.allclose(Xt.grad, dX_by_hand, atol=1e-5)
print("«hand-written backward pass matches autograd|手写的反向传播与自动求导一致»")
"""),
    md("""
## Why the gradient points downhill: one picture

Gradient descent moves a weight against its gradient. Below, the loss `L(w) = (w − 3)²` and the steps taken
from `w = 0` with learning rate 0.1: each step is `−0.1 · dL/dw`, computed by `backward()`.
""", """
## 为什么梯度指向“下坡”：一张图

梯度下降（gradient descent）让权重逆着梯度移动。下图是损失 `L(w) = (w − 3)²`，以及从 `w = 0` 出发、学习率为 0.1 时走过的各步：
每一步都是 `−0.1 · dL/dw`，梯度由 `backward()` 算出。
"""),
    code("""
w_value, path = 0.0, []
for step in range(15):
    w_t = Tensor(w_value, requires_grad=True)
    loss = (w_t - 3.0) ** 2
    loss.backward()
    path.append((w_value, loss.item()))
    w_value -= 0.1 * float(w_t.grad)

grid = np.linspace(-0.5, 4, 100)
plt.plot(grid, (grid - 3) ** 2, label="L(w) = (w - 3)²")
plt.plot(*zip(*path), "o-", label="«gradient descent steps|梯度下降的各步»")
plt.xlabel("w"); plt.ylabel("«loss|损失»"); plt.legend(); plt.title("«Gradient descent on one weight|单个权重上的梯度下降»")
plt.show()
assert abs(w_value - 3.0) < 0.2
"""),
    md("""
## Summary

- Every op on a `Tensor` records its inputs; the records form a computation graph.
- `backward()` visits the graph from the output back to the inputs and applies the chain rule.
- A broadcast input's gradient is summed over the broadcast axes (the bias of a dense layer).
- Finite differences need only the forward pass; `gradcheck` uses them to referee any backward pass.

## Exercises

1. Compute by hand the gradient of `y = sigmoid(w * x)` with respect to `w`, then check it with `backward()`.
2. Write `my_backward(X, W, G)` returning `(dX, dW)` for `Y = X @ W`, and make the check cell below pass.
3. Why does `gradcheck` work in float64 rather than float32? Try `eps=1e-6` on float32 data and explain.
""", """
## 小结

- 对 `Tensor` 的每个运算都会记下它的输入，这些记录构成计算图。
- `backward()` 从输出沿图走回输入，逐步应用链式法则。
- 被广播的输入，其梯度要在广播出来的轴上求和（例如全连接层的偏置）。
- 有限差分只需要前向计算；`gradcheck` 用它来检验任何反向传播。

## 练习

1. 手算 `y = sigmoid(w * x)` 对 `w` 的梯度，再用 `backward()` 验证。
2. 写一个函数 `my_backward(X, W, G)`，返回 `Y = X @ W` 的 `(dX, dW)`，让下面的检查单元格通过。
3. 为什么 `gradcheck` 用 float64 而不是 float32？在 float32 数据上试试 `eps=1e-6`，并解释结果。
"""),
    code("""
def my_backward(X, W, G):
    dX = G @ W.T   # «your code: replace these two lines if you like|你的代码：可以改写这两行»
    dW = X.T @ G
    return dX, dW

X_check = np.random.default_rng(2).normal(size=(5, 4))
W_check = np.random.default_rng(3).normal(size=(4, 3))
G_check = np.random.default_rng(4).normal(size=(5, 3))
Xc, Wc = Tensor(X_check, requires_grad=True), Tensor(W_check, requires_grad=True)
(Xc @ Wc).backward(G_check)
dX, dW = my_backward(X_check, W_check, G_check)
assert np.allclose(dX, Xc.grad) and np.allclose(dW, Wc.grad)
print("«Your backward pass is correct.|你的反向传播是正确的。»")
"""),
]
