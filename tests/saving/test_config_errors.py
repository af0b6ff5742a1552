"""Bad configs (not JSON, null, absurd sizes, nesting) raise kerasedu's errors, never Python's."""

import json

import h5py
import pytest

from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential, load_model, model_from_json
from kerasedu.saving.errors import KerasEduFileError


def dense_model_config(**dense):
    config = json.loads(Sequential([Input(shape=(3,)), Dense(2)]).to_json())
    config["config"]["layers"][-1]["config"].update(dense)
    return config


def nested(depth):
    return "[" * depth + "]" * depth


BAD = {
    "not_json": "{'class_name': Sequential",
    "config_null": json.dumps({"class_name": "Sequential", "config": None, "x": 1}),
    "layer_config_null": json.dumps(
        {
            "class_name": "Sequential",
            "config": {"layers": [{"class_name": "Dense", "config": None}]},
        }
    ),
    "units_2_40": json.dumps(dense_model_config(units=2**40)),
    "nested_1000": json.dumps({"class_name": "Sequential", "config": {"layers": []}})[:-1]
    + ', "deep": '
    + nested(1000)
    + "}",
    "nested_100000": nested(100_000),
    "not_a_dict": "[1, 2, 3]",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_model_from_json_raises_kerasedu_errors(name):
    with pytest.raises(KerasEduFileError):
        model_from_json(BAD[name])


@pytest.mark.parametrize("name", sorted(BAD))
def test_load_model_raises_kerasedu_errors(tmp_path, name):
    path = tmp_path / "m.h5"
    Sequential([Input(shape=(3,)), Dense(2)]).save(str(path))
    with h5py.File(path, "a") as f:
        f.attrs["model_config"] = BAD[name]
    with pytest.raises(KerasEduFileError, match="m.h5"):
        load_model(str(path))


def test_absurd_units_name_the_number():
    with pytest.raises(KerasEduFileError, match=str(2**40)):
        model_from_json(BAD["units_2_40"])
