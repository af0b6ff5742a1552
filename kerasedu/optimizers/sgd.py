"""SGD: gradient descent, optionally with (Nesterov) momentum.

Update rule (Keras), for learning rate ``lr`` and gradient ``g``::

    without momentum:  w = w - lr * g
    with momentum:     m = momentum * m - lr * g
                       w = w + m                        (classical)
                       w = w + momentum * m - lr * g    (nesterov=True)

Example:
    >>> from kerasedu.autograd import Variable
    >>> w = Variable(np.array([1.0], dtype="float32"))
    >>> opt = SGD(learning_rate=0.1, momentum=0.9)
    >>> for _ in range(2):
    ...     opt.apply_gradients([(np.array([1.0]), w)])
    >>> round(float(w.numpy()[0]), 4)   # 1 - 0.1 - (0.9 * 0.1 + 0.1)
    0.71
"""

from kerasedu.optimizers.optimizer import Optimizer


class SGD(Optimizer):
    """Stochastic gradient descent with optional momentum and Nesterov momentum.

    Args:
        learning_rate: Float or schedule. Defaults to ``0.01``.
        momentum: Velocity decay in ``[0, 1)``; 0 means plain SGD. Defaults to ``0.0``.
        nesterov: Use Nesterov momentum. Defaults to ``False``.
        **kwargs: Base arguments (``clipnorm``, ``weight_decay``, ``name``...).

    Example:
        >>> SGD().get_config()["learning_rate"]
        0.01
    """

    config_keys = ("momentum", "nesterov")  # get_config adds them

    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False, name="SGD", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        if not 0 <= momentum <= 1:
            raise ValueError(f"`momentum` must be in [0, 1]. Received: momentum={momentum}")
        self.momentum = momentum
        self.nesterov = nesterov

    def slot_names(self):
        """The state arrays kept per variable."""
        return ("momentum",) if self.momentum else ()

    def update_step(self, grad, variable, lr):
        """Apply the update rule in the module docstring to ``variable.data``, in place."""
        if not self.momentum:
            variable.data -= lr * grad
            return
        m = self.slot(variable, "momentum")
        m *= self.momentum
        m -= lr * grad  # m = momentum * m - lr * g
        if self.nesterov:
            variable.data += self.momentum * m - lr * grad
        else:
            variable.data += m
