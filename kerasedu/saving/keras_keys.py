"""Keras's extra config keys: fit a config from a Keras 2 or Keras 3 file to kerasedu's class.

Real Keras files hold keys kerasedu's classes do not take (``"groups": 1``,
``"use_cudnn": "auto"``, a Keras 3 ``DTypePolicy`` dict). `NEUTRAL_KEYS` lists
each one with the value that leaves the math unchanged: `clean_keras_config`
drops a neutral value and refuses any other, naming the key and the layer, so
a model never loads computing something other than what was saved.

Example:
    >>> from kerasedu.layers import Conv2D
    >>> clean_keras_config({"filters": 2, "kernel_size": 3, "groups": 1}, Conv2D)
    {'filters': 2, 'kernel_size': 3}
"""

import inspect

from kerasedu import constraints, initializers, regularizers

__all__ = ["ANY", "NEUTRAL_KEYS", "clean_keras_config", "clean_object_config"]

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
        if key.endswith(_NESTED_OBJECT_SUFFIXES) and _is_object_config(value):
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


def _is_object_config(value):
    return isinstance(value, dict) and "class_name" in value
