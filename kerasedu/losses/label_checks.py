"""Preparing ``y_true``/``y_pred`` for a loss, and the checks that explain bad labels.

Every loss first calls `prepare_inputs`: both become Tensors, ``y_true`` takes
``y_pred``'s float dtype, and a rank difference of one size-1 axis is removed
(``(N,)`` against ``(N, 1)``), as Keras does, so a regression target of shape
``(N,)`` does not silently broadcast against a ``(N, 1)`` output into ``(N, N)``.

The ``check_*`` functions take shapes (and, for labels, the label array) and
raise a ValueError that names both shapes and says how to fix the data. They
are small and separate so that other tools (a diagnostics module) can call them.

Example:
    >>> check_not_integer_labels("categorical_crossentropy", (4,), (4, 3))
    Traceback (most recent call last):
    ...
    ValueError: categorical_crossentropy expects one-hot labels of shape (4, 3), ...
"""

import numpy as np

from kerasedu.autograd.tensor import Tensor
from kerasedu.config import floatx
from kerasedu.device import get_array_module


def match_ranks(y_true, y_pred):
    """Give two Tensors whose ranks differ by a trailing size-1 axis the same rank (Keras's rule).

    The one with the extra size-1 axis loses it, except that a rank-1 partner
    gains one instead: ``(N,)`` vs ``(N, 1)`` gives ``(N, 1)`` vs ``(N, 1)``.
    Other rank differences are left to broadcasting.

    Example:
        >>> t, p = match_ranks(Tensor([1.0, 2.0]), Tensor([[1.0], [2.0]]))
        >>> t.shape
        (2, 1)
    """
    if y_true.ndim == y_pred.ndim + 1 and y_true.shape[-1] == 1:
        if y_pred.ndim == 1:
            y_pred = y_pred.reshape(y_pred.shape + (1,))
        else:
            y_true = y_true.reshape(y_true.shape[:-1])
    elif y_pred.ndim == y_true.ndim + 1 and y_pred.shape[-1] == 1:
        if y_true.ndim == 1:
            y_true = y_true.reshape(y_true.shape + (1,))
        else:
            y_pred = y_pred.reshape(y_pred.shape[:-1])
    return y_true, y_pred


def prepare_inputs(y_true, y_pred, loss_name="loss"):
    """Return ``(y_true, y_pred)`` as Tensors of ``y_pred``'s float dtype and matching rank.

    Args:
        y_true: Targets (array, list or Tensor).
        y_pred: Predictions (array or Tensor); integer predictions become ``floatx()``.
        loss_name: Name used in error messages. Defaults to ``"loss"``.

    Returns:
        A pair of Tensors whose shapes broadcast together.

    Example:
        >>> t, p = prepare_inputs([1, 0], np.array([0.9, 0.2], dtype="float32"))
        >>> t.dtype.name, p.dtype.name
        ('float32', 'float32')
    """
    if not isinstance(y_pred, Tensor):
        y_pred = Tensor(y_pred)
    dtype = y_pred.data.dtype
    if dtype.kind != "f":
        dtype = np.dtype(floatx())
        y_pred = y_pred.astype(dtype)
    if not isinstance(y_true, Tensor):
        # labels carry no gradient: put them on y_pred's device, in its dtype
        y_true = Tensor(get_array_module(y_pred.data).asarray(y_true, dtype=dtype))
    elif y_true.data.dtype != dtype:
        y_true = y_true.astype(dtype)
    if y_true.data.shape != y_pred.data.shape:  # equal shapes need no matching
        y_true, y_pred = match_ranks(y_true, y_pred)
        check_broadcastable(loss_name, y_true.shape, y_pred.shape)
    return y_true, y_pred


def check_broadcastable(loss_name, y_true_shape, y_pred_shape):
    """Raise a ValueError naming both shapes if they cannot broadcast together."""
    try:
        np.broadcast_shapes(tuple(y_true_shape), tuple(y_pred_shape))
    except ValueError:
        raise ValueError(
            f"{loss_name}: y_true and y_pred have incompatible shapes. "
            f"Received: y_true.shape={tuple(y_true_shape)}, y_pred.shape={tuple(y_pred_shape)}"
        ) from None


def check_same_shape(loss_name, y_true_shape, y_pred_shape):
    """Raise a ValueError naming both shapes unless they are equal."""
    if tuple(y_true_shape) != tuple(y_pred_shape):
        raise ValueError(
            f"{loss_name}: y_true and y_pred must have the same shape. "
            f"Received: y_true.shape={tuple(y_true_shape)}, y_pred.shape={tuple(y_pred_shape)}"
        )


def check_not_integer_labels(loss_name, y_true_shape, y_pred_shape):
    """Raise a ValueError if integer class labels meet a loss that wants one-hot labels.

    Integer labels look like ``(N,)`` or ``(N, 1)`` while ``y_pred`` is ``(N, C)``
    with ``C > 1``.
    """
    y_true_shape, y_pred_shape = tuple(y_true_shape), tuple(y_pred_shape)
    if len(y_pred_shape) < 1 or y_pred_shape[-1] in (None, 1):
        return
    num_classes = y_pred_shape[-1]
    if y_true_shape in (y_pred_shape[:-1], y_pred_shape[:-1] + (1,)):
        raise ValueError(
            f"{loss_name} expects one-hot labels of shape {y_pred_shape}, but y_true looks like "
            f"integer class labels. Convert them with `kerasedu.utils.to_categorical(y, "
            f"{num_classes})`, or use loss='sparse_categorical_crossentropy'. "
            f"Received: y_true.shape={y_true_shape}, y_pred.shape={y_pred_shape}"
        )


def check_sparse_label_shape(loss_name, y_true_shape, y_pred_shape, axis=-1):
    """Raise a ValueError unless ``y_true`` holds one integer label per prediction row.

    Valid label shapes are ``y_pred``'s shape without the class axis, optionally
    with a trailing 1: ``(N,)`` or ``(N, 1)`` for ``y_pred`` of shape ``(N, C)``.
    """
    y_true_shape, y_pred_shape = tuple(y_true_shape), tuple(y_pred_shape)
    axis = axis % len(y_pred_shape)
    expected = y_pred_shape[:axis] + y_pred_shape[axis + 1 :]
    if y_true_shape in (expected, expected + (1,)):
        return
    hint = ""
    if y_true_shape == y_pred_shape:
        hint = (
            " y_true looks one-hot: use loss='categorical_crossentropy', or convert the "
            "labels with `y.argmax(axis=-1)`."
        )
    raise ValueError(
        f"{loss_name} expects integer labels of shape {expected} (one class index per "
        f"sample).{hint} Received: y_true.shape={y_true_shape}, y_pred.shape={y_pred_shape}"
    )


def check_sparse_label_range(loss_name, labels, num_classes):
    """Raise a ValueError naming the first label that is not an integer in ``[0, num_classes)``.

    Example:
        >>> check_sparse_label_range("loss", np.array([0, 2, 3]), 3)
        Traceback (most recent call last):
        ...
        ValueError: loss: labels must be integers in [0, 3). Received: label 3 at position 2 ...
    """
    xp = get_array_module(labels)
    bad = (labels < 0) | (labels >= num_classes) | (labels != xp.floor(labels))
    if bool(bad.any()):
        position = int(xp.argmax(bad.ravel()))
        value = labels.ravel()[position].item()
        count = int(bad.sum())
        raise ValueError(
            f"{loss_name}: labels must be integers in [0, {num_classes}). Received: label {value} "
            f"at position {position} ({count} bad label(s) in this batch). The model's last layer "
            f"has {num_classes} units: it needs one unit per class."
        )
