"""Tests for kerasedu.initializers: distributions, fans, seeding, get/serialize."""

import math

import numpy as np
import pytest

from kerasedu import initializers


def test_compute_fans_dense_and_conv():
    assert initializers.compute_fans((784, 10)) == (784, 10)
    assert initializers.compute_fans((3, 3, 16, 32)) == (144, 288)
    assert initializers.compute_fans((5, 4, 8)) == (20, 40)  # Conv1D kernel (k, C_in, C_out)
    assert initializers.compute_fans((7,)) == (7, 7)


def test_constant_zeros_ones():
    assert initializers.get("zeros")((2, 2)).tolist() == [[0.0, 0.0], [0.0, 0.0]]
    assert initializers.get("ones")((3,)).dtype == np.float32
    assert initializers.Constant(0.25)((2,), dtype="float64").dtype == np.float64


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


def test_glorot_uniform_limit_and_variance():
    w = initializers.GlorotUniform(seed=0)((300, 200))
    limit = math.sqrt(6 / (300 + 200))
    assert np.abs(w).max() <= limit
    assert abs(w.var() - 2 / 500) < 2e-4


@pytest.mark.parametrize(
    "name, variance",
    [
        ("glorot_normal", 2 / (400 + 100)),
        ("he_normal", 2 / 400),
        ("lecun_normal", 1 / 400),
        ("he_uniform", 2 / 400),
        ("lecun_uniform", 1 / 400),
    ],
)
def test_variance_scaling_family_variance(name, variance):
    np.random.seed(0)
    w = initializers.get(name)((400, 100))
    assert abs(w.var() - variance) / variance < 0.05


def test_variance_scaling_conv_kernel_uses_receptive_field():
    w = initializers.VarianceScaling(2.0, "fan_in", "uniform", seed=0)((3, 3, 8, 16))
    assert np.abs(w).max() <= math.sqrt(3 * 2.0 / (3 * 3 * 8))


def test_variance_scaling_truncated_correction():
    w = initializers.VarianceScaling(1.0, "fan_in", "truncated_normal", seed=0)((1000, 50))
    std = math.sqrt(1 / 1000) / 0.87962566103423978
    assert np.abs(w).max() <= 2 * std + 1e-9
    assert abs(w.std() - math.sqrt(1 / 1000)) / math.sqrt(1 / 1000) < 0.03


def test_variance_scaling_rejects_bad_arguments():
    with pytest.raises(ValueError, match="mode"):
        initializers.VarianceScaling(mode="fan_sideways")
    with pytest.raises(ValueError, match="distribution"):
        initializers.VarianceScaling(distribution="cauchy")


def test_orthogonal_rows_and_columns():
    q = initializers.Orthogonal(gain=2.0, seed=0)((6, 4))
    np.testing.assert_allclose(q.T @ q, 4 * np.eye(4), atol=1e-5)
    wide = initializers.Orthogonal(seed=0)((3, 5))
    np.testing.assert_allclose(wide @ wide.T, np.eye(3), atol=1e-5)


def test_identity():
    assert initializers.Identity(gain=3.0)((2, 3)).tolist() == [[3.0, 0.0, 0.0], [0.0, 3.0, 0.0]]
    with pytest.raises(ValueError, match="2-D"):
        initializers.Identity()((2, 2, 2))


def test_global_seed_makes_draws_reproducible():
    init = initializers.get("glorot_uniform")
    np.random.seed(0)
    first = init((4, 3))
    np.random.seed(0)
    second = init((4, 3))
    np.testing.assert_array_equal(first, second)


def test_seeded_initializer_repeats_and_ignores_global_state():
    init = initializers.HeNormal(seed=42)
    np.random.seed(1)
    first = init((5, 5))
    np.random.seed(2)
    np.testing.assert_array_equal(first, init((5, 5)))


def test_get_accepts_names_classes_dicts_instances_and_callables():
    assert type(initializers.get("GlorotUniform")).__name__ == "GlorotUniform"
    assert type(initializers.get(initializers.Zeros)).__name__ == "Zeros"
    instance = initializers.Ones()
    assert initializers.get(instance) is instance
    config = {"class_name": "RandomUniform", "config": {"minval": 0.0, "maxval": 1.0, "seed": 3}}
    assert initializers.get(config).maxval == 1.0

    def custom(shape, dtype=None):
        return np.full(shape, 7.0)

    assert initializers.get(custom) is custom
    assert initializers.get(None) is None


def test_unknown_initializer_lists_valid_names():
    with pytest.raises(ValueError, match="glorot_uniform"):
        initializers.get("glorot_uniformm")


@pytest.mark.parametrize("name", sorted(initializers.ALL_INITIALIZERS))
def test_serialize_round_trip(name):
    init = initializers.get(name)
    if hasattr(init, "seed"):
        init.seed = 5
    shape = (4, 4)
    rebuilt = initializers.deserialize(initializers.serialize(init))
    assert type(rebuilt) is type(init)
    np.testing.assert_array_equal(rebuilt(shape), init(shape))
