import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import Tensor, gradcheck
from kerasedu.backend import to_numpy
from tests.autograd.helpers import close, rand


@pytest.mark.parametrize("axis", [0, 1, -1, -2])
def test_concatenate(xp, axis):
    shapes = [[2, 3, 4], [2, 3, 4]]
    shapes[1][axis] = 1
    a, b = rand(xp, *shapes[0], seed=1), rand(xp, *shapes[1], seed=2)
    close(ag.concatenate([a, b], axis=axis), np.concatenate([to_numpy(a), to_numpy(b)], axis=axis))
    assert gradcheck(lambda s, t: ag.concatenate([s, t, s], axis=axis), [a, b])


def test_concatenate_mismatch_names_op_and_shapes():
    with pytest.raises(ValueError, match=r"concatenate.*\(2, 3\), \(2, 4\)"):
        ag.concatenate([np.ones((2, 3)), np.ones((2, 4))], axis=0)
    with pytest.raises(ValueError, match="concatenate"):
        ag.concatenate([np.ones((2, 3)), np.ones(3)])


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_stack(xp, axis):
    a, b = rand(xp, 2, 3, seed=1), rand(xp, 2, 3, seed=2)
    close(ag.stack([a, b], axis=axis), np.stack([to_numpy(a), to_numpy(b)], axis=axis))
    assert gradcheck(lambda s, t: ag.stack([s, t], axis=axis), [a, b])
    with pytest.raises(ValueError, match=r"stack.*\(2, 3\), \(3,\)"):
        ag.stack([a, np.ones(3)])


@pytest.mark.parametrize("sections", [3, [1, 4], [2]])
def test_split(xp, sections):
    x = rand(xp, 2, 6)
    parts = ag.split(x, sections, axis=-1)
    expected = np.split(to_numpy(x), sections, axis=-1)
    assert len(parts) == len(expected)
    for part, ref in zip(parts, expected):
        close(part, ref)
    weights = [float(i + 1) for i in range(len(parts))]
    assert gradcheck(
        lambda t: sum_of([p * w for p, w in zip(ag.split(t, sections, axis=1), weights)]), [x]
    )


def sum_of(tensors):
    total = tensors[0].sum()
    for t in tensors[1:]:
        total = total + t.sum()
    return total


def test_split_unequal_raises():
    with pytest.raises(ValueError, match="split"):
        ag.split(np.ones(5), 2)


def test_split_gradient_reaches_input():
    x = Tensor(np.arange(4.0), requires_grad=True)
    first, second = ag.split(x, 2)
    (second * 3.0).sum().backward()
    np.testing.assert_allclose(x.grad, [0, 0, 3, 3])
