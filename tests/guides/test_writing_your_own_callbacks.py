"""Idioms of the Keras guide on writing your own callbacks, first half: the hooks and `logs`.

Guide: https://keras.io/guides/writing_your_own_callbacks/. The code here is written for
kerasedu's tests: a ``keras.callbacks.Callback`` subclass overriding every global, epoch and
batch hook of ``fit``, ``evaluate`` and ``predict``, and callbacks reading ``logs["loss"]`` and
metric values, with ``import kerasedu as keras`` in place of ``import keras``. The data are
1,000 images of the offline MNIST copy, as in the guide (``thousand_digits`` and
``one_unit_regressor`` in conftest.py); nothing needed leaving out.
"""

import pytest

import kerasedu as keras


class HookTrace(keras.callbacks.Callback):
    """Records (hook, batch or epoch index or None, log keys) for every hook Keras calls."""

    def __init__(self):
        super().__init__()
        self.events = []

    def _note(self, hook, index, logs):
        self.events.append((hook, index, list(logs.keys())))

    def on_train_begin(self, logs=None):
        self._note("train_begin", None, logs)

    def on_train_end(self, logs=None):
        self._note("train_end", None, logs)

    def on_epoch_begin(self, epoch, logs=None):
        self._note("epoch_begin", epoch, logs)

    def on_epoch_end(self, epoch, logs=None):
        self._note("epoch_end", epoch, logs)

    def on_test_begin(self, logs=None):
        self._note("test_begin", None, logs)

    def on_test_end(self, logs=None):
        self._note("test_end", None, logs)

    def on_predict_begin(self, logs=None):
        self._note("predict_begin", None, logs)

    def on_predict_end(self, logs=None):
        self._note("predict_end", None, logs)

    def on_train_batch_begin(self, batch, logs=None):
        self._note("train_batch_begin", batch, logs)

    def on_train_batch_end(self, batch, logs=None):
        self._note("train_batch_end", batch, logs)

    def on_test_batch_begin(self, batch, logs=None):
        self._note("test_batch_begin", batch, logs)

    def on_test_batch_end(self, batch, logs=None):
        self._note("test_batch_end", batch, logs)

    def on_predict_batch_begin(self, batch, logs=None):
        self._note("predict_batch_begin", batch, logs)

    def on_predict_batch_end(self, batch, logs=None):
        self._note("predict_batch_end", batch, logs)


def test_every_hook_and_the_log_keys_it_receives(thousand_digits, one_unit_regressor):
    x_fit, y_fit, x_test, y_test = thousand_digits
    model = one_unit_regressor()
    trace = HookTrace()
    # Half the 1,000 samples validate: 4 training batches of 128, then a test pass.
    model.fit(
        x_fit, y_fit, batch_size=128, epochs=1, verbose=0, validation_split=0.5, callbacks=[trace]
    )
    scores = ["loss", "mean_absolute_error"]
    assert trace.events[:4] == [
        ("train_begin", None, []),
        ("epoch_begin", 0, []),
        ("train_batch_begin", 0, []),
        ("train_batch_end", 0, scores),
    ]
    assert ("test_begin", None, []) in trace.events
    epoch_ends = [event for event in trace.events if event[0] == "epoch_end"]
    assert epoch_ends == [("epoch_end", 0, scores + ["val_" + name for name in scores])]
    last = trace.events[-1]
    assert last[0] == "train_end" and last[2][:2] == scores

    trace = HookTrace()
    assert len(model.evaluate(x_test, y_test, batch_size=128, verbose=0, callbacks=[trace])) == 2
    assert trace.events[0] == ("test_begin", None, [])
    assert trace.events[-1] == ("test_end", None, scores)

    trace = HookTrace()
    predictions = model.predict(x_test, batch_size=128, callbacks=[trace])
    assert trace.events[0] == ("predict_begin", None, [])
    assert trace.events[2] == ("predict_batch_end", 0, ["outputs"])
    assert trace.events[-1] == ("predict_end", None, [])
    assert predictions.shape == (1000, 1)


class LossNotes(keras.callbacks.Callback):
    """Collects running losses after each batch and (loss, MAE) after each epoch."""

    def __init__(self):
        super().__init__()
        self.notes = []

    def on_train_batch_end(self, batch, logs=None):
        self.notes.append(("batch", batch, logs["loss"]))

    def on_test_batch_end(self, batch, logs=None):
        self.notes.append(("batch", batch, logs["loss"]))

    def on_epoch_end(self, epoch, logs=None):
        self.notes.append(("epoch", epoch, (logs["loss"], logs["mean_absolute_error"])))


def test_reading_values_from_logs(thousand_digits, one_unit_regressor):
    x_fit, y_fit, x_test, y_test = thousand_digits
    model = one_unit_regressor()
    notes = LossNotes()
    model.fit(x_fit, y_fit, batch_size=128, epochs=2, verbose=0, callbacks=[notes])
    # 1,000 samples / 128 -> batches 0..7, then the epoch note; twice.
    assert len(notes.notes) == 2 * 9
    assert notes.notes[7][:2] == ("batch", 7) and notes.notes[8][:2] == ("epoch", 0)

    notes = LossNotes()
    loss, _ = model.evaluate(x_test, y_test, batch_size=128, verbose=0, callbacks=[notes])
    assert len(notes.notes) == 8
    # logs["loss"] is the running mean so far: after the last batch, evaluate's result.
    assert notes.notes[-1][2] == pytest.approx(loss, abs=5e-3)
