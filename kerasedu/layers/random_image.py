"""Random data augmentation of images: RandomFlip, RandomContrast, RandomBrightness.

The geometric ones (rotation, translation, zoom) are in `random_affine`. Like
Keras's, these layers change their input only in training: ``model.fit``
passes ``training=True`` and ``predict``/``evaluate`` ``training=False``; a
direct call ``layer(images)`` augments (Keras's default). Each image of a batch
gets its own random draw. They are preprocessing: no gradient flows through
them, so put them first in a model.

Example:
    >>> flip = RandomFlip("horizontal", seed=0)
    >>> x = np.arange(4.0).reshape(1, 1, 4, 1)
    >>> flip(x, training=False).numpy().ravel().tolist()
    [0.0, 1.0, 2.0, 3.0]
"""

import numpy as np

from kerasedu import random
from kerasedu.autograd.tensor import Tensor
from kerasedu.device import to_device, to_numpy
from kerasedu.layers.conv_utils import check_data_format
from kerasedu.layers.layer import Layer


def factor_range(factor, bounds, name="factor"):
    """Keras's reading of a factor: ``f`` -> ``(max(-f, low), f)``; a pair is sorted.

    Example:
        >>> factor_range(0.2, (-1, 1)), factor_range((0.3, -0.1), (-1, 1))
        ((-0.2, 0.2), (-0.1, 0.3))
    """
    if isinstance(factor, (tuple, list)):
        lower, upper = sorted(factor)
    else:
        lower, upper = max(-abs(factor), bounds[0]), abs(factor)
    if lower < bounds[0] or upper > bounds[1]:
        raise ValueError(f"`{name}` must lie in {list(bounds)}. Received: {name}={factor}")
    return lower, upper


class BaseRandomImage(Layer):
    """Shared code: the seed, per-image uniform draws, and the training switch.

    Args:
        seed: Optional int seed. Defaults to ``None`` (NumPy's global generator).
        data_format: Only ``"channels_last"`` (or ``None``) is supported.
    """

    def __init__(self, seed=None, data_format=None, **kwargs):
        self.data_format = check_data_format(data_format)
        super().__init__(**kwargs)
        self.seed = seed
        self._generator = None if seed is None else random.SeedGenerator(seed)

    def uniform(self, n, low, high):
        """``n`` draws from ``U[low, high)``, as a NumPy array."""
        return to_numpy(random.uniform((n,), low, high, "float64", self._generator).data)

    def call(self, inputs, training=True):
        if training is False:  # None (a direct call of a model) augments, as in Keras
            return inputs
        images = to_numpy(inputs.data)
        single = images.ndim == 3  # one image (H, W, C)
        batch = images[None] if single else images
        out = self.augment(batch).astype(images.dtype)
        return Tensor(to_device(out[0] if single else out))

    def augment(self, images):
        """Return the augmented ``(N, H, W, C)`` NumPy images."""
        raise NotImplementedError

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "seed": self.seed, "data_format": self.data_format}


class RandomFlip(BaseRandomImage):
    """Flip each image left-right and/or upside down, with probability 1/2.

    Args:
        mode: ``"horizontal"``, ``"vertical"`` or ``"horizontal_and_vertical"``
            (both flips or neither, as Keras). Defaults to ``"horizontal_and_vertical"``.
        seed, data_format: See `BaseRandomImage`.

    Shapes:
        ``(N, H, W, C)`` or ``(H, W, C)`` -> the same.

    Example:
        >>> y = RandomFlip("horizontal", seed=1)(np.arange(3.0).reshape(1, 1, 3, 1))
        >>> y.numpy().ravel().tolist() in ([0.0, 1.0, 2.0], [2.0, 1.0, 0.0])
        True
    """

    def __init__(self, mode="horizontal_and_vertical", seed=None, data_format=None, **kwargs):
        super().__init__(seed, data_format, **kwargs)
        if mode not in ("horizontal", "vertical", "horizontal_and_vertical"):
            raise ValueError(f"RandomFlip: unknown mode. Received: mode={mode!r}")
        self.mode = mode

    def augment(self, images):
        flip = (self.uniform(len(images), 0.0, 1.0) <= 0.5)[:, None, None, None]
        if self.mode != "vertical":
            images = np.where(flip, images[:, :, ::-1], images)  # left-right
        if self.mode != "horizontal":
            images = np.where(flip, images[:, ::-1], images)  # upside down
        return images

    def get_config(self):
        return {**super().get_config(), "mode": self.mode}


class RandomContrast(BaseRandomImage):
    """Scale each image's deviation from its mean: ``y = (x - mean) * c + mean``, then clip.

    ``c`` is drawn from ``[1 - lower, 1 + upper]`` per image; the mean is per
    image and channel.

    Args:
        factor: ``f`` (Keras reads it as ``(0, f)``: contrast only raised) or a
            pair ``(lower, upper)`` in ``[0, 1]``.
        value_range: The range outputs are clipped to. Defaults to ``(0, 255)``.
        seed: Optional int seed. Defaults to ``None``.

    Example:
        >>> float(RandomContrast(0.5)(np.full((2, 4, 4, 3), 100.0)).numpy().max())  # flat: same
        100.0
    """

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(seed, **kwargs)
        self.factor, self.value_range = factor_range(factor, (0, 1)), tuple(value_range)

    def augment(self, images):
        lower, upper = self.factor
        c = self.uniform(len(images), 1.0 - lower, 1.0 + upper)[:, None, None, None]
        mean = images.mean(axis=(1, 2), keepdims=True)
        return np.clip((images - mean) * c + mean, *self.value_range)

    def get_config(self):
        return {
            **super().get_config(),
            "factor": list(self.factor),
            "value_range": list(self.value_range),
        }


class RandomBrightness(BaseRandomImage):
    """Add a random offset ``delta * (high - low)`` to each image, then clip to ``value_range``.

    Args:
        factor: ``f`` for ``delta`` in ``[-f, f]``, or a pair ``(lower, upper)`` in ``[-1, 1]``.
        value_range: ``(low, high)`` of the pixel values. Defaults to ``(0, 255)``.
        seed: Optional int seed. Defaults to ``None``.

    Example:
        >>> y = RandomBrightness((0.5, 0.5), value_range=(0, 1))(np.zeros((1, 2, 2, 1)))
        >>> y.numpy().ravel().tolist()
        [0.5, 0.5, 0.5, 0.5]
    """

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(seed, **kwargs)
        self.factor, self.value_range = factor_range(factor, (-1, 1)), tuple(value_range)

    def augment(self, images):
        low, high = self.value_range
        delta = self.uniform(len(images), *self.factor)[:, None, None, None] * (high - low)
        return np.clip(images + delta, low, high)

    def get_config(self):
        return {
            **super().get_config(),
            "factor": list(self.factor),
            "value_range": list(self.value_range),
        }
