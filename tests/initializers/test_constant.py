"""Constant initializers: zeros, ones, constant, identity."""

import numpy as np
import pytest

from kerasedu import initializers


def test_constant_zeros_ones():
    assert initializers.get("zeros")((2, 2)).tolist() == [[0.0, 0.0], [0.0, 0.0]]
    assert initializers.get("ones")((3,)).dtype == np.float32
    assert initializers.Constant(0.25)((2,), dtype="float64").dtype == np.float64


def test_identity():
    assert initializers.Identity(gain=3.0)((2, 3)).tolist() == [[3.0, 0.0, 0.0], [0.0, 3.0, 0.0]]
    with pytest.raises(ValueError, match="2-D"):
        initializers.Identity()((2, 2, 2))
