"""KerasTensor and Node: how calling layers on symbolic inputs records the functional graph."""

import numpy as np
import pytest

from kerasedu.layers import Concatenate, Conv2D, Dense, Input
from kerasedu.layers.node import KerasTensor, Node, is_symbolic


def test_keras_tensor_has_shape_and_dtype_but_no_values():
    t = KerasTensor((None, 28, 28, 1))
    assert (t.shape, t.ndim, t.dtype) == ((None, 28, 28, 1), 4, "float32")
    with pytest.raises(TypeError, match="symbolic"):
        np.asarray(t)


def test_calling_a_layer_on_a_keras_tensor_records_one_node():
    x = Input((4,))
    layer = Dense(3)
    y = layer(x)
    assert isinstance(y, KerasTensor) and y.shape == (None, 3)
    [node] = layer._inbound_nodes
    assert node.layer is layer and node.inputs is x and node.outputs is y
    assert y._keras_history == (layer, 0, 0)
    assert node.input_shapes == (None, 4) and node.output_shapes == (None, 3)


def test_second_call_of_a_shared_layer_gets_node_index_one():
    layer = Dense(2)
    a, b = Input((5,)), Input((5,))
    layer(a)
    y = layer(b)
    assert len(layer._inbound_nodes) == 2
    assert y._keras_history[1] == 1


def test_parent_nodes_walk_back_to_the_input_nodes():
    a, b = Input((2,)), Input((3,))
    merged = Concatenate()([a, b])
    out = Dense(1)(merged)
    layer, index, _ = out._keras_history
    [concat_node] = layer._inbound_nodes[index].parent_nodes
    assert concat_node.input_shapes == [(None, 2), (None, 3)]
    assert concat_node.output_shapes == (None, 5)
    parents = concat_node.parent_nodes
    assert [p.is_input for p in parents] == [True, True]
    assert [p.outputs for p in parents] == [a, b]


def test_node_keeps_call_arguments_and_their_symbolic_tensors():
    layer = Dense(2)
    x, extra = KerasTensor((None, 2)), KerasTensor((None, 2))
    y = KerasTensor((None, 2))
    node = Node(layer, x, y, call_args=(extra,), call_kwargs={"training": True})
    assert node.input_tensors == [x, extra]
    assert node.call_kwargs == {"training": True}
    assert y._keras_history == (layer, 0, 0)


def test_is_symbolic_looks_inside_lists_tuples_and_dicts():
    a = KerasTensor((None, 1))
    assert is_symbolic(a) and is_symbolic((np.zeros(1), a)) and is_symbolic({"x": [a]})
    assert not is_symbolic([np.zeros(1), {"k": 3}])


def test_symbolic_call_checks_the_input_spec_and_records_nothing_on_error():
    layer = Conv2D(2, 3)
    with pytest.raises(ValueError, match=r"incompatible with the layer.*\(None, 8\)"):
        layer(Input((8,)))
    assert layer._inbound_nodes == []
