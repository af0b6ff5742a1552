"""Adam: momentum plus per-parameter step sizes from the squared-gradient average.

Update rule (Keras, step ``t = iterations + 1``; the bias corrections are folded
into the learning rate and ``eps`` is added to ``sqrt(v)``)::

    m = m + (1 - beta_1) * (g - m)
    v = v + (1 - beta_2) * (g^2 - v)
    amsgrad=True:  v_hat = max(v_hat, v), used in place of v below
    lr_t = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)
    w = w - lr_t * m / (sqrt(v) + eps)

Example:
    >>> from kerasedu.autograd import Variable
    >>> w = Variable(np.array([1.0], dtype="float32"))
    >>> Adam(learning_rate=0.1).apply_gradients([(np.array([5.0]), w)])
    >>> round(float(w.numpy()[0]), 4)   # the first step is about lr * sign(g)
    0.9
"""

import math

from kerasedu.device import get_array_module
from kerasedu.optimizers.optimizer import Optimizer


class Adam(Optimizer):
    """Adam (Kingma and Ba, 2014), with the optional AMSGrad variant.

    Args:
        learning_rate: Float or schedule. Defaults to ``0.001``.
        beta_1: Decay of the gradient average ``m``. Defaults to ``0.9``.
        beta_2: Decay of the squared-gradient average ``v``. Defaults to ``0.999``.
        epsilon: Added to ``sqrt(v)``. Defaults to ``1e-7``.
        amsgrad: Use the running maximum of ``v`` (Reddi et al., 2018). Defaults to ``False``.
        **kwargs: Base arguments (``clipnorm``, ``weight_decay``, ``name``...).

    Example:
        >>> Adam().get_config()["beta_2"]
        0.999
    """

    config_keys = ("beta_1", "beta_2", "epsilon", "amsgrad")  # get_config adds them

    def __init__(
        self,
        learning_rate=0.001,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
        amsgrad=False,
        name="adam",
        **kwargs,
    ):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = 1e-7 if epsilon is None else epsilon  # Keras 2 allowed None
        self.amsgrad = amsgrad

    def slot_names(self):
        """The state arrays kept per variable."""
        return (
            ("momentum", "velocity", "velocity_hat") if self.amsgrad else ("momentum", "velocity")
        )

    def update_step(self, grad, variable, lr):
        """Apply the update rule in the module docstring to ``variable.data``, in place."""
        xp = get_array_module(grad)
        t = self.iterations + 1
        m = self.slot(variable, "momentum")
        v = self.slot(variable, "velocity")
        m += (1 - self.beta_1) * (grad - m)
        v += (1 - self.beta_2) * (grad * grad - v)
        if self.amsgrad:
            v_hat = self.slot(variable, "velocity_hat")
            xp.maximum(v_hat, v, out=v_hat)
            v = v_hat
        lr_t = lr * math.sqrt(1 - self.beta_2**t) / (1 - self.beta_1**t)
        variable.data -= (m * lr_t) / (xp.sqrt(v) + self.epsilon)
