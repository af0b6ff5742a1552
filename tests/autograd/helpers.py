"""Small helpers shared by the autograd tests."""

import numpy as np

from kerasedu.backend import to_numpy


def rand(xp, *shape, seed=0):
    """Standard-normal float64 array of ``shape`` on the device of ``xp``."""
    return xp.asarray(np.random.default_rng(seed).standard_normal(shape))


def close(tensor, expected, atol=1e-6):
    """Assert a Tensor's value equals a NumPy reference."""
    np.testing.assert_allclose(tensor.numpy(), to_numpy(expected), rtol=1e-5, atol=atol)
