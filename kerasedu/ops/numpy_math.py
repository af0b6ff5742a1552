"""NumPy's elementwise math, comparisons and reductions, as ``keras.ops`` names them.

Example:
    >>> from kerasedu import ops
    >>> ops.shape(ops.ones((2, 3)))
    (2, 3)
"""

__all__ = []
