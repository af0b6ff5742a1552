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
    einsum,
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
    norm,
    repeat,
    sqrt,
    squeeze,
    stack,
    sum,
    tanh,
    tensordot,
    tile,
    transpose,
    where,
)
from kerasedu.autograd import div as divide
from kerasedu.autograd import mul as multiply
from kerasedu.autograd import neg as negative  # noqa: F401
from kerasedu.autograd import pow as power  # noqa: F401
from kerasedu.autograd import sub as subtract  # noqa: F401
from kerasedu.autograd.ops_linalg import result_dtype
from kerasedu.autograd.tensor import Tensor
from kerasedu.config import floatx
from kerasedu.device import get_array_module, xp
from kerasedu.ops.core import convert_to_tensor

absolute = abs  # NumPy's and Keras's second name
true_divide = divide

__all__ = [  # the keras.ops names this module gives (kerasedu.ops imports them all)
    "abs", "absolute", "add", "arange", "argmax", "argmin", "clip", "concatenate", "divide",
    "dot", "einsum", "erf", "exp", "expand_dims", "eye", "full", "full_like", "identity",
    "linspace", "log", "matmul", "max", "maximum", "mean", "meshgrid", "min", "minimum",
    "multiply", "negative", "norm", "ones", "ones_like", "outer", "power",
    "repeat", "reshape", "sqrt", "square", "squeeze", "stack", "subtract", "sum", "tanh",
    "tensordot", "tile", "transpose", "tri", "true_divide", "where", "zeros", "zeros_like",
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


def _value_dtype(value):
    """A number's dtype as Keras reads it: bool, int -> int32, float -> floatx(); arrays keep."""
    if isinstance(value, (bool, int, float)):
        return {bool: "bool", int: "int32", float: floatx()}[type(value)]
    return convert_to_tensor(value).dtype


def _data(value):
    """A Tensor's array; anything else as it is."""
    return value.data if isinstance(value, Tensor) else value


# --- creation: new Tensors, not differentiable ---
def arange(start, stop=None, step=None, dtype=None):
    """Return evenly spaced values in ``[start, stop)``; int32 for ints, float32 for floats.

    Example:
        >>> arange(3).numpy().tolist(), arange(0.0, 1.0, 0.5).dtype.name
        ([0, 1, 2], 'float32')
    """
    if dtype is None:
        used = [v for v in (start, stop, step) if v is not None]
        dtype = result_dtype(*(_value_dtype(v) for v in used))
    step = 1 if step is None else step
    return Tensor(xp().arange(_data(start), _data(stop), _data(step), dtype=dtype))


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    """Return ``num`` evenly spaced values from ``start`` to ``stop`` (float32 by default).

    With ``retstep=True`` returns ``(values, step)``.

    Example:
        >>> linspace(0, 1, 5).numpy().tolist()
        [0.0, 0.25, 0.5, 0.75, 1.0]
    """
    if dtype is None:
        dtype = result_dtype(floatx(), _value_dtype(start), _value_dtype(stop))
    values = xp().linspace(_data(start), _data(stop), num, endpoint, True, dtype, axis)
    step_dtype = values[0].dtype if values[0].dtype.kind == "f" else floatx()  # 2.5 for ints too
    step = Tensor(xp().asarray(values[1], dtype=step_dtype))
    return (Tensor(values[0]), step) if retstep else Tensor(values[0])


def eye(N, M=None, k=0, dtype=None):
    """Return an ``(N, M)`` matrix with ones on diagonal ``k`` (float32 by default).

    Example:
        >>> eye(2).numpy().tolist()
        [[1.0, 0.0], [0.0, 1.0]]
    """
    return Tensor(xp().eye(N, M, k, dtype=dtype or floatx()))


def identity(n, dtype=None):
    """Return the ``(n, n)`` identity matrix (float32 by default).

    Example:
        >>> identity(2, dtype="int32").numpy().tolist()
        [[1, 0], [0, 1]]
    """
    return eye(n, dtype=dtype)


def tri(N, M=None, k=0, dtype=None):
    """Return an ``(N, M)`` matrix with ones on and below diagonal ``k`` (float32 by default).

    Example:
        >>> tri(2).numpy().tolist()
        [[1.0, 0.0], [1.0, 1.0]]
    """
    return Tensor(xp().tri(N, M, k, dtype=dtype or floatx()))


def full(shape, fill_value, dtype=None):
    """Return a Tensor of ``shape`` filled with ``fill_value`` (float32 by default).

    Example:
        >>> full((2,), 7).numpy().tolist()
        [7.0, 7.0]
    """
    return Tensor(xp().full(shape, _data(fill_value), dtype=dtype or floatx()))


def full_like(x, fill_value, dtype=None):
    """Return a Tensor shaped like ``x`` filled with ``fill_value`` (``x``'s dtype by default).

    Example:
        >>> full_like(convert_to_tensor([1, 2]), 2.5).numpy().tolist()
        [2, 2]
    """
    data = convert_to_tensor(x).data
    module = get_array_module(data)
    return Tensor(module.full(data.shape, _data(fill_value), dtype=dtype or data.dtype))


def zeros_like(x, dtype=None):
    """Return zeros shaped like ``x`` (``x``'s dtype by default).

    Example:
        >>> zeros_like(convert_to_tensor([1.0, 2.0])).numpy().tolist()
        [0.0, 0.0]
    """
    return full_like(x, 0, dtype=dtype)


def ones_like(x, dtype=None):
    """Return ones shaped like ``x`` (``x``'s dtype by default).

    Example:
        >>> ones_like(convert_to_tensor([1, 2])).numpy().tolist()
        [1, 1]
    """
    return full_like(x, 1, dtype=dtype)


def meshgrid(*x, indexing="xy"):
    """Return coordinate grids from 1-D Tensors (not differentiable), as ``np.meshgrid``.

    Shapes: inputs of sizes ``(m,)`` and ``(n,)`` -> two ``(n, m)`` grids (``"ij"``: ``(m, n)``).

    Example:
        >>> [g.shape for g in meshgrid(arange(2), arange(3))]
        [(3, 2), (3, 2)]
    """
    arrays = [convert_to_tensor(v).data for v in x]
    module = get_array_module(*arrays)
    return [Tensor(grid) for grid in module.meshgrid(*arrays, indexing=indexing)]


# --- linear algebra: einsum (autograd.ops_linalg) does the differentiating and the dtypes ---
def dot(x1, x2):
    """Return NumPy's ``dot``: sum over the last axis of ``x1`` and the second-to-last of ``x2``.

    Example:
        >>> dot(convert_to_tensor([1, 2]), convert_to_tensor([3, 4])).numpy().item()
        11
    """
    x1, x2 = convert_to_tensor(x1), convert_to_tensor(x2)
    axes = ([-1], [x2.ndim - 2 if x2.ndim > 1 else 0]) if x1.ndim and x2.ndim else 0
    return tensordot(x1, x2, axes=axes)


def outer(x1, x2):
    """Return the outer product of ``x1`` and ``x2`` (both flattened): ``(m,), (n,) -> (m, n)``.

    Example:
        >>> outer(convert_to_tensor([1, 2]), convert_to_tensor([1, 10])).numpy().tolist()
        [[1, 10], [2, 20]]
    """
    return einsum("i,j->ij", reshape(x1, (-1,)), reshape(x2, (-1,)))
