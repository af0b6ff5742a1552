import numpy as np
import pytest

from kerasedu import layers as L
from tests.layers.keras_reference import assert_matches_keras, import_keras
from tests.layers.layer_checks import check_layer_gradients

RNG = np.random.default_rng(0)
X = RNG.normal(size=(3, 5, 4)).astype("float32") * 3 + 1


def test_group_normalization_statistics_and_gradient():
    y = L.GroupNormalization(2, center=False, scale=False)(X).numpy()
    groups = y.reshape(3, 5, 2, 2)
    np.testing.assert_allclose(groups.mean(axis=(1, 3)), 0, atol=1e-5)
    np.testing.assert_allclose(groups.var(axis=(1, 3)), 1, atol=1e-2)  # epsilon shrinks it
    check_layer_gradients(L.GroupNormalization(2, dtype="float64"), X[:1].astype("float64"))
    with pytest.raises(ValueError, match="groups"):
        L.GroupNormalization(3)(X)


def test_unit_normalization_gives_unit_vectors_and_gradient():
    np.testing.assert_allclose(np.linalg.norm(L.UnitNormalization()(X).numpy(), axis=-1), 1, 1e-5)
    check_layer_gradients(L.UnitNormalization(dtype="float64"), X[:2])


def test_rms_normalization_gradient():
    check_layer_gradients(L.RMSNormalization(dtype="float64"), X[:2])
    check_layer_gradients(L.RMSNormalization(axis=[1, 2], dtype="float64"), X[:1])


@pytest.mark.reference
def test_normalization_variants_match_keras():
    kl = import_keras().layers
    cases = [
        (L.GroupNormalization(2), kl.GroupNormalization(2), X),
        (L.GroupNormalization(4, epsilon=0.1, center=False),
         kl.GroupNormalization(4, epsilon=0.1, center=False), X[..., None, :]),
        (L.UnitNormalization(axis=[1, 2]), kl.UnitNormalization(axis=[1, 2]), X),
        (L.RMSNormalization(), kl.RMSNormalization(), X),
        (L.RMSNormalization(axis=[1, 2], epsilon=0.1),
         kl.RMSNormalization(axis=[1, 2], epsilon=0.1), X),  # Keras fails on axis=1 alone
    ]  # fmt: skip
    for ours, theirs, x in cases:
        assert_matches_keras(ours, theirs, x)
