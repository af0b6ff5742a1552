"""VarianceScaling and its named forms (Glorot, He, LeCun): variance = scale / fan."""

import math

import numpy as np
import pytest

from kerasedu import initializers


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
