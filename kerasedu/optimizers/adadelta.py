"""Adadelta: steps scaled by the ratio of running RMS of past steps and of gradients.

Update rule (Keras)::

    acc_g = rho * acc_g + (1 - rho) * g^2
    delta = -sqrt(acc_delta + eps) / sqrt(acc_g + eps) * g
    acc_delta = rho * acc_delta + (1 - rho) * delta^2
    w = w + lr * delta

Since ``acc_delta`` starts at 0, ``eps`` sets the size of the first steps.

Example:
    >>> from kerasedu.autograd import Variable
    >>> w = Variable(np.array([1.0], dtype="float32"))
    >>> Adadelta(learning_rate=1.0).apply_gradients([(np.array([1.0]), w)])
    >>> round(float(1.0 - w.numpy()[0]), 6)   # sqrt(1e-7) / sqrt(0.05 + 1e-7)
    0.001414
"""

from kerasedu.device import get_array_module
from kerasedu.optimizers.optimizer import Optimizer


class Adadelta(Optimizer):
    """Adadelta (Zeiler, 2012).

    Args:
        learning_rate: Float or schedule. Defaults to ``0.001`` (Keras 1/2 used 1.0).
        rho: Decay of both running averages. Defaults to ``0.95``.
        epsilon: Added inside the square roots. Defaults to ``1e-7``.
        **kwargs: Base arguments (``clipnorm``, ``weight_decay``, ``name``...).

    Example:
        >>> Adadelta().get_config()["rho"]
        0.95
    """

    config_keys = ("rho", "epsilon")  # get_config adds them
    slots = ("accumulated_grad", "accumulated_delta_var")  # the state arrays kept per variable

    def __init__(self, learning_rate=0.001, rho=0.95, epsilon=1e-7, name="adadelta", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.rho = rho
        self.epsilon = 1e-7 if epsilon is None else epsilon

    def update_step(self, grad, variable, lr):
        """Apply the update rule in the module docstring to ``variable.data``, in place."""
        xp = get_array_module(grad)
        acc_grad = self.slot(variable, "accumulated_grad")
        acc_delta = self.slot(variable, "accumulated_delta_var")
        acc_grad *= self.rho
        acc_grad += (1 - self.rho) * (grad * grad)
        delta = -xp.sqrt(acc_delta + self.epsilon) / xp.sqrt(acc_grad + self.epsilon) * grad
        acc_delta *= self.rho
        acc_delta += (1 - self.rho) * (delta * delta)
        variable.data += lr * delta
