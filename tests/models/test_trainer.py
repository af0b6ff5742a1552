"""Trainer: the running means that fit and evaluate log, and the loop's order."""

import numpy as np
import pytest

from kerasedu.callbacks import Callback
from kerasedu.layers import Dense, Input, Layer
from kerasedu.models import Model, Sequential
from kerasedu.models.trainer import Trainer


def linear_model(**compile_kwargs):
    np.random.seed(0)
    model = Sequential([Input(shape=(2,)), Dense(1)])
    model.compile(optimizer="sgd", loss="mse", **compile_kwargs)
    return model


def test_every_model_is_a_trainer():
    assert isinstance(linear_model(), Trainer)


def test_logged_loss_is_the_exact_float64_mean_of_the_batches():
    x = np.random.rand(7, 2).astype("float32")
    y = np.random.rand(7, 1).astype("float32")
    model = linear_model()
    batches = [(0, 3), (3, 6), (6, 7)]
    losses = [model.test_on_batch(x[a:b], y[a:b]) for a, b in batches]
    expected = sum(loss * (b - a) for loss, (a, b) in zip(losses, batches)) / 7
    assert model.evaluate(x, y, batch_size=3, verbose=0) == expected


def test_accuracy_is_logged_as_float32_and_a_function_metric_as_float64():
    def first_output(y_true, y_pred):
        return y_pred[:, 0]

    model = Sequential([Input(shape=(2,)), Dense(2, activation="softmax")])
    model.compile(loss="categorical_crossentropy", metrics=["accuracy", first_output])
    x = np.random.rand(3, 2).astype("float32")
    y = np.eye(2, dtype="float32")[[0, 1, 1]]
    logs = model.evaluate(x, y, verbose=0, return_dict=True)
    predicted = model.predict(x, verbose=0)
    hits = float(np.sum(predicted.argmax(-1) == y.argmax(-1)))
    assert logs["accuracy"] == float(np.float32(hits / 3))  # Keras's float32 result
    assert logs["first_output"] == predicted[:, 0].astype("float64").sum() / 3


def test_fit_calls_the_hooks_in_keras_order():
    calls = []

    class Recorder(Callback):
        def on_train_begin(self, logs=None):
            calls.append("train_begin")

        def on_epoch_begin(self, epoch, logs=None):
            calls.append(f"epoch_begin {epoch}")

        def on_train_batch_end(self, batch, logs=None):
            calls.append(f"batch_end {batch} {sorted(logs)}")

        def on_test_end(self, logs=None):
            calls.append("test_end")

        def on_epoch_end(self, epoch, logs=None):
            calls.append(f"epoch_end {epoch} {sorted(logs)}")

    x, y = np.zeros((4, 2), dtype="float32"), np.zeros((4, 1), dtype="float32")
    linear_model().fit(
        x, y, batch_size=2, epochs=1, validation_data=(x, y), callbacks=[Recorder()], verbose=0
    )
    assert calls == [
        "train_begin",
        "epoch_begin 0",
        "batch_end 0 ['loss']",
        "batch_end 1 ['loss']",
        "test_end",
        "epoch_end 0 ['loss', 'val_loss']",
    ]


def test_fit_before_compile_says_what_to_do():
    with pytest.raises(RuntimeError, match=r"compile\(\) before fit"):
        Sequential([Input(shape=(2,)), Dense(1)]).fit(np.zeros((2, 2)), np.zeros((2, 1)))


class ActivityRegularization(Layer):
    """The Keras guide's layer: add_loss(rate * mean(inputs)) in call, inputs unchanged."""

    def call(self, inputs):
        self.add_loss(0.5 * inputs.mean())
        return inputs


def test_compute_loss_adds_add_loss_values_and_works_without_a_compiled_loss():
    x = np.full((4, 2), 2.0, dtype="float32")
    inputs = Input((2,))
    model = Model(inputs, ActivityRegularization()(inputs))
    model.compile(optimizer="sgd", loss="mse")
    assert model.evaluate(x, x, verbose=0) == pytest.approx(1.0)  # mse 0 + 0.5 * 2
    model.compile(optimizer="sgd")  # Keras: the add_loss values are the loss to minimize
    assert model.fit(x, x, verbose=0).history["loss"] == [pytest.approx(1.0)]
    plain = linear_model()
    plain.compile(optimizer="sgd")  # nothing to minimize at all: say so
    with pytest.raises(ValueError, match="No loss to compute"):
        plain.fit(x, x[:, :1], verbose=0)
