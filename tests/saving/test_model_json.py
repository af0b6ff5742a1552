"""model_json: the architecture as JSON text (Keras's fields), never the weights."""

import json

import numpy as np
import pytest

from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential
from kerasedu.saving.model_json import json_default, model_from_json, model_to_json


def test_json_has_keras_fields_and_no_weights():
    model = Sequential([Input((3,)), Dense(2, name="out")])
    model.set_weights([np.full((3, 2), 12345.5), np.zeros(2)])
    text = model_to_json(model)
    description = json.loads(text)
    assert {"class_name", "config", "keras_version", "backend"} <= set(description)
    assert description["class_name"] == "Sequential"
    assert description["keras_version"].startswith("kerasedu-")
    assert "12345.5" not in text


def test_rebuilt_model_has_the_same_architecture_and_fresh_weights():
    np.random.seed(0)
    model = Sequential([Input((3,)), Dense(4), Dense(1)])
    clone = model_from_json(model_to_json(model, indent=2))
    assert clone.output_shape == (None, 1) and clone.count_params() == model.count_params()
    assert not np.array_equal(clone.get_weights()[0], model.get_weights()[0])


def test_json_default_writes_numpy_values_and_refuses_objects():
    assert json.dumps({"n": np.int64(3), "v": np.arange(2)}, default=json_default) == (
        '{"n": 3, "v": [0, 1]}'
    )
    with pytest.raises(TypeError, match="get_config\\(\\) must return only numbers"):
        json.dumps({"f": object()}, default=json_default)
