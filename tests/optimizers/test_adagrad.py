"""Adagrad and Adadelta vs NumPy."""

import numpy as np

from kerasedu.optimizers import Adadelta, Adagrad

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


def test_adadelta_matches_formula(problem):
    rho, lr = 0.95, 1.0

    def update(w, g, s, t):
        s["ag"] = rho * s["ag"] + (1 - rho) * g * g
        delta = -np.sqrt(s["ad"] + EPS) / np.sqrt(s["ag"] + EPS) * g
        s["ad"] = rho * s["ad"] + (1 - rho) * delta * delta
        w += lr * delta

    problem.check(Adadelta(lr), update, lambda w: {"ag": np.zeros_like(w), "ad": np.zeros_like(w)})
