"""Regression losses (mse, mae, mape, msle, huber, log_cosh, cosine) vs NumPy and gradcheck."""

import warnings

import numpy as np
import pytest

from kerasedu import losses
from kerasedu.autograd import Tensor
from kerasedu.autograd.gradcheck import gradcheck
from tests.losses.references import REFERENCES, inputs

REGRESSION = [
    "cosine_similarity",
    "huber",
    "log_cosh",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "mean_squared_logarithmic_error",
]


@pytest.mark.parametrize("name", REGRESSION)
def test_loss_forward_matches_numpy(name):
    t, p = inputs(name)
    result = losses.get(name)(t, p)
    assert isinstance(result, Tensor) and result.dtype == np.float32 and result.shape == (5,)
    np.testing.assert_allclose(result.numpy(), REFERENCES[name](t, p), rtol=2e-5, atol=1e-6)


@pytest.mark.parametrize("name", REGRESSION)
def test_loss_gradient_matches_gradcheck(name):
    t, p = inputs(name)
    assert gradcheck(lambda pred: losses.get(name)(t.astype("float64"), pred), [p])


def test_regression_target_of_rank_one_is_matched_not_broadcast():
    y = np.array([1.0, 2.0, 3.0], dtype="float32")
    p = np.array([[1.0], [2.0], [5.0]], dtype="float32")
    np.testing.assert_allclose(losses.mse(y, p).numpy(), [0.0, 0.0, 4.0])
    np.testing.assert_allclose(losses.mse(p, y).numpy(), [0.0, 0.0, 4.0])


def test_cosine_proximity_warns_and_equals_cosine_similarity():
    t, p = inputs("cosine_similarity")
    with pytest.warns(DeprecationWarning, match="cosine_similarity"):
        old = losses.cosine_proximity(t, p)
    np.testing.assert_allclose(old.numpy(), losses.cosine_similarity(t, p).numpy())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert float(losses.CosineSimilarity()([[1.0, 0.0]], [[1.0, 0.0]])) == pytest.approx(-1.0)
