"""The one serializer: a layer or a model to its config, and a config back to a new object.

A saved model is a tree of configs. ``Sequential([Input((3,)), Dense(2)])`` is::

    {"module": "keras", "class_name": "Sequential", "registered_name": None,
     "config": {"name": "sequential", "layers": [
         {"module": "keras.layers", "class_name": "InputLayer", "config": {...}, ...},
         {"module": "keras.layers", "class_name": "Dense", "config": {"units": 2, ...}, ...}]}}

Object -> config needs no table: every layer describes itself with
``get_config`` (`serialize_layer`). Config -> object happens here, and only here:

1. the ``class_name`` is looked up in `LAYERS`, an explicit table of kerasedu's
   own classes (or in your ``custom_objects``, looked at first). Nothing is
   imported by name and nothing is evaluated, so a file can only build the
   classes listed below (`safety` refuses the rest of what a file could try);
2. the objects the config holds are built first, depth first (`build_nested`):
   a wrapper's ``layer``, a model's ``layers``, a layer used as an ``activation``;
3. the class's ``from_config`` receives them as objects, so layers and models
   never need the serializer themselves.

Keras 3's ``serialize_keras_object``/``deserialize_keras_object`` belong in
this module (these two functions, extended to the other families' tables);
``register_keras_serializable`` and ``custom_object_scope`` would feed the
custom objects that `kerasedu.lookup.lookup` reads first, so every family sees them.

Example:
    >>> from kerasedu.layers import Dense
    >>> config = serialize_layer(Dense(3, name="d"))
    >>> config["class_name"], config["config"]["units"]
    ('Dense', 3)
    >>> deserialize_layer(config).units
    3
"""

import inspect

from kerasedu import layers
from kerasedu.lookup import lookup, serialize_layer
from kerasedu.models.functional import Functional
from kerasedu.models.sequential import Sequential

__all__ = ["LAYERS", "build_nested", "clean_keras_config", "deserialize_layer", "serialize_layer"]

# Every class a config may name, and the Keras 2 spellings a file may hold
# (`kerasedu.compat` adds Keras 1's Convolution1D/2D, which live there).
# fmt: off
LAYERS = {cls.__name__: cls for cls in (
    # core
    layers.InputLayer, layers.Dense, layers.Activation, layers.Dropout, layers.Flatten,
    layers.Reshape, layers.Permute, layers.RepeatVector, layers.Lambda, layers.Embedding,
    # merging
    layers.Add, layers.Subtract, layers.Multiply, layers.Average, layers.Maximum,
    layers.Minimum, layers.Concatenate, layers.Dot,
    # convolution and pooling
    layers.Conv1D, layers.Conv2D, layers.Conv2DTranspose, layers.MaxPooling1D,
    layers.MaxPooling2D, layers.AveragePooling1D, layers.AveragePooling2D,
    layers.GlobalMaxPooling1D, layers.GlobalMaxPooling2D, layers.GlobalAveragePooling1D,
    layers.GlobalAveragePooling2D, layers.ZeroPadding2D, layers.Cropping2D,
    # normalization, recurrent layers and wrappers
    layers.BatchNormalization, layers.LayerNormalization, layers.SimpleRNN, layers.LSTM,
    layers.GRU, layers.Bidirectional, layers.TimeDistributed,
    # activation layers
    layers.ReLU, layers.LeakyReLU, layers.PReLU, layers.ELU, layers.ThresholdedReLU,
    layers.Softmax,
    # models (a model is a layer, and may sit inside another model)
    Sequential, Functional,
)}
LAYERS.update({
    "Model": Functional,  # Keras 2 wrote "Model" for a functional model
    "MaxPool1D": layers.MaxPooling1D, "MaxPool2D": layers.MaxPooling2D,
    "AvgPool1D": layers.AveragePooling1D, "AvgPool2D": layers.AveragePooling2D,
    "GlobalMaxPool1D": layers.GlobalMaxPooling1D, "GlobalMaxPool2D": layers.GlobalMaxPooling2D,
    "GlobalAvgPool1D": layers.GlobalAveragePooling1D,
    "GlobalAvgPool2D": layers.GlobalAveragePooling2D,
})
# fmt: on

# Config keys that hold one layer's config (wrappers; a layer used as an activation).
_NESTED_LAYER_KEYS = ("layer", "backward_layer", "activation", "recurrent_activation")

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


def deserialize_layer(config, custom_objects=None):
    """Build the layer (or model) a ``{"class_name", "config"}`` dict describes.

    Args:
        config: Dict from `serialize_layer` (or from a Keras file).
        custom_objects: ``{name: class or function}`` for your own classes and
            for the functions of `Lambda` layers. Defaults to ``None``.

    Returns:
        A new layer or model; its weights are created on its first call.

    Raises:
        ValueError: If the class is unknown (the message says how to pass your own).

    Example:
        >>> from kerasedu.layers import Dense, TimeDistributed
        >>> wrapped = deserialize_layer(serialize_layer(TimeDistributed(Dense(2))))
        >>> type(wrapped.layer).__name__
        'Dense'
    """
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError(
            "A layer config must be a dict with 'class_name' and 'config'. "
            f"Received: config={config!r}"
        )
    cls = lookup(config["class_name"], "layer class", LAYERS, custom_objects)
    inner = config.get("config") or {}
    if isinstance(inner, list):  # Keras 2 stored a Sequential as the bare list of its layers
        inner = {"layers": inner}
    inner = build_nested(clean_keras_config(inner), custom_objects)
    if "custom_objects" in inspect.signature(cls.from_config).parameters:
        return cls.from_config(inner, custom_objects=custom_objects)  # Lambda: its function
    return cls.from_config(inner)


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
    return {"layer": layer, "name": name, "inbound_nodes": entry["inbound_nodes"]}


def _is_layer_config(value):
    return isinstance(value, dict) and "class_name" in value


def clean_keras_config(config):
    """Drop Keras-only keys and turn Keras 3's dtype policy dict into its name.

    Example:
        >>> config = {"units": 2, "dtype": {"config": {"name": "float32"}}, "lora_rank": 1}
        >>> clean_keras_config(config)
        {'units': 2, 'dtype': 'float32'}
    """
    config = {k: v for k, v in config.items() if k not in _KERAS_ONLY_KEYS}
    dtype = config.get("dtype")
    if isinstance(dtype, dict):
        config["dtype"] = dtype.get("config", {}).get("name", "float32")
    return config
