"""`Reshape`: give each sample a new shape with the same number of values.

Example:
    >>> Reshape((3, 4))(np.zeros((2, 12), dtype="float32")).shape
    (2, 3, 4)
"""

import math

from kerasedu.layers.layer import Layer


class Reshape(Layer):
    """Reshape each sample to ``target_shape`` (row-major, the batch axis is kept).

    Args:
        target_shape: Shape of one sample, without the batch axis; one entry may
            be ``-1``, meaning "whatever size makes the total match".
        **kwargs: Base layer arguments (``name``, ``input_shape``...).

    Shapes:
        input ``(N, ...)`` -> output ``(N, *target_shape)``.

    Example:
        >>> Reshape((-1, 2))(np.zeros((1, 6), dtype="float32")).shape
        (1, 3, 2)
    """

    def __init__(self, target_shape, **kwargs):
        super().__init__(**kwargs)
        target_shape = tuple(target_shape)
        if sum(d == -1 for d in target_shape) > 1 or any(d == 0 or d < -1 for d in target_shape):
            raise ValueError(
                "`target_shape` takes positive sizes and at most one -1. "
                f"Received: target_shape={target_shape}"
            )
        self.target_shape = target_shape

    def call(self, inputs):
        return inputs.reshape(inputs.shape[0], *self.target_shape)

    def compute_output_shape(self, input_shape):
        """``(N, *target_shape)`` with the ``-1`` resolved, raising if the sizes cannot match."""
        return (input_shape[0], *self._resolve(tuple(input_shape)[1:]))

    def _resolve(self, sample_shape):
        if -1 not in self.target_shape:
            known = None not in sample_shape
            if known and math.prod(sample_shape) != math.prod(self.target_shape):
                raise ValueError(self._mismatch(sample_shape))
            return self.target_shape
        if None in sample_shape:
            return tuple(None if d == -1 else d for d in self.target_shape)
        total, rest = math.prod(sample_shape), -math.prod(self.target_shape)
        if total % rest != 0:
            raise ValueError(self._mismatch(sample_shape))
        return tuple(total // rest if d == -1 else d for d in self.target_shape)

    def _mismatch(self, sample_shape):
        return (
            f"Layer '{self.name}': cannot reshape a sample of shape {sample_shape} "
            f"({math.prod(sample_shape)} values) to target_shape={self.target_shape}."
        )

    def get_config(self):
        return {**super().get_config(), "target_shape": list(self.target_shape)}
