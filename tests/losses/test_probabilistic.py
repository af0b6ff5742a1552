"""Crossentropies, KL divergence and Poisson vs NumPy versions of Keras's formulas; gradcheck."""

import numpy as np
import pytest

from kerasedu import losses
from kerasedu.autograd import Tensor
from kerasedu.autograd.gradcheck import gradcheck
from tests.losses.references import EPS, REFERENCES, RNG, inputs, one_hot, probs, ref_bce, ref_cce

PROBABILISTIC = [
    "binary_crossentropy",
    "categorical_crossentropy",
    "kl_divergence",
    "poisson",
]


@pytest.mark.parametrize("name", PROBABILISTIC)
def test_loss_forward_matches_numpy(name):
    t, p = inputs(name)
    result = losses.get(name)(t, p)
    assert isinstance(result, Tensor) and result.dtype == np.float32 and result.shape == (5,)
    np.testing.assert_allclose(result.numpy(), REFERENCES[name](t, p), rtol=2e-5, atol=1e-6)


@pytest.mark.parametrize("name", PROBABILISTIC)
def test_loss_gradient_matches_gradcheck(name):
    t, p = inputs(name)
    assert gradcheck(lambda pred: losses.get(name)(t.astype("float64"), pred), [p])


def test_probability_losses_clip_extremes():
    t = np.array([[1.0, 0.0]], dtype="float32")
    p = np.array([[0.0, 1.0]], dtype="float32")
    np.testing.assert_allclose(losses.binary_crossentropy(t, p).numpy(), ref_bce(t, p), rtol=1e-5)
    assert np.isfinite(losses.categorical_crossentropy(t, p).numpy()).all()
    np.testing.assert_allclose(
        losses.categorical_crossentropy(t, p).numpy(), [-np.log(EPS)], rtol=1e-3
    )


def test_categorical_crossentropy_rescales_rows():
    t = one_hot([0, 2], 3)
    p = np.array([[2.0, 1.0, 1.0], [0.5, 0.5, 1.0]], dtype="float32")
    np.testing.assert_allclose(
        losses.categorical_crossentropy(t, p).numpy(), [-np.log(0.5), -np.log(0.5)], rtol=1e-6
    )


@pytest.mark.parametrize("ls", [0.0, 0.1])
def test_crossentropy_from_logits_with_extreme_logits(ls):
    t = one_hot([0, 1, 2], 3)
    x = np.array([[1e4, -1e4, 0.0], [50.0, -50.0, 3.0], [-200.0, 0.0, 200.0]], dtype="float32")
    cce = losses.categorical_crossentropy(t, x, from_logits=True, label_smoothing=ls).numpy()
    np.testing.assert_allclose(cce, ref_cce(t, x, True, ls), rtol=1e-5)
    tb = np.array([[1.0, 0.0, 1.0]], dtype="float32")
    xb = np.array([[-1e4, 1e4, 80.0]], dtype="float32")
    bce = losses.binary_crossentropy(tb, xb, from_logits=True, label_smoothing=ls).numpy()
    np.testing.assert_allclose(bce, ref_bce(tb, xb, True, ls), rtol=1e-5)
    assert gradcheck(
        lambda x: losses.categorical_crossentropy(t[1:2], x, from_logits=True), [x[1:2] / 10]
    )
    assert gradcheck(lambda x: losses.binary_crossentropy(tb, x, from_logits=True), [xb / 1e3])


@pytest.mark.parametrize("ls", [0.1, 0.3])
def test_label_smoothing_on_probabilities(ls):
    t, p = one_hot([1, 3], 4), probs(2, 4)
    np.testing.assert_allclose(
        losses.categorical_crossentropy(t, p, label_smoothing=ls).numpy(),
        ref_cce(t, p, ls=ls),
        rtol=1e-5,
    )
    tb, pb = np.array([[0.0, 1.0]], dtype="float32"), np.array([[0.2, 0.9]], dtype="float32")
    np.testing.assert_allclose(
        losses.BinaryCrossentropy(label_smoothing=ls)(tb, pb).numpy(),
        ref_bce(tb, pb, ls=ls).mean(),
        rtol=1e-5,
    )


@pytest.mark.parametrize("from_logits", [False, True])
def test_sparse_matches_categorical_on_one_hot(from_logits):
    labels = np.array([2, 0, 1, 2])
    p = probs(4, 3) if not from_logits else RNG.standard_normal((4, 3)).astype("float32")
    expected = losses.categorical_crossentropy(one_hot(labels, 3), p, from_logits=from_logits)
    for y in (labels, labels.reshape(4, 1), labels.astype("float32")):
        got = losses.sparse_categorical_crossentropy(y, p, from_logits=from_logits)
        np.testing.assert_allclose(got.numpy(), expected.numpy(), rtol=1e-6)
    assert gradcheck(lambda x: losses.sparse_categorical_crossentropy(labels, x, from_logits), [p])


def test_crossentropy_axis_argument():
    t, p = one_hot([0, 1, 2], 3), probs(3, 3)
    got = losses.categorical_crossentropy(t.T, p.T, axis=0).numpy()
    np.testing.assert_allclose(got, ref_cce(t, p), rtol=1e-6)
    got = losses.sparse_categorical_crossentropy([0, 1, 2], p.T, axis=0).numpy()
    np.testing.assert_allclose(got, ref_cce(t, p), rtol=1e-6)


def test_crossentropy_on_a_softmax_output_uses_the_fused_logits_path():
    from kerasedu.autograd import Tensor
    from kerasedu.autograd.ops_softmax import softmax
    from kerasedu.losses import categorical_crossentropy

    logits = Tensor(np.array([[2.0, -1.0, 0.5], [0.1, 0.2, 3.0]]), requires_grad=True)
    target = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    loss = categorical_crossentropy(target, softmax(logits)).sum()
    loss.backward()
    probs = np.exp(logits.numpy()) / np.exp(logits.numpy()).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(loss.item(), -np.log(probs[[0, 1], [0, 1]]).sum(), rtol=1e-10)
    np.testing.assert_allclose(
        logits.grad, probs - target, atol=1e-12
    )  # d(CE o softmax)/dz = p - t
    saturated = Tensor(np.array([[100.0, -100.0]]), requires_grad=True)
    value = categorical_crossentropy(np.array([[0.0, 1.0]]), softmax(saturated)).item()
    assert np.isfinite(value) and value > 100  # exact from logits, no clip at -log(1e-7)
