"""``keras.ops.image``: resize images and cut them into patches, differentiably.

Images are ``(N, H, W, C)`` (channels last) or one image ``(H, W, C)``. ``resize`` is
the `Resizing` layer's own (one matrix product per axis); ``extract_patches`` gathers
each patch with indexing, so a Vision Transformer's first step trains like any op.

Example:
    >>> from kerasedu import ops
    >>> ops.image.extract_patches(ops.ones((1, 4, 4, 3)), size=2).shape
    (1, 2, 2, 12)
"""

import numpy as np

from kerasedu.autograd import pad, reshape
from kerasedu.autograd.windows import normalize_tuple, padding_amounts
from kerasedu.layers.resampling import aspect_crop, check_interpolation
from kerasedu.layers.resampling import resize as resize_axes
from kerasedu.ops.core import convert_to_tensor

__all__ = ["extract_patches", "resize"]


def _batched(images):
    """``images`` as a Tensor with a batch axis, and whether one was added."""
    images = convert_to_tensor(images)
    if images.ndim not in (3, 4):
        raise ValueError(
            f"Expected images of shape (N, H, W, C) or (H, W, C). Received shape {images.shape}."
        )
    single = images.ndim == 3
    return (reshape(images, (1, *images.shape)) if single else images), single


def _unbatched(result, single):
    return reshape(result, result.shape[1:]) if single else result


def _check_channels_last(data_format):
    if data_format not in (None, "channels_last"):
        raise ValueError(
            f"kerasedu's ops.image works on channels_last images. Received: {data_format!r}"
        )


def resize(images, size, interpolation="bilinear", crop_to_aspect_ratio=False, data_format=None):
    """Resize images to ``size = (height, width)`` (``"bilinear"`` or ``"nearest"``).

    ``crop_to_aspect_ratio=True`` first centre-crops each image to the target's
    aspect ratio, so nothing is squashed.

    Shapes:
        ``(N, H, W, C)`` -> ``(N, height, width, C)``; ``(H, W, C)`` -> ``(height, width, C)``.

    Example:
        >>> resize(np.ones((2, 3, 1), dtype="float32"), (4, 6)).shape
        (4, 6, 1)
    """
    _check_channels_last(data_format)
    check_interpolation(interpolation)
    images, single = _batched(images)
    if crop_to_aspect_ratio:
        images = aspect_crop(images, *size)
    return _unbatched(resize_axes(images, tuple(size), interpolation), single)


def _window_starts(length, patch, stride, dilation):
    """Indices ``(windows, patch)``: row ``k`` holds the pixels of the ``k``-th window."""
    span = (patch - 1) * dilation + 1
    starts = np.arange(0, length - span + 1, stride)
    return starts[:, None] + np.arange(patch)[None, :] * dilation


def extract_patches(images, size, strides=None, dilation_rate=1, padding="valid", data_format=None):
    """Cut images into ``size`` patches, each flattened to one vector of pixels.

    Args:
        images: ``(N, H, W, C)`` or ``(H, W, C)``.
        size: Patch height and width, an int or a pair.
        strides: Step between patches. Defaults to ``size`` (patches that tile the image).
        dilation_rate: Spacing of a patch's pixels. Defaults to ``1``.
        padding: ``"valid"`` (whole patches only) or ``"same"`` (zero-pad so there are
            ``ceil(H / stride)`` patches down). Defaults to ``"valid"``.

    Shapes:
        ``(N, H, W, C)`` -> ``(N, rows, cols, size_h * size_w * C)``, each patch's
        pixels in row-major order with the channels last, as Keras orders them.

    Example:
        >>> x = np.arange(16.0, dtype="float32").reshape(1, 4, 4, 1)
        >>> extract_patches(x, 2).numpy()[0, 0, 1].tolist()  # the top-right 2x2 block
        [2.0, 3.0, 6.0, 7.0]
    """
    _check_channels_last(data_format)
    images, single = _batched(images)
    size = normalize_tuple(size, 2, "size")
    strides = size if strides is None else normalize_tuple(strides, 2, "strides")
    dilation = normalize_tuple(dilation_rate, 2, "dilation_rate")
    pads = [
        padding_amounts(n, k, s, padding, d)
        for n, k, s, d in zip(images.shape[1:3], size, strides, dilation)
    ]
    if any(sum(pair) for pair in pads):  # "same": TensorFlow's split of the zeros
        images = pad(images, [(0, 0), *pads, (0, 0)])
    rows = _window_starts(images.shape[1], size[0], strides[0], dilation[0])
    cols = _window_starts(images.shape[2], size[1], strides[1], dilation[1])
    # (N, rows, cols, patch_h, patch_w, C): a fancy index, so the gradient scatters back
    patches = images[:, rows[:, None, :, None], cols[None, :, None, :], :]
    n, r, c = patches.shape[:3]
    return _unbatched(reshape(patches, (n, r, c, -1)), single)
