"""Preprocessing layers that live inside a model: Rescaling, Normalization, CategoryEncoding.

Putting the preprocessing in the model means a saved model takes raw data.
`Normalization` learns its mean and variance from data with ``adapt`` (not by
gradient descent): they are non-trainable weights, saved with the model.

Example:
    >>> Rescaling(1 / 255)(np.array([[0.0, 255.0]])).numpy().tolist()
    [[0.0, 1.0]]
    >>> norm = Normalization()
    >>> norm.adapt(np.array([[0.0], [2.0]]))
    >>> norm(np.array([[4.0]])).numpy().tolist()
    [[3.0]]
"""

import numpy as np

from kerasedu.autograd.tensor import Tensor
from kerasedu.config import epsilon
from kerasedu.device import get_array_module, to_device, to_numpy
from kerasedu.layers.layer import Layer


class Rescaling(Layer):
    """``y = x * scale + offset``, e.g. ``Rescaling(1 / 255)`` maps pixels to ``[0, 1]``.

    Args:
        scale: The factor.
        offset: Added after scaling. Defaults to ``0.0``.

    Shapes:
        any input shape -> the same shape.

    Example:
        >>> Rescaling(1 / 127.5, offset=-1)(np.array([[0.0, 255.0]])).numpy().tolist()
        [[-1.0, 1.0]]
    """

    def __init__(self, scale, offset=0.0, **kwargs):
        super().__init__(**kwargs)
        self.scale, self.offset = scale, offset

    def call(self, inputs):
        return inputs * self.scale + self.offset

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "scale": self.scale, "offset": self.offset}


class Normalization(Layer):
    """Standardise features: ``y = (x - mean) / sqrt(variance)``, statistics from ``adapt``.

    Args:
        axis: Axis or axes that keep their own mean and variance (the others
            are averaged over); ``None`` for one mean for everything. Defaults to ``-1``.
        mean, variance: Fixed statistics instead of ``adapt``. Defaults to ``None``.
        invert: Undo the normalisation instead: ``y = mean + x * sqrt(variance)``.
            Defaults to ``False``.

    Shapes:
        any input shape -> the same shape; weights ``mean``, ``variance`` (the
        kept axes' sizes) and ``count``, all non-trainable.

    Example:
        >>> norm = Normalization(mean=2.0, variance=4.0)
        >>> norm(np.array([[0.0, 4.0]])).numpy().tolist()
        [[-1.0, 1.0]]
    """

    def __init__(self, axis=-1, mean=None, variance=None, invert=False, **kwargs):
        super().__init__(**kwargs)
        self.axis = () if axis is None else (axis,) if isinstance(axis, int) else tuple(axis)
        if (mean is None) != (variance is None):
            raise ValueError(
                f"Normalization: give both `mean` and `variance`, or neither. "
                f"Received: mean={mean}, variance={variance}"
            )
        self.input_mean, self.input_variance, self.invert = mean, variance, invert

    def build(self, input_shape):
        ndim = len(input_shape)
        self._keep_axes = tuple(sorted(a % ndim for a in self.axis))
        self._reduce_axes = tuple(a for a in range(ndim) if a not in self._keep_axes)
        self._broadcast_shape = tuple(
            input_shape[a] if a in self._keep_axes else 1 for a in range(ndim)
        )
        if self.input_mean is None:
            shape = tuple(input_shape[a] for a in self._keep_axes)
            self.mean = self.add_weight(
                shape=shape, initializer="zeros", trainable=False, name="mean"
            )
            self.variance = self.add_weight(
                shape=shape, initializer="ones", trainable=False, name="variance"
            )
            # Keras's third weight, never updated there either: kept for its file layout
            self.count = self.add_weight(
                shape=(), initializer="zeros", trainable=False, dtype="int32", name="count"
            )

    def adapt(self, data):
        """Set ``mean`` and ``variance`` from ``data``: an array, or an iterable of batches.

        Batches are combined exactly (Chan's parallel variance formula).
        """
        batches = [data] if hasattr(data, "shape") else list(data)
        self.maybe_build((None, *np.shape(batches[0])[1:]))
        if self.input_mean is not None:
            raise ValueError(f"Layer '{self.name}' was given `mean` and `variance`: no adapt.")
        count, mean, var = 0, 0.0, 0.0
        for batch in batches:
            batch = np.asarray(to_numpy(batch), dtype="float64")
            n = batch.size // int(np.prod(self.mean.shape, dtype=int))  # values per statistic
            b_mean, b_var = batch.mean(self._reduce_axes), batch.var(self._reduce_axes)
            delta, total = b_mean - mean, count + n
            var = (count * var + n * b_var + delta**2 * count * n / total) / total
            mean, count = mean + delta * n / total, total
        self.mean.assign(np.asarray(mean, dtype=self.dtype))
        self.variance.assign(np.asarray(var, dtype=self.dtype))

    def call(self, inputs):
        xp = get_array_module(inputs.data)
        if self.input_mean is None:
            mean, variance = self.mean.data, self.variance.data
        else:
            mean = xp.asarray(to_device(self.input_mean), dtype=inputs.dtype)
            variance = xp.asarray(to_device(self.input_variance), dtype=inputs.dtype)
        mean = self._broadcast(mean)
        std = self._broadcast(xp.maximum(xp.sqrt(variance), epsilon()))  # never divide by 0
        if self.invert:
            return inputs * Tensor(std) + Tensor(mean)
        return (inputs - Tensor(mean)) / Tensor(std)

    def _broadcast(self, stat):
        """A statistic of the kept axes' shape -> the input's rank (size 1 on averaged axes)."""
        return stat if stat.ndim == 0 else stat.reshape(self._broadcast_shape)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        mean, variance = self.input_mean, self.input_variance
        return {
            **super().get_config(),
            "axis": list(self.axis),
            "invert": self.invert,
            "mean": None if mean is None else np.asarray(mean).tolist(),
            "variance": None if variance is None else np.asarray(variance).tolist(),
        }


class CategoryEncoding(Layer):
    """Encode integer ids ``0 .. num_tokens - 1`` as one-hot, multi-hot or count vectors.

    Args:
        num_tokens: Number of distinct ids.
        output_mode: ``"one_hot"`` (one vector per id), ``"multi_hot"`` (one
            vector per sample, 1 where an id occurs) or ``"count"`` (how often
            it occurs). Defaults to ``"multi_hot"``.
        sparse: Only ``False`` (dense output) is supported.

    Shapes:
        ``"one_hot"``: ``(N,)`` or ``(N, 1)`` -> ``(N, num_tokens)``, ``(N, k)`` ->
        ``(N, k, num_tokens)``; the other modes: ``(N, k)`` -> ``(N, num_tokens)``.

    Example:
        >>> CategoryEncoding(4, output_mode="count")(np.array([[0, 3, 3]])).numpy().tolist()
        [[1.0, 0.0, 0.0, 2.0]]
    """

    def __init__(self, num_tokens=None, output_mode="multi_hot", sparse=False, **kwargs):
        super().__init__(**kwargs)
        if output_mode not in ("one_hot", "multi_hot", "count") or sparse or not num_tokens:
            raise ValueError(
                "CategoryEncoding: needs num_tokens and output_mode 'one_hot', 'multi_hot' or "
                f"'count' (dense). Received: num_tokens={num_tokens}, output_mode={output_mode!r}, "
                f"sparse={sparse}"
            )
        self.num_tokens, self.output_mode = num_tokens, output_mode

    def call(self, inputs, count_weights=None):
        xp = get_array_module(inputs.data)
        ids = inputs.data.astype("int64")
        if ids.size and (ids.min() < 0 or ids.max() >= self.num_tokens):
            raise ValueError(
                f"Layer '{self.name}': ids must be in [0, {self.num_tokens}). "
                f"Received values from {ids.min()} to {ids.max()}."
            )
        one_hot = xp.eye(self.num_tokens, dtype=self.dtype)[ids]  # (..., k, num_tokens)
        if self.output_mode == "one_hot":
            if ids.ndim > 1 and ids.shape[-1] == 1:
                one_hot = one_hot[..., 0, :]  # (N, 1) ids: one vector per sample
            return Tensor(one_hot)
        if count_weights is not None:
            one_hot = one_hot * xp.asarray(to_numpy(count_weights), dtype=self.dtype)[..., None]
        counts = one_hot.sum(axis=-2)  # over the ids of a sample
        if self.output_mode == "multi_hot":
            counts = (counts > 0).astype(self.dtype)
        return Tensor(counts)

    def compute_output_shape(self, input_shape):
        if self.output_mode == "one_hot" and (len(input_shape) == 1 or input_shape[-1] != 1):
            return (*input_shape, self.num_tokens)
        return (*input_shape[:-1], self.num_tokens)

    def get_config(self):
        return {**super().get_config(), "num_tokens": self.num_tokens,
                "output_mode": self.output_mode, "sparse": False}  # fmt: skip
