"""The checks fire from compile() and fit() on real models, and stay silent on correct code."""

import warnings

import numpy as np
import pytest

from kerasedu.diagnostics import TeachingWarning
from kerasedu.layers import Dense
from kerasedu.models import Sequential
from kerasedu.optimizers import SGD
from kerasedu.utils import to_categorical


def teaching_messages(fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fn()
    return [str(w.message) for w in caught if issubclass(w.category, TeachingWarning)]


def classifier(units=3, activation="softmax", loss="categorical_crossentropy", optimizer="adam"):
    np.random.seed(0)
    model = Sequential(
        [Dense(8, activation="relu", input_shape=(4,)), Dense(units, activation=activation)]
    )
    model.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])
    return model


def data(n=48, scale=1.0):
    rng = np.random.default_rng(0)
    x = (rng.random((n, 4)) * scale).astype("float32")
    y = rng.integers(0, 3, size=n)
    return x, y


def test_correct_training_is_silent():
    x, y = data()
    model = classifier()
    assert (
        teaching_messages(
            lambda: model.fit(x, to_categorical(y, 3), epochs=2, verbose=0, validation_split=0.25)
        )
        == []
    )


def test_single_unit_softmax_fires_at_compile():
    assert any(
        "single_unit_softmax" in m
        for m in teaching_messages(
            lambda: classifier(units=1, activation="softmax", loss="binary_crossentropy")
        )
    )


def test_unscaled_pixels_fire_at_the_first_batch():
    x, y = data(scale=255.0)
    x = np.round(x)
    model = classifier()
    messages = teaching_messages(lambda: model.fit(x, to_categorical(y, 3), verbose=0))
    assert any("input_scale" in m for m in messages)


def test_integer_labels_with_categorical_loss_name_both_shapes():
    x, y = data()
    model = classifier()
    with pytest.raises(ValueError, match=r"\(None, 3\).*\(32,\)|to_categorical"):
        model.fit(x, y, verbose=0)


def test_from_logits_on_a_softmax_output():
    from kerasedu.losses import CategoricalCrossentropy

    x, y = data()
    model = classifier(loss=CategoricalCrossentropy(from_logits=True))
    messages = teaching_messages(lambda: model.fit(x, to_categorical(y, 3), verbose=0))
    assert any("from_logits" in m for m in messages)


def test_learning_rate_zero_and_divergence():
    x, y = data()
    model = classifier(optimizer=SGD(learning_rate=0.0))
    assert any(
        "learning rate is 0" in m
        for m in teaching_messages(lambda: model.fit(x, to_categorical(y, 3), verbose=0))
    )
    np.random.seed(0)
    regression = Sequential([Dense(1, input_shape=(4,))])
    regression.compile(optimizer=SGD(learning_rate=5.0), loss="mse")
    messages = teaching_messages(
        lambda: regression.fit(x * 10, y.astype("float32"), batch_size=4, verbose=0)
    )
    assert sum("training_health" in m for m in messages) == 1  # once per fit, not once per step


def test_sorted_labels_with_validation_split():
    x, y = data()
    order = np.argsort(y, kind="stable")
    model = classifier()
    messages = teaching_messages(
        lambda: model.fit(x[order], to_categorical(y[order], 3), verbose=0, validation_split=0.2)
    )
    assert any("sorted_validation_split" in m for m in messages)


def test_trainable_changed_after_compile():
    x, y = data()
    model = classifier()
    model.layers[0].trainable = False
    messages = teaching_messages(lambda: model.fit(x, to_categorical(y, 3), verbose=0))
    assert any("trainable_after_compile" in m for m in messages)


def test_warning_points_at_the_callers_line():
    x, y = data(scale=255.0)
    model = classifier()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.fit(np.round(x), to_categorical(y, 3), verbose=0)
    teaching = [w for w in caught if issubclass(w.category, TeachingWarning)]
    assert teaching and teaching[0].filename == __file__


def test_dead_relu_network_and_no_false_alarm():
    x, y = data()
    np.random.seed(0)
    model = Sequential(
        [
            Dense(
                8,
                activation="relu",
                input_shape=(4,),
                bias_initializer="zeros",
                kernel_initializer="zeros",
            ),
            Dense(3, activation="softmax"),
        ]
    )
    model.layers[0].set_weights([-np.ones((4, 8), "float32"), -np.ones(8, "float32")])
    model.compile(optimizer=SGD(learning_rate=0.01), loss="categorical_crossentropy")
    assert any(
        "dead" in m
        for m in teaching_messages(lambda: model.fit(x, to_categorical(y, 3), verbose=0))
    )
    healthy = classifier()
    assert not teaching_messages(lambda: healthy.fit(x, to_categorical(y, 3), verbose=0))
