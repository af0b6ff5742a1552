"""`ReduceLROnPlateau`: multiply the learning rate by ``factor`` when progress stalls.

Example:
    >>> class FakeOptimizer:
    ...     learning_rate = 0.1
    >>> class FakeModel:
    ...     optimizer = FakeOptimizer()
    >>> reduce = ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1)
    >>> reduce.set_model(FakeModel())
    >>> reduce.on_train_begin()
    >>> for epoch, loss in enumerate([1.0, 1.0]):
    ...     reduce.on_epoch_end(epoch, {"loss": loss})
    >>> reduce.model.optimizer.learning_rate
    0.05
"""

import warnings

from kerasedu.callbacks.callback import Callback, higher_is_better


class ReduceLROnPlateau(Callback):
    """Reduce the learning rate after ``patience`` epochs without improvement.

    ``new_lr = max(lr * factor, min_lr)``; then ``cooldown`` epochs pass
    before waiting starts again. The epoch's rate is logged as ``"learning_rate"``.

    Args:
        monitor: Name in the epoch logs to watch. Defaults to ``"val_loss"``.
        factor: Multiplier of the rate, below 1. Defaults to ``0.1``.
        patience: Epochs without improvement before reducing. Defaults to ``10``.
        verbose: ``1`` prints each reduction. Defaults to ``0``.
        mode: ``"min"``, ``"max"`` or ``"auto"``. Defaults to ``"auto"``.
        min_delta: Smallest change that counts as improvement. Defaults to ``1e-4``
            (Keras 2 called it ``epsilon``, still accepted).
        cooldown: Epochs to wait after a reduction. Defaults to ``0``.
        min_lr: Lower bound of the rate. Defaults to ``0.0``.
    """

    def __init__(
        self,
        monitor="val_loss",
        factor=0.1,
        patience=10,
        verbose=0,
        mode="auto",
        min_delta=1e-4,
        cooldown=0,
        min_lr=0.0,
        **kwargs,
    ):
        super().__init__()
        if kwargs:
            raise TypeError(f"ReduceLROnPlateau: unexpected keyword argument(s) {sorted(kwargs)}.")
        if factor >= 1.0:
            raise ValueError(
                f"ReduceLROnPlateau does not support a factor >= 1.0. Received: factor={factor}"
            )
        self.monitor = monitor
        self.factor = factor
        self.patience = patience
        self.verbose = verbose
        self.min_delta = min_delta
        self.cooldown = cooldown
        self.min_lr = min_lr
        self.maximize = higher_is_better(monitor, mode)
        self.on_train_begin()

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.cooldown_counter = 0
        self.best = -float("inf") if self.maximize else float("inf")

    def _improves(self, value):
        if self.maximize:
            return value > self.best + self.min_delta
        return value < self.best - self.min_delta

    def on_epoch_end(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        optimizer = self.model.optimizer
        logs["learning_rate"] = float(optimizer.learning_rate)  # the rate this epoch used
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn(
                f"Learning rate reduction is conditioned on metric `{self.monitor}` which "
                f"is not available. Available metrics are: {','.join(logs)}.",
                stacklevel=2,
            )
            return
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.wait = 0
        if self._improves(current):
            self.best = current
            self.wait = 0
        elif self.cooldown_counter == 0:
            self.wait += 1
            if self.wait >= self.patience:
                self._reduce(epoch, optimizer)

    def _reduce(self, epoch, optimizer):
        old_lr = float(optimizer.learning_rate)
        if old_lr > self.min_lr:
            new_lr = max(old_lr * self.factor, self.min_lr)
            optimizer.learning_rate = new_lr
            if self.verbose > 0:
                print(f"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {new_lr}.")
            self.cooldown_counter = self.cooldown
            self.wait = 0
