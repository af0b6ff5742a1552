"""A functional model's config in Keras 3's format, and the graph rebuilt from it."""

import json

import numpy as np

from kerasedu.layers import Concatenate, Dense, Input
from kerasedu.models import Functional, Model


def two_input_model():
    a, b = Input((3,), name="a"), Input((2,), name="b")
    joined = Concatenate(name="join")([a, b])
    return Model([a, b], Dense(1, name="out")(joined), name="two_inputs")


def test_config_lists_layers_with_their_inbound_keras_tensors():
    config = two_input_model().get_config()
    assert config["name"] == "two_inputs"
    assert [layer["name"] for layer in config["layers"]] == ["a", "b", "join", "out"]
    join = config["layers"][2]
    [call] = join["inbound_nodes"]
    histories = [t["config"]["keras_history"] for t in call["args"][0]]
    assert histories == [["a", 0, 0], ["b", 0, 0]]
    assert call["args"][0][0]["class_name"] == "__keras_tensor__"
    assert config["input_layers"] == [["a", 0, 0], ["b", 0, 0]]
    assert config["output_layers"] == ["out", 0, 0]
    json.dumps(config)  # plain JSON


def test_from_config_rebuilds_the_same_graph():
    model = two_input_model()
    clone = Functional.from_config(model.get_config())
    assert [layer.name for layer in clone.layers] == [layer.name for layer in model.layers]
    clone.set_weights(model.get_weights())
    x = [np.ones((2, 3), dtype="float32"), np.zeros((2, 2), dtype="float32")]
    np.testing.assert_array_equal(clone.predict(x, verbose=0), model.predict(x, verbose=0))


def test_model_from_config_builds_a_functional_model():
    """Keras's ``Model.from_config(functional.get_config())``, as lessons write it (issue 12)."""
    model = two_input_model()
    clone = Model.from_config(model.get_config())
    assert type(clone) is Functional and clone.name == "two_inputs"
    clone.set_weights(model.get_weights())
    x = [np.ones((2, 3), dtype="float32"), np.zeros((2, 2), dtype="float32")]
    np.testing.assert_array_equal(clone.predict(x, verbose=0), model.predict(x, verbose=0))


def test_keras_2_inbound_nodes_are_read_too():
    config = two_input_model().get_config()
    keras_2_form = {"join": [[["a", 0, 0, {}], ["b", 0, 0, {}]]], "out": [[["join", 0, 0, {}]]]}
    for layer in config["layers"]:
        layer["inbound_nodes"] = keras_2_form.get(layer["name"], [])
    clone = Functional.from_config(config)
    assert clone.output_shape == (None, 1)
    assert [layer.name for layer in clone.layers] == ["a", "b", "join", "out"]
