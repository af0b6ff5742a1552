"""Tests for Bidirectional."""

import numpy as np
import pytest

from kerasedu.layers import GRU, LSTM, Bidirectional, SimpleRNN
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients
from tests.layers.rnn_reference import lstm_reference

RNG = np.random.default_rng(3)
X = RNG.standard_normal((2, 4, 3))


def test_concat_sequences_flip_backward_half():
    bi = Bidirectional(LSTM(2, return_sequences=True, name="l", dtype="float64"))
    y = bi(X).numpy()
    assert y.shape == (2, 4, 4)
    names = [w.name for w in bi.weights]
    assert names[:3] == ["forward_l/kernel", "forward_l/recurrent_kernel", "forward_l/bias"]
    assert names[3:] == ["backward_l/kernel", "backward_l/recurrent_kernel", "backward_l/bias"]
    weights = bi.get_weights()
    forward, _, _ = lstm_reference(X, *weights[:3])
    backward, _, _ = lstm_reference(X[:, ::-1], *weights[3:])
    np.testing.assert_allclose(y[..., :2], forward, rtol=1e-6)
    np.testing.assert_allclose(y[..., 2:], backward[:, ::-1], rtol=1e-6)  # back in time order


def test_merge_modes_and_last_output():
    layer = SimpleRNN(3)
    assert Bidirectional(layer)(X).shape == (2, 6)
    for mode in ("sum", "mul", "ave"):
        assert Bidirectional(SimpleRNN(3), merge_mode=mode)(X).shape == (2, 3)
    both = Bidirectional(SimpleRNN(3), merge_mode=None)(X)
    assert isinstance(both, list) and len(both) == 2
    with pytest.raises(ValueError, match="merge_mode"):
        Bidirectional(SimpleRNN(3), merge_mode="max")


def test_return_state_lists_forward_then_backward_states():
    out = Bidirectional(LSTM(2, return_state=True))(X)
    assert [o.shape for o in out] == [(2, 4)] + [(2, 2)] * 4
    shapes = Bidirectional(LSTM(2, return_state=True)).compute_output_shape((None, 4, 3))
    assert shapes == [(None, 4)] + [(None, 2)] * 4


def test_gradients_and_param_count():
    bi = Bidirectional(GRU(2, return_sequences=True, dtype="float64"))
    check_layer_gradients(bi, RNG.standard_normal((2, 3, 2)))
    assert bi.count_params() == 2 * (2 * 6 + 2 * 6 + 2 * 6)


def test_config_round_trip():
    bi = Bidirectional(LSTM(3, return_sequences=True), merge_mode="ave")
    clone = check_config_round_trip(bi, X.astype("float32"))
    assert clone.forward_layer.units == 3 and clone.backward_layer.go_backwards
