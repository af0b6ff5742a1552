import numpy as np
import pytest

from kerasedu import layers as L
from kerasedu.layers.attention import causal_mask
from tests.layers.keras_reference import assert_call_matches_keras, import_keras
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients

RNG = np.random.default_rng(0)
Q = RNG.normal(size=(2, 3, 4)).astype("float32")
V = RNG.normal(size=(2, 5, 4)).astype("float32")
K = RNG.normal(size=(2, 5, 4)).astype("float32")


class WithValue(L.Layer):
    """Calls an attention layer on ``[x, value]``, so that gradcheck sees one input."""

    def __init__(self, inner, value):
        super().__init__(dtype="float64")
        self.inner, self.value = inner, value.astype("float64")

    def call(self, x):
        return self.inner([x, self.value])


@pytest.mark.parametrize("make", [
    lambda: L.Attention(use_scale=True, score_mode="concat", dtype="float64"),
    lambda: L.AdditiveAttention(dtype="float64"),
])  # fmt: skip
def test_attention_gradients(make):
    check_layer_gradients(WithValue(make(), V[:1]), Q[:1])


def test_masks_give_zero_weight():
    _, w = L.Attention()([Q, V], mask=[None, np.array([[1, 1, 0, 0, 0]] * 2, bool)],
                         return_attention_scores=True)  # fmt: skip
    assert np.allclose(w.numpy()[..., 2:], 0) and np.allclose(w.numpy().sum(-1), 1)
    _, w = L.AdditiveAttention()([Q, Q], use_causal_mask=True, return_attention_scores=True)
    assert np.allclose(w.numpy() * ~causal_mask(3, 3), 0)


def test_masks_from_embedding_reach_attention():
    x = L.Embedding(8, 4, mask_zero=True)(np.array([[3, 5, 0]]))
    out, w = L.Attention()([x, x], return_attention_scores=True)
    assert np.allclose(w.numpy()[..., 2], 0) and np.allclose(out.numpy()[0, 2], 0)
    assert out._keras_mask.tolist() == [[True, True, False]]  # the query's mask goes on


def test_config_round_trip():
    check_config_round_trip(L.AdditiveAttention(), [Q, V])


@pytest.mark.reference
def test_attention_layers_match_keras():
    keras = import_keras()
    kl = keras.layers
    value_mask = np.array([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]], bool)
    assert_call_matches_keras(
        L.Attention(), kl.Attention(), [Q, V, K], return_attention_scores=True
    )
    assert_call_matches_keras(
        L.Attention(use_scale=True, score_mode="concat"),
        kl.Attention(use_scale=True, score_mode="concat"),
        [Q, V],
        mask=[None, value_mask],
    )
    assert_call_matches_keras(
        L.AdditiveAttention(), kl.AdditiveAttention(), [Q, V, K], use_causal_mask=True
    )
