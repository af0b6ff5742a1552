"""Tests for Cropping2D."""

import numpy as np
import pytest

from kerasedu.layers import Cropping2D
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients


def test_cropping_values_and_shape():
    x = np.arange(20.0).reshape(1, 4, 5, 1)
    y = Cropping2D(((1, 0), (1, 2)))(x)
    np.testing.assert_array_equal(y.numpy(), x[:, 1:, 1:3])
    assert Cropping2D(1).compute_output_shape((None, 4, 5, 3)) == (None, 2, 3, 3)


def test_gradients_and_config():
    check_layer_gradients(Cropping2D(1, dtype="float64"), np.ones((1, 4, 4, 2)))
    check_config_round_trip(Cropping2D((1, 2)), np.ones((1, 5, 6, 1)))


def test_cropping_everything_rejected():
    with pytest.raises(ValueError, match="removes the whole image"):
        Cropping2D(2)(np.ones((1, 4, 4, 1)))
