"""`Activation`: apply an activation function as a layer of its own.

``Dense(64, activation="relu")`` and ``Dense(64)`` followed by
``Activation("relu")`` compute the same thing; the second form is common in
older tutorials and shows the activation as a separate row in ``summary()``.

Example:
    >>> Activation("relu")(np.array([[-1.0, 2.0]], dtype="float32")).numpy().tolist()
    [[0.0, 2.0]]
"""

from kerasedu import activations
from kerasedu.layers.layer import Layer


class Activation(Layer):
    """Apply ``activation`` elementwise (or over the last axis for softmax).

    Args:
        activation: Name (``"relu"``, ``"softmax"``...) or callable.
        **kwargs: Base layer arguments (``name``, ``input_shape``...).

    Shapes:
        output shape = input shape.

    Example:
        >>> Activation("sigmoid")(np.zeros((1, 2), dtype="float32")).numpy().tolist()
        [[0.5, 0.5]]
    """

    supports_masking = True  # a mask on the input passes on to the output

    def __init__(self, activation, **kwargs):
        super().__init__(**kwargs)
        self.activation = activations.get(activation)

    def call(self, inputs):
        return self.activation(inputs)

    def compute_output_shape(self, input_shape):
        """The input shape, unchanged."""
        return input_shape

    def get_config(self):
        return {**super().get_config(), "activation": activations.serialize(self.activation)}
