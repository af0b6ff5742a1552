import warnings

import numpy as np
import pytest

from kerasedu.autograd.gradcheck import gradcheck
from kerasedu.layers import (
    Add,
    Average,
    Concatenate,
    Dot,
    Input,
    Maximum,
    Minimum,
    Multiply,
    Subtract,
    add,
    average,
    concatenate,
    dot,
    maximum,
    merge,
    minimum,
    multiply,
    subtract,
)

A = np.array([[1.0, 5.0, -2.0], [0.5, 0.0, 3.0]])
B = np.array([[2.0, 1.0, 4.0], [-1.0, 2.0, 0.5]])


@pytest.mark.parametrize(
    "fn, expected",
    [
        (add, A + B),
        (subtract, A - B),
        (multiply, A * B),
        (average, (A + B) / 2),
        (maximum, np.maximum(A, B)),
        (minimum, np.minimum(A, B)),
        (concatenate, np.concatenate([A, B], axis=-1)),
    ],
)
def test_merge_values(fn, expected):
    np.testing.assert_allclose(fn([A, B]).numpy(), expected, rtol=1e-6)


def test_merge_three_inputs_and_broadcast():
    np.testing.assert_allclose(add([A, B, A]).numpy(), 2 * A + B, rtol=1e-6)
    assert Add()([Input(shape=(4, 3)), Input(shape=(1, 3))]).shape == (None, 4, 3)


@pytest.mark.parametrize("layer_class", [Add, Subtract, Multiply, Average, Maximum, Minimum])
def test_merge_gradients(layer_class):
    layer = layer_class(dtype="float64")
    assert gradcheck(lambda a, b: (layer([a, b]) ** 2).sum(), [A, B])


def test_concatenate_and_dot_gradients():
    layer = Concatenate(axis=1, dtype="float64")
    assert gradcheck(lambda a, b: (layer([a, b]) ** 2).sum(), [A, B])
    cosine = Dot(axes=1, normalize=True, dtype="float64")
    assert gradcheck(lambda a, b: cosine([a, b]).sum(), [A, B])


def test_dot_values():
    np.testing.assert_allclose(dot([A, B], axes=1).numpy(), (A * B).sum(1, keepdims=True))
    cos = dot([A, B], axes=1, normalize=True).numpy()
    expected = (A * B).sum(1) / np.linalg.norm(A, axis=1) / np.linalg.norm(B, axis=1)
    np.testing.assert_allclose(cos[:, 0], expected, rtol=1e-5)
    x, y = np.random.randn(2, 3, 4), np.random.randn(2, 5, 4)
    np.testing.assert_allclose(Dot(axes=2)([x, y]).numpy(), x @ y.transpose(0, 2, 1), rtol=1e-5)
    assert Dot(axes=2)([Input(shape=(3, 4)), Input(shape=(5, 4))]).shape == (None, 3, 5)


def test_merge_shape_errors_are_clear():
    with pytest.raises(ValueError, match="same shape"):
        Add(name="plus")([Input(shape=(3,)), Input(shape=(4,))])
    with pytest.raises(ValueError, match="match except"):
        concatenate([Input(shape=(2, 3)), Input(shape=(4, 5))])
    with pytest.raises(ValueError, match="exactly 2"):
        Subtract()([Input(shape=(3,))] * 3)
    with pytest.raises(ValueError, match="list"):
        Add()(Input(shape=(3,)))


def test_symbolic_concatenate_shape():
    assert concatenate([Input(shape=(3,)), Input(shape=(5,))]).shape == (None, 8)


def test_legacy_merge_warns_and_points_to_new_name():
    with pytest.warns(DeprecationWarning, match="concatenate"):
        out = merge([A, B], mode="concat", concat_axis=1)
    np.testing.assert_allclose(out.numpy(), np.concatenate([A, B], 1))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        np.testing.assert_allclose(merge([A, B], mode="sum").numpy(), A + B)
    with pytest.raises(ValueError, match="mode"):
        merge([A, B], mode="bogus")


def test_merge_configs_round_trip():
    for layer in [Concatenate(axis=1), Dot(axes=(1, 2), normalize=True), Add()]:
        assert type(layer).from_config(layer.get_config()).get_config() == layer.get_config()


@pytest.mark.reference
@pytest.mark.parametrize("name", ["Add", "Average", "Maximum", "Multiply", "Concatenate"])
@pytest.mark.parametrize("both_masked", [True, False])
def test_merged_masks_match_keras_3(name, both_masked):
    """Elementwise merges keep a step any input keeps (no mask unless all have one);
    Concatenate joins the masks, counting an unmasked input as all kept."""
    from tests.layers.keras_reference import import_keras

    keras = import_keras()
    import kerasedu

    ids = np.array([[3, 4, 0, 0], [5, 0, 0, 0]])
    other = np.array([[3, 0, 0, 0], [5, 6, 7, 0]])
    kwargs = {"axis": 1} if name == "Concatenate" and both_masked else {}
    masks = []
    for lib in (keras, kerasedu):
        first = lib.layers.Embedding(10, 2, mask_zero=True)(ids)
        second = lib.layers.Embedding(10, 2, mask_zero=both_masked)(other)
        merged = getattr(lib.layers, name)(**kwargs)([first, second])
        mask = getattr(merged, "_keras_mask", None)
        masks.append(None if mask is None else np.asarray(mask).tolist())
    assert masks[1] == masks[0]
    if name != "Concatenate" and not both_masked:
        assert masks[1] is None


def test_a_merged_mask_reaches_the_next_layer_in_a_graph():
    from kerasedu.layers import Embedding, Input

    a, b = Input((4,)), Input((4,))
    merged = Add()([Embedding(10, 2, mask_zero=True)(a), Embedding(10, 2, mask_zero=True)(b)])
    assert merged._keras_mask is not None
