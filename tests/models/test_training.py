"""Model.compile / train_step / train_on_batch: what one update does."""

import numpy as np
import pytest

from kerasedu.layers import Dense, Input
from kerasedu.models import Model


def linear_model(units_in=3, kernel="zeros", optimizer="sgd", **compile_kwargs):
    inputs = Input(shape=(units_in,))
    model = Model(inputs, Dense(1, kernel_initializer=kernel)(inputs))
    model.compile(optimizer=optimizer, loss="mse", **compile_kwargs)
    return model


def fake_regression(n=16, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 3)).astype("float32")
    return x, (x @ np.array([[1.0], [-2.0], [0.5]]) + 0.3).astype("float32")


class TinyModel(Model):
    """A subclassed model: y = x @ w (weights made with add_weight)."""

    def build(self, input_shape):
        self.w = self.add_weight("w", (input_shape[-1], 1), "ones")

    def call(self, x):
        return x @ self.w


def test_fit_before_compile_is_a_clear_error():
    inputs = Input(shape=(3,))
    model = Model(inputs, Dense(1)(inputs))
    with pytest.raises(RuntimeError, match=r"compile\(\) before fit"):
        model.fit(np.zeros((4, 3)), np.zeros((4, 1)))


def test_train_on_batch_returns_loss_before_the_update():
    x, y = fake_regression(8)
    model = linear_model()
    before = float(np.mean((model.predict(x, verbose=0) - y) ** 2))
    loss = model.train_on_batch(x, y)
    assert isinstance(loss, float)
    np.testing.assert_allclose(loss, before, rtol=1e-6)
    after = float(np.mean((model.predict(x, verbose=0) - y) ** 2))
    assert after < before
    np.testing.assert_allclose(model.train_on_batch(x, y), after, rtol=1e-6)


def test_train_step_is_one_sgd_step():
    x, y = fake_regression(8)
    model = linear_model(kernel="zeros")
    model.train_on_batch(x, y)
    grad_w = 2 * x.T @ (0 - y) / len(x)  # d mean((xw + b - y)^2) / dw at w = b = 0
    np.testing.assert_allclose(model.get_weights()[0], -0.01 * grad_w, rtol=1e-5)


def test_subclassed_model_trains():
    x, y = fake_regression(16)
    model = TinyModel()
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(x, y, epochs=3, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]
    assert [w.name for w in model.trainable_weights] == [f"{model.name}/w"]


def test_frozen_layer_gets_no_gradient_and_recompile_is_needed():
    inputs = Input(shape=(3,))
    hidden = Dense(4)
    model = Model(inputs, Dense(1)(hidden(inputs)))
    hidden.trainable = False
    model.compile(optimizer="sgd", loss="mse")
    x, y = fake_regression(8)
    frozen = hidden.get_weights()
    model.fit(x, y, epochs=2, verbose=0)
    for before, after in zip(frozen, hidden.get_weights()):
        np.testing.assert_array_equal(before, after)
    assert hidden.kernel.grad is None and not hidden.kernel.requires_grad
    hidden.trainable = True  # not compiled again: still frozen, as in Keras
    with pytest.warns(UserWarning, match="trainable"):
        model.fit(x, y, epochs=1, verbose=0)
    np.testing.assert_array_equal(hidden.get_weights()[0], frozen[0])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(x, y, epochs=1, verbose=0)
    assert not np.array_equal(hidden.get_weights()[0], frozen[0])


def test_regularization_is_added_to_the_loss():
    inputs = Input(shape=(3,))
    model = Model(inputs, Dense(1, kernel_initializer="ones", kernel_regularizer="l2")(inputs))
    model.compile(optimizer="sgd", loss="mse")
    x, y = fake_regression(8)
    data_loss = float(np.mean((model.predict(x, verbose=0) - y) ** 2))
    penalty = 0.01 * 3  # l2 default 0.01 * sum(w^2), w = ones(3, 1)
    np.testing.assert_allclose(model.train_on_batch(x, y), data_loss + penalty, rtol=1e-5)


def test_sample_weight_and_class_weight_scale_the_loss():
    x, y = fake_regression(8)
    model = linear_model()
    per_sample = ((model.predict(x, verbose=0) - y) ** 2).ravel()
    weights = np.array([1, 0, 2, 0, 1, 0, 0, 1], dtype="float32")
    loss = model.evaluate(x, y, sample_weight=weights, verbose=0)
    np.testing.assert_allclose(loss, np.sum(per_sample * weights) / 8, rtol=1e-5)
    labels = (np.arange(8) % 2).reshape(8, 1).astype("float32")  # classes 0, 1, 0, 1...
    model_c = linear_model()
    model_c.compile(optimizer="sgd", loss="mse")
    per_sample_c = ((model_c.predict(x, verbose=0) - labels) ** 2).ravel()
    loss_c = model_c.train_on_batch(x, labels, class_weight={0: 0.0, 1: 3.0})
    np.testing.assert_allclose(loss_c, np.sum(per_sample_c * 3.0 * labels.ravel()) / 8, rtol=1e-5)


def test_regression_converges():
    np.random.seed(0)
    x = np.linspace(-1, 1, 64).reshape(64, 1).astype("float32")
    y = 2 * x + 1
    inputs = Input(shape=(1,))
    model = Model(inputs, Dense(1)(inputs))
    model.compile(optimizer="sgd", loss="mse")
    model.optimizer.learning_rate = 0.1
    history = model.fit(x, y, epochs=60, batch_size=16, verbose=0)
    assert history.history["loss"][-1] < 1e-3
    kernel, bias = model.get_weights()
    np.testing.assert_allclose([kernel.item(), bias.item()], [2.0, 1.0], atol=0.05)


def test_seeded_runs_are_identical():
    x, y = fake_regression(32)

    def run():
        np.random.seed(1)
        inputs = Input(shape=(3,))
        model = Model(inputs, Dense(1)(Dense(5, activation="relu")(inputs)))
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, y, epochs=2, batch_size=8, verbose=0)
        return model.get_weights()

    for a, b in zip(run(), run()):
        np.testing.assert_array_equal(a, b)


def test_metrics_and_metrics_names():
    x, y = fake_regression(8)
    model = linear_model(metrics=["mae"])
    assert model.metrics_names == ["loss"]  # metrics are built on the first batch
    loss, mae = model.train_on_batch(x, y)
    assert model.metrics_names == ["loss", "mae"]
    assert model.train_on_batch(x, y, return_dict=True).keys() == {"loss", "mae"}
    assert isinstance(model.test_on_batch(x, y), list)
    assert model.predict_on_batch(x).shape == (8, 1)


def test_accuracy_is_resolved_from_the_loss():
    inputs = Input(shape=(4,))
    model = Model(inputs, Dense(3, activation="softmax")(inputs))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["acc"])
    x = np.random.default_rng(0).normal(size=(12, 4)).astype("float32")
    y = np.arange(12) % 3
    history = model.fit(x, y, epochs=1, verbose=0)
    assert set(history.history) == {"acc", "loss"}
    predicted = model.predict(x, verbose=0).argmax(-1)
    _, acc = model.evaluate(x, y, verbose=0)
    np.testing.assert_allclose(acc, np.mean(predicted == y), rtol=1e-6)
