"""`Tensor`: an array that remembers how it was computed, so it can be differentiated.

A Tensor wraps an array of the current device (NumPy or CuPy) in ``.data``.
Ops on Tensors that require a gradient record themselves (``_creator``); calling
``backward()`` on the final scalar walks that graph in reverse topological order (`backpropagate`)
and applies the chain rule, leaving ``d loss / d t`` in ``t.grad`` for every leaf
Tensor ``t`` created with ``requires_grad=True``.

Example:
    >>> w = Tensor([[1.0, 2.0]], requires_grad=True)   # shape (1, 2)
    >>> x = Tensor([[3.0], [4.0]])                       # shape (2, 1)
    >>> loss = (w @ x).sum()                             # 1*3 + 2*4 = 11
    >>> loss.backward()
    >>> w.grad.tolist()
    [[3.0, 4.0]]
"""

import numbers

import numpy as np

from kerasedu.autograd import ops_elementwise as ew
from kerasedu.autograd import ops_index, ops_linalg, ops_reduce, ops_shape
from kerasedu.autograd import ops_select as sel
from kerasedu.autograd.function import backpropagate
from kerasedu.config import floatx
from kerasedu.device import get_array_module, to_numpy, xp


def _to_array(data, dtype=None):
    """Convert ``data`` to an array of the current device; Python floats become floatx."""
    if isinstance(data, Tensor):
        data = data.data
    if isinstance(data, np.ndarray):  # the common case (every op's output): no conversion
        return data if dtype is None else data.astype(dtype, copy=False)
    module = xp() if isinstance(data, (list, tuple, numbers.Number)) else get_array_module(data)
    array = module.asarray(data, dtype=dtype)
    python_float = isinstance(data, (list, tuple, float)) and not isinstance(data, np.generic)
    if dtype is None and python_float and array.dtype.kind == "f":
        array = array.astype(floatx(), copy=False)  # Python floats are float64; Keras uses float32
    return array


def as_tensor(value, like=None):
    """Return ``value`` as a Tensor; a Python number takes the float dtype of ``like``.

    ``x * 2.0`` must stay float32 when ``x`` is float32, so a bare number is cast
    to the dtype of the Tensor it meets.
    """
    if isinstance(value, Tensor):
        return value
    if isinstance(value, numbers.Number) and like is not None and like.data.dtype.kind == "f":
        return Tensor(_to_array(value, dtype=like.data.dtype))
    return Tensor(value)


class Tensor:
    """An array plus the bookkeeping reverse-mode autodiff needs.

    Args:
        data: Array-like (NumPy/CuPy array, list, number). Python floats become
            ``floatx()`` (float32); arrays keep their dtype.
        requires_grad: Whether ``backward()`` should compute ``self.grad``.
            Defaults to ``False``.
        name: Optional name, shown in ``repr``.

    Example:
        >>> t = Tensor([1.0, 2.0, 3.0])
        >>> t.shape, t.dtype.name
        ((3,), 'float32')
    """

    __array_priority__ = 100  # so `ndarray * Tensor` calls Tensor.__rmul__

    def __init__(self, data, requires_grad=False, name=None):
        self.data = _to_array(data)
        self.requires_grad = bool(requires_grad)
        self.grad = None
        self.name = name
        self._creator = None  # the Function that produced this Tensor, if any

    # --- array-like properties -------------------------------------------------
    @property
    def shape(self):
        """The array's shape, a tuple."""
        return tuple(self.data.shape)

    @property
    def dtype(self):
        """The array's dtype (``float32`` by default)."""
        return self.data.dtype

    @property
    def ndim(self):
        """The number of axes."""
        return self.data.ndim

    @property
    def size(self):
        """The number of elements."""
        return int(self.data.size)

    @property
    def T(self):
        """The transpose (axes reversed), differentiable."""
        return ops_shape.transpose(self)

    def __len__(self):
        return len(self.data)

    def numpy(self):
        """Return the data as a NumPy array (copied from the GPU if needed)."""
        return to_numpy(self.data)

    def item(self):
        """Return the value of a one-element Tensor as a Python number."""
        return self.data.item()

    def __array__(self, dtype=None, copy=None):
        array = self.numpy()
        return array if dtype is None else array.astype(dtype)

    def __float__(self):
        return float(self.data.item())

    def __bool__(self):
        return bool(self.data)

    __hash__ = object.__hash__  # hashed by identity, although == is elementwise

    def __repr__(self):
        grad = ", requires_grad=True" if self.requires_grad else ""
        name = f", name={self.name!r}" if self.name else ""
        return f"Tensor({self.numpy()!r}{grad}{name})"

    def detach(self):
        """Return a Tensor sharing the data but cut from the graph."""
        return Tensor(self.data)

    def astype(self, dtype):
        """Return a copy cast to ``dtype``, cut from the graph (not differentiable here)."""
        return Tensor(self.data.astype(dtype))

    # --- backpropagation -------------------------------------------------------
    def backward(self, grad=None, inputs=None):
        """Compute ``d self / d leaf`` for every leaf that requires a gradient.

        Args:
            grad: Upstream gradient of ``self``'s shape. May be omitted only for a
                one-element Tensor (a loss), where it defaults to 1.
            inputs: Optional list of Tensors (leaves or intermediate results)
                whose ``.grad`` receives the gradient instead of every leaf's,
                as PyTorch's ``backward(inputs=...)``. Defaults to ``None``.

        Gradients accumulate: call it twice and ``leaf.grad`` doubles, as in
        PyTorch. Optimizers clear them before each step.
        """
        backpropagate(self, self._seed_grad(grad), inputs)

    def _seed_grad(self, grad):
        """The gradient `backward` starts from: ``grad``, or 1 for a one-element Tensor."""
        if not self.requires_grad:
            raise RuntimeError(
                "backward() called on a Tensor that does not require grad "
                "(no input of its computation had requires_grad=True)."
            )
        if grad is None:
            if self.data.size != 1:
                raise RuntimeError(
                    "backward() without a gradient needs a scalar (one-element) Tensor; this "
                    f"one has shape {self.shape}. Reduce it first (e.g. loss.sum()) or pass "
                    "grad= of that shape."
                )
            grad = get_array_module(self.data).ones_like(self.data)
        return _to_array(grad, dtype=self.data.dtype)

    # --- operators: each is one line that calls the op function ---------------
    def __add__(self, other):
        return ew.add(self, other)

    def __radd__(self, other):
        return ew.add(other, self)

    def __sub__(self, other):
        return ew.sub(self, other)

    def __rsub__(self, other):
        return ew.sub(other, self)

    def __mul__(self, other):
        return ew.mul(self, other)

    def __rmul__(self, other):
        return ew.mul(other, self)

    def __truediv__(self, other):
        return ew.div(self, other)

    def __rtruediv__(self, other):
        return ew.div(other, self)

    def __pow__(self, exponent):
        return ew.pow(self, exponent)

    def __rpow__(self, base):
        return ew.pow(base, self)

    def __neg__(self):
        return ew.neg(self)

    def __matmul__(self, other):
        return ops_linalg.matmul(self, other)

    def __rmatmul__(self, other):
        return ops_linalg.matmul(other, self)

    def __getitem__(self, index):
        return ops_index.getitem(self, index)

    # Comparisons give non-differentiable boolean Tensors, as in NumPy.
    def __lt__(self, other):
        return Tensor(self.data < _other_data(other))

    def __le__(self, other):
        return Tensor(self.data <= _other_data(other))

    def __gt__(self, other):
        return Tensor(self.data > _other_data(other))

    def __ge__(self, other):
        return Tensor(self.data >= _other_data(other))

    def __eq__(self, other):
        return Tensor(self.data == _other_data(other))

    def __ne__(self, other):
        return Tensor(self.data != _other_data(other))

    # --- methods mirroring NumPy's ------------------------------------------
    def sum(self, axis=None, keepdims=False):
        """Sum over ``axis`` (see `kerasedu.autograd.sum`)."""
        return ops_reduce.sum(self, axis=axis, keepdims=keepdims)

    def mean(self, axis=None, keepdims=False):
        """Mean over ``axis``."""
        return ops_reduce.mean(self, axis=axis, keepdims=keepdims)

    def max(self, axis=None, keepdims=False):
        """Maximum over ``axis``."""
        return ops_reduce.max(self, axis=axis, keepdims=keepdims)

    def min(self, axis=None, keepdims=False):
        """Minimum over ``axis``."""
        return ops_reduce.min(self, axis=axis, keepdims=keepdims)

    def reshape(self, *shape):
        """Return the Tensor with a new shape (``t.reshape(2, 3)`` or ``t.reshape((2, 3))``)."""
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = shape[0]
        return ops_shape.reshape(self, tuple(shape))

    def transpose(self, *axes):
        """Permute the axes (reversed when none are given)."""
        if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
            axes = axes[0]
        return ops_shape.transpose(self, tuple(axes) if axes else None)

    def exp(self):
        """Elementwise ``e**x``."""
        return ew.exp(self)

    def log(self):
        """Elementwise natural log."""
        return ew.log(self)

    def sqrt(self):
        """Elementwise square root."""
        return ew.sqrt(self)

    def abs(self):
        """Elementwise absolute value."""
        return ew.abs(self)

    def clip(self, min_value, max_value):
        """Clip the values to ``[min_value, max_value]``."""
        return sel.clip(self, min_value, max_value)


def _other_data(other):
    return other.data if isinstance(other, Tensor) else other
