"""Keras 1/2 spellings in one place, so the core classes read like Keras 3.

How it is wired in: ``kerasedu/__init__.py`` imports this package, which sits on
top of the others, and `install` (run once, at the bottom of this file) applies
the two tables below:

1. `OLD_ARGUMENTS`: each listed constructor (or ``fit``) is wrapped by
   `renames.accepts_old_names`, which renames old arguments (``output_dim`` ->
   ``units``) and warns, before the Keras 3 code runs. ``Dense.__init__``
   itself knows nothing of ``output_dim``.
2. `OLD_NAMES`: names Keras 3 removed (``Convolution2D``, ``merge``,
   ``np_utils``, ``optimizer.lr``) are set where old tutorials look for them.

Every warning is a DeprecationWarning attributed to the user's line (see
`kerasedu.diagnostics.stacklevel_outside_kerasedu`), naming the Keras 3 spelling.
To support one more old spelling, add a row to a table in `renames` or here.

Example:
    >>> import warnings
    >>> from kerasedu.layers import Dense
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     layer = Dense(output_dim=3)
    >>> layer.units
    3
    >>> print(caught[0].message)
    Dense: `output_dim` is the old Keras spelling (renamed in Keras 2.0); use `units` instead.
"""

import sys

from kerasedu import callbacks, layers, models, optimizers, utils
from kerasedu.compat import np_utils, old_api
from kerasedu.compat.renames import (
    BATCH_NORMALIZATION_NAMES,
    EMBEDDING_NAMES,
    KERAS1_NAMES,
    LEAKY_RELU_NAMES,
    REDUCE_LR_NAMES,
    accepts_old_names,
)
from kerasedu.layers.conv import BaseConv
from kerasedu.layers.pooling import BasePooling
from kerasedu.models.trainer import Trainer
from kerasedu.optimizers import Optimizer
from kerasedu.saving import serializer

# (class, method, {old name: (new name, Keras version)}): the functions that accept old arguments.
OLD_ARGUMENTS = [
    (layers.Dense, "__init__", KERAS1_NAMES),
    (BaseConv, "__init__", KERAS1_NAMES),  # Conv1D and Conv2D use BaseConv's __init__
    (layers.Conv2DTranspose, "__init__", KERAS1_NAMES),
    (BasePooling, "__init__", KERAS1_NAMES),  # the window pooling layers use its __init__
    (layers.GlobalMaxPooling1D, "__init__", KERAS1_NAMES),
    (layers.GlobalAveragePooling1D, "__init__", KERAS1_NAMES),
    (layers.GlobalMaxPooling2D, "__init__", KERAS1_NAMES),
    (layers.GlobalAveragePooling2D, "__init__", KERAS1_NAMES),
    (layers.Cropping2D, "__init__", KERAS1_NAMES),
    (layers.ZeroPadding2D, "__init__", KERAS1_NAMES),
    (layers.SimpleRNN, "__init__", KERAS1_NAMES),
    (layers.LSTM, "__init__", KERAS1_NAMES),
    (layers.GRU, "__init__", KERAS1_NAMES),
    (layers.BatchNormalization, "__init__", BATCH_NORMALIZATION_NAMES),
    (layers.Embedding, "__init__", EMBEDDING_NAMES),
    (layers.LeakyReLU, "__init__", LEAKY_RELU_NAMES),
    (Optimizer, "__init__", KERAS1_NAMES),
    (optimizers.SGD, "__init__", KERAS1_NAMES),
    (optimizers.RMSprop, "__init__", KERAS1_NAMES),
    (optimizers.Adam, "__init__", KERAS1_NAMES),
    (optimizers.AdamW, "__init__", KERAS1_NAMES),
    (optimizers.Adamax, "__init__", KERAS1_NAMES),
    (optimizers.Nadam, "__init__", KERAS1_NAMES),
    (optimizers.Adagrad, "__init__", KERAS1_NAMES),
    (optimizers.Adadelta, "__init__", KERAS1_NAMES),
    (callbacks.ReduceLROnPlateau, "__init__", REDUCE_LR_NAMES),
    (Trainer, "fit", KERAS1_NAMES),  # Model.fit is defined on its base class Trainer
    (models.Functional, "__init__", KERAS1_NAMES),
]

# (where, name, object): names Keras 3 removed, put back where Keras 1/2 had them.
OLD_NAMES = [
    (layers, "Convolution1D", old_api.Convolution1D),
    (layers, "Convolution2D", old_api.Convolution2D),
    (layers, "merge", old_api.merge),
    (utils, "np_utils", np_utils),
    (Optimizer, "lr", old_api.optimizer_lr),
    # Layer.add_weight also in the Keras 2 form add_weight("kernel", shape, ...)
    (layers.Layer, "add_weight", old_api.accepts_keras2_add_weight(layers.Layer.add_weight)),
]

# Old layer classes that saved files may name: the serializer's table learns them too.
OLD_LAYER_CLASSES = {"Convolution1D": old_api.Convolution1D, "Convolution2D": old_api.Convolution2D}


def install():
    """Wrap the functions of `OLD_ARGUMENTS` and set the names of `OLD_NAMES` (once)."""
    for cls, method, names in OLD_ARGUMENTS:
        # cls.__dict__, not getattr: wrap the class's own function, never an inherited one
        setattr(cls, method, accepts_old_names(cls.__dict__[method], names))
    for where, name, value in OLD_NAMES:
        setattr(where, name, value)
    serializer.LAYERS.update(OLD_LAYER_CLASSES)
    # so that `from kerasedu.utils.np_utils import to_categorical` finds the module too
    sys.modules["kerasedu.utils.np_utils"] = np_utils


install()
