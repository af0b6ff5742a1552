"""map_structure keeps the nesting (and None); flatten lists the leaves in order."""

import numpy as np

from kerasedu.layers import Input
from kerasedu.layers.node import keras_tensors
from kerasedu.tree import flatten, map_structure


def test_map_structure_keeps_lists_tuples_dicts_and_none():
    data = {"a": [np.zeros(2), (np.ones(3), None)], "b": np.zeros(4)}
    shapes = map_structure(lambda x: x.shape, data)
    assert shapes == {"a": [(2,), ((3,), None)], "b": (4,)}
    assert map_structure(len, None) is None


def test_flatten_lists_leaves_in_order_without_none():
    assert flatten({"a": [1, (2, None)], "b": 3}) == [1, 2, 3]
    assert flatten(None) == []
    assert flatten(5) == [5]


def test_keras_tensors_drops_other_values():
    x = Input(shape=(2,))
    assert keras_tensors([x, np.zeros(2), {"k": x, "n": None}]) == [x, x]
