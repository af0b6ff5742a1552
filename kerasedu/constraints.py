"""Weight constraints: projections applied to a weight after each optimizer step.

A constraint is called on a raw array (NumPy or CuPy) and returns the projected
array; the optimizer writes it back into the Variable.

Example:
    >>> from kerasedu import constraints
    >>> constraints.NonNeg()(np.array([-1.0, 2.0])).tolist()
    [0.0, 2.0]
"""

from kerasedu.config import epsilon
from kerasedu.device import get_array_module
from kerasedu.lookup import Configurable, get_object, serialize_object


class Constraint(Configurable):
    """Base class: subclasses implement ``__call__(w) -> w`` on raw arrays."""

    def __call__(self, w):
        return w


def _norms(w, axis):
    """L2 norms of ``w`` along ``axis``, kept as size-1 axes so they broadcast back."""
    xp = get_array_module(w)
    return xp.sqrt((w * w).sum(axis=axis, keepdims=True))


class MaxNorm(Constraint):
    """Rescale each slice along ``axis`` whose L2 norm exceeds ``max_value`` down to it.

    For a Dense kernel ``(D_in, D_out)``, ``axis=0`` constrains the incoming
    weights of each unit; for a Conv2D kernel use ``axis=[0, 1, 2]``.

    Args:
        max_value: Largest allowed norm. Defaults to ``2``.
        axis: Axis or axes the norm is taken over. Defaults to ``0``.

    Example:
        >>> MaxNorm(1.0)(np.array([[3.0], [4.0]])).round(3).tolist()
        [[0.6], [0.8]]
    """

    config_keys = ("max_value", "axis")

    def __init__(self, max_value=2, axis=0):
        self.max_value, self.axis = max_value, axis

    def __call__(self, w):
        xp = get_array_module(w)
        norms = _norms(w, _axis(self.axis))
        desired = xp.clip(norms, 0, self.max_value)
        return w * (desired / (epsilon() + norms))


class NonNeg(Constraint):
    """Set negative weights to zero.

    Example:
        >>> NonNeg()(np.array([-0.5, 0.5])).tolist()
        [0.0, 0.5]
    """

    def __call__(self, w):
        xp = get_array_module(w)
        return xp.where(w >= 0, w, 0).astype(w.dtype, copy=False)  # where, not w * mask: no -0.0


class UnitNorm(Constraint):
    """Divide each slice along ``axis`` by its L2 norm.

    Args:
        axis: Axis or axes the norm is taken over. Defaults to ``0``.

    Example:
        >>> UnitNorm()(np.array([[3.0], [4.0]])).round(3).tolist()
        [[0.6], [0.8]]
    """

    config_keys = ("axis",)

    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, w):
        return w / (epsilon() + _norms(w, _axis(self.axis)))


class MinMaxNorm(Constraint):
    """Move each slice's L2 norm into ``[min_value, max_value]``, by a fraction ``rate``.

    The new norm is ``rate * clip(norm, min_value, max_value) + (1 - rate) * norm``.

    Args:
        min_value: Smallest allowed norm. Defaults to ``0.0``.
        max_value: Largest allowed norm. Defaults to ``1.0``.
        rate: ``1.0`` enforces the bounds at once; smaller values move part way.
            Defaults to ``1.0``.
        axis: Axis or axes the norm is taken over. Defaults to ``0``.

    Example:
        >>> MinMaxNorm(1.0, 2.0)(np.array([[0.3], [0.4]])).round(3).tolist()
        [[0.6], [0.8]]
    """

    config_keys = ("min_value", "max_value", "rate", "axis")

    def __init__(self, min_value=0.0, max_value=1.0, rate=1.0, axis=0):
        self.min_value, self.max_value, self.rate, self.axis = min_value, max_value, rate, axis

    def __call__(self, w):
        xp = get_array_module(w)
        norms = _norms(w, _axis(self.axis))
        clipped = xp.clip(norms, self.min_value, self.max_value)
        desired = self.rate * clipped + (1 - self.rate) * norms
        return w * (desired / (epsilon() + norms))


def _axis(axis):
    """Lists (from JSON configs) become tuples, which NumPy reductions accept."""
    return tuple(axis) if isinstance(axis, list) else axis


# Keras 2's lowercase aliases
max_norm = MaxNorm
non_neg = NonNeg
unit_norm = UnitNorm
min_max_norm = MinMaxNorm

ALL_CONSTRAINTS = {
    "max_norm": MaxNorm,
    "non_neg": NonNeg,
    "unit_norm": UnitNorm,
    "min_max_norm": MinMaxNorm,
}
# What `get` accepts: the names above and the class names (what a saved config holds).
CONSTRAINTS = {**ALL_CONSTRAINTS, **{cls.__name__: cls for cls in ALL_CONSTRAINTS.values()}}


def get(identifier):
    """Return a constraint for a name, a config dict, an instance, a class or a callable.

    ``None`` gives ``None`` (no constraint).

    Example:
        >>> type(get("max_norm")).__name__, get(None)
        ('MaxNorm', None)
    """
    return get_object(identifier, "constraint", CONSTRAINTS)


def serialize(constraint):
    """Return ``{"class_name": ..., "config": ...}`` for a constraint (``None`` stays ``None``).

    Example:
        >>> serialize(NonNeg())
        {'class_name': 'NonNeg', 'config': {}}
    """
    return serialize_object(constraint)


def deserialize(config, custom_objects=None):
    """Inverse of `serialize`.

    Example:
        >>> deserialize({"class_name": "MaxNorm", "config": {"max_value": 3}}).max_value
        3
    """
    return get_object(config, "constraint", CONSTRAINTS, custom_objects)
