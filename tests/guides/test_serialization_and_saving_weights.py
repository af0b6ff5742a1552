"""Idioms of the Keras guide on saving and serialization, second half: weights and configs.

Guide: https://keras.io/guides/serialization_and_saving/. The code here is written for
kerasedu's tests: ``get_weights``/``set_weights`` between layers and between functional and
subclassed models, ``save_weights``/``load_weights`` with ``.weights.h5`` files, reusing a
loaded model's layers in a new ``Sequential``, weight order after ``trainable`` changes, and
``get_config``/``from_config`` on registered custom layers that hold other layers, with
``import kerasedu as keras`` in place of ``import keras``. Left out: the ``model.export``
(TensorFlow SavedModel) part, which needs TensorFlow.
"""

import numpy as np
import pytest

import kerasedu as keras
from kerasedu import ops


@pytest.fixture
def restore_custom_objects():
    """Undo the registrations a test makes with register_keras_serializable."""
    before = dict(keras.saving.get_custom_objects())
    yield
    keras.saving.get_custom_objects().clear()
    keras.saving.get_custom_objects().update(before)


def three_dense_mlp(with_dropout=False):
    """A functional 784 -> 64 -> 64 -> 10 (logits) model; Dropout adds no weights."""
    pixels = keras.Input(shape=(784,), name="pixels")
    hidden = keras.layers.Dense(64, activation="relu", name="first")(pixels)
    hidden = keras.layers.Dense(64, activation="relu", name="second")(hidden)
    if with_dropout:
        hidden = keras.layers.Dropout(0.5)(hidden)
    logits = keras.layers.Dense(10, name="logits")(hidden)
    return keras.Model(inputs=pixels, outputs=logits, name="mlp")


def test_set_weights_between_layers_and_between_models():
    source, target = (keras.layers.Dense(64, activation="relu") for _ in range(2))
    for layer in (source, target):
        layer.build((None, 784))  # weights exist once the input shape is known
    target.set_weights(source.get_weights())
    np.testing.assert_array_equal(target.get_weights()[0], source.get_weights()[0])

    # Same weights in the same order: the Dropout in between does not change the list.
    plain, with_dropout = three_dense_mlp(), three_dense_mlp(with_dropout=True)
    with_dropout.set_weights(plain.get_weights())
    batch = np.random.rand(2, 784)
    np.testing.assert_allclose(with_dropout.predict(batch), plain.predict(batch), rtol=1e-6)


class StackedMLP(keras.Model):
    """The subclassed twin of `three_dense_mlp`: same layers, created in the same order."""

    def __init__(self, num_outputs, name=None):
        super().__init__(name=name)
        self.num_outputs = num_outputs
        self.first = keras.layers.Dense(64, activation="relu")
        self.second = keras.layers.Dense(64, activation="relu")
        self.head = keras.layers.Dense(num_outputs)

    def call(self, inputs):
        return self.head(self.second(self.first(inputs)))

    def get_config(self):
        return {"num_outputs": self.num_outputs, "name": self.name}


def test_set_weights_from_a_functional_model_into_a_subclassed_one():
    functional = three_dense_mlp()
    subclassed = StackedMLP(10)
    subclassed(np.ones((1, 784)))  # one call creates the weights
    subclassed.set_weights(functional.get_weights())
    assert len(subclassed.weights) == len(functional.weights)
    for theirs, ours in zip(functional.weights, subclassed.weights):
        np.testing.assert_allclose(ours.numpy(), theirs.numpy())


def test_weights_files_and_reusing_loaded_layers(tmp_path, capsys):
    stack = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10),
        ]
    )
    stack_file = str(tmp_path / "stack.weights.h5")  # the name must end in .weights.h5
    stack.save_weights(stack_file)
    stack.load_weights(stack_file)

    trained = three_dense_mlp()
    trained.save_weights(str(tmp_path / "mlp.weights.h5"))
    reloaded = three_dense_mlp()  # e.g. in another process
    reloaded.load_weights(str(tmp_path / "mlp.weights.h5"))
    for before, after in zip(trained.get_weights(), reloaded.get_weights()):
        np.testing.assert_array_equal(after, before)

    # Keep every layer but the head, put a 5-way head on top.
    body = reloaded.layers[:-1]
    body.append(keras.layers.Dense(5, name="new_head"))
    keras.Sequential(body).summary()
    # 784*64+64 + 64*64+64 + 64*5+5
    assert "Total params: 54,725" in capsys.readouterr().out


class TwoDenseBlock(keras.layers.Layer):
    """A layer that owns two Dense layers applied one after the other."""

    def __init__(self, units, name=None):
        super().__init__(name=name)
        self.inner = keras.layers.Dense(units, name="inner")
        self.outer = keras.layers.Dense(units, name="outer")

    def call(self, inputs):
        return self.outer(self.inner(inputs))


def test_freezing_a_nested_layer_keeps_the_weight_order():
    model = keras.Sequential([keras.Input((784,)), TwoDenseBlock(10, "block")])
    names_before = [w.name for w in model.weights]
    # Keras 3 names a variable "kernel"; kerasedu's name holds the layer ("inner/kernel").
    assert [name.split("/")[-1] for name in names_before] == ["kernel", "bias"] * 2

    model.get_layer("block").inner.trainable = False
    assert [w.name for w in model.weights] == names_before  # Keras 3 agrees: order unchanged
    assert len(model.trainable_weights) == 2


def register_no_bias_dense():
    """Register under "Ours>Projection" and return a layer whose config holds other objects."""

    @keras.saving.register_keras_serializable(package="Ours", name="Projection")
    class NoBiasDense(keras.layers.Layer):
        """x @ kernel, with the kernel's regularizer and initializer and an optional inner layer."""

        def __init__(self, width, *, kernel_regularizer=None, kernel_initializer=None,
                     inner=None, **kwargs):  # fmt: skip
            super().__init__(**kwargs)
            self.width = width
            self.kernel_regularizer = kernel_regularizer
            self.kernel_initializer = kernel_initializer
            self.inner = inner

        def build(self, input_shape):
            self.kernel = self.add_weight(
                name="kernel",
                shape=(input_shape[-1], self.width),
                regularizer=self.kernel_regularizer,
                initializer=self.kernel_initializer,
            )

        def call(self, inputs):
            return ops.matmul(inputs, self.kernel)

        def get_config(self):
            # The base config (name, trainable, dtype) plus every __init__ argument.
            return {
                **super().get_config(),
                "width": self.width,
                "kernel_regularizer": self.kernel_regularizer,
                "kernel_initializer": self.kernel_initializer,
                "inner": self.inner,
            }

    return NoBiasDense


def register_sandwich():
    """Register under "Composites>Sandwich" and return a layer that holds two layers."""

    @keras.saving.register_keras_serializable(package="Composites")
    class Sandwich(keras.layers.Layer):
        """Applies `bottom` (a Dense(8) unless given), then `top`."""

        def __init__(self, top, bottom=None, **kwargs):
            super().__init__(**kwargs)
            self.top = top
            self.bottom = bottom if bottom is not None else keras.layers.Dense(8)

        def call(self, inputs):
            return self.top(self.bottom(inputs))

        def get_config(self):
            return {**super().get_config(), "top": self.top, "bottom": self.bottom}

        @classmethod
        def from_config(cls, config):
            # The held layers arrive as serialized dicts: turn them back into layers first.
            for key in ("top", "bottom"):
                config[key] = keras.layers.deserialize(config[key])
            return cls(**config)

    return Sandwich


def test_get_config_and_from_config_of_registered_layers(restore_custom_objects):
    NoBiasDense, Sandwich = register_no_bias_dense(), register_sandwich()
    small = NoBiasDense(width=16, kernel_regularizer="l1", kernel_initializer="ones")
    rebuilt = keras.layers.deserialize(keras.layers.serialize(NoBiasDense(64, inner=small)))
    assert rebuilt.width == 64 and rebuilt.kernel_initializer is None

    features = keras.Input((32,))
    model = keras.Model(features, Sandwich(top=small)(features))
    assert keras.Model.from_config(model.get_config()).output_shape == (None, 16)

    regularized = NoBiasDense(
        width=16,
        kernel_regularizer=keras.regularizers.L1L2(l1=1e-5, l2=1e-4),
        kernel_initializer="ones",
    )
    entry = keras.layers.serialize(regularized)
    assert entry["registered_name"] == "Ours>Projection"
    assert entry["class_name"] == "NoBiasDense" and entry["module"] == NoBiasDense.__module__
