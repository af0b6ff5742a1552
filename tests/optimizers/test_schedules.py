"""Learning-rate schedules vs their formulas, and config round trips."""

import numpy as np
import pytest

from kerasedu.optimizers import schedules


def test_exponential_decay():
    s = schedules.ExponentialDecay(0.1, decay_steps=3, decay_rate=0.5)
    np.testing.assert_allclose([s(k) for k in range(7)], [0.1 * 0.5 ** (k / 3) for k in range(7)])
    s = schedules.ExponentialDecay(0.1, decay_steps=3, decay_rate=0.5, staircase=True)
    assert [s(k) for k in (0, 2, 3, 5, 6)] == [0.1, 0.1, 0.05, 0.05, 0.025]


def test_inverse_time_decay():
    s = schedules.InverseTimeDecay(1.0, decay_steps=2, decay_rate=0.5)
    np.testing.assert_allclose([s(k) for k in range(4)], [1 / (1 + 0.5 * k / 2) for k in range(4)])
    s = schedules.InverseTimeDecay(1.0, decay_steps=2, decay_rate=1.0, staircase=True)
    assert [s(k) for k in range(4)] == [1.0, 1.0, 0.5, 0.5]


def test_piecewise_constant_decay():
    s = schedules.PiecewiseConstantDecay([2, 4], [1.0, 0.1, 0.01])
    assert [s(k) for k in range(6)] == [1.0, 1.0, 1.0, 0.1, 0.1, 0.01]
    with pytest.raises(ValueError, match="one more element"):
        schedules.PiecewiseConstantDecay([2, 4], [1.0, 0.1])


def test_schedule_config_round_trip():
    for s in (
        schedules.ExponentialDecay(0.1, 10, 0.9, staircase=True),
        schedules.InverseTimeDecay(0.1, 10, 0.9),
        schedules.PiecewiseConstantDecay([5], [0.1, 0.01]),
    ):
        rebuilt = schedules.deserialize(schedules.serialize(s))
        assert type(rebuilt) is type(s) and rebuilt.get_config() == s.get_config()
        assert rebuilt(7) == s(7)
    with pytest.raises(ValueError, match="Unknown learning rate schedule"):
        schedules.deserialize({"class_name": "Nope", "config": {}})


def test_bad_decay_steps():
    with pytest.raises(ValueError, match="decay_steps=0"):
        schedules.ExponentialDecay(0.1, 0, 0.5)
