"""`Model`: a trainable graph of layers (compile / fit / evaluate / predict).

``Model(inputs, outputs)`` is a functional model (`Functional`); a subclass of
`Model` creates its layers in ``__init__`` and uses them in ``call``. How a
model learns (``compile``, ``train_step``, ``fit``) is in
`kerasedu.models.trainer.Trainer`, which Model extends; this module holds what
a model is and how a trained one is used: its layers, ``evaluate``,
``predict``, single batches, ``summary`` and saving.

Lesson: lessons/en/02_mnist.ipynb
"""

from kerasedu.autograd.function import no_grad
from kerasedu.callbacks.callback_list import callbacks_for
from kerasedu.models.compile_utils import as_float_logs
from kerasedu.models.summary import print_summary
from kerasedu.models.trainer import Trainer
from kerasedu.tree import flatten, map_structure
from kerasedu.utils import data as data_utils
from kerasedu.utils.data_adapter_utils import concatenate_batches


class Model(Trainer):
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

    def __new__(cls, *args, **kwargs):
        if cls is Model and ("inputs" in kwargs or "input" in kwargs or len(args) >= 2):
            from kerasedu.models.functional import Functional  # functional.py imports this module

            return super().__new__(Functional)
        return super().__new__(cls)

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Create a model from `get_config`'s dict.

        As in Keras, ``Model.from_config`` on a functional model's config (it has
        ``layers``, ``input_layers`` and ``output_layers``) builds a `Functional`
        model; a subclass's config goes to its constructor.

        Example:
            >>> from kerasedu.layers import Dense, Input
            >>> inputs = Input((3,))
            >>> model = Model(inputs, Dense(2)(inputs))
            >>> type(Model.from_config(model.get_config())).__name__
            'Functional'
        """
        if cls is Model and all(k in config for k in ("layers", "input_layers", "output_layers")):
            from kerasedu.models.functional import Functional  # functional.py imports this module

            return Functional.from_config(config, custom_objects=custom_objects)
        return cls(**config)

    @property
    def layers(self):
        """The layers assigned as attributes (or in lists and dicts), in assignment order."""
        return list(self._tracked_layers)

    @property
    def trainable_variables(self):
        """Keras 3 name of ``trainable_weights``."""
        return self.trainable_weights

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
        callbacks = callbacks_for(self, callbacks, verbose, 1, data.steps)
        return self._format(self._test_loop(data, callbacks), return_dict)

    def predict_step(self, x):
        """Predict one batch: ``self(x, training=False)``."""
        return self(x, training=False)

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
        callbacks = callbacks_for(self, callbacks, verbose, 1, data.steps)
        batches = []
        callbacks.on_predict_begin()
        with no_grad():
            for step, (xb, _, _) in enumerate(data.epoch()):
                callbacks.on_predict_batch_begin(step)
                outputs = map_structure(data_utils.to_numpy_output, self.predict_step(xb))
                batches.append(outputs)
                callbacks.on_predict_batch_end(step, {"outputs": outputs})
        callbacks.on_predict_end()
        return concatenate_batches(batches)

    # --- single batches --------------------------------------------------------------
    def train_on_batch(self, x, y=None, sample_weight=None, class_weight=None, return_dict=False):
        """One update on one batch; returns the loss (and metrics) computed BEFORE the update."""
        self._assert_compiled("train_on_batch")
        self.reset_metrics()
        batch = self._one_batch(x, y, sample_weight, class_weight)
        return self._format(as_float_logs(self.train_step(batch)), return_dict)

    def test_on_batch(self, x, y=None, sample_weight=None, return_dict=False):
        """Loss (and metrics) on one batch, in inference mode, without updating."""
        self._assert_compiled("test_on_batch")
        self.reset_metrics()
        batch = self._one_batch(x, y, sample_weight)
        with no_grad():
            return self._format(as_float_logs(self.test_step(batch)), return_dict)

    def predict_on_batch(self, x):
        """The outputs for one batch, as NumPy array(s)."""
        xb, _, _ = self._one_batch(x)
        with no_grad():
            return map_structure(data_utils.to_numpy_output, self.predict_step(xb))

    def _one_batch(self, x, y=None, sample_weight=None, class_weight=None):
        """All of ``(x, y, sample_weight)`` as one batch, prepared as `fit` prepares each batch."""
        size = len(flatten(data_utils.as_arrays(x))[0])  # [[0, 1], [1, 0]] is one array
        batches = data_utils.make_batches(x, y, sample_weight, size, class_weight=class_weight)
        return next(batches.epoch())

    def _format(self, logs, return_dict):
        """``evaluate``'s result: the logs as a dict, or their values in `metrics_names` order."""
        if return_dict:
            return logs
        values = [logs[name] for name in self.metrics_names if name in logs]
        values += [v for name, v in logs.items() if name not in self.metrics_names]
        return values[0] if len(values) == 1 else values

    # --- summary and saving (delegated) ------------------------------------------------
    def summary(self, line_length=None, positions=None, print_fn=None):
        """Print a table of the layers, their output shapes and parameter counts.

        Args:
            line_length: Total width of the table. Defaults to a width that fits.
            positions: Where each column ends: fractions of ``line_length``
                (``[0.45, 0.85, 1.0]``) or absolute positions. Defaults to Keras's.
            print_fn: Function called with each line. Defaults to ``print``.
        """
        print_summary(self, line_length=line_length, positions=positions, print_fn=print_fn)

    # saving/ sits above models (it rebuilds models from configs, and imports h5py):
    # the methods below import it when they are called.
    def save(self, filepath, overwrite=True, **kwargs):
        """Save architecture, weights and optimizer state to one HDF5 file."""
        from kerasedu.saving import hdf5

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
