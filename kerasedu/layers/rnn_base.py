"""`BaseRNN`: what SimpleRNN, LSTM and GRU share: weights, the loop over time, outputs.

A recurrent layer reads a sequence one step at a time, carrying a state
(``h``, and for LSTM also ``c``) from step to step. Each subclass writes only
its ``step``: how one input and the old state make the new state. This class
runs the loop, applies dropout and returns the last output or the whole
sequence. The loop is over time steps; each step is vectorised over the batch.
With a mask (from ``Embedding(mask_zero=True)`` or `Masking`), a masked step
leaves the state as it was, so padding does not change what the layer returns.

Example:
    >>> from kerasedu.layers import SimpleRNN
    >>> SimpleRNN(4)(np.ones((2, 5, 3))).shape
    (2, 4)
    >>> SimpleRNN(4, return_sequences=True)(np.ones((2, 5, 3))).shape
    (2, 5, 4)
"""

from kerasedu import activations, constraints, initializers, regularizers
from kerasedu.autograd.ops_join import stack
from kerasedu.autograd.ops_select import where
from kerasedu.autograd.tensor import Tensor, as_tensor
from kerasedu.device import get_array_module
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.layer import Layer
from kerasedu.layers.time_steps import TimeSteps


class BaseRNN(Layer):
    """Common arguments and the time loop of the recurrent layers (not used directly).

    Args:
        units: Size of the state (and of each output).
        activation: Activation of the candidate state. Defaults to ``"tanh"``.
        use_bias: Whether to learn a bias. Defaults to ``True``.
        kernel_initializer: Initializer of the input weights. Defaults to ``"glorot_uniform"``.
        recurrent_initializer: Initializer of the state-to-state weights.
            Defaults to ``"orthogonal"``.
        bias_initializer: Defaults to ``"zeros"``.
        kernel_regularizer, recurrent_regularizer, bias_regularizer: Optional.
        kernel_constraint, recurrent_constraint, bias_constraint: Optional.
        dropout: Fraction of the inputs dropped while training (one mask per
            sequence, reused at every step). Defaults to ``0.0``.
        recurrent_dropout: Fraction of the previous state dropped while
            training. Defaults to ``0.0``.
        return_sequences: Return the output of every step ``(N, T, units)``
            instead of the last one ``(N, units)``. Defaults to ``False``.
        return_state: Also return the final state(s): ``[output, h]`` (LSTM:
            ``[output, h, c]``). Defaults to ``False``.
        go_backwards: Read the sequence from its end. With
            ``return_sequences`` the outputs come in that reversed order.
            Defaults to ``False``.
        stateful, unroll: Accepted for compatibility; only ``stateful=False``
            is supported, and ``unroll`` changes nothing here.
        zero_output_for_mask: At a masked step, output zeros instead of the
            previous output (the state is carried over either way). Defaults
            to ``False``; `Bidirectional` sets it to ``return_sequences``.

    Call arguments:
        mask: Boolean ``(N, T)``, ``False`` at the steps to skip. Filled in from
            the input's mask (see `mask_flow`) when not given.
    """

    supports_masking = True
    gate_count = 1  # blocks of `units` columns in the kernel: SimpleRNN 1, GRU 3, LSTM 4
    state_count = 1  # states carried between steps: h (LSTM: h and c)

    def __init__(
        self,
        units,
        activation="tanh",
        use_bias=True,
        kernel_initializer="glorot_uniform",
        recurrent_initializer="orthogonal",
        bias_initializer="zeros",
        kernel_regularizer=None,
        recurrent_regularizer=None,
        bias_regularizer=None,
        kernel_constraint=None,
        recurrent_constraint=None,
        bias_constraint=None,
        dropout=0.0,
        recurrent_dropout=0.0,
        return_sequences=False,
        return_state=False,
        go_backwards=False,
        stateful=False,
        unroll=False,
        zero_output_for_mask=False,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if not isinstance(units, int) or units <= 0:
            raise ValueError(
                f"{type(self).__name__}: `units` must be a positive int. Received: units={units!r}"
            )
        if stateful:
            raise ValueError(
                f"{type(self).__name__}: kerasedu does not implement stateful=True "
                "(states carried across batches). Received: stateful=True"
            )
        for name, rate in (("dropout", dropout), ("recurrent_dropout", recurrent_dropout)):
            if not 0.0 <= rate < 1.0:
                raise ValueError(
                    f"{type(self).__name__}: `{name}` must be in [0, 1). Received: {name}={rate}"
                )
        self.units = units
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.recurrent_initializer = initializers.get(recurrent_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.recurrent_regularizer = regularizers.get(recurrent_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.recurrent_constraint = constraints.get(recurrent_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.dropout = dropout
        self.recurrent_dropout = recurrent_dropout
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.unroll = unroll
        self.zero_output_for_mask = zero_output_for_mask

    # --- weights -------------------------------------------------------------------
    def build(self, input_shape):
        if len(input_shape) != 3:
            raise ValueError(
                f"Input 0 of layer '{self.name}' is incompatible with the layer: expected "
                f"shape (batch, timesteps, features), but received input with shape "
                f"{tuple(input_shape)}."
            )
        input_dim, width = input_shape[-1], self.gate_count * self.units
        self.kernel = self.add_weight(
            shape=(input_dim, width),
            initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
            name="kernel",
        )
        self.recurrent_kernel = self.add_weight(
            shape=(self.units, width),
            initializer=self.recurrent_initializer,
            regularizer=self.recurrent_regularizer,
            constraint=self.recurrent_constraint,
            name="recurrent_kernel",
        )
        self.bias = None
        if self.use_bias:
            self.bias = self.add_weight(
                shape=self._bias_shape(),
                initializer=self._bias_initializer(),
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
                name="bias",
            )
        self.input_spec = InputSpec(ndim=3, axes={-1: input_dim})

    def _bias_shape(self):
        return (self.gate_count * self.units,)

    def _bias_initializer(self):
        return self.bias_initializer

    # --- the loop over time ------------------------------------------------------------
    def call(self, inputs, initial_state=None, mask=None, training=None):
        n, steps = inputs.shape[0], inputs.shape[1]
        if n == 0 or steps == 0:
            raise ValueError(
                f"Layer '{self.name}' needs at least one sample and one time step. "
                f"Received input with shape {inputs.shape}."
            )
        states = self._initial_states(inputs, initial_state)
        input_mask, state_mask = self._dropout_masks(inputs, training)
        sequence = TimeSteps(inputs)
        order = range(steps - 1, -1, -1) if self.go_backwards else range(steps)
        outputs = []
        for t in order:
            x_t = sequence[t]  # (N, D): step t of every sequence
            if input_mask is not None:
                x_t = x_t * input_mask
            output, new_states = self.step(x_t, states, state_mask)
            if mask is not None:
                output, new_states = self._skip_masked(mask[:, t, None], output, states, new_states)
            states = new_states
            outputs.append(output)
        result = stack(outputs, axis=1) if self.return_sequences else outputs[-1]
        if self.return_state:
            return [result, *states]
        return result

    def _skip_masked(self, keep, output, states, new_states):
        """Where ``keep`` (N, 1) is False: the old states, and the previous output (or 0)."""
        previous = 0.0 if self.zero_output_for_mask else states[0]  # states[0] is h_{t-1}
        new_states = [where(keep, new, old) for new, old in zip(new_states, states)]
        return where(keep, output, previous), new_states

    def step(self, x_t, states, state_mask):
        """Return ``(output, new_states)`` for one time step; implemented by each subclass."""
        raise NotImplementedError

    def _initial_states(self, inputs, initial_state):
        """Zeros ``(N, units)`` for every state, or the given ``initial_state``."""
        if initial_state is None:
            xp = get_array_module(inputs.data)
            zeros = xp.zeros((inputs.shape[0], self.units), dtype=inputs.dtype)
            return [Tensor(zeros) for _ in range(self.state_count)]
        if not isinstance(initial_state, (list, tuple)):
            initial_state = [initial_state]
        if len(initial_state) != self.state_count:
            raise ValueError(
                f"Layer '{self.name}' expects {self.state_count} initial state(s). "
                f"Received: {len(initial_state)} initial state(s)."
            )
        return [as_tensor(s) for s in initial_state]

    def _dropout_masks(self, inputs, training):
        """Inverted-dropout masks, drawn once per call and reused at every step."""
        if not training:
            return None, None
        xp = get_array_module(inputs.data)
        input_mask = state_mask = None
        if self.dropout > 0:
            keep = xp.random.uniform(size=(inputs.shape[0], inputs.shape[2])) >= self.dropout
            input_mask = (keep / (1 - self.dropout)).astype(inputs.dtype)
        if self.recurrent_dropout > 0:
            keep = xp.random.uniform(size=(inputs.shape[0], self.units)) >= self.recurrent_dropout
            state_mask = (keep / (1 - self.recurrent_dropout)).astype(inputs.dtype)
        return input_mask, state_mask

    # --- shapes and config ---------------------------------------------------------------
    def compute_mask(self, inputs, previous_mask):
        """The input's mask with ``return_sequences`` (one per step), else none; none for states."""
        mask = previous_mask[0] if isinstance(previous_mask, list) else previous_mask
        output_mask = mask if self.return_sequences else None
        if self.return_state:
            return [output_mask] + [None] * self.state_count
        return output_mask

    def compute_output_shape(self, input_shape):
        n, steps = input_shape[0], input_shape[1]
        output = (n, steps, self.units) if self.return_sequences else (n, self.units)
        if self.return_state:
            return [output] + [(n, self.units)] * self.state_count
        return output

    def get_config(self):
        return {
            **super().get_config(),
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "recurrent_initializer": initializers.serialize(self.recurrent_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "recurrent_regularizer": regularizers.serialize(self.recurrent_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "recurrent_constraint": constraints.serialize(self.recurrent_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "return_sequences": self.return_sequences,
            "return_state": self.return_state,
            "go_backwards": self.go_backwards,
            "stateful": self.stateful,
            "unroll": self.unroll,
            "zero_output_for_mask": self.zero_output_for_mask,
        }
