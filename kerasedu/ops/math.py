"""``keras.ops.math``: functions NumPy lacks (``logsumexp``, ``top_k``, ``rsqrt``...).

Example:
    >>> from kerasedu import ops
    >>> ops.shape(ops.ones((2, 3)))
    (2, 3)
"""

__all__ = []
