"""`set_random_seed`: one call that makes a run reproducible.

Example:
    >>> set_random_seed(0)
    >>> a = np.random.rand()
    >>> set_random_seed(0)
    >>> a == np.random.rand()
    True
"""

import random

import numpy as np

from kerasedu.device import get_device, xp


def set_random_seed(seed):
    """Seed Python's ``random``, NumPy's global generator and, on the GPU, CuPy's.

    Weights are drawn from NumPy's global generator and shuffling uses it too,
    so after this call building and fitting a model gives the same numbers again.

    Args:
        seed: A non-negative integer.

    Returns:
        None.

    Example:
        >>> set_random_seed(42)
    """
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"The seed must be a non-negative integer. Received: seed={seed!r}")
    random.seed(seed)
    np.random.seed(seed)
    if get_device() == "gpu":
        xp().random.seed(seed)  # CuPy's own generator (dropout masks drawn on the GPU)
