"""Recurrent layers with a mask: masked steps carry the state over, outputs as in Keras."""

import numpy as np
import pytest

from kerasedu.layers import GRU, LSTM, Bidirectional, Embedding, SimpleRNN
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients

MASK = np.array([[True, True, True, False, False], [True, True, False, False, False]])


def sequences():
    return np.random.rand(2, 5, 3).astype("float32")


@pytest.mark.parametrize("cls", [SimpleRNN, LSTM, GRU])
def test_padding_changes_nothing_the_layer_returns(cls):
    x = sequences()
    layer = cls(4, return_state=True)
    output, *states = layer(x, mask=MASK)
    for i, length in enumerate(MASK.sum(axis=1)):
        ref_output, *ref_states = layer(x[i : i + 1, :length])
        np.testing.assert_allclose(output.numpy()[i], ref_output.numpy()[0], rtol=1e-6)
        for state, ref in zip(states, ref_states):
            np.testing.assert_allclose(state.numpy()[i], ref.numpy()[0], rtol=1e-6)


def test_masked_steps_repeat_the_last_output_or_give_zeros():
    x = sequences()
    carried = LSTM(2, return_sequences=True)
    y = carried(x, mask=MASK).numpy()
    np.testing.assert_array_equal(y[0, 3], y[0, 2])
    np.testing.assert_array_equal(y[1, 4], y[1, 1])
    zeros = LSTM(2, return_sequences=True, zero_output_for_mask=True)
    zeros(x)  # builds
    zeros.set_weights(carried.get_weights())
    z = zeros(x, mask=MASK).numpy()
    assert np.all(z[~MASK] == 0.0)
    np.testing.assert_array_equal(z[MASK], y[MASK])


def test_go_backwards_skips_the_padding_at_the_end():
    x = sequences()
    layer = GRU(3, go_backwards=True)
    y = layer(x, mask=MASK).numpy()
    np.testing.assert_allclose(y[1], layer(x[1:, :2]).numpy()[0], rtol=1e-6)


def test_output_mask_follows_return_sequences():
    x = Embedding(10, 3, mask_zero=True)(np.array([[1, 2, 0]]))
    assert LSTM(2, return_sequences=True)(x)._keras_mask.tolist() == [[True, True, False]]
    assert not hasattr(LSTM(2)(x), "_keras_mask")
    output, h, c = LSTM(2, return_sequences=True, return_state=True)(x)
    assert output._keras_mask.tolist() == [[True, True, False]]
    assert not hasattr(h, "_keras_mask") and not hasattr(c, "_keras_mask")


def test_bidirectional_zeroes_padded_steps_and_passes_the_mask():
    x = Embedding(10, 3, mask_zero=True)(np.array([[1, 2, 0, 0]]))
    y = Bidirectional(SimpleRNN(2, return_sequences=True))(x)
    assert y._keras_mask.tolist() == [[True, True, False, False]]
    assert np.all(y.numpy()[0, 2:] == 0.0)
    pair = Bidirectional(SimpleRNN(2, return_sequences=True), merge_mode=None)(x)
    assert all(p._keras_mask.tolist() == [[True, True, False, False]] for p in pair)
    assert not hasattr(Bidirectional(LSTM(2))(x), "_keras_mask")


def test_bidirectional_without_sequences_reads_only_the_real_steps():
    x = sequences()
    layer = Bidirectional(GRU(2))
    y = layer(x, mask=MASK).numpy()
    np.testing.assert_allclose(y[1], layer(x[1:, :2]).numpy()[0], rtol=1e-6)


@pytest.mark.parametrize("cls", [SimpleRNN, LSTM, GRU])
def test_gradients_through_masked_steps(cls):
    layer = cls(3, return_sequences=True, dtype="float64")
    check_layer_gradients(layer, np.random.rand(2, 5, 2), mask=MASK)


def test_zero_output_for_mask_in_config():
    layer = check_config_round_trip(LSTM(2, zero_output_for_mask=True), sequences())
    assert layer.zero_output_for_mask is True
