"""CallbackList: one hook on every callback in order, a ProgbarLogger first and a History last;
only the hooks a callback overrides are called."""

import pytest

from kerasedu.callbacks import Callback, History, LambdaCallback, ProgbarLogger
from kerasedu.callbacks.callback_list import CallbackList, hook_methods


class Recorder(Callback):
    def __init__(self, name, log):
        super().__init__()
        self.name, self.log = name, log

    def on_epoch_end(self, epoch, logs=None):
        self.log.append((self.name, epoch))
        logs["seen_by_" + self.name] = True


def test_hooks_run_in_list_order_and_share_the_logs():
    log, logs = [], {"loss": 1.0}
    callbacks = CallbackList([Recorder("a", log), Recorder("b", log)], add_history=True)
    callbacks.on_train_begin()
    callbacks.on_epoch_end(0, logs)
    assert log == [("a", 0), ("b", 0)]
    # the History comes last, so it records what the other callbacks added to the logs
    assert callbacks.history.history == {"loss": [1.0], "seen_by_a": [True], "seen_by_b": [True]}


def test_an_existing_history_is_reused_and_the_progbar_goes_first():
    history = History()
    callbacks = CallbackList([history], add_history=True, add_progbar=True)
    assert callbacks.history is history
    assert [type(c) for c in callbacks.callbacks] == [ProgbarLogger, History]


def test_model_and_params_reach_every_callback():
    model = object()
    inner = [Callback(), Callback()]
    CallbackList(inner, model=model, epochs=2, steps=5, verbose=0)
    for callback in inner:
        assert callback.model is model
        assert callback.params == {"epochs": 2, "steps": 5, "verbose": 0}


def test_a_non_callback_is_rejected_with_its_repr():
    with pytest.raises(TypeError, match="instance of kerasedu.callbacks.Callback.*'print'"):
        CallbackList(["print"])


def test_only_the_hooks_a_callback_overrides_are_called():
    class Keras2(Callback):
        def on_batch_end(self, batch, logs=None):  # the Keras 2 name of on_train_batch_end
            pass

    keras2, printer = Keras2(), LambdaCallback(on_epoch_end=print)
    callbacks = [Callback(), History(), keras2, printer]
    assert hook_methods(callbacks, "on_train_batch_begin") == []
    assert hook_methods(callbacks, "on_train_batch_end") == [keras2.on_batch_end]
    assert hook_methods(callbacks, "on_epoch_end") == [callbacks[1].on_epoch_end, print]


def test_call_is_the_on_methods_door_and_gives_each_hook_a_dict():
    log = []
    callbacks = CallbackList([Recorder("a", log), History()])
    callbacks.call("on_epoch_end", 3)  # no logs: every callback still gets one dict to fill
    callbacks.on_epoch_end(4, {"loss": 0.5})  # Keras's name of the same call
    assert log == [("a", 3), ("a", 4)]
    assert callbacks.callbacks[1].history == {"seen_by_a": [True, True], "loss": [0.5]}
