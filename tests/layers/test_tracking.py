"""Tracking: layers and variables assigned to a layer are part of it (weights, losses, flags)."""

import copy
import json
import pickle

import numpy as np

from kerasedu.autograd import Variable
from kerasedu.layers import BatchNormalization, Dense, Input, Layer
from kerasedu.layers.tracking import TrackedDict, TrackedList, flatten_layers, unique
from kerasedu.models import Sequential
from tests.layers.keras_reference import import_keras


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


class AppendedBlocks(Layer):
    """Layers added to a list and a dict after they were assigned, as Keras 3 code may do."""

    def __init__(self):
        super().__init__(name="appended")
        self.blocks = []
        for index in range(2):
            self.blocks.append(Dense(3, name=f"block{index}"))
        self.heads = {}
        self.heads["out"] = Dense(1, name="head")

    def call(self, inputs):
        for block in self.blocks:
            inputs = block(inputs)
        return self.heads["out"](inputs)


def test_layers_appended_to_an_assigned_list_or_dict_are_tracked_and_trained():
    layer = AppendedBlocks()
    assert isinstance(layer.blocks, TrackedList) and isinstance(layer.heads, TrackedDict)
    model = Sequential([Input((4,)), layer])
    assert [w.name for w in model.weights] == [
        "block0/kernel",
        "block0/bias",
        "block1/kernel",
        "block1/bias",
        "head/kernel",
        "head/bias",
    ]
    model.compile(optimizer="sgd", loss="mse")
    before = [w.copy() for w in model.get_weights()]
    model.fit(np.ones((8, 4), "float32"), np.zeros((8, 1), "float32"), verbose=0)
    assert all(not np.array_equal(a, b) for a, b in zip(before, model.get_weights()))


def test_every_way_of_changing_a_tracked_list_or_dict_updates_the_layer():
    layer = Layer()
    a, b, c, d = (Dense(1, name=n) for n in "abcd")
    layer.blocks = [a]
    layer.blocks.extend([b])
    layer.blocks.insert(0, c)
    layer.blocks += [d]
    assert layer._tracked_layers == [c, a, b, d]
    layer.blocks[0] = a  # c replaced
    del layer.blocks[1]
    assert layer._tracked_layers == [a, b, d]
    layer.blocks.remove(b)
    assert layer.blocks.pop() is d and layer._tracked_layers == [a]
    layer.blocks.clear()
    assert layer._tracked_layers == []
    layer.blocks[0:0] = (block for block in (a, b))  # a generator: read once, both tracked
    assert layer._tracked_layers == [a, b]
    layer.blocks.clear()
    layer.heads = {}
    layer.heads.update(x=a)
    layer.heads.setdefault("y", b)
    assert layer._tracked_layers == [a, b]
    assert layer.heads.pop("x") is a and layer._tracked_layers == [b]
    del layer.heads["y"]
    assert layer._tracked_layers == []
    layer.heads |= {"z": c}
    assert layer._tracked_layers == [c]


def test_tracked_containers_stay_lists_and_dicts_for_everything_else():
    layer = Layer()
    original = [1, 2]
    layer.sizes = original
    original.append(3)  # the layer holds a copy, as in Keras 3
    assert layer.sizes == [1, 2] and layer.sizes is not original
    layer.sizes.append(4)  # plain values: nothing to track
    assert "sizes" not in layer._tracked and json.loads(json.dumps(layer.sizes)) == [1, 2, 4]
    copied = pickle.loads(pickle.dumps(layer.sizes))
    assert copied == [1, 2, 4] and copy.deepcopy(layer.sizes) == [1, 2, 4]
    assert layer._trainable_weights.__class__ is list  # the base layer's own bookkeeping


def test_appended_layers_match_keras_3_weight_count():
    keras = import_keras()

    class KerasAppended(keras.layers.Layer):
        def __init__(self):
            super().__init__()
            self.blocks = []
            for _ in range(2):
                self.blocks.append(keras.layers.Dense(3))
            self.heads = {}
            self.heads["out"] = keras.layers.Dense(1)

        def call(self, inputs):
            for block in self.blocks:
                inputs = block(inputs)
            return self.heads["out"](inputs)

    x = np.ones((2, 4), "float32")
    theirs, ours = KerasAppended(), AppendedBlocks()
    theirs(x), ours(x)
    assert [tuple(w.shape) for w in ours.weights] == [tuple(w.shape) for w in theirs.weights]
