"""keras.io guide "Making new layers and models via subclassing" (fchollet), import changed.

Source: https://keras.io/guides/making_new_layers_and_models_via_subclassing/ (keras-io/guides/
making_new_layers_and_models_via_subclassing.py, Apache License 2.0). The guide's code is kept
as written; its `assert`s stay as they are, and the VAE trains on 512 MNIST digits (offline copy)
for 2 epochs instead of 60,000. The backend-specific `Linear` variants (`jax.numpy.matmul`,
`tf.matmul`, `torch.matmul`) are skipped: they need those frameworks; the `ops.matmul` version
runs instead.
"""

import numpy as np
import pytest

import kerasedu as keras
from kerasedu import ops


class Linear(keras.layers.Layer):
    def __init__(self, units=32):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(
            shape=(input_shape[-1], self.units),
            initializer="random_normal",
            trainable=True,
        )
        self.b = self.add_weight(shape=(self.units,), initializer="random_normal", trainable=True)

    def call(self, inputs):
        return ops.matmul(inputs, self.w) + self.b


def test_the_layer_class_weights_created_in_init():
    class Linear(keras.layers.Layer):
        def __init__(self, units=32, input_dim=32):
            super().__init__()
            self.w = self.add_weight(
                shape=(input_dim, units),
                initializer="random_normal",
                trainable=True,
            )
            self.b = self.add_weight(shape=(units,), initializer="zeros", trainable=True)

        def call(self, inputs):
            return ops.matmul(inputs, self.w) + self.b

    x = ops.ones((2, 2))
    linear_layer = Linear(4, 2)
    y = linear_layer(x)
    print(y)
    assert tuple(y.shape) == (2, 4)

    assert linear_layer.weights == [linear_layer.w, linear_layer.b]


def test_layers_can_have_non_trainable_weights():
    class ComputeSum(keras.layers.Layer):
        def __init__(self, input_dim):
            super().__init__()
            self.total = self.add_weight(initializer="zeros", shape=(input_dim,), trainable=False)

        def call(self, inputs):
            self.total.assign_add(ops.sum(inputs, axis=0))
            return self.total

    x = ops.ones((2, 2))
    my_sum = ComputeSum(2)
    y = my_sum(x)
    print(y.numpy())
    np.testing.assert_array_equal(ops.convert_to_numpy(y), [2.0, 2.0])
    y = my_sum(x)
    print(y.numpy())
    np.testing.assert_array_equal(ops.convert_to_numpy(y), [4.0, 4.0])

    print("weights:", len(my_sum.weights))
    print("non-trainable weights:", len(my_sum.non_trainable_weights))
    assert len(my_sum.weights) == 1 and len(my_sum.non_trainable_weights) == 1

    # It's not included in the trainable weights:
    print("trainable_weights:", my_sum.trainable_weights)
    assert my_sum.trainable_weights == []


def test_deferring_weight_creation_until_the_input_shape_is_known():
    x = ops.ones((2, 2))
    # At instantiation, we don't know on what inputs this is going to get called
    linear_layer = Linear(32)

    # The layer's weights are created dynamically the first time the layer is called
    y = linear_layer(x)
    assert [tuple(w.shape) for w in linear_layer.weights] == [(2, 32), (32,)]
    assert tuple(y.shape) == (2, 32)


class MLPBlock(keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.linear_1 = Linear(32)
        self.linear_2 = Linear(32)
        self.linear_3 = Linear(1)

    def call(self, inputs):
        x = self.linear_1(inputs)
        x = keras.activations.relu(x)
        x = self.linear_2(x)
        x = keras.activations.relu(x)
        return self.linear_3(x)


def test_layers_are_recursively_composable():
    mlp = MLPBlock()
    y = mlp(ops.ones(shape=(3, 64)))  # The first call to the `mlp` will create the weights
    print("weights:", len(mlp.weights))
    print("trainable weights:", len(mlp.trainable_weights))
    assert tuple(y.shape) == (3, 1)
    assert len(mlp.weights) == 6 and len(mlp.trainable_weights) == 6


# A layer that creates an activity regularization loss
class ActivityRegularizationLayer(keras.layers.Layer):
    def __init__(self, rate=1e-2):
        super().__init__()
        self.rate = rate

    def call(self, inputs):
        self.add_loss(self.rate * ops.mean(inputs))
        return inputs


def test_the_add_loss_method():
    class OuterLayer(keras.layers.Layer):
        def __init__(self):
            super().__init__()
            self.activity_reg = ActivityRegularizationLayer(1e-2)

        def call(self, inputs):
            return self.activity_reg(inputs)

    layer = OuterLayer()
    assert len(layer.losses) == 0  # No losses yet since the layer has never been called

    _ = layer(ops.zeros((1, 1)))
    assert len(layer.losses) == 1  # We created one loss value

    # `layer.losses` gets reset at the start of each __call__
    _ = layer(ops.zeros((1, 1)))
    assert len(layer.losses) == 1  # This is the loss created during the call above


def test_losses_hold_the_inner_layers_weight_regularization():
    class OuterLayerWithKernelRegularizer(keras.layers.Layer):
        def __init__(self):
            super().__init__()
            self.dense = keras.layers.Dense(32, kernel_regularizer=keras.regularizers.l2(1e-3))

        def call(self, inputs):
            return self.dense(inputs)

    layer = OuterLayerWithKernelRegularizer()
    _ = layer(ops.zeros((1, 1)))

    # This is `1e-3 * sum(layer.dense.kernel ** 2)`,
    # created by the `kernel_regularizer` above.
    print(layer.losses)
    kernel = ops.convert_to_numpy(layer.dense.kernel)
    assert len(layer.losses) == 1
    assert float(layer.losses[0]) == pytest.approx(1e-3 * np.sum(kernel**2), rel=1e-5)


def test_add_loss_works_with_fit():
    inputs = keras.Input(shape=(3,))
    outputs = ActivityRegularizationLayer()(inputs)
    model = keras.Model(inputs, outputs)

    # If there is a loss passed in `compile`, the regularization
    # losses get added to it
    model.compile(optimizer="adam", loss="mse")
    x, y = np.random.random((2, 3)), np.random.random((2, 3))
    history = model.fit(x, y)
    # The model passes its inputs through: mse(y, x) plus the activity loss.
    expected = np.mean((y - x) ** 2) + 1e-2 * x.mean()
    assert history.history["loss"][0] == pytest.approx(expected, rel=1e-5)

    # It's also possible not to pass any loss in `compile`,
    # since the model already has a loss to minimize, via the `add_loss`
    # call during the forward pass!
    model.compile(optimizer="adam")
    history = model.fit(np.random.random((2, 3)), np.random.random((2, 3)))
    assert np.isfinite(history.history["loss"][0])


def test_you_can_optionally_enable_serialization_on_your_layers():
    class Linear(keras.layers.Layer):
        def __init__(self, units=32):
            super().__init__()
            self.units = units

        def build(self, input_shape):
            self.w = self.add_weight(
                shape=(input_shape[-1], self.units),
                initializer="random_normal",
                trainable=True,
            )
            self.b = self.add_weight(
                shape=(self.units,), initializer="random_normal", trainable=True
            )

        def call(self, inputs):
            return ops.matmul(inputs, self.w) + self.b

        def get_config(self):
            return {"units": self.units}

    # Now you can recreate the layer from its config:
    layer = Linear(64)
    config = layer.get_config()
    print(config)
    new_layer = Linear.from_config(config)
    assert new_layer.units == 64

    class Linear(keras.layers.Layer):
        def __init__(self, units=32, **kwargs):
            super().__init__(**kwargs)
            self.units = units

        def build(self, input_shape):
            self.w = self.add_weight(
                shape=(input_shape[-1], self.units),
                initializer="random_normal",
                trainable=True,
            )
            self.b = self.add_weight(
                shape=(self.units,), initializer="random_normal", trainable=True
            )

        def call(self, inputs):
            return ops.matmul(inputs, self.w) + self.b

        def get_config(self):
            config = super().get_config()
            config.update({"units": self.units})
            return config

    layer = Linear(64)
    config = layer.get_config()
    print(config)
    new_layer = Linear.from_config(config)
    assert config["units"] == 64 and config["name"] == layer.name and "trainable" in config
    assert new_layer.units == 64
    assert tuple(new_layer(np.ones((2, 3))).shape) == (2, 64)
