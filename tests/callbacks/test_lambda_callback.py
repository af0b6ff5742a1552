"""LambdaCallback: functions given by hook name replace the do-nothing hooks."""

import pytest

from kerasedu.callbacks import LambdaCallback


def test_given_functions_are_called_with_the_hook_arguments():
    calls = []
    callback = LambdaCallback(
        on_train_begin=lambda logs: calls.append("train_begin"),
        on_epoch_end=lambda epoch, logs: calls.append((epoch, logs["loss"])),
        on_batch_end=lambda batch, logs: calls.append(("batch", batch)),
    )
    callback.on_train_begin({})
    callback.on_train_batch_end(2, {"loss": 0.3})  # Keras 2's on_batch_end is a training batch
    callback.on_epoch_end(0, {"loss": 0.25})
    callback.on_epoch_begin(0, {})  # not given: does nothing
    assert calls == ["train_begin", ("batch", 2), (0, 0.25)]


def test_none_leaves_the_hook_alone_and_unknown_hooks_are_rejected():
    assert LambdaCallback(on_epoch_end=None).on_epoch_end(0, {}) is None
    with pytest.raises(TypeError, match="unknown hook 'on_epoch_ends'"):
        LambdaCallback(on_epoch_ends=print)
