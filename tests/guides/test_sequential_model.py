"""keras.io guide "The Sequential model" (fchollet), run with only the import changed.

Source: https://keras.io/guides/sequential_model/ (keras-io/guides/sequential_model.py,
Apache License 2.0). The guide's code is kept as written; `tf.ones` becomes `np.ones` (no
TensorFlow here), and the 250x250 images become 64x64 so that the module runs in a second.
The asserts check what the guide prints or states in its comments.
"""

import numpy as np

import kerasedu as keras
from kerasedu import layers


def test_sequential_is_a_stack_of_layers():
    # Define Sequential model with 3 layers
    model = keras.Sequential(
        [
            layers.Dense(2, activation="relu", name="layer1"),
            layers.Dense(3, activation="relu", name="layer2"),
            layers.Dense(4, name="layer3"),
        ]
    )
    # Call model on a test input
    x = np.ones((3, 3))
    y = model(x)
    assert tuple(y.shape) == (3, 4)

    # Create 3 layers
    layer1 = layers.Dense(2, activation="relu", name="layer1")
    layer2 = layers.Dense(3, activation="relu", name="layer2")
    layer3 = layers.Dense(4, name="layer3")

    # Call layers on a test input
    x = np.ones((3, 3))
    y = layer3(layer2(layer1(x)))
    assert tuple(y.shape) == (3, 4)


def test_creating_a_sequential_model():
    model = keras.Sequential(
        [
            layers.Dense(2, activation="relu"),
            layers.Dense(3, activation="relu"),
            layers.Dense(4),
        ]
    )
    assert len(model.layers) == 3

    model = keras.Sequential()
    model.add(layers.Dense(2, activation="relu"))
    model.add(layers.Dense(3, activation="relu"))
    model.add(layers.Dense(4))

    model.pop()
    assert len(model.layers) == 2  # 2

    model = keras.Sequential(name="my_sequential")
    model.add(layers.Dense(2, activation="relu", name="layer1"))
    model.add(layers.Dense(3, activation="relu", name="layer2"))
    model.add(layers.Dense(4, name="layer3"))
    assert model.name == "my_sequential"
    assert [layer.name for layer in model.layers] == ["layer1", "layer2", "layer3"]


def test_specifying_the_input_shape_in_advance(capsys):
    layer = layers.Dense(3)
    assert layer.weights == []  # Empty

    # Call layer on a test input
    x = np.ones((1, 4))
    y = layer(x)
    # Now it has weights, of shape (4, 3) and (3,)
    assert [tuple(w.shape) for w in layer.weights] == [(4, 3), (3,)]

    model = keras.Sequential(
        [
            layers.Dense(2, activation="relu"),
            layers.Dense(3, activation="relu"),
            layers.Dense(4),
        ]
    )  # No weights at this stage!

    # Call the model on a test input
    x = np.ones((1, 4))
    y = model(x)
    assert tuple(y.shape) == (1, 4)
    print("Number of weights after calling the model:", len(model.weights))  # 6
    assert len(model.weights) == 6

    model.summary()
    # Dense(2): 4*2+2, Dense(3): 2*3+3, Dense(4): 3*4+4
    assert "Total params: 35" in capsys.readouterr().out

    model = keras.Sequential()
    model.add(keras.Input(shape=(4,)))
    model.add(layers.Dense(2, activation="relu"))

    model.summary()
    assert "Total params: 10" in capsys.readouterr().out
    # The Input object is not displayed as part of `model.layers`, since it isn't a layer.
    assert len(model.layers) == 1

    model = keras.Sequential()
    model.add(layers.Dense(2, activation="relu", input_shape=(4,)))

    model.summary()
    assert "Total params: 10" in capsys.readouterr().out


def test_add_and_summary_debugging_workflow(capsys):
    model = keras.Sequential()
    model.add(keras.Input(shape=(64, 64, 3)))  # 64x64 RGB images (the guide: 250x250)
    model.add(layers.Conv2D(32, 5, strides=2, activation="relu"))
    model.add(layers.Conv2D(32, 3, activation="relu"))
    model.add(layers.MaxPooling2D(3))

    # Can you guess what the current output shape is at this point? Probably not.
    # Let's just print it:
    model.summary()
    assert model.output_shape == (None, 9, 9, 32)  # (40, 40, 32) for 250x250 images

    model.add(layers.Conv2D(32, 3, activation="relu"))
    model.add(layers.MaxPooling2D(2))
    model.summary()
    assert model.output_shape == (None, 3, 3, 32)

    # Now that we have small feature maps, time to apply global max pooling.
    model.add(layers.GlobalMaxPooling2D())

    # Finally, we add a classification layer.
    model.add(layers.Dense(10))
    assert model.output_shape == (None, 10)
    assert "Total params:" in capsys.readouterr().out


def test_feature_extraction_with_a_sequential_model():
    initial_model = keras.Sequential(
        [
            keras.Input(shape=(64, 64, 3)),
            layers.Conv2D(32, 5, strides=2, activation="relu"),
            layers.Conv2D(32, 3, activation="relu"),
            layers.Conv2D(32, 3, activation="relu"),
        ]
    )
    feature_extractor = keras.Model(
        inputs=initial_model.inputs,
        outputs=[layer.output for layer in initial_model.layers],
    )

    # Call feature extractor on test input.
    x = np.ones((1, 64, 64, 3))
    features = feature_extractor(x)
    assert [tuple(f.shape) for f in features] == [(1, 30, 30, 32), (1, 28, 28, 32), (1, 26, 26, 32)]

    initial_model = keras.Sequential(
        [
            keras.Input(shape=(64, 64, 3)),
            layers.Conv2D(32, 5, strides=2, activation="relu"),
            layers.Conv2D(32, 3, activation="relu", name="my_intermediate_layer"),
            layers.Conv2D(32, 3, activation="relu"),
        ]
    )
    feature_extractor = keras.Model(
        inputs=initial_model.inputs,
        outputs=initial_model.get_layer(name="my_intermediate_layer").output,
    )
    # Call feature extractor on test input.
    x = np.ones((1, 64, 64, 3))
    features = feature_extractor(x)
    assert tuple(features.shape) == (1, 28, 28, 32)


def test_transfer_learning_freeze_all_but_the_last_layer(tmp_path):
    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            layers.Dense(32, activation="relu"),
            layers.Dense(32, activation="relu"),
            layers.Dense(32, activation="relu"),
            layers.Dense(10),
        ]
    )

    # Presumably you would want to first load pre-trained weights.
    path = str(tmp_path / "pretrained.weights.h5")
    model.save_weights(path)
    model.load_weights(path)

    # Freeze all layers except the last one.
    for layer in model.layers[:-1]:
        layer.trainable = False

    # Recompile and train (this will only update the weights of the last layer).
    frozen_before = [w.numpy().copy() for w in model.layers[0].weights]
    last_before = model.layers[-1].weights[0].numpy().copy()
    model.compile(
        optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    )
    model.fit(np.random.rand(32, 784), np.random.randint(0, 10, size=(32,)), verbose=0)
    assert all(np.array_equal(w.numpy(), b) for w, b in zip(model.layers[0].weights, frozen_before))
    assert not np.array_equal(model.layers[-1].weights[0].numpy(), last_before)
    assert len(model.trainable_weights) == 2


def test_transfer_learning_stack_a_pretrained_base():
    # Load a convolutional base (the guide: keras.applications.Xception with ImageNet weights;
    # offline here, a small functional base built in place of it).
    inputs = keras.Input(shape=(32, 32, 3))
    x = layers.Conv2D(8, 3, activation="relu")(inputs)
    base_model = keras.Model(inputs, layers.GlobalAveragePooling2D()(x))

    # Freeze the base model
    base_model.trainable = False

    # Use a Sequential model to add a trainable classifier on top
    model = keras.Sequential(
        [
            base_model,
            layers.Dense(1000),
        ]
    )

    # Compile & train
    model.compile(optimizer="adam", loss="mse")
    model.fit(np.random.rand(8, 32, 32, 3), np.random.rand(8, 1000), verbose=0)
    assert [tuple(w.shape) for w in model.trainable_weights] == [(8, 1000), (1000,)]
