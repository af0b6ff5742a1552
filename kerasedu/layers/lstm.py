"""`LSTM`: long short-term memory, a recurrent layer with gates and a cell state.

Example:
    >>> from kerasedu.layers import LSTM
    >>> layer = LSTM(4)
    >>> layer(np.ones((2, 5, 3))).shape, [w.shape for w in layer.get_weights()]
    ((2, 4), [(3, 16), (4, 16), (16,)])
"""

import numpy as np

from kerasedu import activations
from kerasedu.layers.rnn_base import BaseRNN


class LSTM(BaseRNN):
    """Long short-term memory (Hochreiter and Schmidhuber, 1997).

    With ``z = x_t @ kernel + h_{t-1} @ recurrent_kernel + bias`` cut into four
    blocks of ``units`` columns, in Keras's order input, forget, cell, output::

        i = sigmoid(z_i)    f = sigmoid(z_f)    o = sigmoid(z_o)
        c_t = f * c_{t-1} + i * tanh(z_c)
        h_t = o * tanh(c_t)

    The forget gate decides what the cell keeps, so information (and
    gradients) can travel over many steps.

    Args:
        units: Size of ``h`` and ``c``.
        activation: Used for the candidate and on the cell. Defaults to ``"tanh"``.
        recurrent_activation: Used for the gates. Defaults to ``"sigmoid"``.
        unit_forget_bias: Start the forget gate's bias at 1 (remember by
            default). Defaults to ``True``.
        Other arguments as in `BaseRNN` (``use_bias, return_sequences,
        return_state, go_backwards, dropout, recurrent_dropout``, initializers...).

    Shapes:
        input ``(N, T, D)`` -> output ``(N, units)`` or ``(N, T, units)``;
        ``return_state`` adds ``h`` and ``c``, each ``(N, units)``. Weights:
        kernel ``(D, 4 * units)``, recurrent_kernel ``(units, 4 * units)``,
        bias ``(4 * units,)``.

    Example:
        >>> out, h, c = LSTM(2, return_state=True)(np.ones((1, 3, 2)))
        >>> out.shape, c.shape
        ((1, 2), (1, 2))
    """

    gate_count = 4
    state_count = 2

    def __init__(
        self,
        units,
        activation="tanh",
        recurrent_activation="sigmoid",
        use_bias=True,
        unit_forget_bias=True,
        **kwargs,
    ):
        super().__init__(units, activation=activation, use_bias=use_bias, **kwargs)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.unit_forget_bias = unit_forget_bias

    def _bias_initializer(self):
        if not self.unit_forget_bias:
            return self.bias_initializer
        units, base = self.units, self.bias_initializer

        def forget_ones(shape, dtype=None):
            # [input | forget | cell | output]: the forget block starts at 1
            return np.concatenate(
                [base((units,), dtype), np.ones(units, dtype=dtype), base((2 * units,), dtype)]
            )

        return forget_ones

    def step(self, x_t, states, state_mask):
        h, c = states
        if state_mask is not None:
            h = h * state_mask
        z = x_t @ self.kernel + h @ self.recurrent_kernel  # (N, 4 * units)
        if self.bias is not None:
            z = z + self.bias
        u = self.units
        i = self.recurrent_activation(z[:, :u])
        f = self.recurrent_activation(z[:, u : 2 * u])
        c = f * c + i * self.activation(z[:, 2 * u : 3 * u])
        o = self.recurrent_activation(z[:, 3 * u :])
        h = o * self.activation(c)
        return h, [h, c]

    def get_config(self):
        return {
            **super().get_config(),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "unit_forget_bias": self.unit_forget_bias,
        }
