"""`Flatten`: turn each sample into one vector, e.g. before a `Dense` layer.

The order is row-major over ``(H, W, C)``: the channel axis varies fastest, as
in Keras, so weights trained there load here unchanged.

Example:
    >>> Flatten()(np.zeros((2, 3, 4, 5), dtype="float32")).shape
    (2, 60)
"""

import math

from kerasedu.config import image_data_format
from kerasedu.layers.layer import Layer


class Flatten(Layer):
    """Reshape ``(N, d1, d2, ...)`` to ``(N, d1 * d2 * ...)``; the batch axis is kept.

    Args:
        data_format: ``"channels_last"`` (the default, ``image_data_format()``) or
            ``"channels_first"``; channels-first inputs are first moved to
            channels-last order, so the flattened order is the same either way.
        **kwargs: Base layer arguments (``name``, ``input_shape``...).

    Shapes:
        input ``(N, H, W, C)`` -> output ``(N, H * W * C)``; ``(N,)`` -> ``(N, 1)``.

    Example:
        >>> Flatten()(np.arange(8.0).reshape(1, 2, 2, 2)).numpy().tolist()
        [[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]]
    """

    def __init__(self, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = data_format or image_data_format()
        if self.data_format not in ("channels_last", "channels_first"):
            raise ValueError(
                "`data_format` must be 'channels_last' or 'channels_first'. "
                f"Received: data_format={data_format!r}"
            )

    def call(self, inputs):
        x = inputs
        if self.data_format == "channels_first" and x.ndim > 2:
            x = x.transpose(0, *range(2, x.ndim), 1)  # (N, C, H, W) -> (N, H, W, C)
        return x.reshape(x.shape[0], -1)

    def compute_output_shape(self, input_shape):
        """``(N, product of the other axes)``; ``None`` if one of them is unknown."""
        rest = tuple(input_shape)[1:]
        size = None if None in rest else math.prod(rest)
        return (input_shape[0], size)

    def get_config(self):
        return {**super().get_config(), "data_format": self.data_format}
