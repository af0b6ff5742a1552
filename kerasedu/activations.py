"""Activation functions, with Keras's names: ``activations.get("relu")``.

An activation is a plain function from a Tensor to a Tensor of the same shape:
the autograd op of the same name (``activations.relu`` is
`kerasedu.autograd.ops_nn.relu`). Layers take one by name
(``Dense(10, activation="softmax")``) or as a callable; `get` turns either into
the function, `serialize` turns it back into its name for ``get_config``.

Example:
    >>> from kerasedu import activations
    >>> f = activations.get("relu")
    >>> f(np.array([-1.0, 2.0])).numpy().tolist()
    [0.0, 2.0]
    >>> activations.serialize(f)
    'relu'
"""

from kerasedu.autograd.ops_erf import gelu
from kerasedu.autograd.ops_nn import (
    elu,
    exponential,
    hard_sigmoid,
    leaky_relu,
    relu,
    relu6,
    selu,
    sigmoid,
    silu,
    softplus,
    softsign,
    swish,
    tanh,
)
from kerasedu.autograd.ops_softmax import log_softmax, softmax
from kerasedu.autograd.tensor import as_tensor

# Most activations ARE the autograd ops imported above (each op's docstring gives
# its formula and derivative); only the two below have no op of their own.


def linear(x):
    """Identity, ``f(x) = x``: the activation of a layer given ``activation=None``.

    Example:
        >>> linear(np.array([1.5], dtype="float32")).numpy().tolist()
        [1.5]
    """
    return as_tensor(x)


def mish(x):
    """``x * tanh(softplus(x))``, a smooth non-monotonic relu.

    Example:
        >>> mish(np.array([0.0], dtype="float32")).numpy().tolist()
        [0.0]
    """
    x = as_tensor(x)
    return x * tanh(softplus(x))


ALL_ACTIVATIONS = {
    "linear": linear,
    "relu": relu,
    "relu6": relu6,
    "leaky_relu": leaky_relu,
    "elu": elu,
    "selu": selu,
    "sigmoid": sigmoid,
    "hard_sigmoid": hard_sigmoid,
    "tanh": tanh,
    "softmax": softmax,
    "log_softmax": log_softmax,
    "softplus": softplus,
    "softsign": softsign,
    "exponential": exponential,
    "silu": silu,
    "swish": swish,
    "gelu": gelu,
    "mish": mish,
}


def get(identifier):
    """Return the activation function for a name, a callable, or ``None``.

    Args:
        identifier: A name such as ``"relu"``, a callable (returned as is), or
            ``None`` (gives `linear`).

    Returns:
        A function from Tensor to Tensor.

    Raises:
        ValueError: for an unknown name (the message lists the valid ones).

    Example:
        >>> get(None) is linear, get("swish") is silu
        (True, True)
    """
    if identifier is None:
        return linear
    if isinstance(identifier, str):
        if identifier not in ALL_ACTIVATIONS:
            raise ValueError(
                f"Unknown activation function: {identifier!r}. Valid names are: "
                f"{sorted(ALL_ACTIVATIONS)}. Received: identifier={identifier!r}"
            )
        return ALL_ACTIVATIONS[identifier]
    if isinstance(identifier, dict):
        return deserialize(identifier)
    if callable(identifier):
        return identifier
    raise TypeError(
        f"Could not interpret activation function identifier: expected a name, a callable "
        f"or None. Received: identifier={identifier!r}"
    )


def serialize(activation):
    """Return the name of an activation function, for ``get_config``.

    A layer object used as an activation (``activation=LeakyReLU()``) gives a
    ``{"class_name", "config"}`` dict; any other callable gives its ``__name__``.

    Example:
        >>> serialize(get("swish"))
        'silu'
    """
    for name, fn in ALL_ACTIVATIONS.items():
        if fn is activation:
            return name
    if hasattr(activation, "get_config"):
        return {"class_name": type(activation).__name__, "config": activation.get_config()}
    return getattr(activation, "__name__", str(activation))


def deserialize(config, custom_objects=None):
    """Return the activation function for a name (or a layer config dict).

    Args:
        config: A name as `serialize` returns it.
        custom_objects: Optional ``{name: function}`` for user-defined activations.

    Example:
        >>> deserialize("tanh") is tanh
        True
    """
    if custom_objects and isinstance(config, str) and config in custom_objects:
        return custom_objects[config]
    if isinstance(config, dict):
        from kerasedu.layers import (
            advanced_activations,
        )  # layers import this module: break the cycle

        cls = getattr(advanced_activations, config.get("class_name", ""), None)
        if cls is None:
            raise ValueError(f"Unknown activation layer config. Received: config={config!r}")
        return cls(**config.get("config", {}))
    return get(config)
