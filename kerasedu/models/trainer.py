"""`Trainer`: how a model learns (compile, train_step, fit).

``fit`` is the training loop, written out: per epoch, per batch, call
`Trainer.train_step` (forward, loss, backward, optimizer step), tell the
callbacks, then validate. Override ``train_step`` or ``test_step`` to change
what one batch does. `Model` adds to this what a model is and how a trained
one is used (its layers, ``evaluate``, ``predict``, ``summary``, saving);
every model is a Trainer, as in Keras 3.

Example:
    >>> from kerasedu.layers import Dense
    >>> from kerasedu.models import Sequential
    >>> model = Sequential([Dense(1, input_shape=(2,))])
    >>> model.compile(optimizer="sgd", loss="mse")
    >>> history = model.fit(np.ones((4, 2)), np.zeros((4, 1)), epochs=2, verbose=0)
    >>> history.epoch, model.metrics_names
    ([0, 1], ['loss'])

Lesson: lessons/en/02_mnist.ipynb
"""

import warnings

from kerasedu import optimizers
from kerasedu.autograd.function import no_grad
from kerasedu.callbacks.callback_list import callbacks_for
from kerasedu.diagnostics import checks
from kerasedu.diagnostics.fit_monitor import FitMonitor, check_model_outputs, trainable_flags
from kerasedu.layers.layer import Layer
from kerasedu.metrics.metric import Mean
from kerasedu.models.compile_utils import (
    CompiledLoss,
    CompiledMetrics,
    as_float_logs,
    check_identifiers,
)
from kerasedu.tree import flatten
from kerasedu.utils import data as data_utils
from kerasedu.utils.data_adapter_utils import (
    should_validate,
    train_validation_split,
    unpack_x_y_sample_weight,
)


class Trainer(Layer):
    """A layer that can be compiled and trained; the base class of `Model`."""

    optimizer = None  # class-level defaults: valid before compile, whatever __init__ ran
    compiled_loss = None
    compiled_metrics = None
    stop_training = False
    history = None
    _variables = None  # the variables to train, captured at compile

    # --- compile -------------------------------------------------------------------
    def compile(
        self,
        optimizer="rmsprop",
        loss=None,
        metrics=None,
        loss_weights=None,
        weighted_metrics=None,
        run_eagerly=None,
        steps_per_execution=1,
        jit_compile=None,
        **kwargs,
    ):
        """Choose the optimizer, the loss and the metrics, before ``fit``.

        Args:
            optimizer: Name (``"adam"``) or optimizer instance. Defaults to ``"rmsprop"``.
            loss: Name, function or `Loss`; a list or dict (by output name) for
                several outputs.
            metrics: List of names / functions / Metric objects (a dict by output
                name for several outputs). ``"accuracy"`` picks the right accuracy.
            loss_weights: Weights of the outputs' losses in the total (list or dict).
            weighted_metrics: Metrics that also use ``sample_weight``.
            run_eagerly, steps_per_execution, jit_compile: Accepted for Keras
                compatibility; kerasedu always runs eagerly, one step at a time.

        The variables trained are those trainable *now*: change ``layer.trainable``
        later and it counts only after ``compile`` is called again, as in Keras.
        """
        for name in kwargs:  # Keras 2 arguments that no longer mean anything
            if name not in ("sample_weight_mode", "target_tensors", "auto_scale_loss"):
                raise TypeError(f"compile() got an unexpected keyword argument {name!r}.")
        self.optimizer = optimizers.get(optimizer)
        check_identifiers(loss, metrics, weighted_metrics)  # a misspelling fails here, not in fit
        self.loss = loss
        self.compiled_loss = CompiledLoss(loss, loss_weights, model=self)
        self.compiled_metrics = CompiledMetrics(metrics, weighted_metrics, model=self, loss=loss)
        # the loss is averaged in float64, so the logged loss is the exact mean of the batches'
        self._loss_tracker = Mean("loss", dtype="float64")
        self._variables = None
        self._trainable_flags = trainable_flags(self)
        check_model_outputs(self)
        if self.built:
            self._variables_to_train()

    def _variables_to_train(self):
        """The trainable variables captured at compile; only they get gradients."""
        if self._variables is None:
            self._variables = list(self.trainable_weights)
            chosen = {id(v) for v in self._variables}
            for variable in self.weights:  # frozen weights: no gradient is even computed
                variable.requires_grad = id(variable) in chosen
        return self._variables

    def _assert_compiled(self, method):
        if self.compiled_loss is None:
            raise RuntimeError(
                f"You must call compile() before {method}(): e.g. "
                f"model.compile(optimizer='adam', loss='mse')."
            )

    # --- one batch -------------------------------------------------------------------
    def train_step(self, data):
        """Train on one batch: forward, loss, backward, optimizer update, metrics.

        Args:
            data: The batch as Keras 3 passes it: ``(x, y, sample_weight)``, ``(x, y)``
                or ``(x,)`` (see `unpack_x_y_sample_weight`).

        Returns:
            Dict of the epoch's running results, e.g. ``{"accuracy": 0.9, "loss": 0.3}``.
        """
        x, y, sample_weight = unpack_x_y_sample_weight(data)
        y_pred = self(x, training=True)
        loss = self.compute_loss(x, y, y_pred, sample_weight)
        variables = self._variables_to_train()
        for variable in variables:
            variable.grad = None  # gradients accumulate: clear last batch's
        if loss.requires_grad:
            loss.backward()
        grads_and_vars = [(v.grad, v) for v in variables if v.grad is not None]
        if grads_and_vars:  # everything frozen: nothing to update
            self.optimizer.apply_gradients(grads_and_vars)
        self._loss_tracker.update_state(loss.data, sample_weight=len(flatten(x)[0]))
        return self.compute_metrics(x, y, y_pred, sample_weight)

    def test_step(self, data):
        """Evaluate one batch (inference mode): loss and metrics, no update."""
        x, y, sample_weight = unpack_x_y_sample_weight(data)
        y_pred = self(x, training=False)
        loss = self.compute_loss(x, y, y_pred, sample_weight)
        self._loss_tracker.update_state(loss.data, sample_weight=len(flatten(x)[0]))
        return self.compute_metrics(x, y, y_pred, sample_weight)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None):
        """The compiled loss plus the model's `losses` (penalties, `add_loss` values), a Tensor.

        Compiled without a loss (``compile(optimizer="adam")``), a model that calls
        ``add_loss`` trains on those losses alone, as in Keras.
        """
        losses, loss = self.losses, None
        if self.loss is not None or not losses:
            loss, _ = self.compiled_loss(y, y_pred, sample_weight)
        for penalty in losses:
            loss = penalty if loss is None else loss + penalty
        return loss

    def compute_metrics(self, x, y, y_pred, sample_weight=None):
        """Update the compiled metrics with one batch and return all results."""
        self.compiled_metrics.update_state(y, y_pred, sample_weight)
        return self.get_metrics_result()

    # --- metrics ---------------------------------------------------------------------
    @property
    def metrics(self):
        """The loss tracker and the compiled metrics (empty before compile)."""
        if self.compiled_loss is None:
            return []
        return [self._loss_tracker] + self.compiled_loss.metrics + self.compiled_metrics.metrics

    @property
    def metrics_names(self):
        """Names of `metrics`: ``["loss", "accuracy"]``, the order ``evaluate`` returns."""
        return [m.name for m in self.metrics]

    def get_metrics_result(self):
        """Current results as a dict of floats, sorted by name (as Keras 3 logs them)."""
        return dict(sorted((m.name, float(m.result())) for m in self.metrics))

    def reset_metrics(self):
        """Reset the loss tracker and every metric."""
        for metric in self.metrics:
            metric.reset_state()

    # --- the loops -------------------------------------------------------------------
    def fit(
        self,
        x=None,
        y=None,
        batch_size=None,
        epochs=1,
        verbose="auto",
        callbacks=None,
        validation_split=0.0,
        validation_data=None,
        shuffle=True,
        class_weight=None,
        sample_weight=None,
        initial_epoch=0,
        steps_per_epoch=None,
        validation_steps=None,
        validation_batch_size=None,
        validation_freq=1,
    ):
        """Train the model for ``epochs`` passes over the data; return a `History`.

        Args:
            x, y: Arrays (or lists / dicts of arrays); or ``x`` a generator or
                `Sequence` yielding ``(x, y)`` or ``(x, y, sample_weight)`` batches.
            batch_size: Samples per update. Defaults to ``32``.
            epochs: Index of the last epoch (with ``initial_epoch``). Defaults to ``1``.
            verbose: ``"auto"``/``1`` progress bar, ``2`` one line per epoch, ``0`` silent.
            callbacks: List of `Callback` objects.
            validation_split: Fraction of the data, taken from the END before
                shuffling, held out for validation. Defaults to ``0.0``.
            validation_data: ``(x_val, y_val)`` evaluated after each epoch.
            shuffle: Reshuffle the training arrays each epoch. Defaults to ``True``.
            class_weight: ``{class index: weight}`` scaling each sample's loss.
            sample_weight: Per-sample weights of the loss.
            initial_epoch: Epoch to start from (to resume training). Defaults to ``0``.
            steps_per_epoch: Batches per epoch (needed for endless generators).
            validation_steps, validation_batch_size: Like the above, for validation.
            validation_freq: Validate every this many epochs. Defaults to ``1``.
        """
        self._assert_compiled("fit")
        if validation_split and validation_data is None:
            (x, y, sample_weight), validation_data = train_validation_split(
                (x, y, sample_weight), validation_split
            )
            if hasattr(y, "shape"):
                checks.check_sorted_validation_split(y, validation_data[1])
        train = data_utils.make_batches(
            x, y, sample_weight, batch_size, shuffle, class_weight, steps_per_epoch
        )
        val = data_utils.make_validation_batches(
            validation_data, validation_batch_size or batch_size, validation_steps
        )
        callbacks = callbacks_for(self, callbacks, verbose, epochs, train.steps, add_history=True)
        self.history = callbacks.history
        self.stop_training = False
        monitor = FitMonitor(self)  # teaching checks: first batch, first steps, first epoch
        logs = {}
        callbacks.call("on_train_begin")
        for epoch in range(initial_epoch, epochs):
            epoch_logs = self._train_epoch(epoch, train, callbacks, monitor)
            if epoch_logs is None:  # the generator ran dry before the first batch
                break
            logs = dict(epoch_logs)
            if val is not None and should_validate(epoch, validation_freq):
                val_logs = self._test_loop(val, callbacks)
                logs.update({f"val_{name}": value for name, value in val_logs.items()})
            monitor.on_epoch_end()
            callbacks.call("on_epoch_end", epoch, logs=logs)
            if self.stop_training:
                break
        callbacks.call("on_train_end", logs=logs)
        return self.history

    def _train_epoch(self, epoch, data, callbacks, monitor):
        """One epoch of ``fit``: ``train_step`` on each batch, between the callbacks' hooks.

        Returns the epoch's logs, or ``None`` if ``data`` gave no batch at all.
        """
        self.reset_metrics()
        callbacks.call("on_epoch_begin", epoch)
        logs = None
        for step, batch in enumerate(data.epoch()):  # batch: (x, y, sample_weight)
            monitor.on_batch_begin(*batch[:2])
            callbacks.call("on_train_batch_begin", step)
            logs = as_float_logs(self.train_step(batch))
            monitor.on_batch_end(logs["loss"])
            callbacks.call("on_train_batch_end", step, logs=logs)
            if self.stop_training:
                break
        if logs is None:
            warnings.warn(
                "Your input ran out of data; interrupting training. Give "
                "steps_per_epoch or a generator that loops forever.",
                stacklevel=3,
            )
        return logs

    def _test_loop(self, data, callbacks):
        self.reset_metrics()
        callbacks.call("on_test_begin")
        logs = {}
        with no_grad():
            for step, batch in enumerate(data.epoch()):
                callbacks.call("on_test_batch_begin", step)
                logs = as_float_logs(self.test_step(batch))
                callbacks.call("on_test_batch_end", step, logs=logs)
        callbacks.call("on_test_end", logs=logs)
        return logs
