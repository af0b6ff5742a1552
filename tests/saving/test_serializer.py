"""The serializer: layer and model configs to objects and back, nested configs built first."""

import json

import numpy as np
import pytest

from kerasedu import initializers
from kerasedu.layers import (
    LSTM,
    Bidirectional,
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    Input,
    Lambda,
    LeakyReLU,
    MaxPooling2D,
    TimeDistributed,
    add,
    concatenate,
)
from kerasedu.models import Functional, Model, Sequential, model_from_json
from kerasedu.saving import deserialize_keras_object, serialize_keras_object
from kerasedu.saving.serializer import build_nested, deserialize_layer, serialize_layer


def same_predictions(model, clone, *data):
    clone.set_weights(model.get_weights())
    inputs = data[0] if len(data) == 1 else list(data)
    a, b = model(inputs), clone(inputs)
    for x, y in zip(a if isinstance(a, list) else [a], b if isinstance(b, list) else [b]):
        np.testing.assert_array_equal(x.numpy(), y.numpy())


def graph_model():
    a, b = Input(shape=(3,), name="a"), Input(shape=(3,), name="b")
    shared = Dense(4, activation="relu", name="shared")
    merged = concatenate([shared(a), shared(b)], name="cat")
    return Model([a, b], [Dense(1, name="o1")(merged), add([shared(a), shared(b)], name="sum")])


def test_functional_config_round_trip():
    model = graph_model()
    config = model.get_config()
    assert config["input_layers"] == [["a", 0, 0], ["b", 0, 0]]
    shared = next(entry for entry in config["layers"] if entry["name"] == "shared")
    assert len(shared["inbound_nodes"]) == 4
    clone = Functional.from_config(config)
    assert [layer.name for layer in clone.layers] == [layer.name for layer in model.layers]
    assert clone.count_params() == model.count_params()
    same_predictions(model, clone, np.random.randn(2, 3), np.random.randn(2, 3))


def test_to_json_and_model_from_json_functional():
    model = graph_model()
    text = model.to_json()
    description = json.loads(text)
    assert set(description) >= {"class_name", "config", "keras_version", "backend"}
    assert description["class_name"] == "Functional"
    clone = model_from_json(text)
    same_predictions(model, clone, np.random.randn(2, 3), np.random.randn(2, 3))


def test_sequential_round_trip():
    model = Sequential(
        [
            Input(shape=(8, 8, 1)),
            Conv2D(4, 3, activation="relu"),
            MaxPooling2D(),
            Flatten(),
            Dropout(0.5),
            Dense(3, activation="softmax"),
        ],
        name="cnn",
    )
    config = model.get_config()
    assert config["name"] == "cnn" and config["build_input_shape"] == [None, 8, 8, 1]
    assert config["layers"][0]["class_name"] == "InputLayer"
    clone = model_from_json(model.to_json())
    assert isinstance(clone, Sequential) and clone.name == "cnn"
    same_predictions(model, clone, np.random.rand(2, 8, 8, 1).astype("float32"))


def test_keras2_sequential_list_config():
    config = [
        {"class_name": "Dense", "config": {"units": 2, "batch_input_shape": [None, 3], "name": "d"}}
    ]
    model = Sequential.from_config(config)
    assert model.input_shape == (None, 3) and model.output_shape == (None, 2)


def test_nested_model_round_trip():
    inner = Sequential([Input(shape=(4,)), Dense(3, name="inner_dense")], name="inner")
    x = Input(shape=(4,), name="x")
    model = Model(x, Dense(2, name="head")(inner(x)))
    clone = model_from_json(model.to_json())
    assert isinstance(clone.get_layer("inner"), Sequential)
    same_predictions(model, clone, np.random.randn(2, 4))


def test_nested_functional_output_is_model_output():
    x0 = Input(shape=(2,))
    inner = Model(x0, Dense(3)(x0), name="inner_f")
    x = Input(shape=(2,))
    model = Model(x, inner(x))
    assert model.get_config()["output_layers"] == ["inner_f", 1, 0]
    clone = Functional.from_config(model.get_config())
    same_predictions(model, clone, np.random.randn(2, 2))


def test_keras2_legacy_inbound_nodes():
    config = {
        "name": "m",
        "layers": [
            {
                "class_name": "InputLayer",
                "name": "input_1",
                "config": {"batch_input_shape": [None, 3], "dtype": "float32", "name": "input_1"},
                "inbound_nodes": [],
            },
            {
                "class_name": "Dense",
                "name": "dense_9",
                "config": {
                    "units": 2,
                    "name": "dense_9",
                    "dtype": {
                        "module": "keras",
                        "class_name": "DTypePolicy",
                        "config": {"name": "float32"},
                    },
                },
                "inbound_nodes": [[["input_1", 0, 0, {}]]],
            },
        ],
        "input_layers": [["input_1", 0, 0]],
        "output_layers": [["dense_9", 0, 0]],
    }
    model = Functional.from_config(config)
    assert model.output_shape == (None, 2)


def double(x):
    return x * 2


def test_lambda_needs_custom_objects():
    x = Input(shape=(3,))
    model = Model(x, Dense(1)(Lambda(double)(x)))
    text = model.to_json()
    assert "def double" not in text
    with pytest.raises(ValueError, match="custom_objects"):
        model_from_json(text)
    clone = model_from_json(text, custom_objects={"double": double})
    same_predictions(model, clone, np.random.randn(2, 3))


def test_unknown_class_is_refused():
    with pytest.raises(ValueError, match=r"Unknown layer class 'EvilLayer'.*custom_objects"):
        deserialize_layer({"class_name": "EvilLayer", "config": {}})
    with pytest.raises(ValueError, match="Unknown layer class 'os'"):
        model_from_json(json.dumps({"class_name": "os", "config": {}}))


def test_custom_layer_through_custom_objects():
    class Double(Dense):
        pass

    layer = Double(2, name="dbl")
    config = serialize_layer(layer)
    assert deserialize_layer(config, custom_objects={"Double": Double}).units == 2


def test_to_yaml_explains():
    x = Input(shape=(1,))
    with pytest.raises(RuntimeError, match="to_json"):
        Model(x, Dense(1)(x)).to_yaml()


def test_unknown_class_suggests_the_closest_name():
    with pytest.raises(ValueError, match=r"Unknown layer class 'Dnese'\. Did you mean 'Dense'"):
        deserialize_layer({"class_name": "Dnese", "config": {}})
    with pytest.raises(ValueError, match="must be a dict with 'class_name'"):
        deserialize_layer(["Dense"])


def test_from_config_receives_nested_layers_already_built():
    seen = []

    class Recorder(TimeDistributed):
        @classmethod
        def from_config(cls, config):
            seen.append(config["layer"])
            return super().from_config(config)

    config = serialize_layer(Recorder(Dense(2, name="inner")))
    config["class_name"] = "Recorder"
    clone = deserialize_layer(config, custom_objects={"Recorder": Recorder})
    assert isinstance(seen[0], Dense) and seen[0].name == "inner" and clone.layer is seen[0]


def test_build_nested_keeps_what_a_functional_model_needs():
    model = graph_model()
    built = build_nested(model.get_config())
    entry = next(e for e in built["layers"] if e["name"] == "shared")
    assert isinstance(entry["layer"], Dense) and len(entry["inbound_nodes"]) == 4
    assert built["input_layers"] == model.get_config()["input_layers"]


def test_wrappers_round_trip_through_the_serializer():
    x = np.random.default_rng(0).random((2, 5, 3)).astype("float32")
    for layer in (TimeDistributed(Dense(2)), Bidirectional(LSTM(2, return_sequences=True))):
        y = layer(x)
        clone = deserialize_layer(serialize_layer(layer))
        clone(x)  # build, then copy the weights
        clone.set_weights(layer.get_weights())
        np.testing.assert_array_equal(clone(x).numpy(), y.numpy())


def test_wrapper_from_config_with_a_config_dict_names_the_serializer():
    config = TimeDistributed(Dense(2)).get_config()
    with pytest.raises(ValueError, match="deserialize_layer"):
        TimeDistributed.from_config(config)


def test_model_inside_a_wrapper_round_trips():
    inner = Sequential([Input(shape=(3,)), Dense(2, name="d")], name="inner")
    x = Input(shape=(4, 3))
    model = Model(x, TimeDistributed(inner)(x))
    clone = model_from_json(model.to_json())
    assert isinstance(clone.layers[1].layer, Sequential)
    same_predictions(model, clone, np.random.randn(2, 4, 3))


def test_layer_used_as_activation_is_rebuilt():
    layer = Dense(2, activation=LeakyReLU(negative_slope=0.5), name="leaky")
    config = serialize_layer(layer)
    assert config["config"]["activation"]["class_name"] == "LeakyReLU"
    clone = deserialize_layer(config)
    assert isinstance(clone.activation, LeakyReLU)
    assert clone.activation.get_config() == layer.activation.get_config()


def test_sequential_from_config_accepts_built_layers_and_configs():
    model = Sequential([Input(shape=(3,)), Dense(2, name="d")], name="s")
    by_configs = Sequential.from_config(model.get_config())
    by_layers = Sequential.from_config(build_nested(model.get_config()))
    for clone in (by_configs, by_layers):
        assert clone.name == "s" and clone.output_shape == (None, 2)
        same_predictions(model, clone, np.random.randn(2, 3))


def test_serialize_keras_object_names_the_keras_module_as_keras_does():
    from kerasedu import regularizers
    from kerasedu.layers import Layer

    class Custom(Layer):
        pass

    assert serialize_keras_object(regularizers.L1(0.005))["module"] == "keras.regularizers"
    assert serialize_keras_object(Dense(2))["module"] == "keras.layers"
    assert serialize_keras_object(Custom())["module"] == __name__  # Keras: None in __main__


def test_serialize_round_trip_for_other_families():
    config = serialize_keras_object(initializers.Constant(2.0))
    assert deserialize_keras_object(config)((2,)).tolist() == [2.0, 2.0]
    keras3 = {"module": "keras.initializers", "class_name": "GlorotUniform",
              "config": {"seed": 1, "input_axes": None}, "registered_name": None}  # fmt: skip
    assert type(deserialize_keras_object(keras3)).__name__ == "GlorotUniform"


# --- Keras objects held in a custom layer's get_config() -----------------------------------


@pytest.fixture
def wrap_class():
    """A registered layer whose config holds a layer object and a regularizer object."""
    from kerasedu import layers, ops, regularizers
    from kerasedu.saving import get_custom_objects, register_keras_serializable

    @register_keras_serializable(package="nested")
    class Wrap(layers.Layer):
        def __init__(self, sublayer, units=3, kernel_regularizer=None, **kwargs):
            super().__init__(**kwargs)
            self.sublayer = sublayer
            self.units = units
            self.kernel_regularizer = regularizers.get(kernel_regularizer)

        def build(self, input_shape):
            shape = (input_shape[-1], self.units)
            self.kernel = self.add_weight(shape=shape, regularizer=self.kernel_regularizer)

        def call(self, inputs):
            return self.sublayer(ops.matmul(inputs, self.kernel))

        def get_config(self):
            config = super().get_config()
            config.update(
                sublayer=self.sublayer, units=self.units, kernel_regularizer=self.kernel_regularizer
            )
            return config

        @classmethod
        def from_config(cls, config):
            config["sublayer"] = layers.deserialize(config["sublayer"])
            return cls(**config)

    yield Wrap
    del get_custom_objects()["nested>Wrap"]


def wrap_model(wrap_class):
    from kerasedu import regularizers

    inner = Dense(2, kernel_regularizer=regularizers.L2(0.1), name="inner")
    x = Input(shape=(4,))
    penalty = regularizers.L1L2(l1=0.01, l2=0.02)
    return Model(x, wrap_class(inner, units=3, kernel_regularizer=penalty, name="wrap")(x))


def test_objects_in_a_custom_config_are_serialized_as_keras_does(wrap_class):
    config = wrap_model(wrap_class).get_config()
    entry = next(e for e in config["layers"] if e["name"] == "wrap")
    assert entry["registered_name"] == "nested>Wrap" and entry["module"] == __name__
    sub, penalty = entry["config"]["sublayer"], entry["config"]["kernel_regularizer"]
    assert (sub["module"], sub["class_name"], sub["registered_name"]) == (
        "keras.layers",
        "Dense",
        None,
    )
    assert sub["config"]["kernel_regularizer"]["class_name"] == "L2"
    assert penalty == {"module": "keras.regularizers", "class_name": "L1L2",
                       "config": {"l1": 0.01, "l2": 0.02}, "registered_name": None}  # fmt: skip
    text = json.dumps(config)  # plain JSON: no object left in it
    assert "<" not in text and "object at" not in text


def test_a_layer_holding_objects_round_trips_every_way(wrap_class, tmp_path):
    from kerasedu.models import load_model

    model = wrap_model(wrap_class)
    x = np.random.default_rng(0).random((2, 4)).astype("float32")
    expected = model.predict(x, verbose=0)
    model.save(str(tmp_path / "m.keras"))
    model.save(str(tmp_path / "m.h5"))
    by_config = [Model.from_config(model.get_config()), model_from_json(model.to_json())]
    by_file = [load_model(str(tmp_path / name)) for name in ("m.keras", "m.h5")]
    for clone in by_config + by_file:
        wrap = clone.get_layer("wrap")
        assert isinstance(wrap, wrap_class) and isinstance(wrap.sublayer, Dense)
        assert wrap.sublayer is not model.get_layer("wrap").sublayer  # a new layer
        assert type(wrap.kernel_regularizer).__name__ == "L1L2"
        if clone in by_file:  # the weights came with it
            np.testing.assert_array_equal(clone.predict(x, verbose=0), expected)
        same_predictions(model, clone, x)
        assert len(clone.losses) == 2  # both penalties came back


def test_an_unknown_class_nested_in_a_custom_config_is_refused(wrap_class):
    config = json.loads(wrap_model(wrap_class).to_json())
    entry = next(e for e in config["config"]["layers"] if e["name"] == "wrap")
    entry["config"]["sublayer"]["class_name"] = "os.system"
    with pytest.raises(ValueError, match="Unknown layer class 'os.system'"):
        model_from_json(json.dumps(config))


def test_deserialize_returns_a_layer_already_built():
    layer = Dense(2)
    assert deserialize_layer(layer) is layer


@pytest.mark.reference
@pytest.mark.filterwarnings("ignore")
def test_keras3_files_with_a_layer_holding_objects_go_both_ways(wrap_class, tmp_path):
    """Keras 3 saves its Wrap (same config, same weights layout); kerasedu loads it, and back."""
    import os

    os.environ.setdefault("KERAS_BACKEND", "jax")  # before keras is first imported
    keras = pytest.importorskip("keras")
    from kerasedu.models import load_model

    class KerasWrap(keras.layers.Layer):
        def __init__(self, sublayer, units=3, kernel_regularizer=None, **kwargs):
            super().__init__(**kwargs)
            self.sublayer, self.units = sublayer, units
            self.kernel_regularizer = keras.regularizers.get(kernel_regularizer)

        def build(self, input_shape):
            shape = (input_shape[-1], self.units)
            self.kernel = self.add_weight(shape=shape, regularizer=self.kernel_regularizer)

        def call(self, inputs):
            return self.sublayer(keras.ops.matmul(inputs, self.kernel))

        def get_config(self):
            config = super().get_config()
            config.update(
                sublayer=self.sublayer, units=self.units, kernel_regularizer=self.kernel_regularizer
            )
            return config

        @classmethod
        def from_config(cls, config):
            config["sublayer"] = keras.layers.deserialize(config["sublayer"])
            return cls(**config)

    KerasWrap.__name__ = "Wrap"
    keras.saving.register_keras_serializable(package="nested")(KerasWrap)
    x = np.random.default_rng(0).random((2, 4)).astype("float32")
    try:
        inner = keras.layers.Dense(2, kernel_regularizer=keras.regularizers.L2(0.1))
        inputs = keras.Input((4,))
        penalty = keras.regularizers.L1L2(l1=0.01, l2=0.02)
        theirs = keras.Model(inputs, KerasWrap(inner, kernel_regularizer=penalty)(inputs))
        theirs.save(str(tmp_path / "theirs.keras"))
        mine = load_model(str(tmp_path / "theirs.keras"))
        np.testing.assert_allclose(mine.predict(x, verbose=0), theirs.predict(x, verbose=0), 1e-6)
        losses = [float(loss.numpy()) for loss in mine.losses]
        np.testing.assert_allclose(losses, [float(loss) for loss in theirs.losses], 1e-6)
        wrap_model(wrap_class).save(str(tmp_path / "mine.keras"))
        back = keras.saving.load_model(str(tmp_path / "mine.keras"))
        expected = load_model(str(tmp_path / "mine.keras")).predict(x, verbose=0)
        np.testing.assert_allclose(back.predict(x, verbose=0), expected, 1e-6)
    finally:
        keras.saving.get_custom_objects().pop("nested>Wrap", None)
