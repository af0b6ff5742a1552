"""Idioms of the Keras guide on the functional API, second half.

Guide: https://keras.io/guides/functional_api/. The code here is written for kerasedu's tests:
a small residual network (``layers.add`` skip connections), one layer shared by two inputs,
a model returning every layer's output, a custom layer rebuilt by ``Model.from_config`` with
``custom_objects``, and a subclassed layer that runs a functional model inside its ``call``,
with ``import kerasedu as keras`` in place of ``import keras``. Left out, because they are
downloads: CIFAR10 (80 random images stand in) and ``keras.applications.VGG19()`` (the inner
outputs are read from the residual network instead).
"""

import numpy as np

import kerasedu as keras
from kerasedu import layers, ops


def residual_block(inputs):
    """Two same-padded 3x3 convolutions with 64 filters, plus the block's input."""
    h = layers.Conv2D(64, 3, activation="relu", padding="same")(inputs)
    h = layers.Conv2D(64, 3, activation="relu", padding="same")(h)
    return layers.add([h, inputs])


def small_resnet():
    """(batch, 32, 32, 3) pictures -> (batch, 10) logits, with two residual blocks."""
    pictures = keras.Input(shape=(32, 32, 3), name="pictures")
    h = layers.Conv2D(32, 3, activation="relu")(pictures)
    h = layers.Conv2D(64, 3, activation="relu")(h)
    h = residual_block(residual_block(layers.MaxPooling2D(3)(h)))
    h = layers.Conv2D(64, 3, activation="relu")(h)
    h = layers.GlobalAveragePooling2D()(h)
    h = layers.Dropout(0.5)(layers.Dense(256, activation="relu")(h))
    return keras.Model(pictures, layers.Dense(10)(h), name="small_resnet")


def test_residual_network_summary_and_training(capsys):
    net = small_resnet()
    net.summary()
    assert "Total params: 223,242" in capsys.readouterr().out

    pictures = np.random.randint(0, 256, size=(80, 32, 32, 3)).astype("float32") / 255.0
    one_hot = keras.utils.to_categorical(np.random.randint(0, 10, size=(80, 1)), 10)
    net.compile(
        optimizer=keras.optimizers.RMSprop(1e-3),
        loss=keras.losses.CategoricalCrossentropy(from_logits=True),
        metrics=["acc"],  # the short alias names the history keys
    )
    record = net.fit(pictures, one_hot, batch_size=64, epochs=1, validation_split=0.2, verbose=0)
    assert set(record.history) == {"loss", "acc", "val_loss", "val_acc"}


def test_a_shared_layer_and_a_model_of_every_inner_output():
    word_vectors = layers.Embedding(1000, 128)  # one table for both inputs
    question = keras.Input(shape=(None,), dtype="int32")
    answer = keras.Input(shape=(None,), dtype="int32")
    pair = keras.Model([question, answer], [word_vectors(question), word_vectors(answer)])
    assert len(pair.weights) == 1

    net = small_resnet()
    every_output = keras.Model(inputs=net.input, outputs=[layer.output for layer in net.layers])
    outputs = every_output(np.random.random((1, 32, 32, 3)).astype("float32"))
    assert len(outputs) == len(net.layers)
    assert tuple(outputs[-1].shape) == (1, 10)


class PlainDense(layers.Layer):
    """inputs @ kernel + offset with `width` outputs; its config is just the width."""

    def __init__(self, width=32):
        super().__init__()
        self.width = width

    def build(self, input_shape):
        self.kernel = self.add_weight(
            shape=(input_shape[-1], self.width), initializer="random_normal", trainable=True
        )
        self.offset = self.add_weight(
            shape=(self.width,), initializer="random_normal", trainable=True
        )

    def call(self, inputs):
        return ops.matmul(inputs, self.kernel) + self.offset

    def get_config(self):
        return {"width": self.width}


def test_custom_layer_in_a_functional_config():
    features = keras.Input((4,))
    model = keras.Model(features, PlainDense(10)(features))
    # The class is not registered, so from_config is told where to find it.
    rebuilt = keras.Model.from_config(model.get_config(), custom_objects={"PlainDense": PlainDense})
    assert rebuilt.count_params() == 50  # 4*10 + 10
    assert rebuilt.output_shape == (None, 10)


def test_a_functional_model_inside_a_subclassed_layer():
    width, steps, channels = 32, 10, 5
    sequence = keras.Input((None, width))
    head = keras.Model(sequence, layers.Dense(1)(layers.GlobalAveragePooling1D()(sequence)))

    class LoopedRecurrence(layers.Layer):
        """state_t = tanh(W x_t) + tanh(U state_{t-1}); all states go to the functional head."""

        def __init__(self):
            super().__init__()
            self.width = width
            self.from_input = layers.Dense(units=width, activation="tanh")
            self.from_state = layers.Dense(units=width, activation="tanh")
            self.head = head

        def call(self, inputs):
            state = ops.zeros(shape=(inputs.shape[0], self.width))
            states = []
            for step in range(inputs.shape[1]):
                state = self.from_input(inputs[:, step, :]) + self.from_state(state)
                states.append(state)
            return self.head(ops.stack(states, axis=1))

    recurrence = LoopedRecurrence()
    assert tuple(recurrence(ops.zeros((1, steps, channels))).shape) == (1, 1)
    assert len(recurrence.weights) == 6  # two Dense layers here and one in the head
