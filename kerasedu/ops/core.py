"""``keras.ops``' core: tensors in and out, their shape and dtype.

Example:
    >>> from kerasedu import ops
    >>> ops.shape(ops.convert_to_tensor([[1.0, 2.0]]))
    (1, 2)
"""

import numpy as np

from kerasedu.autograd import cast  # noqa: F401  (re-exported: keras.ops.cast)
from kerasedu.autograd.tensor import Tensor
from kerasedu.device import to_numpy

__all__ = ["cast", "convert_to_numpy", "convert_to_tensor", "shape"]


def convert_to_tensor(x, dtype=None):
    """Return ``x`` (array, list, number or Tensor) as a Tensor, optionally cast.

    Example:
        >>> convert_to_tensor([1, 2], dtype="float32").dtype.name
        'float32'
    """
    tensor = x if isinstance(x, Tensor) else Tensor(x)
    return tensor if dtype is None else cast(tensor, dtype)


def convert_to_numpy(x):
    """Return ``x`` (a Tensor, CuPy or NumPy array) as a NumPy array.

    Example:
        >>> convert_to_numpy(convert_to_tensor([1.0, 1.0])).tolist()
        [1.0, 1.0]
    """
    return to_numpy(x.data if isinstance(x, Tensor) else x)


def shape(x):
    """Return the shape of ``x`` as a tuple of ints.

    Example:
        >>> shape(np.zeros((4, 2)))
        (4, 2)
    """
    return tuple(np.shape(x.data if isinstance(x, Tensor) else x))
