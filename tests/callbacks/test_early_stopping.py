import numpy as np

from kerasedu.callbacks import Callback, EarlyStopping


class ScriptedLoss(Callback):
    """Overwrites val_loss with scripted values (runs before EarlyStopping)."""

    def __init__(self, values):
        super().__init__()
        self.values = values

    def on_epoch_end(self, epoch, logs=None):
        logs["val_loss"] = self.values[epoch]


def test_early_stopping_stops_after_patience_epochs_without_improvement(linear_model, data):
    x, y = data
    values = [1.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
    stopper = EarlyStopping(monitor="val_loss", patience=3)
    history = linear_model.fit(x, y, epochs=7, verbose=0, callbacks=[ScriptedLoss(values), stopper])
    # best at epoch 1; epochs 2, 3, 4 do not improve -> stop after epoch 4
    assert len(history.history["loss"]) == 5
    assert stopper.stopped_epoch == 4
    assert linear_model.stop_training


def test_early_stopping_restores_best_weights(linear_model, data):
    x, y = data
    saved = {}

    class Snapshot(Callback):
        def on_epoch_end(self, epoch, logs=None):
            saved[epoch] = self.model.get_weights()

    values = [1.0, 0.2, 0.5, 0.6]
    stopper = EarlyStopping(patience=2, restore_best_weights=True)
    linear_model.fit(
        x, y, epochs=4, verbose=0, callbacks=[ScriptedLoss(values), Snapshot(), stopper]
    )
    for got, want in zip(linear_model.get_weights(), saved[1]):
        np.testing.assert_array_equal(got, want)


def test_early_stopping_resets_between_fits(linear_model, data):
    x, y = data
    stopper = EarlyStopping(monitor="val_loss", patience=1)
    linear_model.fit(x, y, epochs=3, verbose=0, callbacks=[ScriptedLoss([1.0, 2.0, 3.0]), stopper])
    assert stopper.stopped_epoch == 1
    history = linear_model.fit(
        x, y, epochs=3, verbose=0, callbacks=[ScriptedLoss([5.0, 4.0, 3.0]), stopper]
    )
    assert len(history.history["loss"]) == 3  # a fresh start: always improving


def test_early_stopping_max_mode_for_accuracy():
    stopper = EarlyStopping(monitor="val_accuracy")
    assert stopper.maximize


def test_early_stopping_baseline_counts_epochs_below_it(linear_model, data):
    x, y = data
    values = [1.0, 0.9, 0.8, 0.85, 0.84, 0.83]
    stopper = EarlyStopping(monitor="val_loss", patience=2, baseline=0.1)
    history = linear_model.fit(x, y, epochs=6, verbose=0, callbacks=[ScriptedLoss(values), stopper])
    # improvements that miss the baseline do not reset the count (Keras 3): stop at the first
    # epoch without improvement, epoch 3
    assert len(history.history["loss"]) == 4
    stopper = EarlyStopping(monitor="val_loss", patience=2)
    history = linear_model.fit(x, y, epochs=6, verbose=0, callbacks=[ScriptedLoss(values), stopper])
    assert len(history.history["loss"]) == 5
