"""`Callback`: code that ``fit``, ``evaluate`` and ``predict`` call at fixed moments.

This module also holds `History`, the callback every ``fit`` adds and returns.

Override only the hooks you need. ``self.model`` is the model being trained
(set ``self.model.stop_training = True`` to end ``fit`` after this epoch) and
``self.params`` holds ``{"epochs", "steps", "verbose"}``. ``logs`` is a dict of
the current results (``{"loss": 0.31, "accuracy": 0.91}``); a callback may add
entries to it at ``on_epoch_end`` and later callbacks see them.

Example:
    >>> class PrintEpoch(Callback):
    ...     def on_epoch_end(self, epoch, logs=None):
    ...         print(f"finished epoch {epoch + 1}")
    >>> PrintEpoch().on_epoch_end(0)
    finished epoch 1
"""


class Callback:
    """Base class of callbacks: every hook exists and does nothing.

    The hooks, in the order ``fit`` calls them: ``on_train_begin``, then per
    epoch ``on_epoch_begin``, per batch ``on_train_batch_begin`` /
    ``on_train_batch_end``, the validation's ``on_test_*`` hooks, then
    ``on_epoch_end``; finally ``on_train_end``. ``evaluate`` and ``predict``
    call the ``on_test_*`` and ``on_predict_*`` hooks.
    """

    def __init__(self):
        self.model = None
        self.params = {}
        self.validation_data = None  # Keras 2 attribute, kept for old callbacks

    def set_params(self, params):
        """Receive the run's parameters: ``epochs``, ``steps``, ``verbose``."""
        self.params = params

    def set_model(self, model):
        """Receive the model the hooks refer to as ``self.model``."""
        self.model = model

    # --- fit ---------------------------------------------------------------------
    def on_train_begin(self, logs=None):
        """Called once when ``fit`` starts; reset any state here so ``fit`` can run twice."""

    def on_train_end(self, logs=None):
        """Called once when ``fit`` ends (``logs`` holds the last epoch's results)."""

    def on_epoch_begin(self, epoch, logs=None):
        """Called at the start of epoch ``epoch`` (counted from 0)."""

    def on_epoch_end(self, epoch, logs=None):
        """Called at the end of an epoch with its training and ``val_`` results."""

    def on_train_batch_begin(self, batch, logs=None):
        """Called before training batch ``batch`` (counted from 0 in each epoch)."""
        self.on_batch_begin(batch, logs)

    def on_train_batch_end(self, batch, logs=None):
        """Called after a training batch, with the epoch's running results so far."""
        self.on_batch_end(batch, logs)

    def on_batch_begin(self, batch, logs=None):
        """Keras 2 name of `on_train_batch_begin`."""

    def on_batch_end(self, batch, logs=None):
        """Keras 2 name of `on_train_batch_end`."""

    # --- evaluate (and validation inside fit) --------------------------------------------
    def on_test_begin(self, logs=None):
        """Called when evaluation (or ``fit``'s validation) starts."""

    def on_test_end(self, logs=None):
        """Called when evaluation ends, with its results."""

    def on_test_batch_begin(self, batch, logs=None):
        """Called before an evaluation batch."""

    def on_test_batch_end(self, batch, logs=None):
        """Called after an evaluation batch, with the running results."""

    # --- predict ---------------------------------------------------------------------------
    def on_predict_begin(self, logs=None):
        """Called when ``predict`` starts."""

    def on_predict_end(self, logs=None):
        """Called when ``predict`` ends."""

    def on_predict_batch_begin(self, batch, logs=None):
        """Called before a prediction batch."""

    def on_predict_batch_end(self, batch, logs=None):
        """Called after a prediction batch; ``logs["outputs"]`` holds its predictions."""


_HIGHER_IS_BETTER = ("acc", "auc", "precision", "recall", "f1", "iou")


def higher_is_better(monitor, mode="auto"):
    """Whether a larger value of ``monitor`` is an improvement.

    ``mode`` is ``"min"``, ``"max"`` or ``"auto"`` (guess from the name: accuracies,
    AUC, precision, recall go up; losses and errors go down).

    Example:
        >>> higher_is_better("val_accuracy"), higher_is_better("val_loss")
        (True, False)
    """
    if mode not in ("auto", "min", "max"):
        raise ValueError(f"mode must be 'auto', 'min' or 'max'. Received: mode={mode!r}")
    if mode != "auto":
        return mode == "max"
    name = monitor[4:] if monitor.startswith("val_") else monitor
    return any(word in name for word in _HIGHER_IS_BETTER)


class History(Callback):
    """Collects the results of each epoch in ``history`` (a dict of lists); ``fit`` returns it.

    ``history.history["loss"][i]`` is the training loss of epoch ``i``;
    ``history.epoch`` lists the epoch numbers (from 0). Every ``fit`` creates
    a new History and stores it as ``model.history``.

    Example:
        >>> history = History()
        >>> history.on_train_begin()
        >>> history.on_epoch_end(0, {"loss": 0.9, "val_loss": 1.1})
        >>> history.on_epoch_end(1, {"loss": 0.5, "val_loss": 0.8})
        >>> history.history["val_loss"], history.epoch
        ([1.1, 0.8], [0, 1])
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
