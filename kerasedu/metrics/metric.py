"""`Metric`: a running statistic over batches (update_state / result / reset_state).

A metric function gives one value per sample for one batch; a `Metric` object
accumulates them over an epoch. `Mean` keeps a (weighted) total and count;
`MeanMetricWrapper` turns any ``fn(y_true, y_pred)`` into such a running mean.
Metrics are not differentiated, so they work on plain arrays.

Example:
    >>> m = Mean()
    >>> m.update_state([1.0, 2.0])
    >>> m.update_state([6.0])
    >>> float(m.result())
    3.0
"""

from kerasedu.autograd.function import no_grad
from kerasedu.autograd.tensor import Tensor
from kerasedu.config import floatx
from kerasedu.device import get_array_module, to_device
from kerasedu.losses.label_checks import match_ranks
from kerasedu.naming import to_snake_case


class Metric:
    """Base class of stateful metrics.

    Subclasses implement ``update_state(...)``, ``result()`` and ``reset_state()``.

    Args:
        name: Name shown in logs. Defaults to the class name in snake case.
        dtype: Result dtype. Defaults to ``floatx()``.
    """

    def __init__(self, name=None, dtype=None):
        self.name = name or to_snake_case(type(self).__name__)
        self.dtype = dtype or floatx()

    def update_state(self, *args, **kwargs):
        """Add one batch to the running state."""
        raise NotImplementedError(f"{type(self).__name__} must implement update_state().")

    def result(self):
        """Return the metric's current value as a scalar Tensor."""
        raise NotImplementedError(f"{type(self).__name__} must implement result().")

    def reset_state(self):
        """Forget all batches seen (called at the start of each epoch)."""
        raise NotImplementedError(f"{type(self).__name__} must implement reset_state().")

    def __call__(self, *args, **kwargs):
        """``update_state(...)`` then return ``result()``."""
        self.update_state(*args, **kwargs)
        return self.result()

    def get_config(self):
        """Return the constructor arguments as a dict."""
        return {"name": self.name, "dtype": self.dtype}

    @classmethod
    def from_config(cls, config):
        """Rebuild the metric from `get_config`'s dict."""
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name!r}>"


def samplewise_values(values, sample_weight):
    """Reduce ``values`` to one number per sample and weight them (Keras's rule).

    Returns ``(weighted values of shape (N,), weights of shape (N,) or None)``.
    """
    xp = get_array_module(values)
    if sample_weight is not None:
        weight = xp.asarray(sample_weight, dtype=values.dtype)
        values, weight = match_ranks(values, weight)
        if values.ndim > weight.ndim:  # e.g. (N, T) values, (N,) weights
            values = values.mean(axis=tuple(range(weight.ndim, values.ndim)))
        weight = xp.broadcast_to(weight, values.shape)
        values = values * weight
        if weight.ndim > 1:
            weight = weight.mean(axis=tuple(range(1, weight.ndim)))
    if values.ndim > 1:
        values = values.mean(axis=tuple(range(1, values.ndim)))
    return values, (weight if sample_weight is not None else None)


class Mean(Metric):
    """Running (weighted) mean: ``sum(w * v) / sum(w)`` over all values seen.

    Args:
        name: Defaults to ``"mean"``.
        dtype: Defaults to ``floatx()``.

    Example:
        >>> m = Mean()
        >>> m.update_state([1.0, 3.0], sample_weight=[1.0, 3.0])
        >>> float(m.result())
        2.5
    """

    def __init__(self, name="mean", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.reset_state()

    def reset_state(self):
        """Set the total and the count to 0."""
        self.total = 0.0
        self.count = 0.0

    def update_state(self, values, sample_weight=None):
        """Add ``values`` (one per sample, or more: averaged per sample) to the mean."""
        if isinstance(values, Tensor):
            values = values.data
        if not hasattr(values, "ndim"):
            values = to_device(values)  # a list or a number
        values, weight = samplewise_values(values.astype(self.dtype), sample_weight)
        self.total += float(values.sum())
        if weight is not None:
            self.count += float(weight.sum())
        else:
            self.count += values.shape[0] if values.ndim else 1

    def result(self):
        """Return ``total / count`` (0 before any update) as a scalar Tensor."""
        value = self.total / self.count if self.count else 0.0
        return Tensor(to_device(value, dtype=self.dtype))


class MeanMetricWrapper(Mean):
    """The running mean of ``fn(y_true, y_pred, **kwargs)`` over all samples seen.

    Args:
        fn: Function returning one value per sample (a metric or a loss function).
        name: Defaults to ``fn.__name__``.
        dtype: Defaults to ``floatx()``.
        **kwargs: Fixed keyword arguments for ``fn`` (``threshold``, ``k``...).

    Example:
        >>> from kerasedu.metrics.accuracy_functions import binary_accuracy
        >>> m = MeanMetricWrapper(binary_accuracy, threshold=0.5)
        >>> float(m([[1], [0]], np.array([[0.9], [0.8]])))
        0.5
    """

    def __init__(self, fn, name=None, dtype=None, **kwargs):
        super().__init__(name=name or getattr(fn, "__name__", None), dtype=dtype)
        self.fn = fn
        self.fn_kwargs = kwargs

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Compute ``fn`` on one batch and add its per-sample values to the mean."""
        with no_grad():  # a loss used as a metric needs no graph
            values = self.fn(y_true, y_pred, **self.fn_kwargs)
        super().update_state(values, sample_weight)

    def get_config(self):
        """Return ``name``, ``dtype`` and the fixed keyword arguments."""
        return {**super().get_config(), **self.fn_kwargs}
