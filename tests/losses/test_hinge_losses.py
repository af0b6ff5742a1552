"""Hinge losses vs NumPy and gradcheck; {0, 1} labels become {-1, +1} only when all are 0 or 1."""

import numpy as np
import pytest

from kerasedu import losses
from kerasedu.autograd import Tensor
from kerasedu.autograd.gradcheck import gradcheck
from tests.losses.references import REFERENCES, inputs

HINGE = ["categorical_hinge", "hinge", "squared_hinge"]


@pytest.mark.parametrize("name", HINGE)
def test_loss_forward_matches_numpy(name):
    t, p = inputs(name)
    result = losses.get(name)(t, p)
    assert isinstance(result, Tensor) and result.dtype == np.float32 and result.shape == (5,)
    np.testing.assert_allclose(result.numpy(), REFERENCES[name](t, p), rtol=2e-5, atol=1e-6)


@pytest.mark.parametrize("name", HINGE)
def test_loss_gradient_matches_gradcheck(name):
    t, p = inputs(name)
    assert gradcheck(lambda pred: losses.get(name)(t.astype("float64"), pred), [p])


def test_hinge_keeps_signed_labels_and_converts_only_all_01():
    p = np.array([[0.3, -0.6]], dtype="float32")
    np.testing.assert_allclose(losses.hinge([[1.0, -1.0]], p).numpy(), [(0.7 + 0.4) / 2], rtol=1e-6)
    np.testing.assert_allclose(losses.hinge([[1.0, 0.0]], p).numpy(), [(0.7 + 0.4) / 2], rtol=1e-6)
    # a 0 among -1/+1 labels is not converted
    np.testing.assert_allclose(losses.hinge([[-1.0, 0.0]], p).numpy(), [(1.3 + 1.0) / 2], rtol=1e-6)
