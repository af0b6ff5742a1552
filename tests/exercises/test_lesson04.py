"""Lesson 04's checks: pass on a right answer, fail with a precise hint on stubs and slips."""

import numpy as np
import pytest

from kerasedu.exercises import ExerciseFailed, lesson04
from kerasedu.layers import Concatenate, Dense, Input
from kerasedu.models import Model
from kerasedu.optimizers import Adam


def stub(*args, **kwargs):
    raise NotImplementedError()


def concat_shape(shapes, axis):
    ndim = len(shapes[0])
    if not -ndim <= axis < ndim or any(len(s) != ndim for s in shapes):
        raise ValueError("no such axis")
    axis %= ndim
    for shape in shapes:
        if any(a != b for k, (a, b) in enumerate(zip(shape, shapes[0])) if k != axis):
            raise ValueError("shapes differ")
    return tuple(sum(s[axis] for s in shapes) if k == axis else n for k, n in enumerate(shapes[0]))


def to_rgb(red, green, blue):
    return np.concatenate([c[..., None] for c in (red, green, blue)], axis=-1)


def concat_backward(grad, sizes, axis):
    return np.split(grad, np.cumsum(sizes)[:-1], axis=axis)


def build_model(hidden=32, activation="tanh", join=True):
    left, right = Input(shape=(3,)), Input(shape=(2,))
    x = Concatenate()([left, right]) if join else left
    if hidden:
        x = Dense(hidden, activation=activation)(x)
    model = Model([left, right], Dense(1)(x))
    model.compile(optimizer=Adam(0.01), loss="mse")
    return model


def test_right_answers_pass(capsys):
    lesson04.check_concat_shape(concat_shape)
    lesson04.check_to_rgb(to_rgb)
    lesson04.check_concat_backward(concat_backward)
    lesson04.check_build_model(build_model)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and all(line.startswith("✔ ") for line in lines)
    assert lines[-1].startswith("✔ Test MSE 0.00")


@pytest.mark.parametrize(
    "check", ["check_concat_shape", "check_to_rgb", "check_concat_backward", "check_build_model"]
)
def test_stubs_fail_in_both_languages(check):
    with pytest.raises(ExerciseFailed, match="is not written yet"):
        getattr(lesson04, check)(stub)
    with pytest.raises(ExerciseFailed, match="还没有写"):
        getattr(lesson04, check)(stub, lang="zh")


def test_concat_shape_slips():
    def positive_axes_only(shapes, axis):
        shape = list(shapes[0])
        shape[axis if axis >= 0 else 0] = sum(s[axis] for s in shapes)
        return tuple(shape)

    def never_refuses(shapes, axis):
        shape = list(shapes[0])
        shape[axis] = sum(s[axis] for s in shapes)
        return tuple(shape)

    with pytest.raises(ExerciseFailed, match=r"axis=-2\) returned \(4, 2, 2\).*axis n - k"):
        lesson04.check_concat_shape(positive_axes_only)
    with pytest.raises(ExerciseFailed, match=r"axis=0\) returned \(4, 3\).*must match"):
        lesson04.check_concat_shape(never_refuses)


@pytest.mark.parametrize(
    ("slip", "message"),
    [
        (lambda r, g, b: np.stack([r, g, b]), r"\(3, 2, 3\).*go last"),
        (lambda r, g, b: np.dstack([r, g, b]), r"\(4, 2, 9\).*works for one image"),
        (lambda r, g, b: np.stack([r, g, b], axis=2), r"not the red channel\. It works for one"),
        (lambda r, g, b: np.stack([b, g, r], axis=-1), r"\[\.\.\., 0\] is not the red channel"),
    ],
)
def test_to_rgb_slips(slip, message):
    with pytest.raises(ExerciseFailed, match=message):
        lesson04.check_to_rgb(slip)


@pytest.mark.parametrize(
    ("slip", "message"),
    [
        (lambda g, sizes, axis: [g], "returned 1 pieces for 2 inputs"),
        (lambda g, sizes, axis: np.split(g, [sizes[0]], axis=0), "Did you cut along the right"),
        (lambda g, sizes, axis: np.split(g, [sizes[0]], axis=axis)[::-1], "wrong part of grad"),
        (lambda g, sizes, axis: [g[:, : sizes[0]] * 0, g[:, sizes[0] :]], "wrong part of grad"),
    ],
)
def test_concat_backward_slips(slip, message):
    with pytest.raises(ExerciseFailed, match=message):
        lesson04.check_concat_backward(slip)


def one_input():
    inputs = Input(shape=(3,))
    return Model(inputs, Dense(1)(inputs))


def test_build_model_slips():
    with pytest.raises(ExerciseFailed, match=r"two inputs.*returned \[\(None, 3\)\]"):
        lesson04.check_build_model(one_input)
    with pytest.raises(ExerciseFailed, match="no Concatenate layer"):
        lesson04.check_build_model(lambda: build_model(join=False))
    with pytest.raises(ExerciseFailed, match=r"test MSE is 0\.3.*linear model cannot"):
        lesson04.check_build_model(lambda: build_model(hidden=0))
