"""Model: one training step by hand (forward, loss, backward, RMSprop), metrics, subclassing."""

import numpy as np
import pytest

from kerasedu.layers import Dense
from kerasedu.models import Model, Sequential
from kerasedu.optimizers import SGD, RMSprop

X = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0], [-2.0, 0.5]], dtype="float32")
Y = np.array([[1.0], [0.0], [2.0], [-1.0]], dtype="float32")


class Linear(Model):
    """y = x @ w + b, one Dense layer assigned as an attribute."""

    def __init__(self):
        super().__init__()
        self.dense = Dense(1, kernel_initializer="ones", bias_initializer="zeros")

    def call(self, x):
        return self.dense(x)


def linear_model(optimizer):
    model = Linear()
    model.compile(optimizer=optimizer, loss="mse")
    model(X[:1])  # build
    return model


def mse_gradients(w, b):
    """Gradients of mean((X w + b - Y)^2) over the batch: 2/N X^T e and 2/N sum(e)."""
    error = X.astype("float64") @ w + b - Y
    return 2 * X.T @ error / len(X), 2 * error.sum(axis=0) / len(X)


def test_train_on_batch_is_one_rmsprop_step_by_hand():
    model = linear_model(RMSprop(learning_rate=0.01))
    w, b = np.ones((2, 1)), np.zeros(1)
    gw, gb = mse_gradients(w, b)
    loss = model.train_on_batch(X, Y)
    assert loss == pytest.approx(float(((X @ w + b - Y) ** 2).mean()), rel=1e-6)
    for value, grad in ((w, gw), (b, gb)):
        v = 0.1 * grad**2  # v = rho * 0 + (1 - rho) * g^2, rho = 0.9
        value -= 0.01 * grad / np.sqrt(v + 1e-7)
    kernel, bias = model.get_weights()
    np.testing.assert_allclose(kernel, w, rtol=1e-5)
    np.testing.assert_allclose(bias, b, rtol=1e-5, atol=1e-7)


def test_two_sgd_steps_follow_the_gradient_of_the_current_weights():
    model = linear_model(SGD(learning_rate=0.05))
    w, b = np.ones((2, 1)), np.zeros(1)
    for _ in range(2):
        gw, gb = mse_gradients(w, b)
        w, b = w - 0.05 * gw, b - 0.05 * gb
        model.train_on_batch(X, Y)
    np.testing.assert_allclose(model.get_weights()[0], w, rtol=1e-5)
    np.testing.assert_allclose(model.get_weights()[1], b, rtol=1e-5, atol=1e-7)


def test_evaluate_and_predict_compute_without_changing_weights():
    model = linear_model("sgd")
    before = model.get_weights()
    prediction = model.predict(X, batch_size=3, verbose=0)
    assert isinstance(prediction, np.ndarray) and prediction.shape == (4, 1)
    np.testing.assert_allclose(prediction, X @ np.ones((2, 1)), rtol=1e-6)
    loss = model.evaluate(X, Y, batch_size=3, verbose=0)
    assert loss == pytest.approx(float(((prediction - Y) ** 2).mean()), rel=1e-6)
    for old, new in zip(before, model.get_weights()):
        np.testing.assert_array_equal(old, new)


def test_subclassed_model_finds_layers_assigned_as_attributes_and_in_lists():
    class Stack(Model):
        def __init__(self):
            super().__init__()
            self.blocks = [Dense(4), Dense(3)]
            self.head = Dense(1)

        def call(self, x):
            for block in self.blocks:
                x = block(x)
            return self.head(x)

    model = Stack()
    model(np.zeros((1, 2), dtype="float32"))
    assert model.layers == [*model.blocks, model.head]
    assert len(model.trainable_variables) == 6
    assert model.count_params() == (2 * 4 + 4) + (4 * 3 + 3) + (3 * 1 + 1)


def test_metrics_names_results_and_reset():
    model = Sequential([Dense(2, activation="softmax")])
    model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["accuracy"])
    y = np.eye(2, dtype="float32")[[0, 1, 1, 0]]
    model.evaluate(X, y, verbose=0)
    assert model.metrics_names == ["loss", "accuracy"]
    result = model.get_metrics_result()
    assert sorted(result) == ["accuracy", "loss"]
    predicted = model.predict(X, verbose=0).argmax(axis=1)
    assert result["accuracy"] == pytest.approx(float((predicted == y.argmax(axis=1)).mean()))
    model.reset_metrics()
    assert model.get_metrics_result()["loss"] == 0.0


def test_compile_rejects_an_unknown_keyword():
    with pytest.raises(TypeError, match="unexpected keyword argument 'metric'"):
        Linear().compile(optimizer="sgd", loss="mse", metric=["mae"])


def test_methods_that_train_need_compile_first():
    model = Linear()
    with pytest.raises(RuntimeError, match=r"compile\(\) before fit\(\)"):
        model.fit(X, Y, verbose=0)
