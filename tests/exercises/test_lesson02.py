"""Lesson 02's checks pass on right answers and fail, with their own hint, on wrong ones."""

import numpy as np
import pytest

from kerasedu import optimizers
from kerasedu.exercises import ExerciseFailed, lesson02
from kerasedu.layers import Conv2D, Dense, Flatten, Input, MaxPooling2D
from kerasedu.models import Sequential
from kerasedu.utils import to_categorical


def stub(*args):
    raise NotImplementedError()


def fails_with(check, answer, *fragments, lang="en"):
    with pytest.raises(ExerciseFailed) as caught:
        check(answer, lang=lang)
    for fragment in fragments:
        assert fragment in str(caught.value), str(caught.value)


def right_prepare(images, labels):
    return images.reshape(-1, 784).astype("float32") / 255, to_categorical(labels, 10)


def test_prepare_passes_on_the_right_answer(capsys):
    lesson02.check_prepare(right_prepare)
    assert capsys.readouterr().out.startswith("✔ prepare")


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (stub, "not written yet"),
        (lambda i, y: right_prepare(i, y)[0], "two arrays"),
        (lambda i, y: (i.astype("float32") / 255, to_categorical(y, 10)), "flatten"),
        (lambda i, y: (i.reshape(-1, 784) / 255, to_categorical(y, 10)), "float32"),
        (lambda i, y: (i.reshape(-1, 784).astype("float32"), to_categorical(y, 10)), "scale"),
        (lambda i, y: ((i.reshape(-1, 784) // 255).astype("float32"), y), "integer division"),
        (lambda i, y: (right_prepare(i.transpose(0, 2, 1), y)[0], y), "row by row"),
        (lambda i, y: (right_prepare(i, y)[0], y), "one-hot"),
        (lambda i, y: (right_prepare(i, y)[0], to_categorical((y + 1) % 10, 10)), "index"),
    ],
)
def test_prepare_fails_with_a_hint(answer, fragment):
    fails_with(lesson02.check_prepare, answer, fragment)


def right_crossentropy(probs, one_hot):
    return np.mean(-np.sum(one_hot * np.log(probs), axis=1))


def test_crossentropy_passes_on_the_right_answer(capsys):
    lesson02.check_crossentropy(right_crossentropy)
    assert capsys.readouterr().out.startswith("✔")


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (stub, "not written yet"),
        (lambda p, t: -right_crossentropy(p, t), "MINUS"),
        (lambda p, t: len(p) * right_crossentropy(p, t), "summed over the samples"),
        (lambda p, t: np.mean(-t * np.log(p)), "10 classes"),
        (lambda p, t: -np.sum(t * np.log(p), axis=1), "average"),
        (lambda p, t: np.mean(-np.log(p)), "library's categorical_crossentropy"),
    ],
)
def test_crossentropy_fails_with_a_hint(answer, fragment):
    fails_with(lesson02.check_crossentropy, answer, fragment)


def right_rmsprop(w, g, v, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    v = rho * v + (1 - rho) * g**2
    return w - learning_rate * g / np.sqrt(v + epsilon), v


def test_rmsprop_step_passes_on_the_right_answer(capsys):
    lesson02.check_rmsprop_step(right_rmsprop)
    assert capsys.readouterr().out.startswith("✔ rmsprop_step")


def eps_outside(w, g, v, learning_rate, rho, epsilon):
    v = rho * v + (1 - rho) * g**2
    return w - learning_rate * g / (np.sqrt(v) + epsilon), v


def no_decay(w, g, v, learning_rate, rho, epsilon):
    v = rho * v + g**2
    return w - learning_rate * g / np.sqrt(v + epsilon), v


def old_v(w, g, v, learning_rate, rho, epsilon):
    return w - learning_rate * g / np.sqrt(v + epsilon), rho * v + (1 - rho) * g**2


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (stub, "not written yet"),
        (eps_outside, "INSIDE the square root"),
        (no_decay, "(1 - rho)"),
        (old_v, "NEW v"),
        (lambda w, g, v, lr, rho, eps: (w - lr * g, v), "differs from kerasedu's RMSprop"),
    ],
)
def test_rmsprop_step_fails_with_a_hint(answer, fragment):
    fails_with(lesson02.check_rmsprop_step, answer, fragment)


def small_cnn():
    model = Sequential(
        [
            Input(shape=(28, 28, 1)),
            Conv2D(16, kernel_size=3, activation="relu"),
            MaxPooling2D(pool_size=2),
            Conv2D(32, kernel_size=3, activation="relu"),
            MaxPooling2D(pool_size=2),
            Flatten(),
            Dense(64, activation="relu"),
            Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer=optimizers.Adam(0.002), loss="categorical_crossentropy")
    return model


def mlp():
    model = Sequential(
        [Input(shape=(784,)), Dense(128, activation="relu"), Dense(10, activation="softmax")]
    )
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    return model


def test_model_passes_with_a_small_cnn(capsys):
    lesson02.check_model(small_cnn)
    assert capsys.readouterr().out.startswith("✔ validation accuracy")


def uncompiled():
    return Sequential([Input(shape=(784,)), Dense(10, activation="softmax")])


def no_input():
    model = Sequential([Dense(10, activation="softmax")])
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    return model


def sparse_loss():
    model = mlp()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (stub, "not written yet"),
        (mlp, "below 0.95"),
        (uncompiled, "not compiled"),
        (no_input, "Input(shape=(784,))"),
        (sparse_loss, "categorical_crossentropy"),
        (lambda: "model", "compiled model"),
    ],
)
def test_model_fails_with_a_hint(answer, fragment):
    fails_with(lesson02.check_model, answer, fragment)


def test_model_check_leaves_the_global_random_state_alone():
    np.random.seed(7)
    expected = np.random.rand()
    np.random.seed(7)
    with pytest.raises(ExerciseFailed):
        lesson02.check_model(uncompiled)
    assert np.random.rand() == expected


def test_messages_exist_in_both_languages():
    assert lesson02.EN.keys() == lesson02.ZH.keys()
    for key in lesson02.EN:
        assert lesson02.EN[key] and lesson02.ZH[key] != lesson02.EN[key], key


@pytest.mark.parametrize(
    "check, answer",
    [
        (lesson02.check_prepare, stub),
        (lesson02.check_crossentropy, lambda p, t: 0.0),
        (lesson02.check_rmsprop_step, lambda w, g, v, lr, rho, eps: (w, v)),
        (lesson02.check_model, lambda: "model"),
    ],
)
def test_checks_speak_chinese(check, answer):
    with pytest.raises(ExerciseFailed) as caught:
        check(answer, lang="zh")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value)), str(caught.value)
