"""`ModelCheckpoint`: save the model (or its weights) during training.

The file name may contain fields filled from the epoch number and the logs:
``"weights.{epoch:02d}-{val_loss:.2f}.h5"`` -> ``weights.03-0.41.h5``.

Example:
    >>> checkpoint = ModelCheckpoint("best.weights.h5", save_best_only=True,
    ...                              save_weights_only=True)
    >>> checkpoint.monitor
    'val_loss'
"""

import warnings

from kerasedu.callbacks.callback import Callback, higher_is_better


class ModelCheckpoint(Callback):
    """Save ``model.save(path)`` or ``model.save_weights(path)`` at the end of epochs.

    Args:
        filepath: Path, with optional ``{epoch}`` and log-name fields
            (``epoch`` counts from 1, as printed).
        monitor: Log name deciding what "best" means. Defaults to ``"val_loss"``.
        verbose: ``1`` prints a line when saving. Defaults to ``0``.
        save_best_only: Save only when ``monitor`` improves on the best so far.
            Defaults to ``False``.
        save_weights_only: Save only the weights (no architecture). Defaults to ``False``.
        mode: ``"min"``, ``"max"`` or ``"auto"``. Defaults to ``"auto"``.
        save_freq: ``"epoch"``, or save every this many batches. Defaults to ``"epoch"``.
        initial_value_threshold: A value the first saved result must beat. Defaults to ``None``.
    """

    def __init__(
        self,
        filepath,
        monitor="val_loss",
        verbose=0,
        save_best_only=False,
        save_weights_only=False,
        mode="auto",
        save_freq="epoch",
        initial_value_threshold=None,
    ):
        super().__init__()
        if save_freq != "epoch" and not (isinstance(save_freq, int) and save_freq > 0):
            raise ValueError(
                f"save_freq must be 'epoch' or a positive integer. Received: "
                f"save_freq={save_freq!r}"
            )
        self.filepath = str(filepath)
        self.monitor = monitor
        self.verbose = verbose
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.save_freq = save_freq
        self.maximize = higher_is_better(monitor, mode)
        self.initial_value_threshold = initial_value_threshold
        self.on_train_begin()

    def on_train_begin(self, logs=None):
        if self.initial_value_threshold is not None:
            self.best = self.initial_value_threshold
        else:
            self.best = -float("inf") if self.maximize else float("inf")
        self.batches_seen = 0
        self.epoch = 0

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        self.batches_seen += 1
        if self.save_freq != "epoch" and self.batches_seen % self.save_freq == 0:
            self._save(self.epoch, logs or {})

    def on_epoch_end(self, epoch, logs=None):
        if self.save_freq == "epoch":
            self._save(epoch, logs or {})

    def _improves(self, value):
        return value > self.best if self.maximize else value < self.best

    def _save(self, epoch, logs):
        path = self.filepath.format(epoch=epoch + 1, **logs)
        if self.save_best_only:
            current = logs.get(self.monitor)
            if current is None:
                warnings.warn(
                    f"Can save best model only with {self.monitor} available; skipping.",
                    stacklevel=2,
                )
                return
            if not self._improves(current):
                if self.verbose > 0:
                    print(
                        f"\nEpoch {epoch + 1}: {self.monitor} did not improve from {self.best:.5f}"
                    )
                return
            if self.verbose > 0:
                print(
                    f"\nEpoch {epoch + 1}: {self.monitor} improved from {self.best:.5f} to "
                    f"{current:.5f}, saving model to {path}"
                )
            self.best = current
        elif self.verbose > 0:
            print(f"\nEpoch {epoch + 1}: saving model to {path}")
        if self.save_weights_only:
            self.model.save_weights(path, overwrite=True)
        else:
            self.model.save(path, overwrite=True)
