"""Adagrad vs NumPy: the accumulator of squared gradients starts at 0.1."""

import numpy as np

from kerasedu.optimizers import Adagrad

EPS = 1e-7


def test_adagrad_matches_formula(problem):
    def update(w, g, s, t):
        s["acc"] += g * g
        w -= 0.1 * g / np.sqrt(s["acc"] + EPS)

    problem.check(Adagrad(0.1), update, lambda w: {"acc": np.full_like(w, 0.1)})


def test_adagrad_accumulator_starts_at_initial_value(problem):
    opt = Adagrad(initial_accumulator_value=0.5)
    opt.build(problem.variables())
    assert all(np.all(array == 0.5) for name, array in opt.get_state()[1:])
