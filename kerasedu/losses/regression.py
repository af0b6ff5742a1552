"""Regression losses: mean squared/absolute (percentage, logarithmic) error, Huber,
log-cosh, cosine.

Each function takes ``y_true`` and ``y_pred`` of shape ``(N, ..., D)`` and
returns the loss per sample, averaged over the last axis: a Tensor of shape
``(N, ...)``. They are built from autograd ops, so ``loss.backward()`` works.

Example:
    >>> mean_squared_error(np.array([[0.0, 2.0]]), np.array([[1.0, 4.0]])).numpy().tolist()
    [2.5]
"""

import math
import warnings

from kerasedu.autograd import ops_elementwise as ew
from kerasedu.autograd import ops_select as sel
from kerasedu.autograd.ops_reduce import l2_normalize
from kerasedu.config import epsilon
from kerasedu.diagnostics import stacklevel_outside_kerasedu
from kerasedu.losses.label_checks import prepare_inputs


def mean_squared_error(y_true, y_pred):
    """Mean squared error: ``mean((y_pred - y_true)^2, axis=-1)``.

    Args:
        y_true: Targets, shape ``(N, ..., D)`` (``(N,)`` is matched to ``(N, 1)``).
        y_pred: Predictions, same shape.

    Returns:
        Per-sample loss Tensor of shape ``(N, ...)``.

    Example:
        >>> mean_squared_error(np.array([[1.0, 1.0]]), np.array([[0.0, 3.0]])).numpy().tolist()
        [2.5]
    """
    y_true, y_pred = prepare_inputs(y_true, y_pred, "mean_squared_error")
    error = y_pred - y_true
    return (error * error).mean(axis=-1)


def mean_absolute_error(y_true, y_pred):
    """Mean absolute error: ``mean(|y_pred - y_true|, axis=-1)``.

    Example:
        >>> mean_absolute_error(np.array([[1.0, 1.0]]), np.array([[0.0, 3.0]])).numpy().tolist()
        [1.5]
    """
    y_true, y_pred = prepare_inputs(y_true, y_pred, "mean_absolute_error")
    return (y_pred - y_true).abs().mean(axis=-1)


def mean_absolute_percentage_error(y_true, y_pred):
    """``100 * mean(|y_true - y_pred| / max(|y_true|, eps), axis=-1)``, eps = 1e-7.

    Example:
        >>> loss = mean_absolute_percentage_error(np.array([[2.0, 4.0]]), np.array([[1.0, 5.0]]))
        >>> loss.numpy().tolist()
        [37.5]
    """
    y_true, y_pred = prepare_inputs(y_true, y_pred, "mean_absolute_percentage_error")
    scale = sel.maximum(y_true.abs(), epsilon())  # avoids dividing by a zero target
    return 100.0 * ((y_true - y_pred) / scale).abs().mean(axis=-1)


def mean_squared_logarithmic_error(y_true, y_pred):
    """``mean((log(max(y_pred, eps) + 1) - log(max(y_true, eps) + 1))^2, axis=-1)``.

    Example:
        >>> round(float(mean_squared_logarithmic_error([[np.e - 1]], [[0.0]])), 4)
        1.0
    """
    y_true, y_pred = prepare_inputs(y_true, y_pred, "mean_squared_logarithmic_error")
    log_pred = ew.log(sel.maximum(y_pred, epsilon()) + 1.0)
    log_true = ew.log(sel.maximum(y_true, epsilon()) + 1.0)
    diff = log_pred - log_true
    return (diff * diff).mean(axis=-1)


def huber(y_true, y_pred, delta=1.0):
    """Huber loss: quadratic for small errors, linear for large ones.

    ``0.5 * e^2`` where ``|e| <= delta``, else ``delta * |e| - 0.5 * delta^2``,
    with ``e = y_pred - y_true``; averaged over the last axis.

    Args:
        y_true: Targets.
        y_pred: Predictions.
        delta: Where the loss turns from quadratic to linear. Defaults to ``1.0``.

    Example:
        >>> huber(np.array([[0.0, 0.0]]), np.array([[0.5, 3.0]])).numpy().tolist()
        [1.3125]
    """
    y_true, y_pred = prepare_inputs(y_true, y_pred, "huber")
    error = y_pred - y_true
    abs_error = error.abs()
    quadratic = 0.5 * error * error
    linear = delta * abs_error - 0.5 * delta * delta
    return sel.where(abs_error.data <= delta, quadratic, linear).mean(axis=-1)


def log_cosh(y_true, y_pred):
    """``mean(log(cosh(y_pred - y_true)), axis=-1)``, computed without overflow.

    ``log(cosh(x)) = |x| + log(1 + exp(-2|x|)) - log(2)``: the exponent is never
    positive, so large errors do not overflow.

    Example:
        >>> round(float(log_cosh([[0.0]], [[1.0]])), 4)
        0.4338
    """
    y_true, y_pred = prepare_inputs(y_true, y_pred, "log_cosh")
    abs_error = (y_pred - y_true).abs()
    value = abs_error + ew.log(1.0 + ew.exp(-2.0 * abs_error)) - math.log(2.0)
    return value.mean(axis=-1)


def cosine_similarity(y_true, y_pred, axis=-1):
    """Cosine similarity LOSS: ``-sum(l2_normalize(y_true) * l2_normalize(y_pred), axis)``.

    It is the *negative* cosine, so minimising it aligns the vectors: identical
    directions give -1, orthogonal ones 0.

    Args:
        y_true: Targets.
        y_pred: Predictions.
        axis: Axis of the vectors. Defaults to ``-1``.

    Example:
        >>> loss = cosine_similarity(np.array([[1.0, 1.0]]), np.array([[2.0, 2.0]]))
        >>> loss.numpy().round(4).tolist()
        [-1.0]
    """
    y_true, y_pred = prepare_inputs(y_true, y_pred, "cosine_similarity")
    return -(l2_normalize(y_true, axis) * l2_normalize(y_pred, axis)).sum(axis=axis)


def cosine_proximity(y_true, y_pred, axis=-1):
    """Keras 1/2 name of `cosine_similarity` (same value, a DeprecationWarning).

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     float(cosine_proximity([[1.0, 0.0]], [[1.0, 0.0]]))
        -1.0
    """
    warnings.warn(
        "`cosine_proximity` is the Keras 2 name; use `cosine_similarity` (the same "
        "negative cosine) instead.",
        DeprecationWarning,
        stacklevel=stacklevel_outside_kerasedu(),
    )
    return cosine_similarity(y_true, y_pred, axis=axis)
