"""Train a small convnet on MNIST: keras.io's "Simple MNIST convnet", on kerasedu.

Conv(32, 3x3) -> MaxPool -> Conv(64, 3x3) -> MaxPool -> Flatten -> Dropout(0.5)
-> Dense(10, softmax); Adam, batch size 128, validation_split=0.1. keras.io
trains 15 epochs for about 99 % test accuracy; pass the number of epochs on the
command line to train fewer (one epoch already gives about 97-98 %).

Run:
    python examples/mnist_convnet.py 15
"""

import sys
import time

import numpy as np

from kerasedu.datasets import mnist
from kerasedu.layers import Conv2D, Dense, Dropout, Flatten, Input, MaxPooling2D
from kerasedu.models import Sequential
from kerasedu.utils import to_categorical

np.random.seed(0)
epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 15

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = np.expand_dims(x_train.astype("float32") / 255, -1)  # (N, 28, 28) -> (N, 28, 28, 1)
x_test = np.expand_dims(x_test.astype("float32") / 255, -1)
y_train = to_categorical(y_train, 10)
y_test = to_categorical(y_test, 10)

model = Sequential(
    [
        Input(shape=(28, 28, 1)),
        Conv2D(32, kernel_size=(3, 3), activation="relu"),
        MaxPooling2D(pool_size=(2, 2)),
        Conv2D(64, kernel_size=(3, 3), activation="relu"),
        MaxPooling2D(pool_size=(2, 2)),
        Flatten(),
        Dropout(0.5),
        Dense(10, activation="softmax"),
    ]
)
model.summary()
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

start = time.time()
model.fit(x_train, y_train, batch_size=128, epochs=epochs, validation_split=0.1, verbose=2)
seconds = time.time() - start
loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
print(f"Test loss: {loss:.4f}  test accuracy: {accuracy:.4f}  ({seconds / epochs:.1f} s/epoch)")
