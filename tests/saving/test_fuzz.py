"""Mutated files and configs only ever raise kerasedu errors, and quickly."""

import json
import time

import h5py
import numpy as np
import pytest

import kerasedu
from kerasedu.layers import Conv2D, Dense, Flatten, Input
from kerasedu.models import Sequential
from kerasedu.saving import hdf5
from kerasedu.saving.errors import KerasEduFileError


@pytest.fixture(scope="module")
def good_file(tmp_path_factory):
    kerasedu.backend.clear_session()
    model = Sequential([Input(shape=(6, 6, 1)), Conv2D(2, (3, 3)), Flatten(), Dense(3)])
    model.compile(optimizer="adam", loss="mse", metrics=["mae"])
    model.fit(np.ones((4, 6, 6, 1), "float32"), np.ones((4, 3), "float32"), epochs=1, verbose=0)
    path = tmp_path_factory.mktemp("fuzz") / "good.h5"
    model.save(str(path))
    return path


def _load_is_clean(path):
    """Loading either works or raises KerasEduFileError; anything else fails the test."""
    start = time.perf_counter()
    try:
        hdf5.load_model(str(path))
    except KerasEduFileError as err:
        assert str(path) in str(err)
    assert time.perf_counter() - start < 5.0


def test_truncated_files(good_file, tmp_path):
    data = good_file.read_bytes()
    for fraction in np.linspace(0.0, 0.99, 12):
        path = tmp_path / f"cut_{fraction:.2f}.h5"
        path.write_bytes(data[: int(len(data) * fraction)])
        _load_is_clean(path)


def test_bit_flipped_files(good_file, tmp_path):
    data = bytearray(good_file.read_bytes())
    rng = np.random.default_rng(1234)
    for case in range(60):
        mutated = bytearray(data)
        for position in rng.integers(0, len(data), size=1 + case % 4):
            mutated[position] ^= 1 << int(rng.integers(0, 8))
        path = tmp_path / f"flip_{case}.h5"
        path.write_bytes(bytes(mutated))
        _load_is_clean(path)


def test_overwritten_blocks(good_file, tmp_path):
    data = bytearray(good_file.read_bytes())
    rng = np.random.default_rng(99)
    for case in range(20):
        mutated = bytearray(data)
        start = int(rng.integers(0, len(data) - 64))
        mutated[start : start + 64] = rng.integers(0, 256, size=64, dtype=np.uint8).tobytes()
        path = tmp_path / f"block_{case}.h5"
        path.write_bytes(bytes(mutated))
        _load_is_clean(path)


pytestmark = pytest.mark.filterwarnings("ignore:.*optimizer state:UserWarning")

CONFIG_MUTATIONS = [
    lambda c: None,
    lambda c: [],
    lambda c: "Sequential",
    lambda c: {**c, "class_name": 123},
    lambda c: {**c, "class_name": ["Dense"]},
    lambda c: {**c, "config": None},
    lambda c: {**c, "config": {**c["config"], "layers": "not a list"}},
    lambda c: {**c, "config": {**c["config"], "layers": [None, 5, "x"]}},
    lambda c: {**c, "config": {**c["config"], "layers": c["config"]["layers"][:-1]}},
    lambda c: {**c, "config": {**c["config"], "layers": c["config"]["layers"][::-1]}},
    lambda c: _set_layer(c, -1, "units", "three"),
    lambda c: _set_layer(c, -1, "units", -3),
    lambda c: _set_layer(c, -1, "units", 10**12),
    lambda c: _set_layer(c, -1, "units", 2.5),
    lambda c: _set_layer(c, -1, "units", 7),
    lambda c: _set_layer(c, -1, "activation", {"class_name": "eval"}),
    lambda c: _set_layer(c, 1, "kernel_size", [10**9, 10**9]),
    lambda c: _set_layer(c, 1, "filters", None),
    lambda c: _set_layer(c, 0, "batch_shape", [None, 10**10, 10**10, 1]),
    lambda c: _set_layer(c, 0, "batch_shape", "huge"),
    lambda c: _nest(30),
    lambda c: _nest(5000),
]


def _set_layer(config, index, key, value):
    config = json.loads(json.dumps(config))
    config["config"]["layers"][index]["config"][key] = value
    return config


def _nest(depth):
    """JSON text of Sequentials nested ``depth`` deep (written as text: too deep for json.dumps)."""
    opening = '{"class_name": "Sequential", "config": {"layers": [' * depth
    return opening + '{"class_name": "Dense", "config": {}}' + "]}}" * depth


@pytest.mark.parametrize("index", range(len(CONFIG_MUTATIONS)))
def test_mutated_model_configs(good_file, tmp_path, index):
    path = tmp_path / "config.h5"
    path.write_bytes(good_file.read_bytes())
    with h5py.File(path, "a") as f:
        config = json.loads(f.attrs["model_config"])
        mutated = CONFIG_MUTATIONS[index](config)
        f.attrs["model_config"] = mutated if isinstance(mutated, str) else json.dumps(mutated)
    _load_is_clean(path)


@pytest.mark.parametrize(
    "training",
    [
        "not json {",
        json.dumps([1, 2]),
        json.dumps({"loss": 5}),
        json.dumps({"loss": "mse", "optimizer_config": "adam!"}),
        json.dumps(
            {"loss": "mse", "optimizer_config": {"class_name": "Adam", "config": {"beta_1": "x"}}}
        ),
        json.dumps(
            {"loss": "no_such_loss", "optimizer_config": {"class_name": "SGD", "config": {}}}
        ),
        json.dumps(
            {
                "loss": "mse",
                "metrics": [{"class_name": 1}],
                "optimizer_config": {"class_name": "SGD", "config": {}},
            }
        ),
    ],
)
def test_mutated_training_configs(good_file, tmp_path, training):
    path = tmp_path / "training.h5"
    path.write_bytes(good_file.read_bytes())
    with h5py.File(path, "a") as f:
        f.attrs["training_config"] = training
    _load_is_clean(path)


@pytest.mark.parametrize("change", ["dtype", "shape", "huge", "attribute", "optimizer"])
def test_mutated_datasets(good_file, tmp_path, change):
    path = tmp_path / "data.h5"
    path.write_bytes(good_file.read_bytes())
    with h5py.File(path, "a") as f:
        group = f["model_weights"]
        layer = [n for n in group.attrs["layer_names"] if len(group[n].attrs["weight_names"])][0]
        name = group[layer].attrs["weight_names"][0]
        if change == "dtype":
            del group[layer][name]
            group[layer][name] = np.array([b"abc"])
        elif change == "shape":
            del group[layer][name]
            group[layer][name] = np.zeros((7, 7), "f4")
        elif change == "huge":
            del group[layer][name]
            group[layer].create_dataset(name, shape=(2**33,), dtype="f4")
        elif change == "attribute":
            group[layer].attrs["weight_names"] = np.array([b"missing/one:0"])
        else:
            del f["optimizer_weights"][f["optimizer_weights"].attrs["weight_names"][-1]]
    with pytest.raises(KerasEduFileError):
        hdf5.load_model(str(path))
