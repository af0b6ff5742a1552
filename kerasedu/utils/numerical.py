"""Label and feature helpers: `to_categorical` (one-hot) and `normalize` (unit norm).

Example:
    >>> to_categorical([0, 2], num_classes=3).tolist()
    [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
"""

import numpy as np

from kerasedu.config import floatx


def to_categorical(y, num_classes=None):
    """Turn integer class labels into one-hot rows: label ``k`` -> a 1 at position ``k``.

    Args:
        y: Integer labels, shape ``(N,)`` or ``(N, 1)`` (any shape whose last
            axis is 1 is squeezed, as in Keras).
        num_classes: Number of classes. Defaults to ``max(y) + 1``.

    Returns:
        A float32 NumPy array of shape ``y.shape + (num_classes,)`` (after the squeeze).

    Shapes:
        ``(N,)`` or ``(N, 1)`` -> ``(N, num_classes)``.

    Example:
        >>> to_categorical(np.array([[1], [0]])).tolist()
        [[0.0, 1.0], [1.0, 0.0]]
    """
    y = np.asarray(y)
    if y.dtype.kind == "f":
        if not np.all(y == np.round(y)):
            raise ValueError(
                "to_categorical expects integer class labels, but `y` has fractional "
                f"values. Received: y={y.ravel()[:5]}..."
            )
        y = y.astype("int64")
    if y.ndim > 1 and y.shape[-1] == 1:
        y = y.reshape(y.shape[:-1])  # (N, 1) -> (N,)
    if y.size and y.min() < 0:
        raise ValueError(f"Class labels must be >= 0. Received: min(y)={y.min()}")
    if num_classes is None:
        num_classes = int(y.max()) + 1 if y.size else 0
    if y.size and y.max() >= num_classes:
        raise ValueError(f"Label {y.max()} is out of range for num_classes={num_classes}.")
    one_hot = np.zeros(y.shape + (num_classes,), dtype=floatx())
    np.put_along_axis(one_hot, y[..., None], 1.0, axis=-1)  # one 1 per row, at the label
    return one_hot


def normalize(x, axis=-1, order=2):
    """Scale ``x`` so each slice along ``axis`` has unit ``order``-norm (zero slices stay zero).

    Args:
        x: Array to normalise.
        axis: Axis along which the norm is taken. Defaults to ``-1``.
        order: Norm order (``2`` is the Euclidean length). Defaults to ``2``.

    Returns:
        An array of the same shape as ``x``.

    Example:
        >>> normalize(np.array([[3.0, 4.0]])).tolist()
        [[0.6, 0.8]]
    """
    x = np.asarray(x)
    norms = np.atleast_1d(np.linalg.norm(x, ord=order, axis=axis))
    norms[norms == 0] = 1  # leave all-zero vectors unchanged instead of dividing by 0
    return x / np.expand_dims(norms, axis)
