"""AdamW vs NumPy: decoupled weight decay w -= w * weight_decay * lr before the Adam step."""

import numpy as np
import pytest

from kerasedu.optimizers import Adam, AdamW

EPS = 1e-7


def adamw_update(lr, weight_decay, b1=0.9, b2=0.999):
    def update(w, g, s, t):
        w -= w * weight_decay * lr
        s["m"] += (1 - b1) * (g - s["m"])
        s["v"] += (1 - b2) * (g * g - s["v"])
        lr_t = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
        w -= lr_t * s["m"] / (np.sqrt(s["v"]) + EPS)

    return update


def test_adamw_decays_weights_before_the_adam_step(problem):
    problem.check(
        AdamW(0.01, weight_decay=0.1),
        adamw_update(0.01, weight_decay=0.1),
        lambda w: {"m": np.zeros_like(w), "v": np.zeros_like(w)},
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
