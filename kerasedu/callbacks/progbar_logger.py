"""`ProgbarLogger`: prints ``Epoch 1/4`` and a `Progbar` line per epoch (``verbose=1`` or ``2``).

``fit``, ``evaluate`` and ``predict`` add it themselves when ``verbose`` is not 0.

Example:
    >>> logger = ProgbarLogger()
    >>> logger.set_params({"epochs": 2, "steps": 1, "verbose": 2})
    >>> logger.on_train_begin()
    >>> logger.on_epoch_begin(0)
    Epoch 1/2
"""

from kerasedu.callbacks.callback import Callback
from kerasedu.utils.progbar import Progbar


class ProgbarLogger(Callback):
    """Shows training progress; validation inside ``fit`` joins the epoch's final line.

    Reads ``verbose``, ``epochs`` and ``steps`` from ``self.params``.
    """

    def __init__(self):
        super().__init__()
        self.progbar = None
        self.in_fit = False
        self.seen = 0

    def _start(self):
        verbose = self.params.get("verbose", 1)
        self.progbar = Progbar(self.params.get("steps"), verbose=verbose)
        self.seen = 0

    def _update(self, batch, logs, finalize=False):
        self.seen = batch + 1
        if self.progbar is not None:
            self.progbar.update(self.seen, logs, finalize=finalize)

    def on_train_begin(self, logs=None):
        self.in_fit = True

    def on_train_end(self, logs=None):
        self.in_fit = False

    def on_epoch_begin(self, epoch, logs=None):
        if self.params.get("verbose", 1):
            print(f"Epoch {epoch + 1}/{self.params.get('epochs')}")
        self._start()

    def on_train_batch_end(self, batch, logs=None):
        self._update(batch, logs)

    def on_epoch_end(self, epoch, logs=None):
        self._update(self.seen - 1, logs, finalize=True)

    def on_test_begin(self, logs=None):
        if not self.in_fit:  # fit's validation results go on the epoch line instead
            self._start()

    def on_test_batch_end(self, batch, logs=None):
        if not self.in_fit:
            self._update(batch, logs)

    def on_test_end(self, logs=None):
        if not self.in_fit:
            self._update(self.seen - 1, logs, finalize=True)

    def on_predict_begin(self, logs=None):
        self._start()

    def on_predict_batch_end(self, batch, logs=None):
        self._update(batch, None)

    def on_predict_end(self, logs=None):
        self._update(self.seen - 1, None, finalize=True)
