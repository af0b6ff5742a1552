"""Checks for lesson 06 (autograd): gradients by hand, a numerical gradient, a new op.

Every check computes the right answer itself, with kerasedu's autograd or NumPy,
on cases the student has not seen, and compares.

Example:
    >>> def sigmoid_grad(w, x):
    ...     raise NotImplementedError()
    >>> check_sigmoid_grad(sigmoid_grad)
    Traceback (most recent call last):
    ...
    kerasedu.exercises.ExerciseFailed: sigmoid_grad is not written yet: replace ...
"""

import numpy as np

from kerasedu.autograd import Tensor, relu, sigmoid
from kerasedu.exercises import call_student, fail, passed, say

MESSAGES = {
    "not_number": {
        "en": "{name} returned {got!r}; expected a number.",
        "zh": "{name} 返回了 {got!r}，应该返回一个数。",
    },
    "sigmoid_wrong": {
        "en": "sigmoid_grad(w={w}, x={x}) returned {got:.6g}, but dy/dw is {want:.6g}.{hint}",
        "zh": "sigmoid_grad(w={w}, x={x}) 返回 {got:.6g}，而 dy/dw 是 {want:.6g}。{hint}",
    },
    "inner_missing": {
        "en": " You have sigmoid's derivative: the chain rule still multiplies it by d(w·x)/dw.",
        "zh": " 你算出的是 sigmoid 的导数：链式法则还要再乘上 d(w·x)/dw。",
    },
    "sigmoid_ok": {
        "en": "sigmoid_grad agrees with backward() on {n} cases.",
        "zh": "sigmoid_grad 在 {n} 组数据上都与 backward() 一致。",
    },
    "not_three": {
        "en": "dense_relu_backward must return three arrays (grad_x, grad_w, grad_b); "
        "it returned {got}.",
        "zh": "dense_relu_backward 应返回三个数组 (grad_x, grad_w, grad_b)，它却返回了 {got}。",
    },
    "shape": {
        "en": "{what} has shape {got}, expected {want}: {hint}",
        "zh": "{what} 的形状是 {got}，应为 {want}：{hint}",
    },
    "values": {
        "en": "{what} has the right shape but wrong values (largest error {err:.3g}). {hint}",
        "zh": "{what} 的形状对了，但数值不对（最大误差 {err:.3g}）。{hint}",
    },
    "same_shape": {
        "en": "a gradient always has the shape of what it differentiates.",
        "zh": "梯度的形状总是和被求导的那个量相同。",
    },
    "sum_batch": {
        "en": "did you forget to sum over the batch? (b was broadcast over the N rows)",
        "zh": "是不是忘了沿批次求和？（b 被广播到了 N 行上）",
    },
    "transposed": {
        "en": "it looks transposed: which product of x and grad_y has W's shape?",
        "zh": "看起来转置了：x 和 grad_y 的哪种乘积才和 W 形状相同？",
    },
    "relu_missing": {
        "en": "These are the gradients of x @ w + b without the ReLU: the gradient only flows "
        "back where x @ w + b > 0.",
        "zh": "这是没有 ReLU 时 x @ w + b 的梯度：梯度只从 x @ w + b > 0 的位置往回传。",
    },
    "mean_not_sum": {
        "en": "It is the mean over the batch: the bias gets the sum of its N gradients.",
        "zh": "这是沿批次的平均值：偏置得到的是 N 个梯度之和。",
    },
    "formulas": {
        "en": "Compare with the formulas of the lesson, factor by factor.",
        "zh": "请对照课文中的公式，一个因子一个因子地检查。",
    },
    "dense_ok": {
        "en": "dense_relu_backward matches autograd for batches of {sizes} samples.",
        "zh": "dense_relu_backward 在批次大小为 {sizes} 时都与自动求导一致。",
    },
    "changed_x": {
        "en": "numerical_gradient changed the x it was given: put every element back after "
        "nudging it (the caller still needs x).",
        "zh": "numerical_gradient 改动了传入的 x：每个元素挪动之后要放回原值（调用者还要用 x）。",
    },
    "one_sided": {
        "en": "With eps={eps} your gradient is off by {err:.3g}: it looks one-sided. The central "
        "difference (f(x + eps) - f(x - eps)) / (2 eps) is far more accurate.",
        "zh": "eps={eps} 时你的梯度误差为 {err:.3g}，看起来用的是单侧差分。中心差分 "
        "(f(x + eps) - f(x - eps)) / (2 eps) 要准确得多。",
    },
    "numerical_ok": {
        "en": "numerical_gradient is accurate on {n} functions and leaves x unchanged.",
        "zh": "numerical_gradient 在 {n} 个函数上都很准确，而且没有改动 x。",
    },
    "forward_wrong": {
        "en": "SquaredDifference's forward gives wrong values for a of shape {a} "
        "and b of shape {b}.",
        "zh": "a 形状为 {a}、b 形状为 {b} 时，SquaredDifference 的前向计算结果不对。",
    },
    "unbroadcast": {
        "en": "{name} was broadcast in forward, so its gradient must be summed back to its own "
        "shape (kerasedu.autograd.unbroadcast does that).",
        "zh": "{name} 在前向计算时被广播了，所以它的梯度要求和回它自己的形状"
        "（kerasedu.autograd.unbroadcast 就是做这个的）。",
    },
    "sign": {
        "en": "It is the right size with the wrong sign: how does (a - b) change when b grows?",
        "zh": "大小对了，符号反了：b 增大时 (a - b) 怎样变化？",
    },
    "op_ok": {
        "en": "SquaredDifference's backward matches autograd, broadcasting included.",
        "zh": "SquaredDifference 的反向传播与自动求导一致，广播的情形也对。",
    },
}


def as_float(value, name, lang):
    """``float(value)``, or `ExerciseFailed` when the student returned something else."""
    try:
        return float(np.asarray(value, dtype="float64"))
    except (TypeError, ValueError):
        fail(say(MESSAGES, "not_number", lang, name=name, got=value))


def check_sigmoid_grad(sigmoid_grad, lang="en"):
    """Check ``sigmoid_grad(w, x)``, the derivative of ``sigmoid(w * x)`` with respect to ``w``."""
    cases = [(0.5, 2.0), (-1.0, 3.0), (2.0, -0.5), (0.0, 1.5), (1.2, 0.7)]
    for w, x in cases:
        w_t = Tensor(np.array(w), requires_grad=True)  # float64: no float32 rounding
        sigmoid(w_t * x).backward()
        want = float(w_t.grad)
        got = as_float(
            call_student(sigmoid_grad, "sigmoid_grad", w, x, lang=lang), "sigmoid_grad", lang
        )
        if not np.isclose(got, want, rtol=1e-4, atol=1e-8):
            s = 1 / (1 + np.exp(-w * x))
            hint = say(MESSAGES, "inner_missing", lang) if np.isclose(got, s * (1 - s)) else ""
            fail(say(MESSAGES, "sigmoid_wrong", lang, w=w, x=x, got=got, want=want, hint=hint))
    passed(say(MESSAGES, "sigmoid_ok", lang, n=len(cases)))


def compare(what, got, want, hints, lang):
    """Fail unless array ``got`` equals ``want``; ``hints`` maps a wrong shape to its hint."""
    got = np.asarray(got, dtype="float64")
    if got.shape != want.shape:
        hint = say(MESSAGES, hints.get(got.shape, "same_shape"), lang)
        fail(say(MESSAGES, "shape", lang, what=what, got=got.shape, want=want.shape, hint=hint))
    error = float(np.abs(got - want).max()) if want.size else 0.0
    if error > 1e-6 + 1e-5 * float(np.abs(want).max()):
        return error
    return None


def check_dense_relu_backward(dense_relu_backward, lang="en"):
    """Check ``dense_relu_backward(x, w, b, grad_y)``: the gradients of ``relu(x @ w + b)``.

    It must return ``(grad_x, grad_w, grad_b)``, shaped like ``x``, ``w``, ``b``.
    """
    rng = np.random.default_rng(6)
    for n, d, u in [(4, 3, 2), (1, 5, 3), (6, 2, 4)]:
        x, w = rng.normal(size=(n, d)), rng.normal(size=(d, u))
        b, grad_y = rng.normal(size=(u,)), rng.normal(size=(n, u))
        x_t, w_t, b_t = (Tensor(v, requires_grad=True) for v in (x, w, b))
        relu(x_t @ w_t + b_t).backward(grad_y)
        result = call_student(
            dense_relu_backward, "dense_relu_backward", x, w, b, grad_y, lang=lang
        )
        if not isinstance(result, (tuple, list)) or len(result) != 3:
            fail(say(MESSAGES, "not_three", lang, got=type(result).__name__))
        no_relu = (grad_y @ w.T, x.T @ grad_y, grad_y.sum(axis=0))
        if all(np.shape(r) == np.shape(k) and np.allclose(r, k) for r, k in zip(result, no_relu)):
            fail(say(MESSAGES, "relu_missing", lang))
        hints = {
            "grad_x": {},
            "grad_w": {(u, d): "transposed"},
            "grad_b": {(n, u): "sum_batch", (1, u): "sum_batch"},
        }
        grad_z = grad_y * (x @ w + b > 0)  # the gradient that reaches x @ w + b
        for what, got, want in zip(hints, result, (x_t.grad, w_t.grad, b_t.grad)):
            error = compare(what, got, want, hints[what], lang)
            if error is not None:
                mean = what == "grad_b" and np.allclose(got, grad_z.mean(axis=0)) and n > 1
                hint = say(MESSAGES, "mean_not_sum" if mean else "formulas", lang)
                fail(say(MESSAGES, "values", lang, what=what, err=error, hint=hint))
    passed(say(MESSAGES, "dense_ok", lang, sizes="4, 1, 6"))


def check_numerical_gradient(numerical_gradient, lang="en"):
    """Check ``numerical_gradient(f, x, eps=1e-6)``: central differences of ``f`` at ``x``."""
    rng = np.random.default_rng(7)
    x = rng.normal(size=(2, 3))
    a = rng.normal(size=(2, 3))
    functions = [  # (f, its exact gradient at x)
        (lambda v: float(np.sum(v**3)), 3 * x**2),
        (lambda v: float(np.sum(a * v) * np.sum(v)), a * x.sum() + np.sum(a * x)),
    ]
    for f, exact in functions:
        before = x.copy()
        got = call_student(numerical_gradient, "numerical_gradient", f, x, lang=lang)
        if not np.array_equal(x, before):
            fail(say(MESSAGES, "changed_x", lang))
        error = compare("numerical_gradient(f, x)", got, exact, {}, lang)
        if error is not None:
            fail(say(MESSAGES, "values", lang, what="numerical_gradient(f, x)", err=error, hint=""))
    eps = 1e-2  # large enough that a one-sided difference is visibly less accurate
    got = call_student(
        numerical_gradient, "numerical_gradient", functions[0][0], x, eps=eps, lang=lang
    )
    error = float(np.abs(np.asarray(got, dtype="float64") - functions[0][1]).max())
    if error > 1e-3:
        fail(say(MESSAGES, "one_sided", lang, eps=eps, err=error))
    passed(say(MESSAGES, "numerical_ok", lang, n=len(functions)))


def compare_gradient(name, got, ref, broadcast_shape, lang):
    """Fail unless ``got`` (the student's gradient of input ``name``) equals ``ref``."""
    what = f"the gradient of {name} (shape {ref.shape})"
    got = np.asarray(got if got is not None else np.zeros(()), dtype="float64")
    if got.shape == broadcast_shape != ref.shape:
        hint = say(MESSAGES, "unbroadcast", lang, name=name)
        fail(say(MESSAGES, "shape", lang, what=what, got=got.shape, want=ref.shape, hint=hint))
    error = compare(what, got, ref, {}, lang)
    if error is not None:
        hint = say(MESSAGES, "sign" if np.allclose(got, -ref) else "formulas", lang)
        fail(say(MESSAGES, "values", lang, what=what, err=error, hint=hint))


def check_squared_difference(op_class, lang="en"):
    """Check ``op_class``, a `Function` for ``(a - b) ** 2`` that broadcasts, and its backward."""
    rng = np.random.default_rng(8)
    for shape_a, shape_b in [((3, 4), (3, 4)), ((4, 3), (3,)), ((2, 1), (1, 3))]:
        a, b = rng.normal(size=shape_a), rng.normal(size=shape_b)
        weights = rng.normal(size=np.broadcast_shapes(shape_a, shape_b))
        a_ref, b_ref = Tensor(a, requires_grad=True), Tensor(b, requires_grad=True)
        (((a_ref - b_ref) ** 2) * weights).sum().backward()  # the reference: kerasedu's own ops
        a_t, b_t = Tensor(a, requires_grad=True), Tensor(b, requires_grad=True)

        def run(a_t=a_t, b_t=b_t, weights=weights):
            out = op_class.apply(a_t, b_t)
            (out * weights).sum().backward()
            return out

        out = call_student(run, op_class.__name__, lang=lang)
        if np.shape(out.data) != weights.shape or not np.allclose(out.data, (a - b) ** 2):
            fail(say(MESSAGES, "forward_wrong", lang, a=shape_a, b=shape_b))
        compare_gradient("a", a_t.grad, a_ref.grad, weights.shape, lang)
        compare_gradient("b", b_t.grad, b_ref.grad, weights.shape, lang)
    passed(say(MESSAGES, "op_ok", lang))
