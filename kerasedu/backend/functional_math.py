"""The Keras-2 backend math that the library has no function for: var, dot, comparisons, gradients.

Re-exported by `kerasedu.backend` (``K.var``, ``K.square``, ``K.gradients``...).
Where Keras 2's ``K`` function has the signature of a library function
(``K.mean``, ``K.exp``, ``K.softmax``...), `kerasedu.backend` re-exports that
function itself; the value and shape helpers are in `kerasedu.backend.functional`.

Example:
    >>> import kerasedu.backend as K
    >>> K.mean(K.square(np.array([[1.0, 3.0]])), axis=-1).numpy().tolist()
    [5.0]
"""

from kerasedu import autograd as ag
from kerasedu.autograd.tensor import Tensor
from kerasedu.autograd.tensor import as_tensor as _t
from kerasedu.device import get_array_module


# --- reductions ------------------------------------------------------------------
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


# --- the one activation whose Keras 2 signature differs ----------------------------
def relu(x, alpha=0.0, max_value=None, threshold=0.0):
    """Keras 2's ``K.relu``: `kerasedu.activations.relu` with the slope named ``alpha``.

    Example:
        >>> relu(np.array([-1.0, 2.0]), alpha=0.5).numpy().tolist()
        [-0.5, 2.0]
    """
    return ag.relu(x, negative_slope=alpha, max_value=max_value, threshold=threshold)


# --- comparisons (boolean Tensors, no gradient): Tensor's operators ----------------
def equal(x, y):
    """Return ``x == y`` elementwise as a boolean Tensor.

    Example:
        >>> equal(np.array([1, 2]), np.array([1, 3])).numpy().tolist()
        [True, False]
    """
    return _t(x) == y


def not_equal(x, y):
    """Return ``x != y`` elementwise."""
    return _t(x) != y


def greater(x, y):
    """Return ``x > y`` elementwise."""
    return _t(x) > y


def greater_equal(x, y):
    """Return ``x >= y`` elementwise."""
    return _t(x) >= y


def less(x, y):
    """Return ``x < y`` elementwise."""
    return _t(x) < y


def less_equal(x, y):
    """Return ``x <= y`` elementwise."""
    return _t(x) <= y


# --- gradients ---------------------------------------------------------------------
def gradients(loss, variables):
    """Return ``d loss / d v`` for each Tensor ``v`` in ``variables``, leaving ``.grad`` untouched.

    It runs `Tensor.backward` with ``inputs=variables`` (so ``variables`` may
    include intermediate Tensors), reads their ``.grad`` and restores what was
    there. A variable ``loss`` does not depend on gets ``None`` (as in Keras 2).

    Args:
        loss: One-element Tensor (a non-scalar loss is summed first).
        variables: List of Tensors/Variables.

    Returns:
        List of Tensors (or ``None``), one per variable.

    Example:
        >>> from kerasedu.autograd import Tensor
        >>> w = Tensor([1.0, 2.0], requires_grad=True)
        >>> [g.numpy().tolist() for g in gradients(ag.sum(w * w), [w])]
        [[2.0, 4.0]]
    """
    loss = _t(loss)
    if loss.size != 1:
        loss = ag.sum(loss)
    if not loss.requires_grad:
        return [None for _ in variables]
    saved = [v.grad for v in variables]
    for v in variables:
        v.grad = None
    loss.backward(inputs=variables)
    grads = [None if v.grad is None else Tensor(v.grad) for v in variables]
    for v, grad in zip(variables, saved):
        v.grad = grad  # the caller's .grad, as it was
    return grads
