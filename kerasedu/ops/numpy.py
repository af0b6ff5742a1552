"""NumPy's functions as ``keras.ops`` names them: constructors, shapes, arithmetic, argmax.

Most are the autograd op itself under Keras's name; a few are thin adapters where
Keras's signature differs (``concatenate`` joins along axis 0 by default, ``reshape``
takes ``newshape``).

Example:
    >>> from kerasedu import ops
    >>> ops.shape(ops.concatenate([ops.ones((2, 3)), ops.zeros((1, 3))]))
    (3, 3)
"""

from kerasedu import autograd
from kerasedu.autograd import (  # noqa: F401  (re-exported under Keras 3's names)
    abs,
    add,
    erf,
    exp,
    expand_dims,
    log,
    matmul,
    max,
    maximum,
    mean,
    min,
    minimum,
    repeat,
    sqrt,
    squeeze,
    stack,
    sum,
    tanh,
    tile,
    transpose,
    where,
)
from kerasedu.autograd import div as divide
from kerasedu.autograd import mul as multiply
from kerasedu.autograd import neg as negative  # noqa: F401
from kerasedu.autograd import pow as power  # noqa: F401
from kerasedu.autograd import sub as subtract  # noqa: F401
from kerasedu.autograd.tensor import Tensor
from kerasedu.config import floatx
from kerasedu.device import get_array_module, xp
from kerasedu.ops.core import convert_to_tensor

absolute = abs  # NumPy's and Keras's second name
true_divide = divide

__all__ = [  # the keras.ops names this module gives (kerasedu.ops imports them all)
    "abs", "absolute", "add", "argmax", "argmin", "clip", "concatenate", "divide", "erf", "exp",
    "expand_dims", "log", "matmul", "max", "maximum", "mean", "min", "minimum", "multiply",
    "negative", "ones", "power", "repeat", "reshape", "sqrt", "square", "squeeze",
    "stack", "subtract", "sum", "tanh", "tile", "transpose", "true_divide", "where", "zeros",
]  # fmt: skip


def zeros(shape, dtype=None):
    """Return a Tensor of zeros; ``dtype`` defaults to ``floatx()`` (float32).

    Example:
        >>> zeros((1, 2)).numpy().tolist()
        [[0.0, 0.0]]
    """
    return Tensor(xp().zeros(shape, dtype=dtype or floatx()))


def ones(shape, dtype=None):
    """Return a Tensor of ones; ``dtype`` defaults to ``floatx()`` (float32).

    Example:
        >>> ones((2,)).numpy().tolist()
        [1.0, 1.0]
    """
    return Tensor(xp().ones(shape, dtype=dtype or floatx()))


def square(x):
    """Return ``x * x``, differentiable (gradient ``2 x``).

    Example:
        >>> square(convert_to_tensor([3.0])).numpy().tolist()
        [9.0]
    """
    x = convert_to_tensor(x)
    return multiply(x, x)


def reshape(x, newshape):
    """Return ``x`` with shape ``newshape`` (one ``-1`` allowed), Keras's argument name.

    Example:
        >>> reshape(ones((2, 3)), (3, -1)).shape
        (3, 2)
    """
    return autograd.reshape(x, newshape)


def concatenate(xs, axis=0):
    """Join the Tensors ``xs`` along ``axis``; Keras's ``ops`` default is axis 0 (NumPy's).

    Example:
        >>> concatenate([ones((2, 3)), ones((1, 3))]).shape
        (3, 3)
    """
    return autograd.concatenate(list(xs), axis=axis)


def clip(x, x_min, x_max):
    """Return ``x`` limited to ``[x_min, x_max]`` (Keras's argument names); gradient 0 outside.

    Example:
        >>> clip(convert_to_tensor([-2.0, 0.5, 3.0]), 0.0, 1.0).numpy().tolist()
        [0.0, 0.5, 1.0]
    """
    return autograd.clip(x, x_min, x_max)


def argmax(x, axis=None, keepdims=False):
    """Return the indices of the maxima along ``axis`` (not differentiable), as int32.

    Example:
        >>> argmax(convert_to_tensor([[1, 5, 2]]), axis=-1).numpy().tolist()
        [1]
    """
    data = convert_to_tensor(x).data
    module = get_array_module(data)
    return Tensor(module.argmax(data, axis=axis, keepdims=keepdims).astype("int32"))


def argmin(x, axis=None, keepdims=False):
    """Return the indices of the minima along ``axis`` (not differentiable), as int32.

    Example:
        >>> argmin(convert_to_tensor([[1, 5, 0]]), axis=-1).numpy().tolist()
        [2]
    """
    return argmax(negative(convert_to_tensor(x)), axis=axis, keepdims=keepdims)
