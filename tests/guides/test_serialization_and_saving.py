"""Idioms of the Keras guide on saving and serialization, first half: whole models and configs.

Guide: https://keras.io/guides/serialization_and_saving/. The code here is written for
kerasedu's tests: ``model.save``/``keras.models.load_model`` with ``.keras`` archives, custom
layers and functions made loadable by ``register_keras_serializable``, by ``custom_objects=``
or inside ``custom_object_scope``, ``clone_model``, ``get_config``/``from_config`` of layers
and models, ``to_json``/``model_from_json``, and ``serialize_keras_object`` /
``deserialize_keras_object``, with ``import kerasedu as keras`` in place of ``import keras``.
Weights files and config methods are in ``test_serialization_and_saving_weights.py``. Left
out: ``model.export`` (a TensorFlow SavedModel), which needs TensorFlow.
"""

import numpy as np
import pytest

import kerasedu as keras


@pytest.fixture
def fresh_registry():
    """Start from an empty custom-object registry and put the old one back afterwards."""
    before = dict(keras.saving.get_custom_objects())
    keras.saving.get_custom_objects().clear()
    yield
    keras.saving.get_custom_objects().clear()
    keras.saving.get_custom_objects().update(before)


def same_predictions(model, other, batch):
    np.testing.assert_allclose(other.predict(batch), model.predict(batch))


def test_save_and_load_a_trained_model(tmp_path):
    features = keras.Input(shape=(32,))
    model = keras.Model(features, keras.layers.Dense(1)(features))
    model.compile(optimizer=keras.optimizers.Adam(), loss="mean_squared_error")
    batch = np.random.random((128, 32))
    model.fit(batch, np.random.random((128, 1)))

    archive = str(tmp_path / "linear.keras")  # a zip of config, weights and optimizer state
    model.save(archive)
    same_predictions(model, keras.models.load_model(archive), batch)


def register_scaler_and_square():
    """A registered custom layer and activation; returns both classes/functions."""

    # Without package/name, the registry key would be "Custom>ClassName".
    @keras.saving.register_keras_serializable(package="Demo")
    class Scale(keras.layers.Layer):
        def __init__(self, factor):
            super().__init__()
            self.factor = factor

        def call(self, x):
            return self.factor * x

        def get_config(self):
            return {"factor": self.factor}

    @keras.saving.register_keras_serializable(package="demo_fns", name="square")
    def square(x):
        return x**2

    return Scale, square


def trained_custom_model(tmp_path, Scale, square):
    """Fit a 4 -> Scale(0.5) -> Dense(1, square) model briefly and save it to an archive."""
    features = keras.Input(shape=(4,))
    model = keras.Model(features, keras.layers.Dense(1, activation=square)(Scale(0.5)(features)))
    model.compile(optimizer="rmsprop", loss="mean_squared_error")
    model.fit(np.random.random((4, 4)), np.random.random((4, 1)))
    archive = str(tmp_path / "custom.keras")
    model.save(archive)
    return model, archive


def test_registered_objects_load_without_help(tmp_path, fresh_registry):
    model, archive = trained_custom_model(tmp_path, *register_scaler_and_square())
    same_predictions(model, keras.models.load_model(archive), np.random.random((4, 4)))


def test_custom_objects_argument_of_load_model(tmp_path, fresh_registry):
    Scale, square = register_scaler_and_square()
    model, archive = trained_custom_model(tmp_path, Scale, square)
    loaded = keras.models.load_model(archive, custom_objects={"Scale": Scale, "square": square})
    same_predictions(model, loaded, np.random.random((4, 4)))


def test_custom_object_scope_and_clone_model(tmp_path, fresh_registry):
    Scale, square = register_scaler_and_square()
    model, archive = trained_custom_model(tmp_path, Scale, square)
    with keras.saving.custom_object_scope({"Scale": Scale, "square": square}):
        loaded = keras.models.load_model(archive)
    same_predictions(model, loaded, np.random.random((4, 4)))

    # A new model with the same architecture, built in memory from the config.
    twin = keras.models.clone_model(model)
    assert [type(layer).__name__ for layer in twin.layers] == ["InputLayer", "Scale", "Dense"]


def test_configs_json_and_object_serialization():
    dense_config = keras.layers.Dense(3, activation="relu").get_config()
    assert dense_config["units"] == 3 and dense_config["activation"] == "relu"
    assert keras.layers.Dense.from_config(dense_config).units == 3

    # A config rebuilds the architecture (fresh weights) for Sequential and functional models.
    stack = keras.Sequential([keras.Input((32,)), keras.layers.Dense(1)])
    assert keras.Sequential.from_config(stack.get_config()).count_params() == 33
    features = keras.Input((32,))
    graph = keras.Model(features, keras.layers.Dense(1)(features))
    assert keras.Model.from_config(graph.get_config()).count_params() == 33

    text = keras.Sequential([keras.Input((32,)), keras.layers.Dense(1)]).to_json()
    assert keras.models.model_from_json(text).output_shape == (None, 1)

    entry = keras.saving.serialize_keras_object(keras.regularizers.L1(0.005))
    assert entry["module"] == "keras.regularizers" and entry["class_name"] == "L1"
    assert keras.saving.deserialize_keras_object(entry).l1 == pytest.approx(0.005)
