"""`Dense`: the fully connected layer, ``y = activation(x @ kernel + bias)``.

Every output unit is a weighted sum of every input feature plus a bias. On
inputs of rank above 2 (``(N, T, D_in)``), the same kernel is applied to each
position of the last axis, as in Keras.

Example:
    >>> layer = Dense(3, activation="relu")
    >>> layer(np.ones((2, 4), dtype="float32")).shape
    (2, 3)
    >>> layer.count_params()  # 4 * 3 kernel + 3 bias
    15
"""

from kerasedu import activations, constraints, initializers, regularizers
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer


class Dense(Layer):
    """Fully connected layer: ``y = activation(x @ kernel + bias)``.

    Args:
        units: Size of the output's last axis (a positive integer).
        activation: Name (``"relu"``) or callable; ``None`` means identity. Defaults to ``None``.
        use_bias: Whether to add a learned bias. Defaults to ``True``.
        kernel_initializer: Initializer of the kernel. Defaults to ``"glorot_uniform"``.
        bias_initializer: Initializer of the bias. Defaults to ``"zeros"``.
        kernel_regularizer: Penalty on the kernel added to the loss (``"l2"``...).
            Defaults to ``None``.
        bias_regularizer: Penalty on the bias. Defaults to ``None``.
        activity_regularizer: Penalty on the output, recorded at each call. Defaults to ``None``.
        kernel_constraint: Constraint applied to the kernel after each update. Defaults to ``None``.
        bias_constraint: Constraint applied to the bias after each update. Defaults to ``None``.
        **kwargs: Base layer arguments (``name``, ``input_shape``, ``input_dim``...).

    Shapes:
        input ``(N, ..., D_in)`` -> output ``(N, ..., units)``.

    Example:
        >>> Dense(10, input_dim=784).get_config()["units"]
        10
    """

    supports_masking = True  # a mask on the input passes on to the output

    def __init__(
        self,
        units,
        activation=None,
        use_bias=True,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if not isinstance(units, int) or isinstance(units, bool) or units <= 0:
            raise ValueError(f"`units` must be a positive integer. Received: units={units!r}")
        self.units = units
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        set_weight_options(self, locals())
        self.input_spec = InputSpec(min_ndim=2)

    def build(self, input_shape):
        d_in = input_shape[-1]
        if d_in is None:
            raise ValueError(
                f"Dense layer '{self.name}' needs a known last input axis. "
                f"Received: input_shape={tuple(input_shape)}"
            )
        self.kernel = add_weight_from_options(self, "kernel", (d_in, self.units))
        self.bias = add_weight_from_options(self, "bias", (self.units,)) if self.use_bias else None
        self.input_spec = InputSpec(min_ndim=2, axes={-1: d_in})

    def call(self, inputs):
        x = inputs
        if x.ndim > 2:  # (N, T, D_in) -> (N*T, D_in): one matrix product for all positions
            y = (x.reshape(-1, x.shape[-1]) @ self.kernel).reshape(*x.shape[:-1], self.units)
        else:
            y = x @ self.kernel  # (N, D_in) @ (D_in, units)
        if self.bias is not None:
            y = y + self.bias  # bias broadcasts over N
        y = self.activation(y)
        if self.activity_regularizer is not None:  # a penalty on the outputs (Keras)
            add_activity_penalty(self, y)
        return y

    def compute_output_shape(self, input_shape):
        """``input_shape`` with its last axis replaced by ``units``."""
        return (*tuple(input_shape)[:-1], self.units)

    def get_config(self):
        return {
            **super().get_config(),
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            **options_config(self, "kernel", "bias", "activity"),
        }


OPTION_FAMILIES = {
    "initializer": initializers,
    "regularizer": regularizers,
    "constraint": constraints,
}  # the three options of a weight, each with its family's get and serialize


def set_weight_options(layer, arguments):
    """Set each ``<weight>_<option>`` argument on ``layer``, as an object made by its family.

    Dense, the convolutions, the normalisations and PReLU take, for each weight
    (``kernel``), an initializer, a regularizer and a constraint argument
    (``kernel_initializer``...); this stores them, as objects, under the same names.

    Args:
        layer: The layer being constructed.
        arguments: The arguments by name: ``locals()`` inside ``__init__``; those
            that are not weight options are ignored.

    Example:
        >>> layer = Layer()
        >>> set_weight_options(layer, {"kernel_initializer": "ones", "units": 3})
        >>> type(layer.kernel_initializer).__name__
        'Ones'
    """
    for name, value in arguments.items():
        family = OPTION_FAMILIES.get(name.rpartition("_")[2])
        if family is not None:
            setattr(layer, name, family.get(value))


def add_weight_from_options(layer, weight, shape, **kwargs):
    """Call ``layer.add_weight`` with the initializer, regularizer and constraint of ``weight``.

    ``weight`` also names the weight, unless ``kwargs`` give a ``name``
    (the ``depthwise`` options make the weight ``depthwise_kernel``).

    Example:
        >>> layer = Layer(name="demo")
        >>> set_weight_options(layer, {"kernel_initializer": "ones"})
        >>> add_weight_from_options(layer, "kernel", (1, 2)).numpy().tolist()
        [[1.0, 1.0]]
    """
    initializer, regularizer, constraint = (
        getattr(layer, f"{weight}_{option}", None) for option in OPTION_FAMILIES
    )
    kwargs.setdefault("name", weight)
    return layer.add_weight(
        shape=shape,
        initializer=initializer,
        regularizer=regularizer,
        constraint=constraint,
        **kwargs,
    )


def options_config(layer, *weights):
    """The serialized options of ``weights`` for ``get_config``, grouped by option (Keras's order).

    Example:
        >>> list(options_config(Dense(2), "bias"))
        ['bias_initializer', 'bias_regularizer', 'bias_constraint']
    """
    return {
        f"{weight}_{option}": family.serialize(getattr(layer, f"{weight}_{option}"))
        for option, family in OPTION_FAMILIES.items()
        for weight in weights
        if hasattr(layer, f"{weight}_{option}")
    }


def add_activity_penalty(layer, outputs):
    """Add ``layer.activity_regularizer(outputs)``, divided by the batch size, to its losses.

    Keras 3 divides by the batch size so that the penalty's strength does not
    depend on it (the mean penalty per sample). ``outputs`` has shape ``(N, ...)``.

    Example:
        >>> import numpy as np
        >>> layer = Dense(1, kernel_initializer="ones", activity_regularizer="l1")
        >>> y = layer(np.ones((4, 2), dtype="float32"))  # every output is 2.0
        >>> round(float(layer.losses[0]), 4)  # 0.01 * (4 * 2.0) / 4
        0.02
    """
    layer.add_loss(layer.activity_regularizer(outputs) / outputs.shape[0])
