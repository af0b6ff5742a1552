"""Keras 3's custom-object API: registration, scopes, serialize/deserialize, clone_model."""

import numpy as np
import pytest

from kerasedu import initializers, layers
from kerasedu.layers import Dense, Input, Layer
from kerasedu.models import Model, Sequential, clone_model, load_model
from kerasedu.saving import (
    custom_object_scope,
    deserialize_keras_object,
    get_custom_objects,
    register_keras_serializable,
    serialize_keras_object,
)


class Scale(Layer):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, x):
        return x * self.factor

    def get_config(self):
        return {**super().get_config(), "factor": self.factor}


@pytest.fixture
def registered():
    cls = register_keras_serializable(package="test")(Scale)
    yield cls
    del get_custom_objects()["test>Scale"]


def test_registered_layer_saves_and_loads_without_custom_objects(tmp_path, registered):
    model = Sequential([Input(shape=(2,)), registered(3.0), Dense(1)])
    for name in ("m.h5", "m.keras"):
        model.save(str(tmp_path / name))
        loaded = load_model(str(tmp_path / name))
        assert loaded.layers[0].factor == 3.0
    assert serialize_keras_object(model.layers[0])["registered_name"] == "test>Scale"


def test_unregistered_layer_needs_a_scope(tmp_path):
    model = Sequential([Input(shape=(2,)), Scale(3.0)])
    model.save(str(tmp_path / "m.h5"))
    with pytest.raises(ValueError, match="Scale"):
        load_model(str(tmp_path / "m.h5"))
    with custom_object_scope({"Scale": Scale}):
        assert load_model(str(tmp_path / "m.h5")).layers[0].factor == 3.0


def test_serialize_round_trip_for_other_families():
    config = serialize_keras_object(initializers.Constant(2.0))
    assert deserialize_keras_object(config)((2,)).tolist() == [2.0, 2.0]
    keras3 = {"module": "keras.initializers", "class_name": "GlorotUniform",
              "config": {"seed": 1, "input_axes": None}, "registered_name": None}  # fmt: skip
    assert type(deserialize_keras_object(keras3)).__name__ == "GlorotUniform"


def test_layers_serialize_and_deserialize():
    layer = layers.deserialize(layers.serialize(Dense(3, activation="relu")))
    assert layer.units == 3


def test_clone_model_makes_new_layers_with_the_same_architecture():
    x = Input(shape=(3,))
    model = Model(x, Dense(2, name="out")(Dense(4)(x)))
    clone = clone_model(model)
    assert clone.get_layer("out") is not model.get_layer("out")
    clone.set_weights(model.get_weights())
    data = np.ones((2, 3), "float32")
    np.testing.assert_array_equal(clone.predict(data, verbose=0), model.predict(data, verbose=0))


def test_clone_model_with_clone_function():
    seen = []

    def clone_function(layer):
        seen.append(layer.name)
        return type(layer).from_config(layer.get_config())

    model = Sequential([Input(shape=(3,)), Dense(2, name="a"), Dense(1, name="b")])
    clone = clone_model(model, clone_function=clone_function)
    assert seen == ["a", "b"] and clone.output_shape == (None, 1)
    x = Input(shape=(3,))
    functional = Model(x, Dense(2, name="c")(x))
    assert clone_model(functional, clone_function=clone_function).output_shape == (None, 2)
