"""The Callback base (do-nothing hooks, Keras 2's batch hooks, higher_is_better) and History."""

import pytest

from kerasedu.callbacks import Callback, History
from kerasedu.callbacks.callback import higher_is_better

HOOKS_WITH_A_NUMBER = (
    "on_epoch_begin",
    "on_epoch_end",
    "on_train_batch_begin",
    "on_train_batch_end",
    "on_test_batch_begin",
    "on_test_batch_end",
    "on_predict_batch_begin",
    "on_predict_batch_end",
)
HOOKS_WITH_LOGS_ONLY = (
    "on_train_begin",
    "on_train_end",
    "on_test_begin",
    "on_test_end",
    "on_predict_begin",
    "on_predict_end",
)


def test_every_hook_exists_and_does_nothing():
    callback = Callback()
    for hook in HOOKS_WITH_A_NUMBER:
        assert getattr(callback, hook)(0, {"loss": 1.0}) is None
    for hook in HOOKS_WITH_LOGS_ONLY:
        assert getattr(callback, hook)({"loss": 1.0}) is None
    assert (callback.model, callback.params, callback.validation_data) == (None, {}, None)


def test_train_batch_hooks_call_the_keras_2_batch_hooks():
    calls = []

    class OldStyle(Callback):
        def on_batch_begin(self, batch, logs=None):
            calls.append(("begin", batch))

        def on_batch_end(self, batch, logs=None):
            calls.append(("end", batch, logs["loss"]))

    callback = OldStyle()
    callback.on_train_batch_begin(3)
    callback.on_train_batch_end(3, {"loss": 0.5})
    assert calls == [("begin", 3), ("end", 3, 0.5)]


def test_set_model_and_set_params_store_what_hooks_read():
    callback, model = Callback(), object()
    callback.set_model(model)
    callback.set_params({"epochs": 3, "steps": 10, "verbose": 0})
    assert callback.model is model and callback.params["epochs"] == 3


@pytest.mark.parametrize(
    "monitor, expected",
    [
        ("accuracy", True),
        ("val_accuracy", True),
        ("val_acc", True),
        ("auc", True),
        ("loss", False),
        ("val_loss", False),
        ("val_mean_absolute_error", False),
    ],
)
def test_higher_is_better_guesses_from_the_name(monitor, expected):
    assert higher_is_better(monitor) is expected


def test_higher_is_better_explicit_mode_wins_and_bad_mode_is_rejected():
    assert higher_is_better("val_loss", "max") is True
    assert higher_is_better("accuracy", "min") is False
    with pytest.raises(ValueError, match="mode='maximum'"):
        higher_is_better("loss", "maximum")


# --- History ---


class FakeModel:
    history = None


def test_history_collects_each_epoch_and_sets_model_history():
    history, model = History(), FakeModel()
    history.set_model(model)
    history.on_train_begin()
    history.on_epoch_end(0, {"loss": 0.9, "accuracy": 0.5})
    history.on_epoch_end(1, {"loss": 0.4, "accuracy": 0.75})
    assert history.history == {"loss": [0.9, 0.4], "accuracy": [0.5, 0.75]}
    assert history.epoch == [0, 1]
    assert model.history is history


def test_second_fit_restarts_the_epoch_list_but_keeps_appending_values():
    history = History()
    history.on_train_begin()
    history.on_epoch_end(0, {"loss": 1.0})
    history.on_train_begin()  # a second fit with the same History
    history.on_epoch_end(1, {"loss": 0.5})
    assert history.epoch == [1] and history.history["loss"] == [1.0, 0.5]
