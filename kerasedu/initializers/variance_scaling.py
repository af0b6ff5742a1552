"""Initializers scaled by the fans: `VarianceScaling` and its named cases (Glorot, He, LeCun).

Keeping each layer's output variance near its input variance stops signals
(and gradients) from shrinking or exploding as they pass through many layers;
the right scale depends on how many inputs (``fan_in``) and outputs
(``fan_out``) each unit has, and on the activation.

Example:
    >>> from kerasedu.initializers import HeNormal
    >>> HeNormal(seed=0)((3, 3, 8, 16)).shape
    (3, 3, 8, 16)
"""

import math

import numpy as np

from kerasedu.config import floatx
from kerasedu.initializers.initializer import compute_fans
from kerasedu.initializers.random import RandomInitializer, truncated_standard_normal

# std of a standard normal truncated to [-2, 2]; dividing by it restores the wanted variance
_TRUNCATED_STD = 0.87962566103423978


class VarianceScaling(RandomInitializer):
    """Random values whose variance is ``scale / n``, where ``n`` depends on the fans.

    ``n`` is ``fan_in``, ``fan_out`` or their average (``mode``). The values are
    drawn from a truncated normal (with std ``sqrt(scale / n) / 0.8796...`` so the
    truncation does not shrink the variance), a normal, or a uniform on
    ``[-limit, limit]`` with ``limit = sqrt(3 * scale / n)``.

    Args:
        scale: Positive scaling factor. Defaults to ``1.0``.
        mode: ``"fan_in"``, ``"fan_out"`` or ``"fan_avg"``. Defaults to ``"fan_in"``.
        distribution: ``"truncated_normal"``, ``"untruncated_normal"`` (or
            ``"normal"``) or ``"uniform"``. Defaults to ``"truncated_normal"``.
        seed: Optional int for reproducible values.

    Example:
        >>> w = VarianceScaling(2.0, "fan_in", "uniform", seed=0)((50, 10))
        >>> bool(abs(w).max() <= (6 / 50) ** 0.5)
        True
    """

    config_keys = ("scale", "mode", "distribution", "seed")

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None):
        super().__init__(seed)
        if scale <= 0:
            raise ValueError(f"`scale` must be positive. Received: scale={scale}")
        if mode not in ("fan_in", "fan_out", "fan_avg"):
            raise ValueError(
                f"`mode` must be 'fan_in', 'fan_out' or 'fan_avg'. Received: mode={mode!r}"
            )
        if distribution == "normal":
            distribution = "truncated_normal"  # Keras's meaning of plain "normal" here
        if distribution not in ("truncated_normal", "untruncated_normal", "uniform"):
            raise ValueError(
                "`distribution` must be 'truncated_normal', 'untruncated_normal' or "
                f"'uniform'. Received: distribution={distribution!r}"
            )
        self.scale, self.mode, self.distribution = scale, mode, distribution

    def __call__(self, shape, dtype=None):
        fan_in, fan_out = compute_fans(shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}[self.mode]
        variance = self.scale / max(1.0, n)
        rng = self._rng()
        if self.distribution == "truncated_normal":
            std = math.sqrt(variance) / _TRUNCATED_STD
            values = std * truncated_standard_normal(rng, shape)
        elif self.distribution == "untruncated_normal":
            values = rng.normal(0.0, math.sqrt(variance), size=shape)
        else:
            limit = math.sqrt(3.0 * variance)  # a uniform on [-l, l] has variance l^2 / 3
            values = rng.uniform(-limit, limit, size=shape)
        return np.asarray(values, dtype=dtype or floatx())


class _NamedVarianceScaling(VarianceScaling):
    """A VarianceScaling with fixed scale/mode/distribution: only the seed is configurable."""

    config_keys = ("seed",)


class GlorotUniform(_NamedVarianceScaling):
    """Glorot (Xavier) uniform: ``U(-l, l)``, ``l = sqrt(6 / (fan_in + fan_out))``.

    The default kernel initializer of Dense, Conv and recurrent layers.

    Example:
        >>> w = GlorotUniform(seed=0)((4, 2))
        >>> bool(abs(w).max() <= 1.0)
        True
    """

    def __init__(self, seed=None):
        super().__init__(1.0, "fan_avg", "uniform", seed)


class GlorotNormal(_NamedVarianceScaling):
    """Glorot (Xavier) normal: truncated normal with std ``sqrt(2 / (fan_in + fan_out))``.

    Example:
        >>> GlorotNormal(seed=0)((4, 2)).shape
        (4, 2)
    """

    def __init__(self, seed=None):
        super().__init__(1.0, "fan_avg", "truncated_normal", seed)


class HeUniform(_NamedVarianceScaling):
    """He uniform: ``U(-l, l)``, ``l = sqrt(6 / fan_in)``; suits relu layers.

    Example:
        >>> w = HeUniform(seed=0)((6, 3))
        >>> bool(abs(w).max() <= 1.0)
        True
    """

    def __init__(self, seed=None):
        super().__init__(2.0, "fan_in", "uniform", seed)


class HeNormal(_NamedVarianceScaling):
    """He normal: truncated normal with std ``sqrt(2 / fan_in)``.

    Example:
        >>> HeNormal(seed=0)((6, 3)).shape
        (6, 3)
    """

    def __init__(self, seed=None):
        super().__init__(2.0, "fan_in", "truncated_normal", seed)


class LecunUniform(_NamedVarianceScaling):
    """LeCun uniform: ``U(-l, l)``, ``l = sqrt(3 / fan_in)``; suits selu layers.

    Example:
        >>> w = LecunUniform(seed=0)((3, 3))
        >>> bool(abs(w).max() <= 1.0)
        True
    """

    def __init__(self, seed=None):
        super().__init__(1.0, "fan_in", "uniform", seed)


class LecunNormal(_NamedVarianceScaling):
    """LeCun normal: truncated normal with std ``sqrt(1 / fan_in)``.

    Example:
        >>> LecunNormal(seed=0)((3, 3)).shape
        (3, 3)
    """

    def __init__(self, seed=None):
        super().__init__(1.0, "fan_in", "truncated_normal", seed)
