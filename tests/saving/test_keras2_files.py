"""Files saved by real Keras 2 (TensorFlow 2.15) load into kerasedu and predict the same numbers.

The files in fixtures/keras2/ are written by tools/make_keras2_fixtures.py (see its
docstring to remake them). Each ``NAME.npz`` holds an input batch and Keras 2's
predictions for it; for models without dropout also the targets of one more
training step Keras 2 took after saving, and its predictions after that step.
"""

import os

import numpy as np
import pytest

import kerasedu
from kerasedu import layers
from kerasedu.models import Model, Sequential, load_model
from kerasedu.saving import training_config

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "keras2")
NAMES = ["mlp", "cnn", "lstm", "gru", "two_inputs"]
# name: (optimizer class, learning rate, loss, metric names Keras 2 logged)
COMPILED = {
    "mlp": ("Adam", 0.001, "categorical_crossentropy", ["accuracy"]),
    "cnn": ("RMSprop", 0.001, "sparse_categorical_crossentropy", ["accuracy"]),
    "lstm": ("Adam", 0.001, "binary_crossentropy", ["accuracy"]),
    "gru": ("Adam", 0.001, "binary_crossentropy", ["accuracy"]),
    "two_inputs": ("SGD", 0.05, "mse", ["mae"]),
}


def _fixture(name):
    data = np.load(os.path.join(FIXTURES, name + ".npz"))
    inputs = [data[key] for key in sorted(data.files) if key.startswith("x")]
    return (inputs if len(inputs) > 1 else inputs[0]), data


def _recurrent(cell):
    return Sequential(
        [layers.Input(shape=(7,)), layers.Embedding(20, 6), cell(5), layers.Dense(1, "sigmoid")]
    )


def _two_inputs():
    a, b = layers.Input(shape=(4,)), layers.Input(shape=(3,))
    merged = layers.Concatenate()([layers.Dense(5, activation="tanh")(a), layers.Dense(5)(b)])
    return Model([a, b], layers.Dense(2)(merged))


# The same architectures built in kerasedu (other layer names: weights load by order).
BUILDERS = {
    "mlp": lambda: Sequential(
        [
            layers.Input(shape=(8,)),
            layers.Dense(16, activation="relu"),
            layers.Dropout(0.2),
            layers.Dense(4, activation="softmax"),
        ]
    ),
    "cnn": lambda: Sequential(
        [
            layers.Input(shape=(8, 8, 1)),
            layers.Conv2D(4, 3, activation="relu"),
            layers.BatchNormalization(),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dense(3, activation="softmax"),
        ]
    ),
    "lstm": lambda: _recurrent(layers.LSTM),
    "gru": lambda: _recurrent(layers.GRU),
    "two_inputs": _two_inputs,
}


@pytest.mark.parametrize("name", NAMES)
def test_keras2_model_file_predicts_what_keras2_predicted(name):
    x, data = _fixture(name)
    model = load_model(os.path.join(FIXTURES, name + ".h5"), compile=False)
    np.testing.assert_allclose(model.predict(x, verbose=0), data["y"], rtol=0, atol=1e-5)


@pytest.mark.parametrize("name", NAMES)
def test_keras2_model_file_comes_back_compiled(name):
    x, data = _fixture(name)
    model = load_model(os.path.join(FIXTURES, name + ".h5"))
    optimizer, rate, loss, metric_names = COMPILED[name]
    assert type(model.optimizer).__name__ == optimizer
    assert model.optimizer.get_config()["learning_rate"] == pytest.approx(rate)
    assert model.optimizer.iterations == 2  # Keras 2's step count: two batches of fit
    assert model.loss == loss
    # Targets the saved model gets right: "accuracy" must be the accuracy Keras 2 chose.
    y = data["y"]
    targets = {
        "mlp": np.eye(4, dtype="float32")[y.argmax(axis=1)],
        "cnn": y.argmax(axis=1),
        "lstm": np.round(y),
        "gru": np.round(y),
        "two_inputs": y + 0.5,
    }[name]
    logs = model.evaluate(x, targets, verbose=0, return_dict=True)
    assert sorted(logs) == sorted(["loss", *metric_names])
    expected = 0.5 if name == "two_inputs" else 1.0  # mae of y + 0.5; accuracy of the argmax
    assert logs[metric_names[0]] == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize("name", [n for n in NAMES if n != "mlp"])
def test_keras2_optimizer_state_continues_training_as_keras2_did(name):
    """One more step from the restored optimizer state gives Keras 2's weights."""
    x, data = _fixture(name)
    model = load_model(os.path.join(FIXTURES, name + ".h5"))
    model.train_on_batch(x, data["t"])
    # A fresh optimizer lands 7e-5 (LSTM) to 0.9 (SGD momentum) away from Keras 2.
    np.testing.assert_allclose(model.predict(x, verbose=0), data["y_after"], rtol=0, atol=5e-6)


@pytest.mark.parametrize("name", NAMES)
def test_keras2_weights_file_loads_into_the_same_kerasedu_architecture(name):
    x, data = _fixture(name)
    kerasedu.backend.clear_session()
    model = BUILDERS[name]()
    model.load_weights(os.path.join(FIXTURES, name + "_weights.h5"))
    np.testing.assert_allclose(model.predict(x, verbose=0), data["y"], rtol=0, atol=1e-5)


def test_keras2_weights_file_is_not_a_model_file():
    with pytest.raises(kerasedu.saving.KerasEduFileError, match="load_weights"):
        load_model(os.path.join(FIXTURES, "mlp_weights.h5"))


def _mlp_compiled_with(training):
    kerasedu.backend.clear_session()
    model = BUILDERS["mlp"]()
    training_config.compile_from_config(model, training, None)
    return model


def test_keras2_optimizer_name_custom_prefix_means_the_builtin_unless_yours():
    training = {"loss": "mse", "optimizer_config": {"class_name": "Custom>SGD", "config": {}}}
    assert type(_mlp_compiled_with(training).optimizer).__name__ == "SGD"

    class MySGD(kerasedu.optimizers.SGD):
        pass

    model = BUILDERS["mlp"]()
    training_config.compile_from_config(model, training, {"Custom>SGD": MySGD})
    assert type(model.optimizer) is MySGD


def test_keras2_metric_wrapper_must_name_a_metric_function():
    wrapper = {"class_name": "MeanMetricWrapper", "config": {"name": "p", "fn": "precision"}}
    training = {
        "loss": "mse",
        "metrics": [wrapper],
        "optimizer_config": {"class_name": "SGD", "config": {}},
    }
    with pytest.raises(ValueError, match="MeanMetricWrapper's fn .* 'precision'"):
        _mlp_compiled_with(training)
