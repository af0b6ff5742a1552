"""Adam (and amsgrad) vs a NumPy re-implementation of Keras's rule."""

import numpy as np
import pytest

from kerasedu.optimizers import Adam

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
