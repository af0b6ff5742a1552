"""SGD: plain, momentum and Nesterov updates vs NumPy."""

import numpy as np
import pytest

from kerasedu.optimizers import SGD


def test_sgd_plain(problem):
    def update(w, g, state, t):
        w -= 0.01 * g

    problem.check(SGD(), update)


@pytest.mark.parametrize("nesterov", [False, True])
def test_sgd_momentum(problem, nesterov):
    def update(w, g, state, t):
        state["m"] = 0.9 * state["m"] - 0.05 * g
        w += 0.9 * state["m"] - 0.05 * g if nesterov else state["m"]

    problem.check(
        SGD(0.05, momentum=0.9, nesterov=nesterov), update, lambda w: {"m": np.zeros_like(w)}
    )


def test_sgd_rejects_bad_momentum():
    with pytest.raises(ValueError, match="momentum=1.5"):
        SGD(momentum=1.5)


def test_sgd_slots_named_like_keras(problem):
    opt = SGD(momentum=0.5)
    problem.run(opt)
    names = [name for name, _ in opt.get_state()]
    assert names == ["iterations", "layer/v0/momentum", "layer/v1/momentum"]
    assert [name for name, _ in SGD().get_state()] == ["iterations"]
