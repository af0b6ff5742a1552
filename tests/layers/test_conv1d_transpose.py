import numpy as np
import pytest

from kerasedu import layers as L
from tests.layers.keras_reference import assert_matches_keras, import_keras
from tests.layers.layer_checks import check_layer_gradients

SEQUENCES = np.random.default_rng(0).random((2, 7, 3), dtype="float32")


def test_output_lengths_and_gradient():
    assert L.Conv1DTranspose(2, 3, strides=2)(SEQUENCES).shape == (2, 15, 2)
    assert L.Conv1DTranspose(2, 3, strides=2, padding="same")(SEQUENCES).shape == (2, 14, 2)
    check_layer_gradients(L.Conv1DTranspose(2, 3, strides=2, dtype="float64"), SEQUENCES[:1, :4])


@pytest.mark.reference
def test_conv1d_transpose_matches_keras():
    kl = import_keras().layers
    for kwargs in [{"strides": 2, "padding": "same"}, {"strides": 3, "output_padding": 1},
                   {"dilation_rate": 2, "activation": "relu"}]:  # fmt: skip
        ours, theirs = L.Conv1DTranspose(4, 3, **kwargs), kl.Conv1DTranspose(4, 3, **kwargs)
        assert_matches_keras(ours, theirs, SEQUENCES)
