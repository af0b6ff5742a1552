"""The Initializer base and compute_fans: fan_in and fan_out of dense and conv kernels."""

import numpy as np
import pytest

from kerasedu import initializers
from kerasedu.initializers.initializer import Initializer


def test_compute_fans_dense_and_conv():
    assert initializers.compute_fans((784, 10)) == (784, 10)
    assert initializers.compute_fans((3, 3, 16, 32)) == (144, 288)
    assert initializers.compute_fans((5, 4, 8)) == (20, 40)  # Conv1D kernel (k, C_in, C_out)
    assert initializers.compute_fans((7,)) == (7, 7)


def test_compute_fans_of_a_scalar_is_one_and_one():
    assert initializers.compute_fans(()) == (1, 1)


def test_a_subclass_gets_config_round_trip_from_the_base():
    class Halves(Initializer):
        def __init__(self, value=0.5):
            self.value = value

        def __call__(self, shape, dtype=None):
            return np.full(shape, self.value, dtype=dtype or "float32")

        def get_config(self):
            return {"value": self.value}

    rebuilt = Halves.from_config(Halves(0.25).get_config())
    assert rebuilt((2,)).tolist() == [0.25, 0.25]
    with pytest.raises(NotImplementedError):
        Initializer()((2,))
