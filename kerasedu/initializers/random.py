"""Random initializers with fixed parameters: uniform, normal, truncated normal, orthogonal.

They draw from NumPy's global random state (so ``np.random.seed(0)`` makes a
model reproducible) unless given a ``seed``, in which case each call starts a
private generator from that seed and returns the same values.

Example:
    >>> from kerasedu.initializers import RandomUniform
    >>> a, b = RandomUniform(seed=1)((3,)), RandomUniform(seed=1)((3,))
    >>> bool((a == b).all())
    True
"""

import math

import numpy as np

from kerasedu.config import floatx
from kerasedu.initializers.initializer import Initializer


class RandomInitializer(Initializer):
    """Base of the random initializers: picks the global or a seeded generator.

    Args:
        seed: ``None`` to draw from ``np.random`` (the global state), or an int
            for a private generator that restarts from the seed on every call.
    """

    config_keys = ("seed",)

    def __init__(self, seed=None):
        self.seed = seed

    def _rng(self):
        """The random source: the global ``np.random`` or a fresh seeded generator."""
        if self.seed is None:
            return np.random
        return np.random.default_rng(self.seed)


class RandomUniform(RandomInitializer):
    """Uniform on ``[minval, maxval)``.

    Args:
        minval: Lower bound. Defaults to ``-0.05``.
        maxval: Upper bound. Defaults to ``0.05``.
        seed: Optional int for reproducible values.

    Example:
        >>> w = RandomUniform(seed=0)((100,))
        >>> bool(w.min() >= -0.05 and w.max() < 0.05)
        True
    """

    config_keys = ("minval", "maxval", "seed")

    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        super().__init__(seed)
        self.minval, self.maxval = minval, maxval

    def __call__(self, shape, dtype=None):
        values = self._rng().uniform(self.minval, self.maxval, size=shape)
        return np.asarray(values, dtype=dtype or floatx())


class RandomNormal(RandomInitializer):
    """Normal with ``mean`` and ``stddev``.

    Args:
        mean: Defaults to ``0.0``.
        stddev: Defaults to ``0.05``.
        seed: Optional int for reproducible values.

    Example:
        >>> RandomNormal(seed=0)((2, 3)).shape
        (2, 3)
    """

    config_keys = ("mean", "stddev", "seed")

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        super().__init__(seed)
        self.mean, self.stddev = mean, stddev

    def __call__(self, shape, dtype=None):
        values = self._rng().normal(self.mean, self.stddev, size=shape)
        return np.asarray(values, dtype=dtype or floatx())


class TruncatedNormal(RandomNormal):
    """Normal with ``mean`` and ``stddev``, redrawing values more than 2 stddev away.

    Example:
        >>> w = TruncatedNormal(stddev=1.0, seed=0)((1000,))
        >>> bool(abs(w).max() <= 2.0)
        True
    """

    def __call__(self, shape, dtype=None):
        values = truncated_standard_normal(self._rng(), shape)
        return np.asarray(self.mean + self.stddev * values, dtype=dtype or floatx())


def truncated_standard_normal(rng, shape):
    """Standard normal draws, each outside [-2, 2] redrawn until it falls inside.

    Args:
        rng: ``np.random`` or a ``np.random.Generator``.
        shape: Shape of the result.

    Returns:
        A float64 NumPy array of ``shape``.

    Example:
        >>> values = truncated_standard_normal(np.random.default_rng(0), (1000,))
        >>> bool(abs(values).max() <= 2.0)
        True
    """
    values = rng.standard_normal(size=shape)
    outside = np.abs(values) > 2.0
    while outside.any():  # about 4.6 % redrawn per round: a handful of rounds
        values[outside] = rng.standard_normal(size=int(outside.sum()))
        outside = np.abs(values) > 2.0
    return values


class Orthogonal(RandomInitializer):
    """A random orthogonal matrix (times ``gain``), from the QR decomposition of a normal one.

    Weights of rank > 2 are treated as a ``(prod(shape[:-1]), shape[-1])`` matrix.

    Args:
        gain: Multiplier. Defaults to ``1.0``.
        seed: Optional int for reproducible values.

    Example:
        >>> q = Orthogonal(seed=0)((3, 3))
        >>> bool(np.allclose(q @ q.T, np.eye(3), atol=1e-5))
        True
    """

    config_keys = ("gain", "seed")

    def __init__(self, gain=1.0, seed=None):
        super().__init__(seed)
        self.gain = gain

    def __call__(self, shape, dtype=None):
        if len(shape) < 2:
            raise ValueError(
                f"Orthogonal needs a shape of rank >= 2. Received: shape={tuple(shape)}"
            )
        rows, cols = math.prod(shape[:-1]), shape[-1]
        a = self._rng().normal(0.0, 1.0, size=(max(rows, cols), min(rows, cols)))
        q, r = np.linalg.qr(a)
        q = q * np.sign(np.diag(r))  # make the decomposition unique (uniformly random q)
        if rows < cols:
            q = q.T
        return np.asarray(self.gain * q.reshape(shape), dtype=dtype or floatx())
