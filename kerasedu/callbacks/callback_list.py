"""`CallbackList`: calls one hook on every callback that does something there, in order.

``fit`` wraps the user's callbacks in a CallbackList, with a `ProgbarLogger`
first (so it prints before the others speak) and the `History` last (so it
records what the others added to ``logs``), as Keras does.

Example:
    >>> from kerasedu.callbacks import History
    >>> callbacks = CallbackList([History()], epochs=1, steps=1, verbose=0)
    >>> callbacks.on_train_begin()
    >>> callbacks.on_epoch_end(0, {"loss": 0.5})
    >>> callbacks.callbacks[0].history
    {'loss': [0.5]}
"""

from kerasedu.callbacks.callback import Callback, History
from kerasedu.callbacks.progbar_logger import ProgbarLogger

# the training-batch hooks of Callback call these Keras 2 names unless overridden
_KERAS2_NAMES = {"on_train_batch_begin": "on_batch_begin", "on_train_batch_end": "on_batch_end"}


def hook_methods(callbacks, hook):
    """The methods to call for ``hook``: only those of callbacks that do something there.

    The base class's hooks do nothing, so a callback that does not override
    ``hook`` (nor set it, as `LambdaCallback` does) is skipped. For the
    training-batch hooks a callback written for Keras 2 may override
    ``on_batch_begin``/``on_batch_end`` instead: that method is the one called.

    Example:
        >>> [m.__name__ for m in hook_methods([Callback(), History()], "on_epoch_end")]
        ['on_epoch_end']
    """
    names = (hook, _KERAS2_NAMES[hook]) if hook in _KERAS2_NAMES else (hook,)
    methods = []
    for callback in callbacks:
        for name in names:
            method = getattr(callback, name)
            if getattr(method, "__func__", None) is not getattr(Callback, name):
                methods.append(method)
                break
    return methods


class CallbackList(Callback):
    """A list of callbacks that acts as one callback: each hook calls theirs, in order.

    Which callbacks do something at a hook is worked out the first time the hook is called
    (see `hook_methods`): a new CallbackList is made for every ``fit``.

    Args:
        callbacks: List of `Callback` instances (or ``None``).
        add_history: Append a `History` if none is in the list. Defaults to ``False``.
        add_progbar: Put a `ProgbarLogger` first if none is in the list. Defaults to ``False``.
        model: The model given to every callback.
        **params: ``epochs``, ``steps``, ``verbose``, given to every callback.
    """

    def __init__(self, callbacks=None, add_history=False, add_progbar=False, model=None, **params):
        super().__init__()
        self.callbacks = list(callbacks or [])
        self.history = None
        for callback in self.callbacks:
            if not isinstance(callback, Callback):
                raise TypeError(
                    "Every callback must be an instance of kerasedu.callbacks.Callback. "
                    f"Received: {callback!r}"
                )
            if self.history is None and isinstance(callback, History):
                self.history = callback
        if add_history and self.history is None:
            self.history = History()
            self.callbacks.append(self.history)
        if add_progbar and not any(isinstance(c, ProgbarLogger) for c in self.callbacks):
            self.callbacks.insert(0, ProgbarLogger())
        self._hooks = {}  # hook name -> hook_methods(self.callbacks, hook name)
        if model is not None:
            self.set_model(model)
        self.set_params(params)

    def set_model(self, model):
        super().set_model(model)
        for callback in self.callbacks:
            callback.set_model(model)

    def set_params(self, params):
        super().set_params(params)
        for callback in self.callbacks:
            callback.set_params(params)

    def call(self, hook, *args, logs=None):
        """Call ``hook`` (e.g. ``"on_epoch_end"``) with ``*args, logs`` on each callback, in order.

        ``fit`` tells the callbacks through this one door; the ``on_*`` methods
        below are the same calls under Keras's names.

        Example:
            >>> callbacks = CallbackList([History()])
            >>> callbacks.call("on_epoch_end", 0, logs={"loss": 0.5})
            >>> callbacks.history.history
            {'loss': [0.5]}
        """
        # Keras 3's CallbackList turns logs=None into a dict (python_utils.pythonify_logs), so
        # every hook of every callback may read or add keys; one dict is shared by the
        # callbacks of this call, so what one adds the next sees (History records it).
        logs = {} if logs is None else logs
        if hook not in self._hooks:
            self._hooks[hook] = hook_methods(self.callbacks, hook)
        for method in self._hooks[hook]:
            method(*args, logs)

    def on_train_begin(self, logs=None):
        self.call("on_train_begin", logs=logs)

    def on_train_end(self, logs=None):
        self.call("on_train_end", logs=logs)

    def on_epoch_begin(self, epoch, logs=None):
        self.call("on_epoch_begin", epoch, logs=logs)

    def on_epoch_end(self, epoch, logs=None):
        self.call("on_epoch_end", epoch, logs=logs)

    def on_train_batch_begin(self, batch, logs=None):
        self.call("on_train_batch_begin", batch, logs=logs)

    def on_train_batch_end(self, batch, logs=None):
        self.call("on_train_batch_end", batch, logs=logs)

    def on_test_begin(self, logs=None):
        self.call("on_test_begin", logs=logs)

    def on_test_end(self, logs=None):
        self.call("on_test_end", logs=logs)

    def on_test_batch_begin(self, batch, logs=None):
        self.call("on_test_batch_begin", batch, logs=logs)

    def on_test_batch_end(self, batch, logs=None):
        self.call("on_test_batch_end", batch, logs=logs)

    def on_predict_begin(self, logs=None):
        self.call("on_predict_begin", logs=logs)

    def on_predict_end(self, logs=None):
        self.call("on_predict_end", logs=logs)

    def on_predict_batch_begin(self, batch, logs=None):
        self.call("on_predict_batch_begin", batch, logs=logs)

    def on_predict_batch_end(self, batch, logs=None):
        self.call("on_predict_batch_end", batch, logs=logs)


def callbacks_for(model, callbacks, verbose, epochs, steps, add_history=False):
    """The `CallbackList` of one ``fit``, ``evaluate`` or ``predict`` call on ``model``.

    ``verbose="auto"`` means 1, and any verbose other than 0 adds a progress bar.
    ``fit`` also adds the `History` it returns (``add_history=True``).

    Example:
        >>> callbacks_for(None, [], verbose="auto", epochs=1, steps=3).params
        {'verbose': 1, 'epochs': 1, 'steps': 3}
    """
    verbose = 1 if verbose == "auto" else verbose
    return CallbackList(
        callbacks,
        add_history=add_history,
        add_progbar=bool(verbose),
        model=model,
        verbose=verbose,
        epochs=epochs,
        steps=steps,
    )
