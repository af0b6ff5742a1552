"""Tests for GRU (both reset_after forms) against a step-by-step NumPy reference."""

import numpy as np
import pytest

from kerasedu.layers import GRU
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients
from tests.layers.rnn_reference import gru_reference

RNG = np.random.default_rng(1)
X = RNG.standard_normal((3, 4, 2))


@pytest.mark.parametrize("reset_after, bias_shape", [(True, (2, 9)), (False, (9,))])
def test_matches_reference(reset_after, bias_shape):
    layer = GRU(3, reset_after=reset_after, return_sequences=True, dtype="float64", name="g")
    layer(X)
    assert [w.shape for w in layer.weights] == [(2, 9), (3, 9), bias_shape]
    assert [w.name for w in layer.weights] == ["g/kernel", "g/recurrent_kernel", "g/bias"]
    layer.set_weights([RNG.standard_normal(w.shape) * 0.5 for w in layer.get_weights()])
    ref_seq, _ = gru_reference(X, *layer.get_weights(), reset_after=reset_after)
    np.testing.assert_allclose(layer(X).numpy(), ref_seq, rtol=1e-10)


def test_return_state_and_go_backwards():
    layer = GRU(3, return_state=True, go_backwards=True, dtype="float64")
    out, h = layer(X)
    ref_seq, ref_h = gru_reference(X[:, ::-1], *layer.get_weights())
    np.testing.assert_allclose(out.numpy(), ref_h, rtol=1e-10)
    np.testing.assert_array_equal(out.numpy(), h.numpy())


@pytest.mark.parametrize("reset_after", [True, False])
def test_gradients(reset_after):
    layer = GRU(2, reset_after=reset_after, dtype="float64", bias_initializer="random_normal")
    check_layer_gradients(layer, RNG.standard_normal((2, 3, 2)))


def test_config_round_trip():
    check_config_round_trip(GRU(3, reset_after=False, recurrent_dropout=0.2), X.astype("float32"))
