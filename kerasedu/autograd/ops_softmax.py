"""Softmax and log-softmax along an axis, numerically stable.

``softmax(x) = exp(x) / sum(exp(x))`` overflows for logits like ``1e4`` if
written that way. Subtracting the maximum first changes nothing mathematically
(the factor ``exp(-max)`` cancels) but keeps every ``exp`` in ``(0, 1]``.

Example:
    >>> softmax(np.array([[1e4, 0.0]])).numpy().tolist()
    [[1.0, 0.0]]
"""

from kerasedu.autograd.function import Function
from kerasedu.device import get_array_module


def _check_axis(op_name, x, axis):
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(
            f"{op_name}: axis {axis} is out of range for a tensor of shape {tuple(x.shape)}."
        )


class Softmax(Function):
    """``y = exp(x - max) / sum(exp(x - max))`` along ``axis``."""

    def forward(self, x, axis=-1):
        _check_axis("softmax", x, axis)
        xp = get_array_module(x)
        e = xp.exp(x - x.max(axis=axis, keepdims=True))  # every exponent <= 0: no overflow
        y = e / e.sum(axis=axis, keepdims=True)
        self.axis = axis
        self.save_for_backward(y)
        return y

    def backward(self, grad):
        (y,) = self.saved
        return y * (grad - (grad * y).sum(axis=self.axis, keepdims=True))  # y * (g - sum(g * y))


class LogSoftmax(Function):
    """``y = x - max - log(sum(exp(x - max)))`` along ``axis``."""

    def forward(self, x, axis=-1):
        _check_axis("log_softmax", x, axis)
        xp = get_array_module(x)
        z = x - x.max(axis=axis, keepdims=True)
        y = z - xp.log(xp.exp(z).sum(axis=axis, keepdims=True))  # the sum is >= 1: log is safe
        self.axis = axis
        self.save_for_backward(y)
        return y

    def backward(self, grad):
        (y,) = self.saved
        softmax_y = get_array_module(y).exp(y)
        return grad - softmax_y * grad.sum(axis=self.axis, keepdims=True)  # g - softmax * sum(g)


def softmax(x, axis=-1):
    """Return the softmax of ``x`` along ``axis``: positive values summing to 1.

    Args:
        x: Tensor or array of logits.
        axis: Axis to normalise over. Defaults to ``-1``.

    Shapes:
        same as ``x``.

    Example:
        >>> softmax(np.log(np.array([1.0, 3.0]))).numpy().tolist()
        [0.25, 0.75]
    """
    return Softmax.apply(x, axis=int(axis))


def log_softmax(x, axis=-1):
    """Return ``log(softmax(x))`` along ``axis``, computed without overflow or ``log(0)``.

    Args:
        x: Tensor or array of logits.
        axis: Axis to normalise over. Defaults to ``-1``.

    Example:
        >>> log_softmax(np.array([0.0, 1e4])).numpy().tolist()
        [-10000.0, 0.0]
    """
    return LogSoftmax.apply(x, axis=int(axis))
