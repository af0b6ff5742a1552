import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import gradcheck
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
