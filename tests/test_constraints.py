"""Tests for kerasedu.constraints."""

import numpy as np
import pytest

from kerasedu import constraints


def test_max_norm_rescales_only_large_columns():
    w = np.array([[3.0, 0.3], [4.0, 0.4]])  # column norms 5 and 0.5
    out = constraints.MaxNorm(max_value=2.0)(w)
    np.testing.assert_allclose(np.linalg.norm(out, axis=0), [2.0, 0.5], rtol=1e-6)


def test_max_norm_conv_kernel_axes():
    w = np.random.default_rng(0).normal(size=(3, 3, 2, 4)) * 10
    out = constraints.MaxNorm(1.0, axis=[0, 1, 2])(w)
    norms = np.sqrt((out**2).sum(axis=(0, 1, 2)))
    np.testing.assert_allclose(norms, np.ones(4), rtol=1e-6)


def test_non_neg_and_unit_norm():
    assert constraints.NonNeg()(np.array([-1.0, 0.0, 2.0])).tolist() == [0.0, 0.0, 2.0]
    out = constraints.UnitNorm(axis=1)(np.array([[3.0, 4.0]]))
    np.testing.assert_allclose(out, [[0.6, 0.8]], rtol=1e-6)


def test_min_max_norm_with_rate():
    w = np.array([[0.3], [0.4]])  # norm 0.5
    out = constraints.MinMaxNorm(min_value=1.0, max_value=2.0, rate=0.5)(w)
    np.testing.assert_allclose(np.linalg.norm(out), 0.75, rtol=1e-6)  # half way from 0.5 to 1


def test_constraints_keep_dtype():
    w = np.ones((2, 2), dtype="float32")
    for name in constraints.ALL_CONSTRAINTS:
        assert constraints.get(name)(w).dtype == np.float32, name


def test_get_serialize_round_trip():
    c = constraints.MaxNorm(3, axis=[0, 1])
    rebuilt = constraints.deserialize(constraints.serialize(c))
    assert rebuilt.get_config() == c.get_config()
    assert constraints.get(None) is None
    assert type(constraints.get("non_neg")) is constraints.NonNeg


def test_unknown_constraint_lists_valid_names():
    with pytest.raises(ValueError, match="max_norm"):
        constraints.get("maxnorm")
