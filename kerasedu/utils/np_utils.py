"""Keras 1/2 module path ``keras.utils.np_utils``, kept so old tutorials import.

Modern code writes ``from kerasedu.utils import to_categorical``.

Example:
    >>> from kerasedu.utils import np_utils
    >>> np_utils.to_categorical([1], 2).tolist()
    [[0.0, 1.0]]
"""

from kerasedu.utils.numerical import normalize, to_categorical

__all__ = ["normalize", "to_categorical"]
