"""The .keras zip of Keras 3, written and read without Keras; hostile archives refused."""

import io
import json
import zipfile

import h5py
import numpy as np
import pytest

import kerasedu
from kerasedu.layers import LSTM, BatchNormalization, Bidirectional, Conv2D, Dense, Flatten, Input
from kerasedu.models import Model, Sequential, load_model
from kerasedu.saving.errors import KerasEduFileError, UnsafeFileError


def conv_model():
    kerasedu.backend.clear_session()
    model = Sequential(
        [Input((6, 6, 1)), Conv2D(2, 3), BatchNormalization(), Flatten(), Dense(3), Dense(2)]
    )
    model.compile(optimizer="adam", loss="mse", metrics=["mae"])
    return model


def rnn_model():
    kerasedu.backend.clear_session()
    x = Input((4, 3))
    return Model(x, Dense(1)(Bidirectional(LSTM(2))(x)))


@pytest.mark.parametrize("build, shape", [(conv_model, (2, 6, 6, 1)), (rnn_model, (2, 4, 3))])
def test_keras_file_round_trip(tmp_path, build, shape):
    model, x = build(), np.random.default_rng(0).random(shape, dtype="float32")
    path = tmp_path / "m.keras"
    model.save(str(path))
    assert sorted(zipfile.ZipFile(path).namelist()) == [
        "config.json", "metadata.json", "model.weights.h5"
    ]  # fmt: skip
    loaded = load_model(str(path))
    np.testing.assert_array_equal(loaded.predict(x, verbose=0), model.predict(x, verbose=0))


def test_keras_file_keeps_compile_settings(tmp_path):
    model = conv_model()
    model.save(str(tmp_path / "m.keras"))
    config = json.loads(zipfile.ZipFile(tmp_path / "m.keras").read("config.json"))
    assert config["compile_config"]["loss"] == "mse"
    assert type(load_model(str(tmp_path / "m.keras")).optimizer).__name__ == "Adam"


def test_keras_file_weights_load_with_load_weights(tmp_path):
    model = conv_model()
    model.save(str(tmp_path / "m.keras"))
    fresh = conv_model()
    fresh.load_weights(str(tmp_path / "m.keras"))
    for a, b in zip(model.get_weights(), fresh.get_weights()):
        np.testing.assert_array_equal(a, b)


def write_zip(path, members, compression=zipfile.ZIP_STORED):
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return str(path)


@pytest.fixture
def good_members(tmp_path):
    conv_model().save(str(tmp_path / "good.keras"))
    archive = zipfile.ZipFile(tmp_path / "good.keras")
    return {name: archive.read(name) for name in archive.namelist()}


def test_path_traversal_names_are_refused(tmp_path, good_members):
    for bad in ["../evil.json", "/etc/passwd", "a/../../b"]:
        path = write_zip(tmp_path / "bad.keras", {**good_members, bad: b"{}"})
        with pytest.raises(UnsafeFileError, match="path traversal"):
            load_model(path)


def test_zip_bomb_is_refused(tmp_path, good_members):
    bomb = {**good_members, "metadata.json": b" " * 2**25}  # 32 MB of spaces deflate to ~32 KB
    path = write_zip(tmp_path / "bomb.keras", bomb, zipfile.ZIP_DEFLATED)
    with pytest.raises(UnsafeFileError, match="zip bomb"):
        load_model(path)


def test_huge_member_is_refused(tmp_path, good_members):
    path = write_zip(tmp_path / "huge.keras", good_members)
    data = bytearray(open(path, "rb").read())
    # Declare 2 GB for config.json in the central directory: no config is that large.
    entry = data.rfind(b"PK\x01\x02", 0, data.find(b"config.json", data.find(b"PK\x01\x02")))
    data[entry + 24 : entry + 28] = (2**31).to_bytes(4, "little")
    open(path, "wb").write(bytes(data))
    with pytest.raises(UnsafeFileError, match=r"declare 2147\d{6} bytes"):
        load_model(path)


def test_unknown_member_is_refused(tmp_path, good_members):
    path = write_zip(tmp_path / "extra.keras", {**good_members, "payload.py": b"import os"})
    with pytest.raises(UnsafeFileError, match="payload.py"):
        load_model(path)


@pytest.mark.parametrize(
    "config, words",
    [(b"not json at all", "not valid JSON"), (b"[" * 5000 + b"]" * 5000, "JSON|nested"),
     (b'{"class_name": "Sequential", "config": null}', "weights|layers|config"),
     (b'{"class_name": "os.system", "config": {}}', "os.system")],
)  # fmt: skip
def test_bad_config_json_is_a_kerasedu_error(tmp_path, good_members, config, words):
    path = write_zip(tmp_path / "bad.keras", {**good_members, "config.json": config})
    with pytest.raises(KerasEduFileError, match=words):
        load_model(path)


def test_damaged_archive_and_missing_weights(tmp_path, good_members):
    path = tmp_path / "cut.keras"
    path.write_bytes(write_zip_bytes(good_members)[:300])
    with pytest.raises(KerasEduFileError):
        load_model(str(path))
    members = {k: v for k, v in good_members.items() if k != "model.weights.h5"}
    with pytest.raises(KerasEduFileError, match="model.weights.h5"):
        load_model(write_zip(tmp_path / "nw.keras", members))


def write_zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_weights_inside_keras_file_are_checked_like_h5(tmp_path, good_members):
    buffer = io.BytesIO(good_members["model.weights.h5"])
    with h5py.File(buffer, "a") as f:
        f["layers/dense/vars/leak"] = h5py.ExternalLink("/etc/passwd", "/x")
    members = {**good_members, "model.weights.h5": buffer.getvalue()}
    with pytest.raises(UnsafeFileError, match="external link"):
        load_model(write_zip(tmp_path / "link.keras", members))
