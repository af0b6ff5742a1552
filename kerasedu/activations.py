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
from kerasedu.lookup import lookup, serialize_object

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
        ValueError: for an unknown name (the message suggests the closest and lists the valid ones).

    Example:
        >>> get(None) is linear, get("swish") is silu
        (True, True)
    """
    if identifier is None:
        return linear
    if isinstance(identifier, (str, dict)):
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
    return serialize_object(activation)


def deserialize(config, custom_objects=None):
    """Return the activation function for a name (``custom_objects`` looked at first).

    Args:
        config: A name as `serialize` returns it.
        custom_objects: Optional ``{name: function}`` for user-defined activations.

    Raises:
        ValueError: For an unknown name ("did you mean", and the valid names),
            or for a layer's config dict (the serializer builds those).

    Example:
        >>> deserialize("tanh") is tanh
        True
    """
    if isinstance(config, dict):
        # A layer used as an activation ({"class_name": "LeakyReLU"...}): layers sit above this
        # module, so the serializer builds it before the layer holding it (saving.serializer).
        raise ValueError(
            f"activations.deserialize() turns names into functions; {config.get('class_name')!r} "
            "is a layer: build it with kerasedu.saving.serializer.deserialize_layer(config)."
        )
    return lookup(config, "activation function", ALL_ACTIVATIONS, custom_objects)
