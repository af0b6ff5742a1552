"""`GRU`: gated recurrent unit, a lighter LSTM with two gates and no cell state.

Example:
    >>> from kerasedu.layers import GRU
    >>> layer = GRU(4)
    >>> layer(np.ones((2, 5, 3))).shape, [w.shape for w in layer.get_weights()]
    ((2, 4), [(3, 12), (4, 12), (2, 12)])
"""

from kerasedu import activations
from kerasedu.layers.rnn_base import BaseRNN


class GRU(BaseRNN):
    """Gated recurrent unit (Cho et al., 2014), in Keras's formulation.

    The kernel's columns are three blocks of ``units``, in Keras's order
    update ``z``, reset ``r``, candidate ``h``. With ``x_* = x_t @ kernel_* + b_in_*``::

        z = sigmoid(x_z + h_{t-1} @ U_z + b_rec_z)
        r = sigmoid(x_r + h_{t-1} @ U_r + b_rec_r)
        candidate = tanh(x_h + r * (h_{t-1} @ U_h + b_rec_h))     # reset_after=True
        candidate = tanh(x_h + (r * h_{t-1}) @ U_h)                 # reset_after=False
        h_t = z * h_{t-1} + (1 - z) * candidate

    Args:
        units: Size of ``h``.
        activation: For the candidate. Defaults to ``"tanh"``.
        recurrent_activation: For the gates. Defaults to ``"sigmoid"``.
        reset_after: Apply the reset gate after the recurrent matmul (Keras 3
            and cuDNN's form, with separate input and recurrent biases: bias
            shape ``(2, 3 * units)``), or before it (the original paper's form,
            bias shape ``(3 * units,)``). Defaults to ``True``.
        Other arguments as in `BaseRNN`.

    Shapes:
        input ``(N, T, D)`` -> output ``(N, units)`` or ``(N, T, units)``.
        Weights: kernel ``(D, 3 * units)``, recurrent_kernel ``(units, 3 * units)``, bias.

    Example:
        >>> GRU(2, reset_after=False)(np.ones((1, 3, 2))).shape
        (1, 2)
    """

    gate_count = 3

    def __init__(
        self,
        units,
        activation="tanh",
        recurrent_activation="sigmoid",
        use_bias=True,
        reset_after=True,
        **kwargs,
    ):
        super().__init__(units, activation=activation, use_bias=use_bias, **kwargs)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.reset_after = reset_after

    def _bias_shape(self):
        if self.reset_after:
            return (2, 3 * self.units)  # row 0: input bias, row 1: recurrent bias
        return (3 * self.units,)

    def step(self, x_t, states, state_mask):
        (h,) = states
        if state_mask is not None:
            h = h * state_mask
        u = self.units
        x_proj = x_t @ self.kernel  # (N, 3 * units): [x_z | x_r | x_h]
        if self.bias is not None:
            x_proj = x_proj + (self.bias[0] if self.reset_after else self.bias)
        if self.reset_after:
            h_proj = h @ self.recurrent_kernel  # (N, 3 * units)
            if self.bias is not None:
                h_proj = h_proj + self.bias[1]
            z = self.recurrent_activation(x_proj[:, :u] + h_proj[:, :u])
            r = self.recurrent_activation(x_proj[:, u : 2 * u] + h_proj[:, u : 2 * u])
            candidate = self.activation(x_proj[:, 2 * u :] + r * h_proj[:, 2 * u :])
        else:
            h_proj = h @ self.recurrent_kernel[:, : 2 * u]  # only z and r use h before the reset
            z = self.recurrent_activation(x_proj[:, :u] + h_proj[:, :u])
            r = self.recurrent_activation(x_proj[:, u : 2 * u] + h_proj[:, u:])
            candidate = self.activation(
                x_proj[:, 2 * u :] + (r * h) @ self.recurrent_kernel[:, 2 * u :]
            )
        h = z * h + (1 - z) * candidate
        return h, [h]

    def get_config(self):
        return {
            **super().get_config(),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "reset_after": self.reset_after,
        }
