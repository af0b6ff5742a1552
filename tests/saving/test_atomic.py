"""A failure in the middle of a save leaves the previous file byte-identical."""

import os

import numpy as np
import pytest

import kerasedu
from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential, load_model
from kerasedu.saving import hdf5_weights
from kerasedu.saving.atomic import atomic_write


def _model(units=3):
    kerasedu.backend.clear_session()
    model = Sequential([Input(shape=(4,)), Dense(units), Dense(2)])
    model.compile(optimizer="adam", loss="mse")
    return model


class DiskFull(OSError):
    pass


def _fail_after_first_layer(monkeypatch):
    """Make writing crash after part of the weights is already in the file."""
    original = hdf5_weights.unique_names
    calls = []

    def flaky(names):
        calls.append(names)
        if len(calls) == 2:
            raise DiskFull("No space left on device (injected)")
        return original(names)

    monkeypatch.setattr(hdf5_weights, "unique_names", flaky)


@pytest.mark.parametrize("method", ["save", "save_weights"])
def test_failure_mid_save_leaves_old_file_identical(tmp_path, monkeypatch, method):
    path = tmp_path / "model.h5"
    getattr(_model(), method)(str(path))
    before = path.read_bytes()
    _fail_after_first_layer(monkeypatch)
    with pytest.raises(DiskFull):
        getattr(_model(units=7), method)(str(path))
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["model.h5"]  # no temporary file left behind


def test_successful_save_replaces_the_file(tmp_path):
    path = tmp_path / "model.h5"
    _model(units=3).save(str(path))
    _model(units=7).save(str(path))
    assert load_model(str(path)).layers[0].units == 7
    assert os.listdir(tmp_path) == ["model.h5"]


def test_overwrite_false_refuses(tmp_path):
    path = tmp_path / "model.h5"
    _model().save(str(path))
    with pytest.raises(FileExistsError):
        _model().save(str(path), overwrite=False)


def test_atomic_write_keeps_old_content_on_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_write(str(path)) as tmp:
            with open(tmp, "w") as f:
                f.write("half of the new")
            raise RuntimeError("crash")
    assert path.read_text() == "old" and os.listdir(tmp_path) == ["a.txt"]


def test_model_checkpoint_writes_atomically(tmp_path, monkeypatch):
    from kerasedu.callbacks import ModelCheckpoint

    path = tmp_path / "ckpt.h5"
    model = _model()
    x, y = np.ones((8, 4), "float32"), np.ones((8, 2), "float32")
    model.fit(x, y, epochs=1, verbose=0, callbacks=[ModelCheckpoint(str(path))])
    before = path.read_bytes()
    _fail_after_first_layer(monkeypatch)
    with pytest.raises(DiskFull):
        model.fit(x, y, epochs=1, verbose=0, callbacks=[ModelCheckpoint(str(path))])
    assert path.read_bytes() == before
