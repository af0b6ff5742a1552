"""Tracking: layers and variables assigned to a layer are part of it (weights, losses, flags)."""

import numpy as np

from kerasedu.autograd import Variable
from kerasedu.layers import BatchNormalization, Dense, Input, Layer
from kerasedu.layers.tracking import flatten_layers, unique
from kerasedu.models import Sequential


class NestedDenseLayer(Layer):
    """The Keras guide's idea: a layer made of layers, held as attributes, in a list and a dict."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.first = Dense(4, name=f"{self.name}_first")
        self.middle = [Dense(4, name=f"{self.name}_m0"), BatchNormalization(name=f"{self.name}_bn")]
        self.heads = {"out": Dense(units, name=f"{self.name}_out")}

    def call(self, inputs, training=None):
        x = self.first(inputs)
        x = self.middle[1](self.middle[0](x), training=training)
        return self.heads["out"](x)


def test_sequential_with_a_nested_layer_has_its_weights_in_keras_order():
    layer = NestedDenseLayer(10, name="nested")
    model = Sequential([Input((784,)), layer])
    names = [w.name for w in model.weights]
    assert names == [
        "nested_first/kernel",
        "nested_first/bias",
        "nested_m0/kernel",
        "nested_m0/bias",
        "nested_bn/gamma",
        "nested_bn/beta",
        "nested_bn/moving_mean",
        "nested_bn/moving_variance",
        "nested_out/kernel",
        "nested_out/bias",
    ]
    assert [w.name for w in layer.non_trainable_weights] == [
        "nested_bn/moving_mean",
        "nested_bn/moving_variance",
    ]
    assert len(layer.trainable_weights) == 8
    assert model.count_params() == (784 * 4 + 4) + (4 * 4 + 4) + 4 * 4 + (4 * 10 + 10)
    arrays = [np.full(w.shape, i, dtype="float32") for i, w in enumerate(model.weights)]
    model.set_weights(arrays)
    assert [a[..., 0].ravel()[0] for a in model.get_weights()] == list(range(10))


def test_own_weights_come_before_the_sub_layers_weights():
    class Scaled(Layer):
        def __init__(self):
            super().__init__(name="scaled")
            self.dense = Dense(2, name="scaled_dense")
            self.scale = self.add_weight(shape=(2,), initializer="ones", name="scale")
            self.count = self.add_weight(shape=(), trainable=False, name="count")

    layer = Scaled()
    layer.dense.build((None, 3))
    assert [w.name for w in layer.weights] == [
        "scaled/scale",
        "scaled/count",
        "scaled_dense/kernel",
        "scaled_dense/bias",
    ]


def test_assigned_variables_are_owned_once_and_reassigning_forgets_a_layer():
    class Tied(Layer):
        def __init__(self):
            super().__init__()
            self.dense = Dense(2)
            self.dense.build((None, 2))
            self.tied = self.dense.kernel  # a sub-layer's weight: not a second copy
            self.step = Variable(np.zeros(()), trainable=False)

    layer = Tied()
    assert layer.weights == [layer.step, layer.dense.kernel, layer.dense.bias]
    assert layer.non_trainable_weights == [layer.step]
    layer.dense = None
    assert layer.weights == [layer.step] and layer._tracked_layers == []


def test_attributes_set_before_super_init_are_tracked():
    class Early(Layer):
        def __init__(self):
            self.dense = Dense(1)  # before super().__init__(), as some Keras 2 code does
            super().__init__()

    layer = Early()
    layer.dense.build((None, 2))
    assert len(layer.weights) == 2


def test_trainable_false_propagates_to_every_nested_layer_and_back():
    layer = NestedDenseLayer(2)
    model = Sequential([Input((3,)), layer])
    model.trainable = False
    assert layer.trainable is False
    assert [inner.trainable for inner in flatten_layers(layer)] == [False] * 5
    assert model.trainable_weights == [] and len(model.non_trainable_weights) == 10
    model.trainable = True
    assert all(inner.trainable for inner in flatten_layers(model))
    assert len(model.trainable_weights) == 8


def test_losses_of_nested_layers_and_frozen_penalties():
    class Regularized(Layer):
        def __init__(self):
            super().__init__()
            self.dense = Dense(2, kernel_regularizer="l2", kernel_initializer="ones")

        def call(self, inputs):
            return self.dense(inputs)

    layer = Regularized()
    layer(np.ones((1, 3), dtype="float32"))
    [penalty] = layer.losses  # the sub-layer's penalty is the outer layer's too
    np.testing.assert_allclose(float(penalty), 0.01 * 6, rtol=1e-6)
    layer.trainable = False
    assert layer.losses == []  # Keras 3: a frozen weight is not trained, so no penalty


def test_flatten_layers_lists_each_layer_once_depth_first():
    shared = Dense(1, name="shared")

    class Twice(Layer):
        def __init__(self):
            super().__init__(name="twice")
            self.a = [shared, Dense(1, name="other")]
            self.b = shared

    outer = Twice()
    assert [layer.name for layer in flatten_layers(outer)] == ["twice", "shared", "other"]
    assert unique([shared, outer, shared]) == [shared, outer]
