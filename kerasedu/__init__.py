"""kerasedu: a readable Keras-compatible deep-learning library on NumPy (and CuPy).

Example:
    >>> import kerasedu
    >>> kerasedu.__version__
    '0.1.0'
"""

__version__ = "0.1.0"

from kerasedu import backend
from kerasedu import autograd
