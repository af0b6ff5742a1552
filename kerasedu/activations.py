"""Activation functions, with Keras's names: ``activations.get("relu")``.

An activation is a plain function from a Tensor to a Tensor of the same shape.
Layers take one by name (``Dense(10, activation="softmax")``) or as a callable;
`get` turns either into the function, `serialize` turns it back into its name
for ``get_config``.

Example:
    >>> from kerasedu import activations
    >>> f = activations.get("relu")
    >>> f(np.array([-1.0, 2.0])).numpy().tolist()
    [0.0, 2.0]
    >>> activations.serialize(f)
    'relu'
"""

from kerasedu.autograd import ops_erf, ops_nn, ops_softmax
from kerasedu.autograd.tensor import as_tensor
from kerasedu.lookup import lookup, serialize_object


def linear(x):
    """Identity, ``f(x) = x``: the activation of a layer given ``activation=None``.

    Example:
        >>> linear(np.array([1.5], dtype="float32")).numpy().tolist()
        [1.5]
    """
    return as_tensor(x)


def relu(x, negative_slope=0.0, max_value=None, threshold=0.0):
    """Rectified linear unit, ``max(x, 0)``, with Keras's optional variations.

    With the arguments: ``f(x) = min(x, max_value)`` where ``x > threshold``,
    otherwise ``negative_slope * (x - threshold)``.

    Args:
        x: Input Tensor or array.
        negative_slope: Slope below the threshold. Defaults to ``0.0``.
        max_value: Upper saturation value, or ``None`` for none. Defaults to ``None``.
        threshold: Values at or below it count as "off". Defaults to ``0.0``.

    Returns:
        A Tensor of the same shape.

    Example:
        >>> relu(np.array([-2.0, 1.0, 8.0]), max_value=6.0).numpy().tolist()
        [0.0, 1.0, 6.0]
    """
    return ops_nn.relu(x, negative_slope=negative_slope, max_value=max_value, threshold=threshold)


def relu6(x):
    """``min(max(x, 0), 6)``.

    Example:
        >>> relu6(np.array([-1.0, 3.0, 9.0])).numpy().tolist()
        [0.0, 3.0, 6.0]
    """
    return ops_nn.relu6(x)


def leaky_relu(x, negative_slope=0.2):
    """``x`` for ``x > 0``, else ``negative_slope * x``.

    Args:
        x: Input Tensor or array.
        negative_slope: Slope for negative inputs. Defaults to ``0.2`` (the
            `LeakyReLU` layer defaults to ``0.3``).

    Example:
        >>> leaky_relu(np.array([-1.0, 2.0])).numpy().round(2).tolist()
        [-0.2, 2.0]
    """
    return ops_nn.leaky_relu(x, negative_slope=negative_slope)


def elu(x, alpha=1.0):
    """Exponential linear unit: ``x`` for ``x > 0``, else ``alpha * (exp(x) - 1)``.

    Example:
        >>> elu(np.array([0.0, 2.0], dtype="float32")).numpy().tolist()
        [0.0, 2.0]
    """
    return ops_nn.elu(x, alpha=alpha)


def selu(x):
    """Scaled ELU: ``scale * elu(x, alpha)`` with the self-normalising constants.

    ``alpha = 1.67326...`` and ``scale = 1.05070...``.

    Example:
        >>> selu(np.array([1.0])).numpy().round(4).tolist()
        [1.0507]
    """
    return ops_nn.selu(x)


def sigmoid(x):
    """Logistic sigmoid, ``1 / (1 + exp(-x))``.

    Example:
        >>> sigmoid(np.array([0.0], dtype="float32")).numpy().tolist()
        [0.5]
    """
    return ops_nn.sigmoid(x)


def hard_sigmoid(x):
    """Piecewise-linear sigmoid, ``relu6(x + 3) / 6`` (Keras 3's definition).

    Keras 2 used ``clip(0.2 * x + 0.5, 0, 1)``, which has a different slope.

    Example:
        >>> hard_sigmoid(np.array([-4.0, 0.0, 1.5, 4.0], dtype="float32")).numpy().tolist()
        [0.0, 0.5, 0.75, 1.0]
    """
    return ops_nn.hard_sigmoid(x)


def tanh(x):
    """Hyperbolic tangent.

    Example:
        >>> tanh(np.array([0.0], dtype="float32")).numpy().tolist()
        [0.0]
    """
    return ops_nn.tanh(x)


def softmax(x, axis=-1):
    """``exp(x) / sum(exp(x))`` along ``axis``: each slice becomes a probability vector.

    Args:
        x: Input Tensor or array.
        axis: Axis to normalise over. Defaults to ``-1``.

    Example:
        >>> softmax(np.array([[0.0, 0.0]], dtype="float32")).numpy().tolist()
        [[0.5, 0.5]]
    """
    return ops_softmax.softmax(x, axis=axis)


def log_softmax(x, axis=-1):
    """``x - log(sum(exp(x)))`` along ``axis``, the log of `softmax` computed stably.

    Example:
        >>> log_softmax(np.array([[0.0, 0.0]])).numpy().round(4).tolist()
        [[-0.6931, -0.6931]]
    """
    return ops_softmax.log_softmax(x, axis=axis)


def softplus(x):
    """``log(1 + exp(x))``, a smooth relu.

    Example:
        >>> softplus(np.array([0.0])).numpy().round(4).tolist()
        [0.6931]
    """
    return ops_nn.softplus(x)


def softsign(x):
    """``x / (1 + |x|)``.

    Example:
        >>> softsign(np.array([1.0], dtype="float32")).numpy().tolist()
        [0.5]
    """
    return ops_nn.softsign(x)


def exponential(x):
    """``exp(x)``.

    Example:
        >>> exponential(np.array([0.0], dtype="float32")).numpy().tolist()
        [1.0]
    """
    return ops_nn.exponential(x)


def silu(x):
    """Sigmoid-weighted linear unit, ``x * sigmoid(x)``; also called swish.

    Example:
        >>> silu(np.array([0.0], dtype="float32")).numpy().tolist()
        [0.0]
    """
    return ops_nn.swish(x)


swish = silu  # the same function under its other name, as in Keras 3


def gelu(x, approximate=False):
    """Gaussian error linear unit, ``x * Phi(x)`` with ``Phi`` the normal CDF.

    Args:
        x: Input Tensor or array.
        approximate: If ``True``, use the tanh approximation
            ``0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))``. Defaults to
            ``False``: the exact form ``0.5 x (1 + erf(x / sqrt(2)))``.

    Example:
        >>> gelu(np.array([0.0, 1.0])).numpy().round(4).tolist()
        [0.0, 0.8413]
    """
    return ops_erf.gelu(x, approximate=approximate)


def mish(x):
    """``x * tanh(softplus(x))``.

    Example:
        >>> mish(np.array([0.0], dtype="float32")).numpy().tolist()
        [0.0]
    """
    x = as_tensor(x)
    return x * ops_nn.tanh(ops_nn.softplus(x))


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
