"""Losses: forward vs NumPy references of Keras's formulas, gradients vs gradcheck, label errors."""

import warnings

import numpy as np
import pytest

from kerasedu import losses
from kerasedu.autograd import Tensor
from kerasedu.autograd.gradcheck import gradcheck

EPS = 1e-7
RNG = np.random.default_rng(0)


def _probs(n, c):
    e = np.exp(RNG.standard_normal((n, c)))
    return (e / e.sum(-1, keepdims=True)).astype("float32")


def _one_hot(labels, c):
    return np.eye(c, dtype="float32")[labels]


# --- NumPy references (Keras 3 formulas) ---------------------------------------------
def ref_bce(t, p, from_logits=False, ls=0.0):
    t = t * (1 - ls) + 0.5 * ls
    if from_logits:
        x = p.astype("float64")
        return (np.maximum(x, 0) - x * t + np.log1p(np.exp(-np.abs(x)))).mean(-1)
    p = np.clip(p, EPS, 1 - EPS)
    return -(t * np.log(p) + (1 - t) * np.log(1 - p)).mean(-1)


def ref_cce(t, p, from_logits=False, ls=0.0):
    t = t * (1 - ls) + ls / p.shape[-1]
    if from_logits:
        x = p.astype("float64")
        z = x - x.max(-1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(-1, keepdims=True))
    else:
        log_p = np.log(np.clip(p / p.sum(-1, keepdims=True), EPS, 1 - EPS))
    return -(t * log_p).sum(-1)


def ref_signed(t):
    return 2 * t - 1 if np.all((t == 0) | (t == 1)) else t


REFERENCES = {
    "mean_squared_error": lambda t, p: ((p - t) ** 2).mean(-1),
    "mean_absolute_error": lambda t, p: np.abs(p - t).mean(-1),
    "mean_absolute_percentage_error": lambda t, p: (
        100 * np.abs((t - p) / np.maximum(np.abs(t), EPS)).mean(-1)
    ),
    "mean_squared_logarithmic_error": lambda t, p: (
        (np.log(np.maximum(p, EPS) + 1) - np.log(np.maximum(t, EPS) + 1)) ** 2
    ).mean(-1),
    "huber": lambda t, p: np.where(
        np.abs(p - t) <= 1, 0.5 * (p - t) ** 2, np.abs(p - t) - 0.5
    ).mean(-1),
    "log_cosh": lambda t, p: np.log(np.cosh(p - t)).mean(-1),
    "cosine_similarity": lambda t, p: (
        -(
            t
            / np.linalg.norm(t, axis=-1, keepdims=True)
            * p
            / np.linalg.norm(p, axis=-1, keepdims=True)
        ).sum(-1)
    ),
    "hinge": lambda t, p: np.maximum(1 - ref_signed(t) * p, 0).mean(-1),
    "squared_hinge": lambda t, p: (np.maximum(1 - ref_signed(t) * p, 0) ** 2).mean(-1),
    "categorical_hinge": lambda t, p: np.maximum(((1 - t) * p).max(-1) - (t * p).sum(-1) + 1, 0),
    "kl_divergence": lambda t, p: (
        np.clip(t, EPS, 1) * np.log(np.clip(t, EPS, 1) / np.clip(p, EPS, 1))
    ).sum(-1),
    "poisson": lambda t, p: (p - t * np.log(p + EPS)).mean(-1),
    "binary_crossentropy": ref_bce,
    "categorical_crossentropy": ref_cce,
}


def _inputs(name):
    """Positive-valued or label-valued test data suited to each loss."""
    if name in ("categorical_crossentropy", "categorical_hinge", "kl_divergence"):
        return _one_hot(RNG.integers(0, 4, 5), 4), _probs(5, 4)
    if name in ("binary_crossentropy", "hinge", "squared_hinge"):
        return RNG.integers(0, 2, (5, 3)).astype("float32"), _probs(5, 3)
    t = RNG.uniform(0.5, 2.0, (5, 3)).astype("float32")
    p = RNG.uniform(0.1, 3.0, (5, 3)).astype("float32")
    return t, p


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_loss_forward_matches_numpy(name):
    t, p = _inputs(name)
    result = losses.get(name)(t, p)
    assert isinstance(result, Tensor) and result.dtype == np.float32 and result.shape == (5,)
    np.testing.assert_allclose(result.numpy(), REFERENCES[name](t, p), rtol=2e-5, atol=1e-6)


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_loss_gradient_matches_gradcheck(name):
    t, p = _inputs(name)
    assert gradcheck(lambda pred: losses.get(name)(t.astype("float64"), pred), [p])


def test_hinge_keeps_signed_labels_and_converts_only_all_01():
    p = np.array([[0.3, -0.6]], dtype="float32")
    np.testing.assert_allclose(losses.hinge([[1.0, -1.0]], p).numpy(), [(0.7 + 0.4) / 2], rtol=1e-6)
    np.testing.assert_allclose(losses.hinge([[1.0, 0.0]], p).numpy(), [(0.7 + 0.4) / 2], rtol=1e-6)
    # a 0 among -1/+1 labels is not converted
    np.testing.assert_allclose(losses.hinge([[-1.0, 0.0]], p).numpy(), [(1.3 + 1.0) / 2], rtol=1e-6)


def test_probability_losses_clip_extremes():
    t = np.array([[1.0, 0.0]], dtype="float32")
    p = np.array([[0.0, 1.0]], dtype="float32")
    np.testing.assert_allclose(losses.binary_crossentropy(t, p).numpy(), ref_bce(t, p), rtol=1e-5)
    assert np.isfinite(losses.categorical_crossentropy(t, p).numpy()).all()
    np.testing.assert_allclose(
        losses.categorical_crossentropy(t, p).numpy(), [-np.log(EPS)], rtol=1e-3
    )


def test_categorical_crossentropy_rescales_rows():
    t = _one_hot([0, 2], 3)
    p = np.array([[2.0, 1.0, 1.0], [0.5, 0.5, 1.0]], dtype="float32")
    np.testing.assert_allclose(
        losses.categorical_crossentropy(t, p).numpy(), [-np.log(0.5), -np.log(0.5)], rtol=1e-6
    )


@pytest.mark.parametrize("ls", [0.0, 0.1])
def test_crossentropy_from_logits_with_extreme_logits(ls):
    t = _one_hot([0, 1, 2], 3)
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
    t, p = _one_hot([1, 3], 4), _probs(2, 4)
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
    p = _probs(4, 3) if not from_logits else RNG.standard_normal((4, 3)).astype("float32")
    expected = losses.categorical_crossentropy(_one_hot(labels, 3), p, from_logits=from_logits)
    for y in (labels, labels.reshape(4, 1), labels.astype("float32")):
        got = losses.sparse_categorical_crossentropy(y, p, from_logits=from_logits)
        np.testing.assert_allclose(got.numpy(), expected.numpy(), rtol=1e-6)
    assert gradcheck(lambda x: losses.sparse_categorical_crossentropy(labels, x, from_logits), [p])


def test_crossentropy_axis_argument():
    t, p = _one_hot([0, 1, 2], 3), _probs(3, 3)
    got = losses.categorical_crossentropy(t.T, p.T, axis=0).numpy()
    np.testing.assert_allclose(got, ref_cce(t, p), rtol=1e-6)
    got = losses.sparse_categorical_crossentropy([0, 1, 2], p.T, axis=0).numpy()
    np.testing.assert_allclose(got, ref_cce(t, p), rtol=1e-6)


def test_regression_target_of_rank_one_is_matched_not_broadcast():
    y = np.array([1.0, 2.0, 3.0], dtype="float32")
    p = np.array([[1.0], [2.0], [5.0]], dtype="float32")
    np.testing.assert_allclose(losses.mse(y, p).numpy(), [0.0, 0.0, 4.0])
    np.testing.assert_allclose(losses.mse(p, y).numpy(), [0.0, 0.0, 4.0])


def test_sample_weight_reduction_divides_by_batch_size():
    t, p = _inputs("mean_squared_error")
    w = np.array([1.0, 0.0, 2.0, 0.5, 1.0], dtype="float32")
    per_sample = REFERENCES["mean_squared_error"](t, p)
    for weight in (w, w.reshape(5, 1)):
        got = losses.MeanSquaredError()(t, p, sample_weight=weight)
        assert got.shape == () and got.dtype == np.float32
        np.testing.assert_allclose(float(got), (per_sample * w).sum() / 5, rtol=1e-6)
    np.testing.assert_allclose(
        float(losses.MeanSquaredError(reduction="sum")(t, p, w)), (per_sample * w).sum(), rtol=1e-6
    )
    none = losses.MeanSquaredError(reduction="none")(t, p)
    np.testing.assert_allclose(none.numpy(), per_sample, rtol=1e-6)


def test_loss_class_backward_through_sample_weight():
    t, p = _inputs("binary_crossentropy")
    w = np.arange(5, dtype="float64")
    loss = losses.BinaryCrossentropy()
    assert gradcheck(lambda x: loss(t.astype("float64"), x, sample_weight=w), [p])


def test_categorical_crossentropy_rejects_integer_labels():
    p = _probs(4, 10)
    for y in (np.array([1, 2, 3, 4]), np.array([[1], [2], [3], [4]])):
        with pytest.raises(ValueError, match=r"to_categorical\(y, 10\).*sparse_categorical"):
            losses.categorical_crossentropy(y, p)


def test_sparse_crossentropy_rejects_out_of_range_and_one_hot_labels():
    p = _probs(4, 3)
    with pytest.raises(ValueError, match=r"\[0, 3\).*label 3 at position 2"):
        losses.sparse_categorical_crossentropy([0, 1, 3, 1], p)
    with pytest.raises(ValueError, match=r"label -1"):
        losses.sparse_categorical_crossentropy([0, -1, 2, 1], p)
    with pytest.raises(ValueError, match="label 1.5"):
        losses.sparse_categorical_crossentropy([0, 1.5, 2, 1], p)
    with pytest.raises(ValueError, match="one-hot.*categorical_crossentropy"):
        losses.sparse_categorical_crossentropy(_one_hot([0, 1, 2, 1], 3), p)


def test_shape_mismatch_names_both_shapes():
    with pytest.raises(ValueError, match=r"y_true.shape=\(4, 3\), y_pred.shape=\(4, 5\)"):
        losses.mse(np.zeros((4, 3)), np.zeros((4, 5)))
    with pytest.raises(ValueError, match=r"\(4, 2\).*\(4, 3\)"):
        losses.categorical_crossentropy(np.zeros((4, 2)), _probs(4, 3))


def test_get_serialize_deserialize_and_aliases():
    assert losses.get("mse") is losses.mean_squared_error
    assert losses.get("kld") is losses.kl_divergence is losses.kullback_leibler_divergence
    assert losses.get("logcosh") is losses.log_cosh
    assert isinstance(losses.get("CategoricalCrossentropy"), losses.CategoricalCrossentropy)
    assert isinstance(losses.get(losses.Huber), losses.Huber)
    loss = losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1)
    rebuilt = losses.deserialize(losses.serialize(loss))
    assert rebuilt.get_config() == loss.get_config()
    assert losses.deserialize(losses.serialize(losses.mae)) is losses.mae
    with pytest.raises(ValueError, match="Unknown loss"):
        losses.get("not_a_loss")
    with pytest.raises(ValueError, match="Unknown loss class"):
        losses.deserialize({"class_name": "os.system", "config": {}})


def test_custom_callable_loss_is_accepted():
    def my_loss(y_true, y_pred):
        return (Tensor(y_pred) - Tensor(y_true)).abs().sum(axis=-1)

    assert losses.get(my_loss) is my_loss
    assert losses.serialize(my_loss) == "my_loss"
    assert losses.deserialize("my_loss", custom_objects={"my_loss": my_loss}) is my_loss
    wrapped = losses.LossFunctionWrapper(my_loss)
    assert wrapped.name == "my_loss"
    assert float(wrapped([[0.0, 0.0]], [[1.0, -2.0]])) == 3.0


def test_cosine_proximity_warns_and_equals_cosine_similarity():
    t, p = _inputs("cosine_similarity")
    with pytest.warns(DeprecationWarning, match="cosine_similarity"):
        old = losses.cosine_proximity(t, p)
    np.testing.assert_allclose(old.numpy(), losses.cosine_similarity(t, p).numpy())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert float(losses.CosineSimilarity()([[1.0, 0.0]], [[1.0, 0.0]])) == pytest.approx(-1.0)


def test_invalid_reduction_is_rejected():
    with pytest.raises(ValueError, match="reduction='mean_of_all'"):
        losses.MeanSquaredError(reduction="mean_of_all")


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
