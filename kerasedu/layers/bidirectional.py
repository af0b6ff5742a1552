"""`Bidirectional`: run a recurrent layer forwards and backwards and merge the two.

Example:
    >>> from kerasedu.layers import LSTM, Bidirectional
    >>> layer = Bidirectional(LSTM(4, return_sequences=True))
    >>> layer(np.ones((2, 5, 3))).shape
    (2, 5, 8)
"""

from kerasedu.autograd.ops_join import concatenate
from kerasedu.layers.layer import Layer
from kerasedu.lookup import serialize_layer

_MERGE_MODES = ("concat", "sum", "mul", "ave", None)


class Bidirectional(Layer):
    """Wrap a recurrent layer so each output sees both the past and the future.

    Two copies of ``layer`` are made: ``forward_<name>`` reads the sequence
    in order, ``backward_<name>`` from the end (``go_backwards`` flipped). With
    ``return_sequences`` the backward outputs are flipped back into time order
    before merging, so step ``t`` pairs the two views of step ``t``. Both read
    the input's mask; with ``return_sequences`` their masked steps output zeros
    (``zero_output_for_mask``, as in Keras).

    Args:
        layer: A `SimpleRNN`, `LSTM` or `GRU` instance (a template: it is copied).
        merge_mode: ``"concat"`` (feature axes side by side), ``"sum"``,
            ``"mul"``, ``"ave"``, or ``None`` (return both as a list).
            Defaults to ``"concat"``.
        backward_layer: Optional layer to use for the backward direction;
            it must have ``go_backwards=True``. Defaults to ``None`` (a copy).

    Shapes:
        input ``(N, T, D)`` -> ``(N, 2 * units)`` with ``"concat"``
        (``(N, T, 2 * units)`` with ``return_sequences``). Weights: the forward
        layer's, then the backward layer's.

    Example:
        >>> from kerasedu.layers import GRU
        >>> bi = Bidirectional(GRU(3), merge_mode="sum")
        >>> bi(np.ones((1, 4, 2))).shape, len(bi.weights)
        ((1, 3), 6)
    """

    supports_masking = True

    def __init__(self, layer, merge_mode="concat", backward_layer=None, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(
                f"Bidirectional needs a layer instance (a config dict is built by "
                f"kerasedu.saving.serializer.deserialize_layer). Received: layer={layer!r}"
            )
        if merge_mode not in _MERGE_MODES:
            raise ValueError(
                f"Invalid merge_mode; expected one of {list(_MERGE_MODES)}. "
                f"Received: merge_mode={merge_mode!r}"
            )
        super().__init__(**kwargs)
        self.forward_layer = _copy_layer(layer, "forward_", layer.go_backwards)
        if backward_layer is None:
            self.backward_layer = _copy_layer(layer, "backward_", not layer.go_backwards)
        else:
            if backward_layer.go_backwards == layer.go_backwards:
                raise ValueError(
                    "Bidirectional: backward_layer must read the other way "
                    "(its go_backwards must differ from the forward layer's)."
                )
            self.backward_layer = backward_layer
        for copy in (self.forward_layer, self.backward_layer):
            copy.zero_output_for_mask = layer.return_sequences  # padded steps merge as zeros
        self.merge_mode = merge_mode
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state

    def build(self, input_shape):
        self.forward_layer.maybe_build(input_shape)
        self.backward_layer.maybe_build(input_shape)

    def call(self, inputs, initial_state=None, mask=None, training=None):
        forward_state = backward_state = None
        if initial_state is not None:
            half = len(initial_state) // 2  # first the forward layer's states, then the backward's
            forward_state, backward_state = initial_state[:half], initial_state[half:]
        kwargs = {"mask": mask, "training": training}
        y_f = self.forward_layer(inputs, initial_state=forward_state, **kwargs)
        y_b = self.backward_layer(inputs, initial_state=backward_state, **kwargs)
        states = []
        if self.return_state:
            y_f, *states_f = y_f
            y_b, *states_b = y_b
            states = states_f + states_b
        if self.return_sequences:
            y_b = y_b[:, ::-1]  # back into time order: step t of both directions side by side
        merged = self._merge(y_f, y_b)
        if self.return_state:
            outputs = merged if isinstance(merged, list) else [merged]
            return outputs + states
        return merged

    def _merge(self, y_f, y_b):
        if self.merge_mode == "concat":
            return concatenate([y_f, y_b], axis=-1)
        if self.merge_mode == "sum":
            return y_f + y_b
        if self.merge_mode == "mul":
            return y_f * y_b
        if self.merge_mode == "ave":
            return (y_f + y_b) * 0.5
        return [y_f, y_b]

    def compute_mask(self, inputs, previous_mask):
        """The input's mask with ``return_sequences`` (twice if ``merge_mode`` is None)."""
        mask = previous_mask[0] if isinstance(previous_mask, list) else previous_mask
        output_mask = mask if self.return_sequences else None
        return output_mask if self.merge_mode else [output_mask, output_mask]

    def compute_output_shape(self, input_shape):
        shape = self.forward_layer.compute_output_shape(input_shape)
        states = []
        if self.return_state:
            shape, states = shape[0], list(shape[1:]) * 2
        if self.merge_mode == "concat":
            shape = (*shape[:-1], 2 * shape[-1])
        outputs = [shape, shape] if self.merge_mode is None else [shape]
        if self.return_state or self.merge_mode is None:
            return outputs + states
        return shape

    def get_config(self):
        """The wrapped layer's config, nested under ``"layer"``; the serializer builds it first."""
        config = {
            **super().get_config(),
            "layer": serialize_layer(self.forward_layer),
            "merge_mode": self.merge_mode,
        }
        config["layer"]["config"]["name"] = self.forward_layer.name[len("forward_") :]
        return config


def _copy_layer(layer, prefix, go_backwards):
    """A fresh, unbuilt copy of ``layer`` named ``prefix + name``, reading in one direction."""
    config = layer.get_config()
    config["name"] = prefix + layer.name
    config["go_backwards"] = go_backwards
    config.pop("batch_input_shape", None)
    return type(layer).from_config(config)
