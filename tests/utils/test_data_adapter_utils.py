"""Validation split: the last samples, before shuffling; errors for bad fractions and generators."""

import numpy as np
import pytest

from kerasedu.utils.data_adapter_utils import train_validation_split


def test_validation_split_takes_the_last_samples():
    x = np.arange(10)
    (xt, yt, swt), (xv, yv, swv) = train_validation_split((x, x * 10, None), 0.25)
    assert xt.tolist() == list(range(7)) and xv.tolist() == [7, 8, 9]  # floor(10 * 0.75) = 7
    assert yv.tolist() == [70, 80, 90] and swt is None and swv is None
    with pytest.raises(ValueError, match="validation_split"):
        train_validation_split((x, None, None), 1.5)


def test_validation_split_of_a_generator_is_a_clear_error():
    generator = (np.zeros((2, 1)) for _ in range(3))
    with pytest.raises(ValueError, match="validation_data instead"):
        train_validation_split((generator, None, None), 0.2)
