"""RMSprop: epsilon inside the square root; centered and momentum variants vs NumPy."""

import numpy as np
import pytest

from kerasedu.optimizers import RMSprop

EPS = 1e-7


@pytest.mark.parametrize("centered", [False, True])
@pytest.mark.parametrize("momentum", [0.0, 0.8])
def test_rmsprop_matches_formula(problem, centered, momentum):
    lr, rho = 0.01, 0.9

    def update(w, g, s, t):
        s["v"] = rho * s["v"] + (1 - rho) * g * g
        if centered:
            s["a"] = rho * s["a"] + (1 - rho) * g
            step = lr * g / np.sqrt(s["v"] - s["a"] ** 2 + EPS)
        else:
            step = lr * g / np.sqrt(s["v"] + EPS)
        if momentum:
            s["m"] = momentum * s["m"] + step
            step = s["m"]
        w -= step

    def new_state(w):
        return {"v": np.zeros_like(w), "a": np.zeros_like(w), "m": np.zeros_like(w)}

    opt = RMSprop(lr, rho=rho, momentum=momentum, centered=centered)
    problem.check(opt, update, new_state, rtol=1e-4, atol=1e-5)
    expected_slots = 1 + (momentum > 0) + centered
    assert len(opt.get_state()) == 1 + 2 * expected_slots


def test_rmsprop_epsilon_none_means_default():
    assert RMSprop(epsilon=None).epsilon == EPS
