"""keras.io guide "Save, serialize, and export models" (Neel Kovelamudi, fchollet), import changed.

Source: https://keras.io/guides/serialization_and_saving/ (keras-io/guides/
serialization_and_saving.py, Apache License 2.0). The guide's code is kept as written (its
data are already small random arrays); each test runs in a temporary folder so that the
guide's file names stay as they are. The guide's `get_custom_objects().clear()` runs against a
copy that is put back after the test, so that other tests keep their registrations.
"""

import numpy as np
import pytest

import kerasedu as keras


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def saved_custom_objects():
    saved = dict(keras.saving.get_custom_objects())
    yield
    keras.saving.get_custom_objects().clear()
    keras.saving.get_custom_objects().update(saved)


def test_how_to_save_and_load_a_model():
    def get_model():
        # Create a simple model.
        inputs = keras.Input(shape=(32,))
        outputs = keras.layers.Dense(1)(inputs)
        model = keras.Model(inputs, outputs)
        model.compile(optimizer=keras.optimizers.Adam(), loss="mean_squared_error")
        return model

    model = get_model()

    # Train the model.
    test_input = np.random.random((128, 32))
    test_target = np.random.random((128, 1))
    model.fit(test_input, test_target)

    # Calling `save('my_model.keras')` creates a zip archive `my_model.keras`.
    model.save("my_model.keras")

    # It can be used to reconstruct the model identically.
    reconstructed_model = keras.models.load_model("my_model.keras")

    # Let's check:
    np.testing.assert_allclose(model.predict(test_input), reconstructed_model.predict(test_input))


def define_custom_objects():
    # Clear all previously registered custom objects
    keras.saving.get_custom_objects().clear()

    # Upon registration, you can optionally specify a package or a name.
    # If left blank, the package defaults to `Custom` and the name defaults to
    # the class name.
    @keras.saving.register_keras_serializable(package="MyLayers")
    class CustomLayer(keras.layers.Layer):
        def __init__(self, factor):
            super().__init__()
            self.factor = factor

        def call(self, x):
            return x * self.factor

        def get_config(self):
            return {"factor": self.factor}

    @keras.saving.register_keras_serializable(package="my_package", name="custom_fn")
    def custom_fn(x):
        return x**2

    return CustomLayer, custom_fn


def get_custom_model(CustomLayer, custom_fn):
    inputs = keras.Input(shape=(4,))
    mid = CustomLayer(0.5)(inputs)
    outputs = keras.layers.Dense(1, activation=custom_fn)(mid)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="rmsprop", loss="mean_squared_error")
    return model


# Train the model.
def train_model(model):
    input = np.random.random((4, 4))
    target = np.random.random((4, 1))
    model.fit(input, target)
    return model


def test_registering_custom_objects(saved_custom_objects):
    CustomLayer, custom_fn = define_custom_objects()
    test_input = np.random.random((4, 4))

    model = get_custom_model(CustomLayer, custom_fn)
    model = train_model(model)
    model.save("custom_model.keras")

    # Now, we can simply load without worrying about our custom objects.
    reconstructed_model = keras.models.load_model("custom_model.keras")

    # Let's check:
    np.testing.assert_allclose(model.predict(test_input), reconstructed_model.predict(test_input))


def test_passing_custom_objects_to_load_model(saved_custom_objects):
    CustomLayer, custom_fn = define_custom_objects()
    test_input = np.random.random((4, 4))

    model = get_custom_model(CustomLayer, custom_fn)
    model = train_model(model)

    # Calling `save('my_model.keras')` creates a zip archive `my_model.keras`.
    model.save("custom_model.keras")

    # Upon loading, pass a dict containing the custom objects used in the
    # `custom_objects` argument of `keras.models.load_model()`.
    reconstructed_model = keras.models.load_model(
        "custom_model.keras",
        custom_objects={"CustomLayer": CustomLayer, "custom_fn": custom_fn},
    )

    # Let's check:
    np.testing.assert_allclose(model.predict(test_input), reconstructed_model.predict(test_input))


def test_using_a_custom_object_scope(saved_custom_objects):
    CustomLayer, custom_fn = define_custom_objects()
    test_input = np.random.random((4, 4))

    model = get_custom_model(CustomLayer, custom_fn)
    model = train_model(model)
    model.save("custom_model.keras")

    # Pass the custom objects dictionary to a custom object scope and place
    # the `keras.models.load_model()` call within the scope.
    custom_objects = {"CustomLayer": CustomLayer, "custom_fn": custom_fn}

    with keras.saving.custom_object_scope(custom_objects):
        reconstructed_model = keras.models.load_model("custom_model.keras")

    # Let's check:
    np.testing.assert_allclose(model.predict(test_input), reconstructed_model.predict(test_input))

    # In-memory model cloning
    new_model = keras.models.clone_model(model)
    assert [type(layer).__name__ for layer in new_model.layers] == [
        "InputLayer",
        "CustomLayer",
        "Dense",
    ]


def test_model_serialization():
    layer = keras.layers.Dense(3, activation="relu")
    layer_config = layer.get_config()
    print(layer_config)
    assert layer_config["units"] == 3 and layer_config["activation"] == "relu"

    new_layer = keras.layers.Dense.from_config(layer_config)
    assert new_layer.units == 3

    model = keras.Sequential([keras.Input((32,)), keras.layers.Dense(1)])
    config = model.get_config()
    new_model = keras.Sequential.from_config(config)
    assert new_model.count_params() == 33

    inputs = keras.Input((32,))
    outputs = keras.layers.Dense(1)(inputs)
    model = keras.Model(inputs, outputs)
    config = model.get_config()
    new_model = keras.Model.from_config(config)
    assert new_model.count_params() == 33

    model = keras.Sequential([keras.Input((32,)), keras.layers.Dense(1)])
    json_config = model.to_json()
    new_model = keras.models.model_from_json(json_config)
    assert new_model.output_shape == (None, 1)

    my_reg = keras.regularizers.L1(0.005)
    config = keras.saving.serialize_keras_object(my_reg)
    print(config)
    assert config["module"] == "keras.regularizers" and config["class_name"] == "L1"

    new_reg = keras.saving.deserialize_keras_object(config)
    assert new_reg.l1 == pytest.approx(0.005)
