"""The Keras-2 backend functions (``import kerasedu.backend as K``): values and shapes.

The math (``K.mean``, ``K.square``, ``K.gradients``...) is in
`kerasedu.backend.functional_math`; both are re-exported by `kerasedu.backend`. Each function accepts Tensors or arrays and returns a Tensor (or a plain value
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
from kerasedu.autograd.variable import Variable
from kerasedu.config import floatx
from kerasedu.device import get_array_module, to_numpy, xp


def _t(x):
    """Tensor view of ``x`` (Tensors pass through, arrays and numbers are wrapped)."""
    return x if isinstance(x, Tensor) else Tensor(x)


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


def get_value(x):
    """Return the value of a Variable as a NumPy array (same as `eval`)."""
    return eval(x)


def batch_get_value(tensors):
    """Return `get_value` of each Tensor in a list."""
    return [get_value(t) for t in tensors]


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


def shape(x):
    """Return the shape of ``x`` as a tuple of ints."""
    return tuple(_t(x).shape)


def int_shape(x):
    """Return the shape of ``x`` as a tuple of ints (Keras 2 name).

    Example:
        >>> int_shape(np.zeros((2, 3)))
        (2, 3)
    """
    return tuple(_t(x).shape)


def dtype(x):
    """Return the dtype name of ``x``, e.g. ``'float32'``."""
    return _t(x).dtype.name


def cast(x, dtype):
    """Return ``x`` cast to ``dtype`` (differentiable between float types)."""
    return ag.cast(x, dtype)


def reshape(x, shape):
    """Return ``x`` reshaped (one entry may be -1)."""
    return ag.reshape(x, shape)


def transpose(x):
    """Return ``x`` with its axes reversed (a matrix transpose for 2-D)."""
    return ag.transpose(x)


def permute_dimensions(x, pattern):
    """Return ``x`` with axes permuted by ``pattern``, e.g. ``(0, 2, 1)``.

    Example:
        >>> permute_dimensions(np.zeros((2, 3, 4)), (0, 2, 1)).shape
        (2, 4, 3)
    """
    return ag.transpose(x, tuple(pattern))


def expand_dims(x, axis=-1):
    """Return ``x`` with a new size-1 axis at ``axis`` (default last)."""
    return ag.expand_dims(x, axis)


def squeeze(x, axis):
    """Return ``x`` without the size-1 axis ``axis``."""
    return ag.squeeze(x, axis)


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


def concatenate(tensors, axis=-1):
    """Join Tensors along ``axis`` (default last; negative axes allowed).

    Example:
        >>> concatenate([np.zeros((2, 3)), np.ones((1, 3))], axis=-2).shape
        (3, 3)
    """
    return ag.concatenate(tensors, axis=axis)


def stack(x, axis=0):
    """Stack a list of same-shape Tensors along a new ``axis``."""
    return ag.stack(x, axis=axis)


def repeat_elements(x, rep, axis):
    """Repeat each element of ``x`` ``rep`` times along ``axis`` (like ``np.repeat``)."""
    return ag.repeat(x, rep, axis=axis)


def tile(x, n):
    """Tile ``x`` ``n`` times per axis (like ``np.tile``)."""
    return ag.tile(x, n)


def gather(reference, indices):
    """Return the rows ``reference[indices]`` (differentiable in ``reference``)."""
    return ag.take(reference, indices)
