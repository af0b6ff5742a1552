"""Accuracy functions: one 0/1 match per prediction, as plain arrays (no gradient).

They accept arrays or Tensors and return float32 arrays of the device's array
module. As in Keras 3, `binary_accuracy` is element-wise (same shape as
``y_pred``) and the categorical ones give one value per sample; a compiled
metric averages them over the batch.

Example:
    >>> y_pred = np.array([[0.9, 0.1, 0.0], [0.8, 0.2, 0.0], [0.1, 0.2, 0.7]])
    >>> categorical_accuracy(np.eye(3), y_pred).tolist()
    [1.0, 0.0, 1.0]
"""

from kerasedu.autograd.tensor import Tensor
from kerasedu.config import floatx
from kerasedu.device import get_array_module
from kerasedu.losses.label_checks import match_ranks


def as_arrays(y_true, y_pred):
    """Return ``(y_true, y_pred)`` as arrays of ``y_pred``'s array module."""
    if isinstance(y_pred, Tensor):
        y_pred = y_pred.data
    if isinstance(y_true, Tensor):
        y_true = y_true.data
    xp = get_array_module(y_pred)
    return xp.asarray(y_true), xp.asarray(y_pred)


def accuracy(y_true, y_pred):
    """Element-wise ``y_true == y_pred`` as 0.0/1.0 (for predictions that are labels).

    Example:
        >>> accuracy([1, 2, 3], np.array([1, 0, 3])).tolist()
        [1.0, 0.0, 1.0]
    """
    y_true, y_pred = as_arrays(y_true, y_pred)
    y_true, y_pred = match_ranks(y_true.astype(y_pred.dtype), y_pred)
    return (y_true == y_pred).astype(floatx())


def binary_accuracy(y_true, y_pred, threshold=0.5):
    """Element-wise match of ``y_pred > threshold`` (strict) with 0/1 ``y_true``.

    Args:
        y_true: 0/1 labels, shape ``(N, D)`` (``(N,)`` is matched to ``(N, 1)``).
        y_pred: Probabilities, shape ``(N, D)``.
        threshold: Decision threshold. Defaults to ``0.5``.

    Returns:
        float32 array of ``y_pred``'s shape.

    Example:
        >>> binary_accuracy([[1], [0], [1]], np.array([[0.7], [0.5], [0.5]])).tolist()
        [[1.0], [1.0], [0.0]]
    """
    y_true, y_pred = as_arrays(y_true, y_pred)
    y_true, y_pred = match_ranks(y_true, y_pred)
    predicted = (y_pred > threshold).astype(y_true.dtype)
    return (y_true == predicted).astype(floatx())


def sparse_categorical_accuracy(y_true, y_pred):
    """Whether ``argmax(y_pred)`` equals the integer label, per sample.

    Args:
        y_true: Class indices, shape ``(N,)`` or ``(N, 1)``.
        y_pred: Scores or probabilities, shape ``(N, C)``.

    Returns:
        float32 array of ``y_true``'s shape.

    Example:
        >>> y_pred = np.array([[0.1, 0.2, 0.7], [0.3, 0.6, 0.1]])
        >>> sparse_categorical_accuracy([2, 0], y_pred).tolist()
        [1.0, 0.0]
    """
    y_true, y_pred = as_arrays(y_true, y_pred)
    original_shape = y_true.shape
    if y_true.ndim == y_pred.ndim and y_true.shape[-1] == 1:
        y_true = y_true.reshape(y_true.shape[:-1])  # (N, 1) -> (N,)
    predicted = y_pred.argmax(axis=-1).astype(y_true.dtype)
    return (y_true == predicted).astype(floatx()).reshape(original_shape)


def categorical_accuracy(y_true, y_pred):
    """Whether ``argmax(y_pred) == argmax(y_true)`` for one-hot ``y_true``, per sample.

    Example:
        >>> categorical_accuracy([[0, 1], [1, 0]], np.array([[0.4, 0.6], [0.3, 0.7]])).tolist()
        [1.0, 0.0]
    """
    y_true, y_pred = as_arrays(y_true, y_pred)
    return (y_true.argmax(axis=-1) == y_pred.argmax(axis=-1)).astype(floatx())


def in_top_k(labels, y_pred, k):
    """Boolean array: is the score of each sample's label among its ``k`` largest?

    Classes tied with the k-th score count as in the top k (TensorFlow's rule).
    """
    xp = get_array_module(y_pred)
    labels = labels.astype("int64")
    target = xp.take_along_axis(y_pred, labels[..., None], axis=-1)  # (N, 1): the label's score
    return (y_pred > target).sum(axis=-1) < k


def sparse_top_k_categorical_accuracy(y_true, y_pred, k=5):
    """Whether the integer label is among the ``k`` highest-scored classes, per sample.

    Args:
        y_true: Class indices, shape ``(N,)`` or ``(N, 1)``.
        y_pred: Scores, shape ``(N, C)``.
        k: How many top classes count. Defaults to ``5``.

    Returns:
        float32 array of ``y_true``'s shape.

    Example:
        >>> y_pred = np.array([[0.5, 0.3, 0.2], [0.5, 0.3, 0.2]])
        >>> sparse_top_k_categorical_accuracy([0, 2], y_pred, k=2).tolist()
        [1.0, 0.0]
    """
    y_true, y_pred = as_arrays(y_true, y_pred)
    original_shape = y_true.shape
    if y_true.ndim == y_pred.ndim and y_true.shape[-1] == 1:
        y_true = y_true.reshape(y_true.shape[:-1])
    matches = in_top_k(y_true, y_pred, k)
    return matches.astype(floatx()).reshape(original_shape)


def top_k_categorical_accuracy(y_true, y_pred, k=5):
    """Whether the one-hot label's class is among the ``k`` highest-scored classes.

    Example:
        >>> top_k_categorical_accuracy([[0, 1, 0]], np.array([[0.5, 0.3, 0.2]]), k=2).tolist()
        [1.0]
    """
    y_true, y_pred = as_arrays(y_true, y_pred)
    return sparse_top_k_categorical_accuracy(y_true.argmax(axis=-1), y_pred, k=k)
