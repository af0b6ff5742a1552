"""`TimeDistributed`: apply the same layer to every time step of a sequence.

Example:
    >>> from kerasedu.layers import Dense, TimeDistributed
    >>> TimeDistributed(Dense(8))(np.ones((2, 10, 16))).shape
    (2, 10, 8)
"""

from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer
from kerasedu.lookup import serialize_layer


class TimeDistributed(Layer):
    """Apply ``layer`` to each slice ``x[:, t]`` with the same weights.

    The time axis is folded into the batch (``(N, T, ...) -> (N * T, ...)``),
    the layer runs once on all slices together, and the result is unfolded
    again: one call, no Python loop over time.

    Args:
        layer: The layer to apply (a `Dense`, a `Conv2D`, a small model...).

    Shapes:
        input ``(N, T, *inner)`` -> output ``(N, T, *layer_output[1:])``.

    Example:
        >>> from kerasedu.layers import Conv2D
        >>> TimeDistributed(Conv2D(4, 3))(np.ones((2, 5, 8, 8, 1))).shape
        (2, 5, 6, 6, 4)
    """

    supports_masking = True  # a mask on the input passes on to the output

    def __init__(self, layer, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(
                f"TimeDistributed needs a layer instance (a config dict is built by "
                f"kerasedu.saving.serializer.deserialize_layer). Received: layer={layer!r}"
            )
        super().__init__(**kwargs)
        self.layer = layer

    def build(self, input_shape):
        if len(input_shape) < 3:
            raise ValueError(
                f"Input 0 of layer '{self.name}' is incompatible with the layer: expected "
                f"shape (batch, timesteps, ...), but received input with shape "
                f"{tuple(input_shape)}."
            )
        self.layer.maybe_build((None, *input_shape[2:]))
        self.input_spec = InputSpec(ndim=len(input_shape))

    def call(self, inputs, training=None):
        n, steps = inputs.shape[0], inputs.shape[1]
        folded = inputs.reshape(n * steps, *inputs.shape[2:])  # every time step becomes a sample
        y = self.layer(folded, training=training)  # dropped by Layer.__call__ if not used
        return y.reshape(n, steps, *y.shape[1:])

    def compute_output_shape(self, input_shape):
        inner = self.layer.compute_output_shape((None, *input_shape[2:]))
        return (input_shape[0], input_shape[1], *inner[1:])

    def get_config(self):
        """The wrapped layer's config, nested under ``"layer"``; the serializer builds it first."""
        return {**super().get_config(), "layer": serialize_layer(self.layer)}
