"""Probabilistic losses: binary, categorical and sparse categorical cross-entropy,
KL divergence, Poisson.

Cross-entropy measures how unlikely the true labels are under the predicted
distribution: ``-sum(t * log(p))``. Three details follow Keras exactly:

- probabilities are clipped to ``[eps, 1 - eps]`` (eps = 1e-7) before the log,
  so a confident wrong prediction costs about 16.1, never infinity;
- `categorical_crossentropy` on probabilities first rescales each row to sum to 1;
- with ``from_logits=True`` the loss is computed from the raw scores in a stable
  form (log-softmax, or ``max(x, 0) - x t + log(1 + exp(-|x|))`` for the binary
  case), which never takes the log of 0 or the exp of a large number.

Example:
    >>> y_true = np.array([[0.0, 1.0]])
    >>> round(float(categorical_crossentropy(y_true, np.array([[0.5, 0.5]]))), 4)
    0.6931
"""

import numpy as np

from kerasedu.autograd import ops_elementwise as ew
from kerasedu.autograd import ops_nn
from kerasedu.autograd import ops_select as sel
from kerasedu.autograd.ops_softmax import Softmax, log_softmax
from kerasedu.autograd.tensor import Tensor
from kerasedu.config import epsilon
from kerasedu.device import get_array_module
from kerasedu.losses import label_checks as checks


def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    """Binary cross-entropy ``-(t log p + (1 - t) log(1 - p))``, averaged over ``axis``.

    Args:
        y_true: 0/1 targets, shape ``(N, D)`` (``(N,)`` is matched to ``(N, 1)``).
        y_pred: Probabilities in (0, 1) or, with ``from_logits=True``, raw scores.
        from_logits: Whether ``y_pred`` holds logits. Defaults to ``False``.
        label_smoothing: Moves targets towards 0.5: ``t (1 - ls) + 0.5 ls``.
            Defaults to ``0.0``.
        axis: Axis to average over. Defaults to ``-1``.

    Returns:
        Per-sample loss Tensor of shape ``(N,)``.

    Example:
        >>> round(float(binary_crossentropy([[1.0]], [[0.5]])), 4)
        0.6931
    """
    y_true, y_pred = checks.prepare_inputs(y_true, y_pred, "binary_crossentropy")
    checks.check_same_shape("binary_crossentropy", y_true.shape, y_pred.shape)
    if label_smoothing:
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    return binary_crossentropy_elements(y_true, y_pred, from_logits).mean(axis=axis)


def binary_crossentropy_elements(y_true, y_pred, from_logits=False):
    """The binary cross-entropy of each element, not averaged: ``keras.ops.binary_crossentropy``.

    Shapes:
        ``y_true`` and ``y_pred`` Tensors of one shape -> a Tensor of that shape.

    Example:
        >>> t = Tensor(np.array([1.0, 0.0], dtype="float32"))
        >>> binary_crossentropy_elements(t, Tensor(np.array([0.5, 0.5], dtype="float32"))).shape
        (2,)
    """
    if from_logits:
        # log(1 + e^-|x|) + max(x, 0) - x t: equal to the formula below, but no overflow
        x = y_pred
        return ops_nn.relu(x) - x * y_true + ew.log(1.0 + ew.exp(-x.abs()))
    p = sel.clip(y_pred, epsilon(), 1.0 - epsilon())
    return -(y_true * ew.log(p) + (1.0 - y_true) * ew.log(1.0 - p))


def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    """Categorical cross-entropy ``-sum(t * log(p), axis)`` with one-hot ``y_true``.

    Args:
        y_true: One-hot (or soft) targets, shape ``(N, C)``. Integer class labels
            raise a ValueError pointing to `sparse_categorical_crossentropy`.
        y_pred: Probabilities (rows are rescaled to sum to 1) or, with
            ``from_logits=True``, raw scores.
        from_logits: Whether ``y_pred`` holds logits. Defaults to ``False``.
        label_smoothing: Moves targets towards uniform: ``t (1 - ls) + ls / C``.
            Defaults to ``0.0``.
        axis: The class axis. Defaults to ``-1``.

    Returns:
        Per-sample loss Tensor of shape ``(N,)``.

    Shapes:
        ``y_true``, ``y_pred``: ``(N, C)`` -> ``(N,)``.

    Example:
        >>> y_true = np.array([[0.0, 1.0, 0.0]])
        >>> logits = np.array([[1.0, 3.0, 0.0]])
        >>> round(float(categorical_crossentropy(y_true, logits, from_logits=True)), 4)
        0.1698
    """
    name = "categorical_crossentropy"
    y_true_shape, y_pred_shape = _shape(y_true), _shape(y_pred)
    if y_true_shape != y_pred_shape:  # say why, integer labels being the usual mistake
        checks.check_not_integer_labels(name, y_true_shape, y_pred_shape)
        checks.check_same_shape(name, y_true_shape, y_pred_shape)
    y_true, y_pred = checks.prepare_inputs(y_true, y_pred, name)
    if label_smoothing:
        num_classes = y_pred.shape[axis]
        y_true = y_true * (1.0 - label_smoothing) + label_smoothing / num_classes
    return _crossentropy(y_true, y_pred, from_logits, axis)


def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False, axis=-1):
    """Categorical cross-entropy with integer labels: ``-log(p[label])``.

    Args:
        y_true: Class indices in ``[0, C)``, shape ``(N,)`` or ``(N, 1)``.
        y_pred: Probabilities or, with ``from_logits=True``, raw scores, ``(N, C)``.
        from_logits: Whether ``y_pred`` holds logits. Defaults to ``False``.
        axis: The class axis of ``y_pred``. Defaults to ``-1``.

    Returns:
        Per-sample loss Tensor of shape ``(N,)``.

    Example:
        >>> round(float(sparse_categorical_crossentropy([1], np.array([[0.2, 0.8]]))), 4)
        0.2231
    """
    name = "sparse_categorical_crossentropy"
    if not isinstance(y_pred, Tensor):
        y_pred = Tensor(y_pred)
    labels = (
        y_true.data if isinstance(y_true, Tensor) else get_array_module(y_pred.data).asarray(y_true)
    )
    checks.check_sparse_label_shape(name, labels.shape, y_pred.shape, axis)
    num_classes = y_pred.shape[axis]
    checks.check_sparse_label_range(name, labels, num_classes)
    one_hot = one_hot_labels(labels, num_classes, axis, y_pred.ndim, y_pred.dtype)
    y_true, y_pred = checks.prepare_inputs(one_hot, y_pred, name)
    return _crossentropy(y_true, y_pred, from_logits, axis)


def one_hot_labels(labels, num_classes, axis, ndim, dtype):
    """Return one-hot rows for integer ``labels``, the class axis placed at ``axis``."""
    xp = get_array_module(labels)
    if labels.ndim == ndim:
        labels = labels.reshape(labels.shape[:-1])  # (N, 1) -> (N,)
    one_hot = (labels[..., None] == xp.arange(num_classes)).astype(dtype)  # (N, C)
    return xp.moveaxis(one_hot, -1, axis)


def _crossentropy(y_true, y_pred, from_logits, axis):
    """``-sum(t * log p, axis)`` from logits (log-softmax) or from probabilities.

    When ``y_pred`` was just produced by a softmax op (a model's softmax output
    during training), the loss is computed from that softmax's input with
    log-softmax: the fused gradient is simply ``softmax - t``, cheaper and
    exact, as Keras's TensorFlow backend does with its ``_keras_logits``.
    """
    logits = _softmax_logits(y_pred, axis)
    if from_logits:
        log_p = log_softmax(y_pred, axis=axis)
    elif logits is not None:
        log_p = log_softmax(logits, axis=axis)
    else:
        p = y_pred / y_pred.sum(axis=axis, keepdims=True)  # rows sum to 1, as in Keras
        log_p = ew.log(sel.clip(p, epsilon(), 1.0 - epsilon()))
    return -(y_true * log_p).sum(axis=axis)


def _softmax_logits(y_pred, axis):
    """The input of the softmax op that produced ``y_pred`` (same axis), or ``None``."""
    creator = getattr(y_pred, "_creator", None)
    if not isinstance(creator, Softmax):
        return None
    ndim = y_pred.data.ndim
    return creator.inputs[0] if creator.axis % ndim == axis % ndim else None


def kl_divergence(y_true, y_pred):
    """Kullback-Leibler divergence ``sum(t * log(t / p), axis=-1)``, both clipped to ``[eps, 1]``.

    Example:
        >>> round(float(kl_divergence([[0.5, 0.5]], [[0.25, 0.75]])), 4)
        0.1438
    """
    y_true, y_pred = checks.prepare_inputs(y_true, y_pred, "kl_divergence")
    t = sel.clip(y_true, epsilon(), 1.0)
    p = sel.clip(y_pred, epsilon(), 1.0)
    return (t * ew.log(t / p)).sum(axis=-1)


def poisson(y_true, y_pred):
    """Poisson loss ``mean(y_pred - y_true * log(y_pred + eps), axis=-1)`` for count data.

    Example:
        >>> round(float(poisson([[1.0]], [[1.0]])), 4)
        1.0
    """
    y_true, y_pred = checks.prepare_inputs(y_true, y_pred, "poisson")
    return (y_pred - y_true * ew.log(y_pred + epsilon())).mean(axis=-1)


def _shape(value):
    """Shape of an array, Tensor or nested list."""
    if isinstance(value, Tensor):
        return value.data.shape
    return tuple(value.shape) if hasattr(value, "shape") else np.shape(value)
