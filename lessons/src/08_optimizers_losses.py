"""Lesson 08: optimizers, losses, initializers and metrics."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        r"""
# 08 · Optimizers, losses, initializers and metrics

**Goal.** `compile(optimizer=..., loss=..., metrics=...)` and `Dense(..., kernel_initializer=...)` take a name,
and a name hides a formula. This lesson opens each one: the nine optimizers as update rules that you will check
line by line against kerasedu, their paths on a badly scaled valley and on MNIST; the losses and when each one
fits the task; why initial weights matter (all zeros, too small, Glorot, He); and what the accuracy metrics
really count.

Notation: $w$ a weight, $g$ its gradient at this step, $\eta$ the learning rate, $t = 1, 2, \dots$ the step
number. All squares, roots and divisions are element-wise.
""",
        r"""
# 08 · 优化器、损失函数、初始化与评估指标

**本课目标**：`compile(optimizer=..., loss=..., metrics=...)` 和 `Dense(..., kernel_initializer=...)` 接受的只是一个名字，
而每个名字背后都是一个公式。这一课把它们一一打开：九种优化器写成更新公式，并逐行与 kerasedu 对照；
看它们在一个“扁长山谷”上和在 MNIST 上各走出怎样的路线；各种损失函数分别适合什么任务；初始权重为什么要紧
（全零、太小、Glorot、He）；以及各种准确率指标到底数的是什么。

记号：$w$ 是一个权重，$g$ 是这一步它的梯度，$\eta$ 是学习率，$t = 1, 2, \dots$ 是步数。
平方、开方、除法都是逐元素进行的。
""",
    ),
    code("""
import numpy as np
import matplotlib.pyplot as plt
import kerasedu
from kerasedu import Sequential, losses, metrics, optimizers
from kerasedu.autograd import Variable
from kerasedu.layers import Dense, Input

kerasedu.utils.fonts.use_chinese_font()  # «lets plots show Chinese text|让图中的中文正常显示»
np.set_printoptions(precision=5, suppress=True)
"""),
    md(
        r"""
## 1. Optimizers: one formula each

An optimizer turns a gradient into a step. To compare each formula with the library, we feed the same three
gradients to a 2-element `Variable` starting at $w = (1, -1)$, once through kerasedu's optimizer
(`apply_gradients`) and once through a few lines of NumPy, and assert that the two paths agree.
""",
        r"""
## 1. 优化器：每种一个公式

优化器的工作是把梯度变成一步更新。为了拿公式和库对照，我们把同样的三步梯度交给一个从 $w = (1, -1)$ 出发的
两元素 `Variable`：一次用 kerasedu 的优化器（`apply_gradients`），一次用几行 NumPy，然后断言两条路径一致。
""",
    ),
    code("""
GRADS = np.array([[0.5, -2.0], [0.3, -1.0], [-0.4, 0.5]])  # «three steps' gradients|三步的梯度»
W0 = np.array([1.0, -1.0])


def kerasedu_path(optimizer):
    \"\"\"«w after each step when kerasedu's optimizer applies GRADS|kerasedu 的优化器依次应用 GRADS 后每一步的 w»\"\"\"
    w = Variable(W0.copy())
    path = []
    for g in GRADS:
        optimizer.apply_gradients([(g, w)])
        path.append(w.numpy().copy())
    return np.array(path)
"""),
    md(
        r"""
### SGD, momentum and Nesterov

- **SGD**: $w \leftarrow w - \eta g$. One learning rate for every weight; in a long narrow valley it must be
  small enough for the steep direction, so it crawls along the flat one.
- **Momentum** ($\mu = 0.9$): a velocity $m$ remembers past steps, $m \leftarrow \mu m - \eta g$,
  $w \leftarrow w + m$. Steps that keep pointing the same way add up (up to $1/(1-\mu) = 10$ times);
  steps that flip sign cancel.
- **Nesterov**: the same velocity, but the step looks one velocity ahead:
  $w \leftarrow w + \mu m - \eta g$ (with the updated $m$).

Keras's default is `SGD(learning_rate=0.01, momentum=0.0)`.
""",
        r"""
### SGD、动量与 Nesterov

- **SGD**：$w \leftarrow w - \eta g$。所有权重共用一个学习率；在又长又窄的山谷里，它必须小到在陡的方向上不发散，
  于是在平缓的方向上就只能慢慢爬。
- **动量**（momentum，$\mu = 0.9$）：用一个“速度” $m$ 记住过去的步子，$m \leftarrow \mu m - \eta g$，$w \leftarrow w + m$。
  方向一直不变的步子会累加起来（最多放大到 $1/(1-\mu) = 10$ 倍），来回变号的步子会互相抵消。
- **Nesterov 动量**：速度相同，但这一步要再“往前看”一个速度：$w \leftarrow w + \mu m - \eta g$（用更新后的 $m$）。

Keras 的默认值是 `SGD(learning_rate=0.01, momentum=0.0)`。
""",
    ),
    code("""
def numpy_sgd(lr, mu=0.0, nesterov=False):
    w, m, path = W0.copy(), np.zeros(2), []
    for g in GRADS:
        m = mu * m - lr * g
        w = w + (mu * m - lr * g if nesterov else m)  # «mu = 0: w - lr * g|mu = 0 时就是 w - lr * g»
        path.append(w)
    return np.array(path)


np.testing.assert_allclose(kerasedu_path(optimizers.SGD(0.1)), numpy_sgd(0.1))
np.testing.assert_allclose(
    kerasedu_path(optimizers.SGD(0.1, momentum=0.9)), numpy_sgd(0.1, mu=0.9))
np.testing.assert_allclose(
    kerasedu_path(optimizers.SGD(0.1, momentum=0.9, nesterov=True)),
    numpy_sgd(0.1, mu=0.9, nesterov=True))
print("«after 3 steps|三步之后»: SGD", numpy_sgd(0.1)[-1], " momentum", numpy_sgd(0.1, 0.9)[-1])
"""),
    md(
        r"""
### Adagrad, Adadelta and RMSprop: one step size per weight

These divide each weight's step by the size of its own past gradients, so a steep direction gets small steps
and a flat one large steps.

- **Adagrad**: $a \leftarrow a + g^2$, $w \leftarrow w - \eta\, g / \sqrt{a + \epsilon}$. In Keras the
  accumulator $a$ starts at **0.1** (`initial_accumulator_value`), not 0. Since $a$ only grows, the steps only
  shrink: good for sparse features, too timid for long training.
- **RMSprop** ($\rho = 0.9$): forget old gradients, $v \leftarrow \rho v + (1 - \rho) g^2$,
  $w \leftarrow w - \eta\, g / \sqrt{v + \epsilon}$. Keras puts $\epsilon$ **inside** the root.
- **Adadelta** ($\rho = 0.95$): also keeps an average $d$ of its own past steps $\Delta$:
  $a \leftarrow \rho a + (1-\rho) g^2$, $\Delta = -\frac{\sqrt{d + \epsilon}}{\sqrt{a + \epsilon}}\, g$,
  $d \leftarrow \rho d + (1-\rho) \Delta^2$, $w \leftarrow w + \eta \Delta$. Because $d$ starts at 0, the first
  steps are about $\sqrt{\epsilon} \approx 0.0003$ in size: Adadelta starts very slowly.

Keras 3's default learning rate is 0.001 for all three (Keras 1 used 1.0 for Adadelta and 0.01 for Adagrad).
$\epsilon = 10^{-7}$ everywhere.
""",
        r"""
### Adagrad、Adadelta 与 RMSprop：每个权重有自己的步长

这几种方法把每个权重的步长除以**它自己**过去梯度的大小，于是陡的方向步子小，平的方向步子大。

- **Adagrad**：$a \leftarrow a + g^2$，$w \leftarrow w - \eta\, g / \sqrt{a + \epsilon}$。Keras 中累加器 $a$ 的初值是 **0.1**
  （`initial_accumulator_value`），不是 0。$a$ 只增不减，所以步子只会越来越小：适合稀疏特征，长时间训练就显得太保守。
- **RMSprop**（$\rho = 0.9$）：让旧梯度逐渐被遗忘，$v \leftarrow \rho v + (1 - \rho) g^2$，
  $w \leftarrow w - \eta\, g / \sqrt{v + \epsilon}$。Keras 把 $\epsilon$ 放在根号**里面**。
- **Adadelta**（$\rho = 0.95$）：还要记住自己过去步长 $\Delta$ 的平均 $d$：
  $a \leftarrow \rho a + (1-\rho) g^2$，$\Delta = -\frac{\sqrt{d + \epsilon}}{\sqrt{a + \epsilon}}\, g$，
  $d \leftarrow \rho d + (1-\rho) \Delta^2$，$w \leftarrow w + \eta \Delta$。由于 $d$ 从 0 开始，
  最初几步的大小只有 $\sqrt{\epsilon} \approx 0.0003$ 左右：Adadelta 起步非常慢。

在 Keras 3 中，这三者的默认学习率都是 0.001（Keras 1 中 Adadelta 是 1.0，Adagrad 是 0.01）。$\epsilon$ 处处都是 $10^{-7}$。
""",
    ),
    code("""
EPS = 1e-7


def numpy_adagrad(lr, initial=0.1):
    w, a, path = W0.copy(), np.full(2, initial), []
    for g in GRADS:
        a = a + g**2
        w = w - lr * g / np.sqrt(a + EPS)
        path.append(w)
    return np.array(path)


def numpy_rmsprop(lr, rho=0.9):
    w, v, path = W0.copy(), np.zeros(2), []
    for g in GRADS:
        v = rho * v + (1 - rho) * g**2
        w = w - lr * g / np.sqrt(v + EPS)  # «epsilon inside the root|epsilon 在根号里»
        path.append(w)
    return np.array(path)


def numpy_adadelta(lr, rho=0.95):
    w, a, d, path = W0.copy(), np.zeros(2), np.zeros(2), []
    for g in GRADS:
        a = rho * a + (1 - rho) * g**2
        delta = -np.sqrt(d + EPS) / np.sqrt(a + EPS) * g
        d = rho * d + (1 - rho) * delta**2
        w = w + lr * delta
        path.append(w)
    return np.array(path)


np.testing.assert_allclose(kerasedu_path(optimizers.Adagrad(0.1)), numpy_adagrad(0.1))
np.testing.assert_allclose(kerasedu_path(optimizers.RMSprop(0.1)), numpy_rmsprop(0.1))
np.testing.assert_allclose(kerasedu_path(optimizers.Adadelta(1.0)), numpy_adadelta(1.0))
print("«first Adadelta step|Adadelta 的第一步»:", numpy_adadelta(1.0)[0] - W0)
"""),
    md(
        r"""
### Adam, Adamax and Nadam: momentum plus per-weight steps

- **Adam** ($\beta_1 = 0.9$, $\beta_2 = 0.999$): an average of gradients $m$ (momentum) and of squared
  gradients $v$ (RMSprop): $m \leftarrow \beta_1 m + (1-\beta_1) g$, $v \leftarrow \beta_2 v + (1-\beta_2) g^2$.
  Both start at 0, so early on they are too small; Keras folds the two bias corrections into the rate,
  $\eta_t = \eta \sqrt{1 - \beta_2^t} / (1 - \beta_1^t)$, and adds $\epsilon$ **outside** the root:
  $w \leftarrow w - \eta_t\, m / (\sqrt{v} + \epsilon)$. The first step is about $\eta$ in size, whatever
  the size of $g$.
- **Adamax**: the root of the squared average is replaced by a decaying maximum, $u \leftarrow
  \max(\beta_2 u, |g|)$, $w \leftarrow w - \eta\, m / \big((1 - \beta_1^t)(u + \epsilon)\big)$.
- **Nadam**: Adam with Nesterov's look-ahead. Keras uses a momentum *schedule*
  $\mu_t = \beta_1 (1 - \tfrac12 \cdot 0.96^{t})$ and its running product $\Pi_t = \mu_1 \cdots \mu_t$:
  $\hat m = \frac{\mu_{t+1}\, m}{1 - \Pi_t \mu_{t+1}} + \frac{(1 - \mu_t)\, g}{1 - \Pi_t}$,
  $\hat v = v / (1 - \beta_2^t)$, $w \leftarrow w - \eta\, \hat m / (\sqrt{\hat v} + \epsilon)$.
""",
        r"""
### Adam、Adamax 与 Nadam：动量加上逐权重的步长

- **Adam**（$\beta_1 = 0.9$，$\beta_2 = 0.999$）：同时维护梯度的平均 $m$（即动量）和梯度平方的平均 $v$（即 RMSprop）：
  $m \leftarrow \beta_1 m + (1-\beta_1) g$，$v \leftarrow \beta_2 v + (1-\beta_2) g^2$。两者都从 0 开始，起初偏小；
  Keras 把两个偏差修正（bias correction）合并进学习率，$\eta_t = \eta \sqrt{1 - \beta_2^t} / (1 - \beta_1^t)$，
  并把 $\epsilon$ 加在根号**外面**：$w \leftarrow w - \eta_t\, m / (\sqrt{v} + \epsilon)$。
  所以不论 $g$ 多大，第一步的大小都约等于 $\eta$。
- **Adamax**：把平方平均的平方根换成一个逐渐衰减的最大值，$u \leftarrow \max(\beta_2 u, |g|)$，
  $w \leftarrow w - \eta\, m / \big((1 - \beta_1^t)(u + \epsilon)\big)$。
- **Nadam**：带 Nesterov “前瞻”的 Adam。Keras 用一个动量**时间表** $\mu_t = \beta_1 (1 - \tfrac12 \cdot 0.96^{t})$
  及其累乘 $\Pi_t = \mu_1 \cdots \mu_t$：
  $\hat m = \frac{\mu_{t+1}\, m}{1 - \Pi_t \mu_{t+1}} + \frac{(1 - \mu_t)\, g}{1 - \Pi_t}$，
  $\hat v = v / (1 - \beta_2^t)$，$w \leftarrow w - \eta\, \hat m / (\sqrt{\hat v} + \epsilon)$。
""",
    ),
    code("""
def numpy_adam(lr, b1=0.9, b2=0.999):
    w, m, v, path = W0.copy(), np.zeros(2), np.zeros(2), []
    for t, g in enumerate(GRADS, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g**2
        lr_t = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
        w = w - lr_t * m / (np.sqrt(v) + EPS)  # «epsilon outside the root|epsilon 在根号外»
        path.append(w)
    return np.array(path)


def numpy_adamax(lr, b1=0.9, b2=0.999):
    w, m, u, path = W0.copy(), np.zeros(2), np.zeros(2), []
    for t, g in enumerate(GRADS, start=1):
        m = b1 * m + (1 - b1) * g
        u = np.maximum(b2 * u, np.abs(g))
        w = w - lr * m / ((1 - b1**t) * (u + EPS))
        path.append(w)
    return np.array(path)


def numpy_nadam(lr, b1=0.9, b2=0.999):
    def mu(t):
        return b1 * (1 - 0.5 * 0.96**t)

    w, m, v, product, path = W0.copy(), np.zeros(2), np.zeros(2), 1.0, []
    for t, g in enumerate(GRADS, start=1):
        product *= mu(t)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g**2
        m_hat = (mu(t + 1) * m / (1 - product * mu(t + 1))
                 + (1 - mu(t)) * g / (1 - product))
        v_hat = v / (1 - b2**t)
        w = w - lr * m_hat / (np.sqrt(v_hat) + EPS)
        path.append(w)
    return np.array(path)


np.testing.assert_allclose(kerasedu_path(optimizers.Adam(0.1)), numpy_adam(0.1))
np.testing.assert_allclose(kerasedu_path(optimizers.Adamax(0.1)), numpy_adamax(0.1))
np.testing.assert_allclose(kerasedu_path(optimizers.Nadam(0.1)), numpy_nadam(0.1))
print("«first Adam step|Adam 的第一步»:", numpy_adam(0.1)[0] - W0, " g =", GRADS[0])
assert np.allclose(np.abs(numpy_adam(0.1)[0] - W0), 0.1, rtol=1e-5)
"""),
    md(
        r"""
Note the last line: Adam's first step is $-\eta\,\mathrm{sign}(g)$ for both weights, although one gradient is
four times the other. Adam (like RMSprop) cares about a gradient's *direction and consistency*, much less
about its size.

## 2. Paths on an ill-conditioned valley

Take $f(x, y) = x^2/20 + y^2$: its minimum is at $(0, 0)$, the valley is 20 times steeper across ($y$) than
along ($x$). We start at $(-9, 2)$ and let each optimizer take 60 steps, the gradient coming from kerasedu's
autograd (`backward()`) on a 2-element `Variable`. Each optimizer gets a learning rate that suits it.
""",
        r"""
注意最后一行：尽管两个梯度相差四倍，Adam 的第一步对两个权重都是 $-\eta\,\mathrm{sign}(g)$。Adam（和 RMSprop 一样）
在意的是梯度的**方向是否一致**，而不太在意它的大小。

## 2. 病态山谷上的路线

取 $f(x, y) = x^2/20 + y^2$：最小值在 $(0, 0)$，山谷横向（$y$ 方向）比纵向（$x$ 方向）陡 20 倍。
我们从 $(-9, 2)$ 出发，让每种优化器走 60 步；梯度由 kerasedu 的自动求导（`backward()`）在一个两元素的
`Variable` 上求出。每种优化器都配了一个适合它的学习率。
""",
    ),
    code("""
SCALE = np.array([1 / 20, 1.0])   # f(x, y) = x²/20 + y²


def trajectory(optimizer, steps=60, start=(-9.0, 2.0)):
    w = Variable(np.array(start))
    path = [w.numpy().copy()]
    for _ in range(steps):
        w.grad = None
        loss = (SCALE * w * w).sum()
        loss.backward()
        optimizer.apply_gradients([(w.grad, w)])
        path.append(w.numpy().copy())
    return np.array(path)


runs = {
    "SGD 0.1": optimizers.SGD(0.1),
    "«momentum|动量» 0.1": optimizers.SGD(0.1, momentum=0.9),
    "Nesterov 0.1": optimizers.SGD(0.1, momentum=0.9, nesterov=True),
    "Adagrad 1.0": optimizers.Adagrad(1.0),
    "Adadelta 1.0": optimizers.Adadelta(1.0),
    "RMSprop 0.1": optimizers.RMSprop(0.1),
    "Adam 0.5": optimizers.Adam(0.5),
    "Adamax 0.5": optimizers.Adamax(0.5),
    "Nadam 0.5": optimizers.Nadam(0.5),
}
paths = {name: trajectory(opt) for name, opt in runs.items()}
distance = {name: float(np.linalg.norm(p[-1])) for name, p in paths.items()}
for name, d in distance.items():
    print(f"{name:14s} «distance to the minimum after 60 steps|60 步后到最小值的距离»: {d:.4f}")
"""),
    code("""
xs, ys = np.meshgrid(np.linspace(-10, 3, 200), np.linspace(-3, 3, 200))
plt.figure(figsize=(10, 5))
plt.contour(xs, ys, xs**2 / 20 + ys**2, levels=20, colors="lightgray")
for name, p in paths.items():
    plt.plot(p[:, 0], p[:, 1], ".-", markersize=3, label=name)
plt.plot(0, 0, "k*", markersize=12)
plt.xlabel("x"); plt.ylabel("y"); plt.legend(fontsize=8, ncol=3)
plt.title("«60 steps on f(x, y) = x²/20 + y²|在 f(x, y) = x²/20 + y² 上走 60 步»")
plt.show()
assert distance["SGD 0.1"] > 4             # «still halfway along the valley|还在山谷半路上»
assert distance["Adadelta 1.0"] > 8        # «has barely left the start|几乎没离开起点»
for name in ("«momentum|动量» 0.1", "Nesterov 0.1", "Adam 0.5", "Nadam 0.5"):
    assert distance[name] < 0.5, name
"""),
    md(
        r"""
What the picture shows:

- **SGD** descends the steep $y$ direction at once, then crawls along $x$: each step shrinks $x$ by only 1 %
  ($\eta \cdot 2/20 = 0.01$). Raising $\eta$ above 1 would make $y$ diverge (its factor $1 - 2\eta$ passes −1).
- **Momentum and Nesterov** accumulate the small, consistent $x$ gradient and arrive; Nesterov oscillates less.
- **Adagrad, RMSprop, Adam, Adamax, Nadam** rescale each coordinate, so they head almost diagonally for the
  minimum. Adagrad slows down as its accumulator grows.
- **Adadelta** has hardly moved: its first steps are about $\sqrt{\epsilon}$ in size.

## 3. The same MNIST model, five optimizers

On a real network the differences are similar. We train a 784-64-10 network on 3,000 MNIST images (20 % held
out for validation, 3 epochs), with each optimizer at its **Keras default** settings, from the same initial
weights (`set_random_seed(0)` before each build).
""",
        r"""
从图中可以看到：

- **SGD** 立刻沿陡峭的 $y$ 方向下降，然后沿 $x$ 方向慢慢爬：每一步 $x$ 只缩小 1 %（$\eta \cdot 2/20 = 0.01$）。
  而如果把 $\eta$ 调到 1 以上，$y$ 方向就会发散（它的缩放因子 $1 - 2\eta$ 会小于 −1）。
- **动量与 Nesterov** 把 $x$ 方向上又小又一致的梯度累积起来，最终到达；Nesterov 振荡得更少。
- **Adagrad、RMSprop、Adam、Adamax、Nadam** 对每个坐标分别缩放，几乎沿对角线直奔最小值。Adagrad 的累加器越来越大，步子也越来越慢。
- **Adadelta** 几乎没动：它最初几步的大小只有 $\sqrt{\epsilon}$ 左右。

## 3. 同一个 MNIST 模型，五种优化器

在真实的网络上，差别也类似。我们用 3000 张 MNIST 图片训练一个 784-64-10 的网络（留出 20 % 作验证集，训练 3 轮），
每种优化器都用 **Keras 的默认参数**，并且初始权重相同（每次搭建前都调用 `set_random_seed(0)`）。
""",
    ),
    code(
        """
from kerasedu.datasets import mnist
from kerasedu.utils import to_categorical

(x_all, y_all), _ = mnist.load_data()
x_small = x_all[:3000].reshape(-1, 784).astype("float32") / 255
y_small = to_categorical(y_all[:3000], 10)


def mnist_model(optimizer):
    kerasedu.utils.set_random_seed(0)
    model = Sequential([Input((784,)), Dense(64, activation="relu"),
                        Dense(10, activation="softmax")])
    model.compile(optimizer=optimizer, loss="categorical_crossentropy",
                  metrics=["accuracy"])
    return model


choices = {"SGD": "sgd", "SGD + «momentum|动量» 0.9": optimizers.SGD(momentum=0.9),
           "Adagrad": "adagrad", "RMSprop": "rmsprop", "Adam": "adam"}
histories = {
    name: mnist_model(opt).fit(x_small, y_small, validation_split=0.2, epochs=3,
                               verbose=0).history
    for name, opt in choices.items()
}
final = {name: h["val_accuracy"][-1] for name, h in histories.items()}
for name, acc in final.items():
    print(f"{name:22s} «validation accuracy after 3 epochs|3 轮后的验证准确率»: {acc:.4f}")
""",
        tags=["nbval-ignore-output"],
    ),
    code("""
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
for name, h in histories.items():
    left.plot([1, 2, 3], h["loss"], "o-", label=name)
    right.plot([1, 2, 3], h["val_accuracy"], "o-", label=name)
left.set_xlabel("«epoch|轮次»"); left.set_ylabel("«training loss|训练损失»")
right.set_xlabel("«epoch|轮次»"); right.set_ylabel("«validation accuracy|验证准确率»")
left.set_xticks([1, 2, 3]); right.set_xticks([1, 2, 3]); right.legend(); plt.show()
assert final["Adam"] > 0.85 and final["RMSprop"] > 0.85
assert final["SGD"] < final["Adam"] - 0.05      # «plain SGD at 0.01 lags|0.01 的普通 SGD 落后»
assert final["Adagrad"] < 0.6                   # «0.001 is far too small for Adagrad|0.001 对 Adagrad 太小»
"""),
    md(
        r"""
With their defaults, Adam and RMSprop are the safe first choices; SGD with momentum catches up; plain SGD at
0.01 is slow; Adagrad at Keras 3's default 0.001 barely learns (its accumulator starts at 0.1 and only grows):
raise its rate to about 0.01–0.1 when you use it. A default is a starting point, not a recommendation.

## 4. Losses: which one for which task

| task | output layer | loss |
|---|---|---|
| regression | linear | `mse` (large errors weigh a lot), `mae` (robust to outliers), `huber` (mse near 0, mae far away) |
| counts | `exp` or softplus | `poisson` |
| two classes, labels 0/1 | sigmoid (or none, with `from_logits=True`) | `binary_crossentropy` |
| several classes, one-hot labels | softmax (or none, with `from_logits=True`) | `categorical_crossentropy` |
| several classes, integer labels | softmax (or none, with `from_logits=True`) | `sparse_categorical_crossentropy` |
| two classes, margin classifier (SVM-like) | linear | `hinge`, `squared_hinge` (labels −1/+1; 0/1 are converted) |
| distributions | softmax | `kl_divergence` |
| directions, embeddings | linear | `cosine_similarity` (the *negative* cosine: −1 is best) |

`from_logits=True` means "my model outputs raw scores, apply the sigmoid/softmax inside the loss": it is more
accurate than a softmax followed by a log (no clipping at $10^{-7}$). Each loss below is computed once by
kerasedu and once from its formula in NumPy. A loss function returns one value per sample (the mean over the
last axis); `compile` averages these over the batch.
""",
        r"""
在默认参数下，Adam 和 RMSprop 是稳妥的首选；带动量的 SGD 随后赶上；学习率 0.01 的普通 SGD 较慢；
Adagrad 用 Keras 3 的默认学习率 0.001 几乎学不动（它的累加器从 0.1 开始且只增不减）：用它时要把学习率调到
0.01–0.1 左右。默认值只是起点，不是推荐值。

## 4. 损失函数：什么任务用哪一个

| 任务 | 输出层 | 损失函数 |
|---|---|---|
| 回归 | 线性 | `mse`（大误差权重很大）、`mae`（对离群点稳健）、`huber`（误差小时像 mse，误差大时像 mae） |
| 计数 | `exp` 或 softplus | `poisson` |
| 二分类，标签 0/1 | sigmoid（或不加激活，配 `from_logits=True`） | `binary_crossentropy` |
| 多分类，one-hot 标签 | softmax（或不加激活，配 `from_logits=True`） | `categorical_crossentropy` |
| 多分类，整数标签 | softmax（或不加激活，配 `from_logits=True`） | `sparse_categorical_crossentropy` |
| 二分类，间隔分类器（类似 SVM） | 线性 | `hinge`、`squared_hinge`（标签为 −1/+1；0/1 会被自动转换） |
| 概率分布 | softmax | `kl_divergence` |
| 方向、嵌入向量 | 线性 | `cosine_similarity`（是**负的**余弦：−1 最好） |

`from_logits=True` 的意思是“我的模型输出的是原始分数（logits），请在损失函数内部做 sigmoid/softmax”：
这比先 softmax 再取对数更精确（不会在 $10^{-7}$ 处被截断）。下面每个损失都先由 kerasedu 算一次，再按公式用 NumPy 算一次。
损失函数对每个样本返回一个值（沿最后一个轴取平均）；`compile` 再对整个批次取平均。
""",
    ),
    code("""
def kerasedu_loss(fn, y_true, y_pred, **kwargs):
    return fn(y_true, y_pred, **kwargs).numpy()


y_true = np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 4.0]])
y_pred = np.array([[1.5, 2.0, 0.0], [0.5, -1.0, 3.9]])
e = y_pred - y_true
huber = np.where(np.abs(e) <= 1, 0.5 * e**2, np.abs(e) - 0.5).mean(axis=-1)
np.testing.assert_allclose(kerasedu_loss(losses.mse, y_true, y_pred),
                           (e**2).mean(axis=-1))
np.testing.assert_allclose(kerasedu_loss(losses.mae, y_true, y_pred),
                           np.abs(e).mean(axis=-1))
np.testing.assert_allclose(kerasedu_loss(losses.huber, y_true, y_pred), huber)
print("mse", (e**2).mean(axis=-1), " mae", np.abs(e).mean(axis=-1), " huber", huber)
"""),
    code("""
labels = np.array([[0, 0, 1], [0, 1, 0]], dtype="float64")
logits = np.array([[1.0, 2.0, 3.0], [2.0, 0.5, -1.0]])
probs = np.exp(logits) / np.exp(logits).sum(axis=-1, keepdims=True)
cross_entropy = -(labels * np.log(probs)).sum(axis=-1)
for out, kwargs in ((probs, {}), (logits, {"from_logits": True})):
    np.testing.assert_allclose(
        kerasedu_loss(losses.categorical_crossentropy, labels, out, **kwargs),
        cross_entropy, rtol=1e-6)
np.testing.assert_allclose(
    kerasedu_loss(losses.sparse_categorical_crossentropy, np.array([2, 1]), probs),
    cross_entropy, rtol=1e-6)

t, z = np.array([[1.0, 0.0, 1.0]]), np.array([[2.0, -1.0, -0.5]])   # «labels, logits|标签、logits»
p = 1 / (1 + np.exp(-z))
bce = -(t * np.log(p) + (1 - t) * np.log(1 - p)).mean(axis=-1)
np.testing.assert_allclose(kerasedu_loss(losses.binary_crossentropy, t, p), bce,
                           rtol=1e-6)
np.testing.assert_allclose(
    kerasedu_loss(losses.binary_crossentropy, t, z, from_logits=True), bce, rtol=1e-6)
print("«categorical|多分类»", cross_entropy, " «binary|二分类»", bce)
"""),
    code("""
signs = 2 * t - 1                  # «0/1 labels become -1/+1|0/1 标签变成 -1/+1»
np.testing.assert_allclose(kerasedu_loss(losses.hinge, t, z),
                           np.maximum(1 - signs * z, 0).mean(axis=-1))

q_true, q_pred = np.array([[0.7, 0.2, 0.1]]), np.array([[0.5, 0.3, 0.2]])
np.testing.assert_allclose(kerasedu_loss(losses.kl_divergence, q_true, q_pred),
                           (q_true * np.log(q_true / q_pred)).sum(axis=-1))

counts, rate = np.array([[0.0, 2.0, 5.0]]), np.array([[0.5, 2.5, 4.0]])
np.testing.assert_allclose(kerasedu_loss(losses.poisson, counts, rate),
                           (rate - counts * np.log(rate + 1e-7)).mean(axis=-1))

a, b = np.array([[1.0, 2.0, 2.0]]), np.array([[2.0, 4.0, 4.0]])
cosine = (a * b).sum() / (np.linalg.norm(a) * np.linalg.norm(b))
np.testing.assert_allclose(kerasedu_loss(losses.cosine_similarity, a, b), [-cosine])
print("«cosine loss of two parallel vectors|两个平行向量的余弦损失»:",
      kerasedu_loss(losses.cosine_similarity, a, b))
"""),
    md(
        r"""
mse, mae and huber differ in how they punish an error $e$: mse grows as $e^2$ (an outlier ten times further
counts a hundred times more, and its gradient $2e$ is large), mae grows as $|e|$ (every error pulls with the same
force, $\pm 1$), huber is $\tfrac12 e^2$ up to $|e| = \delta$ (1 by default) and linear beyond.
""",
        r"""
mse、mae 和 huber 的区别在于怎样惩罚误差 $e$：mse 按 $e^2$ 增长（远十倍的离群点会被算重一百倍，梯度 $2e$ 也很大）；
mae 按 $|e|$ 增长（每个误差的拉力都一样大，都是 $\pm 1$）；huber 在 $|e| \le \delta$（默认为 1）时是 $\tfrac12 e^2$，超过后变成线性。
""",
    ),
    code("""
errors = np.linspace(-3, 3, 121)
zeros = np.zeros((121, 1))
for fn, name in ((losses.mse, "mse"), (losses.mae, "mae"), (losses.huber, "huber")):
    plt.plot(errors, kerasedu_loss(fn, zeros, errors[:, None]), label=name)
plt.xlabel("«error y_pred - y_true|误差 y_pred - y_true»"); plt.ylabel("«loss|损失»")
plt.ylim(0, 5); plt.legend(); plt.show()
big = kerasedu_loss(losses.huber, np.zeros((1, 1)), np.array([[3.0]]))[0]
assert np.isclose(big, 3 - 0.5)   # «linear beyond delta = 1|超过 delta = 1 后是线性的»
"""),
    md(
        r"""
## 5. Initializers

### All zeros: every hidden unit stays identical

If every weight starts at 0, all hidden units compute the same output and receive the same gradient, so they
stay equal after every update: the layer of 16 units works like a layer of 1. We train a small model whose
two kernels start at zero (sigmoid hidden layer) and check that the 16 columns of the hidden kernel have moved
but are still all the same.
""",
        r"""
## 5. 初始化

### 全零初始化：所有隐藏单元永远一模一样

如果所有权重都从 0 开始，那么所有隐藏单元的输出相同，得到的梯度也相同，于是每次更新之后它们仍然相等：
16 个单元的层只抵得上 1 个单元。我们训练一个小模型，它的两个权重矩阵（kernel）都从零开始（隐藏层用 sigmoid），
检查隐藏层 kernel 的 16 列确实变了，但仍然完全相同。
""",
    ),
    code(
        """
kerasedu.utils.set_random_seed(0)
zero_model = Sequential([
    Input((784,)),
    Dense(16, activation="sigmoid", kernel_initializer="zeros"),
    Dense(10, activation="softmax", kernel_initializer="zeros"),
])
zero_model.compile(optimizer="adam", loss="categorical_crossentropy",
                   metrics=["accuracy"])
zero_history = zero_model.fit(x_small, y_small, epochs=3, verbose=0).history
hidden_kernel = zero_model.layers[0].get_weights()[0]          # «shape (784, 16)|形状 (784, 16)»
spread_across_units = np.abs(hidden_kernel - hidden_kernel[:, :1]).max()
print("«largest change of a weight from 0:|权重离开 0 的最大幅度：»", np.abs(hidden_kernel).max())
print("«largest difference between two hidden units:|两个隐藏单元之间的最大差别：»",
      spread_across_units)
assert np.abs(hidden_kernel).max() > 1e-3    # «they did learn...|它们确实学了……»
assert spread_across_units < 1e-6            # «...all the same thing|……但学的是同一个东西»
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        r"""
Random initial weights break this symmetry. But their *scale* matters too.

### Too small, Glorot, He: the spread of activations through depth

Push 500 random inputs through a stack of 10 `Dense(256)` layers and measure the standard deviation of the
activations after each layer. With weights drawn with std 0.01, each layer multiplies the spread by about
$0.01 \cdot \sqrt{256} = 0.16$: after 10 layers nothing is left, and neither is any gradient. **Glorot**
(`glorot_uniform` is Keras's default, variance $2/(\text{fan}_{in} + \text{fan}_{out})$) keeps the spread for
tanh within a factor of three over 10 layers (tanh squashes a little at each layer); **He** (`he_normal`,
variance $2/\text{fan}_{in}$) keeps it for ReLU, which zeroes half its inputs. Glorot with ReLU loses half the
variance at each layer.
""",
        r"""
随机的初始权重可以打破这种对称。但权重的**尺度**同样要紧。

### 太小、Glorot、He：激活值的分布随深度如何变化

让 500 个随机输入穿过 10 层 `Dense(256)`，测量每一层之后激活值的标准差。如果权重按标准差 0.01 抽取，
每一层都会把分布的宽度乘上约 $0.01 \cdot \sqrt{256} = 0.16$：10 层之后什么都不剩了，梯度也一样。
**Glorot**（Keras 的默认值是 `glorot_uniform`，方差为 $2/(\text{fan}_{in} + \text{fan}_{out})$）在 tanh 下，
10 层之后宽度只缩小到三分之一左右（tanh 每层都会稍微压缩一点）；**He**（`he_normal`，方差为 $2/\text{fan}_{in}$）
在 ReLU 下能保持宽度，因为它补偿了 ReLU 置零的那一半输入。而 Glorot 配 ReLU，每一层方差都会减半。
""",
    ),
    code(
        """
from kerasedu.initializers import GlorotNormal, HeNormal, RandomNormal


def spread_by_depth(initializer, activation, depth=10, width=256, seed=0):
    \"\"\"«Std of the activations after each of `depth` Dense layers|每一层 Dense 之后激活值的标准差»\"\"\"
    h = np.random.default_rng(seed).normal(size=(500, width)).astype("float32")
    stds = []
    for _ in range(depth):
        layer = Dense(width, activation=activation, kernel_initializer=initializer)
        h = layer(h).numpy()
        stds.append(float(h.std()))
    return stds


kerasedu.utils.set_random_seed(0)
spreads = {
    "«normal, std 0.01|正态，标准差 0.01» + tanh": spread_by_depth(RandomNormal(stddev=0.01), "tanh"),
    "Glorot + tanh": spread_by_depth(GlorotNormal(), "tanh"),
    "He + relu": spread_by_depth(HeNormal(), "relu"),
    "Glorot + relu": spread_by_depth(GlorotNormal(), "relu"),
}
for name, stds in spreads.items():
    plt.semilogy(range(1, 11), stds, "o-", label=name)
plt.xlabel("«layer|层»"); plt.ylabel("«std of the activations|激活值的标准差»")
plt.legend(); plt.show()
for name, stds in spreads.items():
    print(f"{name:28s} «layer 1|第 1 层»: {stds[0]:.4f}   «layer 10|第 10 层»: {stds[-1]:.3g}")
""",
        tags=["nbval-ignore-output"],
    ),
    code("""
small, glorot_tanh, he_relu, glorot_relu = spreads.values()
assert small[-1] < 1e-6                       # «collapsed|塌缩了»
assert glorot_tanh[-1] > 0.1                  # «shrinks slowly|缩小得很慢»
assert 0.5 < he_relu[-1] < 2.0
assert glorot_relu[-1] < he_relu[-1] / 10     # «halved variance per ReLU layer|每层 ReLU 方差减半»
"""),
    md(
        r"""
## 6. Metrics: what accuracy counts

A metric is reported, not minimised. The accuracy family compares predictions with labels in different ways:

- `binary_accuracy`: one 0/1 match per output, with `y_pred > 0.5` (strictly) as the prediction;
- `categorical_accuracy`: one-hot labels, is the arg-max of `y_pred` the labelled class?
- `sparse_categorical_accuracy`: the same with integer labels;
- `top_k_categorical_accuracy` (`k=5` by default): is the labelled class among the `k` highest scores?

`metrics=["accuracy"]` in `compile` picks the right one from the loss. Four hand-made samples:
""",
        r"""
## 6. 评估指标：准确率数的是什么

评估指标只用来报告，不参与最小化。准确率家族用不同方式比较预测和标签：

- `binary_accuracy`：每个输出一个 0/1 的匹配结果，预测值取 `y_pred > 0.5`（严格大于）；
- `categorical_accuracy`：one-hot 标签，`y_pred` 的最大值位置是否就是标注的类别？
- `sparse_categorical_accuracy`：同上，只是标签是整数；
- `top_k_categorical_accuracy`（默认 `k=5`）：标注的类别是否在得分最高的 `k` 个之中？

`compile` 中的 `metrics=["accuracy"]` 会根据损失函数自动选出合适的那一个。来看四个手工构造的样本：
""",
    ),
    code("""
scores = np.array([[0.1, 0.6, 0.3],     # «label 1: right|标签 1：对»
                   [0.5, 0.2, 0.3],     # «label 2: second best|标签 2：排第二»
                   [0.2, 0.3, 0.5],     # «label 2: right|标签 2：对»
                   [0.7, 0.2, 0.1]])    # «label 1: second best|标签 1：排第二»
labels_int = np.array([1, 2, 2, 1])
labels_hot = to_categorical(labels_int, 3)

print("categorical:", metrics.categorical_accuracy(labels_hot, scores))
print("sparse:     ", metrics.sparse_categorical_accuracy(labels_int, scores))
print("top-2:      ", metrics.top_k_categorical_accuracy(labels_hot, scores, k=2))
top_k = metrics.top_k_categorical_accuracy
assert np.array_equal(metrics.categorical_accuracy(labels_hot, scores), [1, 0, 1, 0])
assert np.array_equal(metrics.sparse_categorical_accuracy(labels_int, scores),
                      [1, 0, 1, 0])
assert np.array_equal(top_k(labels_hot, scores, k=2), [1, 1, 1, 1])
assert np.array_equal(top_k(labels_hot, scores, k=1), [1, 0, 1, 0])

top2 = metrics.SparseTopKCategoricalAccuracy(k=2)   # «the class form averages|类形式会取平均»
top2.update_state(labels_int, scores)
assert float(top2.result()) == 1.0
"""),
    code("""
is_cat = np.array([[1.0], [0.0], [1.0], [0.0]])
p_cat = np.array([[0.9], [0.5], [0.51], [0.7]])   # «0.5 is not > 0.5: predicted 0|0.5 不大于 0.5：预测为 0»
matches = metrics.binary_accuracy(is_cat, p_cat)
print("binary:", matches.ravel())
assert np.array_equal(matches.ravel(), [1, 1, 1, 0])
binary = metrics.BinaryAccuracy()
binary.update_state(is_cat, p_cat)
assert float(binary.result()) == 0.75
"""),
    md(
        r"""
## Summary

- An optimizer is an update rule: SGD ($w - \eta g$), momentum and Nesterov (a velocity), Adagrad/RMSprop/
  Adadelta (a per-weight scale from past squared gradients), Adam/Adamax/Nadam (both). Keras's details matter:
  Adagrad's accumulator starts at 0.1, RMSprop's $\epsilon$ is inside the root and Adam's outside, Nadam has a
  momentum schedule; Keras 3's default rate is 0.001 except SGD's 0.01.
- On an ill-conditioned problem plain SGD crawls; momentum and the adaptive methods do not. Adam or RMSprop at
  their defaults are safe first choices.
- Pick the loss from the task (table in section 4); prefer `from_logits=True` with a linear last layer.
- Initial weights must be random (zeros keep units identical) and well scaled: Glorot for tanh/sigmoid, He for
  ReLU; too small and the signal dies within a few layers.
- The accuracy metrics count arg-max matches (categorical, sparse), thresholded matches (binary) or
  membership in the top k.

## Exercises

Four exercises, from easy to hard. In each answer cell, replace `raise NotImplementedError()` with your code,
run the cell, then run the check cell below it.

### Exercise 1 · Huber loss

Write `huber(y_true, y_pred, delta=1.0)` in NumPy: for each element, the error $e = y_{pred} - y_{true}$ costs
$\tfrac12 e^2$ where $|e| \le \delta$ and $\delta |e| - \tfrac12 \delta^2$ elsewhere; return the mean over the
last axis (one value per sample), as `losses.huber` does.
""",
        r"""
## 小结

- 优化器就是一条更新公式：SGD（$w - \eta g$）、动量与 Nesterov（引入速度）、Adagrad/RMSprop/Adadelta（由过去的梯度平方
  得到每个权重自己的缩放）、Adam/Adamax/Nadam（两者兼有）。Keras 的细节很要紧：Adagrad 的累加器从 0.1 开始，
  RMSprop 的 $\epsilon$ 在根号里而 Adam 的在根号外，Nadam 有动量时间表；Keras 3 中除 SGD 为 0.01 外，默认学习率都是 0.001。
- 在病态问题上，普通 SGD 走得很慢；动量和自适应方法则不会。默认参数下的 Adam 或 RMSprop 是稳妥的首选。
- 根据任务选择损失函数（见第 4 节的表）；最后一层不加激活、配合 `from_logits=True` 更好。
- 初始权重必须随机（全零会让各单元永远相同），尺度也要合适：tanh/sigmoid 用 Glorot，ReLU 用 He；
  太小的话，信号几层之内就消失了。
- 准确率指标数的是：最大值位置是否匹配（categorical、sparse）、按阈值判定后是否匹配（binary），或者是否落在前 k 名之中。

## 练习

下面有四道练习，由易到难。在每个答案单元格里，把 `raise NotImplementedError()` 换成你的代码并运行，
再运行它下面的检查单元格。

### 练习 1 · Huber 损失

用 NumPy 写 `huber(y_true, y_pred, delta=1.0)`：对每个元素，误差 $e = y_{pred} - y_{true}$ 在 $|e| \le \delta$ 时代价为
$\tfrac12 e^2$，否则为 $\delta |e| - \tfrac12 \delta^2$；像 `losses.huber` 一样，沿最后一个轴取平均（每个样本一个值）后返回。
""",
    ),
    solution(
        """
def huber(y_true, y_pred, delta=1.0):
    \"\"\"«Huber loss per sample|每个样本的 Huber 损失»: (N, D) -> (N,).\"\"\"
    ### BEGIN SOLUTION
    e = np.abs(np.asarray(y_pred) - np.asarray(y_true))
    return np.where(e <= delta, 0.5 * e**2, delta * e - 0.5 * delta**2).mean(axis=-1)
    ### END SOLUTION
""",
        "l08-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson08

lesson08.check_huber(huber, lang="«en|zh»")
""",
        "l08-ex1-check",
    ),
    md(
        r"""
### Exercise 2 · Top-k accuracy

Write `top_k_accuracy(labels, scores, k)`: `labels` are integer classes of shape `(N,)`, `scores` of shape
`(N, C)`; return the fraction of samples (a float) whose labelled class is among the `k` highest scores.
(`np.argsort` sorts in increasing order.)
""",
        r"""
### 练习 2 · Top-k 准确率

写 `top_k_accuracy(labels, scores, k)`：`labels` 是形状为 `(N,)` 的整数类别，`scores` 的形状为 `(N, C)`；
返回标注类别落在得分最高的 `k` 个之中的样本所占的比例（一个浮点数）。（`np.argsort` 按从小到大排序。）
""",
    ),
    solution(
        """
def top_k_accuracy(labels, scores, k):
    \"\"\"«Fraction of samples whose label is among the k best scores.|标签落在前 k 名中的样本比例。»\"\"\"
    ### BEGIN SOLUTION
    best = np.argsort(scores, axis=-1)[:, -k:]        # «the k highest, per row|每行最高的 k 个»
    return float((best == np.asarray(labels)[:, None]).any(axis=-1).mean())
    ### END SOLUTION
""",
        "l08-ex2",
    ),
    check(
        """
lesson08.check_top_k_accuracy(top_k_accuracy, lang="«en|zh»")
""",
        "l08-ex2-check",
    ),
    md(
        r"""
### Exercise 3 · An initializer for a deep ReLU stack

`deep_relu_initializer()` must return the name of a kerasedu initializer (such as `"random_normal"`) that keeps
the activations of a stack of 10 `Dense(256, activation="relu")` layers spread out: the check builds the stack
with your initializer and asks that the std after layer 10 stays between 0.3 and 3 for inputs of std 1.
""",
        r"""
### 练习 3 · 为深层 ReLU 网络选初始化

`deep_relu_initializer()` 要返回一个 kerasedu 初始化器的名字（比如 `"random_normal"`），使 10 层
`Dense(256, activation="relu")` 叠起来之后，激活值依然保持展开：检查程序会用你的初始化器搭出这个网络，
输入的标准差为 1，要求第 10 层之后的标准差在 0.3 到 3 之间。
""",
    ),
    solution(
        """
def deep_relu_initializer():
    \"\"\"«The name of an initializer for 10 ReLU layers.|适合 10 层 ReLU 的初始化器名字。»\"\"\"
    ### BEGIN SOLUTION
    return "he_normal"  # «variance 2 / fan_in: ReLU zeroes half|方差 2 / fan_in：ReLU 会置零一半»
    ### END SOLUTION
""",
        "l08-ex3",
    ),
    check(
        """
lesson08.check_deep_relu_initializer(deep_relu_initializer, lang="«en|zh»")
""",
        "l08-ex3-check",
        tags=["nbval-ignore-output"],
    ),
    md(
        r"""
### Exercise 4 · AMSGrad

`Adam(amsgrad=True)` keeps the running maximum of $v$ and divides by it instead, so a weight's step size can
never grow again once its gradients have been large: $\hat v \leftarrow \max(\hat v, v)$,
$w \leftarrow w - \eta_t\, m / (\sqrt{\hat v} + \epsilon)$, everything else as in Adam above. Write one step:
`amsgrad_step(w, g, m, v, v_max, t, lr=0.001)` returns the new `(w, m, v, v_max)` ($t$ starts at 1;
$\beta_1 = 0.9$, $\beta_2 = 0.999$, $\epsilon = 10^{-7}$). The check runs it for several steps next to
kerasedu's `Adam(amsgrad=True)`.
""",
        r"""
### 练习 4 · AMSGrad

`Adam(amsgrad=True)` 会记住 $v$ 的历史最大值并改用它做除数，这样一个权重一旦遇到过大梯度，它的步长就再也不会变大：
$\hat v \leftarrow \max(\hat v, v)$，$w \leftarrow w - \eta_t\, m / (\sqrt{\hat v} + \epsilon)$，其余都与上面的 Adam 相同。
请写出一步：`amsgrad_step(w, g, m, v, v_max, t, lr=0.001)` 返回新的 `(w, m, v, v_max)`
（$t$ 从 1 开始；$\beta_1 = 0.9$，$\beta_2 = 0.999$，$\epsilon = 10^{-7}$）。检查程序会把它与 kerasedu 的
`Adam(amsgrad=True)` 并排运行若干步。
""",
    ),
    solution(
        """
def amsgrad_step(w, g, m, v, v_max, t, lr=0.001):
    \"\"\"«One AMSGrad step; returns (w, m, v, v_max).|AMSGrad 的一步；返回 (w, m, v, v_max)。»\"\"\"
    b1, b2, eps = 0.9, 0.999, 1e-7
    ### BEGIN SOLUTION
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * g**2
    v_max = np.maximum(v_max, v)
    lr_t = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
    return w - lr_t * m / (np.sqrt(v_max) + eps), m, v, v_max
    ### END SOLUTION
""",
        "l08-ex4",
    ),
    check(
        """
lesson08.check_amsgrad_step(amsgrad_step, lang="«en|zh»")
""",
        "l08-ex4-check",
    ),
]
