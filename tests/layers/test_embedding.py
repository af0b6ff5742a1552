"""Tests for Embedding."""

import numpy as np
import pytest

from kerasedu.layers import LSTM, Embedding
from tests.layers.layer_checks import check_config_round_trip


def test_lookup_shape_and_values():
    layer = Embedding(10, 4, name="emb")
    ids = np.array([[1, 2, 2], [0, 9, 3]])
    y = layer(ids).numpy()
    table = layer.get_weights()[0]
    assert y.shape == (2, 3, 4) and layer.weights[0].name == "emb/embeddings"
    np.testing.assert_array_equal(y, table[ids])
    assert np.abs(table).max() <= 0.05  # default "uniform" initializer
    assert layer.compute_output_shape((None, 7)) == (None, 7, 4)


def test_float_ids_are_accepted():
    layer = Embedding(5, 2)
    assert layer(np.array([[1.0, 4.0]])).shape == (1, 2, 2)


def test_gradient_accumulates_for_repeated_ids():
    layer = Embedding(4, 2)
    out = layer(np.array([[1, 1, 3]]))
    out.sum().backward()
    np.testing.assert_array_equal(layer.embeddings.grad, [[0, 0], [2, 2], [0, 0], [1, 1]])


def test_param_count_with_lstm():
    emb, lstm = Embedding(10, 8), LSTM(16)
    lstm(emb(np.zeros((1, 3), dtype="int64")))
    assert emb.count_params() + lstm.count_params() == 80 + 4 * (8 * 16 + 16 * 16 + 16)


def test_out_of_range_ids_raise():
    layer = Embedding(5, 2, name="emb_b")
    with pytest.raises(ValueError, match=r"emb_b.*\[0, input_dim=5\)"):
        layer(np.array([[0, 5]]))


def test_config_round_trip_and_legacy_names():
    check_config_round_trip(Embedding(6, 3, mask_zero=True), np.array([[0, 5, 2]]))
    with pytest.warns(DeprecationWarning):
        layer = Embedding(6, 3, init="ones", input_length=4)
    assert layer.get_config()["batch_input_shape"] == [None, 4]
    assert layer(np.array([[1, 2, 3, 4]])).numpy().min() == 1.0
