"""Weight initializers: how a layer's weights start, with Keras's names and defaults.

An initializer is called as ``init(shape, dtype=None)`` and returns a NumPy
array. Random ones draw from NumPy's global random state (so
``np.random.seed(0)`` makes a model reproducible) unless given a ``seed``, in
which case they use their own generator and return the same values every call.

Example:
    >>> from kerasedu import initializers
    >>> init = initializers.get("glorot_uniform")
    >>> init((3, 2)).shape
    (3, 2)
    >>> initializers.Constant(2.0)((2,)).tolist()
    [2.0, 2.0]
"""

import math

import numpy as np

from kerasedu.backend.config import floatx

# std of a standard normal truncated to [-2, 2]; dividing by it restores the wanted variance
_TRUNCATED_STD = 0.87962566103423978


def compute_fans(shape):
    """Return ``(fan_in, fan_out)`` of a weight of ``shape``, as Keras does.

    A dense kernel ``(D_in, D_out)`` has fans ``D_in`` and ``D_out``. A
    convolution kernel ``(kh, kw, C_in, C_out)`` connects each output to
    ``kh * kw * C_in`` inputs, so the receptive field multiplies both fans.

    Example:
        >>> compute_fans((3, 3, 16, 32))
        (144, 288)
    """
    shape = tuple(shape)
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive_field = math.prod(shape[:-2])
    return shape[-2] * receptive_field, shape[-1] * receptive_field


class Initializer:
    """Base class: subclasses implement ``__call__(shape, dtype=None)`` -> NumPy array."""

    def __call__(self, shape, dtype=None):
        raise NotImplementedError

    def get_config(self):
        """Return the constructor arguments as a dict."""
        return {}

    @classmethod
    def from_config(cls, config):
        """Create an initializer from the dict `get_config` returned."""
        return cls(**config)


class Zeros(Initializer):
    """All zeros (the default for biases).

    Example:
        >>> Zeros()((2,)).tolist()
        [0.0, 0.0]
    """

    def __call__(self, shape, dtype=None):
        return np.zeros(shape, dtype=dtype or floatx())


class Ones(Initializer):
    """All ones (BatchNormalization's gamma).

    Example:
        >>> Ones()((2,)).tolist()
        [1.0, 1.0]
    """

    def __call__(self, shape, dtype=None):
        return np.ones(shape, dtype=dtype or floatx())


class Constant(Initializer):
    """Every element equal to ``value``.

    Args:
        value: The constant. Defaults to ``0.0``.

    Example:
        >>> Constant(0.5)((2,)).tolist()
        [0.5, 0.5]
    """

    def __init__(self, value=0.0):
        self.value = value

    def __call__(self, shape, dtype=None):
        return np.full(shape, self.value, dtype=dtype or floatx())

    def get_config(self):
        return {"value": self.value}


class RandomInitializer(Initializer):
    """Base of the random initializers: picks the global or a seeded generator.

    Args:
        seed: ``None`` to draw from ``np.random`` (the global state), or an int
            for a private generator that restarts from the seed on every call.
    """

    def __init__(self, seed=None):
        self.seed = seed

    def _rng(self):
        """The random source: the global ``np.random`` or a fresh seeded generator."""
        if self.seed is None:
            return np.random
        return np.random.default_rng(self.seed)

    def get_config(self):
        return {"seed": self.seed}


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

    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        super().__init__(seed)
        self.minval, self.maxval = minval, maxval

    def __call__(self, shape, dtype=None):
        values = self._rng().uniform(self.minval, self.maxval, size=shape)
        return np.asarray(values, dtype=dtype or floatx())

    def get_config(self):
        return {"minval": self.minval, "maxval": self.maxval, **super().get_config()}


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

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        super().__init__(seed)
        self.mean, self.stddev = mean, stddev

    def __call__(self, shape, dtype=None):
        values = self._rng().normal(self.mean, self.stddev, size=shape)
        return np.asarray(values, dtype=dtype or floatx())

    def get_config(self):
        return {"mean": self.mean, "stddev": self.stddev, **super().get_config()}


class TruncatedNormal(RandomNormal):
    """Normal with ``mean`` and ``stddev``, redrawing values more than 2 stddev away.

    Example:
        >>> w = TruncatedNormal(stddev=1.0, seed=0)((1000,))
        >>> bool(abs(w).max() <= 2.0)
        True
    """

    def __call__(self, shape, dtype=None):
        values = _truncated_standard_normal(self._rng(), shape)
        return np.asarray(self.mean + self.stddev * values, dtype=dtype or floatx())


def _truncated_standard_normal(rng, shape):
    """Standard normal draws, each outside [-2, 2] redrawn until it falls inside."""
    values = rng.standard_normal(size=shape)
    outside = np.abs(values) > 2.0
    while outside.any():  # about 4.6 % redrawn per round: a handful of rounds
        values[outside] = rng.standard_normal(size=int(outside.sum()))
        outside = np.abs(values) > 2.0
    return values


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

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None):
        super().__init__(seed)
        if scale <= 0:
            raise ValueError(f"`scale` must be positive. Received: scale={scale}")
        if mode not in ("fan_in", "fan_out", "fan_avg"):
            raise ValueError("`mode` must be 'fan_in', 'fan_out' or 'fan_avg'. "
                             f"Received: mode={mode!r}")
        if distribution == "normal":
            distribution = "truncated_normal"  # Keras's meaning of plain "normal" here
        if distribution not in ("truncated_normal", "untruncated_normal", "uniform"):
            raise ValueError("`distribution` must be 'truncated_normal', 'untruncated_normal' or "
                             f"'uniform'. Received: distribution={distribution!r}")
        self.scale, self.mode, self.distribution = scale, mode, distribution

    def __call__(self, shape, dtype=None):
        fan_in, fan_out = compute_fans(shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}[self.mode]
        variance = self.scale / max(1.0, n)
        rng = self._rng()
        if self.distribution == "truncated_normal":
            std = math.sqrt(variance) / _TRUNCATED_STD
            values = std * _truncated_standard_normal(rng, shape)
        elif self.distribution == "untruncated_normal":
            values = rng.normal(0.0, math.sqrt(variance), size=shape)
        else:
            limit = math.sqrt(3.0 * variance)  # a uniform on [-l, l] has variance l^2 / 3
            values = rng.uniform(-limit, limit, size=shape)
        return np.asarray(values, dtype=dtype or floatx())

    def get_config(self):
        return {"scale": self.scale, "mode": self.mode, "distribution": self.distribution,
                **super().get_config()}


class _NamedVarianceScaling(VarianceScaling):
    """A VarianceScaling with fixed scale/mode/distribution: only the seed is configurable."""

    def get_config(self):
        return {"seed": self.seed}


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

    def __init__(self, gain=1.0, seed=None):
        super().__init__(seed)
        self.gain = gain

    def __call__(self, shape, dtype=None):
        if len(shape) < 2:
            raise ValueError(f"Orthogonal needs a shape of rank >= 2. Received: shape={tuple(shape)}")
        rows, cols = math.prod(shape[:-1]), shape[-1]
        a = self._rng().normal(0.0, 1.0, size=(max(rows, cols), min(rows, cols)))
        q, r = np.linalg.qr(a)
        q = q * np.sign(np.diag(r))  # make the decomposition unique (uniformly random q)
        if rows < cols:
            q = q.T
        return np.asarray(self.gain * q.reshape(shape), dtype=dtype or floatx())

    def get_config(self):
        return {"gain": self.gain, **super().get_config()}


class Identity(Initializer):
    """The identity matrix times ``gain`` (2-D shapes only; non-square gives a partial eye).

    Args:
        gain: Multiplier. Defaults to ``1.0``.

    Example:
        >>> Identity()((2, 2)).tolist()
        [[1.0, 0.0], [0.0, 1.0]]
    """

    def __init__(self, gain=1.0):
        self.gain = gain

    def __call__(self, shape, dtype=None):
        if len(shape) != 2:
            raise ValueError(f"Identity needs a 2-D shape. Received: shape={tuple(shape)}")
        return np.asarray(self.gain * np.eye(*shape), dtype=dtype or floatx())

    def get_config(self):
        return {"gain": self.gain}


ALL_INITIALIZERS = {
    "zeros": Zeros,
    "ones": Ones,
    "constant": Constant,
    "random_uniform": RandomUniform,
    "uniform": RandomUniform,
    "random_normal": RandomNormal,
    "normal": RandomNormal,
    "truncated_normal": TruncatedNormal,
    "variance_scaling": VarianceScaling,
    "glorot_uniform": GlorotUniform,
    "glorot_normal": GlorotNormal,
    "he_uniform": HeUniform,
    "he_normal": HeNormal,
    "lecun_uniform": LecunUniform,
    "lecun_normal": LecunNormal,
    "orthogonal": Orthogonal,
    "identity": Identity,
}
_BY_CLASS_NAME = {cls.__name__: cls for cls in ALL_INITIALIZERS.values()}


def get(identifier):
    """Return an initializer for a name, a config dict, an instance or a callable.

    Args:
        identifier: ``"glorot_uniform"`` (or the class name ``"GlorotUniform"``),
            ``{"class_name": ..., "config": {...}}``, an `Initializer`, an
            Initializer class, or any callable ``f(shape, dtype=None)``.
            ``None`` gives ``None``.

    Raises:
        ValueError: for an unknown name (the message lists the valid ones).

    Example:
        >>> type(get("he_normal")).__name__
        'HeNormal'
        >>> get({"class_name": "Constant", "config": {"value": 3.0}})((1,)).tolist()
        [3.0]
    """
    if identifier is None:
        return None
    if isinstance(identifier, str):
        cls = ALL_INITIALIZERS.get(identifier) or _BY_CLASS_NAME.get(identifier)
        if cls is None:
            raise ValueError(f"Unknown initializer: {identifier!r}. Valid names are: "
                             f"{sorted(ALL_INITIALIZERS)}. Received: identifier={identifier!r}")
        return cls()
    if isinstance(identifier, dict):
        return deserialize(identifier)
    if isinstance(identifier, type) and issubclass(identifier, Initializer):
        return identifier()
    if callable(identifier):
        return identifier
    raise TypeError("Could not interpret initializer identifier: expected a name, a dict, an "
                    f"Initializer or a callable. Received: identifier={identifier!r}")


def serialize(initializer):
    """Return ``{"class_name": ..., "config": ...}`` for an initializer (``None`` stays ``None``).

    Example:
        >>> serialize(Constant(1.0))
        {'class_name': 'Constant', 'config': {'value': 1.0}}
    """
    if initializer is None:
        return None
    if isinstance(initializer, Initializer):
        return {"class_name": type(initializer).__name__, "config": initializer.get_config()}
    return getattr(initializer, "__name__", str(initializer))


def deserialize(config, custom_objects=None):
    """Inverse of `serialize`: build the initializer a config dict (or name) describes.

    Example:
        >>> type(deserialize({"class_name": "Zeros", "config": {}})).__name__
        'Zeros'
    """
    if isinstance(config, str):
        if custom_objects and config in custom_objects:
            return get(custom_objects[config])
        return get(config)
    name = config.get("class_name")
    cls = (custom_objects or {}).get(name) or _BY_CLASS_NAME.get(name) or ALL_INITIALIZERS.get(name)
    if cls is None:
        raise ValueError(f"Unknown initializer class {name!r}. Valid classes are: "
                         f"{sorted(_BY_CLASS_NAME)}. Received: config={config!r}")
    return cls(**config.get("config", {}))
