"""`Loss`: the class form of a loss, which reduces per-sample values to one number.

A loss *function* (``mean_squared_error``) returns one value per sample. A loss
*object* (``MeanSquaredError()``) calls it, multiplies by the optional
``sample_weight`` and reduces. Keras's default reduction,
``"sum_over_batch_size"``, is ``sum(w_i * loss_i) / N``: it divides by the number
of values N, not by the sum of the weights.

Example:
    >>> from kerasedu.losses.regression import mean_absolute_error
    >>> loss = LossFunctionWrapper(mean_absolute_error)
    >>> float(loss(np.array([[0.0], [0.0]]), np.array([[1.0], [3.0]]), sample_weight=[1.0, 0.0]))
    0.5
"""

from kerasedu.autograd.tensor import Tensor
from kerasedu.device import get_array_module
from kerasedu.naming import to_snake_case

REDUCTIONS = ("sum_over_batch_size", "sum", "none", None)


def reduce_weighted_values(values, sample_weight=None, reduction="sum_over_batch_size"):
    """Weight per-sample ``values`` and reduce them.

    Args:
        values: Tensor of per-sample losses, shape ``(N,)`` or ``(N, ...)``.
        sample_weight: Optional weights, shape ``(N,)`` or ``(N, 1)`` (or the
            shape of ``values``). Defaults to ``None`` (all ones).
        reduction: ``"sum_over_batch_size"`` (sum / number of values),
            ``"sum"``, or ``"none"``/``None`` (no reduction). Defaults to
            ``"sum_over_batch_size"``.

    Returns:
        A scalar Tensor, or the weighted values for ``"none"``.

    Example:
        >>> float(reduce_weighted_values(Tensor([1.0, 3.0]), [2.0, 0.0]))
        1.0
    """
    if reduction not in REDUCTIONS:
        raise ValueError(
            f"Invalid reduction; expected one of {REDUCTIONS}. Received: reduction={reduction!r}"
        )
    if sample_weight is not None:
        weight = _match_weight_rank(_as_weight(sample_weight, values), values)
        values = values * weight
    if reduction in ("none", None):
        return values
    total = values.sum()
    if reduction == "sum":
        return total
    return total / max(values.data.size, 1)


def apply_mask(sample_weight, mask, reduction="sum_over_batch_size", dtype="float32"):
    """Fold an output's mask (``True`` = a real step) into the sample weights, as Keras does.

    Masked steps weigh 0. For ``"sum_over_batch_size"`` the kept ones weigh
    ``mask.size / kept``, so that dividing by the number of values gives the mean
    over the kept values only; for other reductions they weigh 1.

    Args:
        sample_weight: ``None``, or weights ``(N,)`` / ``(N, 1)`` / the mask's shape.
        mask: Boolean array, e.g. ``(N, T)`` for a sequence output.
        reduction: The loss's reduction. Defaults to ``"sum_over_batch_size"``.
        dtype: Of the weights returned. Defaults to ``"float32"``.

    Returns:
        An array of weights that broadcasts against the per-step losses.

    Example:
        >>> apply_mask(None, np.array([[True, True, False, False]])).tolist()
        [[2.0, 2.0, 0.0, 0.0]]
        >>> apply_mask([1.0, 3.0], np.array([[True, False], [True, True]]), "sum").tolist()
        [[1.0, 0.0], [3.0, 3.0]]
    """
    xp = get_array_module(mask)
    weights = mask.astype(dtype)
    kept = float(weights.sum())
    if reduction == "sum_over_batch_size" and kept:
        weights = weights * (mask.size / kept)
    if sample_weight is None:
        return weights
    data = sample_weight.data if isinstance(sample_weight, Tensor) else sample_weight
    sample_weight = xp.asarray(data, dtype=dtype)
    while sample_weight.ndim > weights.ndim and sample_weight.shape[-1] == 1:
        sample_weight = sample_weight[..., 0]  # (N, 1) weights for an (N,) mask
    while sample_weight.ndim < weights.ndim:
        sample_weight = sample_weight[..., None]  # (N,) weights for an (N, T) mask
    return weights * sample_weight


def _as_weight(sample_weight, values):
    """The weights as a Tensor of the values' dtype (weights carry no gradient)."""
    data = sample_weight.data if isinstance(sample_weight, Tensor) else sample_weight
    return Tensor(get_array_module(values.data).asarray(data, dtype=values.dtype))


def _match_weight_rank(weight, values):
    """Drop trailing size-1 axes of ``weight`` or add some, so it broadcasts per sample."""
    while weight.ndim > values.ndim and weight.shape[-1] == 1:
        weight = weight.reshape(weight.shape[:-1])  # (N, 1) weights for (N,) losses
    while weight.ndim < values.ndim:
        weight = weight.reshape(weight.shape + (1,))  # (N,) weights for (N, T) losses
    return weight


class Loss:
    """Base class of loss objects: ``loss(y_true, y_pred, sample_weight=None)`` -> scalar.

    Subclasses implement ``call(y_true, y_pred)`` returning per-sample values.

    Args:
        name: Name of the loss. Defaults to the class name in snake case.
        reduction: See `reduce_weighted_values`. Defaults to ``"sum_over_batch_size"``.

    Example:
        >>> class L1(Loss):
        ...     def call(self, y_true, y_pred):
        ...         return (Tensor(y_pred) - Tensor(y_true)).abs().mean(axis=-1)
        >>> float(L1()(np.zeros((2, 1)), np.ones((2, 1))))
        1.0
    """

    def __init__(self, name=None, reduction="sum_over_batch_size"):
        if reduction not in REDUCTIONS:
            raise ValueError(
                f"Invalid reduction; expected one of {REDUCTIONS}. "
                f"Received: reduction={reduction!r}"
            )
        self.name = name or to_snake_case(type(self).__name__)
        self.reduction = reduction

    def __call__(self, y_true, y_pred, sample_weight=None):
        """Return the (weighted, reduced) loss as a Tensor.

        A ``y_pred`` that carries a mask (a model's output after
        ``Embedding(mask_zero=True)``...) counts only its unmasked steps.
        """
        values = self.call(y_true, y_pred)
        if not isinstance(values, Tensor):
            values = Tensor(values)  # a custom call() may return a plain array
        mask = getattr(y_pred, "_keras_mask", None)
        if mask is not None:
            sample_weight = apply_mask(sample_weight, mask, self.reduction, values.dtype)
        return reduce_weighted_values(values, sample_weight, self.reduction)

    def call(self, y_true, y_pred):
        """Return per-sample loss values; implemented by subclasses."""
        raise NotImplementedError(f"{type(self).__name__} must implement call(y_true, y_pred).")

    def get_config(self):
        """Return the constructor arguments as a JSON-serialisable dict."""
        return {"name": self.name, "reduction": self.reduction}

    @classmethod
    def from_config(cls, config):
        """Rebuild a loss from `get_config`'s dict."""
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name!r}>"


class LossFunctionWrapper(Loss):
    """A `Loss` built from a loss function and its keyword arguments.

    Args:
        fn: Loss function ``fn(y_true, y_pred, **kwargs)`` returning per-sample values.
        reduction: Defaults to ``"sum_over_batch_size"``.
        name: Defaults to ``fn.__name__``.
        **kwargs: Fixed keyword arguments passed to ``fn`` (``from_logits``...).

    Example:
        >>> from kerasedu.losses.regression import huber
        >>> float(LossFunctionWrapper(huber, delta=2.0)([[0.0]], [[1.0]]))
        0.5
    """

    def __init__(self, fn, reduction="sum_over_batch_size", name=None, **kwargs):
        super().__init__(name=name or getattr(fn, "__name__", None), reduction=reduction)
        self.fn = fn
        self.fn_kwargs = kwargs

    def call(self, y_true, y_pred):
        """Return ``fn(y_true, y_pred, **kwargs)``."""
        return self.fn(y_true, y_pred, **self.fn_kwargs)

    def get_config(self):
        """Return ``name``, ``reduction`` and the fixed keyword arguments."""
        return {**super().get_config(), **self.fn_kwargs}
