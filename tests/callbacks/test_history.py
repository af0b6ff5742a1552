"""History: one list per metric, the epoch numbers, and model.history set after each epoch."""

from kerasedu.callbacks import History


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
