"""Fixtures shared by the guide tests: a small slice of MNIST and a tiny digit classifier."""

import pytest

import kerasedu as keras
from kerasedu import layers


@pytest.fixture(scope="session")
def flat_digits():
    """MNIST as flat float vectors, kept small so that a few epochs take a second.

    Returns:
        A dict of NumPy arrays: ``x_fit`` (2000, 784), ``y_fit`` (2000,), ``x_val`` (500, 784),
        ``y_val`` (500,), ``x_test`` (500, 784), ``y_test`` (500,). Pixels are scaled to [0, 1],
        labels are float32 class indices as the guides use them.
    """
    (train_images, train_labels), (test_images, test_labels) = keras.datasets.mnist.load_data()
    pixels = train_images[:2500].reshape(-1, 784).astype("float32") / 255
    labels = train_labels[:2500].astype("float32")
    return {
        "x_fit": pixels[:2000],
        "y_fit": labels[:2000],
        "x_val": pixels[2000:],
        "y_val": labels[2000:],
        "x_test": test_images[:500].reshape(-1, 784).astype("float32") / 255,
        "y_test": test_labels[:500].astype("float32"),
    }


def _digit_classifier(compiled=True):
    # 784 -> 64 -> 64 -> 10 softmax, built with the functional API and named layers.
    pixels = keras.Input(shape=(784,), name="pixels")
    hidden = layers.Dense(64, activation="relu", name="hidden_a")(pixels)
    hidden = layers.Dense(64, activation="relu", name="hidden_b")(hidden)
    probs = layers.Dense(10, activation="softmax", name="probs")(hidden)
    model = keras.Model(inputs=pixels, outputs=probs)
    if compiled:
        model.compile(
            optimizer="rmsprop",
            loss="sparse_categorical_crossentropy",
            metrics=["sparse_categorical_accuracy"],
        )
    return model


@pytest.fixture
def digit_classifier():
    """A factory: ``digit_classifier(compiled=True)`` returns a fresh 784-64-64-10 model.

    Compiled with string identifiers (``"rmsprop"``, ``"sparse_categorical_crossentropy"``,
    ``"sparse_categorical_accuracy"``) unless ``compiled=False``.
    """
    return _digit_classifier


@pytest.fixture(scope="session")
def thousand_digits():
    """1,000 training and 1,000 test MNIST images as (1000, 784) floats in [0, 1], with labels."""
    (train_images, train_labels), (test_images, test_labels) = keras.datasets.mnist.load_data()

    def flatten(images):
        return images[:1000].reshape(-1, 784).astype("float32") / 255.0

    return flatten(train_images), train_labels[:1000], flatten(test_images), test_labels[:1000]


def _one_unit_regressor():
    # Dense(1) reading the digit's value from its pixels: MSE loss, MAE metric, a large step.
    model = keras.Sequential()
    model.add(keras.layers.Dense(1))
    model.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=0.1),
        loss="mean_squared_error",
        metrics=["mean_absolute_error"],
    )
    return model


@pytest.fixture
def one_unit_regressor():
    """A factory returning a fresh compiled ``Sequential([Dense(1)])`` (built at first call)."""
    return _one_unit_regressor
