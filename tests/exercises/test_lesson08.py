"""Lesson 08's checks: pass on a right answer, fail with a precise hint on stubs and slips."""

import numpy as np
import pytest

from kerasedu.exercises import ExerciseFailed, lesson08


def stub(*args, **kwargs):
    raise NotImplementedError()


def huber(y_true, y_pred, delta=1.0):
    e = np.abs(y_pred - y_true)
    return np.where(e <= delta, 0.5 * e**2, delta * e - 0.5 * delta**2).mean(axis=-1)


def top_k_accuracy(labels, scores, k):
    best = np.argsort(scores, axis=-1)[:, -k:]
    return float((best == labels[:, None]).any(axis=-1).mean())


def amsgrad_step(w, g, m, v, v_max, t, lr=0.001):
    m = 0.9 * m + 0.1 * g
    v = 0.999 * v + 0.001 * g**2
    v_max = np.maximum(v_max, v)
    lr_t = lr * np.sqrt(1 - 0.999**t) / (1 - 0.9**t)
    return w - lr_t * m / (np.sqrt(v_max) + 1e-7), m, v, v_max


def adam_step(w, g, m, v, v_max, t, lr=0.001):
    """Plain Adam: keeps v_max but divides by v."""
    m = 0.9 * m + 0.1 * g
    v = 0.999 * v + 0.001 * g**2
    lr_t = lr * np.sqrt(1 - 0.999**t) / (1 - 0.9**t)
    return w - lr_t * m / (np.sqrt(v) + 1e-7), m, v, np.maximum(v_max, v)


def test_right_answers_pass(capsys):
    lesson08.check_huber(huber)
    lesson08.check_top_k_accuracy(top_k_accuracy)
    lesson08.check_deep_relu_initializer(lambda: "he_normal")
    lesson08.check_amsgrad_step(amsgrad_step)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and all(line.startswith("✔ ") for line in lines)


@pytest.mark.parametrize(
    "check",
    [
        lesson08.check_huber,
        lesson08.check_top_k_accuracy,
        lesson08.check_deep_relu_initializer,
        lesson08.check_amsgrad_step,
    ],
)
@pytest.mark.parametrize("lang, words", [("en", "is not written yet"), ("zh", "还没有写")])
def test_stubs_fail(check, lang, words):
    with pytest.raises(ExerciseFailed, match=words):
        check(stub, lang=lang)


def test_huber_slips():
    def elementwise(y_true, y_pred, delta=1.0):
        e = np.abs(y_pred - y_true)
        return np.where(e <= delta, 0.5 * e**2, delta * e - 0.5 * delta**2)

    def delta_ignored(y_true, y_pred, delta=1.0):
        e = np.abs(y_pred - y_true)
        return np.where(e <= delta, 0.5 * e**2, e - 0.5).mean(axis=-1)

    def no_half(y_true, y_pred, delta=1.0):
        e = np.abs(y_pred - y_true)
        return np.where(e <= delta, e**2, delta * e - 0.5 * delta**2).mean(axis=-1)

    with pytest.raises(ExerciseFailed, match="one value per sample"):
        lesson08.check_huber(elementwise)
    with pytest.raises(ExerciseFailed, match="right for delta=1 only"):
        lesson08.check_huber(delta_ignored)
    with pytest.raises(ExerciseFailed, match=r"0\.5 \* e²"):
        lesson08.check_huber(no_half)
    with pytest.raises(ExerciseFailed, match="只有 delta=1 时才对"):
        lesson08.check_huber(delta_ignored, lang="zh")


def test_top_k_slips():
    def lowest(labels, scores, k):
        worst = np.argsort(scores, axis=-1)[:, :k]
        return float((worst == labels[:, None]).any(axis=-1).mean())

    with pytest.raises(ExerciseFailed, match="LOWEST"):
        lesson08.check_top_k_accuracy(lowest)
    with pytest.raises(ExerciseFailed, match="expected one number"):
        lesson08.check_top_k_accuracy(lambda labels, scores, k: np.ones(len(labels)))
    with pytest.raises(ExerciseFailed, match=r"k=1\) returned"):
        lesson08.check_top_k_accuracy(lambda labels, scores, k: 0.0)


def test_initializer_slips():
    with pytest.raises(ExerciseFailed, match="the signal fades"):
        lesson08.check_deep_relu_initializer(lambda: "glorot_normal")
    with pytest.raises(ExerciseFailed, match="the signal fades"):
        lesson08.check_deep_relu_initializer(lambda: "random_normal")
    with pytest.raises(ExerciseFailed, match="blow up"):
        lesson08.check_deep_relu_initializer(lambda: "ones")
    with pytest.raises(ExerciseFailed, match="not an initializer"):
        lesson08.check_deep_relu_initializer(lambda: "kaiming")


def test_amsgrad_slips():
    def wrong_bias(w, g, m, v, v_max, t, lr=0.001):
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g**2
        v_max = np.maximum(v_max, v)
        return w - lr * m / (np.sqrt(v_max) + 1e-7), m, v, v_max

    with pytest.raises(ExerciseFailed, match="plain Adam"):
        lesson08.check_amsgrad_step(adam_step)
    with pytest.raises(ExerciseFailed, match="bias correction"):
        lesson08.check_amsgrad_step(wrong_bias)
    with pytest.raises(ExerciseFailed, match="four arrays"):
        lesson08.check_amsgrad_step(lambda w, g, m, v, v_max, t, lr=0.001: w)
