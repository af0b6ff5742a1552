"""The Keras-2 backend functions (``import kerasedu.backend as K``): values and shapes.

The math (``K.square``, ``K.gradients``...) is in `kerasedu.backend.functional_math`;
both are re-exported by `kerasedu.backend`, together with the library's own
ops where Keras 2 used their signature (``K.reshape``, ``K.concatenate``...).
Each function accepts Tensors or arrays and returns a Tensor (or a plain value
for queries such as `int_shape`), built from the differentiable ops of
`kerasedu.autograd`, so a loss written with them can be trained.

Example:
    >>> import kerasedu.backend as K
    >>> def rmse(y_true, y_pred):
    ...     return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))
    >>> rmse(np.zeros((2, 4)), np.ones((2, 4))).numpy().tolist()
    [1.0, 1.0]
"""

from kerasedu import autograd as ag
from kerasedu.autograd.tensor import Tensor
from kerasedu.autograd.tensor import as_tensor as _t  # Tensors pass through, arrays wrapped
from kerasedu.autograd.variable import Variable
from kerasedu.config import floatx
from kerasedu.device import get_array_module, to_numpy, xp


def _data(x):
    return x.data if isinstance(x, Tensor) else x


# --- creating and reading values --------------------------------------------
def variable(value, dtype=None, name=None):
    """Return a trainable `Variable` holding ``value`` (cast to ``dtype``, default floatx).

    Example:
        >>> variable([[1, 2]]).dtype.name
        'float32'
    """
    return Variable(xp().asarray(to_numpy(_data(value)), dtype=dtype or floatx()), name=name)


def constant(value, dtype=None, shape=None, name=None):
    """Return a constant Tensor; a scalar ``value`` is broadcast to ``shape`` if given.

    Example:
        >>> constant(2.0, shape=(2,)).numpy().tolist()
        [2.0, 2.0]
    """
    array = xp().asarray(to_numpy(_data(value)), dtype=dtype or floatx())
    if shape is not None:
        array = xp().broadcast_to(array, shape).copy()
    return Tensor(array, name=name)


def eval(x):
    """Return the value of ``x`` as a NumPy array.

    Example:
        >>> eval(variable([1.0])).tolist()
        [1.0]
    """
    return to_numpy(_data(x))


get_value = eval  # Keras 2 had both names


def batch_get_value(tensors):
    """Return `eval` of each Tensor in a list."""
    return [eval(t) for t in tensors]


def set_value(x, value):
    """Overwrite Variable ``x`` in place with ``value`` (same shape).

    Example:
        >>> v = variable([0.0, 0.0])
        >>> set_value(v, [1.0, 2.0]); get_value(v).tolist()
        [1.0, 2.0]
    """
    if isinstance(x, Variable):
        x.assign(to_numpy(_data(value)))
    else:
        x.data[...] = xp().asarray(to_numpy(_data(value)), dtype=x.dtype)


def batch_set_value(tuples):
    """`set_value` for each ``(variable, value)`` pair."""
    for x, value in tuples:
        set_value(x, value)


def zeros(shape, dtype=None, name=None):
    """Return a Variable of zeros (Keras 2 made ``K.zeros`` a variable).

    Example:
        >>> zeros((2, 3)).shape
        (2, 3)
    """
    return Variable(xp().zeros(shape, dtype=dtype or floatx()), name=name)


def ones(shape, dtype=None, name=None):
    """Return a Variable of ones."""
    return Variable(xp().ones(shape, dtype=dtype or floatx()), name=name)


def zeros_like(x, dtype=None, name=None):
    """Return a Tensor of zeros with the shape (and dtype) of ``x``."""
    data = _t(x).data
    return Tensor(get_array_module(data).zeros(data.shape, dtype=dtype or data.dtype), name=name)


def ones_like(x, dtype=None, name=None):
    """Return a Tensor of ones with the shape (and dtype) of ``x``.

    Example:
        >>> ones_like(np.zeros((2,))).numpy().tolist()
        [1.0, 1.0]
    """
    data = _t(x).data
    return Tensor(get_array_module(data).ones(data.shape, dtype=dtype or data.dtype), name=name)


# --- shapes -------------------------------------------------------------------
def ndim(x):
    """Return the number of axes of ``x``."""
    return _t(x).ndim


def int_shape(x):
    """Return the shape of ``x`` as a tuple of ints.

    Example:
        >>> int_shape(np.zeros((2, 3)))
        (2, 3)
    """
    return tuple(_t(x).shape)


shape = int_shape  # Keras 2's K.shape was symbolic; here shapes are always known


def dtype(x):
    """Return the dtype name of ``x``, e.g. ``'float32'``."""
    return _t(x).dtype.name


def expand_dims(x, axis=-1):
    """Return ``x`` with a new size-1 axis at ``axis`` (default last)."""
    return ag.expand_dims(x, axis)


def flatten(x):
    """Return ``x`` as a 1-D Tensor."""
    return ag.reshape(x, (-1,))


def batch_flatten(x):
    """Return ``x`` reshaped to ``(N, -1)``, keeping the batch axis.

    Example:
        >>> batch_flatten(np.zeros((2, 3, 4))).shape
        (2, 12)
    """
    return ag.reshape(x, (_t(x).shape[0], -1))
