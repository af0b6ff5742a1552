"""Random initializers: Keras's default ranges, truncation, orthogonality, seeds."""

import numpy as np

from kerasedu import initializers


def test_random_uniform_defaults():
    w = initializers.get("uniform")((10000,))
    assert w.min() >= -0.05 and w.max() < 0.05
    assert w.dtype == np.float32


def test_random_normal_defaults():
    w = initializers.RandomNormal(seed=1)((20000,))
    assert abs(w.mean()) < 0.002 and abs(w.std() - 0.05) < 0.002


def test_truncated_normal_redraws_beyond_two_stddev():
    w = initializers.TruncatedNormal(mean=1.0, stddev=0.5, seed=3)((20000,))
    assert w.min() >= 0.0 and w.max() <= 2.0
    assert abs(w.std() - 0.5 * 0.8796) < 0.01  # a 2-sigma truncated normal is narrower


def test_orthogonal_rows_and_columns():
    q = initializers.Orthogonal(gain=2.0, seed=0)((6, 4))
    np.testing.assert_allclose(q.T @ q, 4 * np.eye(4), atol=1e-5)
    wide = initializers.Orthogonal(seed=0)((3, 5))
    np.testing.assert_allclose(wide @ wide.T, np.eye(3), atol=1e-5)


def test_seeded_initializer_repeats_and_ignores_global_state():
    init = initializers.HeNormal(seed=42)
    np.random.seed(1)
    first = init((5, 5))
    np.random.seed(2)
    np.testing.assert_array_equal(first, init((5, 5)))
