"""A model's compile settings as JSON (``training_config``), and back to a compiled model.

``model.compile(optimizer="adam", loss="mse", metrics=["mae"])`` is saved as::

    {"loss": "mse", "metrics": ["mae"], "weighted_metrics": None, "loss_weights": None,
     "optimizer_config": {"class_name": "Adam", "config": {"learning_rate": 0.001, ...}}}

the legacy ``.h5`` ``training_config`` attribute. Keras 3's ``.keras`` files hold
the same facts as ``compile_config`` (``"optimizer"`` for ``"optimizer_config"``);
`from_compile_config` and `to_compile_config` translate. Names are resolved
through each family's closed table, so a file can only name kerasedu's losses,
metrics and optimizers, or yours in ``custom_objects``.

Example:
    >>> from kerasedu.layers import Dense, Input
    >>> from kerasedu.models import Sequential
    >>> model = Sequential([Input(shape=(2,)), Dense(1)])
    >>> model.compile(optimizer="sgd", loss="mse")
    >>> training_config(model)["optimizer_config"]["class_name"]
    'SGD'
"""

import warnings

from kerasedu import losses, optimizers
from kerasedu import metrics as metrics_module
from kerasedu.saving import hdf5_weights, keras3_optimizer
from kerasedu.saving.keras_keys import clean_object_config


def training_config(model):
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


class _Keras3State(list):
    """Keras 3's optimizer variables in its own order (see `keras3_optimizer`)."""

    def __init__(self, arrays, path, with_rate=True):
        super().__init__(arrays)
        self.path = path
        self.with_rate = with_rate


def optimizer_state(f, filepath):
    """The saved optimizer state, if kerasedu, Keras 3 or Keras 2.11+ wrote it (not older Keras)."""
    state = hdf5_weights.read_optimizer_state(f, filepath)
    version = f.attrs.get("keras_version", b"")
    version = version.decode("utf8", "replace") if isinstance(version, bytes) else str(version)
    if state and version.startswith("3."):  # the order of Keras 3's .keras files
        return _Keras3State([array for _, array in state], filepath)
    if state and version.startswith("2.") and state[0][0] == "iteration":
        # Keras 2.11+'s optimizers: Keras 3's order, without the learning rate
        return _Keras3State([array for _, array in state], filepath, with_rate=False)
    if state and not version.startswith("kerasedu"):
        warnings.warn(
            f"{filepath} was saved by Keras {version}: its optimizer state is not "
            "restored (the optimizer starts afresh; the weights are loaded).",
            stacklevel=4,
        )
        return []
    return state


def compile_from_config(model, training, custom_objects, state=()):
    """Compile ``model`` as ``training`` (a `training_config` dict) says; restore ``state``.

    Args:
        model: The model to compile.
        training: ``{"optimizer_config", "loss", "metrics", ...}``.
        custom_objects: Your own losses, metrics and optimizers by name, or ``None``.
        state: ``[(name, array)]`` optimizer state from `optimizer_state`. Defaults to ``()``.
    """
    config = training["optimizer_config"]
    if isinstance(config, dict) and "class_name" in config:
        config = clean_object_config(_builtin_name(config, custom_objects), optimizers.OPTIMIZERS)
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
    if isinstance(state, _Keras3State):
        keras3_optimizer.restore(model, state, state.path, state.with_rate)
    elif state:
        optimizer.set_state(state)  # slots are restored when the optimizer first builds


def _builtin_name(config, custom_objects):
    """Keras 2.11+ files name its own optimizers ``"Custom>Adam"`` (its registry's package)."""
    name = config["class_name"]
    if str(name).startswith("Custom>") and name not in (custom_objects or {}):
        builtin = name.split(">", 1)[1]
        if builtin.lower() in optimizers.OPTIMIZERS:
            return {**config, "class_name": builtin}
    return config


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
    if isinstance(spec, dict) and "class_name" in spec:
        spec = clean_object_config(spec, losses.LOSS_CLASSES)  # Keras 3's extra keys
    return losses.deserialize(spec, custom_objects)


def _deserialize_metric(spec, custom_objects):
    custom_objects = custom_objects or {}
    if isinstance(spec, str):
        return custom_objects.get(spec, spec)  # compile() resolves names from its closed table
    if isinstance(spec, dict) and spec.get("class_name") == "MeanMetricWrapper":
        return _keras2_wrapper(spec.get("config") or {})
    if isinstance(spec, dict) and "class_name" in spec:
        spec = clean_object_config(spec, metrics_module.METRIC_CLASSES)
    return metrics_module.deserialize(spec, custom_objects)


def _keras2_wrapper(config):
    """Keras 2 saves ``metrics=["accuracy"]`` as the function it chose, under the name written.

    ``{"name": "accuracy", "fn": "categorical_accuracy"}`` gives that function, so named.
    """
    fn = config.get("fn")
    found = metrics_module.get(fn) if isinstance(fn, str) else None  # the closed table
    if type(found) is not metrics_module.MeanMetricWrapper:
        raise ValueError(
            f"A Keras 2 MeanMetricWrapper's fn must name a metric function. Received: {fn!r}"
        )
    return metrics_module.MeanMetricWrapper(found.fn, name=config.get("name") or fn)


def to_compile_config(model):
    """Keras 3's ``compile_config`` (in a ``.keras`` file's config.json), or None.

    Example:
        >>> from kerasedu.layers import Dense, Input
        >>> from kerasedu.models import Sequential
        >>> model = Sequential([Input(shape=(2,)), Dense(1)])
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> to_compile_config(model)["loss"]
        'mse'
    """
    training = training_config(model)
    if training is None:
        return None
    optimizer = training.pop("optimizer_config")
    return {
        "optimizer": {"module": "keras.optimizers", **optimizer, "registered_name": None},
        **training,
    }


def from_compile_config(compile_config):
    """The ``training_config`` equivalent of Keras 3's ``compile_config``.

    Example:
        >>> from_compile_config({"optimizer": "adam", "loss": "mse"})["optimizer_config"]
        'adam'
    """
    training = {key: compile_config.get(key) for key in _TRAINING_KEYS}
    training["optimizer_config"] = compile_config.get("optimizer")
    return training


_TRAINING_KEYS = ("loss", "metrics", "weighted_metrics", "loss_weights")
