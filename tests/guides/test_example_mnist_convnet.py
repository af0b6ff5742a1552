"""keras.io example "Simple MNIST convnet" (fchollet), run with only the import changed.

Source: https://keras.io/examples/vision/mnist_convnet/ (keras-io/examples/vision/
mnist_convnet.py, Apache License 2.0). The example's code is kept as written, with MNIST
sliced from the offline copy `keras.datasets.mnist.load_data()` reads: 1,000 training and 200
test images, 3 epochs instead of 60,000 images and 15 epochs.
"""

import numpy as np

import kerasedu as keras
from kerasedu import layers


def test_simple_mnist_convnet(capsys):
    # Model / data parameters
    num_classes = 10
    input_shape = (28, 28, 1)

    # Load the data and split it between train and test sets
    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    # Small and offline: the first 1,000 training and 200 test images.
    x_train, y_train, x_test, y_test = x_train[:1000], y_train[:1000], x_test[:200], y_test[:200]

    # Scale images to the [0, 1] range
    x_train = x_train.astype("float32") / 255
    x_test = x_test.astype("float32") / 255
    # Make sure images have shape (28, 28, 1)
    x_train = np.expand_dims(x_train, -1)
    x_test = np.expand_dims(x_test, -1)
    print("x_train shape:", x_train.shape)
    print(x_train.shape[0], "train samples")
    print(x_test.shape[0], "test samples")
    assert x_train.shape == (1000, 28, 28, 1)

    # convert class vectors to binary class matrices
    y_train = keras.utils.to_categorical(y_train, num_classes)
    y_test = keras.utils.to_categorical(y_test, num_classes)

    model = keras.Sequential(
        [
            keras.Input(shape=input_shape),
            layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
            layers.MaxPooling2D(pool_size=(2, 2)),
            layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
            layers.MaxPooling2D(pool_size=(2, 2)),
            layers.Flatten(),
            layers.Dropout(0.5),
            layers.Dense(num_classes, activation="softmax"),
        ]
    )

    model.summary()
    summary = capsys.readouterr().out
    assert "Total params: 34,826" in summary  # the example's printed summary
    assert model.layers[3].output.shape == (None, 5, 5, 64)

    batch_size = 128
    epochs = 3  # the example: 15

    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

    history = model.fit(
        x_train, y_train, batch_size=batch_size, epochs=epochs, validation_split=0.1
    )
    losses = history.history["loss"]
    assert losses[2] < losses[1] < losses[0]

    score = model.evaluate(x_test, y_test, verbose=0)
    print("Test loss:", score[0])
    print("Test accuracy:", score[1])
    assert score[1] > 0.6  # 3 epochs on 900 images; the example reaches 0.99 on all of MNIST
