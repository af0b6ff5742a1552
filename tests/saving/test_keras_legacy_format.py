"""Files in Keras 2's legacy .h5 layout (built here with h5py) load into kerasedu models."""

import json

import h5py
import numpy as np
import pytest

import kerasedu
from kerasedu.layers import Dense, Input
from kerasedu.models import Model, Sequential, load_model


def _dense_config(name, units, activation):
    return {
        "class_name": "Dense",
        "config": {
            "name": name,
            "trainable": True,
            "dtype": "float32",
            "units": units,
            "activation": activation,
            "use_bias": True,
            "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
            "bias_initializer": {"class_name": "Zeros", "config": {}},
            "kernel_regularizer": None,
            "bias_regularizer": None,
            "activity_regularizer": None,
            "kernel_constraint": None,
            "bias_constraint": None,
        },
    }


KERAS2_SEQUENTIAL = {
    "class_name": "Sequential",
    "config": {
        "name": "sequential",
        "layers": [
            {
                "class_name": "InputLayer",
                "config": {
                    "batch_input_shape": [None, 4],
                    "dtype": "float32",
                    "sparse": False,
                    "ragged": False,
                    "name": "dense_input",
                },
            },
            _dense_config("dense", 3, "relu"),
            _dense_config("dense_1", 2, "softmax"),
        ],
    },
}

KERAS2_FUNCTIONAL = {
    "class_name": "Functional",
    "config": {
        "name": "model",
        "layers": [
            {
                "class_name": "InputLayer",
                "name": "input_1",
                "inbound_nodes": [],
                "config": {
                    "batch_input_shape": [None, 4],
                    "dtype": "float32",
                    "sparse": False,
                    "ragged": False,
                    "name": "input_1",
                },
            },
            {
                **_dense_config("dense", 3, "relu"),
                "name": "dense",
                "inbound_nodes": [[["input_1", 0, 0, {}]]],
            },
            {
                **_dense_config("dense_1", 2, "softmax"),
                "name": "dense_1",
                "inbound_nodes": [[["dense", 0, 0, {}]]],
            },
        ],
        "input_layers": [["input_1", 0, 0]],
        "output_layers": [["dense_1", 0, 0]],
    },
}

TRAINING_CONFIG = {
    "loss": "categorical_crossentropy",
    "metrics": ["accuracy"],
    "weighted_metrics": None,
    "loss_weights": None,
    "optimizer_config": {
        "class_name": "Adam",
        "config": {
            "name": "Adam",
            "learning_rate": 0.002,
            "decay": 0.0,
            "beta_1": 0.9,
            "beta_2": 0.999,
            "epsilon": 1e-07,
            "amsgrad": False,
        },
    },
}


def _weights():
    rng = np.random.default_rng(0)
    return {
        "dense": [rng.random((4, 3), dtype=np.float32), rng.random(3, dtype=np.float32)],
        "dense_1": [rng.random((3, 2), dtype=np.float32), rng.random(2, dtype=np.float32)],
    }


def _write_keras2_file(path, model_config, layer_names, with_optimizer=True):
    """Write what tf.keras 2.x's model.save('x.h5') writes."""
    weights = _weights()
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = b"2.4.0"
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(model_config).encode("utf8")
        f.attrs["training_config"] = json.dumps(TRAINING_CONFIG).encode("utf8")
        group = f.create_group("model_weights")
        group.attrs["layer_names"] = np.array([n.encode("utf8") for n in layer_names])
        group.attrs["backend"] = b"tensorflow"
        group.attrs["keras_version"] = b"2.4.0"
        for name in layer_names:
            layer_group = group.create_group(name)
            names = [f"{name}/kernel:0", f"{name}/bias:0"] if name in weights else []
            layer_group.attrs["weight_names"] = np.array(
                [n.encode("utf8") for n in names], dtype="S" if names else "S1"
            )
            for weight_name, value in zip(names, weights.get(name, [])):
                layer_group.create_dataset(weight_name, data=value)
        if with_optimizer:
            opt = f.create_group("optimizer_weights")
            opt.attrs["weight_names"] = np.array([b"Adam/iter:0"])
            opt.create_dataset("Adam/iter:0", data=np.int64(10))
    return weights


@pytest.mark.parametrize(
    "config,layer_names",
    [
        (KERAS2_SEQUENTIAL, ["dense", "dense_1"]),
        (KERAS2_FUNCTIONAL, ["input_1", "dense", "dense_1"]),
    ],
)
def test_keras2_model_file_loads(tmp_path, config, layer_names):
    path = tmp_path / "keras2.h5"
    weights = _write_keras2_file(path, config, layer_names)
    with pytest.warns(UserWarning, match="optimizer state"):
        model = load_model(str(path))
    assert [layer.name for layer in model.layers if layer.weights] == ["dense", "dense_1"]
    np.testing.assert_array_equal(model.get_layer("dense").get_weights()[0], weights["dense"][0])
    np.testing.assert_array_equal(
        model.get_layer("dense_1").get_weights()[1], weights["dense_1"][1]
    )
    assert model.optimizer.get_config()["learning_rate"] == pytest.approx(0.002)
    x = np.ones((2, 4), dtype="float32")
    hidden = np.maximum(x @ weights["dense"][0] + weights["dense"][1], 0)
    logits = hidden @ weights["dense_1"][0] + weights["dense_1"][1]
    expected = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(model.predict(x, verbose=0), expected, rtol=1e-5)


def test_keras2_weights_load_into_matching_kerasedu_model(tmp_path):
    path = tmp_path / "keras2.h5"
    weights = _write_keras2_file(path, KERAS2_SEQUENTIAL, ["dense", "dense_1"])
    kerasedu.backend.clear_session()
    model = Sequential(
        [
            Input(shape=(4,)),
            Dense(3, activation="relu", name="a"),
            Dense(2, activation="softmax", name="b"),
        ]
    )
    model.load_weights(str(path))  # by order: names may differ
    np.testing.assert_array_equal(model.layers[0].get_weights()[0], weights["dense"][0])
    inputs = Input(shape=(4,))
    renamed = Model(inputs, Dense(2, name="dense_1")(Dense(3, name="dense")(inputs)))
    renamed.load_weights(str(path), by_name=True)
    np.testing.assert_array_equal(
        renamed.get_layer("dense_1").get_weights()[0], weights["dense_1"][0]
    )


def test_kerasedu_weights_file_has_the_layout_keras_reads(tmp_path):
    kerasedu.backend.clear_session()
    model = Sequential([Input(shape=(4,)), Dense(3, name="dense_1")])
    model.save(str(tmp_path / "m.h5"))
    with h5py.File(tmp_path / "m.h5", "r") as f:
        config = json.loads(f.attrs["model_config"])
        assert config["class_name"] == "Sequential"
        assert (
            json.loads(f.attrs["training_config"] if "training_config" in f.attrs else "{}") == {}
        )
        group = f["model_weights"]
        assert list(group.attrs["layer_names"]) == [b"dense_1"]
        assert list(group["dense_1"].attrs["weight_names"]) == [
            b"dense_1/kernel:0",
            b"dense_1/bias:0",
        ]
        assert group["dense_1/dense_1/kernel:0"].shape == (4, 3)
