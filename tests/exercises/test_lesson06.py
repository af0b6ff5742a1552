"""Lesson 06's checks: pass on a right answer, fail with a precise hint on stubs and slips."""

import numpy as np
import pytest

from kerasedu.autograd import Function, unbroadcast
from kerasedu.exercises import ExerciseFailed, lesson06


def stub(*args, **kwargs):
    raise NotImplementedError()


def sigmoid_grad(w, x):
    s = 1 / (1 + np.exp(-w * x))
    return s * (1 - s) * x


def dense_relu_backward(x, w, b, grad_y):
    grad_z = grad_y * (x @ w + b > 0)
    return grad_z @ w.T, x.T @ grad_z, grad_z.sum(axis=0)


def masked(slip):
    """Turn a slip about the dense part into one that does the ReLU right."""
    return lambda x, w, b, g: slip(x, w, b, g * (x @ w + b > 0))


def numerical_gradient(f, x, eps=1e-6):
    grad = np.zeros_like(x)
    for index in np.ndindex(*x.shape):
        old = x[index]
        x[index] = old + eps
        plus = f(x)
        x[index] = old - eps
        minus = f(x)
        x[index] = old
        grad[index] = (plus - minus) / (2 * eps)
    return grad


class SquaredDifference(Function):
    def forward(self, a, b):
        self.save_for_backward(a, b)
        return (a - b) ** 2

    def backward(self, grad):
        a, b = self.saved
        diff = 2 * (a - b) * grad
        return unbroadcast(diff, a.shape), unbroadcast(-diff, b.shape)


def test_right_answers_pass(capsys):
    lesson06.check_sigmoid_grad(sigmoid_grad)
    lesson06.check_dense_relu_backward(dense_relu_backward)
    lesson06.check_numerical_gradient(numerical_gradient)
    lesson06.check_squared_difference(SquaredDifference)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and all(line.startswith("✔ ") for line in lines)


@pytest.mark.parametrize(
    "check", ["check_sigmoid_grad", "check_dense_relu_backward", "check_numerical_gradient"]
)
def test_stubs_fail_in_both_languages(check):
    with pytest.raises(ExerciseFailed, match="is not written yet"):
        getattr(lesson06, check)(stub)
    with pytest.raises(ExerciseFailed, match="还没有写"):
        getattr(lesson06, check)(stub, lang="zh")


def test_sigmoid_grad_without_the_inner_derivative():
    def slip(w, x):
        s = 1 / (1 + np.exp(-w * x))
        return s * (1 - s)

    with pytest.raises(ExerciseFailed, match=r"w=0.5, x=2.0.*multiplies it by d\(w·x\)/dw"):
        lesson06.check_sigmoid_grad(slip)
    with pytest.raises(ExerciseFailed, match="应该返回一个数"):
        lesson06.check_sigmoid_grad(lambda w, x: (w, x), lang="zh")


@pytest.mark.parametrize(
    ("slip", "message"),
    [
        (lambda x, w, b, g: (g @ w.T, x.T @ g, g), r"grad_b has shape \(4, 2\), expected \(2,\)"),
        (lambda x, w, b, g: (g @ w.T, x.T @ g, g.mean(axis=0)), "the mean over the batch"),
        (lambda x, w, b, g: (g @ w.T, g.T @ x, g.sum(axis=0)), "looks transposed"),
        (lambda x, w, b, g: (g, x.T @ g, g.sum(axis=0)), "grad_x has shape.*always has the shape"),
        (lambda x, w, b, g: (2 * g @ w.T, x.T @ g, g.sum(0)), "grad_x has the right shape"),
        (lambda x, w, b, g: (g @ w.T, x.T @ g), "must return three arrays"),
        (lambda x, w, b, g: (g @ w.T, x.T @ g, g.sum(0)), "without the ReLU"),
    ],
)
def test_dense_relu_backward_slips(slip, message):
    if "ReLU" not in message:
        slip = masked(slip)
    with pytest.raises(ExerciseFailed, match=message):
        lesson06.check_dense_relu_backward(slip)


def test_numerical_gradient_slips():
    def one_sided(f, x, eps=1e-6):
        grad = np.zeros_like(x)
        for index in np.ndindex(*x.shape):
            shifted = x.copy()
            shifted[index] += eps
            grad[index] = (f(shifted) - f(x)) / eps
        return grad

    def forgets_to_restore(f, x, eps=1e-6):
        x[0, 0] += 1e-3
        return numerical_gradient(f, x, eps)

    with pytest.raises(ExerciseFailed, match="looks one-sided"):
        lesson06.check_numerical_gradient(one_sided)
    with pytest.raises(ExerciseFailed, match="changed the x it was given"):
        lesson06.check_numerical_gradient(forgets_to_restore)
    with pytest.raises(ExerciseFailed, match="wrong values"):
        lesson06.check_numerical_gradient(lambda f, x, eps=1e-6: 2 * numerical_gradient(f, x))


class NoUnbroadcast(SquaredDifference):
    def backward(self, grad):
        a, b = self.saved
        return 2 * (a - b) * grad, -2 * (a - b) * grad


class WrongSign(SquaredDifference):
    def backward(self, grad):
        a, b = self.saved
        diff = 2 * (a - b) * grad
        return unbroadcast(diff, a.shape), unbroadcast(diff, b.shape)


class Stub(SquaredDifference):
    def backward(self, grad):
        raise NotImplementedError()


@pytest.mark.parametrize(
    ("op_class", "message"),
    [
        (Stub, "Stub is not written yet"),
        (NoUnbroadcast, r"gradient of b \(shape \(3,\)\) has shape \(4, 3\).*unbroadcast"),
        (WrongSign, "the gradient of b .* wrong sign"),
    ],
)
def test_squared_difference_slips(op_class, message):
    with pytest.raises(ExerciseFailed, match=message):
        lesson06.check_squared_difference(op_class)


def test_squared_difference_hint_in_chinese():
    with pytest.raises(ExerciseFailed, match="要求和回它自己的形状"):
        lesson06.check_squared_difference(NoUnbroadcast, lang="zh")
