"""`Cropping2D`: cut rows and columns off the edges of images.

Example:
    >>> from kerasedu.layers import Cropping2D
    >>> Cropping2D(((2, 2), (4, 4)))(np.ones((1, 28, 28, 3))).shape
    (1, 24, 20, 3)
"""

from kerasedu.layers.conv_utils import check_data_format
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer
from kerasedu.layers.zero_padding2d import normalize_pairs


class Cropping2D(Layer):
    """Remove ``cropping`` rows/columns from the borders of images.

    Args:
        cropping: ``c`` (all four sides), ``(c_h, c_w)`` (symmetric), or
            ``((top, bottom), (left, right))``. Defaults to ``((0, 0), (0, 0))``.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.

    Shapes:
        input ``(N, H, W, C)`` -> output ``(N, H - top - bottom, W - left - right, C)``.

    Example:
        >>> x = np.arange(16.0).reshape(1, 4, 4, 1)
        >>> Cropping2D(1)(x).numpy()[0, :, :, 0].tolist()
        [[5.0, 6.0], [9.0, 10.0]]
    """

    def __init__(self, cropping=((0, 0), (0, 0)), data_format=None, **kwargs):
        self.data_format = check_data_format(data_format)
        super().__init__(**kwargs)
        self.cropping = normalize_pairs(cropping, "cropping")
        self.input_spec = InputSpec(ndim=4)

    def call(self, inputs):
        (top, bottom), (left, right) = self.cropping
        _, h, w, _ = inputs.shape
        if top + bottom >= h or left + right >= w:
            raise ValueError(
                f"Layer '{self.name}': cropping {self.cropping} removes the whole image "
                f"of shape {inputs.shape}."
            )
        return inputs[:, top : h - bottom, left : w - right, :]

    def compute_output_shape(self, input_shape):
        n, h, w, c = input_shape
        (top, bottom), (left, right) = self.cropping
        h = None if h is None else h - top - bottom
        w = None if w is None else w - left - right
        return (n, h, w, c)

    def get_config(self):
        return {
            **super().get_config(),
            "cropping": [list(c) for c in self.cropping],
            "data_format": self.data_format,
        }
