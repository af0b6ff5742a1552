"""Tests for ZeroPadding2D."""

import numpy as np
import pytest

from kerasedu.layers import ZeroPadding2D
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients


def test_padding_forms_and_values():
    x = np.ones((1, 2, 2, 1))
    y = ZeroPadding2D(((1, 0), (0, 2)))(x).numpy()[0, :, :, 0]
    assert y.tolist() == [[0, 0, 0, 0], [1, 1, 0, 0], [1, 1, 0, 0]]
    assert ZeroPadding2D((1, 2))(x).shape == (1, 4, 6, 1)
    assert ZeroPadding2D().compute_output_shape((None, 5, None, 3)) == (None, 7, None, 3)


def test_gradients_and_config():
    layer = ZeroPadding2D(1, dtype="float64")
    check_layer_gradients(layer, np.random.default_rng(0).standard_normal((1, 2, 3, 2)))
    check_config_round_trip(ZeroPadding2D(((2, 1), (0, 3))), np.ones((1, 2, 2, 1)))


def test_bad_padding_rejected():
    with pytest.raises(ValueError, match="padding"):
        ZeroPadding2D((1, -1))
