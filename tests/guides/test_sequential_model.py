"""Idioms of the Keras guide on the Sequential model.

Guide: https://keras.io/guides/sequential_model/. The code here is written for kerasedu's tests:
a ``Sequential`` built from a list or with ``add``/``pop``, names, weights created at the first
call or declared in advance with ``keras.Input`` or ``input_shape``, ``summary`` and
``output_shape`` while stacking convolutions, feature extraction through ``layer.output`` and
``get_layer``, and freezing layers for transfer learning, with ``import kerasedu as keras`` in
place of ``import keras``. Pictures are 64x64 to keep the run short. Left out:
``keras.applications.Xception`` with ImageNet weights (a download); a one-convolution base
stands in for it.
"""

import numpy as np

import kerasedu as keras
from kerasedu import layers


def three_dense(names=(None, None, None)):
    """Dense(2, relu) -> Dense(3, relu) -> Dense(4), optionally named."""
    return [
        layers.Dense(2, activation="relu", name=names[0]),
        layers.Dense(3, activation="relu", name=names[1]),
        layers.Dense(4, name=names[2]),
    ]


def test_a_sequential_equals_calling_its_layers_in_turn():
    batch = np.ones((3, 3))
    stack = keras.Sequential(three_dense(("a", "b", "c")))
    assert tuple(stack(batch).shape) == (3, 4)
    first, second, third = three_dense(("a", "b", "c"))
    assert tuple(third(second(first(batch))).shape) == (3, 4)


def test_building_with_a_list_or_with_add_and_pop():
    assert len(keras.Sequential(three_dense()).layers) == 3

    stack = keras.Sequential()
    for layer in three_dense():
        stack.add(layer)
    stack.pop()  # removes the last layer
    assert len(stack.layers) == 2

    named = keras.Sequential(name="tiny_stack")
    for layer in three_dense(("a", "b", "c")):
        named.add(layer)
    assert named.name == "tiny_stack"
    assert [layer.name for layer in named.layers] == ["a", "b", "c"]


def test_weights_appear_at_the_first_call_or_from_a_declared_input(capsys):
    dense = layers.Dense(3)
    assert dense.weights == []
    dense(np.ones((1, 4)))
    assert [tuple(w.shape) for w in dense.weights] == [(4, 3), (3,)]

    stack = keras.Sequential(three_dense())  # no weights yet
    assert tuple(stack(np.ones((1, 4))).shape) == (1, 4)
    assert len(stack.weights) == 6
    stack.summary()
    assert "Total params: 35" in capsys.readouterr().out  # (4*2+2) + (2*3+3) + (3*4+4)

    # Declaring the input shape builds the model at once; the Input is not one of its layers.
    declared = keras.Sequential()
    declared.add(keras.Input(shape=(4,)))
    declared.add(layers.Dense(2, activation="relu"))
    declared.summary()
    assert "Total params: 10" in capsys.readouterr().out
    assert len(declared.layers) == 1

    legacy = keras.Sequential()
    legacy.add(layers.Dense(2, activation="relu", input_shape=(4,)))
    legacy.summary()
    assert "Total params: 10" in capsys.readouterr().out


def test_checking_output_shape_while_adding_layers(capsys):
    convnet = keras.Sequential()
    convnet.add(keras.Input(shape=(64, 64, 3)))
    convnet.add(layers.Conv2D(32, 5, strides=2, activation="relu"))  # -> 30x30
    convnet.add(layers.Conv2D(32, 3, activation="relu"))  # -> 28x28
    convnet.add(layers.MaxPooling2D(3))  # -> 9x9
    convnet.summary()
    assert convnet.output_shape == (None, 9, 9, 32)

    convnet.add(layers.Conv2D(32, 3, activation="relu"))  # -> 7x7
    convnet.add(layers.MaxPooling2D(2))  # -> 3x3
    convnet.summary()
    assert convnet.output_shape == (None, 3, 3, 32)

    convnet.add(layers.GlobalMaxPooling2D())
    convnet.add(layers.Dense(10))
    assert convnet.output_shape == (None, 10)
    assert "Total params:" in capsys.readouterr().out


def small_convnet(middle_name=None):
    return keras.Sequential(
        [
            keras.Input(shape=(64, 64, 3)),
            layers.Conv2D(32, 5, strides=2, activation="relu"),
            layers.Conv2D(32, 3, activation="relu", name=middle_name),
            layers.Conv2D(32, 3, activation="relu"),
        ]
    )


def test_reading_inner_outputs_of_a_sequential():
    convnet = small_convnet()
    every_output = keras.Model(
        inputs=convnet.inputs, outputs=[layer.output for layer in convnet.layers]
    )
    maps = every_output(np.ones((1, 64, 64, 3)))
    assert [tuple(m.shape) for m in maps] == [(1, 30, 30, 32), (1, 28, 28, 32), (1, 26, 26, 32)]

    convnet = small_convnet(middle_name="middle")
    one_output = keras.Model(inputs=convnet.inputs, outputs=convnet.get_layer(name="middle").output)
    assert tuple(one_output(np.ones((1, 64, 64, 3))).shape) == (1, 28, 28, 32)


def test_freezing_every_layer_but_the_last(tmp_path):
    stack = keras.Sequential(
        [keras.Input(shape=(784,))]
        + [layers.Dense(32, activation="relu") for _ in range(3)]
        + [layers.Dense(10)]
    )
    weights_file = str(tmp_path / "earlier.weights.h5")  # stands for pretrained weights
    stack.save_weights(weights_file)
    stack.load_weights(weights_file)

    for layer in stack.layers[:-1]:
        layer.trainable = False
    first_before = [w.numpy().copy() for w in stack.layers[0].weights]
    last_before = stack.layers[-1].weights[0].numpy().copy()
    # Compile after changing `trainable`, then train: only the last layer moves.
    stack.compile(
        optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    )
    stack.fit(np.random.rand(32, 784), np.random.randint(0, 10, size=(32,)), verbose=0)
    assert all(np.array_equal(w.numpy(), b) for w, b in zip(stack.layers[0].weights, first_before))
    assert not np.array_equal(stack.layers[-1].weights[0].numpy(), last_before)
    assert len(stack.trainable_weights) == 2


def test_a_frozen_model_as_the_first_layer_of_a_sequential():
    pictures = keras.Input(shape=(32, 32, 3))
    features = layers.GlobalAveragePooling2D()(layers.Conv2D(8, 3, activation="relu")(pictures))
    base = keras.Model(pictures, features)
    base.trainable = False

    classifier = keras.Sequential([base, layers.Dense(1000)])
    classifier.compile(optimizer="adam", loss="mse")
    classifier.fit(np.random.rand(8, 32, 32, 3), np.random.rand(8, 1000), verbose=0)
    assert [tuple(w.shape) for w in classifier.trainable_weights] == [(8, 1000), (1000,)]
