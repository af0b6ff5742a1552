"""Tests for LSTM against a step-by-step NumPy reference."""

import numpy as np
import pytest

from kerasedu.layers import LSTM
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients
from tests.layers.rnn_reference import lstm_reference

RNG = np.random.default_rng(0)
X = RNG.standard_normal((3, 5, 2))


def _random_lstm(units=4, **kwargs):
    layer = LSTM(units, dtype="float64", **kwargs)
    layer(X)
    layer.set_weights([RNG.standard_normal(w.shape) * 0.5 for w in layer.get_weights()])
    return layer


def test_weights_names_shapes_and_forget_bias():
    layer = LSTM(4, name="lstm")
    layer(X)
    assert [w.name for w in layer.weights] == ["lstm/kernel", "lstm/recurrent_kernel", "lstm/bias"]
    assert [w.shape for w in layer.weights] == [(2, 16), (4, 16), (16,)]
    assert layer.get_weights()[2].tolist() == [0.0] * 4 + [1.0] * 4 + [0.0] * 8  # unit_forget_bias
    q = layer.get_weights()[1]
    np.testing.assert_allclose(q @ q.T, np.eye(4), atol=1e-5)  # orthogonal recurrent kernel


def test_matches_reference_all_outputs():
    layer = _random_lstm(return_sequences=True, return_state=True)
    seq, h, c = layer(X)
    ref_seq, ref_h, ref_c = lstm_reference(X, *layer.get_weights())
    np.testing.assert_allclose(seq.numpy(), ref_seq, rtol=1e-10)
    np.testing.assert_allclose(h.numpy(), ref_h, rtol=1e-10)
    np.testing.assert_allclose(c.numpy(), ref_c, rtol=1e-10)


def test_go_backwards_returns_reversed_order():
    layer = _random_lstm(return_sequences=True, go_backwards=True)
    ref_seq, _, _ = lstm_reference(X[:, ::-1], *layer.get_weights())
    np.testing.assert_allclose(layer(X).numpy(), ref_seq, rtol=1e-10)


def test_initial_state():
    layer = _random_lstm(return_state=True)
    h0, c0 = RNG.standard_normal((3, 4)), RNG.standard_normal((3, 4))
    out, h, c = layer(X, initial_state=[h0, c0])
    first = layer(X[:, :1], initial_state=[h0, c0])[0].numpy()
    assert not np.allclose(first, layer(X[:, :1])[0].numpy())
    with pytest.raises(ValueError, match="2 initial state"):
        layer(X, initial_state=[h0])


def test_output_shapes():
    assert LSTM(3)(X).shape == (3, 3)
    assert LSTM(3, return_sequences=True).compute_output_shape((None, None, 2)) == (None, None, 3)
    shapes = LSTM(3, return_state=True).compute_output_shape((None, 5, 2))
    assert shapes == [(None, 3), (None, 3), (None, 3)]


def test_gradients():
    layer = LSTM(3, dtype="float64", return_sequences=True, bias_initializer="random_normal")
    check_layer_gradients(layer, RNG.standard_normal((2, 3, 2)))


def test_dropout_only_in_training():
    layer = _random_lstm(dropout=0.5, recurrent_dropout=0.5)
    np.testing.assert_array_equal(layer(X).numpy(), layer(X, training=False).numpy())
    np.random.seed(0)
    assert not np.allclose(layer(X, training=True).numpy(), layer(X).numpy())


def test_config_round_trip():
    layer = LSTM(
        4,
        recurrent_activation="hard_sigmoid",
        unit_forget_bias=False,
        dropout=0.1,
        return_sequences=True,
        kernel_regularizer="l2",
    )
    clone = check_config_round_trip(layer, X.astype("float32"))
    assert clone.recurrent_activation.__name__ == "hard_sigmoid"


def test_wrong_input_raises():
    layer = LSTM(4, name="lstm_b")
    with pytest.raises(ValueError, match=r"lstm_b.*timesteps.*\(None, 2\)"):
        layer(np.ones((3, 2)))
    layer(X)
    with pytest.raises(ValueError, match="lstm_b"):
        layer(np.ones((3, 5, 7)))


def test_keras1_names_warn():
    with pytest.warns(DeprecationWarning):
        layer = LSTM(output_dim=4, inner_activation="hard_sigmoid", dropout_W=0.2, dropout_U=0.1)
    assert (layer.units, layer.dropout, layer.recurrent_dropout) == (4, 0.2, 0.1)


def test_same_seed_same_weights():
    weights = []
    for _ in range(2):
        np.random.seed(0)
        layer = LSTM(3)
        layer(X)
        weights.append(layer.get_weights())
    for a, b in zip(*weights):
        np.testing.assert_array_equal(a, b)
