"""`kerasedu.ops`: Keras 3's ``keras.ops`` names, mapped onto kerasedu's autograd ops.

The Keras 3 guides write custom layers with ``from keras import ops`` and
``ops.matmul(x, w)``. This module gives those names: most are the autograd
function itself (re-exported), a few are thin adapters where Keras's signature
differs (``concatenate`` joins along axis 0 by default, ``reshape`` takes
``newshape``, ``gelu`` is approximate by default). There is no second dispatch
layer: every differentiable op here is one of `kerasedu.autograd`'s, so a
gradient flows through ``ops.*`` exactly as through a layer.

Non-differentiable helpers (``argmax``, ``one_hot``, ``zeros``, ``shape``...)
return plain Tensors (or a tuple for ``shape``), as Keras returns backend tensors.

Example:
    >>> from kerasedu import ops
    >>> x = ops.ones((2, 3))
    >>> ops.sum(ops.matmul(x, ops.transpose(x))).numpy().item()
    12.0
    >>> ops.shape(ops.stack([x, x]))
    (2, 2, 3)
"""

import numpy as np

from kerasedu import autograd
from kerasedu.autograd import (  # noqa: F401  (re-exported under Keras 3's names)
    abs,
    add,
    cast,
    elu,
    erf,
    exp,
    expand_dims,
    hard_sigmoid,
    leaky_relu,
    log,
    log_softmax,
    matmul,
    max,
    maximum,
    mean,
    min,
    minimum,
    relu,
    relu6,
    repeat,
    selu,
    sigmoid,
    silu,
    softmax,
    softplus,
    softsign,
    sqrt,
    squeeze,
    stack,
    sum,
    swish,
    tanh,
    tile,
    transpose,
    where,
)
from kerasedu.autograd import div as divide
from kerasedu.autograd import l2_normalize as normalize  # noqa: F401
from kerasedu.autograd import mul as multiply
from kerasedu.autograd import neg as negative  # noqa: F401
from kerasedu.autograd import pow as power  # noqa: F401
from kerasedu.autograd import sub as subtract  # noqa: F401
from kerasedu.autograd.tensor import Tensor
from kerasedu.config import floatx
from kerasedu.device import get_array_module, to_numpy, xp

absolute = abs  # NumPy's and Keras's second name
true_divide = divide


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
        >>> convert_to_numpy(ones((2,))).tolist()
        [1.0, 1.0]
    """
    return to_numpy(x.data if isinstance(x, Tensor) else x)


def shape(x):
    """Return the shape of ``x`` as a tuple of ints.

    Example:
        >>> shape(zeros((4, 2)))
        (4, 2)
    """
    return tuple(np.shape(x.data if isinstance(x, Tensor) else x))


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
        >>> shape(reshape(ones((2, 3)), (3, -1)))
        (3, 2)
    """
    return autograd.reshape(x, newshape)


def concatenate(xs, axis=0):
    """Join the Tensors ``xs`` along ``axis``; Keras's ``ops`` default is axis 0 (NumPy's).

    Example:
        >>> shape(concatenate([ones((2, 3)), ones((1, 3))]))
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


def gelu(x, approximate=True):
    """Return the GELU of ``x``; ``keras.ops.gelu`` uses the tanh approximation by default.

    Example:
        >>> gelu(convert_to_tensor([0.0])).numpy().tolist()
        [0.0]
    """
    return autograd.gelu(x, approximate=approximate)


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


def one_hot(x, num_classes, axis=-1, dtype=None):
    """Return the one-hot encoding of the integer labels ``x``: a new axis of ``num_classes``.

    Shapes:
        ``x.shape`` -> ``x.shape`` with ``num_classes`` inserted at ``axis`` (last by default).

    Example:
        >>> one_hot(convert_to_tensor([0, 2]), 3).numpy().tolist()
        [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    """
    labels = convert_to_tensor(x).data.astype("int64")
    module = get_array_module(labels)
    encoded = (labels[..., None] == module.arange(num_classes)).astype(dtype or floatx())
    return Tensor(module.moveaxis(encoded, -1, axis))
