import warnings

import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import gradcheck
from kerasedu.backend import to_numpy
from tests.autograd.helpers import close, rand


def _softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


@pytest.mark.parametrize("axis", [-1, 0, 1, -2])
def test_softmax_and_log_softmax(xp, axis):
    x = rand(xp, 3, 4, 2)
    expected = _softmax(to_numpy(x), axis)
    close(ag.softmax(x, axis=axis), expected)
    close(ag.log_softmax(x, axis=axis), np.log(expected))
    assert gradcheck(lambda t: ag.softmax(t, axis=axis), [x])
    assert gradcheck(lambda t: ag.log_softmax(t, axis=axis), [x])


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_extreme_logits_stay_finite_without_warnings(dtype):
    logits = np.array([[1e4, 0.0, -1e4], [-1e4, -1e4, -1e4], [3e38, 0.0, 1.0]], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        x = ag.Tensor(logits, requires_grad=True)
        probabilities = ag.softmax(x)
        log_probabilities = ag.log_softmax(x)
        (probabilities.sum() + log_probabilities[:, 0].sum()).backward()
    assert np.all(np.isfinite(probabilities.numpy()))
    assert np.all(np.isfinite(log_probabilities.numpy()))
    assert np.all(np.isfinite(x.grad))
    np.testing.assert_allclose(probabilities.numpy()[0], [1.0, 0.0, 0.0])
    np.testing.assert_allclose(log_probabilities.numpy()[0, 1], -1e4)
    assert probabilities.dtype == np.dtype(dtype)


def test_softmax_bad_axis_names_shape():
    with pytest.raises(ValueError, match=r"softmax.*\(2, 3\)"):
        ag.softmax(np.ones((2, 3)), axis=2)
