"""Hinge losses for maximum-margin ("SVM-style") classification.

Labels are ``-1`` or ``+1``; if every label in the batch is 0 or 1 they are
converted to -1/+1 first, as Keras does. Each function returns the loss per
sample (mean over the last axis for `hinge`/`squared_hinge`).

Example:
    >>> hinge(np.array([[1.0, 0.0]]), np.array([[0.5, -2.0]])).numpy().tolist()
    [0.25]
"""

from kerasedu.autograd import ops_select as sel
from kerasedu.autograd.tensor import Tensor
from kerasedu.device import get_array_module
from kerasedu.losses.label_checks import prepare_inputs


def to_signed_labels(y_true):
    """Map {0, 1} labels to {-1, +1}; leave any other labelling unchanged.

    Example:
        >>> to_signed_labels(Tensor([0.0, 1.0])).numpy().tolist()
        [-1.0, 1.0]
    """
    data = y_true.data
    xp = get_array_module(data)
    if bool(xp.all((data == 0) | (data == 1))):
        return Tensor(2 * data - 1)
    return y_true


def hinge(y_true, y_pred):
    """Hinge loss: ``mean(max(1 - y_true * y_pred, 0), axis=-1)``.

    Args:
        y_true: Labels in {-1, +1} (or {0, 1}, converted), shape ``(N, D)``.
        y_pred: Scores, same shape.

    Returns:
        Per-sample loss Tensor of shape ``(N,)``.

    Example:
        >>> hinge(np.array([[-1.0]]), np.array([[0.5]])).numpy().tolist()
        [1.5]
    """
    y_true, y_pred = prepare_inputs(y_true, y_pred, "hinge")
    margin = 1.0 - to_signed_labels(y_true) * y_pred
    return sel.maximum(margin, 0.0).mean(axis=-1)


def squared_hinge(y_true, y_pred):
    """Squared hinge loss: ``mean(max(1 - y_true * y_pred, 0)^2, axis=-1)``.

    Example:
        >>> squared_hinge(np.array([[-1.0]]), np.array([[0.5]])).numpy().tolist()
        [2.25]
    """
    y_true, y_pred = prepare_inputs(y_true, y_pred, "squared_hinge")
    margin = sel.maximum(1.0 - to_signed_labels(y_true) * y_pred, 0.0)
    return (margin * margin).mean(axis=-1)


def categorical_hinge(y_true, y_pred):
    """Multi-class hinge: ``max(neg - pos + 1, 0)`` with one-hot ``y_true``.

    ``pos = sum(y_true * y_pred)`` is the true class's score and
    ``neg = max((1 - y_true) * y_pred)`` the best wrong class's score.

    Example:
        >>> loss = categorical_hinge(np.array([[0.0, 1.0]]), np.array([[0.8, 0.5]]))
        >>> loss.numpy().round(4).tolist()
        [1.3]
    """
    y_true, y_pred = prepare_inputs(y_true, y_pred, "categorical_hinge")
    pos = (y_true * y_pred).sum(axis=-1)
    neg = ((1.0 - y_true) * y_pred).max(axis=-1)
    return sel.maximum(neg - pos + 1.0, 0.0)
