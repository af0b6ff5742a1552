"""Gradient clipping by each gradient's norm and by the joint norm of all of them."""

import numpy as np

from kerasedu.optimizers.clipping import clip_by_global_norm, clip_by_norm


def test_clip_by_norm_scales_a_long_gradient_to_the_limit():
    clipped = clip_by_norm(np.array([3.0, 4.0]), 2.0)
    np.testing.assert_allclose(clipped, [1.2, 1.6])
    assert np.isclose(np.linalg.norm(clipped), 2.0)


def test_clip_by_norm_leaves_a_short_gradient_alone():
    np.testing.assert_allclose(clip_by_norm(np.array([0.3, 0.4]), 2.0), [0.3, 0.4])


def test_clip_by_global_norm_uses_one_factor_for_all():
    a, b = clip_by_global_norm([np.array([3.0, 0.0]), np.array([0.0, 4.0])], 1.0)
    np.testing.assert_allclose(a, [0.6, 0.0])
    np.testing.assert_allclose(b, [0.0, 0.8])
