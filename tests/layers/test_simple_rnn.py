"""Tests for SimpleRNN against a NumPy reference."""

import numpy as np
import pytest

from kerasedu.layers import SimpleRNN
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients
from tests.layers.rnn_reference import simple_rnn_reference

RNG = np.random.default_rng(2)
X = RNG.standard_normal((2, 4, 3))


def test_matches_reference_and_shapes():
    layer = SimpleRNN(5, return_sequences=True, dtype="float64", name="rnn")
    seq = layer(X).numpy()
    assert [w.name for w in layer.weights] == ["rnn/kernel", "rnn/recurrent_kernel", "rnn/bias"]
    assert [w.shape for w in layer.weights] == [(3, 5), (5, 5), (5,)]
    ref_seq, _ = simple_rnn_reference(X, *layer.get_weights())
    np.testing.assert_allclose(seq, ref_seq, rtol=1e-10)
    assert layer.count_params() == 3 * 5 + 5 * 5 + 5


def test_activation_and_gradients():
    layer = SimpleRNN(2, activation="relu", dtype="float64", bias_initializer="ones")
    check_layer_gradients(layer, RNG.standard_normal((2, 3, 2)))


def test_config_round_trip_and_errors():
    check_config_round_trip(SimpleRNN(3, go_backwards=True), X.astype("float32"))
    with pytest.raises(ValueError, match="stateful"):
        SimpleRNN(3, stateful=True)
    with pytest.raises(ValueError, match="units"):
        SimpleRNN(0)
