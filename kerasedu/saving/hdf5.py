"""Save and load whole models and weights as HDF5 files, in Keras's legacy ``.h5`` layout.

One model file holds::

    attrs: model_config    = JSON {"class_name": "Sequential", "config": {...}}
           training_config = JSON {"loss", "metrics", "weighted_metrics",
                                   "loss_weights", "optimizer_config"}   (if compiled)
           keras_version, backend
    model_weights/          the weights, layer by layer (see `hdf5_weights`)
    optimizer_weights/      the optimizer's state: iterations, then the slots

A weights file (``save_weights``) is the ``model_weights`` group alone, at the
root. The same layout is used whatever the extension (``.h5``, ``.weights.h5``,
``.keras``), so Keras 2 files load here and Keras can read these weights.

Every write goes through a temporary file renamed into place (`atomic`), and
every read starts with `safety.check_hdf5_tree`, before any data is read.
Anything wrong with a file becomes a `KerasEduFileError` naming the file.

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

import contextlib
import json
import os
import warnings

import h5py

from kerasedu import losses, optimizers
from kerasedu import metrics as metrics_module
from kerasedu.saving import hdf5_weights, safety
from kerasedu.saving.atomic import atomic_write
from kerasedu.saving.errors import KerasEduFileError
from kerasedu.saving.model_json import json_default
from kerasedu.saving.serializer import clean_object_config, deserialize_layer, serialize_layer


def save_model(model, filepath, overwrite=True, include_optimizer=True, save_format=None):
    """Save architecture, weights, training configuration and optimizer state to ``filepath``.

    Args:
        model: A `Sequential` or functional `Model`.
        filepath: Where to write (any extension; ``.h5`` is usual).
        overwrite: Replace an existing file. Defaults to ``True``.
        include_optimizer: Also save the compile settings and optimizer state,
            so training can resume exactly. Defaults to ``True``.
        save_format: Keras 2's choice of format: ``None`` or ``"h5"``, the only
            format written here. Defaults to ``None``.

    Raises:
        ValueError: For another ``save_format``.
    """
    if save_format not in (None, "h5"):
        raise ValueError(
            f"kerasedu writes Keras's HDF5 format only. Received: save_format={save_format!r}"
        )
    config = json.dumps(serialize_layer(model), default=json_default)
    training = _training_config(model) if include_optimizer else None
    with atomic_write(filepath, overwrite) as tmp_path:
        with h5py.File(tmp_path, "w") as f:
            f.attrs["keras_version"] = hdf5_weights.KERAS_VERSION
            f.attrs["backend"] = "numpy"
            f.attrs["model_config"] = config
            hdf5_weights.save_weights_to_group(f.create_group("model_weights"), model.layers)
            if training is not None:
                f.attrs["training_config"] = json.dumps(training, default=json_default)
                hdf5_weights.save_optimizer_state(f, model.optimizer)


def load_model(filepath, custom_objects=None, compile=True):
    """Rebuild a model saved by `save_model` (or by Keras 2's ``model.save("x.h5")``).

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
    with open_checked(filepath) as f:
        if "model_config" not in f.attrs:
            raise KerasEduFileError(
                filepath,
                "it holds no model_config: it is a weights-only "
                "file. Build the model, then call model.load_weights().",
            )
        config = _json_attribute(f, "model_config", filepath)
        safety.check_config(config, custom_objects, filepath)
        model = _guarded(
            filepath, "its model_config is invalid", deserialize_layer, config, custom_objects
        )
        weights = f["model_weights"] if "model_weights" in f else f
        hdf5_weights.load_weights_from_group(weights, model.layers, filepath)
        if compile and "training_config" in f.attrs:
            training = _json_attribute(f, "training_config", filepath)
            state = _optimizer_state(f, filepath)
            _guarded(
                filepath,
                "its training_config is invalid",
                _compile_from_config,
                model,
                training,
                custom_objects,
                state,
            )
    return model


def save_weights(model, filepath, overwrite=True):
    """Save only the weights, in Keras's layout (``.h5`` or ``.weights.h5``).

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
    with atomic_write(filepath, overwrite) as tmp_path:
        with h5py.File(tmp_path, "w") as f:
            hdf5_weights.save_weights_to_group(f, model.layers)


def load_weights(model, filepath, by_name=False, skip_mismatch=False):
    """Load weights saved by `save_weights`, `save_model`, or Keras 2.

    Args:
        model: The model to fill; it must be built.
        filepath: The file.
        by_name: Match layers by name instead of by order. Defaults to ``False``.
        skip_mismatch: With ``by_name``, skip (with a warning) layers whose
            weight count or shapes differ. Defaults to ``False``.
    """
    if skip_mismatch and not by_name:
        raise ValueError("skip_mismatch=True needs by_name=True (as in Keras).")
    with open_checked(filepath) as f:
        group = f["model_weights"] if "model_weights" in f else f
        if "layer_names" not in group.attrs and "layer_names0" not in group.attrs:
            raise KerasEduFileError(
                filepath,
                "it holds no layer_names attribute, so it is not a Keras/kerasedu weights file.",
            )
        if by_name:
            hdf5_weights.load_weights_by_name(group, model.layers, filepath, skip_mismatch)
        else:
            hdf5_weights.load_weights_from_group(group, model.layers, filepath)


@contextlib.contextmanager
def open_checked(filepath):
    """Open an HDF5 file for reading, check it (`safety`), and turn every error into a kerasedu one.

    Yields:
        The open ``h5py.File``.
    """
    filepath = os.fspath(filepath)
    if not os.path.isfile(filepath):
        raise KerasEduFileError(filepath, "no such file.")
    if os.path.getsize(filepath) == 0:
        raise KerasEduFileError(filepath, "the file is empty (0 bytes).")
    if not h5py.is_hdf5(filepath):
        raise KerasEduFileError(
            filepath,
            "it is not an HDF5 file (a .keras zip, a pickle or "
            "another format?). kerasedu reads Keras's .h5 files.",
        )
    try:
        f = h5py.File(filepath, "r")
    except Exception as err:  # HDF5 reports a damaged file in many ways
        raise KerasEduFileError(filepath, f"it is damaged or truncated ({err}).") from err
    try:
        _guarded(filepath, "its structure is damaged", safety.check_hdf5_tree, f, filepath)
        yield f
    except KerasEduFileError:
        raise
    except Exception as err:
        raise KerasEduFileError(
            filepath, f"it is damaged or incompatible ({type(err).__name__}: {err})."
        ) from err
    finally:
        with contextlib.suppress(Exception):
            f.close()


def _guarded(filepath, problem, fn, *args):
    """Call ``fn(*args)``; any error other than a kerasedu one becomes a `KerasEduFileError`."""
    try:
        return fn(*args)
    except KerasEduFileError:
        raise
    except Exception as err:
        raise KerasEduFileError(filepath, f"{problem}: {type(err).__name__}: {err}") from err


def _json_attribute(f, name, filepath):
    value = f.attrs[name]
    if isinstance(value, bytes):
        value = value.decode("utf8", errors="replace")
    if not isinstance(value, str):
        raise KerasEduFileError(filepath, f"attribute {name!r} is not JSON text.")
    try:
        return json.loads(value)
    except (ValueError, RecursionError) as err:
        raise KerasEduFileError(filepath, f"attribute {name!r} is not valid JSON ({err}).") from err


def _training_config(model):
    """The compile settings as JSON-ready values, or None for a model never compiled."""
    if getattr(model, "optimizer", None) is None or getattr(model, "compiled_loss", None) is None:
        return None
    metrics, weighted_metrics = model.compiled_metrics.specs
    return {
        "loss": _map_specs(losses.serialize, model.compiled_loss.loss),
        "metrics": _map_specs(metrics_module.serialize, metrics),
        "weighted_metrics": _map_specs(metrics_module.serialize, weighted_metrics),
        "loss_weights": model.compiled_loss.loss_weights,
        "optimizer_config": optimizers.serialize(model.optimizer),
    }


def _optimizer_state(f, filepath):
    """The saved optimizer state, if kerasedu wrote it (Keras orders its slots differently)."""
    state = hdf5_weights.read_optimizer_state(f, filepath)
    version = f.attrs.get("keras_version", b"")
    version = version.decode("utf8", "replace") if isinstance(version, bytes) else str(version)
    if state and not version.startswith("kerasedu"):
        warnings.warn(
            f"{filepath} was saved by Keras {version}: its optimizer state is not "
            "restored (the optimizer starts afresh; the weights are loaded).",
            stacklevel=4,
        )
        return []
    return state


def _compile_from_config(model, training, custom_objects, state):
    config = training["optimizer_config"]
    if isinstance(config, dict) and "class_name" in config:
        config = clean_object_config(config, optimizers.OPTIMIZERS)
    optimizer = optimizers.deserialize(config, custom_objects)
    model.compile(
        optimizer=optimizer,
        loss=_map_specs(lambda s: _deserialize_loss(s, custom_objects), training.get("loss")),
        metrics=_map_specs(
            lambda s: _deserialize_metric(s, custom_objects), training.get("metrics")
        ),
        weighted_metrics=_map_specs(
            lambda s: _deserialize_metric(s, custom_objects), training.get("weighted_metrics")
        ),
        loss_weights=training.get("loss_weights"),
    )
    if state:
        optimizer.set_state(state)  # slots are restored when the optimizer first builds


def _map_specs(fn, spec):
    """Apply ``fn`` to each loss/metric in a (possibly per-output) list or dict."""
    if spec is None:
        return None
    if isinstance(spec, (list, tuple)):
        return [_map_specs(fn, item) for item in spec]
    if isinstance(spec, dict) and "class_name" not in spec:
        return {key: _map_specs(fn, value) for key, value in spec.items()}
    return fn(spec)


def _deserialize_loss(spec, custom_objects):
    if isinstance(spec, str) and spec not in (custom_objects or {}):
        losses.deserialize(spec)  # unknown names fail here, with kerasedu's message
        return spec
    return losses.deserialize(spec, custom_objects)


def _deserialize_metric(spec, custom_objects):
    custom_objects = custom_objects or {}
    if isinstance(spec, str):
        return custom_objects.get(spec, spec)  # compile() resolves names from its closed table
    return metrics_module.deserialize(spec, custom_objects)
