import numpy as np
import pytest

from kerasedu import layers as L
from tests.layers.keras_reference import assert_matches_keras, import_keras
from tests.layers.layer_checks import check_layer_gradients

RNG = np.random.default_rng(0)
X = RNG.normal(size=(3, 5, 4)).astype("float32") * 3 + 1


def test_rescaling_gradient():
    check_layer_gradients(L.Rescaling(2.0, offset=1.0, dtype="float64"), X[:2])


def test_normalization_adapt_on_batches_equals_whole_array():
    whole, batched = L.Normalization(), L.Normalization(axis=None)
    whole.adapt(X)
    batched.adapt([X[:1], X[1:]])
    np.testing.assert_allclose(whole.mean.numpy(), X.reshape(-1, 4).mean(axis=0), rtol=1e-5)
    np.testing.assert_allclose(batched.variance.numpy(), X.var(), rtol=1e-5)
    inverted = L.Normalization(invert=True, mean=1.0, variance=9.0)
    np.testing.assert_allclose(inverted(np.zeros((1, 2))).numpy(), [[1.0, 1.0]])


def test_category_encoding_modes_and_errors():
    ids = np.array([[0, 2, 2], [1, 1, 0]])
    counts = L.CategoryEncoding(3, output_mode="count")(ids).numpy()
    assert counts.tolist() == [[1, 0, 2], [1, 2, 0]]
    assert L.CategoryEncoding(3)(ids).numpy().tolist() == [[1, 0, 1], [1, 1, 0]]
    assert L.CategoryEncoding(3, output_mode="one_hot")(ids).shape == (2, 3, 3)
    weighted = L.CategoryEncoding(3, output_mode="count")(ids, count_weights=np.ones((2, 3)) * 2)
    assert weighted.numpy().tolist() == (counts * 2).tolist()
    with pytest.raises(ValueError, match="ids must be in"):
        L.CategoryEncoding(2)(ids)


@pytest.mark.reference
def test_normalization_and_preprocessing_match_keras():
    keras = import_keras()
    kl = keras.layers
    ids = np.array([[0, 2, 2], [1, 1, 0]])
    for axis in [-1, (1, 2), None]:  # Keras reads adapted weights only in adapt: adapt both
        ours_norm, theirs_norm = L.Normalization(axis=axis), kl.Normalization(axis=axis)
        ours_norm.adapt(X)
        theirs_norm.adapt(X)
        np.testing.assert_allclose(ours_norm(X).numpy(), np.asarray(theirs_norm(X)), atol=1e-5)
        for ours_w, theirs_w in zip(ours_norm.get_weights(), theirs_norm.get_weights()):
            np.testing.assert_allclose(ours_w, theirs_w, rtol=1e-5)
    cases = [
        (L.Rescaling(1 / 255, offset=-1), kl.Rescaling(1 / 255, offset=-1), X),
        (L.Normalization(mean=[1, 2, 3, 4], variance=[1, 4, 9, 16]),
         kl.Normalization(mean=[1, 2, 3, 4], variance=[1, 4, 9, 16]), X),
        (L.Normalization(mean=2.0, variance=3.0, invert=True),
         kl.Normalization(mean=2.0, variance=3.0, invert=True), X),
        (L.CategoryEncoding(3, output_mode="one_hot"),
         kl.CategoryEncoding(3, output_mode="one_hot"), ids[:, :1]),
        (L.CategoryEncoding(4, output_mode="count"), kl.CategoryEncoding(4, output_mode="count"),
         ids),
    ]  # fmt: skip
    for ours, theirs, x in cases:
        assert_matches_keras(ours, theirs, x)
