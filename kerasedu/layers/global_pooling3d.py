"""Global pooling of volumes: `GlobalMaxPooling3D`, `GlobalAveragePooling3D`.

The 1-D and 2-D global poolings are in `pooling`; these reduce depth, height
and width the same way (see `BaseGlobalPooling`).

Example:
    >>> GlobalAveragePooling3D()(np.ones((2, 3, 4, 5, 6))).shape
    (2, 6)
"""

from kerasedu.layers.pooling import BaseGlobalPooling


class GlobalMaxPooling3D(BaseGlobalPooling):
    """Maximum over depth, height and width: ``(N, D, H, W, C) -> (N, C)``.

    Args:
        data_format: Only ``"channels_last"`` (or ``None``) is supported.
        keepdims: Keep the reduced axes with size 1. Defaults to ``False``.

    Example:
        >>> GlobalMaxPooling3D(keepdims=True)(np.ones((2, 3, 4, 5, 6))).shape
        (2, 1, 1, 1, 6)
    """

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(3, data_format, keepdims, **kwargs)

    def call(self, inputs):
        return inputs.max(axis=self._axes, keepdims=self.keepdims)


class GlobalAveragePooling3D(BaseGlobalPooling):
    """Mean over depth, height and width: ``(N, D, H, W, C) -> (N, C)``.

    Args:
        data_format: Only ``"channels_last"`` (or ``None``) is supported.
        keepdims: Keep the reduced axes with size 1. Defaults to ``False``.

    Example:
        >>> GlobalAveragePooling3D()(np.arange(8.0).reshape(1, 2, 2, 2, 1)).numpy().tolist()
        [[3.5]]
    """

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(3, data_format, keepdims, **kwargs)

    def call(self, inputs):
        return inputs.mean(axis=self._axes, keepdims=self.keepdims)


# Keras's short aliases
GlobalMaxPool3D = GlobalMaxPooling3D
GlobalAvgPool3D = GlobalAveragePooling3D
