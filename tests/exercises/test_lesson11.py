"""Lesson 11's checks: pass on a right answer, fail with a precise hint on stubs and slips."""

import numpy as np
import pytest

from kerasedu.autograd import Function
from kerasedu.exercises import ExerciseFailed, lesson11
from kerasedu.initializers import Constant
from kerasedu.layers import Layer


class Swish(Function):
    def forward(self, x):
        s = 1 / (1 + np.exp(-x))
        self.save_for_backward(x, s)
        return x * s

    def backward(self, grad):
        x, s = self.saved
        return (grad * (s + x * s * (1 - s)),)


class HalfProductRule(Swish):
    def backward(self, grad):
        x, s = self.saved
        return (grad * s,)


class StubSwish(Swish):
    def backward(self, grad):
        raise NotImplementedError()


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def ce_grad(logits, labels):
    return (softmax(logits) - np.eye(logits.shape[1])[labels]) / len(logits)


class Scale(Layer):
    def __init__(self, initial=1.0, **kwargs):
        super().__init__(**kwargs)
        self.initial = initial

    def build(self, input_shape):
        self.scale = self.add_weight(
            shape=(input_shape[-1],), initializer=Constant(self.initial), name="scale"
        )
        super().build(input_shape)

    def call(self, inputs):
        return inputs * self.scale

    def get_config(self):
        return {**super().get_config(), "initial": self.initial}


class ScaleNoConfig(Scale):
    def get_config(self):
        return Layer.get_config(self)


class ScaleDetached(Scale):
    def call(self, inputs):
        return inputs * self.scale.data  # a NumPy array: no gradient reaches the weight


class ScaleStub(Layer):
    def __init__(self, initial=1.0, **kwargs):
        raise NotImplementedError()


def train_step(model, loss_fn, optimizer, x, y, clear=True, training=True):
    variables = model.trainable_weights
    if clear:
        for variable in variables:
            variable.grad = None
    loss = loss_fn(y, model(x, training=training))
    loss.backward()
    optimizer.apply_gradients(zip([v.grad for v in variables], variables))
    return loss.item()


def test_right_answers_pass(capsys):
    lesson11.check_swish(Swish)
    lesson11.check_crossentropy_logits_grad(ce_grad)
    lesson11.check_scale_layer(Scale)
    lesson11.check_train_step(train_step)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and all(line.startswith("✔ ") for line in lines)


def stub(*args, **kwargs):
    raise NotImplementedError()


@pytest.mark.parametrize(
    "check, answer",
    [
        (lesson11.check_swish, StubSwish),
        (lesson11.check_crossentropy_logits_grad, stub),
        (lesson11.check_scale_layer, ScaleStub),
        (lesson11.check_train_step, stub),
    ],
)
def test_stubs_fail(check, answer):
    with pytest.raises(ExerciseFailed, match="not written yet"):
        check(answer)


def test_stub_in_chinese():
    with pytest.raises(ExerciseFailed, match="还没有写"):
        lesson11.check_train_step(stub, lang="zh")


def test_swish_half_product_rule():
    with pytest.raises(ExerciseFailed, match="half of the product rule"):
        lesson11.check_swish(HalfProductRule)


@pytest.mark.parametrize(
    "slip, message",
    [
        (lambda z, t: ce_grad(z, t) * len(z), "N times too large"),
        (lambda z, t: (z - np.eye(z.shape[1])[t]) / len(z), "p is softmax"),
        (lambda z, t: -ce_grad(z, t), "wrong sign"),
        (lambda z, t: ce_grad(z, t)[:, :-1], "has shape"),
    ],
)
def test_crossentropy_slips(slip, message):
    with pytest.raises(ExerciseFailed, match=message):
        lesson11.check_crossentropy_logits_grad(slip)


def test_crossentropy_overflow():
    def no_shift(logits, labels):
        e = np.exp(logits)
        return (e / e.sum(axis=1, keepdims=True) - np.eye(logits.shape[1])[labels]) / len(logits)

    with np.errstate(over="ignore", invalid="ignore"):
        with pytest.raises(ExerciseFailed, match="exp overflowed"):
            lesson11.check_crossentropy_logits_grad(no_shift)


@pytest.mark.parametrize(
    "slip, message",
    [(ScaleNoConfig, "must hold 'initial'"), (ScaleDetached, "no gradient reached it")],
)
def test_scale_slips(slip, message):
    with pytest.raises(ExerciseFailed, match=message):
        lesson11.check_scale_layer(slip)


@pytest.mark.parametrize(
    "kwargs, message",
    [({"clear": False}, "Gradients accumulate"), ({"training": False}, "training=True")],
)
def test_train_step_slips(kwargs, message):
    def slip(*args):
        return train_step(*args, **kwargs)

    with pytest.raises(ExerciseFailed, match=message):
        lesson11.check_train_step(slip)
