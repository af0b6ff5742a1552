"""Write real Keras 2 files into tests/saving/fixtures/keras2/ for test_keras2_files.py.

Run it with a throwaway TensorFlow 2.15 (its bundled Keras 2.15), never with the
project's own environment (TensorFlow is not a kerasedu dependency)::

    python3 -m venv /tmp/k2 && /tmp/k2/bin/pip install "tensorflow-cpu>=2.15,<2.16"
    /tmp/k2/bin/python tools/make_keras2_fixtures.py

For each small model (fixed seed, trained two steps so the weights are not the
initial ones) it writes::

    NAME.h5          model.save("NAME.h5"): config, weights, training config, optimizer state
    NAME_weights.h5  model.save_weights("NAME_weights.h5"): the legacy weights-only layout
    NAME.npz         x (or x0, x1 for two inputs): an input batch; y: Keras 2's predictions;
                     then, for models without dropout, t: targets for one more
                     train_on_batch(x, t) after saving, and y_after: the predictions after it
"""

import os

import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "saving", "fixtures", "keras2")


def mlp(rng):
    model = keras.Sequential(
        [
            keras.Input(shape=(8,)),
            layers.Dense(16, activation="relu"),
            layers.Dropout(0.2),
            layers.Dense(4, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    x = rng.normal(size=(16, 8)).astype("float32")
    y = np.eye(4, dtype="float32")[rng.integers(0, 4, 16)]
    return model, [x], y


def cnn(rng):
    model = keras.Sequential(
        [
            keras.Input(shape=(8, 8, 1)),
            layers.Conv2D(4, 3, activation="relu"),
            layers.BatchNormalization(),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dense(3, activation="softmax"),
        ]
    )
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    x = rng.normal(size=(16, 8, 8, 1)).astype("float32")
    return model, [x], rng.integers(0, 3, 16)


def _recurrent(rng, cell):
    model = keras.Sequential(
        [
            keras.Input(shape=(7,)),
            layers.Embedding(20, 6),
            cell(5),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    x = rng.integers(1, 20, size=(16, 7))
    return model, [x], rng.integers(0, 2, (16, 1)).astype("float32")


def lstm(rng):
    return _recurrent(rng, layers.LSTM)


def gru(rng):
    return _recurrent(rng, layers.GRU)


def two_inputs(rng):
    a, b = keras.Input(shape=(4,), name="a"), keras.Input(shape=(3,), name="b")
    merged = layers.Concatenate()([layers.Dense(5, activation="tanh")(a), layers.Dense(5)(b)])
    model = keras.Model([a, b], layers.Dense(2)(merged))
    model.compile(optimizer=keras.optimizers.SGD(0.05, momentum=0.9), loss="mse", metrics=["mae"])
    x = [rng.normal(size=(16, n)).astype("float32") for n in (4, 3)]
    return model, x, rng.normal(size=(16, 2)).astype("float32")


def main():
    os.makedirs(OUT, exist_ok=True)
    for build in (mlp, cnn, lstm, gru, two_inputs):
        keras.utils.set_random_seed(0)
        model, x, y = build(np.random.default_rng(0))
        model.fit(x, y, batch_size=8, epochs=1, verbose=0)  # two steps: weights move
        path = os.path.join(OUT, build.__name__)
        model.save(path + ".h5")
        model.save_weights(path + "_weights.h5")
        batch = [xi[:4] for xi in x]
        inputs = {"x": batch[0]} if len(batch) == 1 else {f"x{i}": b for i, b in enumerate(batch)}
        arrays = {"y": model.predict(batch, verbose=0), **inputs}
        if build is not mlp:  # dropout's draw differs between libraries: no step for it
            model.train_on_batch(batch, y[:4])  # checks the saved optimizer state
            arrays.update(t=y[:4], y_after=model.predict(batch, verbose=0))
        np.savez(path + ".npz", **arrays)
        print(build.__name__, "written")
    print("tensorflow", tf.__version__)


if __name__ == "__main__":
    main()
