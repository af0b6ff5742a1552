"""Idioms of the Keras guide on training and evaluating with built-in methods, first half.

Guide: https://keras.io/guides/training_with_built_in_methods/. The code here is written for
kerasedu's tests; it uses the guide's API calls (compile/fit/evaluate/predict, custom losses and
metrics, ``add_loss``, endpoint layers, ``validation_split``, ``PyDataset``) with
``import kerasedu as keras`` in place of ``import keras``. Data: the small MNIST slice of the
``flat_digits`` fixture (conftest.py), read offline. Left out: the ``tf.data`` sections (they need
TensorFlow; NumPy arrays and a ``PyDataset`` carry the same data), the PyTorch ``DataLoader``
section, and the ``TensorBoard`` callback (it writes TensorFlow event files).
"""

import numpy as np

import kerasedu as keras
from kerasedu import layers, ops


def test_compile_fit_evaluate_predict_with_objects(flat_digits, digit_classifier):
    data = flat_digits
    net = digit_classifier(compiled=False)
    net.compile(
        optimizer=keras.optimizers.RMSprop(),
        loss=keras.losses.SparseCategoricalCrossentropy(),
        metrics=[keras.metrics.SparseCategoricalAccuracy()],
    )
    # Held-out pairs passed to fit add val_ entries to the history at each epoch's end.
    record = net.fit(
        data["x_fit"],
        data["y_fit"],
        batch_size=64,
        epochs=2,
        validation_data=(data["x_val"], data["y_val"]),
        verbose=0,
    )
    assert set(record.history) == {
        "loss",
        "sparse_categorical_accuracy",
        "val_loss",
        "val_sparse_categorical_accuracy",
    }
    assert record.history["loss"][1] < record.history["loss"][0]

    scores = net.evaluate(data["x_test"], data["y_test"], batch_size=128, verbose=0)
    assert len(scores) == 2 and scores[1] > 0.75  # [loss, accuracy]

    assert net.predict(data["x_test"][:3], verbose=0).shape == (3, 10)

    # Recompiling is allowed, with objects (and keyword arguments) or with string names.
    net.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=1e-3),
        loss=keras.losses.SparseCategoricalCrossentropy(),
        metrics=[keras.metrics.SparseCategoricalAccuracy()],
    )
    net.compile(
        optimizer="rmsprop",
        loss="sparse_categorical_crossentropy",
        metrics=["sparse_categorical_accuracy"],
    )


def squared_error_per_sample(y_true, y_pred):
    """A loss as a plain function: (batch, 10) targets and predictions -> (batch,) losses."""
    return ops.mean(ops.square(y_true - y_pred), axis=-1)


class PullToHalfMSE(keras.losses.Loss):
    """Squared error plus a term pulling every prediction towards 0.5, weighted by `strength`."""

    def __init__(self, strength=0.1, name="pull_to_half_mse"):
        super().__init__(name=name)
        self.strength = strength

    def call(self, y_true, y_pred):
        squared_error = ops.mean(ops.square(y_true - y_pred), axis=-1)
        pull = ops.mean(ops.square(0.5 - y_pred), axis=-1)
        return squared_error + self.strength * pull


def test_function_loss_and_loss_subclass(flat_digits, digit_classifier):
    # Both losses compare against one-hot rows, so the labels are expanded first.
    one_hot = ops.one_hot(flat_digits["y_fit"], num_classes=10)
    for loss in (squared_error_per_sample, PullToHalfMSE()):
        net = digit_classifier(compiled=False)
        net.compile(optimizer=keras.optimizers.Adam(), loss=loss)
        record = net.fit(flat_digits["x_fit"], one_hot, batch_size=64, epochs=2, verbose=0)
        assert record.history["loss"][1] < record.history["loss"][0]


class CorrectCount(keras.metrics.Metric):
    """Counts (optionally weighted) samples whose arg-max class equals the integer label."""

    def __init__(self, name="correct_count", **kwargs):
        super().__init__(name=name, **kwargs)
        self.hits = self.add_variable(shape=(), name="hits", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        guessed = ops.reshape(ops.argmax(y_pred, axis=1), (-1, 1))
        matches = ops.cast(ops.cast(y_true, "int32") == ops.cast(guessed, "int32"), "float32")
        if sample_weight is not None:
            matches = ops.multiply(matches, ops.cast(sample_weight, "float32"))
        self.hits.assign_add(ops.sum(matches))

    def result(self):
        return self.hits

    def reset_state(self):
        # Called by fit at each epoch's start and by evaluate before it begins.
        self.hits.assign(0.0)


def test_metric_subclass_with_state(flat_digits, digit_classifier):
    x, y = flat_digits["x_fit"], flat_digits["y_fit"]
    net = digit_classifier(compiled=False)
    net.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=1e-3),
        loss=keras.losses.SparseCategoricalCrossentropy(),
        metrics=[CorrectCount()],
    )
    record = net.fit(x, y, batch_size=64, epochs=3, verbose=0)
    assert len(record.history["correct_count"]) == 3

    # The same count by hand, batch by batch: labels (64,) against guesses (64, 1) broadcast
    # to a (64, 64) grid, exactly as update_state computes it.
    scores = net.evaluate(x, y, batch_size=64, return_dict=True, verbose=0)
    guesses = net.predict(x, batch_size=64, verbose=0).argmax(axis=1)
    by_hand = sum(
        np.sum(y[start : start + 64].astype(int) == guesses[start : start + 64][:, None])
        for start in range(0, len(x), 64)
    )
    assert scores["correct_count"] == by_hand


class ActivationPenalty(layers.Layer):
    """Returns its input unchanged and adds 0.1 * sum(input) to the model's losses."""

    def call(self, inputs):
        self.add_loss(0.1 * ops.sum(inputs))
        return inputs


def test_layer_that_calls_add_loss(flat_digits):
    pixels = keras.Input(shape=(784,), name="pixels")
    hidden = layers.Dense(64, activation="relu", name="hidden_a")(pixels)
    hidden = ActivationPenalty()(hidden)
    hidden = layers.Dense(64, activation="relu", name="hidden_b")(hidden)
    logits = layers.Dense(10, name="logits")(hidden)
    net = keras.Model(inputs=pixels, outputs=logits)
    net.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=1e-3),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    record = net.fit(flat_digits["x_fit"], flat_digits["y_fit"], batch_size=64, epochs=1, verbose=0)
    # Crossentropy of 10 classes starts near log(10) = 2.3; the penalty lifts the total above.
    assert record.history["loss"][0] > 2.5


class SigmoidLossHead(keras.layers.Layer):
    """Takes (targets, logits): registers a binary crossentropy with add_loss, returns softmax."""

    def __init__(self, name=None):
        super().__init__(name=name)
        self.crossentropy = keras.losses.BinaryCrossentropy(from_logits=True)

    def call(self, targets, logits, sample_weights=None):
        self.add_loss(self.crossentropy(targets, logits, sample_weights))
        return ops.softmax(logits)  # what predict returns


def test_compile_without_loss_when_a_layer_adds_it():
    features = keras.Input(shape=(3,), name="features")
    labels = keras.Input(shape=(10,), name="labels")
    scores = keras.layers.Dense(10)(features)
    probs = SigmoidLossHead(name="head")(labels, scores)
    net = keras.Model(inputs=[features, labels], outputs=probs)
    net.compile(optimizer="adam")  # the only loss is the one the head adds

    batch = {"features": np.random.random((3, 3)), "labels": np.random.random((3, 10))}
    record = net.fit(batch, verbose=0)
    assert record.history["loss"][0] > 0


def test_fit_with_validation_split(flat_digits, digit_classifier):
    net = digit_classifier()
    record = net.fit(
        flat_digits["x_fit"],
        flat_digits["y_fit"],
        batch_size=64,
        validation_split=0.2,
        epochs=1,
        verbose=0,
    )
    assert "val_loss" in record.history


class SlicedBatches(keras.utils.PyDataset):
    """Serves (x, y) in consecutive slices of `batch_size`; the last one may be shorter."""

    def __init__(self, x, y, batch_size, **kwargs):
        super().__init__(**kwargs)  # workers=, use_multiprocessing=, max_queue_size=
        self.x, self.y = x, y
        self.batch_size = batch_size

    def __len__(self):
        return -(-len(self.x) // self.batch_size)  # ceiling division

    def __getitem__(self, index):
        window = slice(index * self.batch_size, (index + 1) * self.batch_size)
        return self.x[window], self.y[window]


def test_fit_and_evaluate_on_a_pydataset(flat_digits, digit_classifier):
    d = flat_digits
    net = digit_classifier()
    # batch_size given to fit is ignored: the dataset decides the batches.
    record = net.fit(
        SlicedBatches(d["x_fit"], d["y_fit"], batch_size=32),
        batch_size=64,
        validation_data=SlicedBatches(d["x_val"], d["y_val"], batch_size=32),
        epochs=1,
        verbose=0,
    )
    assert "val_sparse_categorical_accuracy" in record.history
    _, accuracy = net.evaluate(SlicedBatches(d["x_val"], d["y_val"], batch_size=32), verbose=0)
    assert accuracy > 0.7

    # The same with four worker threads filling the queue.
    net = digit_classifier()
    net.fit(
        SlicedBatches(d["x_fit"], d["y_fit"], batch_size=32, workers=4),
        batch_size=64,
        validation_data=SlicedBatches(d["x_val"], d["y_val"], batch_size=32, workers=4),
        epochs=1,
        verbose=0,
    )
