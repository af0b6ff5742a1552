"""Lesson 01's checks pass on right answers and fail, with their own hint, on wrong ones."""

import numpy as np
import pytest

from kerasedu.exercises import ExerciseFailed, lesson01


def right_gradient(x, y, w, b):
    e = w * x + b - y
    return np.mean(2 * e * x), np.mean(2 * e)


def right_step(x, y, w, b, learning_rate):
    grad_w, grad_b = right_gradient(x, y, w, b)
    return w - learning_rate * grad_w, b - learning_rate * grad_b


def first_step_within(tolerance=0.01):
    W, _ = lesson01.train_history(0.01, 2000)
    return int(np.argmax(np.abs(W - 0.5) < tolerance))


def stub(*args):
    raise NotImplementedError()


def fails_with(check, answer, *fragments, lang="en"):
    with pytest.raises(ExerciseFailed) as caught:
        check(answer, lang=lang)
    for fragment in fragments:
        assert fragment in str(caught.value), str(caught.value)


def test_regression_data_is_the_lessons():
    np.random.seed(1337)
    X = np.linspace(-1, 1, 200)
    np.random.shuffle(X)
    Y = 0.5 * X + 2 + np.random.normal(0, 0.05, (200,))
    for ours, lesson in zip(lesson01.regression_data(), (X[:160], Y[:160], X[160:], Y[160:])):
        np.testing.assert_array_equal(ours, lesson)


def test_train_history_restores_the_global_random_state():
    np.random.seed(5)
    expected = np.random.rand()
    np.random.seed(5)
    lesson01.train_history(0.01, 2)
    assert np.random.rand() == expected


def test_mse_gradient_passes_on_the_right_answer(capsys):
    lesson01.check_mse_gradient(right_gradient)
    assert capsys.readouterr().out.startswith("✔ mse_gradient agrees")


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (stub, "not written yet"),
        (lambda x, y, w, b: tuple(g / 2 for g in right_gradient(x, y, w, b)), "half"),
        (lambda x, y, w, b: tuple(len(x) * g for g in right_gradient(x, y, w, b)), "MEAN"),
        (lambda x, y, w, b: tuple(-g for g in right_gradient(x, y, w, b)), "wrong sign"),
        (lambda x, y, w, b: (np.mean(2 * (w * x + b - y)),) * 2, "a factor x_i"),
        (lambda x, y, w, b: (2 * (w * x + b - y) * x, 0.0), "average over the 160 points"),
        (lambda x, y, w, b: right_gradient(x, y, w, b)[0], "two numbers"),
        (lambda x, y, w, b: (right_gradient(x, y, w, b)[0], 1.0), "your dL/db is 1"),
    ],
)
def test_mse_gradient_fails_with_a_hint(answer, fragment):
    fails_with(lesson01.check_mse_gradient, answer, fragment)


def test_mse_gradient_hints_in_chinese():
    fails_with(lesson01.check_mse_gradient, lambda x, y, w, b: (0.0, 0.0), "自动求导", lang="zh")


def test_messages_exist_in_both_languages():
    assert lesson01.EN.keys() == lesson01.ZH.keys()
    for key in lesson01.EN:
        assert lesson01.EN[key] and lesson01.ZH[key] != lesson01.EN[key], key


@pytest.mark.parametrize(
    "check",
    [
        lesson01.check_mse_gradient,
        lesson01.check_sgd_step,
        lesson01.check_steps_needed,
        lesson01.check_fast_learning_rate,
    ],
)
def test_a_stub_is_reported_in_chinese(check):
    fails_with(check, stub, "还没有写", lang="zh")


def test_sgd_step_passes_on_the_right_answer(capsys):
    lesson01.check_sgd_step(right_step)
    assert "train_on_batch" in capsys.readouterr().out


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (stub, "not written yet"),
        (lambda x, y, w, b, lr: right_step(x, y, w, b, -lr), "uphill"),
        (lambda x, y, w, b, lr: right_step(x, y, w, b, 1.0), "learning rate"),
        (lambda x, y, w, b, lr: (right_step(x, y, w, b, lr)[0], b), "one train_on_batch"),
    ],
)
def test_sgd_step_fails_with_a_hint(answer, fragment):
    fails_with(lesson01.check_sgd_step, answer, fragment)


def test_steps_needed_passes_only_on_the_first_step(capsys):
    first = first_step_within()
    assert 800 < first < 1100  # the estimate of section 5: about 920
    lesson01.check_steps_needed(lambda: first)
    assert capsys.readouterr().out.startswith("✔")
    fails_with(lesson01.check_steps_needed, lambda: first - 1, "train longer")
    fails_with(lesson01.check_steps_needed, lambda: first + 50, "FIRST step")


@pytest.mark.parametrize(
    "answer, fragment",
    [(stub, "not written yet"), (lambda: 0.5, "whole number"), (lambda: 10**6, "from 1 to 20000")],
)
def test_steps_needed_refuses_what_is_not_a_count(answer, fragment):
    fails_with(lesson01.check_steps_needed, answer, fragment)


def test_fast_learning_rate_passes_at_the_balanced_rate(capsys):
    lesson01.check_fast_learning_rate(lambda: 0.75)
    assert capsys.readouterr().out.startswith("✔ at rate 0.75")


@pytest.mark.parametrize(
    "rate, fragment",
    [(0.3, "W needs a larger rate"), (0.9, "swings"), (1.5, "diverged"), (-1, "positive")],
)
def test_fast_learning_rate_explains_the_failure(rate, fragment):
    fails_with(lesson01.check_fast_learning_rate, lambda: rate, fragment)
