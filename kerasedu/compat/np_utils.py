"""Keras 1/2 module path ``keras.utils.np_utils``, kept so old tutorials run.

Keras 2.9 removed ``keras.utils.np_utils``; modern code writes
``from kerasedu.utils import to_categorical``. Using the functions from here
works and emits a DeprecationWarning that says so. `kerasedu.compat` makes this
module importable as ``kerasedu.utils.np_utils``.

Example:
    >>> import warnings
    >>> from kerasedu.utils import np_utils
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     np_utils.to_categorical([1], 2).tolist()
    [[0.0, 1.0]]
"""

from kerasedu.compat.renames import warn_legacy
from kerasedu.utils import numerical

__all__ = ["normalize", "to_categorical"]


def to_categorical(y, num_classes=None):
    """Legacy path of `kerasedu.utils.to_categorical` (same arguments); warns once per call site."""
    warn_legacy("utils.np_utils", "np_utils.to_categorical", "kerasedu.utils.to_categorical", "2.9")
    return numerical.to_categorical(y, num_classes=num_classes)


def normalize(x, axis=-1, order=2):
    """Legacy path of `kerasedu.utils.normalize` (same arguments)."""
    warn_legacy("utils.np_utils", "np_utils.normalize", "kerasedu.utils.normalize", "2.9")
    return numerical.normalize(x, axis=axis, order=order)
