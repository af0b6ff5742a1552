"""Adamax vs NumPy: Adam with the infinity norm, u = max(beta_2 * u, |g|)."""

import numpy as np
import pytest

from kerasedu.autograd import Variable
from kerasedu.optimizers import Adamax

EPS = 1e-7


def zeros(*names):
    return lambda w: {name: np.zeros_like(w) for name in names}


def test_adamax_matches_formula(problem):
    lr, b1, b2 = 0.01, 0.9, 0.999

    def update(w, g, s, t):
        s["m"] += (1 - b1) * (g - s["m"])
        s["u"] = np.maximum(b2 * s["u"], np.abs(g))
        w -= lr * s["m"] / ((1 - b1**t) * (s["u"] + EPS))

    problem.check(Adamax(lr), update, zeros("m", "u"))


def test_adamax_first_step_is_lr_times_the_sign_of_the_gradient():
    # t = 1: m = (1 - b1) g, u = |g|, so the step is lr * g / (|g| + eps) = lr * sign(g)
    w = Variable(np.array([0.0, 0.0], dtype="float32"))
    Adamax(learning_rate=0.1).apply_gradients([(np.array([3.0, -0.5], dtype="float32"), w)])
    np.testing.assert_allclose(w.numpy(), [-0.1, 0.1], rtol=1e-5)


def test_adamax_defaults_and_slots_named_like_keras(problem):
    opt = Adamax()
    assert opt.learning_rate == pytest.approx(0.001)
    assert (opt.beta_1, opt.beta_2, opt.epsilon) == (0.9, 0.999, 1e-7)
    problem.run(opt)
    names = [name for name, _ in opt.get_state()]
    assert names[1:3] == ["layer/v0/momentum", "layer/v0/norm"]
