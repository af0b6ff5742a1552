"""Zero padding and cropping of sequences (1-D) and volumes (3-D).

`ZeroPadding2D` and `Cropping2D` (images) have their own modules; the 1-D and
3-D layers here share one rule for reading the amounts (`edge_pairs`) and one
base class: padding adds ``before + after`` along each spatial axis, cropping
removes them.

Example:
    >>> ZeroPadding1D(2)(np.ones((1, 5, 3))).shape
    (1, 9, 3)
    >>> Cropping3D(1)(np.ones((1, 4, 4, 4, 2))).shape
    (1, 2, 2, 2, 2)
"""

from kerasedu.autograd.ops_shape import pad
from kerasedu.layers.conv_utils import check_data_format
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer


def edge_pairs(value, rank, name):
    """Read a padding/cropping amount as one ``(before, after)`` pair per spatial axis.

    ``p`` -> ``(p, p)`` on every axis; for ``rank=1`` a pair is ``(before, after)``;
    for ``rank=3`` three ints are symmetric per axis, three pairs are taken as they are.

    Example:
        >>> edge_pairs(1, 3, "padding")
        ((1, 1), (1, 1), (1, 1))
        >>> edge_pairs((0, 2), 1, "cropping")
        ((0, 2),)
    """
    if isinstance(value, int):
        pairs = ((value, value),) * rank
    elif rank == 1 and len(value) == 2 and all(isinstance(v, int) for v in value):
        pairs = (tuple(value),)
    elif len(value) == rank and all(isinstance(v, int) for v in value):
        pairs = tuple((v, v) for v in value)
    elif all(isinstance(v, (tuple, list)) for v in value):
        pairs = tuple(tuple(v) for v in value)
    else:
        pairs = ()  # e.g. two ints for three axes: rejected below
    if len(pairs) != rank or any(len(p) != 2 or min(p) < 0 for p in pairs):
        raise ValueError(
            f"`{name}` must be an int, {rank} ints or {rank} (before, after) pairs of "
            f"non-negative ints. Received: {name}={value!r}"
        )
    return pairs


class BaseEdges(Layer):
    """Shared code: ``rank`` spatial axes, each grown (``sign=+1``) or cut (``-1``) at its edges."""

    sign = 1
    argument = "padding"

    def __init__(self, rank, amount, data_format=None, **kwargs):
        self.data_format = check_data_format(data_format)
        super().__init__(**kwargs)
        self.rank = rank
        self.pairs = edge_pairs(amount, rank, self.argument)
        self.input_spec = InputSpec(ndim=rank + 2)

    def compute_output_shape(self, input_shape):
        spatial = [
            None if n is None else n + self.sign * (b + a)
            for n, (b, a) in zip(input_shape[1:-1], self.pairs)
        ]
        return (input_shape[0], *spatial, input_shape[-1])

    def get_config(self):
        value = list(self.pairs[0]) if self.rank == 1 else [list(p) for p in self.pairs]
        config = {**super().get_config(), self.argument: value}
        if self.rank == 3 or self.argument == "padding":  # Keras's Cropping1D has no data_format
            config["data_format"] = self.data_format
        return config


class ZeroPadding1D(BaseEdges):
    """Pad sequences with zero time steps at the start and the end.

    Args:
        padding: ``p`` (both ends) or ``(start, end)``. Defaults to ``1``.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.

    Shapes:
        input ``(N, T, C)`` -> output ``(N, T + start + end, C)``.

    Example:
        >>> ZeroPadding1D((1, 0))(np.ones((1, 2, 1))).numpy()[0, :, 0].tolist()
        [0.0, 1.0, 1.0]
    """

    def __init__(self, padding=1, data_format=None, **kwargs):
        super().__init__(1, padding, data_format, **kwargs)

    def call(self, inputs):
        return pad(inputs, ((0, 0), *self.pairs, (0, 0)))


class ZeroPadding3D(BaseEdges):
    """Pad volumes with zeros along depth, height and width.

    Args:
        padding: ``p``, ``(p_d, p_h, p_w)`` (symmetric) or three ``(before, after)``
            pairs. Defaults to ``((1, 1), (1, 1), (1, 1))``.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.

    Shapes:
        input ``(N, D, H, W, C)`` -> output ``(N, D + pd, H + ph, W + pw, C)``,
        each ``p`` the sum of that axis's pair.

    Example:
        >>> ZeroPadding3D((1, 0, 2))(np.ones((1, 2, 2, 2, 1))).shape
        (1, 4, 2, 6, 1)
    """

    def __init__(self, padding=((1, 1), (1, 1), (1, 1)), data_format=None, **kwargs):
        super().__init__(3, padding, data_format, **kwargs)

    def call(self, inputs):
        return pad(inputs, ((0, 0), *self.pairs, (0, 0)))


class BaseCropping(BaseEdges):
    """Cropping: slice ``before`` and ``after`` off each spatial axis (the gradient of a slice)."""

    sign = -1
    argument = "cropping"

    def call(self, inputs):
        spatial = inputs.shape[1:-1]
        if any(b + a >= n for n, (b, a) in zip(spatial, self.pairs)):
            raise ValueError(
                f"Layer '{self.name}': cropping {self.pairs} removes the whole input "
                f"of shape {inputs.shape}."
            )
        window = tuple(slice(b, n - a) for n, (b, a) in zip(spatial, self.pairs))
        return inputs[(slice(None), *window, slice(None))]


class Cropping1D(BaseCropping):
    """Cut time steps off the start and the end of sequences.

    Args:
        cropping: ``c`` (both ends) or ``(start, end)``. Defaults to ``(1, 1)``.

    Shapes:
        input ``(N, T, C)`` -> output ``(N, T - start - end, C)``.

    Example:
        >>> Cropping1D((1, 0))(np.arange(3.0).reshape(1, 3, 1)).numpy()[0, :, 0].tolist()
        [1.0, 2.0]
    """

    def __init__(self, cropping=(1, 1), **kwargs):
        super().__init__(1, cropping, None, **kwargs)


class Cropping3D(BaseCropping):
    """Cut the borders off volumes along depth, height and width.

    Args:
        cropping: ``c``, ``(c_d, c_h, c_w)`` (symmetric) or three ``(before, after)``
            pairs. Defaults to ``((1, 1), (1, 1), (1, 1))``.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.

    Shapes:
        input ``(N, D, H, W, C)`` -> output ``(N, D - cd, H - ch, W - cw, C)``.

    Example:
        >>> Cropping3D(((1, 0), (0, 0), (0, 1)))(np.ones((1, 3, 3, 3, 1))).shape
        (1, 2, 3, 2, 1)
    """

    def __init__(self, cropping=((1, 1), (1, 1), (1, 1)), data_format=None, **kwargs):
        super().__init__(3, cropping, data_format, **kwargs)
