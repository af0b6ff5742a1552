"""`SimpleRNN`: the plain recurrent layer, ``h_t = tanh(x_t W + h_{t-1} U + b)``.

Example:
    >>> from kerasedu.layers import SimpleRNN
    >>> layer = SimpleRNN(4)
    >>> layer(np.ones((2, 5, 3))).shape, [w.shape for w in layer.get_weights()]
    ((2, 4), [(3, 4), (4, 4), (4,)])
"""

from kerasedu.layers.rnn_base import BaseRNN


class SimpleRNN(BaseRNN):
    """Fully connected recurrent layer.

    ``h_t = activation(x_t @ kernel + h_{t-1} @ recurrent_kernel + bias)``.

    The output at each step is the state ``h_t`` itself. Takes the arguments of
    `BaseRNN` (``units, activation, use_bias, return_sequences, return_state,
    go_backwards, dropout, recurrent_dropout``, initializers...).

    Shapes:
        input ``(N, T, D)`` -> output ``(N, units)`` or, with
        ``return_sequences``, ``(N, T, units)``. Weights: kernel ``(D, units)``,
        recurrent_kernel ``(units, units)``, bias ``(units,)``.

    Example:
        >>> SimpleRNN(3, return_sequences=True, return_state=True)(np.ones((2, 4, 1)))[1].shape
        (2, 3)
    """

    def __init__(self, units, activation="tanh", use_bias=True, **kwargs):
        super().__init__(units, activation=activation, use_bias=use_bias, **kwargs)

    def step(self, x_t, states, state_mask):
        (h,) = states
        if state_mask is not None:
            h = h * state_mask
        z = x_t @ self.kernel + h @ self.recurrent_kernel  # (N, units)
        if self.bias is not None:
            z = z + self.bias
        h = self.activation(z)
        return h, [h]
