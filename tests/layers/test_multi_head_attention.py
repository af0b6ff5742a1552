import numpy as np
import pytest

from kerasedu import layers as L
from kerasedu.layers.attention import causal_mask
from kerasedu.models import Model
from tests.layers.keras_reference import assert_call_matches_keras, import_keras
from tests.layers.layer_checks import check_layer_gradients

RNG = np.random.default_rng(0)
Q = RNG.normal(size=(2, 3, 4)).astype("float32")
V = RNG.normal(size=(2, 5, 4)).astype("float32")
K = RNG.normal(size=(2, 5, 4)).astype("float32")


class SelfAttention(L.Layer):
    """``mha(x, x)`` with a causal mask, as one layer of one input (for the gradient check)."""

    def __init__(self):
        super().__init__(dtype="float64")
        self.mha = L.MultiHeadAttention(2, 3, dtype="float64")

    def call(self, x):
        return self.mha(x, x, use_causal_mask=True)


def test_gradient_through_all_projections():
    check_layer_gradients(SelfAttention(), Q[:1])


def test_causal_mask_and_weight_names():
    layer = L.MultiHeadAttention(2, 3)
    _, w = layer(Q, Q, use_causal_mask=True, return_attention_scores=True)
    assert w.shape == (2, 2, 3, 3) and np.allclose(w.numpy() * ~causal_mask(3, 3), 0)
    names = [w.name.split("/", 1)[1] for w in layer.weights]
    assert names == [f"{p}/{k}" for p in ("query", "key", "value", "attention_output")
                     for k in ("kernel", "bias")]  # fmt: skip


def test_multi_head_attention_in_a_functional_model_and_round_trip():
    x = L.Input((3, 4))
    y = L.MultiHeadAttention(num_heads=2, key_dim=2, value_dim=3, output_shape=5)(x, x)
    model = Model(x, L.GlobalAveragePooling1D()(y))
    assert model.predict(Q, verbose=0).shape == (2, 5) and len(model.weights) == 8
    layer = L.MultiHeadAttention(2, 3, use_bias=False)
    layer(Q, V)
    clone = L.MultiHeadAttention.from_config(layer.get_config())
    clone(Q, V)
    clone.set_weights(layer.get_weights())
    np.testing.assert_array_equal(clone(Q, V).numpy(), layer(Q, V).numpy())


def test_padding_masks_from_embedding_equal_explicit_masks():
    tokens = np.array([[3, 5, 0, 0], [2, 0, 0, 0]])
    embed = L.Embedding(8, 4, mask_zero=True)
    x = embed(tokens)
    layer = L.MultiHeadAttention(2, 2)
    implicit = layer(x, x)
    explicit = layer(x.numpy(), x.numpy(), query_mask=tokens != 0, value_mask=tokens != 0)
    np.testing.assert_allclose(implicit.numpy(), explicit.numpy(), rtol=1e-6)
    assert implicit._keras_mask.tolist() == (tokens != 0).tolist()  # the query's mask goes on
    _, w = layer(x, x, return_attention_scores=True)
    assert np.allclose(w.numpy()[0, :, :2, 2:], 0)  # padded keys get no weight


@pytest.mark.reference
def test_multi_head_attention_matches_keras():
    kl = import_keras().layers
    assert_call_matches_keras(L.MultiHeadAttention(2, 3), kl.MultiHeadAttention(2, 3), Q, V, K,
                              return_attention_scores=True)  # fmt: skip
    assert_call_matches_keras(L.MultiHeadAttention(3, 2, output_shape=6),
                              kl.MultiHeadAttention(3, 2, output_shape=6), Q, Q,
                              use_causal_mask=True)  # fmt: skip
    mask = RNG.random((2, 3, 5)) > 0.3
    assert_call_matches_keras(L.MultiHeadAttention(2, 2), kl.MultiHeadAttention(2, 2), Q, V,
                              attention_mask=mask)  # fmt: skip
    query_mask, value_mask = RNG.random((2, 3)) > 0.3, RNG.random((2, 5)) > 0.3
    assert_call_matches_keras(L.MultiHeadAttention(2, 2), kl.MultiHeadAttention(2, 2), Q, V,
                              query_mask=query_mask, value_mask=value_mask)  # fmt: skip
    images = RNG.normal(size=(2, 2, 3, 4)).astype("float32")  # attends over both position axes
    assert_call_matches_keras(L.MultiHeadAttention(2, 2), kl.MultiHeadAttention(2, 2), images,
                              images)  # fmt: skip
    config = L.MultiHeadAttention(2, 3).get_config()
    keras_config = kl.MultiHeadAttention(2, 3).get_config()
    skip = ("name", "dtype")  # dtype is a policy dict in Keras
    for key, value in keras_config.items():
        if key not in skip and not isinstance(value, dict):  # initializers: their own tests
            assert config[key] == value, key
