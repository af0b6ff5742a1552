"""Idioms of the Keras guide on training with built-in methods, second half.

Guide: https://keras.io/guides/training_with_built_in_methods/. The code here is written for
kerasedu's tests: class and sample weights, models with several inputs and outputs (losses,
loss weights and metrics given as lists or dicts, ``None`` for an untrained output), callbacks
(``EarlyStopping``, a ``Callback`` subclass, ``ModelCheckpoint`` by epoch and by batch count,
restoring the newest checkpoint) and a learning-rate schedule, with ``import kerasedu as keras``
in place of ``import keras``. Data: the ``flat_digits`` MNIST slice (conftest.py) and random
arrays. Left out: the ``tf.data`` and ``TensorBoard`` parts, which need TensorFlow.
"""

import os

import numpy as np
import pytest

import kerasedu as keras
from kerasedu import layers


def test_class_weight_dict_and_sample_weight_array(flat_digits, digit_classifier):
    x, y = flat_digits["x_fit"], flat_digits["y_fit"]
    # Digit 3 counts double, every other digit once.
    weight_of_class = {digit: 1.0 for digit in range(10)}
    weight_of_class[3] = 2.0
    digit_classifier().fit(x, y, class_weight=weight_of_class, batch_size=64, epochs=1, verbose=0)

    # The same emphasis given per sample.
    per_sample = np.where(y == 3, 2.0, 1.0)
    record = digit_classifier().fit(
        x, y, sample_weight=per_sample, batch_size=64, epochs=1, verbose=0
    )
    assert np.isfinite(record.history["loss"][0])


def picture_and_signal_model():
    """Two inputs (a 32x32 RGB picture, a 10-channel signal of any length), two outputs.

    Outputs: ``rating`` (batch, 1), a regression, and ``category`` (batch, 5), class scores.
    """
    picture = keras.Input(shape=(32, 32, 3), name="picture")
    signal = keras.Input(shape=(None, 10), name="signal")
    picture_code = layers.GlobalMaxPooling2D()(layers.Conv2D(3, 3)(picture))
    signal_code = layers.GlobalMaxPooling1D()(layers.Conv1D(3, 3)(signal))
    joined = layers.concatenate([picture_code, signal_code])
    rating = layers.Dense(1, name="rating")(joined)
    category = layers.Dense(5, name="category")(joined)
    return keras.Model(inputs=[picture, signal], outputs=[rating, category])


def test_losses_for_two_outputs_as_lists_and_dicts(tmp_path):
    net = picture_and_signal_model()
    keras.utils.plot_model(net, str(tmp_path / "two_in_two_out.png"), show_shapes=True)
    mse, cce = keras.losses.MeanSquaredError, keras.losses.CategoricalCrossentropy

    # Every accepted form of `loss`: a list in output order, a dict keyed by output name with
    # loss_weights, None in a list or a missing dict key for an output trained by nothing.
    net.compile(optimizer=keras.optimizers.RMSprop(1e-3), loss=[mse(), cce()])
    net.compile(
        optimizer=keras.optimizers.RMSprop(1e-3),
        loss={"rating": mse(), "category": cce()},
        loss_weights={"rating": 2.0, "category": 1.0},
    )
    net.compile(optimizer=keras.optimizers.RMSprop(1e-3), loss=[None, cce()])
    net.compile(optimizer=keras.optimizers.RMSprop(1e-3), loss={"category": cce()})
    net.compile(optimizer=keras.optimizers.RMSprop(1e-3), loss=[mse(), cce()])

    pictures = np.random.random_sample(size=(100, 32, 32, 3))
    signals = np.random.random_sample(size=(100, 20, 10))
    ratings = np.random.random_sample(size=(100, 1))
    categories = np.random.random_sample(size=(100, 5))
    # Data in the same two forms: lists in order, or dicts keyed by input/output name.
    net.fit([pictures, signals], [ratings, categories], batch_size=32, epochs=1)
    record = net.fit(
        {"picture": pictures, "signal": signals},
        {"rating": ratings, "category": categories},
        batch_size=32,
        epochs=1,
    )
    assert {"loss", "rating_loss", "category_loss"} <= set(record.history)


def test_metrics_for_each_output():
    net = picture_and_signal_model()
    net.compile(
        optimizer=keras.optimizers.RMSprop(1e-3),
        loss={
            "rating": keras.losses.MeanSquaredError(),
            "category": keras.losses.CategoricalCrossentropy(),
        },
        metrics={
            "rating": [
                keras.metrics.MeanAbsolutePercentageError(),
                keras.metrics.MeanAbsoluteError(),
            ],
            "category": [keras.metrics.CategoricalAccuracy()],
        },
        loss_weights={"rating": 2.0, "category": 1.0},
    )
    inputs = [np.random.random_sample(size=(20, 32, 32, 3)), np.random.random_sample((20, 20, 10))]
    targets = [np.random.rand(20, 1), np.random.rand(20, 5)]
    record = net.fit(inputs, targets, epochs=1, verbose=0)
    assert "rating_mean_absolute_percentage_error" in record.history


class BatchLossRecorder(keras.callbacks.Callback):
    """Keeps the running loss reported after every training batch."""

    def on_train_begin(self, logs):
        self.losses = []

    def on_batch_end(self, batch, logs):
        self.losses.append(logs.get("loss"))


def test_early_stopping_next_to_a_callback_subclass(flat_digits, digit_classifier):
    x, y = flat_digits["x_fit"][:800], flat_digits["y_fit"][:800]  # 20 epochs stay quick
    recorder = BatchLossRecorder()
    # Stop once val_loss has failed to drop by at least 0.01 for 2 epochs in a row.
    stopper = keras.callbacks.EarlyStopping(
        monitor="val_loss", min_delta=1e-2, patience=2, verbose=1
    )
    record = digit_classifier().fit(
        x,
        y,
        epochs=20,
        batch_size=64,
        callbacks=[stopper, recorder],
        validation_split=0.2,
        verbose=0,
    )
    epochs_run = len(record.history["loss"])
    assert epochs_run < 20
    assert len(recorder.losses) == 10 * epochs_run  # 640 samples / 64 = 10 batches an epoch


def newest_or_new_model(folder, build):
    """Load the most recently written checkpoint in `folder`, or build a fresh model."""
    saved = [os.path.join(folder, name) for name in os.listdir(folder)]
    if not saved:
        return build()
    return keras.models.load_model(max(saved, key=os.path.getctime))


def test_model_checkpoint_per_epoch_and_per_batch(flat_digits, digit_classifier, tmp_path):
    x, y = flat_digits["x_fit"], flat_digits["y_fit"]
    # One file per epoch whose val_loss beats the best so far; {epoch} is filled in.
    keep_best = keras.callbacks.ModelCheckpoint(
        filepath=str(tmp_path / "digits_{epoch}.keras"),
        save_best_only=True,
        monitor="val_loss",
        verbose=1,
    )
    digit_classifier().fit(
        x, y, epochs=2, batch_size=64, callbacks=[keep_best], validation_split=0.2
    )
    assert (tmp_path / "digits_1.keras").exists() and (tmp_path / "digits_2.keras").exists()

    folder = tmp_path / "snapshots"
    os.makedirs(folder, exist_ok=True)
    net = newest_or_new_model(folder, digit_classifier)  # empty folder: a fresh model
    # An integer save_freq saves every that many batches; the name carries the loss.
    every_20 = keras.callbacks.ModelCheckpoint(
        filepath=str(folder / "at-loss-{loss:.2f}.keras"), save_freq=20
    )
    net.fit(x, y, epochs=1, callbacks=[every_20], verbose=0)
    assert len(os.listdir(folder)) == 3  # 63 batches of 32: after batches 20, 40 and 60

    resumed = newest_or_new_model(folder, digit_classifier)
    assert resumed.optimizer is not None  # loaded compiled
    assert resumed.evaluate(x, y, verbose=0)[1] > 0.7


def test_exponential_decay_schedule_as_learning_rate():
    # staircase=True: the rate drops by the factor only at whole multiples of decay_steps.
    schedule = keras.optimizers.schedules.ExponentialDecay(
        0.1, decay_steps=100000, decay_rate=0.96, staircase=True
    )
    optimizer = keras.optimizers.RMSprop(learning_rate=schedule)
    assert float(schedule(100000)) == pytest.approx(0.096)
    assert optimizer is not None
