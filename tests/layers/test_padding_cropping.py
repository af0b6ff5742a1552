import numpy as np
import pytest

from kerasedu import layers as L
from kerasedu.layers.padding_cropping import edge_pairs
from tests.layers.keras_reference import assert_matches_keras, import_keras
from tests.layers.layer_checks import check_layer_gradients

RNG = np.random.default_rng(0)


def test_edge_pairs_read_keras_spellings():
    assert edge_pairs((1, 2), 1, "padding") == ((1, 2),)
    assert edge_pairs((1, 2, 3), 3, "padding") == ((1, 1), (2, 2), (3, 3))


def test_padding_and_cropping_shapes_and_gradients():
    assert L.ZeroPadding1D((2, 1))(np.ones((1, 3, 2))).shape == (1, 6, 2)
    assert L.Cropping1D(1)(np.ones((1, 3, 2))).shape == (1, 1, 2)
    check_layer_gradients(L.ZeroPadding3D(1, dtype="float64"), RNG.random((1, 2, 2, 2, 1)))
    check_layer_gradients(L.Cropping3D((1, 0, 1), dtype="float64"), RNG.random((1, 3, 3, 3, 1)))
    with pytest.raises(ValueError, match="removes the whole"):
        L.Cropping1D(2)(np.ones((1, 3, 2)))
    with pytest.raises(ValueError, match="padding"):
        L.ZeroPadding3D((1, 2))


@pytest.mark.reference
def test_padding_and_cropping_match_keras():
    kl = import_keras().layers
    seq, vol = RNG.random((2, 5, 3)), RNG.random((1, 2, 3, 2, 2))
    cases = [
        (L.ZeroPadding1D((1, 2)), kl.ZeroPadding1D((1, 2)), seq),
        (L.ZeroPadding3D((1, 0, 2)), kl.ZeroPadding3D((1, 0, 2)), vol),
        (L.Cropping1D((2, 1)), kl.Cropping1D((2, 1)), seq),
        (L.Cropping3D(((1, 0), (1, 1), (0, 1))), kl.Cropping3D(((1, 0), (1, 1), (0, 1))), vol),
    ]
    for ours, theirs, x in cases:
        assert_matches_keras(ours, theirs, x)
