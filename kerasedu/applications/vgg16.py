"""VGG16 (Simonyan & Zisserman, 2014): 13 convolutions in 5 blocks, then 3 dense layers.

The layer names are Keras's (``block1_conv1`` ... ``block5_pool``, ``flatten``,
``fc1``, ``fc2``, ``predictions``), so Keras's ImageNet weight files load into
it. Reference: "Very Deep Convolutional Networks for Large-Scale Image
Recognition", https://arxiv.org/abs/1409.1556.

Example:
    >>> model = VGG16(include_top=False, weights=None, input_shape=(32, 32, 3))
    >>> model.count_params()
    14714688
"""

import os

from kerasedu import layers
from kerasedu.applications import imagenet_utils
from kerasedu.models import Model
from kerasedu.utils.file_utils import cache_root, get_file

BASE_URL = "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/"
WEIGHTS_FILES = {  # include_top -> (file name, MD5 hash as in Keras's vgg16.py)
    True: ("vgg16_weights_tf_dim_ordering_tf_kernels.h5", "64373286793e3c8b2b4e3219cbf3544b"),
    False: (
        "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
        "6d6bbae143d832006294945121d1f1fc",
    ),
}
BLOCKS = ((64, 2), (128, 2), (256, 3), (512, 3), (512, 3))  # (filters, convolutions) per block


def VGG16(
    include_top=True,
    weights=None,
    input_tensor=None,
    input_shape=None,
    pooling=None,
    classes=1000,
    classifier_activation="softmax",
    name="vgg16",
):
    """Build VGG16 (138,357,544 parameters with the top, 14,714,688 without).

    Args:
        include_top: Include the classifier (``flatten``, ``fc1``, ``fc2``,
            ``predictions``). Defaults to ``True``.
        weights: ``None`` (random, the default here; Keras defaults to
            ``"imagenet"``), ``"imagenet"`` (downloads Keras's weight file, 528 MB
            with the top, 59 MB without), or the path of a weights file.
        input_tensor: A KerasTensor (from `Input`) to use as the image input.
        input_shape: ``(H, W, 3)``; with the top it defaults to ``(224, 224, 3)``,
            without it may be any size from 32x32.
        pooling: Without the top: ``None`` (4-D output), ``"avg"`` or ``"max"``
            (global pooling, 2-D output).
        classes: Number of classes when ``include_top``. Defaults to ``1000``.
        classifier_activation: Activation of ``predictions``. Defaults to ``"softmax"``.
        name: Model name. Defaults to ``"vgg16"``.

    Returns:
        A functional `Model`.

    Shapes:
        ``(N, 224, 224, 3)`` -> ``(N, classes)``; without the top ``(N, H/32, W/32, 512)``.

    Example:
        >>> model = VGG16(include_top=False, weights=None, input_shape=(32, 32, 3), pooling="avg")
        >>> model.output_shape, model.layers[1].name
        ((None, 512), 'block1_conv1')
    """
    if not (weights in ("imagenet", None) or os.path.exists(str(weights))):
        raise ValueError(
            "weights must be None, 'imagenet' or the path of a weights file. "
            f"Received: weights={weights!r}"
        )
    if weights == "imagenet" and include_top and classes != 1000:
        raise ValueError(
            f"ImageNet weights with include_top=True need classes=1000. Received: classes={classes}"
        )
    if pooling not in (None, "avg", "max"):
        raise ValueError(f'pooling must be None, "avg" or "max". Received: pooling={pooling!r}')
    input_shape = imagenet_utils.obtain_input_shape(input_shape, 224, 32, include_top, weights)
    inputs = input_tensor if input_tensor is not None else layers.Input(shape=input_shape)
    x = inputs
    for block, (filters, convolutions) in enumerate(BLOCKS, start=1):
        for conv in range(1, convolutions + 1):
            x = layers.Conv2D(
                filters, (3, 3), activation="relu", padding="same", name=f"block{block}_conv{conv}"
            )(x)
        x = layers.MaxPooling2D((2, 2), strides=(2, 2), name=f"block{block}_pool")(x)
    if include_top:
        x = layers.Flatten(name="flatten")(x)
        x = layers.Dense(4096, activation="relu", name="fc1")(x)
        x = layers.Dense(4096, activation="relu", name="fc2")(x)
        x = layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    elif pooling == "avg":
        x = layers.GlobalAveragePooling2D()(x)
    elif pooling == "max":
        x = layers.GlobalMaxPooling2D()(x)
    model = Model(inputs, x, name=name)
    if weights == "imagenet":
        model.load_weights(imagenet_weights_path(include_top))
    elif weights is not None:
        model.load_weights(weights)
    return model


def imagenet_weights_path(include_top):
    """Return the local path of Keras's VGG16 ImageNet weights, downloading them once.

    Raises:
        OSError: offline and not in the cache; the message says what to do.
    """
    fname, md5 = WEIGHTS_FILES[include_top]
    try:
        return get_file(fname, BASE_URL + fname, cache_subdir="models", file_hash=md5)
    except OSError as err:
        target = os.path.join(cache_root(), "models", fname)
        raise OSError(
            f"The VGG16 ImageNet weights could not be downloaded ({err}). On a computer with a "
            f"network, download {BASE_URL + fname} and copy it to {target}, or pass "
            "weights='/path/to/that/file.h5' (or weights=None for random weights)."
        ) from err


def preprocess_input(x):
    """VGG16's preprocessing: RGB -> BGR, minus the mean ImageNet pixel ("caffe" mode).

    Example:
        >>> import numpy as np
        >>> preprocess_input(np.zeros((1, 1, 3))).round(2).tolist()
        [[[-103.94, -116.78, -123.68]]]
    """
    return imagenet_utils.preprocess_input(x, mode="caffe")


def decode_predictions(preds, top=5):
    """Top ImageNet classes per row as ``(class_id, class_name, score)`` (see `imagenet_utils`)."""
    return imagenet_utils.decode_predictions(preds, top=top)
