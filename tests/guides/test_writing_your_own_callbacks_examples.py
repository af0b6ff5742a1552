"""Idioms of the Keras guide on writing your own callbacks, second half: two applications.

Guide: https://keras.io/guides/writing_your_own_callbacks/. The code here is written for
kerasedu's tests: a callback that stops training (``self.model.stop_training``) once the loss
stops falling and puts back the best weights (``self.model.get_weights``/``set_weights``), and
a callback that sets ``self.model.optimizer.learning_rate`` from a per-epoch table, both next
to a callback that prints ``logs``, with ``import kerasedu as keras`` in place of
``import keras``. Data and model: ``thousand_digits`` and ``one_unit_regressor`` in
conftest.py. Nothing needed leaving out.
"""

import numpy as np
import pytest

import kerasedu as keras


class PrintLosses(keras.callbacks.Callback):
    """Prints the running loss after each batch and the epoch's loss and MAE."""

    def on_train_batch_end(self, batch, logs=None):
        print(f"batch {batch}: running loss {logs['loss']:.3f}")

    def on_epoch_end(self, epoch, logs=None):
        print(f"epoch {epoch}: loss {logs['loss']:.3f}, MAE {logs['mean_absolute_error']:.3f}")


class StopAfterLossRises(keras.callbacks.Callback):
    """Ends training when the epoch loss fails to improve; keeps the best epoch's weights.

    Args:
        patience: epochs without a new lowest loss to accept before stopping.
    """

    def __init__(self, patience=0):
        super().__init__()
        self.patience = patience
        self.kept_weights = None

    def on_train_begin(self, logs=None):
        self.lowest = np.inf
        self.epochs_without_gain = 0
        self.last_epoch = 0  # stays 0 when training runs to the end

    def on_epoch_end(self, epoch, logs=None):
        loss = logs.get("loss")
        if loss < self.lowest:
            self.lowest, self.epochs_without_gain = loss, 0
            self.kept_weights = self.model.get_weights()
            return
        self.epochs_without_gain += 1
        if self.epochs_without_gain >= self.patience:
            self.last_epoch = epoch
            self.model.stop_training = True  # fit checks this after the epoch
            self.model.set_weights(self.kept_weights)

    def on_train_end(self, logs=None):
        if self.last_epoch > 0:
            print(f"stopped after epoch {self.last_epoch + 1}")


def test_stopping_at_the_lowest_loss(thousand_digits, one_unit_regressor, capsys):
    x, y = thousand_digits[:2]
    stopper = StopAfterLossRises()
    record = one_unit_regressor().fit(
        x, y, batch_size=64, epochs=30, verbose=0, callbacks=[PrintLosses(), stopper]
    )
    # With a learning rate of 0.1 the loss soon goes up again, so training ends early.
    assert len(record.history["loss"]) < 30
    assert f"stopped after epoch {stopper.last_epoch + 1}" in capsys.readouterr().out
    assert stopper.lowest == min(record.history["loss"])


class TableLearningRate(keras.callbacks.Callback):
    """Before each epoch, sets the optimizer's learning rate to `rate_for(epoch, current)`."""

    def __init__(self, rate_for):
        super().__init__()
        self.rate_for = rate_for

    def on_epoch_begin(self, epoch, logs=None):
        optimizer = self.model.optimizer
        if not hasattr(optimizer, "learning_rate"):
            raise ValueError("the optimizer has no learning_rate to set")
        new_rate = self.rate_for(epoch, optimizer.learning_rate)
        optimizer.learning_rate = new_rate
        print(f"epoch {epoch}: learning rate {float(np.array(new_rate))}")


# From epoch 3 on the rate steps down at every third epoch; other epochs keep the current one.
RATE_CHANGES = {3: 0.05, 6: 0.01, 9: 0.005, 12: 0.001}


def rate_from_table(epoch, current):
    return RATE_CHANGES.get(epoch, current)


def test_learning_rate_from_a_table(thousand_digits, one_unit_regressor, capsys):
    x, y = thousand_digits[:2]
    model = one_unit_regressor()
    model.fit(
        x,
        y,
        batch_size=64,
        epochs=15,
        verbose=0,
        callbacks=[PrintLosses(), TableLearningRate(rate_from_table)],
    )
    printed = capsys.readouterr().out
    assert "epoch 0: learning rate 0.1" in printed  # the compiled rate, unchanged
    assert "epoch 3: learning rate 0.05\n" in printed
    assert "epoch 14: learning rate 0.001" in printed
    assert float(np.array(model.optimizer.learning_rate)) == pytest.approx(0.001)
