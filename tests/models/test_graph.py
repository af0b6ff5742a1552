"""map_graph: the nodes between inputs and outputs in executable order, the layers in Keras's."""

import pytest

from kerasedu.layers import Add, Dense, Input
from kerasedu.models.graph import map_graph


def test_nodes_come_after_the_nodes_they_depend_on():
    x = Input((3,))
    a = Dense(2, name="a")(x)
    b = Dense(2, name="b")(x)
    y = Add(name="sum")([a, b])
    nodes, layers = map_graph([x], [y])
    position = {id(node): i for i, node in enumerate(nodes)}
    for node in nodes:
        for parent in node.parent_nodes:
            assert position[id(parent)] < position[id(node)]
    assert [layer.name for layer in layers][1:] == ["a", "b", "sum"]


def test_a_shared_layer_is_listed_once_at_its_deepest_place():
    x = Input((2,))
    shared = Dense(2, name="shared")
    y = Dense(2, name="head")(shared(shared(x)))
    nodes, layers = map_graph([x], [y])
    assert [layer.name for layer in layers][1:] == ["shared", "head"]
    assert sum(node.layer is shared for node in nodes) == 2


def test_an_output_that_needs_a_missing_input_is_a_disconnected_graph():
    x, other = Input((2,)), Input((2,))
    y = Add()([Dense(2)(x), Dense(2)(other)])
    with pytest.raises(ValueError, match="(?i)disconnected"):
        map_graph([x], [y])
