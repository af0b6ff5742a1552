"""Random geometric augmentation: RandomRotation, RandomTranslation, RandomZoom.

Each draws one affine map per image and resamples the image with
`affine_transform`: output pixel ``(x, y)`` takes the input value at
``(a0 x + a1 y + a2, b0 x + b1 y + b2)``, interpolated (``"nearest"`` or
``"bilinear"``); points outside the image are filled by ``fill_mode``
(``"reflect"``: ``dcba|abcd|dcba``, ``"mirror"``: ``dcb|abcd|cba``,
``"wrap"``: ``abcd|abcd``, ``"nearest"``: ``aaaa|abcd|dddd``, ``"constant"``:
``fill_value``), as ``keras.ops.image.affine_transform`` does.

Example:
    >>> x = np.arange(4.0).reshape(1, 2, 2, 1)
    >>> RandomRotation((0.5, 0.5))(x).numpy()[0, :, :, 0].round(4).tolist()  # 180 degrees
    [[3.0, 2.0], [1.0, 0.0]]
"""

import math

import numpy as np

from kerasedu.layers.random_image import BaseRandomImage, factor_range

FILL_MODES = ("reflect", "wrap", "constant", "nearest", "mirror")


def _mirror(index, size):
    """``dcb|abcd|cba``: a triangle wave of half-period ``size - 1``."""
    period = max(size - 1, 1)
    return np.abs((index + period) % (2 * period) - period) * (size > 1)


def fix_index(index, size, fill_mode):
    """Map integer pixel indices, possibly outside ``[0, size)``, into the image.

    Returns ``(index, inside)``; ``inside`` is False where ``"constant"`` fills.

    Example:
        >>> fix_index(np.array([-2, -1, 4]), 4, "reflect")[0].tolist()
        [1, 0, 3]
    """
    inside = (index >= 0) & (index < size)
    if fill_mode == "wrap":
        return index % size, inside | True
    if fill_mode == "mirror":
        return _mirror(index, size), inside | True
    if fill_mode == "reflect":  # a mirror of the doubled grid, halved
        return (_mirror(2 * index + 1, 2 * size + 1) - 1) // 2, inside | True
    return np.clip(index, 0, size - 1), inside if fill_mode == "constant" else inside | True


def affine_transform(
    images, transforms, interpolation="bilinear", fill_mode="reflect", fill_value=0.0
):
    """Resample ``images (N, H, W, C)`` through one map per image, ``transforms (N, 8)``.

    Row ``[a0, a1, a2, b0, b1, b2, 0, 0]`` sends output ``(x, y)`` to input
    ``(a0 x + a1 y + a2, b0 x + b1 y + b2)`` (Keras's layout).

    Example:
        >>> shift = np.array([[1.0, 0, -1, 0, 1, 0, 0, 0]])  # x_in = x - 1: move right
        >>> affine_transform(np.arange(3.0).reshape(1, 1, 3, 1), shift, fill_mode="constant")[
        ...     0, 0, :, 0].tolist()
        [0.0, 0.0, 1.0]
    """
    n, h, w, _ = images.shape
    ys, xs = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    a0, a1, a2, b0, b1, b2 = (t[:, None, None] for t in transforms[:, :6].T)
    x_in, y_in = a0 * xs + a1 * ys + a2, b0 * xs + b1 * ys + b2  # (N, H, W) each
    if interpolation == "nearest":  # round half away from zero, as JAX
        taps = [
            (
                np.sign(y_in) * np.floor(np.abs(y_in) + 0.5),
                np.sign(x_in) * np.floor(np.abs(x_in) + 0.5),
                1.0,
            )
        ]
    else:  # bilinear: the four neighbours, weighted by closeness
        y0, x0 = np.floor(y_in), np.floor(x_in)
        dy, dx = y_in - y0, x_in - x0
        taps = [
            (y0, x0, (1 - dy) * (1 - dx)),
            (y0, x0 + 1, (1 - dy) * dx),
            (y0 + 1, x0, dy * (1 - dx)),
            (y0 + 1, x0 + 1, dy * dx),
        ]
    batch = np.arange(n)[:, None, None]
    out = np.zeros(images.shape)
    for y_tap, x_tap, weight in taps:
        rows, row_ok = fix_index(y_tap.astype(int), h, fill_mode)
        cols, col_ok = fix_index(x_tap.astype(int), w, fill_mode)
        values = np.where((row_ok & col_ok)[..., None], images[batch, rows, cols], fill_value)
        out += np.asarray(weight)[..., None] * values
    return out


class BaseRandomAffine(BaseRandomImage):
    """Shared arguments: how to interpolate and fill; subclasses draw the ``(N, 8)`` maps.

    Args:
        fill_mode: One of ``"reflect"``, ``"wrap"``, ``"constant"``, ``"nearest"``,
            ``"mirror"``. Defaults to ``"reflect"``.
        interpolation: ``"bilinear"`` or ``"nearest"``. Defaults to ``"bilinear"``.
        seed: Optional int seed. Defaults to ``None``.
        fill_value: The value of ``"constant"`` filling. Defaults to ``0.0``.
    """

    def __init__(
        self, fill_mode="reflect", interpolation="bilinear", seed=None, fill_value=0.0, **kwargs
    ):
        super().__init__(seed, **kwargs)
        if fill_mode not in FILL_MODES or interpolation not in ("bilinear", "nearest"):
            raise ValueError(
                f"Unknown fill_mode or interpolation. Received: fill_mode={fill_mode!r}, "
                f"interpolation={interpolation!r}"
            )
        self.fill_mode, self.interpolation, self.fill_value = fill_mode, interpolation, fill_value

    def augment(self, images):
        maps = self.transforms(len(images), images.shape[1], images.shape[2])
        return affine_transform(images, maps, self.interpolation, self.fill_mode, self.fill_value)

    def get_config(self):
        return {
            **super().get_config(),
            "fill_mode": self.fill_mode,
            "interpolation": self.interpolation,
            "fill_value": self.fill_value,
        }


class RandomRotation(BaseRandomAffine):
    """Rotate each image about its centre by a random fraction of a full turn.

    Args:
        factor: ``f`` for angles in ``[-f, f] * 360`` degrees, or a pair
            ``(lower, upper)``; positive angles turn counter-clockwise.
        fill_mode, interpolation, seed, fill_value: See `BaseRandomAffine`.

    Shapes:
        ``(N, H, W, C)`` or ``(H, W, C)`` -> the same.

    Example:
        >>> RandomRotation(0.1, seed=0)(np.ones((2, 8, 8, 3))).shape
        (2, 8, 8, 3)
    """

    def __init__(
        self,
        factor,
        fill_mode="reflect",
        interpolation="bilinear",
        seed=None,
        fill_value=0.0,
        **kwargs,
    ):
        super().__init__(fill_mode, interpolation, seed, fill_value, **kwargs)
        self.factor = factor_range(factor, (-1, 1))

    def transforms(self, n, h, w):
        """``(N, 8)`` rotation maps about the centre ``((W - 1) / 2, (H - 1) / 2)``."""
        angle = np.deg2rad(self.uniform(n, self.factor[0] * 360.0, self.factor[1] * 360.0))
        cos, sin = np.cos(angle), np.sin(angle)
        cx, cy = (w - 1) / 2, (h - 1) / 2
        a2, b2 = cx - cx * cos + cy * sin, cy - cx * sin - cy * cos  # keep the centre fixed
        zeros = np.zeros(n)
        return np.stack([cos, -sin, a2, sin, cos, b2, zeros, zeros], axis=1)

    def get_config(self):
        return {**super().get_config(), "factor": list(self.factor)}


class RandomTranslation(BaseRandomAffine):
    """Shift each image by random fractions of its height and width.

    Args:
        height_factor: ``f`` for shifts in ``[-f, f] * H``, or a pair ``(lower, upper)``.
        width_factor: The same for the width.
        fill_mode, interpolation, seed, fill_value: See `BaseRandomAffine`.

    Example:
        >>> x = np.arange(3.0).reshape(1, 1, 3, 1)
        >>> RandomTranslation(0, (1 / 3, 1 / 3), fill_mode="constant")(x).numpy().ravel().tolist()
        [0.0, 0.0, 1.0]
    """

    def __init__(
        self,
        height_factor,
        width_factor,
        fill_mode="reflect",
        interpolation="bilinear",
        seed=None,
        fill_value=0.0,
        **kwargs,
    ):
        super().__init__(fill_mode, interpolation, seed, fill_value, **kwargs)
        self.height_factor, self.width_factor = height_factor, width_factor  # as given
        self._height_range = factor_range(height_factor, (-1, 1), "height_factor")
        self._width_range = factor_range(width_factor, (-1, 1), "width_factor")

    def transforms(self, n, h, w):
        """``(N, 8)`` shifts ``x_in = x - dx``, ``y_in = y - dy``."""
        dy = self.uniform(n, *self._height_range) * h
        dx = self.uniform(n, *self._width_range) * w
        ones, zeros = np.ones(n), np.zeros(n)
        return np.stack([ones, zeros, -dx, zeros, ones, -dy, zeros, zeros], axis=1)

    def get_config(self):
        return {
            **super().get_config(),
            "height_factor": self.height_factor,
            "width_factor": self.width_factor,
        }


class RandomZoom(BaseRandomAffine):
    """Zoom each image in or out about its centre by a random factor.

    Args:
        height_factor: ``f`` for zoom ``1 + [-f, f]`` (below 1 zooms in), or a pair.
        width_factor: The same for the width; ``None`` keeps the aspect ratio.
            Defaults to ``None``.
        fill_mode, interpolation, seed, fill_value: See `BaseRandomAffine`.

    Example:
        >>> RandomZoom(0.2)(np.ones((2, 8, 8, 1))).shape
        (2, 8, 8, 1)
    """

    def __init__(
        self,
        height_factor,
        width_factor=None,
        fill_mode="reflect",
        interpolation="bilinear",
        seed=None,
        fill_value=0.0,
        **kwargs,
    ):
        super().__init__(fill_mode, interpolation, seed, fill_value, **kwargs)
        self.height_factor, self.width_factor = height_factor, width_factor  # as given
        self._height_range = factor_range(height_factor, (-1, math.inf), "height_factor")
        self._width_range = self._height_range  # None: the same zoom both ways
        if width_factor is not None:
            self._width_range = factor_range(width_factor, (-1, math.inf), "width_factor")

    def transforms(self, n, h, w):
        """``(N, 8)`` maps ``x_in = zx x + (W - 1)/2 (1 - zx)`` (and the same for ``y``)."""
        zy = 1 + self.uniform(n, *self._height_range)
        zx = zy
        if self.width_factor is not None:
            zx = 1 + self.uniform(n, *self._width_range)
        zeros = np.zeros(n)
        a2, b2 = (w - 1) / 2 * (1 - zx), (h - 1) / 2 * (1 - zy)
        return np.stack([zx, zeros, a2, zeros, zy, b2, zeros, zeros], axis=1)

    def get_config(self):
        return {
            **super().get_config(),
            "height_factor": self.height_factor,
            "width_factor": self.width_factor,
        }
