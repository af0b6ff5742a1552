"""Changing the size of sequences and images: UpSampling1D/2D/3D, Resizing, CenterCrop.

Nearest-neighbour upsampling by whole factors repeats each element (`repeat`).
Any other resize goes through one helper, `resize`: along each axis the output
is a fixed matrix times the input, ``y = M @ x``, with ``M`` of shape
``(out_len, in_len)`` built by `interpolation_matrix`. A matrix product is
already differentiable, so backward needs no new op: ``dx = M^T @ dy``.

Example:
    >>> UpSampling2D(2)(np.ones((1, 3, 3, 1))).shape
    (1, 6, 6, 1)
    >>> Resizing(2, 2)(np.arange(16.0).reshape(1, 4, 4, 1)).numpy()[0, :, :, 0].tolist()
    [[2.5, 4.5], [10.5, 12.5]]
"""

import numpy as np

from kerasedu.autograd.ops_shape import repeat
from kerasedu.autograd.tensor import Tensor
from kerasedu.autograd.windows import normalize_tuple
from kerasedu.device import to_device
from kerasedu.layers.conv_utils import check_data_format
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer

INTERPOLATIONS = ("nearest", "bilinear")


def interpolation_matrix(in_len, out_len, interpolation):
    """The ``(out_len, in_len)`` matrix ``M`` that resizes one axis: ``y = M @ x``.

    Output pixel ``i`` has its centre at ``(i + 0.5) * in_len / out_len`` in input
    coordinates ("half-pixel centres", as JAX and TensorFlow 2). ``"nearest"`` copies
    the input pixel under that point; ``"bilinear"`` mixes the two nearest pixel
    centres with weights ``1 - distance`` (rows renormalised at the borders).

    Example:
        >>> interpolation_matrix(2, 4, "bilinear").tolist()
        [[1.0, 0.0], [0.75, 0.25], [0.25, 0.75], [0.0, 1.0]]
    """
    centres = (np.arange(out_len) + 0.5) * in_len / out_len
    if interpolation == "nearest":
        m = np.zeros((out_len, in_len))
        m[np.arange(out_len), np.minimum(np.floor(centres).astype(int), in_len - 1)] = 1.0
        return m
    distance = np.abs(centres[:, None] - 0.5 - np.arange(in_len)[None, :])
    m = np.maximum(0.0, 1.0 - distance)  # the "tent" around each sample point
    return m / m.sum(axis=1, keepdims=True)


def resize(x, size, interpolation, axes=(1, 2)):
    """Resize ``x`` to ``size`` along ``axes``, one axis at a time (see `interpolation_matrix`).

    Shapes:
        ``(N, H, W, C)`` with ``size=(h, w)`` -> ``(N, h, w, C)``.

    Example:
        >>> resize(np.ones((1, 2, 3, 1)), (4, 5), "bilinear").shape
        (1, 4, 5, 1)
    """
    for axis, out_len in zip(axes, size):
        if x.shape[axis] == out_len:
            continue
        m = interpolation_matrix(x.shape[axis], out_len, interpolation)
        swap = list(range(x.ndim))
        swap[axis], swap[-1] = swap[-1], swap[axis]  # the axis to resize goes last...
        moved = x.transpose(*swap)
        x = (moved @ Tensor(to_device(m.T, dtype=x.dtype))).transpose(*swap)  # ...and back
    return x


def check_interpolation(interpolation):
    """Accept ``"nearest"`` or ``"bilinear"`` (the two kerasedu implements)."""
    if interpolation not in INTERPOLATIONS:
        raise ValueError(
            f"`interpolation` must be one of {list(INTERPOLATIONS)} in kerasedu. "
            f"Received: interpolation={interpolation!r}"
        )
    return interpolation


class BaseUpSampling(Layer):
    """Repeat each step/pixel/voxel ``size`` times along each of the ``rank`` spatial axes."""

    def __init__(self, rank, size, data_format=None, **kwargs):
        self.data_format = check_data_format(data_format)
        super().__init__(**kwargs)
        self.size = normalize_tuple(size, rank, "size")
        self.input_spec = InputSpec(ndim=rank + 2)

    def call(self, inputs):
        for axis, factor in enumerate(self.size, start=1):
            inputs = repeat(inputs, factor, axis=axis)  # nearest neighbour = copies
        return inputs

    def compute_output_shape(self, input_shape):
        spatial = [None if n is None else n * f for n, f in zip(input_shape[1:-1], self.size)]
        return (input_shape[0], *spatial, input_shape[-1])

    def get_config(self):
        return {**super().get_config(), "size": list(self.size), "data_format": self.data_format}


class UpSampling1D(BaseUpSampling):
    """Repeat each time step ``size`` times.

    Args:
        size: Upsampling factor. Defaults to ``2``.

    Shapes:
        input ``(N, T, C)`` -> output ``(N, T * size, C)``.

    Example:
        >>> UpSampling1D(2)(np.array([[[1.0], [2.0]]])).numpy()[0, :, 0].tolist()
        [1.0, 1.0, 2.0, 2.0]
    """

    def __init__(self, size=2, **kwargs):
        super().__init__(1, size, None, **kwargs)

    def get_config(self):
        config = super().get_config()
        del config["data_format"]  # as Keras: UpSampling1D has none
        return {**config, "size": self.size[0]}


class UpSampling2D(BaseUpSampling):
    """Enlarge images by whole factors: repeat rows and columns, or interpolate bilinearly.

    Args:
        size: Int or ``(rows, cols)`` factors. Defaults to ``(2, 2)``.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.
        interpolation: ``"nearest"`` or ``"bilinear"``. Defaults to ``"nearest"``.

    Shapes:
        input ``(N, H, W, C)`` -> output ``(N, H * rows, W * cols, C)``.

    Example:
        >>> x = np.array([0.0, 1.0]).reshape(1, 1, 2, 1)
        >>> UpSampling2D((1, 2), interpolation="bilinear")(x).numpy().ravel().tolist()
        [0.0, 0.25, 0.75, 1.0]
    """

    def __init__(self, size=(2, 2), data_format=None, interpolation="nearest", **kwargs):
        super().__init__(2, size, data_format, **kwargs)
        self.interpolation = check_interpolation(interpolation)

    def call(self, inputs):
        if self.interpolation == "nearest":
            return super().call(inputs)
        _, h, w, _ = inputs.shape
        return resize(inputs, (h * self.size[0], w * self.size[1]), "bilinear")

    def get_config(self):
        return {**super().get_config(), "interpolation": self.interpolation}


class UpSampling3D(BaseUpSampling):
    """Repeat each voxel ``size`` times along depth, height and width.

    Args:
        size: Int or three factors. Defaults to ``(2, 2, 2)``.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.

    Shapes:
        input ``(N, D, H, W, C)`` -> output ``(N, D * s1, H * s2, W * s3, C)``.

    Example:
        >>> UpSampling3D((1, 2, 3))(np.ones((1, 2, 2, 2, 4))).shape
        (1, 2, 4, 6, 4)
    """

    def __init__(self, size=(2, 2, 2), data_format=None, **kwargs):
        super().__init__(3, size, data_format, **kwargs)


def aspect_crop(x, height, width):
    """Centre-crop images (axes -3, -2) to the aspect ratio ``height : width`` (Keras's rule)."""
    h, w = x.shape[-3], x.shape[-2]
    crop_h = max(min(h, int(w * height / width)), 1)
    crop_w = max(min(w, int(h * width / height)), 1)
    top, left = (h - crop_h) // 2, (w - crop_w) // 2
    return x[..., top : top + crop_h, left : left + crop_w, :]


class BaseImageSize(Layer):
    """Shared code: a target ``height`` and ``width`` for one image ``(H, W, C)`` or a batch."""

    def __init__(self, height, width, data_format=None, **kwargs):
        self.data_format = check_data_format(data_format)
        super().__init__(**kwargs)
        self.height, self.width = int(height), int(width)

    def compute_output_shape(self, input_shape):
        return (*input_shape[:-3], self.height, self.width, input_shape[-1])

    def get_config(self):
        return {
            **super().get_config(),
            "height": self.height,
            "width": self.width,
            "data_format": self.data_format,
        }


class Resizing(BaseImageSize):
    """Resize images to ``(height, width)``, usually as the first layer of a model.

    Args:
        height, width: The output size.
        interpolation: ``"bilinear"`` or ``"nearest"``. Defaults to ``"bilinear"``.
        crop_to_aspect_ratio: First centre-crop to the target's aspect ratio, so
            nothing is stretched. Defaults to ``False``.
        pad_to_aspect_ratio, fill_mode, fill_value, antialias: Keras's arguments;
            kerasedu implements their defaults (``False``, ``"constant"``, ``0.0``, ``False``).
        data_format: Only ``"channels_last"`` (or ``None``) is supported.

    Shapes:
        input ``(N, H, W, C)`` or ``(H, W, C)`` -> output ``(N, height, width, C)``
        or ``(height, width, C)``.

    Example:
        >>> Resizing(8, 8, interpolation="nearest")(np.ones((2, 4, 4, 3))).shape
        (2, 8, 8, 3)
    """

    def __init__(
        self,
        height,
        width,
        interpolation="bilinear",
        crop_to_aspect_ratio=False,
        pad_to_aspect_ratio=False,
        fill_mode="constant",
        fill_value=0.0,
        antialias=False,
        data_format=None,
        **kwargs,
    ):
        super().__init__(height, width, data_format, **kwargs)
        if pad_to_aspect_ratio or antialias:
            raise ValueError(
                "Resizing: kerasedu implements pad_to_aspect_ratio=False and antialias=False "
                f"only. Received: pad_to_aspect_ratio={pad_to_aspect_ratio}, antialias={antialias}"
            )
        self.interpolation = check_interpolation(interpolation)
        self.crop_to_aspect_ratio = crop_to_aspect_ratio
        self.fill_mode, self.fill_value = fill_mode, fill_value

    def call(self, inputs):
        if self.crop_to_aspect_ratio:
            inputs = aspect_crop(inputs, self.height, self.width)
        axes = (inputs.ndim - 3, inputs.ndim - 2)  # (H, W) with or without a batch axis
        return resize(inputs, (self.height, self.width), self.interpolation, axes)

    def get_config(self):
        return {
            **super().get_config(),
            "interpolation": self.interpolation,
            "crop_to_aspect_ratio": self.crop_to_aspect_ratio,
            "pad_to_aspect_ratio": False,
            "fill_mode": self.fill_mode,
            "fill_value": self.fill_value,
            "antialias": False,
        }


class CenterCrop(BaseImageSize):
    """Keep the central ``height x width`` window of each image.

    An image smaller than the window is instead cropped to the window's aspect
    ratio and resized (bilinear), as Keras does.

    Args:
        height, width: The output size.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.

    Shapes:
        input ``(N, H, W, C)`` or ``(H, W, C)`` -> output ``(N, height, width, C)``
        or ``(height, width, C)``.

    Example:
        >>> x = np.arange(16.0).reshape(1, 4, 4, 1)
        >>> CenterCrop(2, 2)(x).numpy()[0, :, :, 0].tolist()
        [[5.0, 6.0], [9.0, 10.0]]
    """

    def call(self, inputs):
        h, w = inputs.shape[-3], inputs.shape[-2]
        if h >= self.height and w >= self.width:
            top, left = (h - self.height) // 2, (w - self.width) // 2
            return inputs[..., top : top + self.height, left : left + self.width, :]
        inputs = aspect_crop(inputs, self.height, self.width)
        axes = (inputs.ndim - 3, inputs.ndim - 2)
        return resize(inputs, (self.height, self.width), "bilinear", axes)
