"""`Model`: a layer that can be trained (compile / fit / evaluate / predict).

``fit`` is the training loop, written out: per epoch, per batch, call
`Model.train_step` (forward, loss, backward, optimizer step), tell the
callbacks, then validate. Override ``train_step``, ``test_step`` or
``predict_step`` to change what one batch does.

Lesson: lessons/en/02_mnist.ipynb
"""

import warnings

from kerasedu import optimizers
from kerasedu.autograd.function import no_grad
from kerasedu.callbacks.callback_list import CallbackList
from kerasedu.diagnostics import checks
from kerasedu.diagnostics.fit_monitor import FitMonitor, check_model_outputs
from kerasedu.layers.layer import Layer
from kerasedu.models.compile_utils import (
    CompiledLoss,
    CompiledMetrics,
    Mean,
    as_float_logs,
    metric_result,
    trainable_flags,
)
from kerasedu.utils import data as data_utils


class Model(Layer):
    """A trainable graph of layers.

    ``Model(inputs=..., outputs=...)`` builds a functional model (see
    `kerasedu.models.functional.Functional`); a subclass of `Model` creates its
    layers in ``__init__`` and uses them in ``call``.

    Example:
        >>> import numpy as np
        >>> from kerasedu.layers import Dense
        >>> class TwoLayers(Model):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.hidden = Dense(8, activation="relu")
        ...         self.out = Dense(1)
        ...     def call(self, x):
        ...         return self.out(self.hidden(x))
        >>> model = TwoLayers()
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> history = model.fit(np.ones((8, 3)), np.ones((8, 1)), epochs=2, verbose=0)
        >>> len(history.history["loss"])
        2
    """

    optimizer = None  # class-level defaults: valid before compile, whatever __init__ ran
    compiled_loss = None
    compiled_metrics = None
    stop_training = False
    history = None
    _variables = None  # the variables to train, captured at compile

    def __new__(cls, *args, **kwargs):
        if cls is Model and ("inputs" in kwargs or "input" in kwargs or len(args) >= 2):
            from kerasedu.models.functional import Functional  # functional.py imports this module

            return super().__new__(Functional)
        return super().__new__(cls)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)

    @property
    def layers(self):
        """The layers assigned as attributes (or in lists), in assignment order."""
        found = []
        for value in vars(self).values():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, Layer) and not any(item is f for f in found):
                    found.append(item)
        return found

    def _sublayers(self):
        return self.layers

    @property
    def trainable_variables(self):
        """Keras 3 name of ``trainable_weights``."""
        return self.trainable_weights

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
        self.loss = loss
        self.compiled_loss = CompiledLoss(loss, loss_weights, model=self)
        self.compiled_metrics = CompiledMetrics(metrics, weighted_metrics, model=self, loss=loss)
        self._loss_tracker = Mean("loss")
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
    def train_step(self, x, y, sample_weight=None):
        """Train on one batch: forward, loss, backward, optimizer update, metrics.

        Returns:
            Dict of the epoch's running results, e.g. ``{"accuracy": 0.9, "loss": 0.3}``.
        """
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
        self._loss_tracker.update_state(loss.data, sample_weight=len(data_utils.flatten(x)[0]))
        return self.compute_metrics(x, y, y_pred, sample_weight)

    def test_step(self, x, y, sample_weight=None):
        """Evaluate one batch (inference mode): loss and metrics, no update."""
        y_pred = self(x, training=False)
        loss = self.compute_loss(x, y, y_pred, sample_weight)
        self._loss_tracker.update_state(loss.data, sample_weight=len(data_utils.flatten(x)[0]))
        return self.compute_metrics(x, y, y_pred, sample_weight)

    def predict_step(self, x):
        """Predict one batch: ``self(x, training=False)``."""
        return self(x, training=False)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None):
        """The compiled loss plus the layers' regularization penalties, as a Tensor."""
        loss, _ = self.compiled_loss(y, y_pred, sample_weight)
        for penalty in self.losses:
            loss = loss + penalty
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
        return {m.name: metric_result(m) for m in sorted(self.metrics, key=lambda m: m.name)}

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
            (x, y, sample_weight), (vx, vy, vsw) = data_utils.train_validation_split(
                (x, y, sample_weight), validation_split
            )
            if hasattr(y, "shape"):
                checks.check_sorted_validation_split(y, vy)
            validation_data = (vx, vy, vsw)
        train = data_utils.make_batches(
            x, y, sample_weight, batch_size, shuffle, class_weight, steps_per_epoch
        )
        val = data_utils.make_validation_batches(
            validation_data, validation_batch_size or batch_size, validation_steps
        )
        callbacks = self._callbacks(callbacks, verbose, epochs, train.steps, add_history=True)
        self.history = callbacks.history
        self.stop_training = False
        logs = {}
        checks.check_trainable_changed(self._trainable_flags, trainable_flags(self))
        monitor = FitMonitor(self)  # teaching checks: first batch, first steps, first epoch
        callbacks.on_train_begin()
        for epoch in range(initial_epoch, epochs):
            self.reset_metrics()
            callbacks.on_epoch_begin(epoch)
            step = -1
            for step, (xb, yb, swb) in enumerate(train.epoch()):
                if epoch == initial_epoch and step == 0:
                    monitor.on_first_batch(xb, yb)
                callbacks.on_train_batch_begin(step)
                logs = as_float_logs(self.train_step(xb, yb, swb))
                monitor.on_batch_end(logs["loss"])
                callbacks.on_train_batch_end(step, logs)
                if self.stop_training:
                    break
            if step < 0:
                warnings.warn(
                    "Your input ran out of data; interrupting training. Give "
                    "steps_per_epoch or a generator that loops forever.",
                    stacklevel=2,
                )
                break
            logs = dict(logs)
            if val is not None and data_utils.should_validate(epoch, validation_freq):
                val_logs = self._test_loop(val, callbacks)
                logs.update({f"val_{name}": value for name, value in val_logs.items()})
            if epoch == initial_epoch:
                monitor.on_first_epoch_end()
            callbacks.on_epoch_end(epoch, logs)
            if self.stop_training:
                break
        callbacks.on_train_end(logs)
        return self.history

    def evaluate(
        self,
        x=None,
        y=None,
        batch_size=None,
        verbose="auto",
        sample_weight=None,
        steps=None,
        callbacks=None,
        return_dict=False,
    ):
        """Return the loss (and metrics) on the data, in inference mode.

        Args:
            x, y, sample_weight: As in `fit`.
            batch_size: Defaults to ``32``.
            verbose: ``"auto"``/``1`` progress bar, ``0`` silent.
            steps: Number of batches (for generators).
            callbacks: List of `Callback` objects.
            return_dict: Return ``{name: value}`` instead of a list.

        Returns:
            The loss as a float, or ``[loss, *metrics]`` in `metrics_names` order.
        """
        self._assert_compiled("evaluate")
        data = data_utils.make_batches(x, y, sample_weight, batch_size, steps=steps)
        callbacks = self._callbacks(callbacks, verbose, 1, data.steps)
        return self._format(self._test_loop(data, callbacks), return_dict)

    def _test_loop(self, data, callbacks):
        self.reset_metrics()
        callbacks.on_test_begin()
        logs = {}
        with no_grad():
            for step, (x, y, sample_weight) in enumerate(data.epoch()):
                callbacks.on_test_batch_begin(step)
                logs = as_float_logs(self.test_step(x, y, sample_weight))
                callbacks.on_test_batch_end(step, logs)
        callbacks.on_test_end(logs)
        return logs

    def predict(self, x, batch_size=None, verbose="auto", steps=None, callbacks=None):
        """Return the model's outputs for ``x`` as NumPy array(s), batch by batch.

        Args:
            x: Arrays, a generator or a `Sequence` (targets in it are ignored).
            batch_size: Defaults to ``32``.
            verbose: ``"auto"``/``1`` progress bar, ``0`` silent.
            steps: Number of batches (for generators).
            callbacks: List of `Callback` objects.
        """
        data = data_utils.make_batches(x, batch_size=batch_size, steps=steps)
        callbacks = self._callbacks(callbacks, verbose, 1, data.steps)
        batches = []
        callbacks.on_predict_begin()
        with no_grad():
            for step, (xb, _, _) in enumerate(data.epoch()):
                callbacks.on_predict_batch_begin(step)
                outputs = data_utils.map_structure(
                    data_utils.to_numpy_output, self.predict_step(xb)
                )
                batches.append(outputs)
                callbacks.on_predict_batch_end(step, {"outputs": outputs})
        callbacks.on_predict_end()
        return data_utils.concatenate_batches(batches)

    # --- single batches --------------------------------------------------------------
    def train_on_batch(self, x, y=None, sample_weight=None, class_weight=None, return_dict=False):
        """One update on one batch; returns the loss (and metrics) computed BEFORE the update."""
        self._assert_compiled("train_on_batch")
        self.reset_metrics()
        batch = self._one_batch(x, y, sample_weight, class_weight)
        return self._format(as_float_logs(self.train_step(*batch)), return_dict)

    def test_on_batch(self, x, y=None, sample_weight=None, return_dict=False):
        """Loss (and metrics) on one batch, in inference mode, without updating."""
        self._assert_compiled("test_on_batch")
        self.reset_metrics()
        batch = self._one_batch(x, y, sample_weight)
        with no_grad():
            return self._format(as_float_logs(self.test_step(*batch)), return_dict)

    def predict_on_batch(self, x):
        """The outputs for one batch, as NumPy array(s)."""
        xb, _, _ = self._one_batch(x)
        with no_grad():
            return data_utils.map_structure(data_utils.to_numpy_output, self.predict_step(xb))

    # --- helpers ---------------------------------------------------------------------
    def _callbacks(self, callbacks, verbose, epochs, steps, add_history=False):
        verbose = 1 if verbose == "auto" else verbose
        return CallbackList(
            callbacks,
            add_history=add_history,
            add_progbar=bool(verbose),
            model=self,
            verbose=verbose,
            epochs=epochs,
            steps=steps,
        )

    def _one_batch(self, x, y=None, sample_weight=None, class_weight=None):
        """All of ``(x, y, sample_weight)`` as one batch, prepared as `fit` prepares each batch."""
        size = len(data_utils.flatten(x)[0])
        batches = data_utils.make_batches(x, y, sample_weight, size, class_weight=class_weight)
        return next(batches.epoch())

    def _format(self, logs, return_dict):
        if return_dict:
            return logs
        values = [logs[name] for name in self.metrics_names if name in logs]
        values += [v for name, v in logs.items() if name not in self.metrics_names]
        return values[0] if len(values) == 1 else values

    # --- summary and saving (delegated) ------------------------------------------------
    def summary(self, line_length=None, positions=None, print_fn=None, **kwargs):
        """Print a table of the layers, output shapes and parameter counts."""
        from kerasedu.models.summary import print_summary  # summary.py imports models

        return print_summary(
            self, line_length=line_length, positions=positions, print_fn=print_fn, **kwargs
        )

    def save(self, filepath, overwrite=True, **kwargs):
        """Save architecture, weights and optimizer state to one HDF5 file."""
        from kerasedu.saving import hdf5  # h5py is imported only when saving

        hdf5.save_model(self, filepath, overwrite=overwrite, **kwargs)

    def save_weights(self, filepath, overwrite=True, **kwargs):
        """Save the weights to an HDF5 file."""
        from kerasedu.saving import hdf5

        hdf5.save_weights(self, filepath, overwrite=overwrite, **kwargs)

    def load_weights(self, filepath, by_name=False, skip_mismatch=False, **kwargs):
        """Load weights saved by `save_weights` (by layer order, or by layer name)."""
        from kerasedu.saving import hdf5

        return hdf5.load_weights(
            self, filepath, by_name=by_name, skip_mismatch=skip_mismatch, **kwargs
        )
