"""Lesson 01: linear regression with one Dense unit (bilingual source)."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        """
# 01 Linear regression

**Goal.** Fit a straight line to noisy points with the smallest possible network: one `Dense` unit.
On the way you meet the whole training loop by hand — a loss, an optimizer, `train_on_batch`,
`evaluate` and `get_weights` — and you find out why plain gradient descent has not finished its job
after a few hundred steps.

The data come from the line $y = 0.5x + 2$ plus a little Gaussian noise. A `Dense(1)` layer computes
$\\hat y = Wx + b$, so training should recover $W \\approx 0.5$ and $b \\approx 2$. We set the problem
up exactly as a well-known Keras tutorial does, so that we can compare our numbers with its
published ones.
""",
        """
# 01 线性回归

**本课目标**：用最小的网络——一个 `Dense` 神经元——拟合一条带噪声的直线。借这个例子，我们会亲手走一遍完整的训练流程：
损失函数、优化器、`train_on_batch`、`evaluate` 和 `get_weights`，并弄清楚为什么普通的梯度下降跑了几百步之后，
结果还没有真正到位。

数据来自直线 $y = 0.5x + 2$，再加上一点高斯噪声。`Dense(1)` 层计算的正是 $\\hat y = Wx + b$，
所以训练的目标就是把 $W \\approx 0.5$、$b \\approx 2$ 找回来。问题的设置与一篇流传很广的 Keras 教程完全相同，
这样我们就能拿自己的结果和它公布的数字作比较。
""",
    ),
    code(
        """
import numpy as np
import matplotlib.pyplot as plt

import kerasedu
from kerasedu import optimizers
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

As in the tutorial, `x` stays a plain 1-D array of shape `(200,)`. A model wants a batch of samples,
each a vector; for an input of one feature, such as `Dense(1, input_dim=1)`, kerasedu (like Keras)
reads a 1-D array as a column of shape `(N, 1)`, one number per sample.
""",
        """
## 1. 准备数据

在区间 $[-1, 1]$ 上均匀取 200 个 $x$，打乱顺序，再按 $y = 0.5x + 2 + \\varepsilon$ 计算 $y$，
其中噪声 $\\varepsilon \\sim \\mathcal N(0, 0.05^2)$。因为已经打乱过，前 160 个点可以直接作为训练集（training set），
后 40 个点作为测试集（test set）。

和原教程一样，`x` 就是形状为 `(200,)` 的一维数组。模型要的是“一批样本”，每个样本是一个向量；
对只有一个特征的输入（比如 `Dense(1, input_dim=1)`），kerasedu 和 Keras 一样，把一维数组当作形状为 `(N, 1)`
的一列来读：每个样本就是一个数。
""",
    ),
    code(
        """
np.random.seed(1337)
X = np.linspace(-1, 1, 200)
np.random.shuffle(X)
Y = 0.5 * X + 2 + np.random.normal(0, 0.05, (200,))

X_train, Y_train = X[:160], Y[:160]  # «first 160 points for training|前 160 个点用于训练»
X_test, Y_test = X[160:], Y[160:]  # «last 40 points for testing|后 40 个点用于测试»
print(X_train.shape, Y_train.shape, X_test.shape, Y_test.shape)

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
- **loss** `"mse"`, the mean squared error $L = \\frac1N\\sum_i(\\hat y_i - y_i)^2$;
- **optimizer** `"sgd"`, which updates every parameter by
  $\\theta \\leftarrow \\theta - \\eta\\,\\partial L/\\partial\\theta$ with the default learning rate
  $\\eta = 0.01$. Its name, *stochastic* gradient descent, comes from its usual use on small random
  batches (lesson 02). Here every step uses all 160 training points, so nothing is random: this is
  plain, full-batch **gradient descent**.

We fix the random seed first so the initial weights — and therefore every number below — are the same
on every run. Section 6 shows what changes with other seeds.
""",
        """
## 2. 模型：只有一个神经元

`Sequential` 把若干层按顺序叠起来，这里只有一层。`Dense(1, input_dim=1)` 只有一个权重（weight）$W$
和一个偏置（bias）$b$。`input_dim=1` 是经典写法，等价于 `Input(shape=(1,))`：每个样本只是一个数。

`compile` 决定“最小化什么”和“怎么最小化”：
- **损失函数（loss function）** 取 `"mse"`，即均方误差（mean squared error）$L = \\frac1N\\sum_i(\\hat y_i - y_i)^2$；
- **优化器（optimizer）** 取 `"sgd"`，它按 $\\theta \\leftarrow \\theta - \\eta\\,\\partial L/\\partial\\theta$ 更新每个参数，
  默认学习率（learning rate）$\\eta = 0.01$。它的全名叫 *随机* 梯度下降（stochastic gradient descent），
  是因为它通常每次只用随机抽出的一小批数据（第 02 课）。这里每一步都用全部 160 个训练点，没有任何随机成分，
  所以其实就是普通的全批量 **梯度下降**（gradient descent）。

先固定随机种子（random seed），这样初始权重以及后面所有的数字每次运行都一样。换成别的种子会怎样，第 6 节再看。
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
training set as one batch, computes the loss, its gradients, and applies one gradient-descent
update. It returns the loss measured *before* that update. We run 301 steps and print the cost every
100 steps.
""",
        """
## 3. 用 `train_on_batch` 一步一步地训练

`fit` 把训练循环藏了起来，这里我们自己写循环。每调用一次 `train_on_batch`，就把整个训练集当作一个批次（batch），
计算损失和梯度，并做一次梯度下降更新；它返回的是这次更新 *之前* 的损失。一共训练 301 步，每 100 步打印一次代价（cost）。
""",
    ),
    code(
        """
costs = []
for step in range(301):
    cost = model.train_on_batch(X_train, Y_train)
    costs.append(cost)
    if step % 100 == 0:
        print(f"«step|第» {step}«, train cost: | 步，训练代价：»{cost:.6f}")
""",
        tags=["nbval-ignore-output"],
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
print(f"«test cost: |测试代价：»{test_cost:.6f}")

W, b = model.layers[0].get_weights()
print(f"W = {W[0, 0]:.4f}   b = {b[0]:.4f}")
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
The bias is already very close to 2, but $W$ is clearly short of 0.5. The fitted line shows it:
it passes through the middle of the cloud but is too flat. The test cost, about 0.006, is also
twice the tutorial's published 0.0031. Sections 5 and 6 explain both.
""",
        """
偏置已经非常接近 2，可 $W$ 离 0.5 还差一截。把拟合出的直线画出来就看得很清楚：它穿过了点云的中心，但斜率偏小，显得太“平”。
测试代价约为 0.006，也是原教程公布的 0.0031 的两倍左右。第 5、6 两节分别解释这两件事。
""",
    ),
    code(
        """
Y_pred = model.predict(X_test, verbose=0)

plt.figure(figsize=(6, 4))
plt.scatter(X_test, Y_test, s=12, label="«test data|测试数据»")
order = np.argsort(X_test)
fit_label = "«fitted line (301 steps)|拟合直线（301 步）»"
plt.plot(X_test[order], Y_pred[order, 0], "r-", label=fit_label)
true_label = "«true line y = 0.5x + 2|真实直线 y = 0.5x + 2»"
plt.plot([-1, 1], [1.5, 2.5], "k--", lw=1, label=true_label)
plt.xlabel("x")
plt.ylabel("y")
plt.title("«The fitted line is too flat|拟合出的直线斜率偏小»")
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
# «least-squares line of the training points|训练点的最小二乘直线»
W_best, b_best = np.polyfit(X_train, Y_train, deg=1)
print(f"«least-squares fit: |最小二乘拟合：»W = {W_best:.4f}   b = {b_best:.4f}")

lr = 0.01
mean_x2 = np.mean(X_train**2)
shrink = (1 - 2 * lr * mean_x2) ** 301  # «share of W's gap left|W 剩余差距的比例»
W_predicted = W_best + (W0[0, 0] - W_best) * shrink
print(f"«mean of x^2: |x^2 的均值：»{mean_x2:.3f}")
print(f"«share of W's gap left after 301 steps: |301 步后 W 剩余的差距比例：»{shrink:.3f}")
print(f"«predicted W: |推算的 W：»{W_predicted:.3f}   «learned W: |学到的 W：»{W[0, 0]:.3f}")
"""
    ),
    md(
        """
The prediction matches the learned weight closely (the small difference comes from $b$ not being
at its target during the first steps, which slightly couples the two).

## 6. Other seeds, and the published test cost of 0.0031

Where $W$ stops after 301 steps depends on where it started, and the start is random. The function
below trains a fresh model for a given learning rate, number of steps and seed (seed 1 gives the
model above). We train six seeds for 301 steps and print the start $W_0$, the end $W$ and $b$, the
share of $W$'s gap to the least-squares value that is left, and the test cost.
""",
        """
推算值与实际学到的权重非常接近（细小的差别来自训练初期 $b$ 还没到位，两个参数之间有一点相互影响）。

## 6. 换几个种子，再看公布的测试代价 0.0031

301 步之后 $W$ 停在哪里，取决于它从哪里出发，而起点是随机的。下面的函数按给定的学习率、步数和种子训练一个新模型
（种子 1 就是上面那个模型）。我们用六个种子各训练 301 步，打印起点 $W_0$、终点 $W$ 和 $b$、$W$ 到最小二乘解的差距还剩几成，
以及测试代价。
""",
    ),
    code(
        """
def train_line(learning_rate, steps, seed=1):
    kerasedu.utils.set_random_seed(seed)  # «seed 1: the weights used above|种子 1：上面用的权重»
    m = Sequential([Dense(1, input_dim=1)])
    m.compile(loss="mse", optimizer=optimizers.SGD(learning_rate=learning_rate))
    for _ in range(steps):
        m.train_on_batch(X_train, Y_train)
    return m


print("«seed      W0       W       b   gap left  test cost|种子      W0       W       b   剩余差距   测试代价»")
seed_runs = []
for seed in range(1, 7):
    start = train_line(0.01, 0, seed).layers[0].get_weights()[0][0, 0]
    m = train_line(0.01, 301, seed)
    w_m, b_m = m.layers[0].get_weights()
    left = (w_m[0, 0] - W_best) / (start - W_best)
    cost_m = m.evaluate(X_test, Y_test, batch_size=40, verbose=0)
    w_m, b_m = w_m[0, 0], b_m[0]
    seed_runs.append((start, w_m, b_m, left, cost_m))
    print(f"{seed:4d} {start:7.3f} {w_m:7.3f} {b_m:7.3f} {left:8.3f} {cost_m:10.5f}")
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
Whatever the seed, 301 steps leave about 13% of $W$'s gap, as section 5 predicts; the bias $b$
always ends within 0.01 of 2. But the end point of $W$ moves with its random start: from 0.30 to 0.63
over these seeds, and the test cost with it.

How low can the test cost go? Even the true line makes errors, because the noise is unpredictable.
The cell below measures the floor on our 40 test points.
""",
        """
无论种子是多少，301 步之后 $W$ 的差距都还剩约 13%，与第 5 节的推算一致；偏置 $b$ 总能到达 2 附近 0.01 以内。
但 $W$ 的终点随它的随机起点而变：在这几个种子下，从 0.30 到 0.63 都有，测试代价也跟着变。

测试代价最低能到多少？就连真实的直线也会有误差，因为噪声本身无法预测。下面在这 40 个测试点上量一量这个“底线”。
""",
    ),
    code(
        """
def test_cost_of(w, b):
    return np.mean((w * X_test + b - Y_test) ** 2)


W_floor, b_floor = np.polyfit(X_test, Y_test, deg=1)  # «fitted to the test points|用测试点拟合»
floors = [
    ("«true line y = 0.5x + 2|真实直线 y = 0.5x + 2»", test_cost_of(0.5, 2)),
    ("«least-squares line of the training points|训练点的最小二乘直线»", test_cost_of(W_best, b_best)),
    ("«best line for these 40 test points|最适合这 40 个测试点的直线»", test_cost_of(W_floor, b_floor)),
    ("«our line: seed 1, 301 steps|我们的直线：种子 1，301 步»", test_cost),
]
for label, value in floors:
    print(f"{value:.5f}  {label}")
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
No straight line gets below 0.0030 on these 40 points, and the true line itself scores 0.0032.
The published 0.0031 therefore sits right at the floor: only lines with $W$ between about 0.47 and
0.50 (and $b$ near 1.99) score that low here. With 13% of the gap left after 301 steps, such an end
means a random start between about 0.3 and 0.6 (the tutorial's framework drew its initial weight
from a different random generator than ours). Our seed 1 starts at $-0.29$, stops at 0.39, and the missing
slope adds about 0.003 to the cost: 0.0060. The method is the same; the difference is the random
start, plus too few steps to forget it. (Seed 3, which starts at 0.18, ends at 0.45 with a test cost
of 0.0035.)

## 7. Closing the gap

Two ways close the gap whatever the start: **more steps** at the same rate, or **a larger learning
rate**. Both are tried below from the same initial weights as our model.
""",
        """
在这 40 个点上，任何直线的代价都低不过 0.0030，真实直线本身是 0.0032。所以公布的 0.0031 已经贴着底线了：
在这组数据上，只有 $W$ 大约在 0.47 到 0.50 之间（$b$ 在 1.99 附近）的直线才能低到这个程度。301 步后差距还剩 13%，
要停在这个范围，随机起点就得在 0.3 到 0.6 左右（原教程所用的框架抽取初始权重的随机数生成器和我们的不同）。我们的种子 1 从 $-0.29$ 出发，停在 0.39，
斜率的不足让代价多出约 0.003，于是得到 0.0060。方法完全一样，区别在于随机起点，以及步数太少、还没能“忘掉”这个起点。
（种子 3 从 0.18 出发，停在 0.45，测试代价是 0.0035。）

## 7. 补上差距

无论起点在哪里，都有两种办法补上这段差距：**多训练几步**，或者 **加大学习率**。下面从与我们的模型相同的初始权重出发，各试一次。
""",
    ),
    code(
        """
longer = train_line(learning_rate=0.01, steps=1500)
faster = train_line(learning_rate=0.1, steps=301)
runs = [("«lr 0.01, 1500 steps|学习率 0.01，1500 步»", longer), ("«lr 0.1, 301 steps|学习率 0.1，301 步»", faster)]
for label, m in runs:
    w_m, b_m = m.layers[0].get_weights()
    cost_m = m.evaluate(X_test, Y_test, batch_size=40, verbose=0)
    print(f"W = {w_m[0, 0]:.4f}  b = {b_m[0]:.4f}  «test cost|测试代价» = {cost_m:.5f}  {label}")
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
Both reach the least-squares line, and the test cost drops to about 0.0032, at the floor measured
above.

A larger learning rate is not always better. Each step multiplies an error by $(1 - \\eta\\lambda)$,
where $\\lambda$ is the curvature (second derivative) of the loss in that direction: $2\\overline{x^2}$
for $W$, $2$ for $b$. Once $\\eta\\lambda > 2$ that factor is below $-1$ and the error grows at every
step: plain gradient descent diverges for $\\eta$ above 1 here. Exercise 4 explores this.

## 8. Self-check

The cells below prove the claims of this lesson; if a change in the library breaks one of them,
the test suite fails.
""",
        """
两种办法都到达了最小二乘直线，测试代价降到 0.0032 左右，正好落在上面量出的底线上。

不过学习率也不是越大越好。每一步，误差都乘以 $(1 - \\eta\\lambda)$，其中 $\\lambda$ 是损失函数在该方向上的曲率（二阶导数）：
$W$ 方向是 $2\\overline{x^2}$，$b$ 方向是 $2$。一旦 $\\eta\\lambda > 2$，这个因子就小于 $-1$，误差每一步都在放大：
在这个问题上，学习率超过 1，普通梯度下降就会发散。练习 4 会专门探讨这一点。

## 8. 自我检查

下面的单元格用 `assert` 验证本课的结论；如果库的改动破坏了其中任何一条，测试就会失败。
""",
    ),
    code(
        """
assert costs[300] < costs[0]  # «training lowered the cost|训练降低了代价»
# «about twice the published 0.0031, because W stopped at 0.39|约为公布值 0.0031 的两倍，因为 W 停在了 0.39»
assert abs(test_cost - 0.0060) < 0.0003, test_cost
assert abs(float(b[0]) - 2) < 0.01  # «b is close to 2|b 已经接近 2»
assert abs(float(W[0, 0]) - 0.387) < 0.005  # «with seed 1, W stops at 0.39|种子 1 下 W 停在 0.39»
assert abs(W_predicted - W[0, 0]) < 0.01  # «the shrink rule of section 5|第 5 节的缩小规律»
for start, w_end, b_end, left, cost_m in seed_runs:  # «every seed leaves ~13% of the gap|每个种子都剩约 13%»
    assert abs(left - shrink) < 0.02 and abs(b_end - 2) < 0.01
assert test_cost_of(W_floor, b_floor) > 0.0029  # «the floor no line can beat|任何直线都越不过的底线»
for m in (longer, faster):
    assert abs(m.layers[0].get_weights()[0][0, 0] - W_best) < 0.002  # «least squares|最小二乘解»
    assert m.evaluate(X_test, Y_test, batch_size=40, verbose=0) < 0.0034
print("«all checks passed|全部检查通过»")
"""
    ),
    md(
        """
## Summary

- A `Dense(1)` layer is the linear model $\\hat y = Wx + b$; `compile(loss="mse", optimizer="sgd")`
  turns it into a regression. Fed the whole training set at every step, `"sgd"` is plain
  (full-batch) gradient descent.
- `train_on_batch` performs one gradient step and returns the loss before it; `evaluate` measures
  the loss on held-out data; `get_weights()` returns the parameters as NumPy arrays.
- Plain gradient descent moves each parameter at a speed set by the curvature of the loss in that
  direction. With $x$ in $[-1, 1]$ the slope learns about three times slower than the bias: after
  301 steps at $\\eta = 0.01$, $b$ is within 0.01 of 2 but $W$ has covered only about 87% of the way
  from its random start to the least-squares value 0.491, **whatever the seed**. Where $W$ ends
  **depends on the seed**: 0.39 with ours (test cost 0.0060), from 0.30 to 0.63 over six seeds. The
  tutorial's 0.0031 is what a start near 0.5 gives. More steps or a larger (but not too large)
  learning rate close the gap from any start.

## Exercises

Each exercise has a cell for your answer and a check cell below it. The check runs your answer,
says plainly when it is right, and otherwise tells you what is wrong, with a hint.

**Exercise 1 (easy).** Write `mse_gradient(x, y, w, b)`: the gradient of
$L = \\frac1N\\sum_i (w x_i + b - y_i)^2$ with respect to $w$ and $b$, as two numbers. `x` and `y` are
1-D NumPy arrays. Section 5 has the formulas.
""",
        """
## 小结

- 一个 `Dense(1)` 层就是线性模型 $\\hat y = Wx + b$；`compile(loss="mse", optimizer="sgd")` 把它变成回归（regression）问题。
  每一步都用整个训练集时，`"sgd"` 就是普通的（全批量）梯度下降。
- `train_on_batch` 做一次梯度更新，并返回更新之前的损失；`evaluate` 在留出的数据上计算损失；
  `get_weights()` 以 NumPy 数组形式返回参数。
- 普通梯度下降中，每个参数的前进速度取决于损失函数在那个方向上的曲率（curvature）。$x$ 落在 $[-1, 1]$ 时，
  斜率 $W$ 的学习速度只有偏置 $b$ 的三分之一左右：学习率 0.01 下训练 301 步后，$b$ 已经到了 2 附近 0.01 以内，
  而 $W$ 从随机起点到最小二乘解 0.491 只走了约 87% 的路，**与种子无关**。$W$ 最后停在哪里则 **取决于种子**：
  我们的种子是 0.39（测试代价 0.0060），六个种子下从 0.30 到 0.63 不等。原教程的 0.0031 正是起点靠近 0.5 时的结果。
  无论从哪里出发，多训练几步，或者适当（但不过分）加大学习率，都能补上这段差距。

## 练习

每道练习都有一个写答案的单元格，下面紧跟一个检查单元格。检查会运行你的答案：答对了会明确告诉你；
答错了会指出错在哪里，并给出提示。

**练习 1（简单）**：写出 `mse_gradient(x, y, w, b)`，返回 $L = \\frac1N\\sum_i (w x_i + b - y_i)^2$ 对 $w$ 和 $b$
的梯度（两个数）。`x` 和 `y` 是一维 NumPy 数组。公式见第 5 节。
""",
    ),
    solution(
        """
def mse_gradient(x, y, w, b):
    \"\"\"«Return (dL/dw, dL/db) for L = mean((w * x + b - y) ** 2).|返回 L = mean((w * x + b - y) ** 2) 的 (dL/dw, dL/db)。»\"\"\"
    ### BEGIN SOLUTION
    e = w * x + b - y  # «the errors e_i|误差 e_i»
    return np.mean(2 * e * x), np.mean(2 * e)
    ### END SOLUTION
""",
        "l01-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson01

lesson01.check_mse_gradient(mse_gradient, lang="«en|zh»")
""",
        "l01-ex1-check",
    ),
    md(
        """
**Exercise 2 (easy).** Write `sgd_step(x, y, w, b, learning_rate)`: one full-batch gradient-descent
step, returning the new `(w, b)`. The check compares it with one `train_on_batch` of the library's
`Dense(1)` model with `optimizers.SGD(learning_rate)`. You may call your `mse_gradient`.
""",
        """
**练习 2（简单）**：写出 `sgd_step(x, y, w, b, learning_rate)`：做一次全批量梯度下降，返回新的 `(w, b)`。
检查会把它和库中 `Dense(1)` 模型（优化器为 `optimizers.SGD(learning_rate)`）的一次 `train_on_batch` 相比较。
可以调用你写的 `mse_gradient`。
""",
    ),
    solution(
        """
def sgd_step(x, y, w, b, learning_rate):
    \"\"\"«Return (w, b) after one gradient-descent step on the mse.|返回对 mse 做一次梯度下降之后的 (w, b)。»\"\"\"
    ### BEGIN SOLUTION
    grad_w, grad_b = mse_gradient(x, y, w, b)
    return w - learning_rate * grad_w, b - learning_rate * grad_b
    ### END SOLUTION
""",
        "l01-ex2",
    ),
    check(
        """
lesson01.check_sgd_step(sgd_step, lang="«en|zh»")
""",
        "l01-ex2-check",
    ),
    md(
        """
**Exercise 3 (medium, an experiment).** At the default learning rate 0.01, starting from the
lesson's initial weights (`train_line(0.01, 0)` builds that model untrained), after how many
`train_on_batch` steps is $W$ within 0.01 of 0.5 for the first time? `steps_needed()` returns that
number. First estimate it with the shrink factor of section 5 (from $W_0 = -0.29$, the gap to the
least-squares value 0.4914 must fall below 0.0014), then find the exact number by experiment.
""",
        """
**练习 3（中等，做实验）**：学习率取默认的 0.01，从本课的初始权重出发（`train_line(0.01, 0)` 会给出这个尚未训练的模型），
第几次 `train_on_batch` 之后，$W$ 第一次与 0.5 相差不到 0.01？让 `steps_needed()` 返回这个步数。
先用第 5 节的缩小因子估一估（从 $W_0 = -0.29$ 出发，到最小二乘解 0.4914 的差距要降到 0.0014 以下），再用实验找出准确的步数。
""",
    ),
    solution(
        """
def steps_needed():
    \"\"\"«Fewest steps at rate 0.01 after which abs(W - 0.5) < 0.01.|学习率 0.01 时使 abs(W - 0.5) < 0.01 的最少步数。»\"\"\"
    ### BEGIN SOLUTION
    # «Estimate: 0.78 * 0.99317**n < 0.0014 gives n of about 920.|估计：0.78 * 0.99317**n < 0.0014，n 约为 920。»
    m = train_line(learning_rate=0.01, steps=0)
    steps = 0
    while abs(m.layers[0].get_weights()[0][0, 0] - 0.5) >= 0.01:
        m.train_on_batch(X_train, Y_train)
        steps += 1
    return steps
    ### END SOLUTION
""",
        "l01-ex3",
    ),
    check(
        """
lesson01.check_steps_needed(steps_needed, lang="«en|zh»")
""",
        "l01-ex3-check",
    ),
    md(
        """
**Exercise 4 (hard, an experiment and its explanation).** Find a learning rate with which only
**15** steps bring $W$ within 0.01 of 0.5 **and** $b$ within 0.01 of 2, from the same initial
weights: `fast_learning_rate()` returns it. Try rates with `train_line(rate, 15)`. Then explain in a
comment, with the factors $(1 - 2\\eta\\overline{x^2})$ and $(1 - 2\\eta)$ of section 5, why smaller
rates fail, why larger ones fail, and which rate makes both factors as small as possible.
""",
        """
**练习 4（较难，做实验并解释）**：从同样的初始权重出发，找一个学习率，只用 **15** 步就让 $W$ 与 0.5 相差不到 0.01，
**并且** $b$ 与 2 相差不到 0.01：让 `fast_learning_rate()` 返回它。可以用 `train_line(rate, 15)` 试各种学习率。
然后在注释里用第 5 节的两个因子 $(1 - 2\\eta\\overline{x^2})$ 和 $(1 - 2\\eta)$ 解释：学习率小了为什么不行，大了为什么不行，
哪个学习率能让两个因子都尽可能小。
""",
    ),
    solution(
        """
def fast_learning_rate():
    \"\"\"«A learning rate that gets W and b close in 15 steps.|15 步就让 W 和 b 都足够接近的学习率。»\"\"\"
    ### BEGIN SOLUTION
    # «Per step W's error is multiplied by 1 - 0.68 lr, b's by 1 - 2 lr. Below about 0.5,|每一步 W 的误差乘以 1 - 0.68 lr，b 的乘以 1 - 2 lr。学习率低于 0.5 左右，»
    # «W's factor stays too near 1; above about 0.8, b's factor nears -1 and b swings.|W 的因子太接近 1；高于 0.8 左右，b 的因子接近 -1，b 来回摆动。»
    # «Both are smallest in size when 1 - 0.68 lr = -(1 - 2 lr): lr = 2 / 2.68 = 0.75,|当 1 - 0.68 lr = -(1 - 2 lr)，即 lr = 2 / 2.68 = 0.75 时，两个因子的绝对值»
    # «where both equal 0.49 in size, and 0.49 ** 15 leaves 2e-5 of each error.|同时最小，都是 0.49，15 步后每个误差只剩 0.49 ** 15 = 2e-5。»
    return 0.75
    ### END SOLUTION
""",
        "l01-ex4",
    ),
    check(
        """
lesson01.check_fast_learning_rate(fast_learning_rate, lang="«en|zh»")
""",
        "l01-ex4-check",
    ),
]
