"""Regularisation layers active only in training: noise, dropout variants, activity penalty.

Each is the identity at inference (``training`` false, the default), as `Dropout` is.
In training: `GaussianNoise` adds ``N(0, stddev^2)`` noise, `GaussianDropout`
multiplies by ``N(1, rate / (1 - rate))`` noise, `AlphaDropout` drops to SELU's
negative saturation value and rescales so mean and variance stay, and
`SpatialDropout1D/2D/3D` drop whole channels (one draw per sample and channel).
`ActivityRegularization` adds ``l1 * sum|y| + l2 * sum y^2`` to the model's loss;
`Identity` returns its input.

Example:
    >>> x = np.ones((2, 3), dtype="float32")
    >>> GaussianNoise(0.1)(x).numpy().tolist() == x.tolist()  # inference: identity
    True
    >>> GaussianNoise(0.1, seed=1)(x, training=True).shape
    (2, 3)
"""

import math

from kerasedu import random, regularizers
from kerasedu.autograd.tensor import Tensor
from kerasedu.layers.conv_utils import check_data_format
from kerasedu.layers.dense import add_activity_penalty
from kerasedu.layers.dropout import Dropout
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer

# SELU's constants: selu(x) -> -SCALE * ALPHA for x -> -inf (its saturation value)
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def _seed_generator(seed):
    """A `SeedGenerator` for an int seed (new draws each call, reproducibly); else ``None``."""
    return None if seed is None else random.SeedGenerator(seed)


class GaussianNoise(Layer):
    """Add zero-mean Gaussian noise in training: ``y = x + N(0, stddev^2)``.

    Args:
        stddev: Standard deviation of the noise.
        seed: Optional int seed. Defaults to ``None`` (NumPy's global generator).

    Shapes:
        output shape = input shape.

    Example:
        >>> GaussianNoise(0.5).get_config()["stddev"]
        0.5
    """

    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        if stddev < 0:
            raise ValueError(f"`stddev` must be >= 0. Received: stddev={stddev}")
        self.stddev, self.seed = stddev, seed
        self._generator = _seed_generator(seed)

    def call(self, inputs, training=None):
        if not training or self.stddev == 0:
            return inputs
        noise = random.normal(inputs.shape, 0.0, self.stddev, inputs.dtype, self._generator)
        return inputs + noise

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "stddev": self.stddev, "seed": self.seed}


class GaussianDropout(Layer):
    """Multiply by Gaussian noise of mean 1 in training: ``y = x * N(1, rate / (1 - rate))``.

    The variance ``rate / (1 - rate)`` is that of `Dropout`'s mask with the same rate.

    Args:
        rate: Drop probability it imitates, in ``[0, 1)``.
        seed: Optional int seed. Defaults to ``None``.

    Shapes:
        output shape = input shape.

    Example:
        >>> y = GaussianDropout(0.5, seed=0)(np.ones((1000, 10)), training=True).numpy()
        >>> round(float(y.mean()), 1), round(float(y.std()), 1)
        (1.0, 1.0)
    """

    def __init__(self, rate, seed=None, **kwargs):
        super().__init__(**kwargs)
        if not 0 <= rate < 1:
            raise ValueError(f"`rate` must be in [0, 1). Received: rate={rate}")
        self.rate, self.seed = rate, seed
        self._generator = _seed_generator(seed)

    def call(self, inputs, training=None):
        if not training or self.rate == 0:
            return inputs
        stddev = math.sqrt(self.rate / (1.0 - self.rate))
        return inputs * random.normal(inputs.shape, 1.0, stddev, inputs.dtype, self._generator)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "rate": self.rate, "seed": self.seed}


class AlphaDropout(Dropout):
    """Dropout for SELU networks: keeps the inputs' mean and variance (self-normalisation).

    Dropped values become SELU's saturation value ``a' = -SCALE * ALPHA`` instead
    of 0, then ``y = a * x_dropped + b`` with ``a = ((1 - rate)(1 + rate a'^2))^-1/2``
    and ``b = -a a' rate`` (Klambauer et al., 2017).

    Args:
        rate: Fraction dropped, in ``[0, 1)``.
        noise_shape: As `Dropout`'s. Defaults to ``None``.
        seed: Optional int seed. Defaults to ``None``.

    Shapes:
        output shape = input shape.

    Example:
        >>> y = AlphaDropout(0.2, seed=0)(np.random.default_rng(0).normal(size=(4000, 8)),
        ...                               training=True).numpy()
        >>> abs(round(float(y.mean()), 1)), round(float(y.std()), 1)
        (0.0, 1.0)
    """

    def call(self, inputs, training=None):
        if not training or self.rate == 0:
            return inputs
        saturation = -SELU_SCALE * SELU_ALPHA
        shape = inputs.shape
        if self.noise_shape is not None:  # None entries take the input's size
            shape = tuple(n if d is None else d for d, n in zip(self.noise_shape, inputs.shape))
        draws = random.uniform(shape, seed=self._seed_generator).data
        kept = Tensor((draws >= self.rate).astype(inputs.dtype))
        a = ((1 - self.rate) * (1 + self.rate * saturation**2)) ** -0.5
        b = -a * saturation * self.rate
        return (inputs * kept + (1.0 - kept) * saturation) * a + b


class BaseSpatialDropout(Dropout):
    """Dropout of whole channels: one draw per sample and channel, shared by all positions."""

    def __init__(self, rank, rate, seed=None, data_format=None, **kwargs):
        self.data_format = check_data_format(data_format)
        super().__init__(rate, noise_shape=(None, *([1] * rank), None), seed=seed, **kwargs)
        self.input_spec = InputSpec(ndim=rank + 2)

    def get_config(self):
        config = {**super().get_config(), "data_format": self.data_format}
        del config["noise_shape"]  # fixed by the class, as in Keras
        return config


class SpatialDropout1D(BaseSpatialDropout):
    """Drop whole feature maps of sequences: input ``(N, T, C)``, mask ``(N, 1, C)``.

    Args:
        rate: Fraction of channels dropped, in ``[0, 1)``.
        seed: Optional int seed. Defaults to ``None``.

    Example:
        >>> y = SpatialDropout1D(0.5, seed=0)(np.ones((1, 4, 6)), training=True).numpy()
        >>> bool((y == y[:, :1]).all())  # the same channels dropped at every step
        True
    """

    def __init__(self, rate, seed=None, **kwargs):
        super().__init__(1, rate, seed, None, **kwargs)

    def get_config(self):
        config = super().get_config()
        del config["data_format"]  # as Keras: SpatialDropout1D has none
        return config


class SpatialDropout2D(BaseSpatialDropout):
    """Drop whole feature maps of images: input ``(N, H, W, C)``, mask ``(N, 1, 1, C)``.

    Args:
        rate: Fraction of channels dropped, in ``[0, 1)``.
        seed: Optional int seed. Defaults to ``None``.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.

    Example:
        >>> SpatialDropout2D(0.5)(np.ones((1, 2, 2, 3)), training=True).shape
        (1, 2, 2, 3)
    """

    def __init__(self, rate, seed=None, data_format=None, **kwargs):
        super().__init__(2, rate, seed, data_format, **kwargs)


class SpatialDropout3D(BaseSpatialDropout):
    """Drop whole feature maps of volumes: input ``(N, D, H, W, C)``, mask ``(N, 1, 1, 1, C)``.

    Args:
        rate: Fraction of channels dropped, in ``[0, 1)``.
        seed: Optional int seed. Defaults to ``None``.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.

    Example:
        >>> SpatialDropout3D(0.5)(np.ones((1, 2, 2, 2, 3)), training=True).shape
        (1, 2, 2, 2, 3)
    """

    def __init__(self, rate, seed=None, data_format=None, **kwargs):
        super().__init__(3, rate, seed, data_format, **kwargs)


class ActivityRegularization(Layer):
    """Return the input unchanged and add ``l1 * sum|x| + l2 * sum x^2`` to ``layer.losses``.

    Args:
        l1: L1 factor. Defaults to ``0.0``.
        l2: L2 factor. Defaults to ``0.0``.

    Shapes:
        output shape = input shape.

    Example:
        >>> layer = ActivityRegularization(l1=0.1)
        >>> _ = layer(np.array([[1.0, -2.0], [0.0, 3.0]]))
        >>> round(float(layer.losses[0]), 4)  # 0.1 * 6 / batch size 2
        0.3
    """

    def __init__(self, l1=0.0, l2=0.0, **kwargs):
        super().__init__(**kwargs)
        self.l1, self.l2 = l1, l2
        self.activity_regularizer = regularizers.L1L2(l1=l1, l2=l2)

    def call(self, inputs):
        add_activity_penalty(self, inputs)
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "l1": self.l1, "l2": self.l2}


class Identity(Layer):
    """Return the input unchanged (a placeholder, e.g. for an optional block).

    Shapes:
        output shape = input shape.

    Example:
        >>> Identity()(np.ones((2, 3))).shape
        (2, 3)
    """

    def compute_output_shape(self, input_shape):
        return input_shape
