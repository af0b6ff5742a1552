"""Damaged, empty, foreign or mismatched files raise a kerasedu error naming the file."""

import types

import h5py
import numpy as np
import pytest

from kerasedu.layers import Dense
from kerasedu.saving import hdf5
from kerasedu.saving.errors import KerasEduFileError


def _model(units=2, name="dense"):
    layer = Dense(units, name=name)
    layer(np.zeros((1, 3), dtype="float32"))
    return types.SimpleNamespace(layers=[layer])


@pytest.fixture
def weights_file(tmp_path):
    path = tmp_path / "w.h5"
    hdf5.save_weights(_model(), str(path))
    return path


def _fails(path, match, model=None):
    with pytest.raises(KerasEduFileError, match=match) as info:
        hdf5.load_weights(model or _model(), str(path))
    assert str(path) in str(info.value)


def test_round_trip_of_weights(weights_file):
    source = _model()
    hdf5.save_weights(source, str(weights_file))
    target = _model()
    hdf5.load_weights(target, str(weights_file))
    for a, b in zip(source.layers[0].get_weights(), target.layers[0].get_weights()):
        np.testing.assert_array_equal(a, b)


def test_file_layout_is_keras_legacy(weights_file):
    with h5py.File(weights_file, "r") as f:
        assert [n.decode() for n in f.attrs["layer_names"]] == ["dense"]
        names = [n.decode() for n in f["dense"].attrs["weight_names"]]
        assert names == ["dense/kernel:0", "dense/bias:0"]
        assert f["dense"]["dense"]["kernel:0"].shape == (3, 2)
        assert "keras_version" in f.attrs and "backend" in f.attrs


def test_missing_file(tmp_path):
    _fails(tmp_path / "nope.h5", "no such file")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.h5"
    path.write_bytes(b"")
    _fails(path, "empty")


def test_not_hdf5(tmp_path):
    path = tmp_path / "model.h5"
    path.write_bytes(b"\x80\x04\x95 this looks like a pickle")
    _fails(path, "not an HDF5 file")


def test_truncated_file(weights_file):
    data = weights_file.read_bytes()
    weights_file.write_bytes(data[: len(data) // 2])
    _fails(weights_file, "damaged|truncated|not an HDF5")


def test_missing_weight(weights_file):
    with h5py.File(weights_file, "a") as f:
        del f["dense/dense/bias:0"]
    _fails(weights_file, "missing")


def test_wrong_shape(weights_file):
    _fails(weights_file, "shape", model=_model(units=5))


def test_wrong_layer_count(weights_file):
    two = types.SimpleNamespace(layers=_model().layers + _model(name="other").layers)
    _fails(weights_file, "1 layers", model=two)


def test_by_name_and_skip_mismatch(weights_file):
    renamed = _model(units=2, name="elsewhere")
    before = renamed.layers[0].get_weights()
    hdf5.load_weights(renamed, str(weights_file), by_name=True)  # no layer of that name: untouched
    np.testing.assert_array_equal(before[0], renamed.layers[0].get_weights()[0])
    wrong = _model(units=5)
    with pytest.raises(KerasEduFileError, match="shape"):
        hdf5.load_weights(wrong, str(weights_file), by_name=True)
    with pytest.warns(UserWarning, match="Skipping"):
        hdf5.load_weights(wrong, str(weights_file), by_name=True, skip_mismatch=True)


def test_weights_file_given_to_load_model(weights_file):
    with pytest.raises(KerasEduFileError, match="weights-only"):
        hdf5.load_model(str(weights_file))


def test_not_a_weights_file(tmp_path):
    path = tmp_path / "other.h5"
    with h5py.File(path, "w") as f:
        f["data"] = np.zeros(3)
    _fails(path, "layer_names")


def test_weights_h5_suffix_accepted(tmp_path):
    path = tmp_path / "model.weights.h5"
    hdf5.save_weights(_model(), str(path))
    hdf5.load_weights(_model(), str(path))
