"""Checks for lesson 01 (linear regression): the mse gradient, one SGD step, two experiments.

Each check rebuilds the lesson's data (`regression_data`), computes the right answer with the
library (autograd, a `Dense(1)` model) and prints a "✔" line, or raises `ExerciseFailed` saying
what is wrong, with a hint (in Chinese with ``lang="zh"``). It never prints the answer.
"""

import random

import numpy as np

from kerasedu.autograd import Tensor
from kerasedu.exercises import call_student, fail, passed
from kerasedu.layers import Dense
from kerasedu.losses import MeanSquaredError
from kerasedu.models import Sequential
from kerasedu.optimizers import SGD
from kerasedu.utils import set_random_seed

TARGET_W, TARGET_B, TOLERANCE = 0.5, 2.0, 0.01  # the true line, and "close" for exercises 3-4
FAST_STEPS = 15  # exercise 4: steps allowed
MAX_STEPS = 20_000  # exercise 3: longer experiments are refused (they would be slow)

EN = {
    "not_pair": "{name} should return two numbers {what}, got {got!r}.",
    "not_scalar": "{which} has shape {shape}: average over the {n} points (np.mean).",
    "half": "your gradients are half the right ones: the derivative of e² is 2e.",
    "summed": "your gradients are {n} times too large: L is the MEAN of e², not the sum.",
    "sign": "wrong sign: the error is e = w·x + b − y (prediction minus target).",
    "no_x": "dL/db is right, dL/dw is not: the prediction is w·x + b, so dL/dw has a factor x_i.",
    "wrong_grad": (
        "for w = {w}, b = {b} on {n} points your {which} is {got:.6g}, the library's "
        "autograd gives {want:.6g}. Differentiate mean(e²) with e = w·x + b − y."
    ),
    "grad_ok": "mse_gradient agrees with the library's autograd on {cases} cases.",
    "uphill": "your step went uphill: the cost rose from {before:.6g} to {after:.6g}.",
    "no_rate": "your step is {ratio:.3g} times the library's: did you use the learning rate?",
    "wrong_step": (
        "rate {lr}, from w = {w}, b = {b}: you give w = {got_w:.6g}, b = {got_b:.6g}; one "
        "train_on_batch of the library gives w = {want_w:.6g}, b = {want_b:.6g}."
    ),
    "step_ok": "sgd_step equals one train_on_batch of the library on {cases} cases.",
    "not_count": "steps_needed() should return a whole number from 1 to {most}, got {got!r}.",
    "too_few": "after {got} steps W = {w:.4f}, not yet within {tol} of {target}: train longer.",
    "not_fewest": (
        "after {got} steps W is within {tol} of {target}, but it was a few steps earlier "
        "too: find the FIRST step at which |W − {target}| < {tol}."
    ),
    "steps_ok": "{got} steps: the fewest at rate 0.01 that bring W within {tol} of {target}.",
    "not_rate": "fast_learning_rate() should return a positive number, got {got!r}.",
    "diverged": (
        "at rate {lr} the cost grew from {first:.3g} to {last:.3g} in {steps} steps: it "
        "diverged. b's error is multiplied by (1 − 2η) per step: is that below −1?"
    ),
    "w_slow": (
        "at rate {lr}, after {steps} steps W = {w:.4f}, not within {tol} of {target}: W's "
        "curvature is only 2·mean(x²) ≈ 0.68, so W needs a larger rate than b."
    ),
    "b_swings": (
        "at rate {lr}, after {steps} steps b = {b:.4f}, not within {tol} of {target}: "
        "b's error is multiplied by (1 − 2η) per step; near −1, b swings from side to side."
    ),
    "rate_ok": "at rate {lr}, {steps} steps give W = {w:.4f} and b = {b:.4f}.",
}
ZH = {
    "not_pair": "{name} 应该返回两个数 {what}，实际返回的是 {got!r}。",
    "not_scalar": "{which} 的形状是 {shape}：要对 {n} 个点取平均（np.mean）。",
    "half": "你的梯度只有正确值的一半：e² 的导数是 2e。",
    "summed": "你的梯度大了 {n} 倍：L 是 e² 的平均值，不是总和。",
    "sign": "符号反了：误差是 e = w·x + b − y（预测值减目标值）。",
    "no_x": "dL/db 对了，dL/dw 不对：预测值是 w·x + b，dL/dw 里还要乘 x_i。",
    "wrong_grad": (
        "w = {w}、b = {b}、{n} 个点时，你的 {which} 是 {got:.6g}，"
        "库的自动求导给出 {want:.6g}。记 e = w·x + b − y，对 mean(e²) 求导。"
    ),
    "grad_ok": "mse_gradient 在 {cases} 组数据上与库的自动求导一致。",
    "uphill": "你这一步走的是上坡：代价从 {before:.6g} 升到了 {after:.6g}。",
    "no_rate": "你的步子是库的 {ratio:.3g} 倍：用学习率乘梯度了吗？",
    "wrong_step": (
        "学习率 {lr}，从 w = {w}、b = {b} 出发：你得到 w = {got_w:.6g}、b = {got_b:.6g}；"
        "库的一次 train_on_batch 得到 w = {want_w:.6g}、b = {want_b:.6g}。"
    ),
    "step_ok": "sgd_step 在 {cases} 组数据上与库的一次 train_on_batch 一致。",
    "not_count": "steps_needed() 应该返回 1 到 {most} 之间的整数，实际返回 {got!r}。",
    "too_few": "{got} 步之后 W = {w:.4f}，与 {target} 相差还不小于 {tol}：再多训练几步。",
    "not_fewest": (
        "{got} 步之后 W 与 {target} 相差不到 {tol}，但更早几步就已如此："
        "请找出 |W − {target}| < {tol} 第一次成立的那一步。"
    ),
    "steps_ok": "{got} 步：学习率 0.01 时让 W 与 {target} 相差不到 {tol} 的最少步数。",
    "not_rate": "fast_learning_rate() 应该返回一个正数，实际返回 {got!r}。",
    "diverged": (
        "学习率 {lr} 时，{steps} 步内代价从 {first:.3g} 涨到 {last:.3g}：发散了。"
        "b 的误差每步乘以 (1 − 2η)：这个因子是不是小于 −1？"
    ),
    "w_slow": (
        "学习率 {lr} 时，{steps} 步之后 W = {w:.4f}，与 {target} 相差还不小于 {tol}："
        "W 方向的曲率只有 2·mean(x²) ≈ 0.68，需要比 b 更大的学习率。"
    ),
    "b_swings": (
        "学习率 {lr} 时，{steps} 步之后 b = {b:.4f}，与 {target} 相差还不小于 {tol}："
        "b 的误差每步乘以 (1 − 2η)，接近 −1 时 b 会来回摆动。"
    ),
    "rate_ok": "学习率 {lr} 时，{steps} 步就得到 W = {w:.4f}、b = {b:.4f}。",
}

MESSAGES = {"en": EN, "zh": ZH}


def _say(key, lang, **values):
    """The message ``key`` in ``lang`` ("en" or "zh"), filled in with ``values``."""
    return MESSAGES[lang][key].format(**values)


def regression_data():
    """Lesson 01's data, built exactly as the lesson builds it.

    Returns:
        ``(X_train, Y_train, X_test, Y_test)``: 1-D float64 arrays of 160, 160, 40 and 40 points.

    Example:
        >>> X_train, Y_train, X_test, Y_test = regression_data()
        >>> X_train.shape, X_test.shape
        ((160,), (40,))
    """
    rng = np.random.RandomState(1337)  # the same stream as np.random.seed(1337)
    X = np.linspace(-1, 1, 200)
    rng.shuffle(X)
    Y = 0.5 * X + 2 + rng.normal(0, 0.05, (200,))
    return X[:160], Y[:160], X[160:], Y[160:]


def train_history(learning_rate, steps, seed=1):
    """W and b after every step of SGD on the lesson's `Dense(1)`, from its initial weights.

    Seed 1 gives the lesson's initial weights; the global random state is restored afterwards.
    Returns ``(W, b)``, arrays of shape ``(steps + 1,)``; index 0 is before training.

    Example:
        >>> W, b = train_history(0.01, 3)
        >>> W.shape, round(float(W[0]), 3)
        ((4,), -0.287)
    """
    X_train, Y_train, _, _ = regression_data()
    saved = np.random.get_state(), random.getstate()
    set_random_seed(seed)
    model = Sequential([Dense(1, input_dim=1)])
    np.random.set_state(saved[0])
    random.setstate(saved[1])
    model.compile(loss="mse", optimizer=SGD(learning_rate=learning_rate))
    path = [model.layers[0].get_weights()]
    for _ in range(steps):
        model.train_on_batch(X_train.reshape(-1, 1), Y_train)
        path.append(model.layers[0].get_weights())
    return np.array([[w[0, 0], b[0]] for w, b in path], dtype=float).T


def _gradient_cases():
    """(x, y, w, b) cases: the lesson's training set, then small random sets."""
    X_train, Y_train, _, _ = regression_data()
    rng = np.random.RandomState(0)
    cases = [(X_train, Y_train, -0.3, 0.0), (X_train, Y_train, 0.4, 1.9)]
    for n in (5, 17):
        x = rng.uniform(-2, 2, n)
        cases.append((x, 3 * x - 1 + rng.normal(0, 0.3, n), rng.normal(), rng.normal()))
    return cases


def _two_numbers(result, name, what, n, lang):
    """``result`` as two floats; fail with a hint when it is not a pair of single numbers."""
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(_say("not_pair", lang, name=name, what=what, got=result))
    numbers = []
    for which, value in zip(what.strip("()").split(", "), result):
        array = np.asarray(value, dtype=float)
        if array.size != 1:
            fail(_say("not_scalar", lang, which=which, shape=array.shape, n=n))
        numbers.append(float(array.reshape(())))
    return numbers


def _library_gradient(x, y, w, b):
    """(dL/dw, dL/db) of L = mse(y, w·x + b), computed by kerasedu's autograd."""
    w_t, b_t = Tensor(np.array(w), requires_grad=True), Tensor(np.array(b), requires_grad=True)
    prediction = (w_t * Tensor(x.reshape(-1, 1)) + b_t).reshape((-1, 1))
    MeanSquaredError()(Tensor(y.reshape(-1, 1)), prediction).backward()
    return float(w_t.grad), float(b_t.grad)


def _diagnose_gradient(got, want, n, lang):
    """Name the usual mistake when ``got`` != ``want`` (both (dw, db)); else return None."""
    got, want = np.array(got), np.array(want)
    for factor, key in ((0.5, "half"), (n, "summed"), (-1.0, "sign")):
        if np.allclose(got, factor * want, rtol=1e-4, atol=1e-9):
            return _say(key, lang, n=n)
    if np.isclose(got[1], want[1], rtol=1e-4, atol=1e-9):
        return _say("no_x", lang)
    return None


def check_mse_gradient(mse_gradient, lang="en"):
    """Exercise 1: ``mse_gradient(x, y, w, b)`` is (dL/dw, dL/db) of L = mean((w·x + b − y)²)."""
    cases = _gradient_cases()
    for x, y, w, b in cases:
        result = call_student(mse_gradient, "mse_gradient", x.copy(), y.copy(), w, b, lang=lang)
        got = _two_numbers(result, "mse_gradient", "(dL/dw, dL/db)", len(x), lang)
        want = _library_gradient(x, y, w, b)
        if not np.allclose(got, want, rtol=1e-4, atol=1e-9):
            hint = _diagnose_gradient(got, want, len(x), lang)
            if hint is None:
                index = 0 if not np.isclose(got[0], want[0], rtol=1e-4) else 1
                which = ("dL/dw", "dL/db")[index]
                values = dict(which=which, got=got[index], want=want[index])
                hint = _say("wrong_grad", lang, w=round(w, 4), b=round(b, 4), n=len(x), **values)
            fail(hint)
    passed(_say("grad_ok", lang, cases=len(cases)))


def _library_step(x, y, w, b, learning_rate):
    """(w, b) after one `train_on_batch` of a `Dense(1)` with SGD(learning_rate)."""
    model = Sequential([Dense(1, input_dim=1)])
    model.compile(loss="mse", optimizer=SGD(learning_rate=learning_rate))
    model.layers[0].set_weights([np.array([[w]]), np.array([b])])
    model.train_on_batch(x.reshape(-1, 1), y)
    new_w, new_b = model.layers[0].get_weights()
    return float(new_w[0, 0]), float(new_b[0])


def _diagnose_step(got, want, case, lang):
    """The message for a wrong step ``got`` (the library's is ``want``) on ``case``."""
    x, y, w, b, lr = case

    def cost(w_, b_):
        return float(np.mean((w_ * x + b_ - y) ** 2))

    if cost(*got) > cost(w, b) and cost(*want) < cost(w, b):
        return _say("uphill", lang, before=cost(w, b), after=cost(*got))
    moved, right = np.subtract(got, (w, b)), np.subtract(want, (w, b))
    ratio = np.dot(moved, right) / np.dot(right, right)
    if np.allclose(moved, ratio * right, rtol=1e-3) and not np.isclose(ratio, 1, rtol=1e-3):
        return _say("no_rate", lang, ratio=ratio)
    values = dict(got_w=got[0], got_b=got[1], want_w=want[0], want_b=want[1])
    return _say("wrong_step", lang, lr=lr, w=round(w, 4), b=round(b, 4), **values)


def check_sgd_step(sgd_step, lang="en"):
    """Exercise 2: ``sgd_step(x, y, w, b, learning_rate)`` equals one library `train_on_batch`."""
    rates = (0.01, 0.5, 0.1, 0.03)
    cases = [(x, y, w, b, lr) for (x, y, w, b), lr in zip(_gradient_cases(), rates)]
    for case in cases:
        x, y, w, b, lr = case
        result = call_student(sgd_step, "sgd_step", x.copy(), y.copy(), w, b, lr, lang=lang)
        got = _two_numbers(result, "sgd_step", "(new_w, new_b)", len(x), lang)
        want = _library_step(x, y, w, b, lr)
        if not np.allclose(got, want, rtol=1e-5, atol=1e-6):
            fail(_diagnose_step(got, want, case, lang))
    passed(_say("step_ok", lang, cases=len(cases)))


def _close(value, target):
    return abs(value - target) < TOLERANCE


def check_steps_needed(steps_needed, lang="en"):
    """Exercise 3: ``steps_needed()`` is the fewest SGD steps (rate 0.01) to |W − 0.5| < 0.01."""
    got = call_student(steps_needed, "steps_needed", lang=lang)
    if isinstance(got, bool) or not isinstance(got, (int, np.integer)) or not 0 < got <= MAX_STEPS:
        fail(_say("not_count", lang, got=got, most=MAX_STEPS))
    W, _ = train_history(0.01, int(got))
    values = dict(got=got, tol=TOLERANCE, target=TARGET_W)
    if not _close(W[-1], TARGET_W):
        fail(_say("too_few", lang, w=W[-1], **values))
    if _close(W[-2], TARGET_W):
        fail(_say("not_fewest", lang, **values))
    passed(_say("steps_ok", lang, **values))


def check_fast_learning_rate(fast_learning_rate, lang="en"):
    """Exercise 4: ``fast_learning_rate()`` brings W within 0.01 of 0.5 and b of 2 in 15 steps."""
    lr = call_student(fast_learning_rate, "fast_learning_rate", lang=lang)
    if isinstance(lr, bool) or not isinstance(lr, (int, float, np.floating, np.integer)) or lr <= 0:
        fail(_say("not_rate", lang, got=lr))
    X_train, Y_train, _, _ = regression_data()
    with np.errstate(all="ignore"):
        W, b = train_history(float(lr), FAST_STEPS)
        cost = np.mean((np.outer(W, X_train) + b[:, None] - Y_train) ** 2, axis=1)
    values = dict(lr=lr, steps=FAST_STEPS, tol=TOLERANCE)
    if not np.all(np.isfinite(cost)) or cost[-1] > cost[0]:
        fail(_say("diverged", lang, first=cost[0], last=cost[-1], **values))
    if not _close(b[-1], TARGET_B):  # b first: when b swings, W is disturbed too
        fail(_say("b_swings", lang, b=b[-1], target=TARGET_B, **values))
    if not _close(W[-1], TARGET_W):
        fail(_say("w_slow", lang, w=W[-1], target=TARGET_W, **values))
    passed(_say("rate_ok", lang, w=W[-1], b=b[-1], **values))
