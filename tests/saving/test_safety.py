"""Files that point outside themselves, or declare absurd data, are refused before reading."""

import types

import h5py
import numpy as np
import pytest

from kerasedu.layers import Dense
from kerasedu.saving import hdf5
from kerasedu.saving.errors import KerasEduFileError, UnsafeFileError


def _model():
    layer = Dense(2, name="dense")
    layer(np.zeros((1, 3), dtype="float32"))
    return types.SimpleNamespace(layers=[layer])


def _weights_file(tmp_path, name="w.h5"):
    path = tmp_path / name
    hdf5.save_weights(_model(), str(path))
    return path


def _refused(path, match):
    with pytest.raises(UnsafeFileError, match=match):
        hdf5.load_weights(_model(), str(path))


def test_external_link_is_refused(tmp_path):
    path = _weights_file(tmp_path)
    with h5py.File(path, "a") as f:
        f["dense"]["leak"] = h5py.ExternalLink("/etc/passwd", "/data")
    _refused(path, "external link")


def test_soft_link_is_refused(tmp_path):
    path = _weights_file(tmp_path)
    with h5py.File(path, "a") as f:
        f["dense"]["alias"] = h5py.SoftLink("/dense")
    _refused(path, "SoftLink")


def test_virtual_dataset_pointing_outside_is_refused(tmp_path):
    outside = tmp_path / "outside.h5"
    with h5py.File(outside, "w") as f:
        f["secret"] = np.arange(6.0)
    path = _weights_file(tmp_path)
    with h5py.File(path, "a") as f:
        layout = h5py.VirtualLayout(shape=(6,), dtype="f8")
        layout[:] = h5py.VirtualSource(str(outside), "secret", shape=(6,))
        del f["dense/dense/bias:0"]
        f["dense"]["dense"].create_virtual_dataset("bias:0", layout)
    _refused(path, "virtual dataset")


def test_external_storage_dataset_is_refused(tmp_path):
    secret = tmp_path / "secret.bin"
    secret.write_bytes(np.arange(2, dtype="f4").tobytes())
    path = _weights_file(tmp_path)
    with h5py.File(path, "a") as f:
        del f["dense/dense/bias:0"]
        f["dense"]["dense"].create_dataset(
            "bias:0", shape=(2,), dtype="f4", external=[(str(secret), 0, 8)]
        )
    _refused(path, "external file")


def test_huge_declared_shape_is_refused(tmp_path):
    path = _weights_file(tmp_path)
    with h5py.File(path, "a") as f:
        f.create_dataset("bomb", shape=(2**40,), dtype="f4")
    _refused(path, "elements")


def test_declared_bytes_far_beyond_file_size_are_refused(tmp_path):
    path = _weights_file(tmp_path)
    with h5py.File(path, "a") as f:
        f.create_dataset("bomb", shape=(2**30,), dtype="f4", chunks=(2**20,), compression="gzip")
    _refused(path, "bytes")


def test_plugin_filter_is_refused(tmp_path):
    path = _weights_file(tmp_path)
    with h5py.File(path, "a") as f:
        f.create_dataset(
            "plugin", shape=(4,), dtype="f4", compression=307, allow_unknown_filter=True
        )
    _refused(path, "plug-in")


def test_non_numeric_dataset_is_refused(tmp_path):
    path = _weights_file(tmp_path)
    with h5py.File(path, "a") as f:
        f["text"] = np.array(["a", "b"], dtype=h5py.string_dtype())
    _refused(path, "plain numbers")


def test_unsafe_error_is_a_kerasedu_file_error_naming_the_file(tmp_path):
    path = _weights_file(tmp_path)
    with h5py.File(path, "a") as f:
        f["x"] = h5py.ExternalLink("other.h5", "/")
    with pytest.raises(KerasEduFileError) as info:
        hdf5.load_weights(_model(), str(path))
    assert str(path) in str(info.value) and isinstance(info.value, ValueError)


def test_gzip_weights_are_fine(tmp_path):
    path = tmp_path / "gz.h5"
    model = _model()
    with h5py.File(path, "w") as f:
        f.attrs["layer_names"] = np.array([b"dense"])
        g = f.create_group("dense")
        g.attrs["weight_names"] = np.array([b"dense/kernel:0", b"dense/bias:0"])
        g.create_dataset("dense/kernel:0", data=np.ones((3, 2), "f4"), compression="gzip")
        g.create_dataset("dense/bias:0", data=np.ones(2, "f4"), compression="gzip", shuffle=True)
    hdf5.load_weights(model, str(path))
    assert model.layers[0].get_weights()[0].sum() == 6
