"""Config keys of real Keras 2/3 files: neutral values load, others are refused by key and layer."""

import json

import numpy as np
import pytest

from kerasedu.layers import LSTM, Conv2D, Dense, Dropout
from kerasedu.models import Sequential, load_model, model_from_json
from kerasedu.saving.errors import KerasEduFileError
from kerasedu.saving.serializer import NEUTRAL_KEYS, clean_keras_config, deserialize_layer

KERAS2_EXTRAS = {
    "Conv2D": {"groups": 1, "activity_regularizer": None, "dilation_rate": [1, 1]},
    "LSTM": {"implementation": 2, "time_major": False, "zero_output_for_mask": True,
             "unroll": False, "activity_regularizer": None, "seed": 7},
    "Dropout": {"seed": 3, "noise_shape": None},
}  # fmt: skip


def keras_style(layer, extras):
    config = {"class_name": type(layer).__name__, "config": layer.get_config()}
    config["config"].update(extras)
    config["config"]["kernel_initializer"] = {
        "module": "keras.initializers", "class_name": "GlorotUniform", "registered_name": None,
        "config": {"seed": None, "input_axes": None, "output_axes": None},
    }  # fmt: skip
    return config


@pytest.mark.parametrize(
    "layer", [Conv2D(2, 3), LSTM(3), Dropout(0.5)], ids=["Conv2D", "LSTM", "Dropout"]
)
def test_neutral_keys_load(layer):
    config = keras_style(layer, KERAS2_EXTRAS[type(layer).__name__])
    if isinstance(layer, Dropout):
        del config["config"]["kernel_initializer"]
    built = deserialize_layer(config)
    assert type(built) is type(layer)


@pytest.mark.parametrize("key, value", [("groups", 2), ("time_major", True), ("renorm", True)])
def test_keys_that_change_the_math_are_refused_by_key_and_layer(key, value):
    config = {"class_name": "Dense", "config": {"name": "head", "units": 2, key: value}}
    with pytest.raises(ValueError, match=rf"'head'.*{key}="):
        deserialize_layer(config)


def test_a_key_the_class_takes_is_passed_to_it():
    cleaned = clean_keras_config({"units": 2, "use_bias": False, "seed": 1}, Dense)
    assert cleaned == {"units": 2, "use_bias": False}


def test_every_neutral_value_is_json():
    assert json.loads(json.dumps(NEUTRAL_KEYS)) == NEUTRAL_KEYS


def test_keras2_h5_with_extra_keys_loads_and_refuses_with_the_file_name(tmp_path):
    model = Sequential([Dense(2, input_shape=(3,), name="d")])
    path = str(tmp_path / "k2.h5")
    model.save(path)
    config = json.loads(model.to_json())
    config["config"]["layers"][-1]["config"].update(activity_regularizer=None, groups=1)
    import h5py

    with h5py.File(path, "a") as f:
        f.attrs["model_config"] = json.dumps(config)
    x = np.ones((1, 3), "float32")
    np.testing.assert_array_equal(
        load_model(path).predict(x, verbose=0), model.predict(x, verbose=0)
    )
    config["config"]["layers"][-1]["config"]["groups"] = 4
    with h5py.File(path, "a") as f:
        f.attrs["model_config"] = json.dumps(config)
    with pytest.raises(KerasEduFileError, match="'d'.*groups=4"):
        load_model(path)
    with pytest.raises(KerasEduFileError, match="groups=4"):
        model_from_json(json.dumps(config))
