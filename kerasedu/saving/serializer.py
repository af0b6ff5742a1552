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

Keras 3's ``serialize_keras_object``/``deserialize_keras_object`` are here too,
for every family (`FAMILIES`). Your own classes come from ``custom_objects``,
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

from kerasedu import constraints, initializers, layers, losses, metrics, optimizers, regularizers
from kerasedu.lookup import deserialize_object, lookup, serialize_layer, serialize_object
from kerasedu.models.functional import Functional
from kerasedu.models.sequential import Sequential
from kerasedu.saving.object_registration import custom_objects_with, get_registered_name

__all__ = [
    "LAYERS",
    "build_nested",
    "clean_keras_config",
    "deserialize_keras_object",
    "deserialize_layer",
    "serialize_keras_object",
    "serialize_layer",
]

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

# Keys that real Keras 2 and Keras 3 files hold, with the value that leaves the math
# unchanged. A key the class takes itself goes to the class (it implements it); otherwise
# the neutral value is dropped and any other value is refused, naming the key and the layer.
# ANY marks keys whose every value gives the same numbers (bookkeeping, speed, randomness).
ANY = "<any value>"
# fmt: off
NEUTRAL_KEYS = {
    # bookkeeping Keras writes around a config
    "module": ANY, "registered_name": ANY, "build_config": ANY, "compile_config": ANY,
    "shared_object_id": ANY, "autocast": ANY,
    # input layers: tensors kerasedu never makes
    "sparse": False, "ragged": False, "optional": False,
    # every layer
    "activity_regularizer": None, "lora_rank": None, "lora_alpha": ANY,
    "quantization_config": None,
    # convolution, pooling, flatten
    "groups": 1, "data_format": "channels_last", "dilation_rate": 1,
    # recurrent layers: implementation/unroll/use_cudnn pick the same math computed otherwise;
    # zero_output_for_mask only matters on masked steps; a seed only changes dropout's draw
    "implementation": ANY, "unroll": ANY, "use_cudnn": ANY, "time_major": False,
    "zero_output_for_mask": ANY, "seed": ANY, "stateful": False, "go_backwards": False,
    "return_state": False, "dropout": 0.0, "recurrent_dropout": 0.0,
    # batch normalization: multi-device and Keras 2's batch renormalization
    "synchronized": False, "fused": ANY, "renorm": False, "renorm_clipping": None,
    "renorm_momentum": ANY, "virtual_batch_size": None, "adjustment": None,
    # dropout, embedding
    "noise_shape": None, "input_length": ANY, "sparse_gradient": False,
    # initializers (Keras 3.15: which axes are fan-in and fan-out; None means Keras's rule)
    "input_axes": None, "output_axes": None,
    # optimizers (Keras 2: decay, is_legacy_optimizer; Keras 3: the rest)
    "weight_decay": None, "clipnorm": None, "global_clipnorm": None, "clipvalue": None,
    "use_ema": False, "ema_momentum": ANY, "ema_overwrite_frequency": ANY,
    "loss_scale_factor": None, "gradient_accumulation_steps": None, "jit_compile": ANY,
    "is_legacy_optimizer": ANY, "decay": 0.0,
    # losses and metrics (Keras 3: the mean over the batch is kerasedu's only reduction)
    "reduction": "sum_over_batch_size",
}
# fmt: on

# Config keys whose value is an initializer, regularizer or constraint config (cleaned too).
_NESTED_OBJECT_SUFFIXES = ("_initializer", "_regularizer", "_constraint")
_OBJECT_FAMILIES = {
    "initializer": initializers.INITIALIZERS,
    "regularizer": regularizers.REGULARIZERS,
    "constraint": constraints.CONSTRAINTS,
}


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


# Keras 3's module names -> (kind, table) of the family its configs belong to.
FAMILIES = {
    "keras.initializers": ("initializer", initializers.INITIALIZERS),
    "keras.regularizers": ("regularizer", regularizers.REGULARIZERS),
    "keras.constraints": ("constraint", constraints.CONSTRAINTS),
    "keras.losses": ("loss", losses.LOSS_CLASSES),
    "keras.metrics": ("metric", metrics.METRIC_CLASSES),
    "keras.optimizers": ("optimizer", optimizers.OPTIMIZERS),
}


def serialize_keras_object(obj):
    """Keras 3's name: the JSON form of any object (layer, initializer, loss...; a function's name).

    Example:
        >>> from kerasedu import initializers
        >>> serialize_keras_object(initializers.Constant(2.0))["class_name"]
        'Constant'
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
    if isinstance(obj, layers.Layer):
        config = serialize_layer(obj)
    elif hasattr(obj, "get_config") and not isinstance(obj, type):
        config = serialize_object(obj)
    else:
        return get_registered_name(obj)  # a function: its name
    registered = get_registered_name(type(obj))
    config["registered_name"] = registered if ">" in registered else None
    return config


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


def clean_keras_config(config, cls):
    """Fit a config from a Keras file to ``cls``: apply `NEUTRAL_KEYS`, unwrap Keras 3's dtype.

    Args:
        config: The layer's ``"config"`` dict.
        cls: The class that will receive it.

    Raises:
        ValueError: For a key of `NEUTRAL_KEYS` that ``cls`` does not take, holding a
            value other than the neutral one (the message names the key and the layer).

    Example:
        >>> from kerasedu.layers import Dense
        >>> config = {"units": 2, "dtype": {"config": {"name": "float32"}}, "groups": 1}
        >>> clean_keras_config(config, Dense)
        {'units': 2, 'dtype': 'float32'}
    """
    accepted = _accepted_arguments(cls)
    cleaned = {}
    for key, value in config.items():
        if key == "dtype" and isinstance(value, dict):  # Keras 3's DTypePolicy config
            value = (value.get("config") or {}).get("name", "float32")
        if key.endswith(_NESTED_OBJECT_SUFFIXES) and _is_layer_config(value):
            value = _clean_object_config(key, value)
        if key in accepted or key not in NEUTRAL_KEYS:
            cleaned[key] = value
        elif not _is_neutral(value, NEUTRAL_KEYS[key]):
            raise ValueError(
                f"Layer {config.get('name')!r} ({cls.__name__}) has {key}={value!r}, which "
                f"kerasedu cannot honour: it computes {cls.__name__} as if "
                f"{key}={NEUTRAL_KEYS[key]!r}. Rebuild the model without it in Keras."
            )
    return cleaned


def _clean_object_config(key, value):
    """An initializer/regularizer/constraint config: clean its inner config for its class."""
    return clean_object_config(value, _OBJECT_FAMILIES[key.rsplit("_", 1)[1]])


def clean_object_config(value, table):
    """`clean_keras_config` for a ``{"class_name", "config"}`` of another family (``table``).

    Example:
        >>> from kerasedu import optimizers
        >>> config = {"class_name": "SGD", "config": {"learning_rate": 0.1, "use_ema": False}}
        >>> clean_object_config(config, optimizers.OPTIMIZERS)
        {'class_name': 'SGD', 'config': {'learning_rate': 0.1}}
    """
    name = value["class_name"]
    cls = table.get(name, table.get(str(name).lower()))  # optimizers' table is lowercase
    if not isinstance(cls, type) or not isinstance(value.get("config"), dict):
        return value  # your own, or unknown: `lookup` gives the error later
    return {"class_name": value["class_name"], "config": clean_keras_config(value["config"], cls)}


def _accepted_arguments(cls):
    """The keyword names ``cls(...)`` takes, following ``**kwargs`` up the base classes."""
    names = set()
    for klass in cls.__mro__:
        init = vars(klass).get("__init__")
        if init is None:
            continue
        if not inspect.isfunction(init):
            break  # object's __init__: reading a C signature would compile text (an audit event)
        params = inspect.signature(init).parameters.values()
        names.update(p.name for p in params if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL))
        if not any(p.kind is p.VAR_KEYWORD for p in params):
            break  # this __init__ passes nothing further up
    return names


def _is_neutral(value, neutral):
    """``value`` means the same as ``neutral`` (``[1, 1]`` means ``1`` for a dilation rate)."""
    if neutral is ANY or value == neutral:
        return True
    return isinstance(value, (list, tuple)) and bool(value) and all(v == neutral for v in value)
