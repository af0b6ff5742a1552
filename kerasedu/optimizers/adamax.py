"""Adamax: Adam with the infinity norm in place of the squared-gradient average.

Update rule (Keras, step ``t = iterations + 1``)::

    m = m + (1 - beta_1) * (g - m)
    u = max(beta_2 * u, |g|)
    w = w - lr * m / ((1 - beta_1^t) * (u + eps))

Example:
    >>> from kerasedu.autograd import Variable
    >>> w = Variable(np.array([1.0], dtype="float32"))
    >>> Adamax(learning_rate=0.1).apply_gradients([(np.array([5.0]), w)])
    >>> round(float(w.numpy()[0]), 4)
    0.9
"""

from kerasedu.device import get_array_module
from kerasedu.optimizers.optimizer import Optimizer


class Adamax(Optimizer):
    """Adamax (Kingma and Ba, 2014, section 7).

    Args:
        learning_rate: Float or schedule. Defaults to ``0.001``.
        beta_1: Decay of the gradient average. Defaults to ``0.9``.
        beta_2: Decay of the infinity norm. Defaults to ``0.999``.
        epsilon: Added to the norm. Defaults to ``1e-7``.
        **kwargs: Base arguments (``clipnorm``, ``weight_decay``, ``name``...).

    Example:
        >>> Adamax().get_config()["beta_1"]
        0.9
    """

    config_keys = ("beta_1", "beta_2", "epsilon")  # get_config adds them
    slots = ("momentum", "norm")  # the state arrays kept per variable

    def __init__(
        self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, name="adamax", **kwargs
    ):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = 1e-7 if epsilon is None else epsilon

    def update_step(self, grad, variable, lr):
        """Apply the update rule in the module docstring to ``variable.data``, in place."""
        xp = get_array_module(grad)
        t = self.iterations + 1
        m = self.slot(variable, "momentum")
        u = self.slot(variable, "norm")
        m += (1 - self.beta_1) * (grad - m)
        u *= self.beta_2
        xp.maximum(u, xp.abs(grad), out=u)  # u = max(beta_2 u, |g|)
        variable.data -= (lr * m) / ((1 - self.beta_1**t) * (u + self.epsilon))
