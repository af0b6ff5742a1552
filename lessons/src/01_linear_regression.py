"""Lesson 01: linear regression with one Dense unit (bilingual source)."""

from make_notebooks import code, md

CELLS = [
    md(
        """
# 01 Linear regression

**Goal.** Fit a straight line to noisy points with the smallest possible network: one `Dense` unit.
On the way you meet the whole training loop by hand — a loss, an optimizer, `train_on_batch`,
`evaluate` and `get_weights` — and you find out why plain gradient descent has not finished its job
after a few hundred steps.

The data come from the line $y = 0.5x + 2$ plus a little Gaussian noise. A `Dense(1)` layer computes
$\\hat y = Wx + b$, so training should recover $W \\approx 0.5$ and $b \\approx 2$.
""",
        """
# 01 线性回归

**本课目标**：用最小的网络——一个 `Dense` 神经元——拟合一条带噪声的直线。借这个例子，我们会亲手走一遍完整的训练流程：
损失函数、优化器、`train_on_batch`、`evaluate` 和 `get_weights`，并弄清楚为什么普通的梯度下降跑了几百步之后，
结果还没有真正到位。

数据来自直线 $y = 0.5x + 2$，再加上一点高斯噪声。`Dense(1)` 层计算的正是 $\\hat y = Wx + b$，
所以训练的目标就是把 $W \\approx 0.5$、$b \\approx 2$ 找回来。
""",
    ),
    code(
        """
import numpy as np
import matplotlib.pyplot as plt

import kerasedu
from kerasedu.models import Sequential
from kerasedu.layers import Dense
from kerasedu.utils.fonts import use_chinese_font

use_chinese_font()  # «lets plots show Chinese labels (harmless in English)|让图中的中文正常显示»
print(kerasedu.__version__)
"""
    ),
    md(
        """
## 1. The data

We draw 200 values of $x$ evenly from $[-1, 1]$, shuffle them, and compute
$y = 0.5x + 2 + \\varepsilon$ with noise $\\varepsilon \\sim \\mathcal N(0, 0.05^2)$.
Because the points are shuffled, the first 160 make a fair training set and the last 40 a test set.
Keras layers expect a batch of samples, each a vector, so `x` becomes a column of shape `(200, 1)`.
""",
        """
## 1. 准备数据

在区间 $[-1, 1]$ 上均匀取 200 个 $x$，打乱顺序，再按 $y = 0.5x + 2 + \\varepsilon$ 计算 $y$，
其中噪声 $\\varepsilon \\sim \\mathcal N(0, 0.05^2)$。因为已经打乱过，前 160 个点可以直接作为训练集（training set），
后 40 个点作为测试集（test set）。Keras 的层接收的是“一批样本”，每个样本是一个向量，
所以要把 `x` 变成形状为 `(200, 1)` 的列向量。
""",
    ),
    code(
        """
np.random.seed(1337)
X = np.linspace(-1, 1, 200)
np.random.shuffle(X)
Y = 0.5 * X + 2 + np.random.normal(0, 0.05, (200,))
X = X.reshape(-1, 1).astype("float32")
Y = Y.reshape(-1, 1).astype("float32")

X_train, Y_train = X[:160], Y[:160]  # «first 160 points for training|前 160 个点用于训练»
X_test, Y_test = X[160:], Y[160:]  # «last 40 points for testing|后 40 个点用于测试»
print(X_train.shape, X_test.shape)

plt.figure(figsize=(6, 4))
plt.scatter(X_train, Y_train, s=12, label="«train|训练集»")
plt.scatter(X_test, Y_test, s=12, label="«test|测试集»")
plt.xlabel("x")
plt.ylabel("y")
plt.title("«Noisy points on y = 0.5x + 2|y = 0.5x + 2 附近的带噪声数据»")
plt.legend()
plt.show()
"""
    ),
    md(
        """
## 2. The model: one neuron

`Sequential` stacks layers; here there is only one. `Dense(1, input_dim=1)` has one weight $W$ and
one bias $b$ (`input_dim=1` is the classic spelling of `Input(shape=(1,))`: each sample is one number).

`compile` chooses what to minimise and how:
- **loss** `"mse"`, the mean squared error $\\frac1N\\sum_i(\\hat y_i - y_i)^2$;
- **optimizer** `"sgd"`, stochastic gradient descent, $\\theta \\leftarrow \\theta - \\eta\\,\\partial L/\\partial\\theta$,
  with its default learning rate $\\eta = 0.01$.

We fix the random seed first so the initial weights — and therefore every number below — are the same
on every run.
""",
        """
## 2. 模型：只有一个神经元

`Sequential` 把若干层按顺序叠起来，这里只有一层。`Dense(1, input_dim=1)` 只有一个权重（weight）$W$
和一个偏置（bias）$b$。`input_dim=1` 是经典写法，等价于 `Input(shape=(1,))`：每个样本只是一个数。

`compile` 决定“最小化什么”和“怎么最小化”：
- **损失函数（loss function）** 取 `"mse"`，即均方误差（mean squared error）$\\frac1N\\sum_i(\\hat y_i - y_i)^2$；
- **优化器（optimizer）** 取 `"sgd"`，即随机梯度下降（stochastic gradient descent），
  更新规则是 $\\theta \\leftarrow \\theta - \\eta\\,\\partial L/\\partial\\theta$，默认学习率（learning rate）$\\eta = 0.01$。

先固定随机种子（random seed），这样初始权重以及后面所有的数字每次运行都一样。
""",
    ),
    code(
        """
kerasedu.utils.set_random_seed(1)
model = Sequential([Dense(1, input_dim=1)])
model.compile(loss="mse", optimizer="sgd")

W0, b0 = model.layers[0].get_weights()
print(f"«initial W: |初始 W：»{W0[0, 0]:.4f}   «initial b: |初始 b：»{b0[0]:.4f}")
"""
    ),
    md(
        """
## 3. Training step by step with `train_on_batch`

`fit` hides the loop; here we write it ourselves. Each call of `train_on_batch` takes the whole
training set as one batch, computes the loss, its gradients, and applies one SGD update. It returns
the loss measured *before* that update. We run 301 steps and print the cost every 100 steps.
""",
        """
## 3. 用 `train_on_batch` 一步一步地训练

`fit` 把训练循环藏了起来，这里我们自己写循环。每调用一次 `train_on_batch`，就把整个训练集当作一个批次（batch），
计算损失和梯度，并做一次 SGD 更新；它返回的是这次更新 *之前* 的损失。一共训练 301 步，每 100 步打印一次代价（cost）。
""",
    ),
    code(
        """
costs = []
for step in range(301):
    cost = model.train_on_batch(X_train, Y_train)
    costs.append(cost)
    if step % 100 == 0:
        print(f"«step|第» {step}«, train cost: | 步，训练代价：»{cost:.4f}")
"""
    ),
    md(
        """
## 4. Testing and reading the weights

`evaluate` computes the loss on data the model never trained on. Then `get_weights()` returns the
layer's parameters as NumPy arrays: the kernel $W$ (shape `(1, 1)`) and the bias $b$ (shape `(1,)`).
""",
        """
## 4. 测试，并读出权重

`evaluate` 在模型从未见过的数据上计算损失。然后用 `get_weights()` 以 NumPy 数组的形式取出这一层的参数：
核（kernel）$W$，形状 `(1, 1)`；偏置 $b$，形状 `(1,)`。
""",
    ),
    code(
        """
test_cost = model.evaluate(X_test, Y_test, batch_size=40, verbose=0)
print(f"«test cost: |测试代价：»{test_cost:.4f}")

W, b = model.layers[0].get_weights()
print(f"W = {W[0, 0]:.3f}   b = {b[0]:.3f}")
"""
    ),
    md(
        """
The bias is already very close to 2, but $W$ is clearly short of 0.5. The fitted line shows it:
it passes through the middle of the cloud but is a little too flat. (A published run of this setup
reports a test cost of about 0.0031; the figure depends on the random initial $W$ — the farther it
starts from 0.5, the more of the gap is left after 301 steps, as the next section explains.)
""",
        """
偏置已经非常接近 2，可 $W$ 离 0.5 还差一截。把拟合出的直线画出来就看得很清楚：
它穿过了点云的中心，但斜率偏小，显得有点“平”。（同样设置的一次公开运行结果，测试代价约为 0.0031；
这个数取决于随机的初始 $W$：初值离 0.5 越远，301 步后剩下的差距就越大，下一节会解释原因。）
""",
    ),
    code(
        """
Y_pred = model.predict(X_test, verbose=0)

plt.figure(figsize=(6, 4))
plt.scatter(X_test, Y_test, s=12, label="«test data|测试数据»")
order = np.argsort(X_test[:, 0])
plt.plot(X_test[order, 0], Y_pred[order, 0], "r-", label="«fitted line (301 steps)|拟合直线（301 步）»")
plt.plot([-1, 1], [1.5, 2.5], "k--", lw=1, label="«true line y = 0.5x + 2|真实直线 y = 0.5x + 2»")
plt.xlabel("x")
plt.ylabel("y")
plt.legend()
plt.show()
"""
    ),
    md(
        """
## 5. Why is W still far from 0.5?

Write the loss for one weight at a time. With $e_i = Wx_i + b - y_i$,

$$\\frac{\\partial L}{\\partial b} = \\frac{2}{N}\\sum_i e_i, \\qquad
  \\frac{\\partial L}{\\partial W} = \\frac{2}{N}\\sum_i e_i\\,x_i .$$

The gradient for $W$ is weighted by $x_i$. Near the answer, the distance of $W$ from its target
shrinks by the factor $(1 - 2\\eta\\,\\overline{x^2})$ per step, and the distance of $b$ by $(1 - 2\\eta)$.
Our $x$ is spread evenly over $[-1, 1]$, so $\\overline{x^2} \\approx 1/3$: with $\\eta = 0.01$,
$b$'s error shrinks by 2% per step but $W$'s only by about 0.67%. After 301 steps
$0.98^{301} \\approx 0.002$ of $b$'s initial error remains, but about $0.9933^{301} \\approx 0.13$,
i.e. 13%, of $W$'s. So $W$ has covered only 87% of the way from its random start.

One more detail: the end point is not exactly 0.5 either. With noisy data the best line is the
**least-squares** fit of the 160 training points, which NumPy computes directly with `np.polyfit`;
gradient descent converges to it. Let us check the prediction against the weights the model
actually learned.
""",
        """
## 5. 为什么 W 离 0.5 还差得远？

把两个参数的梯度分别写出来。记 $e_i = Wx_i + b - y_i$，则

$$\\frac{\\partial L}{\\partial b} = \\frac{2}{N}\\sum_i e_i, \\qquad
  \\frac{\\partial L}{\\partial W} = \\frac{2}{N}\\sum_i e_i\\,x_i .$$

$W$ 的梯度多乘了一个 $x_i$。在最优解附近，$W$ 与目标的差距每一步乘以 $(1 - 2\\eta\\,\\overline{x^2})$，
而 $b$ 的差距每一步乘以 $(1 - 2\\eta)$。我们的 $x$ 均匀分布在 $[-1, 1]$ 上，$\\overline{x^2} \\approx 1/3$。
取 $\\eta = 0.01$ 时，$b$ 的误差每步缩小 2%，$W$ 的误差每步只缩小约 0.67%。301 步以后，
$b$ 的初始误差只剩 $0.98^{301} \\approx 0.002$，而 $W$ 还剩约 $0.9933^{301} \\approx 0.13$，也就是 13%。
换句话说，$W$ 从随机初值出发，只走完了 87% 的路。

还有一个细节：终点也不恰好是 0.5。数据带有噪声，最好的直线是这 160 个训练点的 **最小二乘**（least squares）拟合，
NumPy 的 `np.polyfit` 可以直接算出来；梯度下降最终收敛到的正是它。下面用模型实际学到的权重来验证这个推算。
""",
    ),
    code(
        """
W_best, b_best = np.polyfit(X_train[:, 0], Y_train[:, 0], deg=1)  # «least-squares line|最小二乘直线»
print(f"«least-squares fit: |最小二乘拟合：»W = {W_best:.3f}   b = {b_best:.3f}")

lr = 0.01
mean_x2 = np.mean(X_train**2)
shrink = (1 - 2 * lr * mean_x2) ** 301  # «fraction of W's gap left after 301 steps|301 步后 W 剩余差距的比例»
W_predicted = W_best + (W0[0, 0] - W_best) * shrink
print(f"«mean of x^2: |x^2 的均值：»{mean_x2:.3f}")
print(f"«share of W's gap left after 301 steps: |301 步后 W 剩余的差距比例：»{shrink:.3f}")
print(f"«predicted W: |推算的 W：»{W_predicted:.3f}   «learned W: |学到的 W：»{W[0, 0]:.3f}")
"""
    ),
    md(
        """
The prediction matches the learned weight closely (the small difference comes from $b$ not being
at its target during the first steps, which slightly couples the two). Two ways close the gap:
**more steps** at the same rate, or **a larger learning rate**. Both are tried below on a fresh model
with the same initial weights.
""",
        """
推算值与实际学到的权重非常接近（细小的差别来自训练初期 $b$ 还没到位，两个参数之间有一点相互影响）。
要补上这段差距有两种办法：**多训练几步**，或者 **加大学习率**。下面用同样的初始权重各试一次。
""",
    ),
    code(
        """
from kerasedu import optimizers


def train_line(learning_rate, steps):
    kerasedu.utils.set_random_seed(1)  # «same initial weights as above|与上面相同的初始权重»
    m = Sequential([Dense(1, input_dim=1)])
    m.compile(loss="mse", optimizer=optimizers.SGD(learning_rate=learning_rate))
    for _ in range(steps):
        m.train_on_batch(X_train, Y_train)
    return m


longer = train_line(learning_rate=0.01, steps=1500)
faster = train_line(learning_rate=0.1, steps=301)
for label, m in [("«lr 0.01, 1500 steps|学习率 0.01，1500 步»", longer), ("«lr 0.1, 301 steps|学习率 0.1，301 步»", faster)]:
    w_m, b_m = m.layers[0].get_weights()
    cost_m = m.evaluate(X_test, Y_test, batch_size=40, verbose=0)
    print(f"{label}: W = {w_m[0, 0]:.3f}   b = {b_m[0]:.3f}   «test cost|测试代价» = {cost_m:.4f}")
"""
    ),
    md(
        """
Both reach the least-squares line, and the test cost drops to about 0.003, close to $0.05^2 = 0.0025$,
the variance of the noise. No straight line can do much better than that, because the noise is
unpredictable.

A larger learning rate is not always better. Each step multiplies an error by $(1 - \\eta\\lambda)$,
where $\\lambda$ is the curvature (second derivative) of the loss in that direction: $2\\overline{x^2}$
for $W$, $2$ for $b$. Once $\\eta\\lambda > 2$ that factor is below $-1$ and the error grows at every
step: plain SGD diverges for $\\eta$ above about 1 here. Try it in the exercises.

## 6. Self-check

The cells below prove the claims of this lesson; if a change in the library breaks one of them,
the test suite fails.
""",
        """
两种办法都到达了最小二乘直线，测试代价也降到了 0.003 左右，接近噪声的方差 $0.05^2 = 0.0025$：
噪声本身无法预测，任何直线都不可能比这好多少。

不过学习率也不是越大越好。每一步，误差都乘以 $(1 - \\eta\\lambda)$，其中 $\\lambda$ 是损失函数在该方向上的曲率（二阶导数）：
$W$ 方向是 $2\\overline{x^2}$，$b$ 方向是 $2$。一旦 $\\eta\\lambda > 2$，这个因子就小于 $-1$，误差每一步都在放大：
在这个问题上，学习率超过 1 左右，普通 SGD 就会发散。练习里可以亲自试一试。

## 6. 自我检查

下面的单元格用 `assert` 验证本课的结论；如果库的改动破坏了其中任何一条，测试就会失败。
""",
    ),
    code(
        """
assert costs[300] < costs[0]  # «training lowered the cost|训练降低了代价»
assert test_cost < 0.01  # «301 steps already fit well (published figure: about 0.0031)|301 步已经拟合得不错（公开的参考值约为 0.0031）»
assert abs(float(b[0]) - 2) < 0.02  # «b is close to 2|b 已经接近 2»
assert 0.3 < float(W[0, 0]) < 0.48  # «W is still on its way to 0.5|W 还在向 0.5 靠近的路上»
assert abs(W_predicted - W[0, 0]) < 0.01  # «the (1 - 2*lr*mean(x^2))^steps rule explains it|(1 - 2*lr*mean(x^2))^steps 的规律解释了这一点»
for m in (longer, faster):
    assert abs(m.layers[0].get_weights()[0][0, 0] - W_best) < 0.002  # «converged to least squares|收敛到了最小二乘解»
    assert m.evaluate(X_test, Y_test, batch_size=40, verbose=0) < 0.004
print("«all checks passed|全部检查通过»")
"""
    ),
    md(
        """
## Summary

- A `Dense(1)` layer is the linear model $\\hat y = Wx + b$; `compile(loss="mse", optimizer="sgd")`
  turns it into a regression.
- `train_on_batch` performs one gradient step and returns the loss before it; `evaluate` measures
  the loss on held-out data; `get_weights()` returns the parameters as NumPy arrays.
- Plain gradient descent moves each parameter at a speed set by the curvature of the loss in that
  direction. With $x$ in $[-1, 1]$ the slope learns about three times slower than the bias, so after
  301 steps at $\\eta = 0.01$ it is still around 0.4 rather than 0.5. More steps or a larger (but not too
  large) learning rate close the gap.

## Exercises

1. Change `Y = 0.5 * X + 2` to your own line, e.g. $y = -3x + 1$, and check that training recovers it.
2. Scale the inputs: use $x \\in [-3, 3]$ instead of $[-1, 1]$. Using the formula in section 5,
   predict how many steps $W$ needs at $\\eta = 0.01$, then check. Why does input scaling matter?
3. Find the learning rate at which SGD diverges on this data (the cost grows instead of shrinking).
   Compare it with the estimate $\\eta \\approx 1$ above.
4. The check below asks for a $W$ within 0.001 of the least-squares value. It passes with a learning
   rate of 0.5 and 100 steps. Find the fewest steps that still pass it, with any learning rate you
   like, and explain with the formula of section 5 why that learning rate works so well.
""",
        """
## 小结

- 一个 `Dense(1)` 层就是线性模型 $\\hat y = Wx + b$；`compile(loss="mse", optimizer="sgd")` 把它变成回归（regression）问题。
- `train_on_batch` 做一次梯度更新，并返回更新之前的损失；`evaluate` 在留出的数据上计算损失；
  `get_weights()` 以 NumPy 数组形式返回参数。
- 普通梯度下降中，每个参数的前进速度取决于损失函数在那个方向上的曲率（curvature）。$x$ 落在 $[-1, 1]$ 时，
  斜率 $W$ 的学习速度只有偏置 $b$ 的三分之一左右，所以学习率 0.01 下训练 301 步后，$W$ 大约还停在 0.4 附近，
  而不是 0.5。多训练几步，或者适当（但不过分）加大学习率，就能补上这段差距。

## 练习

1. 把 `Y = 0.5 * X + 2` 换成你自己的直线，比如 $y = -3x + 1$，检查训练能否把它找回来。
2. 缩放输入：让 $x$ 取自 $[-3, 3]$ 而不是 $[-1, 1]$。先用第 5 节的公式推算学习率 0.01 时 $W$ 需要多少步，
   再动手验证。输入的尺度为什么重要？
3. 找出让 SGD 在这组数据上发散（代价越训越大）的学习率，并与上文估计的 $\\eta \\approx 1$ 比较。
4. 下面的检查要求 $W$ 与最小二乘解相差不到 0.001，在学习率 0.5、100 步时可以通过。请自选学习率，找出仍能通过检查的最少步数，
   并用第 5 节的公式解释为什么这个学习率效果这么好。
""",
    ),
    code(
        """
# «Exercise 4: change these two numbers; the assert must still pass.|练习 4：修改这两个数，assert 仍须通过。»
my_learning_rate = 0.5
my_steps = 100

assert my_steps <= 100
mine = train_line(learning_rate=my_learning_rate, steps=my_steps)
my_W = mine.layers[0].get_weights()[0][0, 0]
print(f"«your W: |你的 W：»{my_W:.3f}   «least squares: |最小二乘解：»{W_best:.3f}")
assert abs(my_W - W_best) < 0.001, "«W is not within 0.001 of the least-squares value yet|W 与最小二乘解的差距还不小于 0.001»"
"""
    ),
]
