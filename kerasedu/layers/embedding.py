"""`Embedding`: turn integer ids (words, items) into learned dense vectors.

Example:
    >>> from kerasedu.layers import Embedding
    >>> layer = Embedding(input_dim=10, output_dim=4)
    >>> layer(np.array([[1, 2, 3]])).shape
    (1, 3, 4)
"""

import warnings

from kerasedu import constraints, initializers, regularizers
from kerasedu.autograd.ops_index import take
from kerasedu.diagnostics import stacklevel_outside_kerasedu
from kerasedu.layers.layer import Layer


class Embedding(Layer):
    """Look up row ``i`` of a ``(input_dim, output_dim)`` matrix for every integer ``i``.

    Equivalent to one-hot encoding the ids and multiplying by the matrix, but
    without building the one-hot array. Row ``i`` is the learned vector of id ``i``.

    Args:
        input_dim: Vocabulary size: ids must be in ``[0, input_dim)``.
        output_dim: Length of each vector.
        embeddings_initializer: Initializer of the matrix. Defaults to
            ``"uniform"`` (uniform on ``[-0.05, 0.05]``).
        embeddings_regularizer: Optional regularizer of the matrix.
        embeddings_constraint: Optional constraint of the matrix.
        mask_zero: Treat id 0 as padding: the output carries a mask (``False``
            where the id is 0) that later layers honour (see `mask_flow`), so
            the vocabulary's real ids start at 1. Defaults to ``False``.
        input_length: Keras 2's fixed sequence length; sets ``input_shape`` when
            that is not given (Keras 3 deprecates it). Defaults to ``None``.

    Shapes:
        input ``(N, T)`` integers -> output ``(N, T, output_dim)`` (any input
        shape works: the output appends ``output_dim``).

    Example:
        >>> layer = Embedding(5, 2, embeddings_initializer="ones")
        >>> layer(np.array([[0, 4]])).numpy().tolist()
        [[[1.0, 1.0], [1.0, 1.0]]]
        >>> Embedding(5, 2, mask_zero=True)(np.array([[3, 1, 0]]))._keras_mask.tolist()
        [[True, True, False]]
    """

    def __init__(
        self,
        input_dim,
        output_dim,
        embeddings_initializer="uniform",
        embeddings_regularizer=None,
        embeddings_constraint=None,
        mask_zero=False,
        input_length=None,
        **kwargs,
    ):
        if input_length is not None:
            warnings.warn(
                "Embedding: `input_length` is deprecated in Keras 3; give "
                "`input_shape=(input_length,)` or an `Input` instead.",
                DeprecationWarning,
                stacklevel=stacklevel_outside_kerasedu(),
            )
            if "input_shape" not in kwargs and "batch_input_shape" not in kwargs:
                kwargs["input_shape"] = (input_length,)
        super().__init__(**kwargs)
        for name, value in (("input_dim", input_dim), ("output_dim", output_dim)):
            if not isinstance(value, int) or value <= 0:
                raise ValueError(
                    f"Embedding: `{name}` must be a positive int. Received: {name}={value!r}"
                )
        self.input_dim = input_dim
        self.output_dim = output_dim
        self.embeddings_initializer = initializers.get(embeddings_initializer)
        self.embeddings_regularizer = regularizers.get(embeddings_regularizer)
        self.embeddings_constraint = constraints.get(embeddings_constraint)
        self.mask_zero = mask_zero
        self.supports_masking = mask_zero

    def build(self, input_shape):
        self.embeddings = self.add_weight(
            shape=(self.input_dim, self.output_dim),
            initializer=self.embeddings_initializer,
            regularizer=self.embeddings_regularizer,
            constraint=self.embeddings_constraint,
            name="embeddings",
        )

    def call(self, inputs):
        ids = inputs.data
        if ids.dtype.kind not in "iu":
            ids = ids.astype("int64")  # ids often arrive as floats (padded arrays)
        if ids.size and (int(ids.min()) < 0 or int(ids.max()) >= self.input_dim):
            raise ValueError(
                f"Layer '{self.name}': ids must be in [0, input_dim={self.input_dim}). "
                f"Received ids from {int(ids.min())} to {int(ids.max())}."
            )
        return take(self.embeddings, ids)  # (N, T) -> (N, T, output_dim)

    def compute_mask(self, inputs, previous_mask=None):
        """``ids != 0`` with ``mask_zero``, shape ``(N, T)``; otherwise no mask."""
        if not self.mask_zero:
            return None
        return inputs.data != 0

    def compute_output_shape(self, input_shape):
        return (*input_shape, self.output_dim)

    def get_config(self):
        return {
            **super().get_config(),
            "input_dim": self.input_dim,
            "output_dim": self.output_dim,
            "embeddings_initializer": initializers.serialize(self.embeddings_initializer),
            "embeddings_regularizer": regularizers.serialize(self.embeddings_regularizer),
            "embeddings_constraint": constraints.serialize(self.embeddings_constraint),
            "mask_zero": self.mask_zero,
        }
