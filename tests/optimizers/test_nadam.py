"""Nadam vs NumPy: Adam with Nesterov momentum and Keras's momentum schedule."""

import numpy as np
import pytest

from kerasedu.optimizers import Nadam

EPS = 1e-7


def test_nadam_matches_formula(problem):
    lr, b1, b2 = 0.01, 0.9, 0.999
    u_product = {"value": 1.0}
    n_vars = len(problem.weights)
    calls = {"count": 0}

    def update(w, g, s, t):
        mu_t = b1 * (1 - 0.5 * 0.96**t)
        mu_next = b1 * (1 - 0.5 * 0.96 ** (t + 1))
        if calls["count"] % n_vars == 0:  # once per step, before the first variable
            u_product["value"] *= mu_t
        calls["count"] += 1
        u = u_product["value"]
        s["m"] += (1 - b1) * (g - s["m"])
        s["v"] += (1 - b2) * (g * g - s["v"])
        m_hat = mu_next * s["m"] / (1 - u * mu_next) + (1 - mu_t) * g / (1 - u)
        v_hat = s["v"] / (1 - b2**t)
        w -= lr * m_hat / (np.sqrt(v_hat) + EPS)

    problem.check(Nadam(lr), update, lambda w: {"m": np.zeros_like(w), "v": np.zeros_like(w)})
    opt = Nadam(lr)
    problem.run(opt)
    assert opt.get_state()[1][0] == "u_product"
    assert opt.u_product == pytest.approx(u_product["value"])


def test_nadam_momentum_schedule_product_after_three_steps(problem):
    # u_product = prod_t beta_1 * (1 - 0.5 * 0.96^t), t = 1..3
    opt = Nadam(0.01)
    problem.run(opt, grads=problem.grads[:3])
    expected = np.prod([0.9 * (1 - 0.5 * 0.96**t) for t in (1, 2, 3)])
    assert opt.u_product == pytest.approx(expected)
