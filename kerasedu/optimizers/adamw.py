"""AdamW: Adam with decoupled weight decay.

Before each Adam step every variable (biases included, unless excluded with
``exclude_from_weight_decay``) shrinks towards 0: ``w = w - w * weight_decay * lr``.
Unlike an L2 penalty in the loss, this decay does not pass through Adam's
per-parameter scaling (Loshchilov and Hutter, 2019).

Example:
    >>> from kerasedu.autograd import Variable
    >>> w = Variable(np.array([1.0], dtype="float32"))
    >>> AdamW(learning_rate=0.1, weight_decay=0.5).apply_gradients([(np.array([0.0]), w)])
    >>> round(float(w.numpy()[0]), 4)   # 1 - 1 * 0.5 * 0.1, and Adam's step is 0
    0.95
"""

from kerasedu.optimizers.adam import Adam


class AdamW(Adam):
    """Adam with decoupled weight decay.

    Args:
        learning_rate: Float or schedule. Defaults to ``0.001``.
        weight_decay: Decay factor per unit learning rate. Defaults to ``0.004``.
        beta_1: Defaults to ``0.9``.
        beta_2: Defaults to ``0.999``.
        epsilon: Defaults to ``1e-7``.
        amsgrad: Defaults to ``False``.
        **kwargs: Base arguments (``clipnorm``, ``name``...).

    Example:
        >>> AdamW().get_config()["weight_decay"]
        0.004
    """

    def __init__(
        self,
        learning_rate=0.001,
        weight_decay=0.004,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
        amsgrad=False,
        name="adamw",
        **kwargs,
    ):
        if weight_decay is None:
            raise ValueError("AdamW needs a float `weight_decay`. Received: weight_decay=None")
        super().__init__(
            learning_rate=learning_rate,
            beta_1=beta_1,
            beta_2=beta_2,
            epsilon=epsilon,
            amsgrad=amsgrad,
            weight_decay=weight_decay,
            name=name,
            **kwargs,
        )
