"""saving/hdf5.py: the .h5 layout, what loading reads back, and no silently ignored keyword."""

import json

import h5py
import numpy as np
import pytest

from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential, load_model, save_model
from kerasedu.saving import hdf5
from kerasedu.saving.errors import KerasEduFileError


def small_model(compiled=True):
    np.random.seed(1)
    model = Sequential([Input((3,)), Dense(4, name="hidden"), Dense(2, name="out")])
    if compiled:
        model.compile(optimizer="adam", loss="mse", metrics=["mae"])
        model.fit(np.ones((4, 3)), np.zeros((4, 2)), epochs=1, verbose=0)
    return model


def test_model_file_holds_config_training_config_weights_and_optimizer_state(tmp_path):
    path = tmp_path / "m.h5"
    hdf5.save_model(small_model(), path)
    with h5py.File(path, "r") as f:
        assert {"model_config", "training_config", "keras_version", "backend"} <= set(f.attrs)
        assert json.loads(f.attrs["model_config"])["class_name"] == "Sequential"
        training = json.loads(f.attrs["training_config"])
        assert training["loss"] == "mse"
        assert training["optimizer_config"]["class_name"] == "Adam"
        weights = f["model_weights"]
        names = [n.decode() if isinstance(n, bytes) else n for n in weights.attrs["layer_names"]]
        assert names == ["hidden", "out"]
        assert weights["hidden"]["hidden/kernel:0"].shape == (3, 4)
        assert "optimizer_weights" in f


def test_without_optimizer_no_training_config_is_written(tmp_path):
    path = tmp_path / "m.h5"
    hdf5.save_model(small_model(), path, include_optimizer=False)
    with h5py.File(path, "r") as f:
        assert "training_config" not in f.attrs and "optimizer_weights" not in f
    assert hdf5.load_model(path).optimizer is None  # loaded uncompiled


def test_load_model_gives_same_predictions_and_a_compiled_optimizer(tmp_path):
    model, path = small_model(), tmp_path / "m.h5"
    hdf5.save_model(model, path)
    loaded = hdf5.load_model(path)
    x = np.random.default_rng(0).standard_normal((5, 3)).astype("float32")
    np.testing.assert_array_equal(loaded.predict(x, verbose=0), model.predict(x, verbose=0))
    assert loaded.optimizer.iterations == model.optimizer.iterations == 1


def test_weights_file_is_the_weights_group_at_the_root(tmp_path):
    # The legacy layout for a .h5 name; "w.weights.h5" is Keras 3's (see test_keras_formats.py).
    model, path = small_model(compiled=False), tmp_path / "w.h5"
    hdf5.save_weights(model, path)
    with h5py.File(path, "r") as f:
        assert "model_config" not in f.attrs and set(f) == {"hidden", "out"}
    other = small_model(compiled=False)
    other.set_weights([np.zeros_like(w) for w in other.get_weights()])
    hdf5.load_weights(other, path)
    for a, b in zip(other.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_weights_only_file_is_not_a_model(tmp_path):
    path = tmp_path / "w.h5"
    hdf5.save_weights(small_model(compiled=False), path)
    with pytest.raises(KerasEduFileError, match="weights-only.*load_weights"):
        hdf5.load_model(path)


def test_load_weights_by_name_fills_only_matching_layers(tmp_path):
    path = tmp_path / "w.h5"
    source = small_model(compiled=False)
    hdf5.save_weights(source, path)
    target = Sequential([Input((3,)), Dense(4, name="hidden"), Dense(2, name="other")])
    before = target.get_layer("other").get_weights()
    hdf5.load_weights(target, path, by_name=True)
    np.testing.assert_array_equal(
        target.get_layer("hidden").get_weights()[0], source.get_layer("hidden").get_weights()[0]
    )
    np.testing.assert_array_equal(target.get_layer("other").get_weights()[0], before[0])


def test_skip_mismatch_needs_by_name(tmp_path):
    with pytest.raises(ValueError, match="skip_mismatch=True needs by_name=True"):
        hdf5.load_weights(small_model(compiled=False), tmp_path / "x.h5", skip_mismatch=True)


def test_overwrite_false_keeps_an_existing_file(tmp_path):
    path = tmp_path / "m.h5"
    path.write_bytes(b"keep me")
    with pytest.raises(FileExistsError, match="exists and overwrite=False"):
        hdf5.save_model(small_model(compiled=False), path, overwrite=False)
    assert path.read_bytes() == b"keep me"


def tiny_model():
    return Sequential([Input(shape=(2,)), Dense(1)])


def test_misspelled_keywords_raise_a_type_error_naming_them(tmp_path):
    model = tiny_model()
    path = str(tmp_path / "m.weights.h5")
    with pytest.raises(TypeError, match="overwrte"):
        model.save_weights(path, overwrte=False)
    model.save_weights(path)
    with pytest.raises(TypeError, match="by_nmae"):
        model.load_weights(path, by_nmae=True)
    with pytest.raises(TypeError, match="include_optimiser"):
        model.save(str(tmp_path / "m.h5"), include_optimiser=False)
    with pytest.raises(TypeError, match="overwite"):
        save_model(model, str(tmp_path / "m.h5"), overwite=True)
    with pytest.raises(TypeError, match="compiled"):
        load_model(path, compiled=False)


def test_nothing_is_written_when_a_keyword_is_wrong(tmp_path):
    path = tmp_path / "never.h5"
    with pytest.raises(TypeError):
        hdf5.save_weights(tiny_model(), str(path), overwrit=True)
    assert not path.exists()


def test_save_format_other_than_h5_is_refused(tmp_path):
    model = tiny_model()
    model.save(str(tmp_path / "ok.h5"), save_format="h5")
    with pytest.raises(ValueError, match="save_format='tf'"):
        model.save(str(tmp_path / "m"), save_format="tf")
