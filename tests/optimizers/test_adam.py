"""Adam (and amsgrad), Adamax, Nadam and AdamW vs NumPy re-implementations of Keras's rules."""

import numpy as np
import pytest

from kerasedu.optimizers import Adam, Adamax, AdamW, Nadam

EPS = 1e-7


def adam_update(lr, b1=0.9, b2=0.999, amsgrad=False, weight_decay=None):
    def update(w, g, s, t):
        if weight_decay:
            w -= w * weight_decay * lr
        s["m"] += (1 - b1) * (g - s["m"])
        s["v"] += (1 - b2) * (g * g - s["v"])
        s["vh"] = np.maximum(s["vh"], s["v"])
        v = s["vh"] if amsgrad else s["v"]
        lr_t = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
        w -= lr_t * s["m"] / (np.sqrt(v) + EPS)

    return update


def zeros(*names):
    return lambda w: {name: np.zeros_like(w) for name in names}


@pytest.mark.parametrize("amsgrad", [False, True])
def test_adam_matches_formula(problem, amsgrad):
    problem.check(
        Adam(0.01, amsgrad=amsgrad), adam_update(0.01, amsgrad=amsgrad), zeros("m", "v", "vh")
    )


def test_amsgrad_differs_when_gradients_shrink(problem):
    problem.grads = [[g * 10.0**-k for g in step] for k, step in enumerate(problem.grads)]
    problem.check(Adam(0.01, amsgrad=True), adam_update(0.01, amsgrad=True), zeros("m", "v", "vh"))
    plain = problem.run(Adam(0.01))[0].numpy()
    ams = problem.run(Adam(0.01, amsgrad=True))[0].numpy()
    assert not np.allclose(plain, ams)


def test_adamw_decays_weights_before_the_adam_step(problem):
    problem.check(
        AdamW(0.01, weight_decay=0.1), adam_update(0.01, weight_decay=0.1), zeros("m", "v", "vh")
    )
    assert AdamW().weight_decay == 0.004
    with pytest.raises(ValueError, match="weight_decay=None"):
        AdamW(weight_decay=None)


def test_exclude_from_weight_decay(problem):
    variables = problem.variables()
    opt = AdamW(0.01, weight_decay=0.5)
    opt.exclude_from_weight_decay(var_names=["v1"])
    problem.run(opt, variables)
    reference = problem.variables()
    problem.run(Adam(0.01), reference)
    np.testing.assert_allclose(variables[1].numpy(), reference[1].numpy())
    assert not np.allclose(variables[0].numpy(), reference[0].numpy())


def test_adamax_matches_formula(problem):
    lr, b1, b2 = 0.01, 0.9, 0.999

    def update(w, g, s, t):
        s["m"] += (1 - b1) * (g - s["m"])
        s["u"] = np.maximum(b2 * s["u"], np.abs(g))
        w -= lr * s["m"] / ((1 - b1**t) * (s["u"] + EPS))

    problem.check(Adamax(lr), update, zeros("m", "u"))


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

    problem.check(Nadam(lr), update, zeros("m", "v"))
    opt = Nadam(lr)
    problem.run(opt)
    assert opt.get_state()[1][0] == "u_product"
    assert opt.u_product == pytest.approx(u_product["value"])
