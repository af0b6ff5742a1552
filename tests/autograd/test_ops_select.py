import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import gradcheck
from kerasedu.backend import to_numpy
from tests.autograd.helpers import close, rand


@pytest.mark.parametrize("name, reference", [("maximum", np.maximum), ("minimum", np.minimum)])
def test_maximum_minimum_broadcast(xp, name, reference):
    a, b = rand(xp, 2, 3, seed=1), rand(xp, 3, seed=2)
    op = getattr(ag, name)
    close(op(a, b), reference(to_numpy(a), to_numpy(b)))
    assert gradcheck(op, [a, b])


def test_tie_sends_the_gradient_to_the_first_input():
    a, b = ag.Tensor([1.0], requires_grad=True), ag.Tensor([1.0], requires_grad=True)
    ag.maximum(a, b).sum().backward()
    assert (a.grad.tolist(), b.grad.tolist()) == ([1.0], [0.0])


def test_clip_and_where(xp):
    x = rand(xp, 4, 3, seed=6)
    close(ag.clip(x, -0.5, 0.5), np.clip(ag.Tensor(x).numpy(), -0.5, 0.5))
    assert gradcheck(lambda t: ag.clip(t, -0.5, 0.5), [x])
    condition = x > 0
    assert gradcheck(lambda a, b: ag.where(condition, a, b), [x, rand(xp, 3, seed=7)])
