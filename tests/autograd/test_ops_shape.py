import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import Tensor, gradcheck
from kerasedu.backend import to_numpy
from tests.autograd.helpers import close, rand


def test_reshape_and_transpose(xp):
    x = rand(xp, 2, 3, 4)
    close(ag.reshape(x, (4, -1)), to_numpy(x).reshape(4, -1))
    close(ag.transpose(x, (2, 0, 1)), to_numpy(x).transpose(2, 0, 1))
    close(ag.transpose(x, (-1, 0, 1)), to_numpy(x).transpose(2, 0, 1))
    assert gradcheck(lambda t: ag.reshape(t, (4, 6)), [x])
    assert gradcheck(lambda t: ag.transpose(t, (1, 2, 0)), [x])


def test_reshape_mismatch_names_shapes():
    with pytest.raises(ValueError, match=r"reshape.*\(2, 3\).*\(4, 2\)"):
        ag.reshape(np.ones((2, 3)), (4, 2))


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


@pytest.mark.parametrize("axis", [0, 1, -1, -3])
def test_expand_dims(xp, axis):
    x = rand(xp, 2, 3)
    assert ag.expand_dims(x, axis).shape == np.expand_dims(np.zeros((2, 3)), axis).shape
    assert gradcheck(lambda t: ag.expand_dims(t, axis), [x])


def test_squeeze(xp):
    x = rand(xp, 2, 1, 3, 1)
    assert ag.squeeze(x).shape == (2, 3)
    assert ag.squeeze(x, axis=-1).shape == (2, 1, 3)
    assert ag.squeeze(x, axis=(1, 3)).shape == (2, 3)
    assert gradcheck(lambda t: ag.squeeze(t, axis=1), [x])
    with pytest.raises(ValueError, match=r"squeeze.*\(2, 1, 3, 1\)"):
        ag.squeeze(x, axis=0)


@pytest.mark.parametrize("pad_width", [1, (1, 2), ((0, 0), (2, 1)), [[1, 0], [0, 3]]])
def test_pad(xp, pad_width):
    x = rand(xp, 2, 3)
    close(ag.pad(x, pad_width), np.pad(to_numpy(x), pad_width))
    assert gradcheck(lambda t: ag.pad(t, pad_width), [x])


def test_pad_bad_width_raises():
    with pytest.raises(ValueError, match="pad"):
        ag.pad(np.ones((2, 3)), ((1, 1), (1, 1), (1, 1)))


@pytest.mark.parametrize("axis", [None, 0, -1])
def test_repeat(xp, axis):
    x = rand(xp, 2, 3)
    close(ag.repeat(x, 3, axis=axis), np.repeat(to_numpy(x), 3, axis=axis))
    assert gradcheck(lambda t: ag.repeat(t, 2, axis=axis), [x])


@pytest.mark.parametrize("reps", [2, (2, 1), (3, 1, 2)])
def test_tile(xp, reps):
    x = rand(xp, 2, 3)
    close(ag.tile(x, reps), np.tile(to_numpy(x), reps))
    assert gradcheck(lambda t: ag.tile(t, reps), [x])


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
