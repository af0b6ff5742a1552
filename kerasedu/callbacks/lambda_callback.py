"""`LambdaCallback`: a callback made of plain functions, for one-off needs.

Example:
    >>> printer = LambdaCallback(on_epoch_end=lambda epoch, logs: print(epoch, logs["loss"]))
    >>> printer.on_epoch_end(0, {"loss": 0.5})
    0 0.5
"""

from kerasedu.callbacks.callback import Callback

_HOOKS = (
    "on_train_begin",
    "on_train_end",
    "on_epoch_begin",
    "on_epoch_end",
    "on_train_batch_begin",
    "on_train_batch_end",
    "on_batch_begin",
    "on_batch_end",
    "on_test_begin",
    "on_test_end",
    "on_test_batch_begin",
    "on_test_batch_end",
    "on_predict_begin",
    "on_predict_end",
    "on_predict_batch_begin",
    "on_predict_batch_end",
)


class LambdaCallback(Callback):
    """Call the given functions at the matching hooks.

    Args:
        **hooks: Any hook name of `Callback` mapped to a function with that
            hook's arguments: ``on_epoch_begin(epoch, logs)``,
            ``on_train_batch_end(batch, logs)``, ``on_train_begin(logs)``...
            (Keras 2's ``on_batch_begin``/``on_batch_end`` are the training batches.)
    """

    def __init__(self, **hooks):
        super().__init__()
        for name, function in hooks.items():
            if name not in _HOOKS:
                raise TypeError(f"LambdaCallback: unknown hook {name!r}. Valid hooks: {_HOOKS}")
            if function is not None:
                setattr(self, name, function)  # replaces the do-nothing method
