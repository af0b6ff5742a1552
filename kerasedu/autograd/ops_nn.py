"""Neural-network nonlinearities: relu, sigmoid, tanh (more are added here).

Example:
    >>> from kerasedu.autograd import Tensor
    >>> relu(Tensor([-1.0, 2.0])).numpy().tolist()
    [0.0, 2.0]
"""

from kerasedu.autograd.function import Function
from kerasedu.backend.device import get_array_module


class ReLU(Function):
    """``max(x, 0)``."""

    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, grad):
        return grad * self.mask  # d relu/dx = 1 where x > 0, else 0


class Sigmoid(Function):
    """``1 / (1 + exp(-x))``, computed without overflow for large |x|."""

    def forward(self, x):
        xp = get_array_module(x)
        e = xp.exp(-xp.abs(x))  # in (0, 1]: never overflows
        y = xp.where(x >= 0, 1 / (1 + e), e / (1 + e))
        self.save_for_backward(y)
        return y

    def backward(self, grad):
        (y,) = self.saved
        return grad * y * (1 - y)  # sigmoid' = y (1 - y)


class Tanh(Function):
    """``tanh(x)``."""

    def forward(self, x):
        y = get_array_module(x).tanh(x)
        self.save_for_backward(y)
        return y

    def backward(self, grad):
        (y,) = self.saved
        return grad * (1 - y * y)  # tanh' = 1 - y^2


def relu(x):
    """Return ``max(x, 0)``."""
    return ReLU.apply(x)


def sigmoid(x):
    """Return the logistic sigmoid of ``x``."""
    return Sigmoid.apply(x)


def tanh(x):
    """Return ``tanh(x)``."""
    return Tanh.apply(x)
