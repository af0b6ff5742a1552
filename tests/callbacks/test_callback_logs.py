"""Every hook gets a logs dict, never None, as Keras 3's CallbackList passes them."""

import os

import numpy as np
import pytest

import kerasedu

HOOKS = [
    "on_train_begin",
    "on_train_end",
    "on_epoch_begin",
    "on_epoch_end",
    "on_train_batch_begin",
    "on_train_batch_end",
    "on_test_begin",
    "on_test_end",
    "on_test_batch_begin",
    "on_test_batch_end",
    "on_predict_begin",
    "on_predict_end",
    "on_predict_batch_begin",
    "on_predict_batch_end",
]


def logs_recorder(base):
    """A Callback subclass of ``base`` recording ``{hook: type name of the logs}``."""

    def recorder(hook):
        def method(self, *args, **kwargs):
            logs = kwargs.get("logs", args[-1] if args else None)
            self.seen[hook] = type(logs).__name__

        return method

    methods = {hook: recorder(hook) for hook in HOOKS}
    return type("LogsRecorder", (base,), methods)


def run_every_hook(keras):
    record = logs_recorder(keras.callbacks.Callback)()
    record.seen = {}
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    x, y = np.zeros((4, 2), dtype="float32"), np.zeros((4, 1), dtype="float32")
    model.fit(x, y, epochs=1, batch_size=2, validation_data=(x, y), verbose=0, callbacks=[record])
    model.evaluate(x, y, verbose=0, callbacks=[record])
    model.predict(x, verbose=0, callbacks=[record])
    return record.seen


def test_every_hook_gets_a_dict():
    assert run_every_hook(kerasedu) == {hook: "dict" for hook in HOOKS}


@pytest.mark.reference
def test_logs_types_match_keras():
    os.environ.setdefault("KERAS_BACKEND", "jax")
    keras = pytest.importorskip("keras")
    assert run_every_hook(kerasedu) == run_every_hook(keras)
