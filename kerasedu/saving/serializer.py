"""The one serializer: a layer or a model to its config, and a config back to a new object.

A saved model is a tree of configs. ``Sequential([Input((3,)), Dense(2)])`` is::

    {"module": "keras", "class_name": "Sequential", "registered_name": None,
     "config": {"name": "sequential", "layers": [
         {"module": "keras.layers", "class_name": "InputLayer", "config": {...}, ...},
         {"module": "keras.layers", "class_name": "Dense", "config": {"units": 2, ...}, ...}]}}

Object -> config needs no table: every layer describes itself with
``get_config`` (`serialize_layer`). Config -> object happens here, and only here:

1. the ``class_name`` is looked up in `LAYERS`, an explicit table of kerasedu's
   own classes (`class_tables`; your ``custom_objects`` are looked at first).
   Nothing is imported by name and nothing is evaluated, so a file can only
   build the classes listed there (`safety` refuses the rest of what a file could try);
2. the keys Keras files hold that the class does not take are dropped when they
   change nothing, refused otherwise (`keras_keys.clean_keras_config`);
3. the objects the config holds are built first, depth first (`build_nested`):
   a wrapper's ``layer``, a model's ``layers``, a layer used as an ``activation``;
4. the class's ``from_config`` receives them as objects, so layers and models
   never need the serializer themselves.

Keras 3's ``serialize_keras_object``/``deserialize_keras_object`` are here too,
for every family (`class_tables.FAMILIES`). Your own classes come from ``custom_objects``,
``register_keras_serializable`` and ``custom_object_scope``
(`object_registration`), merged and looked at before kerasedu's tables.

Example:
    >>> from kerasedu.layers import Dense
    >>> config = serialize_layer(Dense(3, name="d"))
    >>> config["class_name"], config["config"]["units"]
    ('Dense', 3)
    >>> deserialize_layer(config).units
    3
"""

import inspect

from kerasedu import layers, optimizers
from kerasedu.lookup import deserialize_object, lookup, serialize_layer
from kerasedu.saving.class_tables import FAMILIES, LAYERS
from kerasedu.saving.keras_keys import clean_keras_config, clean_object_config
from kerasedu.saving.object_registration import custom_objects_with, get_registered_name

__all__ = [
    "LAYERS",
    "build_nested",
    "deserialize_keras_object",
    "deserialize_layer",
    "serialize_keras_object",
    "serialize_layer",
]

# Config keys that hold one layer's config (wrappers; a layer used as an activation).
_NESTED_LAYER_KEYS = ("layer", "backward_layer", "activation", "recurrent_activation")


def deserialize_layer(config, custom_objects=None):
    """Build the layer (or model) a ``{"class_name", "config"}`` dict describes.

    Args:
        config: Dict from `serialize_layer` (or from a Keras file).
        custom_objects: ``{name: class or function}`` for your own classes and
            for the functions of `Lambda` layers. Defaults to ``None``.

    Returns:
        A new layer or model; its weights are created on its first call. A layer
        given instead of a config is returned as it is: kerasedu builds a
        wrapper's ``layer`` before ``from_config``, where yours may deserialize it again.

    Raises:
        ValueError: If the class is unknown (the message says how to pass your own).

    Example:
        >>> from kerasedu.layers import Dense, TimeDistributed
        >>> wrapped = deserialize_layer(serialize_layer(TimeDistributed(Dense(2))))
        >>> type(wrapped.layer).__name__
        'Dense'
    """
    if isinstance(config, layers.Layer):
        return config
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError(
            "A layer config must be a dict with 'class_name' and 'config'. "
            f"Received: config={config!r}"
        )
    custom_objects = custom_objects_with(custom_objects)
    name = config.get("registered_name")
    if not (isinstance(name, str) and name in custom_objects):
        name = config["class_name"]  # Keras 3 names a registered class "package>Name"
    cls = lookup(name, "layer class", LAYERS, custom_objects)
    inner = config.get("config") or {}
    if isinstance(inner, list):  # Keras 2 stored a Sequential as the bare list of its layers
        inner = {"layers": inner}
    inner = build_nested(clean_keras_config(inner, cls), custom_objects)
    if "custom_objects" in inspect.signature(cls.from_config).parameters:
        return cls.from_config(inner, custom_objects=custom_objects)  # Lambda: its function
    return cls.from_config(inner)


def serialize_keras_object(obj):
    """Keras 3's name: the JSON form of any object (layer, initializer, loss...; a function's name).

    ``"module"`` names the Keras family (``"keras.regularizers"``); for your own
    classes it is their Python module (``None`` in a script), as Keras writes it.
    Keras objects that a config holds (your layer's ``"sublayer"``) become
    configs too (`kerasedu.lookup.serialize_config`).

    Example:
        >>> from kerasedu import initializers
        >>> config = serialize_keras_object(initializers.Constant(2.0))
        >>> config["module"], config["class_name"]
        ('keras.initializers', 'Constant')
        >>> serialize_keras_object([1, (2, 3)])
        [1, [2, 3]]
    """
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, (list, tuple)):
        return [serialize_keras_object(item) for item in obj]
    if isinstance(obj, dict):
        return {key: serialize_keras_object(value) for key, value in obj.items()}
    if hasattr(obj, "tolist"):
        return obj.tolist()  # NumPy numbers and arrays
    if hasattr(obj, "get_config") and not isinstance(obj, type):
        return serialize_layer(obj)  # the objects its config holds too, at any depth
    return get_registered_name(obj)  # a function: its name


def deserialize_keras_object(config, custom_objects=None):
    """Keras 3's name: rebuild what `serialize_keras_object` returned.

    A ``{"class_name", "config"}`` dict is built by its family (``"module"``
    says which; kerasedu's own files say nothing and are read as layers, then
    as the other families in turn); a name found in your custom objects gives
    that object; other names and values are returned as they are, as Keras does
    for names that layers accept (``"relu"``).

    Example:
        >>> from kerasedu.layers import Dense
        >>> deserialize_keras_object(serialize_keras_object(Dense(2))).units
        2
    """
    objects = custom_objects_with(custom_objects)
    if isinstance(config, str):
        return objects.get(config, config)
    if isinstance(config, list):
        return [deserialize_keras_object(item, custom_objects) for item in config]
    if not (isinstance(config, dict) and "class_name" in config):
        return config
    family = FAMILIES.get(config.get("module"))
    name = config["class_name"]
    if family is None and name not in objects and name not in LAYERS:
        family = next((f for f in FAMILIES.values() if _in_table(name, f[1])), None)
    if family is None:
        return deserialize_layer(config, custom_objects)
    kind, table = family
    if table is optimizers.OPTIMIZERS:
        return optimizers.deserialize(clean_object_config(config, table), objects)
    return deserialize_object(clean_object_config(config, table), kind, table, objects)


def _in_table(name, table):
    return name in table or str(name).lower() in table  # optimizers' table is lowercase


def build_nested(config, custom_objects=None):
    """Return a copy of a layer's config whose nested layer configs are built layers.

    A wrapper's ``layer`` and a Sequential's ``layers`` become layers. A
    functional model's ``layers`` entries keep their ``name`` and
    ``inbound_nodes`` (how to call the layer again) with the built layer under
    ``"layer"``.

    Example:
        >>> from kerasedu.layers import Dense
        >>> config = {"layers": [serialize_layer(Dense(2))], "name": "stack"}
        >>> build_nested(config, None)["layers"][0].units
        2
    """
    config = dict(config)
    for key in _NESTED_LAYER_KEYS:
        if _is_layer_config(config.get(key)):
            config[key] = deserialize_layer(config[key], custom_objects)
    if isinstance(config.get("layers"), list):
        config["layers"] = [_build_entry(entry, custom_objects) for entry in config["layers"]]
    return config


def _build_entry(entry, custom_objects):
    """One item of a model's ``layers``: a Sequential's layer, or a functional model's node list."""
    if not _is_layer_config(entry):
        return entry  # already built
    layer = deserialize_layer(entry, custom_objects)
    if "inbound_nodes" not in entry:
        return layer
    name = entry.get("name") or layer.name
    return {"layer": layer, "name": name, "inbound_nodes": _without_empty_masks(entry)}


def _without_empty_masks(entry):
    """Keras 3 records ``mask=None`` in a node's call kwargs; no mask is what kerasedu does."""
    nodes = entry["inbound_nodes"]
    if not isinstance(nodes, list):
        return nodes
    cleaned = []
    for node in nodes:
        if isinstance(node, dict) and isinstance(node.get("kwargs"), dict):
            kwargs = {k: v for k, v in node["kwargs"].items() if not (k == "mask" and v is None)}
            node = {**node, "kwargs": kwargs}
        cleaned.append(node)
    return cleaned


def _is_layer_config(value):
    return isinstance(value, dict) and "class_name" in value
