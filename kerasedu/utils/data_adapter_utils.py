"""Helpers around the batches: unpacking, cardinality, validation split, class weights.

`kerasedu.utils.data` builds the batches ``fit`` loops over; these are the
small rules it (and ``fit``, ``predict``) applies to the arrays, named as in
Keras 3's ``data_adapter_utils``.

Example:
    >>> num_samples(np.zeros((4, 2)), [np.zeros(4), np.ones(4)])
    4
"""

import math

import numpy as np

from kerasedu.config import floatx
from kerasedu.tree import flatten, map_structure


def unpack_x_y_sample_weight(data):
    """Split a batch ``(x,)``, ``(x, y)`` or ``(x, y, sample_weight)`` into three parts.

    Only a *tuple* is unpacked: a list is several inputs of one ``x``, as in Keras.

    Example:
        >>> unpack_x_y_sample_weight((1, 2))
        (1, 2, None)
    """
    if not isinstance(data, tuple):
        return data, None, None
    if len(data) == 1:
        return data[0], None, None
    if len(data) == 2:
        return data[0], data[1], None
    if len(data) == 3:
        return data
    raise ValueError(
        f"A batch must be (x,), (x, y) or (x, y, sample_weight). Received a tuple "
        f"of length {len(data)}."
    )


def num_samples(x, y=None, sample_weight=None):
    """Return the common first-axis length of all arrays; raise if they disagree."""
    counts = {}
    for label, data in (("x", x), ("y", y), ("sample_weight", sample_weight)):
        for array in flatten(data):
            if not getattr(array, "ndim", 0):
                raise ValueError(
                    f"{label} holds a single value ({array!r}), not one row per sample. "
                    f"Pass an array whose first axis is the samples, e.g. np.array([...])."
                )
            counts.setdefault(label, set()).add(int(array.shape[0]))
    every = set().union(*counts.values())
    if len(every) > 1:
        detail = ", ".join(f"{k} sizes: {sorted(v)}" for k, v in counts.items())
        raise ValueError(
            "Data cardinality is ambiguous: x and y should have the same number of "
            f"samples. Received: {detail}."
        )
    return every.pop()


def train_validation_split(arrays, validation_split):
    """Cut each array in two: the first ``1 - validation_split`` and the LAST part.

    As in Keras, the validation samples are the last ones *before* any
    shuffling, so the split is the same every epoch. Returns views, not copies.

    Example:
        >>> train, val = train_validation_split((np.arange(10), None), 0.2)
        >>> train[0].tolist(), val[0].tolist(), val[1]
        ([0, 1, 2, 3, 4, 5, 6, 7], [8, 9], None)
    """
    if not 0.0 < validation_split < 1.0:
        raise ValueError(
            f"validation_split must be between 0 and 1. Received: "
            f"validation_split={validation_split}"
        )
    if not all(hasattr(a, "shape") for data in arrays for a in flatten(data)):
        raise ValueError(
            "validation_split is only supported for arrays; with a generator or a "
            "Sequence pass validation_data instead."
        )
    total = num_samples(*arrays)
    split_at = int(math.floor(total * (1.0 - validation_split)))
    if split_at == 0 or split_at == total:
        raise ValueError(
            f"validation_split={validation_split} leaves no training or no validation "
            f"samples out of {total}. Use more data or another fraction."
        )
    train = tuple(map_structure(lambda array: array[:split_at], a) for a in arrays)
    val = tuple(map_structure(lambda array: array[split_at:], a) for a in arrays)
    return train, val


def class_weight_to_sample_weight(y, class_weight):
    """Per-sample weights ``class_weight[label]``; one-hot ``y`` is read with argmax."""
    labels = np.asarray(y)
    if labels.ndim > 1 and labels.shape[-1] > 1:
        labels = labels.argmax(axis=-1)  # one-hot rows -> class index
    labels = labels.reshape(len(labels), -1)[:, 0].astype("int64")
    table = np.zeros(max(max(class_weight) + 1, labels.max() + 1), dtype=floatx())
    table[:] = 1.0  # classes missing from the dict keep weight 1
    for label, weight in class_weight.items():
        table[int(label)] = weight
    return table[labels]


def class_weights_as_sample_weights(y, sample_weight, class_weight):
    """``class_weight`` turned into the batch's ``sample_weight``, after checking they fit."""
    if isinstance(y, (list, dict)):
        raise ValueError(
            "class_weight is only supported for models with a single output; "
            "pass sample_weight per output instead."
        )
    if sample_weight is not None:
        raise ValueError(
            "You cannot pass both class_weight and sample_weight; multiply them "
            "into one sample_weight array instead."
        )
    return class_weight_to_sample_weight(y, class_weight)


def concatenate_batches(batches):
    """Join per-batch outputs (arrays, lists or dicts of arrays) along the batch axis.

    Example:
        >>> concatenate_batches([np.zeros((2, 3)), np.ones((1, 3))]).shape
        (3, 3)
    """
    if not batches:
        return np.zeros((0,), dtype=floatx())
    first = batches[0]
    if isinstance(first, dict):
        return {key: np.concatenate([b[key] for b in batches]) for key in first}
    if isinstance(first, (list, tuple)):
        return [np.concatenate([b[i] for b in batches]) for i in range(len(first))]
    return np.concatenate(batches)


def should_validate(epoch, validation_freq):
    """Whether ``fit`` validates after ``epoch`` (from 0): every ``validation_freq``
    epochs, or at the 1-based epochs listed (Keras 2's list form).

    Example:
        >>> [should_validate(e, 2) for e in range(4)]
        [False, True, False, True]
    """
    if isinstance(validation_freq, int):
        return (epoch + 1) % validation_freq == 0
    return epoch + 1 in validation_freq
