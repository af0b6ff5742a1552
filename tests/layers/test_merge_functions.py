"""The lowercase merge functions: one call builds the layer and applies it."""

import numpy as np
import pytest

from kerasedu.layers import Input, merge_functions
from kerasedu.layers.merging import Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply

A = np.array([[1.0, -2.0, 3.0]], dtype="float32")
B = np.array([[4.0, 5.0, -6.0]], dtype="float32")


@pytest.mark.parametrize(
    "fn, expected",
    [
        (merge_functions.add, A + B),
        (merge_functions.subtract, A - B),
        (merge_functions.multiply, A * B),
        (merge_functions.average, (A + B) / 2),
        (merge_functions.maximum, np.maximum(A, B)),
        (merge_functions.minimum, np.minimum(A, B)),
        (merge_functions.concatenate, np.concatenate([A, B], axis=-1)),
        (merge_functions.dot, (A * B).sum(axis=-1, keepdims=True)),
    ],
)
def test_function_equals_the_numpy_operation(fn, expected):
    np.testing.assert_allclose(fn([A, B]).numpy(), expected, rtol=1e-6)


@pytest.mark.parametrize(
    "fn, layer_class",
    [
        (merge_functions.add, Add),
        (merge_functions.multiply, Multiply),
        (merge_functions.average, Average),
        (merge_functions.maximum, Maximum),
        (merge_functions.minimum, Minimum),
        (merge_functions.concatenate, Concatenate),
        (merge_functions.dot, Dot),
    ],
)
def test_on_symbolic_inputs_the_function_records_its_layer(fn, layer_class):
    out = fn([Input((3,)), Input((3,))], name=f"merged_{layer_class.__name__.lower()}")
    layer = out._keras_history[0]
    assert type(layer) is layer_class and layer.name.startswith("merged_")


def test_keyword_arguments_reach_the_layer():
    joined = merge_functions.concatenate([A.reshape(1, 3, 1), B.reshape(1, 3, 1)], axis=1)
    assert joined.shape == (1, 6, 1)
    cosine = merge_functions.dot([A, A], axes=1, normalize=True)
    np.testing.assert_allclose(cosine.numpy(), [[1.0]], rtol=1e-6)
