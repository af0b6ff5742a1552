"""`EarlyStopping`: stop training when a monitored result stops improving.

Example:
    >>> stopper = EarlyStopping(monitor="val_loss", patience=2)
    >>> class FakeModel:
    ...     stop_training = False
    >>> stopper.set_model(FakeModel())
    >>> stopper.on_train_begin()
    >>> for epoch, val_loss in enumerate([0.9, 0.8, 0.85, 0.83]):
    ...     stopper.on_epoch_end(epoch, {"val_loss": val_loss})
    >>> stopper.model.stop_training, stopper.stopped_epoch
    (True, 3)
"""

import warnings

from kerasedu.callbacks.callback import Callback, higher_is_better


class EarlyStopping(Callback):
    """Stop ``fit`` after ``patience`` epochs in a row without improvement.

    An epoch improves when the monitored value beats the best so far by more
    than ``min_delta``. With ``restore_best_weights`` the model gets the weights
    of its best epoch back when training ends.

    Args:
        monitor: Name in the epoch logs to watch. Defaults to ``"val_loss"``.
        min_delta: Smallest change that counts as improvement. Defaults to ``0``.
        patience: Epochs without improvement before stopping. Defaults to ``0``.
        verbose: ``1`` prints a message when stopping. Defaults to ``0``.
        mode: ``"min"``, ``"max"`` or ``"auto"`` (from the name). Defaults to ``"auto"``.
        baseline: A value the monitor must beat; epochs not beating it count
            as without improvement. Defaults to ``None``.
        restore_best_weights: Restore the best epoch's weights at the end.
            Defaults to ``False``.
        start_from_epoch: Epochs of warm-up before watching starts. Defaults to ``0``.
    """

    def __init__(
        self,
        monitor="val_loss",
        min_delta=0,
        patience=0,
        verbose=0,
        mode="auto",
        baseline=None,
        restore_best_weights=False,
        start_from_epoch=0,
    ):
        super().__init__()
        self.monitor = monitor
        self.min_delta = abs(min_delta)
        self.patience = patience
        self.verbose = verbose
        self.baseline = baseline
        self.restore_best_weights = restore_best_weights
        self.start_from_epoch = start_from_epoch
        self.maximize = higher_is_better(monitor, mode)

    def on_train_begin(self, logs=None):
        self.wait = 0  # epochs since the last improvement
        self.stopped_epoch = 0
        self.best = -float("inf") if self.maximize else float("inf")
        self.best_weights = None
        self.best_epoch = 0

    def _improves(self, value, reference):
        if self.maximize:
            return value - self.min_delta > reference
        return value + self.min_delta < reference

    def on_epoch_end(self, epoch, logs=None):
        current = (logs or {}).get(self.monitor)
        if current is None:
            warnings.warn(
                f"Early stopping conditioned on metric `{self.monitor}` which is not "
                f"available. Available metrics are: {','.join(logs or {})}",
                stacklevel=2,
            )
            return
        if epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights = (
                self.model.get_weights()
            )  # the first watched epoch is the best so far
        self.wait += 1
        if self._improves(current, self.best):
            self.best = current
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or self._improves(current, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                best = self.best_epoch + 1
                print(f"Restoring model weights from the end of the best epoch: {best}.")
            self.model.set_weights(self.best_weights)
