import numpy as np
import pytest

from kerasedu.layers import Dense, Input, InputLayer, KerasTensor
from kerasedu.layers.node import is_symbolic


def test_input_shapes_and_names():
    x = Input(shape=(28, 28, 1), name="image")
    assert isinstance(x, KerasTensor)
    assert x.shape == (None, 28, 28, 1) and x.ndim == 4 and x.dtype == "float32"
    assert x.name == "image"
    assert Input(batch_shape=(8, 3)).shape == (8, 3)
    assert Input(shape=(3,), batch_size=4).shape == (4, 3)
    assert Input(shape=(5,), dtype="int32").dtype == "int32"


def test_input_layer_config_round_trip():
    layer = InputLayer(shape=(3,), name="in")
    config = layer.get_config()
    assert config["batch_shape"] == [None, 3]
    clone = InputLayer.from_config(config)
    assert clone.output.shape == (None, 3)
    assert InputLayer(batch_input_shape=[None, 7], name="old").batch_shape == (None, 7)


def test_input_needs_a_shape():
    with pytest.raises(ValueError, match="shape"):
        Input()


def test_keras_tensor_is_symbolic():
    x = Input(shape=(2,))
    assert is_symbolic(x) and is_symbolic([np.zeros(2), x]) and is_symbolic({"a": x})
    assert not is_symbolic([np.zeros(2)])
    with pytest.raises(TypeError, match="symbolic"):
        np.asarray(x)


def test_symbolic_call_records_node_and_checks_spec():
    x = Input(shape=(4,))
    layer = Dense(3, name="fc")
    y = layer(x)
    assert y._keras_history[0] is layer
    assert layer._inbound_nodes[0].input_shapes == (None, 4)
    assert layer.input_shape == (None, 4) and layer.output_shape == (None, 3)
    with pytest.raises(ValueError, match=r"fc.*expected.*\(None, 5\)|fc.*received.*5"):
        layer(Input(shape=(5,)))
