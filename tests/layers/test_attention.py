import numpy as np
import pytest

from kerasedu import layers as L
from kerasedu.layers.attention import causal_mask
from kerasedu.models import Model
from tests.layers.keras_reference import import_keras
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients

RNG = np.random.default_rng(0)
Q = RNG.normal(size=(2, 3, 4)).astype("float32")
V = RNG.normal(size=(2, 5, 4)).astype("float32")
K = RNG.normal(size=(2, 5, 4)).astype("float32")


class Pair(L.Layer):
    """Calls an attention layer on (x, fixed value) so that gradcheck sees one input."""

    def __init__(self, inner, value, list_inputs):
        super().__init__(dtype="float64")
        self.inner, self.value, self.list_inputs = inner, value, list_inputs

    def _sublayers(self):
        return [self.inner]

    def call(self, x):
        if self.list_inputs:
            return self.inner([x, self.value.astype("float64")])
        return self.inner(x, self.value.astype("float64"), use_causal_mask=True)


@pytest.mark.parametrize("make, list_inputs", [
    (lambda: L.Attention(use_scale=True, score_mode="concat", dtype="float64"), True),
    (lambda: L.AdditiveAttention(dtype="float64"), True),
    (lambda: L.MultiHeadAttention(2, 3, dtype="float64"), False),
])  # fmt: skip
def test_attention_gradients(make, list_inputs):
    check_layer_gradients(Pair(make(), V[:1], list_inputs), Q[:1])


def test_masks_give_zero_weight():
    _, w = L.Attention()([Q, V], mask=[None, np.array([[1, 1, 0, 0, 0]] * 2, bool)],
                         return_attention_scores=True)  # fmt: skip
    assert np.allclose(w.numpy()[..., 2:], 0) and np.allclose(w.numpy().sum(-1), 1)
    _, w = L.MultiHeadAttention(2, 3)(Q, Q, use_causal_mask=True, return_attention_scores=True)
    assert np.allclose(w.numpy() * ~causal_mask(3, 3), 0)


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
    check_config_round_trip(L.AdditiveAttention(), [Q, V])


def _compare(ours, theirs, *args, **kwargs):
    y = ours(*args, **kwargs)
    theirs(*args, **kwargs)
    theirs.set_weights(ours.get_weights())
    expected = theirs(*args, **kwargs)
    for a, b in zip(
        y if isinstance(y, tuple) else [y], expected if isinstance(y, tuple) else [expected]
    ):
        np.testing.assert_allclose(a.numpy(), np.asarray(b), atol=1e-5, rtol=1e-5)


@pytest.mark.reference
def test_attention_layers_match_keras():
    keras = import_keras()
    kl = keras.layers
    value_mask = np.array([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]], bool)
    _compare(L.Attention(), kl.Attention(), [Q, V, K], return_attention_scores=True)
    _compare(
        L.Attention(use_scale=True, score_mode="concat"),
        kl.Attention(use_scale=True, score_mode="concat"),
        [Q, V],
        mask=[None, value_mask],
    )
    _compare(L.AdditiveAttention(), kl.AdditiveAttention(), [Q, V, K], use_causal_mask=True)
    _compare(
        L.MultiHeadAttention(2, 3),
        kl.MultiHeadAttention(2, 3),
        Q,
        V,
        K,
        return_attention_scores=True,
    )
    _compare(
        L.MultiHeadAttention(3, 2, output_shape=6),
        kl.MultiHeadAttention(3, 2, output_shape=6),
        Q,
        Q,
        use_causal_mask=True,
    )
    mask = RNG.random((2, 3, 5)) > 0.3
    _compare(L.MultiHeadAttention(2, 2), kl.MultiHeadAttention(2, 2), Q, V, attention_mask=mask)
    images = RNG.normal(size=(2, 2, 3, 4)).astype("float32")  # attends over both position axes
    _compare(L.MultiHeadAttention(2, 2), kl.MultiHeadAttention(2, 2), images, images)
    config = L.MultiHeadAttention(2, 3).get_config()
    keras_config = kl.MultiHeadAttention(2, 3).get_config()
    skip = ("name", "dtype")  # dtype is a policy dict in Keras
    for key, value in keras_config.items():
        if key not in skip and not isinstance(value, dict):  # initializers: their own tests
            assert config[key] == value, key
