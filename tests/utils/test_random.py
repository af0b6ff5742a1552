"""set_random_seed: one call seeds Python's random and NumPy's global generator."""

import random

import numpy as np
import pytest

from kerasedu.layers import Dense
from kerasedu.utils import set_random_seed


def test_set_random_seed_repeats_numpy_and_python():
    set_random_seed(3)
    a = (np.random.rand(), random.random())
    set_random_seed(3)
    assert (np.random.rand(), random.random()) == a
    with pytest.raises(ValueError):
        set_random_seed(-1)


def test_same_seed_gives_the_same_initial_weights():
    set_random_seed(11)
    first = Dense(3)(np.ones((1, 4), dtype="float32")).numpy()
    set_random_seed(11)
    second = Dense(3)(np.ones((1, 4), dtype="float32")).numpy()
    np.testing.assert_array_equal(first, second)


@pytest.mark.parametrize("seed", [1.5, "0", True, None])
def test_seed_must_be_a_non_negative_integer(seed):
    with pytest.raises(ValueError, match="non-negative integer"):
        set_random_seed(seed)
