"""`ZeroPadding2D`: add rows and columns of zeros around images.

Example:
    >>> from kerasedu.layers import ZeroPadding2D
    >>> ZeroPadding2D(1)(np.ones((2, 28, 28, 3))).shape
    (2, 30, 30, 3)
"""

from kerasedu.autograd.ops_shape import pad
from kerasedu.layers.conv_utils import check_data_format
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer


def normalize_pairs(value, name):
    """``p`` -> ``((p, p), (p, p))``; ``(a, b)`` -> ``((a, a), (b, b))``; pairs of pairs stay.

    Example:
        >>> normalize_pairs((1, 2), "padding")
        ((1, 1), (2, 2))
    """
    if isinstance(value, int):
        pairs = ((value, value), (value, value))
    elif len(value) == 2 and all(isinstance(v, int) for v in value):
        pairs = ((value[0], value[0]), (value[1], value[1]))
    else:
        pairs = tuple(tuple(v) for v in value)
    if len(pairs) != 2 or any(len(p) != 2 or min(p) < 0 for p in pairs):
        raise ValueError(
            f"`{name}` must be an int, a pair of ints or a pair of (before, after) "
            f"pairs of non-negative ints. Received: {name}={value!r}"
        )
    return pairs


class ZeroPadding2D(Layer):
    """Pad the height and width axes of images with zeros.

    Args:
        padding: ``p`` (all four sides), ``(p_h, p_w)`` (symmetric), or
            ``((top, bottom), (left, right))``. Defaults to ``(1, 1)``.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.

    Shapes:
        input ``(N, H, W, C)`` -> output ``(N, H + top + bottom, W + left + right, C)``.

    Example:
        >>> ZeroPadding2D(((1, 0), (0, 2)))(np.ones((1, 2, 2, 1))).shape
        (1, 3, 4, 1)
    """

    def __init__(self, padding=(1, 1), data_format=None, **kwargs):
        self.data_format = check_data_format(data_format)
        super().__init__(**kwargs)
        self.padding = normalize_pairs(padding, "padding")
        self.input_spec = InputSpec(ndim=4)

    def call(self, inputs):
        (top, bottom), (left, right) = self.padding
        return pad(inputs, ((0, 0), (top, bottom), (left, right), (0, 0)))

    def compute_output_shape(self, input_shape):
        n, h, w, c = input_shape
        (top, bottom), (left, right) = self.padding
        h = None if h is None else h + top + bottom
        w = None if w is None else w + left + right
        return (n, h, w, c)

    def get_config(self):
        return {
            **super().get_config(),
            "padding": [list(p) for p in self.padding],
            "data_format": self.data_format,
        }
