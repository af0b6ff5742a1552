"""The closed registry: which class a saved ``"class_name"`` may turn into.

A saved model says ``{"class_name": "Dense", "config": {...}}``. Loading looks
the name up in a fixed dict of kerasedu's own classes (plus the
``custom_objects`` you pass), and nothing else: no module is imported by name
and no code is evaluated, so a file can only ever build the classes listed
here. Other families (optimizers, losses...) add their classes with
`register` and an explicit list.

The ``"module"`` field written next to ``"class_name"`` (``"keras.layers"``)
follows Keras's file layout; loading ignores it.

Example:
    >>> from kerasedu.layers import Dense
    >>> config = serialize_layer(Dense(3, name="d"))
    >>> config["class_name"], config["config"]["units"]
    ('Dense', 3)
    >>> deserialize_layer(config).units
    3
"""

import inspect

_REGISTERED = {}  # kind -> {class name: class}, filled by `register`

# Keys that Keras 3 writes into layer configs for features kerasedu leaves out.
_KERAS_ONLY_KEYS = (
    "lora_rank",
    "lora_alpha",
    "quantization_config",
    "registered_name",
    "build_config",
    "compile_config",
    "module",
    "optional",
    "ragged",
)


def register(kind, classes):
    """Add ``classes`` (an explicit list) to the registry under ``kind`` (``"optimizers"``...).

    Args:
        kind: Family name, e.g. ``"layers"``, ``"optimizers"``, ``"losses"``.
        classes: List of classes; each is found by its ``__name__``.

    Example:
        >>> class MyLayer: pass
        >>> register("examples", [MyLayer])
        >>> lookup("examples", "MyLayer") is MyLayer
        True
    """
    table = _REGISTERED.setdefault(kind, {})
    for cls in classes:
        table[cls.__name__] = cls


def lookup(kind, class_name, custom_objects=None):
    """Return the class registered as ``class_name`` (``custom_objects`` first).

    Raises:
        ValueError: If the name is unknown; the message says how to pass your own class.
    """
    if custom_objects and class_name in custom_objects:
        return custom_objects[class_name]
    table = _layer_classes() if kind == "layers" else _REGISTERED.get(kind, {})
    if class_name not in table:
        raise ValueError(
            f"Unknown {kind[:-1] if kind.endswith('s') else kind} class '{class_name}'. kerasedu "
            f"builds only its own classes from saved files. If '{class_name}' is your own class, "
            f"pass it when loading: custom_objects={{'{class_name}': {class_name}}}."
        )
    return table[class_name]


def _layer_classes():
    """kerasedu's layer and model classes by name, plus any registered under ``"layers"``."""
    # Imported here, not at the top: kerasedu.models imports this module.
    from kerasedu import layers, models
    from kerasedu.layers.layer import Layer

    table = {}
    for module in (layers, models):
        for name, value in vars(module).items():
            if isinstance(value, type) and issubclass(value, Layer):
                table[name] = value
    table.setdefault("Functional", getattr(models, "Functional", None) or models.Model)
    table["Model"] = table["Functional"]  # Keras 2 wrote "Model" for functional models
    table.update(_REGISTERED.get("layers", {}))
    return table


def serialize_layer(layer):
    """Return ``{"module", "class_name", "config", "registered_name"}`` for a layer or model.

    Example:
        >>> from kerasedu.layers import Dropout
        >>> serialize_layer(Dropout(0.5, name="drop"))["config"]["rate"]
        0.5
    """
    class_name = type(layer).__name__
    module = "keras" if hasattr(layer, "layers") else "keras.layers"
    return {
        "module": module,
        "class_name": class_name,
        "config": layer.get_config(),
        "registered_name": None,
    }


def deserialize_layer(config, custom_objects=None):
    """Build the layer (or model) a ``{"class_name", "config"}`` dict describes.

    Args:
        config: Dict from `serialize_layer` (or from a Keras file).
        custom_objects: ``{name: class or function}`` for your own classes and
            for the functions of `Lambda` layers. Defaults to ``None``.

    Returns:
        A new, unbuilt layer (weights are created on its first call).

    Raises:
        ValueError: If the class is unknown (see `lookup`).
    """
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError(
            "A layer config must be a dict with 'class_name' and 'config'. "
            f"Received: config={config!r}"
        )
    cls = lookup("layers", config["class_name"], custom_objects)
    layer_config = clean_keras_config(config.get("config", {}))
    if "custom_objects" in inspect.signature(cls.from_config).parameters:
        return cls.from_config(layer_config, custom_objects=custom_objects)
    return cls.from_config(layer_config)


def clean_keras_config(config):
    """Drop Keras-only keys and turn Keras 3's dtype policy dict into its name."""
    config = {k: v for k, v in config.items() if k not in _KERAS_ONLY_KEYS}
    dtype = config.get("dtype")
    if isinstance(dtype, dict):
        config["dtype"] = dtype.get("config", {}).get("name", "float32")
    return config
