"""ImageNet helpers for the applications: input checks, ``preprocess_input``,
``decode_predictions``.

Example:
    >>> x = np.full((1, 2, 2, 3), 128.0)
    >>> preprocess_input(x)[0, 0, 0].round(3).tolist()
    [24.061, 11.221, 4.32]
"""

import json
import os

import numpy as np

from kerasedu.config import floatx
from kerasedu.utils.file_utils import cache_root, get_file

CLASS_INDEX_URL = (
    "https://storage.googleapis.com/download.tensorflow.org/data/imagenet_class_index.json"
)
CLASS_INDEX_MD5 = "c2c37ea517e94d9795004a39431a14cb"  # the file_hash Keras uses
CAFFE_MEAN_BGR = (103.939, 116.779, 123.68)  # mean ImageNet pixel, blue-green-red
_class_index = {}  # filled on first use of decode_predictions


def preprocess_input(x, mode="caffe"):
    """Prepare RGB images with values 0-255 the way an ImageNet model was trained.

    ``"caffe"`` (VGG16, ResNet50): RGB -> BGR, then subtract the mean ImageNet
    pixel per channel, no scaling. ``"tf"``: scale to [-1, 1]. ``"torch"``: scale
    to [0, 1], then normalise each channel with ImageNet's mean and std.
    Unlike Keras, the input array is never modified in place.

    Args:
        x: Images ``(N, H, W, 3)`` or one image ``(H, W, 3)``, values 0-255.
        mode: ``"caffe"`` (default), ``"tf"`` or ``"torch"``.

    Returns:
        A new float array of the same shape.

    Example:
        >>> preprocess_input(np.zeros((1, 1, 3)), mode="tf").tolist()
        [[[-1.0, -1.0, -1.0]]]
    """
    if mode not in ("caffe", "tf", "torch"):
        raise ValueError(f'mode must be "caffe", "tf" or "torch". Received: mode={mode!r}')
    x = np.asarray(x)
    if x.shape[-1:] != (3,):
        raise ValueError(f"Images must have 3 colour channels last. Received: x.shape={x.shape}")
    dtype = x.dtype if x.dtype.kind == "f" else floatx()
    x = x.astype(dtype)  # a copy, so the caller's images are untouched
    if mode == "tf":
        return x / 127.5 - 1.0
    if mode == "torch":
        mean = np.array([0.485, 0.456, 0.406], dtype=dtype)
        std = np.array([0.229, 0.224, 0.225], dtype=dtype)
        return (x / 255.0 - mean) / std
    return x[..., ::-1] - np.array(CAFFE_MEAN_BGR, dtype=dtype)  # RGB -> BGR, centre


def decode_predictions(preds, top=5):
    """Turn ImageNet class probabilities into ``(class_id, class_name, score)`` tuples.

    Needs ``imagenet_class_index.json`` (the 1000 class names); it is
    downloaded once into ``~/.kerasedu/models`` (hash-checked). Offline, copy
    it there by hand.

    Args:
        preds: Array ``(N, 1000)`` of scores.
        top: How many best classes per row. Defaults to ``5``.

    Returns:
        A list with, for each row, ``top`` tuples sorted by decreasing score.

    Raises:
        ValueError: ``preds`` is not ``(N, 1000)``.
        OSError: the class index file is missing and cannot be downloaded.
    """
    preds = np.asarray(preds)
    if preds.ndim != 2 or preds.shape[1] != 1000:
        raise ValueError(
            "decode_predictions expects a batch of ImageNet predictions of shape "
            f"(N, 1000). Received: preds.shape={preds.shape}"
        )
    index = load_class_index()
    best = np.argsort(-preds, axis=1, kind="stable")[:, :top]
    return [[(*index[str(i)], float(row[i])) for i in order] for row, order in zip(preds, best)]


def load_class_index():
    """Return ``{"0": ["n01440764", "tench"], ...}``, downloading it once (read with ``json``)."""
    if not _class_index:
        try:
            path = get_file(
                "imagenet_class_index.json",
                CLASS_INDEX_URL,
                cache_subdir="models",
                file_hash=CLASS_INDEX_MD5,
            )
        except OSError as err:
            target = os.path.join(cache_root(), "models", "imagenet_class_index.json")
            raise OSError(
                f"decode_predictions needs the ImageNet class names, which could not be "
                f"downloaded ({err}). Download {CLASS_INDEX_URL} on a computer with a "
                f"network and copy it to {target}."
            ) from err
        with open(path, encoding="utf8") as f:
            _class_index.update(json.load(f))
    return _class_index


def obtain_input_shape(input_shape, default_size, min_size, require_flatten, weights=None):
    """Check (or choose) the ``(H, W, C)`` input shape of an ImageNet model, as Keras does.

    Example:
        >>> obtain_input_shape(None, 224, 32, require_flatten=True)
        (224, 224, 3)
        >>> obtain_input_shape(None, 224, 32, require_flatten=False)
        (None, None, 3)
    """
    default_shape = (default_size, default_size, 3)
    if weights != "imagenet" and input_shape and len(input_shape) == 3:
        default_shape = (default_size, default_size, input_shape[-1])
    if weights == "imagenet" and require_flatten:
        if input_shape is not None and tuple(input_shape) != default_shape:
            raise ValueError(
                f"With include_top=True and weights='imagenet', input_shape must be "
                f"{default_shape}. Received: input_shape={input_shape}"
            )
        return default_shape
    if input_shape:
        input_shape = tuple(input_shape)
        if len(input_shape) != 3:
            raise ValueError(f"input_shape must be (H, W, C). Received: input_shape={input_shape}")
        if weights == "imagenet" and input_shape[-1] != 3:
            raise ValueError(
                f"ImageNet weights need 3 channels. Received: input_shape={input_shape}"
            )
        if any(size is not None and size < min_size for size in input_shape[:2]):
            raise ValueError(
                f"Images must be at least {min_size}x{min_size}. "
                f"Received: input_shape={input_shape}"
            )
    elif require_flatten:
        input_shape = default_shape
    else:
        input_shape = (None, None, 3)
    if require_flatten and None in input_shape:
        raise ValueError(
            "With include_top=True the input size must be fixed. "
            f"Received: input_shape={input_shape}"
        )
    return input_shape
