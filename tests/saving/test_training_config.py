"""A model's compile settings as JSON, and back to a compiled model (``.h5`` and ``.keras``)."""

import json
import warnings

import h5py
import numpy as np
import pytest

from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential
from kerasedu.saving import training_config as tc


def small_model():
    return Sequential([Input(shape=(2,)), Dense(1)])


def test_uncompiled_model_has_no_training_config():
    assert tc.training_config(small_model()) is None
    assert tc.to_compile_config(small_model()) is None


def test_training_config_is_json_with_the_compile_settings():
    model = small_model()
    model.compile(optimizer="adam", loss="mse", metrics=["mae"])
    training = tc.training_config(model)
    assert json.loads(json.dumps(training)) == training
    assert training["loss"] == "mse" and training["metrics"] == ["mae"]
    assert training["optimizer_config"]["class_name"] == "Adam"


def test_compile_from_config_compiles_a_fresh_model_the_same_way():
    model = small_model()
    model.compile(optimizer="sgd", loss="mae", metrics=["mse"])
    fresh = small_model()
    tc.compile_from_config(fresh, tc.training_config(model), None)
    assert type(fresh.optimizer).__name__ == "SGD"
    assert tc.training_config(fresh) == tc.training_config(model)


def test_compile_config_and_training_config_translate_both_ways():
    model = small_model()
    model.compile(optimizer="sgd", loss="mse")
    compile_config = tc.to_compile_config(model)
    assert compile_config["optimizer"]["module"] == "keras.optimizers"
    training = tc.from_compile_config(compile_config)
    assert training["loss"] == "mse"
    assert training["optimizer_config"]["class_name"] == "SGD"


def test_keras3_extra_optimizer_keys_are_cleaned():
    training = {"loss": "mse", "optimizer_config": {
        "class_name": "SGD", "config": {"learning_rate": 0.5, "use_ema": False}}}  # fmt: skip
    model = small_model()
    tc.compile_from_config(model, training, None)
    assert float(np.asarray(model.optimizer.learning_rate)) == pytest.approx(0.5)


def test_unknown_loss_name_is_refused():
    training = {"loss": "no_such_loss", "optimizer_config": {"class_name": "SGD", "config": {}}}
    with pytest.raises(ValueError, match="no_such_loss"):
        tc.compile_from_config(small_model(), training, None)


def test_keras_optimizer_state_is_not_restored_with_a_warning(tmp_path):
    model = small_model()
    model.compile(optimizer="adam", loss="mse")
    model.fit(np.ones((4, 2)), np.ones((4, 1)), epochs=1, verbose=0)
    path = tmp_path / "m.h5"
    model.save(str(path))
    with h5py.File(path, "r") as f:
        assert tc.optimizer_state(f, str(path))  # kerasedu's own file: restored
    with h5py.File(path, "a") as f:
        f.attrs["keras_version"] = "2.15.0"
    with h5py.File(path, "r") as f, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert tc.optimizer_state(f, str(path)) == []
    assert any("optimizer state is not restored" in str(w.message) for w in caught)
