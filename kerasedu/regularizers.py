"""Weight regularizers: penalties on a layer's weights added to the training loss.

A regularizer is called on a weight Variable and returns a scalar Tensor;
``layer.losses`` collects them and training adds them to the loss, so large
weights cost something (L2 is "weight decay").

Example:
    >>> from kerasedu import regularizers
    >>> from kerasedu.autograd.variable import Variable
    >>> w = Variable(np.array([1.0, -2.0], dtype="float32"))
    >>> round(float(regularizers.L2(0.1)(w)), 4)
    0.5
"""

from kerasedu.autograd import ops_elementwise as ew
from kerasedu.autograd.tensor import as_tensor
from kerasedu.lookup import Configurable, get_object, serialize_object


class Regularizer(Configurable):
    """Base class: subclasses implement ``__call__(variable) -> scalar Tensor``."""

    def __call__(self, x):
        raise NotImplementedError


class L1L2(Regularizer):
    """``l1 * sum(|w|) + l2 * sum(w^2)``.

    Args:
        l1: L1 factor. Defaults to ``0.0``.
        l2: L2 factor. Defaults to ``0.0`` (the string ``"l1_l2"`` and the
            function `l1_l2` use ``0.01`` for both).

    Example:
        >>> round(float(L1L2(l1=1.0, l2=1.0)(np.array([-2.0], dtype="float32"))), 4)
        6.0
    """

    config_keys = ("l1", "l2")

    def __init__(self, l1=0.0, l2=0.0):
        for name, value in (("l1", l1), ("l2", l2)):
            if value is None or value < 0:
                raise ValueError(
                    f"`{name}` must be a non-negative number. Received: {name}={value}"
                )
        self.l1, self.l2 = float(l1), float(l2)

    def __call__(self, x):
        x = as_tensor(x)
        penalty = (x * 0.0).sum()  # a scalar Tensor even when both factors are zero
        if self.l1:
            penalty = penalty + self.l1 * ew.abs(x).sum()
        if self.l2:
            penalty = penalty + self.l2 * (x * x).sum()
        return penalty


class L1(L1L2):
    """``l1 * sum(|w|)``: pushes weights to exactly zero (sparsity).

    Args:
        l1: Factor. Defaults to ``0.01``.

    Example:
        >>> round(float(L1(0.5)(np.array([1.0, -3.0], dtype="float32"))), 4)
        2.0
    """

    config_keys = ("l1",)

    def __init__(self, l1=0.01):
        super().__init__(l1=l1)


class L2(L1L2):
    """``l2 * sum(w^2)``: keeps weights small ("weight decay").

    Args:
        l2: Factor. Defaults to ``0.01``.

    Example:
        >>> round(float(L2(0.5)(np.array([1.0, -3.0], dtype="float32"))), 4)
        5.0
    """

    config_keys = ("l2",)

    def __init__(self, l2=0.01):
        super().__init__(l2=l2)


def l1(l1=0.01):
    """Return an `L1` regularizer (Keras 2's lowercase spelling).

    Example:
        >>> l1(0.1).l1
        0.1
    """
    return L1(l1)


def l2(l2=0.01):
    """Return an `L2` regularizer (Keras 2's lowercase spelling).

    Example:
        >>> l2(0.1).l2
        0.1
    """
    return L2(l2)


def l1_l2(l1=0.01, l2=0.01):
    """Return an `L1L2` regularizer with both factors defaulting to ``0.01``.

    Example:
        >>> l1_l2().get_config()
        {'l1': 0.01, 'l2': 0.01}
    """
    return L1L2(l1=l1, l2=l2)


ALL_REGULARIZERS = {"l1": l1, "l2": l2, "l1_l2": l1_l2, "l1l2": l1_l2}
# What `get` accepts: the names above and the class names (what a saved config holds).
REGULARIZERS = {**ALL_REGULARIZERS, "L1": L1, "L2": L2, "L1L2": L1L2}


def get(identifier):
    """Return a regularizer for a name, a config dict, an instance, a class or a callable.

    ``None`` gives ``None`` (no penalty). Names: ``"l1"``, ``"l2"``, ``"l1_l2"``
    (factors 0.01), or a class name such as ``"L2"``.

    Example:
        >>> type(get("l2")).__name__, get(None)
        ('L2', None)
    """
    return get_object(identifier, "regularizer", REGULARIZERS)


def serialize(regularizer):
    """Return ``{"class_name": ..., "config": ...}`` for a regularizer (``None`` stays ``None``).

    Example:
        >>> serialize(L2(0.5))
        {'class_name': 'L2', 'config': {'l2': 0.5}}
    """
    return serialize_object(regularizer)


def deserialize(config, custom_objects=None):
    """Inverse of `serialize`.

    Example:
        >>> deserialize({"class_name": "L1", "config": {"l1": 0.2}}).l1
        0.2
    """
    return get_object(config, "regularizer", REGULARIZERS, custom_objects)
