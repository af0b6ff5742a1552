"""The Keras-2 backend math: reductions, elementwise math, activations, comparisons, gradients.

Re-exported by `kerasedu.backend` (``K.mean``, ``K.square``, ``K.gradients``...);
the value and shape helpers are in `kerasedu.backend.functional`.

Example:
    >>> import kerasedu.backend as K
    >>> K.mean(K.square(np.array([[1.0, 3.0]])), axis=-1).numpy().tolist()
    [5.0]
"""

from kerasedu import autograd as ag
from kerasedu.autograd.tensor import Tensor, _reverse_topological_order
from kerasedu.config import epsilon
from kerasedu.device import get_array_module


def _t(x):
    return x if isinstance(x, Tensor) else Tensor(x)


# --- reductions ------------------------------------------------------------------
def sum(x, axis=None, keepdims=False):
    """Return the sum of ``x`` over ``axis`` (all axes when ``None``).

    Example:
        >>> sum(np.ones((2, 3)), axis=-1).numpy().tolist()
        [3.0, 3.0]
    """
    return ag.sum(x, axis=axis, keepdims=keepdims)


def mean(x, axis=None, keepdims=False):
    """Return the mean of ``x`` over ``axis`` (all axes when ``None``)."""
    return ag.mean(x, axis=axis, keepdims=keepdims)


def max(x, axis=None, keepdims=False):
    """Return the maximum of ``x`` over ``axis``."""
    return ag.max(x, axis=axis, keepdims=keepdims)


def min(x, axis=None, keepdims=False):
    """Return the minimum of ``x`` over ``axis``."""
    return ag.min(x, axis=axis, keepdims=keepdims)


def var(x, axis=None, keepdims=False):
    """Return the (biased) variance ``mean((x - mean(x))^2)`` over ``axis``.

    Example:
        >>> var(np.array([1.0, 3.0])).numpy().tolist()
        1.0
    """
    centred = _t(x) - ag.mean(x, axis=axis, keepdims=True)
    return ag.mean(centred * centred, axis=axis, keepdims=keepdims)


def std(x, axis=None, keepdims=False):
    """Return the standard deviation ``sqrt(var(x))`` over ``axis``."""
    return ag.sqrt(var(x, axis=axis, keepdims=keepdims))


def argmax(x, axis=-1):
    """Return the index of the maximum along ``axis`` (an integer Tensor, no gradient).

    Example:
        >>> argmax(np.array([[1.0, 5.0, 2.0]])).numpy().tolist()
        [1]
    """
    return Tensor(_t(x).data.argmax(axis=axis))


def argmin(x, axis=-1):
    """Return the index of the minimum along ``axis`` (an integer Tensor, no gradient)."""
    return Tensor(_t(x).data.argmin(axis=axis))


# --- elementwise math ----------------------------------------------------------------
def square(x):
    """Return ``x * x``.

    Example:
        >>> square(np.array([-2.0])).numpy().tolist()
        [4.0]
    """
    x = _t(x)
    return x * x


def sqrt(x):
    """Return ``sqrt(x)``."""
    return ag.sqrt(x)


def exp(x):
    """Return ``exp(x)``."""
    return ag.exp(x)


def log(x):
    """Return the natural logarithm of ``x``."""
    return ag.log(x)


def abs(x):
    """Return ``|x|``."""
    return ag.abs(x)


def pow(x, a):
    """Return ``x ** a``."""
    return ag.pow(x, a)


def clip(x, min_value, max_value):
    """Return ``x`` clipped to ``[min_value, max_value]``.

    Example:
        >>> clip(np.array([-1.0, 0.5, 2.0]), 0.0, 1.0).numpy().tolist()
        [0.0, 0.5, 1.0]
    """
    return ag.clip(x, min_value, max_value)


def maximum(x, y):
    """Return the elementwise maximum of ``x`` and ``y``."""
    return ag.maximum(x, y)


def minimum(x, y):
    """Return the elementwise minimum of ``x`` and ``y``."""
    return ag.minimum(x, y)


def sign(x):
    """Return the sign of ``x`` (-1, 0 or 1; no gradient)."""
    data = _t(x).data
    return Tensor(get_array_module(data).sign(data))


def dot(x, y):
    """Return Keras's ``dot``: contract the last axis of ``x`` with the second-to-last of ``y``.

    For 2-D inputs this is the matrix product; ``(2, 3, 4) . (4, 5)`` gives ``(2, 3, 5)``.

    Example:
        >>> dot(np.ones((2, 3)), np.ones((3, 4))).shape
        (2, 4)
    """
    x, y = _t(x), _t(y)
    if y.ndim <= 2:
        return ag.matmul(x, y)
    # Move y's contracted axis to the front, flatten the rest, then undo the reshape.
    order = (y.ndim - 2,) + tuple(range(y.ndim - 2)) + (y.ndim - 1,)
    y2 = ag.reshape(ag.transpose(y, order), (y.shape[-2], -1))
    out_shape = x.shape[:-1] + y.shape[:-2] + y.shape[-1:]
    return ag.reshape(ag.matmul(x, y2), out_shape)


def batch_dot(x, y, axes=None):
    """Return the per-sample dot product of batches ``x`` and ``y``.

    Args:
        x: Tensor ``(N, ...)``.
        y: Tensor ``(N, ...)``.
        axes: Axis pair to contract. Defaults to ``(x.ndim - 1, y.ndim - 2)``
            (a batched matmul); for two 2-D inputs, ``(1, 1)``.

    Example:
        >>> batch_dot(np.ones((2, 3)), np.ones((2, 3))).numpy().tolist()
        [[3.0], [3.0]]
    """
    x, y = _t(x), _t(y)
    if x.ndim == 2 and y.ndim == 2:
        return ag.sum(x * y, axis=1, keepdims=True)
    if axes is None:
        axes = (x.ndim - 1, y.ndim - 2)
    if isinstance(axes, int):
        axes = (axes, axes)
    a_axis, b_axis = axes[0] % x.ndim, axes[1] % y.ndim
    if a_axis != x.ndim - 1:
        x = ag.transpose(x, tuple(i for i in range(x.ndim) if i != a_axis) + (a_axis,))
    if b_axis != y.ndim - 2 and y.ndim > 2:
        rest = tuple(i for i in range(1, y.ndim) if i != b_axis)
        y = ag.transpose(y, (0,) + rest[:-1] + (b_axis, rest[-1]))
    return ag.matmul(x, y)


def l2_normalize(x, axis=-1):
    """Return ``x / sqrt(max(sum(x^2, axis), epsilon))``.

    Example:
        >>> l2_normalize(np.array([[3.0, 4.0]])).numpy().tolist()
        [[0.6, 0.8]]
    """
    x = _t(x)
    squares = ag.sum(x * x, axis=axis, keepdims=True)
    return x / ag.sqrt(ag.maximum(squares, epsilon() ** 2))


# --- activations --------------------------------------------------------------------
def relu(x, alpha=0.0, max_value=None, threshold=0.0):
    """Return the rectified linear unit (``alpha`` is the Keras-2 name of the negative slope)."""
    return ag.relu(x, negative_slope=alpha, max_value=max_value, threshold=threshold)


def sigmoid(x):
    """Return the logistic sigmoid of ``x``."""
    return ag.sigmoid(x)


def hard_sigmoid(x):
    """Return ``relu6(x + 3) / 6``."""
    return ag.hard_sigmoid(x)


def tanh(x):
    """Return ``tanh(x)``."""
    return ag.tanh(x)


def softmax(x, axis=-1):
    """Return the softmax of ``x`` along ``axis``.

    Example:
        >>> softmax(np.zeros((1, 4))).numpy().tolist()
        [[0.25, 0.25, 0.25, 0.25]]
    """
    return ag.softmax(x, axis=axis)


def softplus(x):
    """Return ``log(1 + exp(x))``."""
    return ag.softplus(x)


def softsign(x):
    """Return ``x / (1 + |x|)``."""
    return ag.softsign(x)


def elu(x, alpha=1.0):
    """Return the exponential linear unit."""
    return ag.elu(x, alpha=alpha)


# --- comparisons (boolean Tensors, no gradient) -------------------------------------
def _compare(name, x, y):
    a = _t(x).data
    b = y.data if isinstance(y, Tensor) else y
    return Tensor(getattr(get_array_module(a), name)(a, b))


def equal(x, y):
    """Return ``x == y`` elementwise as a boolean Tensor.

    Example:
        >>> equal(np.array([1, 2]), np.array([1, 3])).numpy().tolist()
        [True, False]
    """
    return _compare("equal", x, y)


def not_equal(x, y):
    """Return ``x != y`` elementwise."""
    return _compare("not_equal", x, y)


def greater(x, y):
    """Return ``x > y`` elementwise."""
    return _compare("greater", x, y)


def greater_equal(x, y):
    """Return ``x >= y`` elementwise."""
    return _compare("greater_equal", x, y)


def less(x, y):
    """Return ``x < y`` elementwise."""
    return _compare("less", x, y)


def less_equal(x, y):
    """Return ``x <= y`` elementwise."""
    return _compare("less_equal", x, y)


# --- gradients ---------------------------------------------------------------------
def gradients(loss, variables):
    """Return ``d loss / d v`` for each Tensor ``v`` in ``variables``, leaving ``.grad`` untouched.

    Walks the recorded graph once, like `Tensor.backward`, but keeps the
    gradients in a dict instead of writing them into the leaves; ``variables``
    may include intermediate Tensors. A variable ``loss`` does not depend on
    gets ``None`` (as in Keras 2).

    Args:
        loss: One-element Tensor (a non-scalar loss is summed first).
        variables: List of Tensors/Variables.

    Returns:
        List of Tensors (or ``None``), one per variable.

    Example:
        >>> from kerasedu.autograd import Tensor
        >>> w = Tensor([1.0, 2.0], requires_grad=True)
        >>> [g.numpy().tolist() for g in gradients(sum(w * w), [w])]
        [[2.0, 4.0]]
    """
    loss = _t(loss)
    if loss.size != 1:
        loss = ag.sum(loss)
    if not loss.requires_grad:
        return [None for _ in variables]
    wanted = {id(v) for v in variables}
    grads = {id(loss): get_array_module(loss.data).ones_like(loss.data)}
    found = {}
    for tensor in _reverse_topological_order(loss):
        grad = grads.pop(id(tensor), None)
        if grad is None:
            continue  # no gradient reached this branch
        if id(tensor) in wanted:
            found[id(tensor)] = grad
        if tensor._creator is None:
            continue
        input_grads = tensor._creator.backward(grad)
        if not isinstance(input_grads, tuple):
            input_grads = (input_grads,)
        for parent, parent_grad in zip(tensor._creator.inputs, input_grads):
            if parent_grad is None or not parent.requires_grad:
                continue
            key = id(parent)
            grads[key] = parent_grad if key not in grads else grads[key] + parent_grad
    return [Tensor(found[id(v)]) if id(v) in found else None for v in variables]
