"""Masking: steps whose features all equal mask_value are masked and zeroed."""

import numpy as np

from kerasedu.layers import LSTM, Masking
from tests.layers.layer_checks import check_config_round_trip


def padded():
    x = np.random.rand(2, 4, 3).astype("float32")
    x[0, 2:] = -1.0
    x[1, 3, :2] = -1.0  # only some features equal the mask value: a real step
    return x


def test_mask_marks_steps_where_every_feature_is_the_mask_value():
    y = Masking(mask_value=-1.0)(padded())
    assert y._keras_mask.tolist() == [[True, True, False, False], [True] * 4]
    assert y.dtype == np.float32 and y.shape == (2, 4, 3)


def test_masked_steps_become_zero_and_the_others_stay():
    x = padded()
    y = Masking(mask_value=-1.0)(x).numpy()
    assert np.all(y[0, 2:] == 0.0)
    np.testing.assert_array_equal(y[1], x[1])


def test_lstm_after_masking_ignores_the_padding():
    x = padded()
    lstm = LSTM(3)
    masked = lstm(Masking(mask_value=-1.0)(x)).numpy()
    np.testing.assert_allclose(masked[:1], lstm(x[:1, :2]).numpy(), rtol=1e-6)


def test_config_round_trip():
    layer = check_config_round_trip(Masking(mask_value=-1.0), padded())
    assert layer.mask_value == -1.0
    assert Masking().compute_output_shape((None, 4, 3)) == (None, 4, 3)
