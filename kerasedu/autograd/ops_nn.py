"""Neural-network nonlinearities applied elementwise: the relu family, sigmoid, tanh and friends.

Each is a `Function` whose ``backward`` line states the derivative. Functions
that could overflow (sigmoid, softplus, elu) are written so no intermediate
``exp`` ever sees a large positive number. Softmax lives in `ops_softmax`,
gelu and erf in `ops_erf`.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> relu(Tensor([-1.0, 2.0])).numpy().tolist()
    [0.0, 2.0]
"""

from kerasedu.autograd.function import Function
from kerasedu.autograd.ops_elementwise import exp as _exp
from kerasedu.device import get_array_module

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


class ReLU(Function):
    """Keras's relu: ``x`` above ``threshold`` (capped at ``max_value``).

    Below the threshold: ``negative_slope * (x - threshold)``.
    """

    def forward(self, x, negative_slope=0.0, max_value=None, threshold=0.0):
        xp = get_array_module(x)
        self.passes = x > threshold
        if threshold == 0:
            y = xp.maximum(x, 0)  # the common case, fastest
        else:
            y = xp.where(self.passes, x, 0)  # where, not x * mask, which gives -0.0
        if max_value is not None:
            self.passes = self.passes & (x < max_value)
            y = xp.minimum(y, max_value).astype(x.dtype, copy=False)
        self.slope = negative_slope
        if negative_slope != 0:
            self.below = x <= threshold
            y = y + negative_slope * (x - threshold) * self.below
        return y

    def backward(self, grad):
        dx = grad * self.passes  # 1 where threshold < x < max_value
        if self.slope != 0:
            dx = dx + grad * (self.slope * self.below)  # negative_slope below the threshold
        return dx


class Sigmoid(Function):
    """``1 / (1 + exp(-x))``, computed without overflow for large |x|."""

    def forward(self, x):
        y = stable_sigmoid(x)
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


class Softplus(Function):
    """``log(1 + exp(x))`` as ``max(x, 0) + log1p(exp(-|x|))`` (no overflow)."""

    def forward(self, x):
        xp = get_array_module(x)
        self.save_for_backward(x)
        return xp.maximum(x, 0) + xp.log1p(xp.exp(-xp.abs(x)))

    def backward(self, grad):
        (x,) = self.saved
        return grad * stable_sigmoid(x)  # softplus' = sigmoid(x)


class Softsign(Function):
    """``x / (1 + |x|)``."""

    def forward(self, x):
        self.denom = 1 + get_array_module(x).abs(x)
        return x / self.denom

    def backward(self, grad):
        return grad / (self.denom * self.denom)  # softsign' = 1 / (1 + |x|)^2


class ELU(Function):
    """``x`` for ``x > 0``, else ``alpha * (exp(x) - 1)``."""

    def forward(self, x, alpha=1.0):
        xp = get_array_module(x)
        self.positive = x > 0
        self.alpha_exp = alpha * xp.exp(xp.minimum(x, 0))  # min(x, 0): exp never overflows
        return xp.where(self.positive, x, self.alpha_exp - alpha)

    def backward(self, grad):
        xp = get_array_module(grad)
        return grad * xp.where(self.positive, 1, self.alpha_exp)  # elu' = 1 or alpha e^x


class HardSigmoid(Function):
    """``relu6(x + 3) / 6``: a piecewise-linear sigmoid (Keras 3's definition)."""

    def forward(self, x):
        xp = get_array_module(x)
        self.inside = (x > -3) & (x < 3)
        return xp.clip((x + 3) / 6, 0, 1).astype(x.dtype, copy=False)

    def backward(self, grad):
        return grad * (self.inside / 6)  # slope 1/6 on (-3, 3), 0 outside


class Swish(Function):
    """``x * sigmoid(x)`` (also called silu)."""

    def forward(self, x):
        self.s = stable_sigmoid(x)
        self.save_for_backward(x)
        return x * self.s

    def backward(self, grad):
        (x,) = self.saved
        s = self.s
        return grad * (s + x * s * (1 - s))  # d(x s)/dx = s + x s (1 - s)


def stable_sigmoid(x):
    """Sigmoid of a raw array via ``exp(-|x|)``, which never overflows."""
    xp = get_array_module(x)
    e = xp.exp(-xp.abs(x))  # in (0, 1]
    return xp.where(x >= 0, 1 / (1 + e), e / (1 + e))


def relu(x, negative_slope=0.0, max_value=None, threshold=0.0):
    """Return the rectified linear unit of ``x``, with Keras's optional arguments.

    ``y = x`` for ``threshold < x < max_value``, ``max_value`` above it, and
    ``negative_slope * (x - threshold)`` for ``x <= threshold``.

    Args:
        x: Tensor or array.
        negative_slope: Slope below the threshold. Defaults to ``0.0``.
        max_value: Optional cap. Defaults to ``None`` (no cap).
        threshold: Where the unit switches on. Defaults to ``0.0``.

    Example:
        >>> relu(np.array([-2.0, 1.0, 8.0]), max_value=6.0).numpy().tolist()
        [0.0, 1.0, 6.0]
    """
    return ReLU.apply(x, negative_slope=negative_slope, max_value=max_value, threshold=threshold)


def leaky_relu(x, negative_slope=0.2):
    """Return ``x`` for ``x > 0``, else ``negative_slope * x``.

    Args:
        x: Tensor or array.
        negative_slope: Slope for negative inputs. Defaults to ``0.2`` (the
            Keras activation; the LeakyReLU layer uses 0.3).

    Example:
        >>> leaky_relu(np.array([-1.0, 2.0])).numpy().tolist()
        [-0.2, 2.0]
    """
    return ReLU.apply(x, negative_slope=negative_slope)


def relu6(x):
    """Return ``min(max(x, 0), 6)``.

    Example:
        >>> relu6(np.array([-1.0, 3.0, 9.0])).numpy().tolist()
        [0.0, 3.0, 6.0]
    """
    return ReLU.apply(x, max_value=6.0)


def sigmoid(x):
    """Return the logistic sigmoid ``1 / (1 + exp(-x))``, safe for large |x|.

    Example:
        >>> sigmoid(np.array([0.0, 1e4])).numpy().tolist()
        [0.5, 1.0]
    """
    return Sigmoid.apply(x)


def tanh(x):
    """Return ``tanh(x)``.

    Example:
        >>> tanh(np.array([0.0])).numpy().tolist()
        [0.0]
    """
    return Tanh.apply(x)


def softplus(x):
    """Return ``log(1 + exp(x))`` without overflow.

    Example:
        >>> softplus(np.array([0.0, 1e4])).numpy().round(4).tolist()
        [0.6931, 10000.0]
    """
    return Softplus.apply(x)


def softsign(x):
    """Return ``x / (1 + |x|)``.

    Example:
        >>> softsign(np.array([-1.0, 3.0])).numpy().tolist()
        [-0.5, 0.75]
    """
    return Softsign.apply(x)


def elu(x, alpha=1.0):
    """Return ``x`` for ``x > 0``, else ``alpha * (exp(x) - 1)``.

    Args:
        x: Tensor or array.
        alpha: Scale of the negative part. Defaults to ``1.0``.

    Example:
        >>> elu(np.array([-1e4, 2.0])).numpy().tolist()
        [-1.0, 2.0]
    """
    return ELU.apply(x, alpha=alpha)


def selu(x):
    """Return ``scale * elu(x, alpha)`` with the self-normalising constants (1.0507, 1.6733).

    Example:
        >>> selu(np.array([0.0, 1.0])).numpy().round(4).tolist()
        [0.0, 1.0507]
    """
    return ELU.apply(x, alpha=SELU_ALPHA) * SELU_SCALE


def hard_sigmoid(x):
    """Return ``relu6(x + 3) / 6`` (Keras 3; Keras 2 used ``clip(0.2 x + 0.5, 0, 1)``).

    Example:
        >>> hard_sigmoid(np.array([-4.0, 0.0, 1.5])).numpy().tolist()
        [0.0, 0.5, 0.75]
    """
    return HardSigmoid.apply(x)


def swish(x):
    """Return ``x * sigmoid(x)``; `silu` is the same function.

    Example:
        >>> swish(np.array([0.0])).numpy().tolist()
        [0.0]
    """
    return Swish.apply(x)


silu = swish


def exponential(x):
    """Return ``exp(x)`` (Keras's ``"exponential"`` activation).

    Example:
        >>> exponential(np.array([0.0])).numpy().tolist()
        [1.0]
    """
    return _exp(x)
