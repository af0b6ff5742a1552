"""`Input` and `InputLayer`: the entry points of a functional model.

``Input(shape=(784,))`` describes one sample (the batch axis is added as
``None``) and returns a symbolic `KerasTensor`; layers called on it build a
graph that ``Model(inputs, outputs)`` turns into a model. Behind each `Input` is
an `InputLayer`, which has no weights and appears first in ``model.layers``.

Example:
    >>> x = Input(shape=(28, 28, 1))
    >>> x.shape
    (None, 28, 28, 1)
"""

from kerasedu.layers.layer import Layer
from kerasedu.layers.node import KerasTensor, Node
from kerasedu.naming import unique_name


class InputLayer(Layer):
    """The layer behind `Input`: it has no weights and outputs its own `KerasTensor`.

    Args:
        shape: Shape of one sample, without the batch axis, e.g. ``(784,)``.
        batch_size: Fixed batch size, or ``None`` (any). Defaults to ``None``.
        dtype: Data type of the input. Defaults to ``floatx()`` (``"float32"``).
        input_tensor: An existing `KerasTensor` to use as the output, if any.
        name: Layer name; defaults to ``input_layer``, ``input_layer_1``...
        batch_shape: Full shape with the batch axis, instead of ``shape`` and ``batch_size``.

    Shapes:
        output ``(N, *shape)`` with ``N`` = ``batch_size`` (``None`` if unset).

    Example:
        >>> layer = InputLayer(shape=(3,))
        >>> layer.output.shape, layer.count_params()
        ((None, 3), 0)
    """

    def __init__(
        self,
        shape=None,
        batch_size=None,
        dtype=None,
        input_tensor=None,
        name=None,
        batch_shape=None,
        batch_input_shape=None,
        sparse=None,
        ragged=None,
        **kwargs,
    ):
        kwargs.pop("trainable", None)  # an input has nothing to train
        super().__init__(name=name or unique_name("input_layer"), dtype=dtype, **kwargs)
        if batch_shape is None:
            batch_shape = batch_input_shape  # Keras 2 spelling in saved configs
        if input_tensor is not None:
            if not isinstance(input_tensor, KerasTensor):
                raise TypeError(
                    "`input_tensor` must be a KerasTensor (from `Input`). "
                    f"Received: input_tensor={input_tensor!r}"
                )
            batch_shape = input_tensor.shape
        if batch_shape is None:
            if shape is None:
                raise ValueError(
                    "InputLayer needs `shape` (one sample, e.g. shape=(784,)) or "
                    "`batch_shape`. Received: shape=None, batch_shape=None"
                )
            if isinstance(shape, int):
                shape = (shape,)
            batch_shape = (batch_size, *tuple(shape))
        self.batch_shape = tuple(batch_shape)
        self.built = True
        self._build_input_shape = self.batch_shape
        if input_tensor is None:
            input_tensor = KerasTensor(self.batch_shape, self.dtype, name=self.name)
        Node(self, None, input_tensor)  # the property ``output`` returns this node's tensor

    def call(self, inputs):
        """Return the data unchanged: an input layer only marks where data enters."""
        return inputs

    def compute_output_shape(self, input_shape):
        """The input's shape, unchanged."""
        return input_shape

    def get_config(self):
        """Return ``batch_shape``, ``dtype`` and ``name``, as Keras 3 saves them."""
        return {
            "batch_shape": list(self.batch_shape),
            "dtype": self.dtype,
            "sparse": False,
            "name": self.name,
        }


def Input(
    shape=None, batch_size=None, name=None, dtype=None, tensor=None, batch_shape=None, sparse=None
):
    """Return a symbolic `KerasTensor` that stands for a model input.

    Args:
        shape: Shape of one sample, without the batch axis: ``(784,)``,
            ``(28, 28, 1)``; ``None`` entries are sizes left free (sequence length).
        batch_size: Fixed batch size, or ``None`` (any). Defaults to ``None``.
        name: Name of the input (and of its `InputLayer`). Defaults to
            ``input_layer``, ``input_layer_1``...
        dtype: Data type. Defaults to ``floatx()`` (``"float32"``); use ``"int32"``
            for token ids.
        tensor: An existing `KerasTensor` to wrap, if any.
        batch_shape: Full shape with the batch axis, instead of ``shape``/``batch_size``.
        sparse: Accepted for compatibility; only dense inputs exist here.

    Returns:
        A `KerasTensor` of shape ``(batch_size, *shape)``.

    Example:
        >>> x = Input(shape=(784,), name="pixels")
        >>> x.shape, x.name
        ((None, 784), 'pixels')
    """
    if sparse:
        raise ValueError("kerasedu has no sparse tensors. Received: sparse=True")
    layer = InputLayer(
        shape=shape,
        batch_size=batch_size,
        dtype=dtype,
        input_tensor=tensor,
        name=name,
        batch_shape=batch_shape,
    )
    return layer.output
