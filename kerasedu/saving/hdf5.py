"""Save and load whole models and weights: Keras's legacy ``.h5`` layout, and the way to the others.

One legacy model file holds::

    attrs: model_config    = JSON {"class_name": "Sequential", "config": {...}}
           training_config = JSON {"loss", "metrics", "weighted_metrics",
                                   "loss_weights", "optimizer_config"}   (if compiled)
           keras_version, backend
    model_weights/          the weights, layer by layer (see `hdf5_weights`)
    optimizer_weights/      the optimizer's state: iterations, then the slots

The file name chooses the format, as in Keras 3: ``x.keras`` is Keras 3's zip
(`keras_zip`); ``save_weights("x.weights.h5")`` writes Keras 3's weights layout
(`keras3_weights`), any other name the legacy one (``model_weights`` at the
root). Loading looks at the file's content, not its name.

Every file is built in memory and written by `atomic.write_bytes`, so a failed
save raises ``OSError`` and leaves the old file; every read starts with
`safety.check_hdf5_tree` (`h5_file.open_checked`). Anything wrong with a file
becomes a `KerasEduFileError` naming the file.

Example:
    >>> import os, tempfile
    >>> from kerasedu.layers import Dense, Input
    >>> from kerasedu.models import Sequential
    >>> model = Sequential([Input(shape=(3,)), Dense(2, name="out")])
    >>> path = os.path.join(tempfile.mkdtemp(), "model.h5")
    >>> save_model(model, path)
    >>> load_model(path).get_layer("out").units
    2
"""

import json
import os
import zipfile

from kerasedu.saving import hdf5_weights, keras3_weights, keras_zip, safety, training_config
from kerasedu.saving.atomic import write_bytes
from kerasedu.saving.errors import KerasEduFileError
from kerasedu.saving.h5_file import guarded, h5_bytes, open_checked
from kerasedu.saving.model_json import json_default
from kerasedu.saving.object_registration import custom_objects_with
from kerasedu.saving.serializer import deserialize_layer, serialize_layer


def save_model(model, filepath, overwrite=True, include_optimizer=True, save_format=None):
    """Save architecture, weights, training configuration and optimizer state to ``filepath``.

    Args:
        model: A `Sequential` or functional `Model`.
        filepath: Where to write: ``.keras`` for Keras 3's format, any other name
            (``.h5`` is usual) for the legacy HDF5 one.
        overwrite: Replace an existing file. Defaults to ``True``.
        include_optimizer: Also save the compile settings and optimizer state,
            so training can resume exactly. Defaults to ``True``.
        save_format: ``None`` (chosen by the name), ``"h5"`` or ``"keras"``. Defaults to ``None``.

    Raises:
        ValueError: For another ``save_format``.
        OSError: The file could not be written (the previous file is unchanged).
    """
    if save_format not in (None, "h5", "keras"):
        raise ValueError(
            "kerasedu writes Keras's .keras and HDF5 formats only. "
            f"Received: save_format={save_format!r}"
        )
    if save_format == "keras" or (save_format is None and str(filepath).endswith(".keras")):
        data = keras_zip.model_to_bytes(model, include_optimizer)
    else:
        data = h5_bytes(_write_model, model, include_optimizer)
    write_bytes(filepath, data, overwrite)


def _write_model(f, model, include_optimizer):
    f.attrs["keras_version"] = hdf5_weights.KERAS_VERSION
    f.attrs["backend"] = "numpy"
    f.attrs["model_config"] = json.dumps(serialize_layer(model), default=json_default)
    hdf5_weights.save_weights_to_group(f.create_group("model_weights"), model.layers)
    training = training_config.training_config(model) if include_optimizer else None
    if training is not None:
        f.attrs["training_config"] = json.dumps(training, default=json_default)
        hdf5_weights.save_optimizer_state(f, model.optimizer)


def load_model(filepath, custom_objects=None, compile=True):
    """Rebuild a model saved by `save_model`, Keras 2 or Keras 3 (``.h5`` or ``.keras``).

    Args:
        filepath: The file.
        custom_objects: ``{name: class or function}`` for your own layers,
            losses, metrics, and the functions of `Lambda` layers. Defaults to ``None``.
        compile: Also compile the model with the saved loss, metrics and
            optimizer (state included). Defaults to ``True``.

    Returns:
        The model, with its weights.

    Raises:
        KerasEduFileError: a missing, corrupt or incompatible file, or one
            refused for safety (`UnsafeFileError`).
    """
    custom_objects = custom_objects_with(custom_objects)  # registered and scoped ones too
    if os.path.isfile(filepath) and zipfile.is_zipfile(filepath):
        return keras_zip.load_model(filepath, custom_objects, compile)
    with open_checked(filepath) as f:
        if "model_config" not in f.attrs:
            raise KerasEduFileError(
                filepath,
                "it holds no model_config: it is a weights-only "
                "file. Build the model, then call model.load_weights().",
            )
        config = json_attribute(f, "model_config", filepath)
        safety.check_config(config, custom_objects, filepath)
        model = guarded(
            filepath, "its model_config is invalid", deserialize_layer, config, custom_objects
        )
        weights = f["model_weights"] if "model_weights" in f else f
        hdf5_weights.load_weights_from_group(weights, model.layers, filepath)
        if compile and "training_config" in f.attrs:
            training = json_attribute(f, "training_config", filepath)
            safety.check_config(training, custom_objects, filepath)
            state = training_config.optimizer_state(f, filepath)
            guarded(
                filepath,
                "its training_config is invalid",
                training_config.compile_from_config,
                model,
                training,
                custom_objects,
                state,
            )
    return model


def save_weights(model, filepath, overwrite=True):
    """Save only the weights: Keras 3's layout for ``*.weights.h5``, the legacy one otherwise.

    As in Keras 3, a ``.weights.h5`` file of a compiled model holds the optimizer's
    state too (step count, rate, slots such as Adam's moments), and `load_weights`
    into a compiled model restores it, so training resumes where it stopped.

    Args:
        model: The model.
        filepath: Where to write.
        overwrite: Replace an existing file. Defaults to ``True``.

    Example:
        >>> import os, tempfile
        >>> from kerasedu.layers import Dense, Input
        >>> from kerasedu.models import Sequential
        >>> model = Sequential([Input(shape=(2,)), Dense(1)])
        >>> path = os.path.join(tempfile.mkdtemp(), "m.weights.h5")
        >>> save_weights(model, path)
        >>> load_weights(model, path)
    """
    if str(filepath).endswith(".weights.h5"):
        data = h5_bytes(keras_zip.write_weights, model, _is_compiled(model))
    else:
        data = h5_bytes(hdf5_weights.save_weights_to_group, model.layers)
    write_bytes(filepath, data, overwrite)


def load_weights(model, filepath, by_name=False, skip_mismatch=False):
    """Load weights saved by `save_weights`, `save_model`, Keras 2 or Keras 3.

    Args:
        model: The model to fill; it must be built.
        filepath: The file (``.h5``, ``.weights.h5`` or ``.keras``).
        by_name: Match layers by name instead of by order (legacy files only,
            as in Keras). Defaults to ``False``.
        skip_mismatch: With ``by_name``, skip (with a warning) layers whose
            weight count or shapes differ. Defaults to ``False``.
    """
    if skip_mismatch and not by_name:
        raise ValueError("skip_mismatch=True needs by_name=True (as in Keras).")
    if os.path.isfile(filepath) and zipfile.is_zipfile(filepath):
        return keras_zip.load_weights(model, filepath)
    with open_checked(filepath) as f:
        if keras3_weights.is_keras3_layout(f) and not by_name:
            return keras_zip.read_weights(f, model, filepath, _is_compiled(model))
        group = f["model_weights"] if "model_weights" in f else f
        if "layer_names" not in group.attrs and "layer_names0" not in group.attrs:
            raise KerasEduFileError(
                filepath,
                "it holds no layer_names attribute, so it is not a Keras/kerasedu weights file "
                "(by_name=True needs a legacy .h5 file).",
            )
        if by_name:
            hdf5_weights.load_weights_by_name(group, model.layers, filepath, skip_mismatch)
        else:
            hdf5_weights.load_weights_from_group(group, model.layers, filepath)


def json_attribute(f, name, filepath):
    """Parse the JSON text attribute ``name`` of an open file (a config).

    Raises:
        KerasEduFileError: not text, not JSON, or nested too deep to parse.
    """
    value = f.attrs[name]
    if isinstance(value, bytes):
        value = value.decode("utf8", errors="replace")
    if not isinstance(value, str):
        raise KerasEduFileError(filepath, f"attribute {name!r} is not JSON text.")
    return safety.parse_json(value, f"attribute {name!r}", filepath)


def _is_compiled(model):
    """Whether ``model`` has an optimizer whose state its weights file holds."""
    return getattr(model, "optimizer", None) is not None
