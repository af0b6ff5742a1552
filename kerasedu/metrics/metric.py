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

import numpy as np

from kerasedu import initializers
from kerasedu.autograd.function import no_grad
from kerasedu.autograd.tensor import Tensor
from kerasedu.autograd.variable import Variable
from kerasedu.config import floatx
from kerasedu.device import get_array_module, to_device
from kerasedu.losses.label_checks import match_ranks
from kerasedu.naming import to_snake_case


class Metric:
    """Base class of stateful metrics.

    Subclasses implement ``update_state(...)`` and ``result()``; a metric that
    keeps its state in `add_variable` variables gets ``reset_state()`` for free.

    Args:
        name: Name shown in logs. Defaults to the class name in snake case.
        dtype: Result dtype. Defaults to ``floatx()``.
    """

    def __init__(self, name=None, dtype=None):
        self.name = name or to_snake_case(type(self).__name__)
        self.dtype = dtype or floatx()
        self._variables = []

    def add_variable(self, shape, initializer, dtype=None, aggregation="sum", name=None):
        """Create and return a state `Variable` (never trained) that `reset_state` sets to 0.

        Args:
            shape: Shape of the state (``()`` for a running total).
            initializer: Name or initializer of the first value (``"zeros"``).
            dtype: Defaults to the metric's dtype.
            aggregation: Accepted for Keras 3 (how devices would combine it); unused here.
            name: Defaults to ``"variable"``.

        Example:
            >>> class Total(Metric):
            ...     def __init__(self, name="total"):
            ...         super().__init__(name=name)
            ...         self.total = self.add_variable(shape=(), initializer="zeros")
            ...     def update_state(self, values):
            ...         self.total.assign_add(np.sum(values))
            ...     def result(self):
            ...         return self.total
            >>> total = Total()
            >>> float(total([1.0, 2.0])), float(total([3.0]))
            (3.0, 6.0)
            >>> total.reset_state()
            >>> float(total.result())
            0.0
        """
        dtype = dtype or self.dtype
        value = np.asarray(initializers.get(initializer)(tuple(shape), dtype=dtype), dtype=dtype)
        variable = Variable(
            to_device(value), name=f"{self.name}/{name or 'variable'}", trainable=False
        )
        self._variables.append(variable)
        return variable

    def add_weight(self, shape=(), initializer=None, dtype=None, name=None):
        """Keras's older name for `add_variable` (the initializer defaults to zeros)."""
        return self.add_variable(shape, initializer or "zeros", dtype=dtype, name=name)

    @property
    def variables(self):
        """The state variables made with `add_variable`."""
        return list(self._variables)

    def update_state(self, *args, **kwargs):
        """Add one batch to the running state."""
        raise NotImplementedError(f"{type(self).__name__} must implement update_state().")

    def result(self):
        """Return the metric's current value as a scalar Tensor."""
        raise NotImplementedError(f"{type(self).__name__} must implement result().")

    def reset_state(self):
        """Forget all batches seen (at each epoch's start): every variable back to 0, as Keras 3.

        A metric that keeps its state elsewhere than in `add_variable` variables overrides it.
        """
        if not self._variables:
            raise NotImplementedError(
                f"{type(self).__name__} must implement reset_state() "
                "(or keep its state in self.add_variable(...))."
            )
        for variable in self._variables:
            variable.assign(np.zeros(variable.shape, dtype=variable.dtype))

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
        if values.ndim != weight.ndim:  # e.g. (N, 1) values, (N,) weights
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
