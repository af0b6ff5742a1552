"""`Permute`: reorder the axes of each sample (the batch axis stays first).

Example:
    >>> Permute((2, 1))(np.zeros((4, 10, 64), dtype="float32")).shape
    (4, 64, 10)
"""

from kerasedu.layers.layer import Layer


class Permute(Layer):
    """Transpose the non-batch axes: ``dims`` lists them 1-based, as in Keras.

    Args:
        dims: A permutation of ``1 .. rank - 1``; ``(2, 1)`` swaps the two axes
            of a ``(N, T, D)`` input.
        **kwargs: Base layer arguments (``name``, ``input_shape``...).

    Shapes:
        input ``(N, d1, d2)`` with ``dims=(2, 1)`` -> output ``(N, d2, d1)``.

    Example:
        >>> Permute((2, 1)).get_config()["dims"]
        [2, 1]
    """

    def __init__(self, dims, **kwargs):
        super().__init__(**kwargs)
        dims = tuple(dims)
        if sorted(dims) != list(range(1, len(dims) + 1)):
            raise ValueError(
                "`dims` must be a permutation of 1..rank-1 (axis 0, the batch, "
                f"stays). Received: dims={dims}"
            )
        self.dims = dims

    def call(self, inputs):
        if inputs.ndim != len(self.dims) + 1:
            raise ValueError(
                f"Layer '{self.name}' with dims={self.dims} expects inputs of rank "
                f"{len(self.dims) + 1}. Received: shape={inputs.shape}"
            )
        return inputs.transpose(0, *self.dims)

    def compute_output_shape(self, input_shape):
        """The input shape with its axes reordered by ``dims``."""
        return (input_shape[0], *[input_shape[d] for d in self.dims])

    def get_config(self):
        return {**super().get_config(), "dims": list(self.dims)}
