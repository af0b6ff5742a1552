"""Keras's public ``kerasedu.layers.serialize`` / ``deserialize``, the serializer's front door."""

import pytest

from kerasedu import layers
from kerasedu.layers import Dense, Input, TimeDistributed
from kerasedu.models import Sequential


def test_layers_serialize_and_deserialize():
    layer = layers.deserialize(layers.serialize(Dense(3, activation="relu")))
    assert layer.units == 3


def test_serialize_gives_keras3s_config_dict():
    config = layers.serialize(Dense(2, name="d"))
    assert config["class_name"] == "Dense" and config["config"]["units"] == 2
    assert config["config"]["name"] == "d"


def test_deserialize_builds_nested_layers_and_models():
    wrapped = layers.deserialize(layers.serialize(TimeDistributed(Dense(2))))
    assert type(wrapped.layer).__name__ == "Dense"
    model = layers.deserialize(layers.serialize(Sequential([Input(shape=(3,)), Dense(1)])))
    assert model.output_shape == (None, 1)


def test_deserialize_takes_custom_objects_and_refuses_unknown_names():
    class Twice(layers.Layer):
        def call(self, x):
            return x * 2

    config = {"class_name": "Twice", "config": {"name": "t"}}
    assert isinstance(layers.deserialize(config, custom_objects={"Twice": Twice}), Twice)
    with pytest.raises(ValueError, match="Twice"):
        layers.deserialize(config)
