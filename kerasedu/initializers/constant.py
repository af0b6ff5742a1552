"""Initializers with no randomness: zeros, ones, a constant, the identity matrix.

Example:
    >>> from kerasedu.initializers import Constant, Identity
    >>> Constant(2.0)((2,)).tolist()
    [2.0, 2.0]
    >>> Identity()((2, 2)).tolist()
    [[1.0, 0.0], [0.0, 1.0]]
"""

import numpy as np

from kerasedu.config import floatx
from kerasedu.initializers.initializer import Initializer


class Zeros(Initializer):
    """All zeros (the default for biases).

    Example:
        >>> Zeros()((2,)).tolist()
        [0.0, 0.0]
    """

    def __call__(self, shape, dtype=None):
        return np.zeros(shape, dtype=dtype or floatx())


class Ones(Initializer):
    """All ones (BatchNormalization's gamma).

    Example:
        >>> Ones()((2,)).tolist()
        [1.0, 1.0]
    """

    def __call__(self, shape, dtype=None):
        return np.ones(shape, dtype=dtype or floatx())


class Constant(Initializer):
    """Every element equal to ``value``.

    Args:
        value: The constant. Defaults to ``0.0``.

    Example:
        >>> Constant(0.5)((2,)).tolist()
        [0.5, 0.5]
    """

    config_keys = ("value",)

    def __init__(self, value=0.0):
        self.value = value

    def __call__(self, shape, dtype=None):
        return np.full(shape, self.value, dtype=dtype or floatx())


class Identity(Initializer):
    """The identity matrix times ``gain`` (2-D shapes only; non-square gives a partial eye).

    Args:
        gain: Multiplier. Defaults to ``1.0``.

    Example:
        >>> Identity()((2, 2)).tolist()
        [[1.0, 0.0], [0.0, 1.0]]
    """

    config_keys = ("gain",)

    def __init__(self, gain=1.0):
        self.gain = gain

    def __call__(self, shape, dtype=None):
        if len(shape) != 2:
            raise ValueError(f"Identity needs a 2-D shape. Received: shape={tuple(shape)}")
        return np.asarray(self.gain * np.eye(*shape), dtype=dtype or floatx())
