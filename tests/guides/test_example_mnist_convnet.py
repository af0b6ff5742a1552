"""Idioms of the keras.io example "Simple MNIST convnet".

Example: https://keras.io/examples/vision/mnist_convnet/. The code here is written for
kerasedu's tests: two Conv2D + MaxPooling2D stages, Flatten, Dropout and a softmax Dense in a
``Sequential`` that starts with ``keras.Input``, one-hot labels from
``keras.utils.to_categorical``, categorical crossentropy, ``validation_split`` and
``evaluate``, with ``import kerasedu as keras`` in place of ``import keras``. Made smaller:
1,000 training and 200 test images of the offline MNIST copy and 3 epochs (the example: all
60,000 images, 15 epochs).
"""

import numpy as np

import kerasedu as keras
from kerasedu import layers


def as_channels_last(images):
    """(n, 28, 28) uint8 -> (n, 28, 28, 1) float32 in [0, 1]."""
    return np.expand_dims(images.astype("float32") / 255, -1)


def test_small_convnet_on_mnist(capsys):
    (train_images, train_labels), (test_images, test_labels) = keras.datasets.mnist.load_data()
    x_fit, x_test = as_channels_last(train_images[:1000]), as_channels_last(test_images[:200])
    assert x_fit.shape == (1000, 28, 28, 1)
    y_fit = keras.utils.to_categorical(train_labels[:1000], 10)
    y_test = keras.utils.to_categorical(test_labels[:200], 10)

    convnet = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),  # -> 26x26x32
            layers.MaxPooling2D(pool_size=(2, 2)),  # -> 13x13x32
            layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),  # -> 11x11x64
            layers.MaxPooling2D(pool_size=(2, 2)),  # -> 5x5x64
            layers.Flatten(),
            layers.Dropout(0.5),
            layers.Dense(10, activation="softmax"),
        ]
    )
    convnet.summary()
    assert "Total params: 34,826" in capsys.readouterr().out  # 320 + 18,496 + 16,010
    assert convnet.layers[3].output.shape == (None, 5, 5, 64)

    convnet.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    record = convnet.fit(x_fit, y_fit, batch_size=128, epochs=3, validation_split=0.1)
    losses = record.history["loss"]
    assert losses[2] < losses[1] < losses[0]

    loss, accuracy = convnet.evaluate(x_test, y_test, verbose=0)
    assert accuracy > 0.6  # 3 epochs on 900 images; the full run reaches about 0.99
