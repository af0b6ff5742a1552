"""Adagrad: per-parameter learning rates that shrink with the sum of squared gradients.

Update rule (Keras)::

    acc = acc + g^2                     (acc starts at initial_accumulator_value)
    w = w - lr * g / sqrt(acc + eps)

Example:
    >>> from kerasedu.autograd import Variable
    >>> w = Variable(np.array([1.0], dtype="float32"))
    >>> Adagrad(learning_rate=0.1).apply_gradients([(np.array([0.3]), w)])
    >>> round(float(w.numpy()[0]), 4)   # 1 - 0.1 * 0.3 / sqrt(0.1 + 0.09)
    0.9312
"""

from kerasedu.device import get_array_module
from kerasedu.optimizers.optimizer import Optimizer


class Adagrad(Optimizer):
    """Adagrad (Duchi et al., 2011).

    Args:
        learning_rate: Float or schedule. Defaults to ``0.001`` (Keras 1/2 used 0.01).
        initial_accumulator_value: Starting value of the squared-gradient sum.
            Defaults to ``0.1``.
        epsilon: Added inside the square root. Defaults to ``1e-7``.
        **kwargs: Base arguments (``clipnorm``, ``weight_decay``, ``name``...).

    Example:
        >>> Adagrad().get_config()["initial_accumulator_value"]
        0.1
    """

    config_keys = ("epsilon", "initial_accumulator_value")  # get_config adds them
    slots = ("accumulator",)  # the state arrays kept per variable

    def __init__(
        self,
        learning_rate=0.001,
        initial_accumulator_value=0.1,
        epsilon=1e-7,
        name="adagrad",
        **kwargs,
    ):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.initial_accumulator_value = initial_accumulator_value
        self.epsilon = 1e-7 if epsilon is None else epsilon

    def initial_slot_value(self, slot_name):
        """The accumulator starts at ``initial_accumulator_value``."""
        return self.initial_accumulator_value

    def update_step(self, grad, variable, lr):
        """Apply the update rule in the module docstring to ``variable.data``, in place."""
        xp = get_array_module(grad)
        acc = self.slot(variable, "accumulator")
        acc += grad * grad  # acc = acc + g^2
        variable.data -= lr * grad / xp.sqrt(acc + self.epsilon)
