"""`LearningRateScheduler`: set the optimizer's learning rate at the start of each epoch.

Example:
    >>> def halve_after_two(epoch, lr):
    ...     return lr if epoch < 2 else lr * 0.5
    >>> scheduler = LearningRateScheduler(halve_after_two)
    >>> scheduler.new_rate(3, 0.1)
    0.05
"""

import inspect

from kerasedu.callbacks.callback import Callback


class LearningRateScheduler(Callback):
    """Set ``model.optimizer.learning_rate = schedule(epoch, lr)`` before every epoch.

    The epoch's rate is recorded in the logs as ``"learning_rate"``, so it
    appears in ``history.history``.

    Args:
        schedule: ``schedule(epoch, lr) -> new lr`` (epoch counted from 0), or the
            older one-argument form ``schedule(epoch) -> lr``.
        verbose: ``1`` prints each change. Defaults to ``0``.
    """

    def __init__(self, schedule, verbose=0):
        super().__init__()
        self.schedule = schedule
        self.verbose = verbose

    def new_rate(self, epoch, lr):
        """Ask the schedule for epoch ``epoch``'s rate, given the current ``lr``."""
        try:
            takes_lr = len(inspect.signature(self.schedule).parameters) >= 2
        except (TypeError, ValueError):  # builtins without a signature
            takes_lr = True
        rate = self.schedule(epoch, lr) if takes_lr else self.schedule(epoch)
        try:
            return float(rate)
        except (TypeError, ValueError):
            raise ValueError(f"The schedule must return a number. Received: {rate!r}") from None

    def on_epoch_begin(self, epoch, logs=None):
        optimizer = self.model.optimizer
        rate = self.new_rate(epoch, float(optimizer.learning_rate))
        optimizer.learning_rate = rate
        if self.verbose > 0:
            print(f"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to {rate}.")

    def on_epoch_end(self, epoch, logs=None):
        if logs is not None:
            logs["learning_rate"] = float(self.model.optimizer.learning_rate)
