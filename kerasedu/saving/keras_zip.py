"""Keras 3's native format: ``model.save("m.keras")`` and ``load_model("m.keras")``.

A ``.keras`` file is a zip archive of three members::

    metadata.json      {"keras_version": ..., "date_saved": ...}
    config.json        the model's config (`serializer`), with "compile_config"
                       (loss, metrics, optimizer) when the model is compiled
    model.weights.h5   the weights in Keras 3's layout (`keras3_weights`)

Loading never extracts anything to the disk: `archive_safety.read_keras_archive` checks
the archive's names and sizes and reads the members into memory, then the
config goes through `safety.check_config` and the weights through
`safety.check_hdf5_tree`, as for an ``.h5`` file. The optimizer's state (step
count, rate and slots) is stored in model.weights.h5 as Keras 3 stores it
(`keras3_optimizer`), so a loaded model resumes training where it stopped, in
kerasedu or in Keras.

Example:
    >>> import os, tempfile
    >>> from kerasedu.layers import Dense, Input
    >>> from kerasedu.models import Sequential
    >>> path = os.path.join(tempfile.mkdtemp(), "m.keras")
    >>> Sequential([Input(shape=(3,)), Dense(2)]).save(path)
    >>> load_model(path).count_params()
    8
"""

import datetime
import io
import json
import zipfile

from kerasedu.lookup import REGISTERED
from kerasedu.saving import (
    archive_safety,
    keras3_optimizer,
    keras3_weights,
    safety,
    training_config,
)
from kerasedu.saving.errors import KerasEduFileError
from kerasedu.saving.h5_file import checked_h5, guarded, h5_bytes
from kerasedu.saving.model_json import json_default
from kerasedu.saving.serializer import deserialize_layer, serialize_layer
from kerasedu.version import __version__

CONFIG, METADATA, WEIGHTS = "config.json", "metadata.json", "model.weights.h5"


def model_to_bytes(model, include_optimizer=True):
    """Return the bytes of a ``.keras`` archive holding ``model``.

    Args:
        model: The model.
        include_optimizer: Store the compile settings and the optimizer's state.
            Defaults to ``True``.
    """
    config = _with_keras3_modules(serialize_layer(model))
    compile_config = training_config.to_compile_config(model) if include_optimizer else None
    if compile_config is not None:
        config["compile_config"] = compile_config
    metadata = {
        "keras_version": f"kerasedu-{__version__}",
        "date_saved": datetime.datetime.now().strftime("%Y-%m-%d@%H:%M:%S"),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(METADATA, json.dumps(metadata))
        archive.writestr(CONFIG, json.dumps(config, default=json_default))
        archive.writestr(WEIGHTS, h5_bytes(write_weights, model, compile_config is not None))
    return buffer.getvalue()


def write_weights(h5file, model, with_optimizer):
    """Keras 3's weights file: the model's weights, then (``with_optimizer``) the optimizer's state.

    The same layout serves a ``.keras`` archive's ``model.weights.h5`` and
    ``save_weights("m.weights.h5")``; Keras 3 adds the optimizer to both once compiled.
    """
    keras3_weights.save_weights_to_file(h5file, model)
    if with_optimizer:
        keras3_optimizer.save_to_file(h5file, model)


def read_weights(h5file, model, path, with_optimizer, build_optimizer=False):
    """Fill ``model`` from Keras 3's weights file (`write_weights`'s); checked, then loaded.

    As in Keras 3, ``load_weights`` restores the optimizer's slots only into an
    optimizer that has them already (the model has trained); loading a whole model
    (``build_optimizer=True``) creates them first.
    """
    keras3_weights.load_weights_from_file(h5file, model, path)
    if with_optimizer:
        keras3_optimizer.load_from_file(h5file, model, path, build=build_optimizer)


def _with_keras3_modules(config):
    """Keras 3 finds its functional class in ``keras.src.models.functional``, and your registered
    functions (``"my>fn"``) in a ``{"class_name": "function"}`` dict (`_with_function_names`
    reads it back)."""
    if isinstance(config, list):
        return [_with_keras3_modules(item) for item in config]
    if isinstance(config, str) and callable(REGISTERED.get(config)):
        if not isinstance(REGISTERED[config], type):
            return {**_FUNCTION, "config": config}
    if not isinstance(config, dict):
        return config
    config = {key: _with_keras3_modules(value) for key, value in config.items()}
    if config.get("class_name") == "Functional" and config.get("module") == "keras":
        config["module"] = "keras.src.models.functional"
    return config


_FUNCTION = {"module": "builtins", "class_name": "function", "registered_name": "function"}


def _with_function_names(config):
    """Keras 3's ``{"class_name": "function", "config": "my>fn"}`` -> ``"my>fn"``, everywhere."""
    if isinstance(config, list):
        return [_with_function_names(item) for item in config]
    if not isinstance(config, dict):
        return config
    if config.get("class_name") == "function" and isinstance(config.get("config"), str):
        return config["config"]
    return {key: _with_function_names(value) for key, value in config.items()}


def load_model(filepath, custom_objects=None, compile=True):
    """Rebuild the model a ``.keras`` archive holds (see `kerasedu.saving.hdf5.load_model`)."""
    parts = read_archive(filepath)
    config = safety.parse_json(parts[CONFIG].decode("utf8", "replace"), CONFIG, filepath)
    safety.check_config(config, custom_objects, filepath)
    config = _with_function_names(config)  # after the check: it bounds the nesting
    model = guarded(filepath, f"its {CONFIG} is invalid", deserialize_layer, config, custom_objects)
    compile_config = config.get("compile_config") if isinstance(config, dict) else None
    compiled = (
        compile and isinstance(compile_config, dict) and bool(compile_config.get("optimizer"))
    )
    if compiled:
        training = training_config.from_compile_config(compile_config)
        guarded(
            filepath,
            "its compile_config is invalid",
            training_config.compile_from_config,
            model,
            training,
            custom_objects,
        )
    with checked_h5(io.BytesIO(parts[WEIGHTS]), filepath) as f:
        read_weights(f, model, filepath, with_optimizer=compiled, build_optimizer=True)
    return model


def load_weights(model, filepath):
    """Fill ``model`` with the weights of a ``.keras`` archive (as Keras's ``load_weights``);
    a compiled model takes the optimizer's state too."""
    parts = read_archive(filepath)
    with checked_h5(io.BytesIO(parts[WEIGHTS]), filepath) as f:
        read_weights(f, model, filepath, with_optimizer=model.optimizer is not None)


def read_archive(filepath):
    """Return the archive's checked members, ``{name: bytes}``; config and weights must be there."""
    try:
        with zipfile.ZipFile(filepath) as archive:
            parts = archive_safety.read_keras_archive(archive, filepath)
    except KerasEduFileError:
        raise
    except Exception as err:  # zipfile reports a damaged archive in many ways
        raise KerasEduFileError(filepath, f"it is a damaged zip archive ({err}).") from err
    for name in (CONFIG, WEIGHTS):
        if name not in parts:
            raise KerasEduFileError(filepath, f"the archive has no {name}: not a .keras file.")
    return parts
