"""Keras 3's weights layout (``layers/<name>/vars/<i>``): ``*.weights.h5`` and inside ``.keras``."""

import h5py
import numpy as np
import pytest

import kerasedu
from kerasedu.layers import LSTM, BatchNormalization, Bidirectional, Conv2D, Dense, Flatten, Input
from kerasedu.models import Model, Sequential
from kerasedu.saving import keras3_weights
from kerasedu.saving.errors import KerasEduFileError


def conv_model():
    kerasedu.backend.clear_session()
    return Sequential(
        [Input((6, 6, 1)), Conv2D(2, 3), BatchNormalization(), Flatten(), Dense(3), Dense(2)]
    )


def rnn_model():
    kerasedu.backend.clear_session()
    x = Input((4, 3))
    return Model(x, Dense(1)(Bidirectional(LSTM(2))(x)))


def test_weights_h5_uses_keras3_layout(tmp_path):
    model = rnn_model()
    path = tmp_path / "w.weights.h5"
    model.save_weights(str(path))
    with h5py.File(path) as f:
        names = []
        f.visititems(lambda name, obj: names.append(name) if hasattr(obj, "dtype") else None)
    assert "layers/bidirectional/forward_layer/cell/vars/0" in names
    assert "layers/dense/vars/1" in names
    fresh = rnn_model()
    fresh.load_weights(str(path))
    for a, b in zip(model.get_weights(), fresh.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_weights_h5_of_another_model_is_refused(tmp_path):
    conv_model().save_weights(str(tmp_path / "w.weights.h5"))
    with pytest.raises(KerasEduFileError, match="layers/"):
        rnn_model().load_weights(str(tmp_path / "w.weights.h5"))


def test_layout_names_each_layers_variables_by_keras_path():
    layout = dict(keras3_weights.layout(conv_model()))
    # BatchNormalization: gamma, beta, moving mean, moving variance, in Keras's order
    assert len(layout["layers/batch_normalization/vars"]) == 4
    assert len(layout["layers/conv2d/vars"]) == 2 and layout["vars"] == []  # the model's own


def test_is_keras3_layout_tells_the_two_layouts_apart(tmp_path):
    model = conv_model()
    model.save_weights(str(tmp_path / "new.weights.h5"))
    model.save_weights(str(tmp_path / "old.h5"))
    with h5py.File(tmp_path / "new.weights.h5") as f:
        assert keras3_weights.is_keras3_layout(f)
    with h5py.File(tmp_path / "old.h5") as f:
        assert not keras3_weights.is_keras3_layout(f)


def test_an_extra_weight_in_the_file_is_refused(tmp_path):
    model = conv_model()
    path = tmp_path / "w.weights.h5"
    model.save_weights(str(path))
    with h5py.File(path, "a") as f:
        f["layers/dense/vars/2"] = np.zeros(3)
    with pytest.raises(KerasEduFileError):
        conv_model().load_weights(str(path))
