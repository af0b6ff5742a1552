"""The `Initializer` base class and `compute_fans`, the fan counts the scaled initializers use.

Example:
    >>> from kerasedu.initializers import Initializer, compute_fans
    >>> compute_fans((784, 10))
    (784, 10)
"""

import math

from kerasedu.lookup import Configurable


class Initializer(Configurable):
    """Base class: subclasses implement ``__call__(shape, dtype=None)`` -> NumPy array."""

    def __call__(self, shape, dtype=None):
        raise NotImplementedError


def compute_fans(shape):
    """Return ``(fan_in, fan_out)`` of a weight of ``shape``, as Keras does.

    A dense kernel ``(D_in, D_out)`` has fans ``D_in`` and ``D_out``. A
    convolution kernel ``(kh, kw, C_in, C_out)`` connects each output to
    ``kh * kw * C_in`` inputs, so the receptive field multiplies both fans.

    Example:
        >>> compute_fans((3, 3, 16, 32))
        (144, 288)
    """
    shape = tuple(shape)
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive_field = math.prod(shape[:-2])
    return shape[-2] * receptive_field, shape[-1] * receptive_field
