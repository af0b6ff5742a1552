"""NumPy references for the recurrent layers, one time step at a time (Keras's gate orders)."""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def simple_rnn_reference(x, kernel, recurrent_kernel, bias):
    h = np.zeros((x.shape[0], kernel.shape[1]))
    outputs = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ kernel + h @ recurrent_kernel + bias)
        outputs.append(h)
    return np.stack(outputs, axis=1), h


def lstm_reference(x, kernel, recurrent_kernel, bias):
    """Columns: input, forget, cell, output."""
    u = recurrent_kernel.shape[0]
    h = c = np.zeros((x.shape[0], u))
    outputs = []
    for t in range(x.shape[1]):
        z = x[:, t] @ kernel + h @ recurrent_kernel + bias
        i, f = sigmoid(z[:, :u]), sigmoid(z[:, u : 2 * u])
        g, o = np.tanh(z[:, 2 * u : 3 * u]), sigmoid(z[:, 3 * u :])
        c = f * c + i * g
        h = o * np.tanh(c)
        outputs.append(h)
    return np.stack(outputs, axis=1), h, c


def gru_reference(x, kernel, recurrent_kernel, bias, reset_after=True):
    """Columns: update z, reset r, candidate h."""
    u = recurrent_kernel.shape[0]
    h = np.zeros((x.shape[0], u))
    outputs = []
    for t in range(x.shape[1]):
        if reset_after:
            xp = x[:, t] @ kernel + bias[0]
            hp = h @ recurrent_kernel + bias[1]
            z = sigmoid(xp[:, :u] + hp[:, :u])
            r = sigmoid(xp[:, u : 2 * u] + hp[:, u : 2 * u])
            cand = np.tanh(xp[:, 2 * u :] + r * hp[:, 2 * u :])
        else:
            xp = x[:, t] @ kernel + bias
            z = sigmoid(xp[:, :u] + h @ recurrent_kernel[:, :u])
            r = sigmoid(xp[:, u : 2 * u] + h @ recurrent_kernel[:, u : 2 * u])
            cand = np.tanh(xp[:, 2 * u :] + (r * h) @ recurrent_kernel[:, 2 * u :])
        h = z * h + (1 - z) * cand
        outputs.append(h)
    return np.stack(outputs, axis=1), h
