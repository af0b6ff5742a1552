"""Keras 3's custom-object API: registration and scopes, used by saving and loading."""

import pytest

from kerasedu.layers import Dense, Input, Layer
from kerasedu.models import Sequential, load_model
from kerasedu.saving import (
    custom_object_scope,
    get_custom_objects,
    get_registered_name,
    register_keras_serializable,
    serialize_keras_object,
)
from kerasedu.saving.object_registration import custom_objects_with


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


def test_registered_name_is_package_and_class(registered):
    assert get_registered_name(registered) == "test>Scale"
    assert get_registered_name(Dense) == "Dense"  # never registered: its own name


def test_custom_objects_with_puts_yours_first(registered):
    assert custom_objects_with(None)["Scale"] is registered  # kerasedu's files: plain name
    with custom_object_scope({"Scale": Dense}):
        assert custom_objects_with(None)["Scale"] is Dense  # a scope beats the registry
        assert custom_objects_with({"Scale": Layer})["Scale"] is Layer  # the argument beats both
    assert custom_objects_with(None)["Scale"] is registered  # the scope has ended
