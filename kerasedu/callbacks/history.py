"""`History`: records every epoch's ``logs``; ``fit`` returns it.

Example:
    >>> history = History()
    >>> history.on_train_begin()
    >>> history.on_epoch_end(0, {"loss": 0.9, "val_loss": 1.1})
    >>> history.on_epoch_end(1, {"loss": 0.5, "val_loss": 0.8})
    >>> history.history["val_loss"], history.epoch
    ([1.1, 0.8], [0, 1])
"""

from kerasedu.callbacks.callback import Callback


class History(Callback):
    """Collects the results of each epoch in ``history`` (a dict of lists).

    ``history.history["loss"][i]`` is the training loss of epoch ``i``;
    ``history.epoch`` lists the epoch numbers (from 0). Every ``fit`` creates
    a new History and stores it as ``model.history``.
    """

    def __init__(self):
        super().__init__()
        self.history = {}
        self.epoch = []

    def on_train_begin(self, logs=None):
        self.epoch = []

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for name, value in (logs or {}).items():
            self.history.setdefault(name, []).append(value)
        if self.model is not None:
            self.model.history = self
