"""TerminateOnNaN: stop_training after the first batch whose loss is NaN or infinite."""

import math

import pytest

from kerasedu.callbacks import TerminateOnNaN


class FakeModel:
    stop_training = False


@pytest.mark.parametrize("loss", [math.nan, math.inf, -math.inf])
def test_invalid_loss_stops_training_and_says_so(loss, capsys):
    callback = TerminateOnNaN()
    callback.set_model(FakeModel())
    callback.on_train_batch_end(7, {"loss": loss})
    assert callback.model.stop_training
    assert capsys.readouterr().out == "Batch 7: Invalid loss, terminating training\n"


@pytest.mark.parametrize("logs", [{"loss": 1e30}, {"loss": 0.0}, {}, None])
def test_finite_or_missing_loss_lets_training_go_on(logs, capsys):
    callback = TerminateOnNaN()
    callback.set_model(FakeModel())
    callback.on_train_batch_end(0, logs)
    assert not callback.model.stop_training and capsys.readouterr().out == ""
