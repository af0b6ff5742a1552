"""Lesson 00's checks: pass on a right answer, fail with a precise hint on stubs and slips."""

import math

import numpy as np
import pytest

from kerasedu.exercises import ExerciseFailed, lesson00
from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential
from kerasedu.optimizers import Adam


def stub(*args, **kwargs):
    raise NotImplementedError()


def count_steps(n_samples, batch_size, epochs):
    return math.ceil(n_samples / batch_size) * epochs


def count_params(sizes):
    return sum(a * b + b for a, b in zip(sizes, sizes[1:]))


def make_batches(x, y, batch_size, rng=None):
    order = np.arange(len(x)) if rng is None else rng.permutation(len(x))
    return [
        (x[order[i : i + batch_size]], y[order[i : i + batch_size]])
        for i in range(0, len(x), batch_size)
    ]


def build_model(units=64, learning_rate=0.005, activation="relu"):
    model = Sequential(
        [Input(shape=(1,)), Dense(units, activation=activation),
         Dense(units, activation=activation), Dense(1)]
    )  # fmt: skip
    model.compile(optimizer=Adam(learning_rate=learning_rate), loss="mse")
    return model


def test_right_answers_pass(capsys):
    lesson00.check_count_steps(count_steps)
    lesson00.check_count_params(count_params)
    lesson00.check_make_batches(make_batches)
    lesson00.check_build_model(build_model)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and all(line.startswith("✔ ") for line in lines)


@pytest.mark.parametrize(
    "check", ["check_count_steps", "check_count_params", "check_make_batches", "check_build_model"]
)
def test_stubs_fail_in_both_languages(check):
    with pytest.raises(ExerciseFailed, match="is not written yet"):
        getattr(lesson00, check)(stub)
    with pytest.raises(ExerciseFailed, match="还没有写"):
        getattr(lesson00, check)(stub, lang="zh")


def test_count_steps_and_params_slips():
    with pytest.raises(ExerciseFailed, match=r"returned 31, but fit makes 32.*smaller batch"):
        lesson00.check_count_steps(lambda n, b, e: n // b * e)
    with pytest.raises(ExerciseFailed, match=r"returned 32, but fit makes 1920"):
        lesson00.check_count_steps(lambda n, b, e: math.ceil(n / b))
    with pytest.raises(ExerciseFailed, match=r"returned 1088, .* 1153 parameters.*a bias"):
        lesson00.check_count_params(lambda s: sum(a * b for a, b in zip(s, s[1:])))


@pytest.mark.parametrize(
    ("slip", "message"),
    [
        (lambda x, y, b, rng=None: [(x[i : i + b], y[i : i + b]) for i in range(0, 8, b)],
         r"sizes \[4, 4\], expected \[4, 4, 2\].*smaller batch"),
        (lambda x, y, b, rng=None: make_batches(x, y, b),
         "come out in their original order"),
        (lambda x, y, b, rng=None: [(bx[::-1], by[::-1]) for bx, by in make_batches(x, y, b)],
         "keep the samples in their order"),
        (lambda x, y, b, rng=None: [(x[k], y[k]) for k in np.split(
            rng.integers(0, len(x), len(x)) if rng else np.arange(len(x)), [4, 8])],
         "exactly once"),
        (lambda x, y, b, rng=None: [(bx, y[: len(bx)]) for bx, _ in make_batches(x, y, b, rng)],
         "x and y no longer match"),
        (lambda x, y, b, rng=None: np.zeros(3), "list of .x_batch, y_batch. pairs"),
    ],
)  # fmt: skip
def test_make_batches_slips(slip, message):
    with pytest.raises(ExerciseFailed, match=message):
        lesson00.check_make_batches(slip)


def test_build_model_slips():
    with pytest.raises(ExerciseFailed, match=r"sin\(2x\) is 0\.0\d+, above the target"):
        lesson00.check_build_model(lambda: build_model(32, 0.001, "tanh"))  # the lesson's model
    with pytest.raises(ExerciseFailed, match="must return a compiled model"):
        lesson00.check_build_model(lambda: "model")
    with pytest.raises(ExerciseFailed, match="model.fit raised"):
        lesson00.check_build_model(lambda: Sequential([Input(shape=(1,)), Dense(1)]))
