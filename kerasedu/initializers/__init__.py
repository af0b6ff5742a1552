"""Weight initializers: how a layer's weights start, with Keras's names and defaults.

An initializer is called as ``init(shape, dtype=None)`` and returns a NumPy
array. Random ones draw from NumPy's global random state (so
``np.random.seed(0)`` makes a model reproducible) unless given a ``seed``, in
which case they use their own generator and return the same values every call.

Example:
    >>> from kerasedu import initializers
    >>> init = initializers.get("glorot_uniform")
    >>> init((3, 2)).shape
    (3, 2)
    >>> initializers.Constant(2.0)((2,)).tolist()
    [2.0, 2.0]
"""

from kerasedu.initializers.constant import Constant, Identity, Ones, Zeros
from kerasedu.initializers.initializer import Initializer, compute_fans
from kerasedu.initializers.random import (
    Orthogonal,
    RandomInitializer,
    RandomNormal,
    RandomUniform,
    TruncatedNormal,
)
from kerasedu.initializers.variance_scaling import (
    GlorotNormal,
    GlorotUniform,
    HeNormal,
    HeUniform,
    LecunNormal,
    LecunUniform,
    VarianceScaling,
)
from kerasedu.lookup import get_object, serialize_object

ALL_INITIALIZERS = {
    "zeros": Zeros,
    "ones": Ones,
    "constant": Constant,
    "random_uniform": RandomUniform,
    "uniform": RandomUniform,
    "random_normal": RandomNormal,
    "normal": RandomNormal,
    "truncated_normal": TruncatedNormal,
    "variance_scaling": VarianceScaling,
    "glorot_uniform": GlorotUniform,
    "glorot_normal": GlorotNormal,
    "he_uniform": HeUniform,
    "he_normal": HeNormal,
    "lecun_uniform": LecunUniform,
    "lecun_normal": LecunNormal,
    "orthogonal": Orthogonal,
    "identity": Identity,
}
# What `get` accepts: the names above and the class names (what a saved config holds).
INITIALIZERS = {**ALL_INITIALIZERS, **{cls.__name__: cls for cls in ALL_INITIALIZERS.values()}}


def get(identifier):
    """Return an initializer for a name, a config dict, an instance or a callable.

    Args:
        identifier: ``"glorot_uniform"`` (or the class name ``"GlorotUniform"``),
            ``{"class_name": ..., "config": {...}}``, an `Initializer`, an
            Initializer class, or any callable ``f(shape, dtype=None)``.
            ``None`` gives ``None``.

    Raises:
        ValueError: for an unknown name (the message suggests the closest and lists the valid ones).

    Example:
        >>> type(get("he_normal")).__name__
        'HeNormal'
        >>> get({"class_name": "Constant", "config": {"value": 3.0}})((1,)).tolist()
        [3.0]
    """
    return get_object(identifier, "initializer", INITIALIZERS)


def serialize(initializer):
    """Return ``{"class_name": ..., "config": ...}`` for an initializer (``None`` stays ``None``).

    Example:
        >>> serialize(Constant(1.0))
        {'class_name': 'Constant', 'config': {'value': 1.0}}
    """
    return serialize_object(initializer)


def deserialize(config, custom_objects=None):
    """Inverse of `serialize`: build the initializer a config dict (or name) describes.

    Example:
        >>> type(deserialize({"class_name": "Zeros", "config": {}})).__name__
        'Zeros'
    """
    return get_object(config, "initializer", INITIALIZERS, custom_objects)
