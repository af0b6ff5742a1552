"""Checks for lesson 08 (optimizers, losses, initializers, metrics).

Every check computes the right answer with kerasedu itself (its losses, metrics,
layers and optimizers), on cases the student has not seen, and compares.

Example:
    >>> def huber(y_true, y_pred, delta=1.0):
    ...     raise NotImplementedError()
    >>> check_huber(huber)
    Traceback (most recent call last):
    ...
    kerasedu.exercises.ExerciseFailed: huber is not written yet: replace ...
"""

import numpy as np

from kerasedu import initializers, losses, metrics
from kerasedu.autograd import Variable
from kerasedu.exercises import call_student, fail, passed, say
from kerasedu.layers import Dense
from kerasedu.optimizers import Adam
from kerasedu.utils.random import set_random_seed

MESSAGES = {
    "shape": {
        "en": "{name} returned shape {got}, expected {want}: {hint}",
        "zh": "{name} 返回的形状是 {got}，应为 {want}：{hint}",
    },
    "per_sample": {
        "en": "a loss returns one value per sample: the mean over the last axis.",
        "zh": "损失函数对每个样本返回一个值：沿最后一个轴取平均。",
    },
    "huber_wrong": {
        "en": "huber(..., delta={delta}) is off by up to {err:.3g}.{hint}",
        "zh": "huber(..., delta={delta}) 的结果最多差了 {err:.3g}。{hint}",
    },
    "huber_delta": {
        "en": " It is right for delta=1 only: beyond delta the cost is delta * |e| - 0.5 * delta².",
        "zh": " 只有 delta=1 时才对：超过 delta 之后，代价是 delta * |e| - 0.5 * delta²。",
    },
    "huber_half": {
        "en": " Small errors cost 0.5 * e², not e².",
        "zh": " 小误差的代价是 0.5 * e²，而不是 e²。",
    },
    "huber_ok": {
        "en": "huber matches losses.huber for delta = 1 and delta = 2.",
        "zh": "huber 在 delta = 1 和 delta = 2 时都与 losses.huber 一致。",
    },
    "not_number": {
        "en": "{name} returned {got!r}; expected one number (a float).",
        "zh": "{name} 返回了 {got!r}，应该返回一个数（浮点数）。",
    },
    "top_k_wrong": {
        "en": "top_k_accuracy(labels, scores, k={k}) returned {got:.4g}, "
        "expected {want:.4g}.{hint}",
        "zh": "top_k_accuracy(labels, scores, k={k}) 返回 {got:.4g}，应为 {want:.4g}。{hint}",
    },
    "top_k_lowest": {
        "en": " You picked the k LOWEST scores: np.argsort sorts in increasing order.",
        "zh": " 你选的是得分最低的 k 个：np.argsort 是从小到大排序的。",
    },
    "top_k_ok": {
        "en": "top_k_accuracy agrees with metrics.sparse_top_k_categorical_accuracy for k = {ks}.",
        "zh": "top_k_accuracy 在 k = {ks} 时都与 metrics.sparse_top_k_categorical_accuracy 一致。",
    },
    "unknown_initializer": {
        "en": "{got!r} is not an initializer kerasedu knows ({error}).",
        "zh": "kerasedu 不认识初始化器 {got!r}（{error}）。",
    },
    "collapsed": {
        "en": "With {got!r} the std after layer 10 is {std:.3g}: the signal fades. Each ReLU "
        "zeroes half its inputs, so the weights' variance must make up for it: 2 / fan_in.",
        "zh": "用 {got!r} 时，第 10 层之后的标准差只有 {std:.3g}：信号逐渐消失了。"
        "ReLU 每层都会把一半输入置零，所以权重的方差要把它补回来：2 / fan_in。",
    },
    "exploded": {
        "en": "With {got!r} the std after layer 10 is {std:.3g}: the activations blow up. "
        "The weights are too large for 256 inputs per unit.",
        "zh": "用 {got!r} 时，第 10 层之后的标准差是 {std:.3g}：激活值爆炸了。"
        "对每个单元有 256 个输入来说，权重太大了。",
    },
    "init_ok": {
        "en": "{got!r} keeps the spread: std {first:.3f} after layer 1, {last:.3f} after layer 10.",
        "zh": "{got!r} 保持住了宽度：第 1 层之后标准差为 {first:.3f}，第 10 层之后为 {last:.3f}。",
    },
    "not_four": {
        "en": "amsgrad_step must return four arrays (w, m, v, v_max); it returned {got}.",
        "zh": "amsgrad_step 应返回四个数组 (w, m, v, v_max)，它却返回了 {got}。",
    },
    "amsgrad_wrong": {
        "en": "After step {t}, w is off by {err:.3g} from Adam(amsgrad=True).{hint}",
        "zh": "第 {t} 步之后，w 与 Adam(amsgrad=True) 相差 {err:.3g}。{hint}",
    },
    "amsgrad_plain": {
        "en": " This is plain Adam: divide by the running maximum v_max, not by v.",
        "zh": " 这是普通的 Adam：要除以历史最大值 v_max，而不是 v。",
    },
    "amsgrad_state": {
        "en": " Your {what} differs from the optimizer's: compare it with the formula.",
        "zh": " 你的 {what} 与优化器中的不一致：请对照公式检查。",
    },
    "amsgrad_formulas": {
        "en": " Check the bias correction lr_t = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t) and "
        "where epsilon goes (outside the root).",
        "zh": " 检查偏差修正 lr_t = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)，以及 epsilon 的位置"
        "（在根号外面）。",
    },
    "amsgrad_ok": {
        "en": "amsgrad_step follows Adam(amsgrad=True) for {n} steps.",
        "zh": "amsgrad_step 连续 {n} 步都与 Adam(amsgrad=True) 一致。",
    },
}


def as_float(value, name, lang):
    """``float(value)``, or `ExerciseFailed` when the student returned something else."""
    try:
        return float(np.asarray(value, dtype="float64"))
    except (TypeError, ValueError):
        fail(say(MESSAGES, "not_number", lang, name=name, got=value))


def check_huber(huber, lang="en"):
    """Check ``huber(y_true, y_pred, delta=1.0)`` against `kerasedu.losses.huber`."""
    rng = np.random.default_rng(8)
    y_true = rng.normal(size=(5, 4))
    y_pred = y_true + rng.normal(scale=2.0, size=(5, 4))  # errors on both sides of delta
    for delta in (1.0, 2.0):
        want = losses.huber(y_true, y_pred, delta=delta).numpy()
        got = call_student(huber, "huber", y_true, y_pred, delta=delta, lang=lang)
        got = np.asarray(got, dtype="float64")
        if got.shape != want.shape:
            hint = say(MESSAGES, "per_sample", lang)
            fail(
                say(
                    MESSAGES, "shape", lang, name="huber", got=got.shape, want=want.shape, hint=hint
                )
            )
        error = float(np.abs(got - want).max())
        if error > 1e-6:
            e = np.abs(y_pred - y_true)
            hint = ""
            if delta != 1.0 and np.allclose(
                got, np.where(e <= delta, 0.5 * e**2, e - 0.5).mean(-1)
            ):
                hint = say(MESSAGES, "huber_delta", lang)
            elif np.allclose(got, np.where(e <= delta, e**2, delta * e - 0.5 * delta**2).mean(-1)):
                hint = say(MESSAGES, "huber_half", lang)
            fail(say(MESSAGES, "huber_wrong", lang, delta=delta, err=error, hint=hint))
    passed(say(MESSAGES, "huber_ok", lang))


def check_top_k_accuracy(top_k_accuracy, lang="en"):
    """Check ``top_k_accuracy(labels, scores, k)`` against the library's top-k metric."""
    rng = np.random.default_rng(9)
    scores = rng.random(size=(40, 6))
    labels = rng.integers(0, 6, size=40)
    for k in (1, 2, 3):
        want = float(metrics.sparse_top_k_categorical_accuracy(labels, scores, k=k).mean())
        got = call_student(top_k_accuracy, "top_k_accuracy", labels, scores, k, lang=lang)
        got = as_float(got, "top_k_accuracy", lang)
        if not np.isclose(got, want, atol=1e-9):
            lowest = np.argsort(scores, axis=-1)[:, :k]
            lowest_rate = float((lowest == labels[:, None]).any(axis=-1).mean())
            hint = say(MESSAGES, "top_k_lowest", lang) if np.isclose(got, lowest_rate) else ""
            fail(say(MESSAGES, "top_k_wrong", lang, k=k, got=got, want=want, hint=hint))
    passed(say(MESSAGES, "top_k_ok", lang, ks="1, 2, 3"))


def relu_stack_spread(initializer, depth=10, width=256):
    """Std of the activations after each of ``depth`` ReLU ``Dense`` layers, inputs of std 1."""
    set_random_seed(0)
    h = np.random.default_rng(10).normal(size=(500, width)).astype("float32")
    stds = []
    with np.errstate(over="ignore", invalid="ignore"):  # a huge initializer overflows: reported
        for _ in range(depth):
            h = Dense(width, activation="relu", kernel_initializer=initializer)(h).numpy()
            stds.append(float(h.std()))
    return stds


def check_deep_relu_initializer(deep_relu_initializer, lang="en"):
    """Check that ``deep_relu_initializer()`` names an initializer keeping 10 ReLU layers alive."""
    name = call_student(deep_relu_initializer, "deep_relu_initializer", lang=lang)
    try:
        initializer = initializers.get(name)
    except (ValueError, TypeError) as error:
        fail(say(MESSAGES, "unknown_initializer", lang, got=name, error=error))
    stds = relu_stack_spread(initializer)
    if not np.isfinite(stds[-1]) or stds[-1] > 3.0:
        fail(say(MESSAGES, "exploded", lang, got=name, std=stds[-1]))
    if stds[-1] < 0.3:
        fail(say(MESSAGES, "collapsed", lang, got=name, std=stds[-1]))
    passed(say(MESSAGES, "init_ok", lang, got=name, first=stds[0], last=stds[-1]))


def check_amsgrad_step(amsgrad_step, lang="en"):
    """Check ``amsgrad_step(w, g, m, v, v_max, t, lr)`` against ``Adam(amsgrad=True)``."""
    rng = np.random.default_rng(11)
    scales = np.array([3.0, 3.0, 0.1, 0.1, 0.1, 0.1])[:, None]  # large, then small: max matters
    grads = rng.normal(size=(6, 3)) * scales
    lr = 0.01
    variable = Variable(rng.normal(size=3))
    optimizer = Adam(learning_rate=lr, amsgrad=True)
    plain = Variable(variable.numpy().copy())
    plain_optimizer = Adam(learning_rate=lr)
    w, m, v, v_max = variable.numpy().copy(), np.zeros(3), np.zeros(3), np.zeros(3)
    for t, g in enumerate(grads, start=1):
        optimizer.apply_gradients([(g, variable)])
        plain_optimizer.apply_gradients([(g, plain)])
        result = call_student(amsgrad_step, "amsgrad_step", w, g, m, v, v_max, t, lr=lr, lang=lang)
        if not isinstance(result, (tuple, list)) or len(result) != 4:
            fail(say(MESSAGES, "not_four", lang, got=type(result).__name__))
        w, m, v, v_max = (np.asarray(r, dtype="float64") for r in result)
        error = float(np.abs(w - variable.numpy()).max())
        if error > 1e-9 + 1e-6 * float(np.abs(variable.numpy()).max()):
            hint = say(MESSAGES, "amsgrad_formulas", lang)
            for what, slot in (("m", "momentum"), ("v", "velocity"), ("v_max", "velocity_hat")):
                mine = {"m": m, "v": v, "v_max": v_max}[what]
                if not np.allclose(mine, optimizer.slot(variable, slot), rtol=1e-6, atol=1e-12):
                    hint = say(MESSAGES, "amsgrad_state", lang, what=what)
                    break
            if np.allclose(w, plain.numpy(), rtol=1e-6, atol=1e-9):
                hint = say(MESSAGES, "amsgrad_plain", lang)
            fail(say(MESSAGES, "amsgrad_wrong", lang, t=t, err=error, hint=hint))
    passed(say(MESSAGES, "amsgrad_ok", lang, n=len(grads)))
