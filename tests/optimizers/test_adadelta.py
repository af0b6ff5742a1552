"""Adadelta vs NumPy: steps scaled by the running RMS of past steps over that of gradients."""

import numpy as np
import pytest

from kerasedu.autograd import Variable
from kerasedu.optimizers import Adadelta

EPS = 1e-7


def test_adadelta_matches_formula(problem):
    rho, lr = 0.95, 1.0

    def update(w, g, s, t):
        s["ag"] = rho * s["ag"] + (1 - rho) * g * g
        delta = -np.sqrt(s["ad"] + EPS) / np.sqrt(s["ag"] + EPS) * g
        s["ad"] = rho * s["ad"] + (1 - rho) * delta * delta
        w += lr * delta

    problem.check(Adadelta(lr), update, lambda w: {"ag": np.zeros_like(w), "ad": np.zeros_like(w)})


@pytest.mark.parametrize("epsilon", [1e-7, 1e-3])
def test_adadelta_epsilon_sets_the_first_step(epsilon):
    # acc_delta starts at 0: step 1 is lr * sqrt(eps) / sqrt((1 - rho) g^2 + eps) * g
    w = Variable(np.array([1.0, -2.0], dtype="float32"))
    g = np.array([0.5, -4.0], dtype="float32")
    Adadelta(learning_rate=1.0, epsilon=epsilon).apply_gradients([(g, w)])
    step = np.sqrt(epsilon) / np.sqrt(0.05 * g.astype("float64") ** 2 + epsilon) * g
    np.testing.assert_allclose(w.numpy(), [1.0, -2.0] - step, rtol=1e-6)


def test_adadelta_defaults_and_slots_named_like_keras(problem):
    opt = Adadelta()
    assert (opt.learning_rate, opt.rho, opt.epsilon) == (pytest.approx(0.001), 0.95, 1e-7)
    problem.run(opt)
    names = [name for name, _ in opt.get_state()]
    assert names[0] == "iterations"
    assert names[1:3] == ["layer/v0/accumulated_grad", "layer/v0/accumulated_delta_var"]
