"""History, CSVLogger, TerminateOnNaN, LambdaCallback, ProgbarLogger, CallbackList."""

import csv

import numpy as np
import pytest

from kerasedu.callbacks import (
    Callback,
    CallbackList,
    CSVLogger,
    History,
    LambdaCallback,
    TerminateOnNaN,
)


def test_history_keys_match_keras(data, model_factory):
    x, y = data
    model = model_factory(metrics=["mae"])
    history = model.fit(x, y, epochs=2, verbose=0, validation_split=0.25)
    assert list(history.history) == ["loss", "mae", "val_loss", "val_mae"]
    assert history.epoch == [0, 1]
    assert model.history is history


def test_csv_logger_writes_one_row_per_epoch(linear_model, data, tmp_path):
    x, y = data
    path = tmp_path / "log.csv"
    linear_model.fit(x, y, epochs=3, verbose=0, validation_split=0.25, callbacks=[CSVLogger(path)])
    rows = list(csv.DictReader(open(path)))
    assert [r["epoch"] for r in rows] == ["0", "1", "2"]
    assert list(rows[0]) == ["epoch", "loss", "val_loss"]
    linear_model.fit(x, y, epochs=1, verbose=0, callbacks=[CSVLogger(path, append=True)])
    assert len(list(csv.DictReader(open(path)))) == 4


def test_terminate_on_nan_stops_at_the_first_nan_batch(linear_model, data, capsys):
    x, y = data
    y = y.copy()
    y[5] = np.inf  # the batch holding sample 5 gets an infinite loss
    seen = []
    counter = LambdaCallback(on_train_batch_end=lambda batch, logs: seen.append(batch))
    with np.errstate(invalid="ignore", over="ignore"):  # inf - inf in the backward pass
        history = linear_model.fit(
            x,
            y,
            epochs=3,
            batch_size=4,
            shuffle=False,
            verbose=0,
            callbacks=[counter, TerminateOnNaN()],
        )
    assert seen == [0, 1]
    assert len(history.history["loss"]) == 1
    assert not np.isfinite(history.history["loss"][0])
    assert "Invalid loss" in capsys.readouterr().out


def test_lambda_callback_hooks_are_called_in_order(linear_model, data):
    x, y = data
    events = []
    callback = LambdaCallback(
        on_train_begin=lambda logs: events.append("train_begin"),
        on_epoch_begin=lambda epoch, logs: events.append(f"epoch_begin {epoch}"),
        on_epoch_end=lambda epoch, logs: events.append(f"epoch_end {epoch}"),
        on_train_end=lambda logs: events.append("train_end"),
    )
    linear_model.fit(x, y, epochs=2, verbose=0, callbacks=[callback])
    assert events == [
        "train_begin",
        "epoch_begin 0",
        "epoch_end 0",
        "epoch_begin 1",
        "epoch_end 1",
        "train_end",
    ]
    with pytest.raises(TypeError, match="unknown hook"):
        LambdaCallback(on_epoch_finish=print)


def test_callback_sees_model_params_and_batch_hooks(linear_model, data):
    x, y = data
    record = {}

    class Recorder(Callback):
        def on_train_begin(self, logs=None):
            record["params"] = dict(self.params)
            record["model"] = self.model
            record["batches"] = 0

        def on_batch_end(self, batch, logs=None):  # Keras 2 name still called
            record["batches"] += 1

    linear_model.fit(x, y, epochs=2, batch_size=4, verbose=0, callbacks=[Recorder()])
    assert record["params"] == {"verbose": 0, "epochs": 2, "steps": 4}
    assert record["model"] is linear_model
    assert record["batches"] == 8


def test_callback_list_rejects_non_callbacks():
    with pytest.raises(TypeError, match="Callback"):
        CallbackList([print])


def test_history_is_added_last_and_progbar_first():
    callbacks = CallbackList([History()], add_history=True, add_progbar=True)
    assert type(callbacks.callbacks[0]).__name__ == "ProgbarLogger"
    assert len([c for c in callbacks.callbacks if isinstance(c, History)]) == 1


def test_progbar_logger_prints_epoch_lines(linear_model, data, capsys):
    x, y = data
    linear_model.fit(x, y, epochs=2, batch_size=8, verbose=2)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Epoch 1/2"
    assert out[1].startswith("2/2 - ") and "step - loss: " in out[1]
    assert out[2] == "Epoch 2/2"
