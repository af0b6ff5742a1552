import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import Tensor, gradcheck
from kerasedu.backend import to_numpy
from tests.autograd.helpers import close, rand


@pytest.mark.parametrize(
    "index",
    [
        (slice(None), 1),
        (slice(1, None), slice(None, None, 2)),
        (Ellipsis, -1),
        (np.array([0, 0, 1]),),
    ],
)
def test_getitem_forward_and_gradcheck(xp, index):
    x = rand(xp, 2, 5)
    index = tuple(xp.asarray(i) if isinstance(i, np.ndarray) else i for i in index)
    close(ag.getitem(x, index), to_numpy(x[index]))
    assert gradcheck(lambda t: ag.getitem(t, index), [x])


def test_getitem_repeated_indices_accumulate():
    x = Tensor(np.zeros(3), requires_grad=True)
    x[np.array([1, 1, 2])].sum().backward()
    np.testing.assert_allclose(x.grad, [0.0, 2.0, 1.0])


def test_take_is_an_embedding_lookup(xp):
    weights = rand(xp, 5, 3)
    indices = xp.asarray([[0, 4], [4, 4]])
    close(ag.take(weights, indices), to_numpy(weights)[to_numpy(indices)])
    assert gradcheck(lambda w: ag.take(w, indices), [weights])
    w = Tensor(np.zeros((5, 3)), requires_grad=True)
    ag.take(w, np.array([4, 4, 1])).sum().backward()
    np.testing.assert_allclose(w.grad[:, 0], [0, 1, 0, 0, 2])


def test_take_accepts_float_ids_and_rejects_out_of_range():
    assert ag.take(np.eye(3), np.array([2.0])).shape == (1, 3)
    with pytest.raises(ValueError, match=r"take.*\(3, 3\)"):
        ag.take(np.eye(3), np.array([3]))
