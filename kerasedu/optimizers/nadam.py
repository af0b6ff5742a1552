"""Nadam: Adam with Nesterov momentum, using Keras's momentum schedule.

Update rule (Keras, step ``t = iterations + 1``)::

    mu_t = beta_1 * (1 - 0.5 * 0.96^t)          (and mu_{t+1} likewise)
    u_product = u_product * mu_t                 (running product, once per step)
    m = m + (1 - beta_1) * (g - m)
    v = v + (1 - beta_2) * (g^2 - v)
    m_hat = mu_{t+1} * m / (1 - u_product * mu_{t+1}) + (1 - mu_t) * g / (1 - u_product)
    v_hat = v / (1 - beta_2^t)
    w = w - lr * m_hat / (sqrt(v_hat) + eps)

Example:
    >>> from kerasedu.autograd import Variable
    >>> w = Variable(np.array([1.0], dtype="float32"))
    >>> Nadam(learning_rate=0.1).apply_gradients([(np.array([5.0]), w)])
    >>> round(float(w.numpy()[0]), 4)   # a bit more than lr: the Nesterov look-ahead
    0.8937
"""

from kerasedu.device import get_array_module
from kerasedu.optimizers.optimizer import Optimizer


class Nadam(Optimizer):
    """Nadam (Dozat, 2016).

    Args:
        learning_rate: Float or schedule. Defaults to ``0.001``.
        beta_1: Base momentum. Defaults to ``0.9``.
        beta_2: Decay of the squared-gradient average. Defaults to ``0.999``.
        epsilon: Added to ``sqrt(v_hat)``. Defaults to ``1e-7``.
        **kwargs: Base arguments (``clipnorm``, ``weight_decay``, ``name``...).

    Example:
        >>> Nadam().get_config()["beta_2"]
        0.999
    """

    config_keys = ("beta_1", "beta_2", "epsilon")  # get_config adds them
    slots = ("momentum", "velocity")  # the state arrays kept per variable
    scalar_state = ("iterations", "u_product")  # the momentum product is saved too

    def __init__(
        self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, name="nadam", **kwargs
    ):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = 1e-7 if epsilon is None else epsilon
        self.u_product = 1.0

    def momentum_at(self, step):
        """Keras's momentum schedule ``mu_t = beta_1 * (1 - 0.5 * 0.96^t)``."""
        return self.beta_1 * (1.0 - 0.5 * 0.96**step)

    def begin_step(self):
        """Advance the momentum product, ``u_product *= mu_t``, once per step."""
        self.u_product *= self.momentum_at(self.iterations + 1)

    def update_step(self, grad, variable, lr):
        """Apply the update rule in the module docstring to ``variable.data``, in place."""
        xp = get_array_module(grad)
        t = self.iterations + 1
        mu_t, mu_next = self.momentum_at(t), self.momentum_at(t + 1)
        u_product_next = self.u_product * mu_next
        m = self.slot(variable, "momentum")
        v = self.slot(variable, "velocity")
        m += (1 - self.beta_1) * (grad - m)
        v += (1 - self.beta_2) * (grad * grad - v)
        m_hat = (mu_next / (1 - u_product_next)) * m + ((1 - mu_t) / (1 - self.u_product)) * grad
        v_hat = v / (1 - self.beta_2**t)
        variable.data -= (m_hat * lr) / (xp.sqrt(v_hat) + self.epsilon)
