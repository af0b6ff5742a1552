"""Pooling layers: shrink sequences and images by summarising each window (max or mean).

`MaxPooling2D` keeps the strongest response in each window, so a feature
detected anywhere in the window survives a small shift; the global versions
summarise the whole sequence or image into one vector per sample.

Example:
    >>> from kerasedu.layers import MaxPooling2D, GlobalAveragePooling2D
    >>> MaxPooling2D()(np.ones((2, 28, 28, 8))).shape
    (2, 14, 14, 8)
    >>> GlobalAveragePooling2D()(np.ones((2, 7, 7, 8))).shape
    (2, 8)
"""

from kerasedu.autograd.ops_pool import avg_pool1d, avg_pool2d, max_pool1d, max_pool2d
from kerasedu.autograd.ops_select import where
from kerasedu.autograd.windows import normalize_tuple
from kerasedu.layers.conv_utils import (
    check_data_format,
    conv_output_length,
    normalize_padding,
)
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer


class BasePooling(Layer):
    """Shared arguments of the window pooling layers (not used directly).

    A subclass sets ``rank`` (1 for sequences, 2 for images; 3 would be volumes)
    and ``call``, the pooling op.

    Args:
        pool_size: Window size, int or tuple of ``rank`` ints. Defaults to ``2``
            (``(2, 2)`` for images).
        strides: Step between windows; ``None`` means ``pool_size``
            (non-overlapping windows).
        padding: ``"valid"`` or ``"same"``. With ``"same"``, average pooling
            divides by the number of real (non-padded) cells in each window.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.
    """

    rank = None  # the number of spatial axes, set by each subclass

    def __init__(self, pool_size=2, strides=None, padding="valid", data_format=None, **kwargs):
        self.data_format = check_data_format(data_format)
        super().__init__(**kwargs)
        rank = self.rank
        self.pool_size = normalize_tuple(pool_size, rank, "pool_size")
        self.strides = (
            self.pool_size if strides is None else normalize_tuple(strides, rank, "strides")
        )
        self.padding = normalize_padding(padding)
        self.input_spec = InputSpec(ndim=rank + 2)

    def compute_output_shape(self, input_shape):
        spatial = [
            conv_output_length(length, p, self.padding, s)
            for length, p, s in zip(input_shape[1:-1], self.pool_size, self.strides)
        ]
        return (input_shape[0], *spatial, input_shape[-1])

    def get_config(self):
        return {
            **super().get_config(),
            "pool_size": list(self.pool_size),
            "strides": list(self.strides),
            "padding": self.padding,
            "data_format": self.data_format,
        }


class MaxPooling1D(BasePooling):
    """Maximum over windows of ``pool_size`` time steps.

    Args:
        pool_size: Defaults to ``2``. strides: defaults to ``pool_size``.
        padding: ``"valid"`` or ``"same"``. Defaults to ``"valid"``.

    Shapes:
        input ``(N, T, C)`` -> output ``(N, T_out, C)``.

    Example:
        >>> MaxPooling1D(3)(np.arange(6.0).reshape(1, 6, 1)).numpy()[0, :, 0].tolist()
        [2.0, 5.0]
    """

    rank = 1

    def call(self, inputs):
        return max_pool1d(inputs, self.pool_size[0], self.strides[0], self.padding)


class AveragePooling1D(BasePooling):
    """Mean over windows of ``pool_size`` time steps.

    Args:
        pool_size: Defaults to ``2``. strides: defaults to ``pool_size``.
        padding: ``"valid"`` or ``"same"``. Defaults to ``"valid"``.

    Shapes:
        input ``(N, T, C)`` -> output ``(N, T_out, C)``.

    Example:
        >>> AveragePooling1D(3)(np.arange(6.0).reshape(1, 6, 1)).numpy()[0, :, 0].tolist()
        [1.0, 4.0]
    """

    rank = 1

    def call(self, inputs):
        return avg_pool1d(inputs, self.pool_size[0], self.strides[0], self.padding)


class MaxPooling2D(BasePooling):
    """Maximum over each ``pool_size`` window of an image.

    Args:
        pool_size: Defaults to ``(2, 2)``. strides: defaults to ``pool_size``.
        padding: ``"valid"`` or ``"same"``. Defaults to ``"valid"``.

    Shapes:
        input ``(N, H, W, C)`` -> output ``(N, H_out, W_out, C)``; ``"valid"``:
        ``H_out = (H - pool) // stride + 1``, ``"same"``: ``ceil(H / stride)``.

    Example:
        >>> x = np.arange(16.0).reshape(1, 4, 4, 1)
        >>> MaxPooling2D()(x).numpy()[0, :, :, 0].tolist()
        [[5.0, 7.0], [13.0, 15.0]]
    """

    rank = 2

    def call(self, inputs):
        return max_pool2d(inputs, self.pool_size, self.strides, self.padding)


class AveragePooling2D(BasePooling):
    """Mean over each ``pool_size`` window of an image.

    Args:
        pool_size: Defaults to ``(2, 2)``. strides: defaults to ``pool_size``.
        padding: ``"valid"`` or ``"same"``. Defaults to ``"valid"``.

    Shapes:
        input ``(N, H, W, C)`` -> output ``(N, H_out, W_out, C)``.

    Example:
        >>> x = np.arange(16.0).reshape(1, 4, 4, 1)
        >>> AveragePooling2D()(x).numpy()[0, :, :, 0].tolist()
        [[2.5, 4.5], [10.5, 12.5]]
    """

    rank = 2

    def call(self, inputs):
        return avg_pool2d(inputs, self.pool_size, self.strides, self.padding)


class BaseGlobalPooling(Layer):
    """Shared code of the global pooling layers: reduce every axis but batch and channels.

    Args:
        rank: 1 for sequences, 2 for images.
        data_format: Only ``"channels_last"`` (or ``None``) is supported.
        keepdims: Keep the reduced axes with size 1. Defaults to ``False``.
    """

    def __init__(self, rank, data_format=None, keepdims=False, **kwargs):
        self.data_format = check_data_format(data_format)
        super().__init__(**kwargs)
        self.rank = rank
        self.keepdims = keepdims
        self._axes = tuple(range(1, rank + 1))  # (1,) for sequences, (1, 2) for images
        self.input_spec = InputSpec(ndim=rank + 2)

    def compute_output_shape(self, input_shape):
        if self.keepdims:
            return (input_shape[0], *([1] * self.rank), input_shape[-1])
        return (input_shape[0], input_shape[-1])

    def get_config(self):
        return {**super().get_config(), "data_format": self.data_format, "keepdims": self.keepdims}


class GlobalMaxPooling1D(BaseGlobalPooling):
    """Maximum over all time steps: ``(N, T, C) -> (N, C)``.

    Example:
        >>> GlobalMaxPooling1D()(np.arange(6.0).reshape(1, 3, 2)).numpy().tolist()
        [[4.0, 5.0]]
    """

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(1, data_format, keepdims, **kwargs)

    def call(self, inputs):
        return inputs.max(axis=self._axes, keepdims=self.keepdims)


class GlobalAveragePooling1D(BaseGlobalPooling):
    """Mean over all time steps: ``(N, T, C) -> (N, C)``.

    With a mask ``(N, T)`` (from ``Embedding(mask_zero=True)``...), the mean is
    over the unmasked steps only, and the output carries no mask.

    Example:
        >>> GlobalAveragePooling1D()(np.arange(6.0).reshape(1, 3, 2)).numpy().tolist()
        [[2.0, 3.0]]
        >>> mask = np.array([[True, True, False]])
        >>> GlobalAveragePooling1D()(np.arange(6.0).reshape(1, 3, 2), mask=mask).numpy().tolist()
        [[1.0, 2.0]]
    """

    supports_masking = True

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(1, data_format, keepdims, **kwargs)

    def call(self, inputs, mask=None):
        if mask is None:
            return inputs.mean(axis=self._axes, keepdims=self.keepdims)
        keep = mask[:, :, None]  # (N, T, 1): broadcast over the channels
        total = where(keep, inputs, 0.0).sum(axis=1, keepdims=self.keepdims)
        return total / keep.sum(axis=1, keepdims=self.keepdims).astype(inputs.dtype)

    def compute_mask(self, inputs, previous_mask):
        return None  # the time axis is gone


class GlobalMaxPooling2D(BaseGlobalPooling):
    """Maximum over height and width: ``(N, H, W, C) -> (N, C)``.

    Example:
        >>> GlobalMaxPooling2D(keepdims=True)(np.ones((2, 4, 4, 3))).shape
        (2, 1, 1, 3)
    """

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(2, data_format, keepdims, **kwargs)

    def call(self, inputs):
        return inputs.max(axis=self._axes, keepdims=self.keepdims)


class GlobalAveragePooling2D(BaseGlobalPooling):
    """Mean over height and width: ``(N, H, W, C) -> (N, C)``.

    Example:
        >>> GlobalAveragePooling2D()(np.ones((2, 4, 4, 3))).shape
        (2, 3)
    """

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(2, data_format, keepdims, **kwargs)

    def call(self, inputs):
        return inputs.mean(axis=self._axes, keepdims=self.keepdims)


# Keras's short aliases
MaxPool1D = MaxPooling1D
MaxPool2D = MaxPooling2D
AvgPool1D = AveragePooling1D
AvgPool2D = AveragePooling2D
GlobalMaxPool1D = GlobalMaxPooling1D
GlobalMaxPool2D = GlobalMaxPooling2D
GlobalAvgPool1D = GlobalAveragePooling1D
GlobalAvgPool2D = GlobalAveragePooling2D
