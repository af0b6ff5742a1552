"""Lesson 06: inside kerasedu, autograd from scratch."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        """
# 06 · Inside kerasedu: autograd from scratch

**Goal.** See how `fit` gets its gradients: every operation on a `Tensor` is recorded in a *computation graph*;
`backward()` walks that graph from the loss back to the weights, applying the chain rule at each step. You will
check gradients with finite differences, and write the backward pass of a dense layer by hand.
""",
        """
# 06 · kerasedu 的内部：从零理解自动求导

**本课目标**：弄清 `fit` 的梯度从哪里来。对 `Tensor` 的每一步运算都会被记录进一张**计算图**（computation graph）；
`backward()` 从损失出发，沿着这张图反向走回权重，每一步都应用一次**链式法则**（chain rule）。
你将用有限差分（finite differences）检验梯度，并亲手写出全连接层的反向传播。
""",
    ),
    code("""
import numpy as np
import matplotlib.pyplot as plt
import kerasedu
from kerasedu.autograd import Tensor, gradcheck

kerasedu.utils.fonts.use_chinese_font()  # «lets plots show Chinese text|让图中的中文正常显示»
np.set_printoptions(precision=4, suppress=True)
"""),
    md(
        """
## A graph of Tensors

Take `y = (w * x + b)²` with `w = 2`, `x = 3`, `b = 1`. The forward pass computes `u = w·x = 6`,
`v = u + b = 7`, `y = v² = 49`. Each result remembers the operation that made it (its *creator*).
""",
        """
## 由张量组成的图

取 `y = (w * x + b)²`，其中 `w = 2`、`x = 3`、`b = 1`。前向传播依次算出 `u = w·x = 6`、`v = u + b = 7`、`y = v² = 49`。
每个结果都记得产生它的那个运算（它的 *creator*）。
""",
    ),
    code("""
w = Tensor(2.0, requires_grad=True)
x = Tensor(3.0)
b = Tensor(1.0, requires_grad=True)
u = w * x
v = u + b
y = v ** 2
print(float(y), *(type(t._creator).__name__ for t in (y, v, u)))
"""),
    md(
        """
## The chain rule, by hand and by `backward()`

Going backwards: `dy/dv = 2v = 14`; `v = u + b` passes it on unchanged, so `dy/db = 14` and `dy/du = 14`;
`u = w·x` multiplies by the other factor, so `dy/dw = 14 · x = 42`. `backward()` does exactly this.
""",
        """
## 链式法则：手算与 `backward()`

反向来看：`dy/dv = 2v = 14`；`v = u + b` 把它原样传下去，所以 `dy/db = 14`、`dy/du = 14`；
`u = w·x` 要乘上另一个因子，所以 `dy/dw = 14 · x = 42`。`backward()` 做的正是这件事。
""",
    ),
    code("""
y.backward()
print("dy/dw =", float(w.grad), " dy/db =", float(b.grad))
assert float(w.grad) == 42.0 and float(b.grad) == 14.0
"""),
    md(
        """
## Checking a gradient with finite differences

A derivative is a limit: `f'(x) ≈ (f(x + ε) − f(x − ε)) / 2ε` for a small `ε`. This *central difference* needs
only the forward pass, so it is a trustworthy (if slow) referee for any backward pass. `gradcheck` does it for
every element of every input, in float64, and reports the first element that disagrees.
""",
        """
## 用有限差分检查梯度

导数是一个极限：对很小的 `ε`，`f'(x) ≈ (f(x + ε) − f(x − ε)) / 2ε`。这个**中心差分**只需要前向计算，
所以是检验任何反向传播的可靠（虽然慢）的裁判。`gradcheck` 对每个输入的每个元素都这样做（用 float64），
并报告第一个对不上的元素。
""",
    ),
    code("""
def f(x):
    return ((x * x).sum() + x.exp().sum())

x0 = np.random.default_rng(0).normal(size=(3,))
xt = Tensor(x0, requires_grad=True)
f(xt).backward()
eps = 1e-6
numeric = np.array([
    (f(Tensor(x0 + eps * e)).item() - f(Tensor(x0 - eps * e)).item()) / (2 * eps)
    for e in np.eye(3)
])
print("backward():", xt.grad)
print("«finite differences:|有限差分：»", numeric)
assert np.allclose(xt.grad, numeric, atol=1e-6)
assert gradcheck(f, [x0])
"""),
    md(
        """
## A dense layer's backward pass, by hand

A dense layer computes `Y = X W + b`, with `X` of shape `(N, D_in)`, `W` of shape `(D_in, D_out)` and
`b` of shape `(D_out,)`. Given the upstream gradient `G = dL/dY` (shape `(N, D_out)`):

- `dL/dW = Xᵀ G` (shape `(D_in, D_out)`, like `W`),
- `dL/db = Σ over the batch of G` (shape `(D_out,)`: the bias was broadcast over `N` rows, so its gradient is
  summed over them),
- `dL/dX = G Wᵀ` (shape `(N, D_in)`, like `X`).

We write these three lines with NumPy and compare them with what kerasedu's `Dense` layer gets from autograd.
""",
        """
## 亲手写全连接层的反向传播

全连接层（dense layer）计算 `Y = X W + b`，其中 `X` 的形状为 `(N, D_in)`，`W` 为 `(D_in, D_out)`，`b` 为 `(D_out,)`。
已知上游梯度 `G = dL/dY`（形状 `(N, D_out)`），则：

- `dL/dW = Xᵀ G`（形状 `(D_in, D_out)`，与 `W` 相同）；
- `dL/db = G 沿批次求和`（形状 `(D_out,)`：偏置被广播（broadcast）到了 `N` 行上，所以它的梯度要对这些行求和）；
- `dL/dX = G Wᵀ`（形状 `(N, D_in)`，与 `X` 相同）。

我们用 NumPy 写出这三行，再和 kerasedu 的 `Dense` 层由自动求导得到的结果比较。
""",
    ),
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
    md(
        """
## Why the gradient points downhill: one picture

Gradient descent moves a weight against its gradient. Below, the loss `L(w) = (w − 3)²` and the steps taken
from `w = 0` with learning rate 0.1: each step is `−0.1 · dL/dw`, computed by `backward()`.
""",
        """
## 为什么梯度指向“下坡”：一张图

梯度下降（gradient descent）让权重逆着梯度移动。下图是损失 `L(w) = (w − 3)²`，以及从 `w = 0` 出发、学习率为 0.1 时走过的各步：
每一步都是 `−0.1 · dL/dw`，梯度由 `backward()` 算出。
""",
    ),
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
plt.xlabel("w"); plt.ylabel("«loss|损失»"); plt.legend()
plt.title("«Gradient descent on one weight|单个权重上的梯度下降»")
plt.show()
assert abs(w_value - 3.0) < 0.2
"""),
    md(
        """
## Summary

- Every op on a `Tensor` records its inputs; the records form a computation graph.
- `backward()` visits the graph from the output back to the inputs and applies the chain rule.
- A broadcast input's gradient is summed over the broadcast axes (the bias of a dense layer).
- Finite differences need only the forward pass; `gradcheck` uses them to referee any backward pass.

## Exercises

Four exercises, from easy to hard. In each answer cell, replace `raise NotImplementedError()` with your code,
run the cell, then run the check cell below it. The check tries your code on cases it knows the answer to,
and either says what is wrong (with a hint) or prints a ✔ line.

### Exercise 1 · The chain rule by hand

For `y = sigmoid(w · x)`, write `sigmoid_grad(w, x)` that returns `dy/dw` for two numbers `w` and `x`,
without `Tensor`: only NumPy and the chain rule. You need `sigmoid'(z) = sigmoid(z) · (1 − sigmoid(z))`.
""",
        """
## 小结

- 对 `Tensor` 的每个运算都会记下它的输入，这些记录构成计算图。
- `backward()` 从输出沿图走回输入，逐步应用链式法则。
- 被广播的输入，其梯度要在广播出来的轴上求和（例如全连接层的偏置）。
- 有限差分只需要前向计算；`gradcheck` 用它来检验任何反向传播。

## 练习

下面有四道练习，由易到难。在每个答案单元格里，把 `raise NotImplementedError()` 换成你的代码并运行，
再运行它下面的检查单元格。检查会用它知道答案的例子来测试你的代码：不对时告诉你哪里不对，并给出提示；对了就打印一行 ✔。

### 练习 1 · 手算链式法则

对 `y = sigmoid(w · x)`，写一个函数 `sigmoid_grad(w, x)`，对两个数 `w` 和 `x` 返回 `dy/dw`。
不要用 `Tensor`，只用 NumPy 和链式法则。你会用到 `sigmoid'(z) = sigmoid(z) · (1 − sigmoid(z))`。
""",
    ),
    solution(
        """
def sigmoid_grad(w, x):
    \"\"\"«dy/dw for y = sigmoid(w * x); w and x are numbers.|y = sigmoid(w * x) 对 w 的导数；w、x 都是数。»\"\"\"
    ### BEGIN SOLUTION
    s = 1 / (1 + np.exp(-w * x))
    return s * (1 - s) * x  # sigmoid'(w·x) · d(w·x)/dw
    ### END SOLUTION
""",
        "l06-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson06

lesson06.check_sigmoid_grad(sigmoid_grad, lang="«en|zh»")
""",
        "l06-ex1-check",
    ),
    md(
        """
### Exercise 2 · A dense layer with ReLU, backwards

A dense layer with a ReLU computes `Y = relu(X W + b)`. Write `dense_relu_backward(X, W, b, G)` that returns
`(dX, dW, db)` given the upstream gradient `G = dL/dY`, with NumPy only. First find the gradient that reaches
`Z = X W + b` (ReLU lets it through only where `Z > 0`), then use the three formulas of the dense layer above.
Each gradient has the shape of what it differentiates.
""",
        """
### 练习 2 · 带 ReLU 的全连接层的反向传播

带 ReLU 的全连接层计算 `Y = relu(X W + b)`。写一个函数 `dense_relu_backward(X, W, b, G)`，已知上游梯度
`G = dL/dY`，只用 NumPy 返回 `(dX, dW, db)`。先求出到达 `Z = X W + b` 的梯度（ReLU 只在 `Z > 0` 的位置让梯度通过），
再用上面全连接层的三个公式。每个梯度的形状都与被求导的量相同。
""",
    ),
    solution(
        """
def dense_relu_backward(X, W, b, G):
    \"\"\"«(dX, dW, db) for Y = relu(X @ W + b)|Y = relu(X @ W + b) 的 (dX, dW, db)»: X (N, D), W (D, U), b (U,), G (N, U).\"\"\"
    ### BEGIN SOLUTION
    dZ = G * (X @ W + b > 0)  # relu'(z) = 1 where z > 0, else 0
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)
    ### END SOLUTION
""",
        "l06-ex2",
    ),
    check(
        """
lesson06.check_dense_relu_backward(dense_relu_backward, lang="«en|zh»")
""",
        "l06-ex2-check",
    ),
    md(
        """
### Exercise 3 · Your own numerical gradient

Write `numerical_gradient(f, x, eps=1e-6)`: `f` takes a NumPy array shaped like `x` and returns a number;
return an array shaped like `x` whose every element is the central difference
`(f(x + eps·e) − f(x − eps·e)) / (2·eps)`, where `e` nudges only that element. Leave `x` as you found it:
whoever called you still needs it. (`np.ndindex(*x.shape)` visits every index of an array of any shape.)
""",
        """
### 练习 3 · 自己写数值梯度

写一个函数 `numerical_gradient(f, x, eps=1e-6)`：`f` 接受一个形状与 `x` 相同的 NumPy 数组，返回一个数；
你要返回一个形状与 `x` 相同的数组，其中每个元素都是中心差分 `(f(x + eps·e) − f(x − eps·e)) / (2·eps)`，
这里 `e` 只挪动那一个元素。用完之后 `x` 要保持原样：调用你的人还要用它。
（`np.ndindex(*x.shape)` 可以遍历任意形状数组的每个下标。）
""",
    ),
    solution(
        """
def numerical_gradient(f, x, eps=1e-6):
    \"\"\"«Central differences of f at x, one element at a time.|f 在 x 处的中心差分，逐个元素计算。»\"\"\"
    ### BEGIN SOLUTION
    grad = np.zeros_like(x, dtype="float64")
    for index in np.ndindex(*x.shape):
        original = x[index]
        x[index] = original + eps
        plus = f(x)
        x[index] = original - eps
        minus = f(x)
        x[index] = original  # «put it back|放回原值»
        grad[index] = (plus - minus) / (2 * eps)
    return grad
    ### END SOLUTION
""",
        "l06-ex3",
    ),
    check(
        """
lesson06.check_numerical_gradient(numerical_gradient, lang="«en|zh»")
""",
        "l06-ex3-check",
    ),
    md(
        """
### Exercise 4 · A new op

kerasedu's ops are small `Function` classes (look at `Mul` in `kerasedu/autograd/ops_elementwise.py`).
Finish `SquaredDifference`, computing `(a − b)²` elementwise: its `forward` is written; write its `backward`,
which gets the output's gradient `grad` and returns `(grad_a, grad_b)`. `a` and `b` may have different shapes
that broadcast (say `(4, 3)` and `(3,)`): each gradient must then be summed back to its own input's shape,
which `unbroadcast(gradient, shape)` does.
""",
        """
### 练习 4 · 一个新的运算

kerasedu 的运算都是小小的 `Function` 类（可以看看 `kerasedu/autograd/ops_elementwise.py` 里的 `Mul`）。
请完成 `SquaredDifference`，它逐元素计算 `(a − b)²`：`forward` 已经写好了，你来写 `backward`：
它拿到输出的梯度 `grad`，返回 `(grad_a, grad_b)`。`a` 和 `b` 的形状可以不同，只要能广播（比如 `(4, 3)` 和 `(3,)`）：
这时每个梯度都要求和回它自己那个输入的形状，`unbroadcast(gradient, shape)` 就是做这个的。
""",
    ),
    solution(
        """
from kerasedu.autograd import Function, Tensor, unbroadcast


class SquaredDifference(Function):
    \"\"\"«(a - b)² elementwise; a and b broadcast like NumPy.|逐元素计算 (a - b)²；a、b 按 NumPy 规则广播。»\"\"\"

    def forward(self, a, b):
        self.save_for_backward(a, b)
        return (a - b) ** 2

    def backward(self, grad):
        a, b = self.saved
        ### BEGIN SOLUTION
        grad_diff = 2 * (a - b) * grad  # d(a - b)²/da = 2(a - b) = -d(a - b)²/db
        return unbroadcast(grad_diff, a.shape), unbroadcast(-grad_diff, b.shape)
        ### END SOLUTION


print(SquaredDifference.apply(Tensor([1.0, 2.0]), Tensor([3.0, 3.0])))
""",
        "l06-ex4",
    ),
    check(
        """
lesson06.check_squared_difference(SquaredDifference, lang="«en|zh»")
""",
        "l06-ex4-check",
    ),
]
