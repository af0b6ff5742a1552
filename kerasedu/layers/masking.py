"""`Masking`: mark the time steps whose features all equal ``mask_value`` as padding.

Example:
    >>> from kerasedu.layers import Masking
    >>> x = np.array([[[1.0, 2.0], [0.0, 0.0], [3.0, 0.0]]])
    >>> Masking()(x)._keras_mask.tolist()
    [[True, False, True]]
"""

from kerasedu.autograd.ops_select import where
from kerasedu.layers.layer import Layer


class Masking(Layer):
    """Mask (skip) every time step where all features equal ``mask_value``.

    For sequences padded with a value, e.g. zeros: the output is the input with
    the masked steps set to 0, and it carries a mask of shape ``(N, T)`` (``False``
    at the padded steps) that later layers honour: an `LSTM` carries its state over
    those steps, the loss leaves them out (see `mask_flow`).

    Args:
        mask_value: The padding value. Defaults to ``0.0``.

    Shapes:
        input ``(N, T, D)`` -> output ``(N, T, D)``, mask ``(N, T)``.

    Example:
        >>> x = np.array([[[1.0, 1.0], [-1.0, 2.0], [-1.0, -1.0]]])
        >>> Masking(mask_value=-1.0)(x).numpy()[0, :, 1].tolist()
        [1.0, 2.0, 0.0]
    """

    supports_masking = True

    def __init__(self, mask_value=0.0, **kwargs):
        super().__init__(**kwargs)
        self.mask_value = mask_value

    def call(self, inputs):
        keep = self.compute_mask(inputs)[..., None]  # (N, T, 1), broadcast over the features
        return where(keep, inputs, 0.0)  # masked steps become 0, as in Keras

    def compute_mask(self, inputs, previous_mask=None):
        """``True`` where any feature differs from ``mask_value``: shape ``(N, T)``."""
        return (inputs.data != self.mask_value).any(axis=-1)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "mask_value": self.mask_value}
