"""Train a multilayer perceptron on MNIST: the classic Keras example, on kerasedu.

784 -> 400 (ReLU) -> 10 (softmax), RMSprop(learning_rate=0.001, rho=0.9),
batch size 32, 4 epochs: about 97-98 % test accuracy. Replace ``kerasedu`` by
``keras`` in the imports and the script runs unchanged on Keras.

Run:
    python examples/mnist_mlp.py
"""

import time

import numpy as np

from kerasedu.datasets import mnist
from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential
from kerasedu.optimizers import RMSprop
from kerasedu.utils import to_categorical

np.random.seed(0)

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.reshape(60000, 784).astype("float32") / 255  # pixels 0..255 -> 0..1
x_test = x_test.reshape(10000, 784).astype("float32") / 255
y_train = to_categorical(y_train, 10)  # class k -> one-hot row
y_test = to_categorical(y_test, 10)

model = Sequential(
    [
        Input(shape=(784,)),
        Dense(400, activation="relu"),
        Dense(10, activation="softmax"),
    ]
)
model.summary()
model.compile(
    optimizer=RMSprop(learning_rate=0.001, rho=0.9),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)

start = time.time()
history = model.fit(x_train, y_train, batch_size=32, epochs=4, verbose=2)
seconds = time.time() - start
loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
print(f"Test loss: {loss:.4f}  test accuracy: {accuracy:.4f}  ({seconds / 4:.1f} s/epoch)")
