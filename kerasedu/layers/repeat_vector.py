"""`RepeatVector`: repeat a vector ``n`` times, turning ``(N, D)`` into ``(N, n, D)``.

Used in sequence-to-sequence models to feed one encoding to every decoder step.

Example:
    >>> RepeatVector(3)(np.zeros((2, 5), dtype="float32")).shape
    (2, 3, 5)
"""

from kerasedu.autograd.ops_shape import expand_dims, repeat
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer


class RepeatVector(Layer):
    """Repeat each input vector ``n`` times along a new time axis.

    Args:
        n: Number of repetitions (a positive integer).
        **kwargs: Base layer arguments (``name``, ``input_shape``...).

    Shapes:
        input ``(N, D)`` -> output ``(N, n, D)``.

    Example:
        >>> RepeatVector(2)(np.array([[1.0, 2.0]])).numpy().tolist()
        [[[1.0, 2.0], [1.0, 2.0]]]
    """

    def __init__(self, n, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(n, int) or n <= 0:
            raise ValueError(f"`n` must be a positive integer. Received: n={n!r}")
        self.n = n
        self.input_spec = InputSpec(ndim=2)

    def call(self, inputs):
        return repeat(expand_dims(inputs, 1), self.n, axis=1)  # (N, D) -> (N, 1, D) -> (N, n, D)

    def compute_output_shape(self, input_shape):
        """``(N, n, D)``."""
        return (input_shape[0], self.n, input_shape[1])

    def get_config(self):
        return {**super().get_config(), "n": self.n}
