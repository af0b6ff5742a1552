"""`Dropout`: randomly zero a fraction of the inputs while training.

During training each input is kept with probability ``1 - rate`` and scaled by
``1 / (1 - rate)`` ("inverted dropout"), so the expected value is unchanged and
nothing needs rescaling at inference, where the layer is the identity.

Example:
    >>> layer = Dropout(0.5)
    >>> x = np.ones((2, 4), dtype="float32")
    >>> layer(x).numpy().tolist() == x.tolist()  # inference (the default): identity
    True
    >>> np.random.seed(0)
    >>> sorted(set(layer(x, training=True).numpy().ravel().tolist()))
    [0.0, 2.0]
"""

from kerasedu import random
from kerasedu.layers.layer import Layer


class Dropout(Layer):
    """Zero each input with probability ``rate`` in training; scale the rest by ``1 / (1 - rate)``.

    The mask is drawn from the array module's global random state (NumPy's, or
    CuPy's on the GPU), or from a generator seeded with ``seed``, so
    ``np.random.seed`` (or ``kerasedu.utils.set_random_seed``) makes training
    reproducible.

    Args:
        rate: Fraction of the inputs to drop, in ``[0, 1)``.
        noise_shape: Shape of the mask, broadcast over the input; a ``1`` (or
            ``None`` for the batch axis) shares one draw along that axis, e.g.
            ``(None, 1, C)`` drops whole channels of a sequence. Defaults to ``None``
            (one draw per element).
        seed: Seed of this layer's own generator. Defaults to ``None`` (NumPy's global one).
        **kwargs: Base layer arguments (``name``...).

    Shapes:
        output shape = input shape.

    Example:
        >>> Dropout(0.2).get_config()["rate"]
        0.2
    """

    supports_masking = True  # a mask on the input passes on to the output

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if not 0 <= rate < 1:
            raise ValueError(f"`rate` must be in [0, 1). Received: rate={rate}")
        self.rate = rate
        self.noise_shape = None if noise_shape is None else tuple(noise_shape)
        self.seed = seed
        # seeded: this layer's own generator, a new (reproducible) mask at each call
        self._seed_generator = None if seed is None else random.SeedGenerator(seed)

    def call(self, inputs, training=None):
        if not training or self.rate == 0:
            return inputs
        return random.dropout(inputs, self.rate, self.noise_shape, seed=self._seed_generator)

    def compute_output_shape(self, input_shape):
        """The input shape, unchanged."""
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "rate": self.rate,
            "noise_shape": None if self.noise_shape is None else list(self.noise_shape),
            "seed": self.seed,
        }
