"""TimeSteps: per-step slices of a sequence whose backward is linear in the sequence length."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.autograd.function import reverse_topological_order
from kerasedu.layers import GRU, LSTM, Bidirectional, SimpleRNN
from kerasedu.layers.time_steps import TimeSteps


def test_steps_are_the_slices_and_their_gradients_add_up():
    data = np.random.rand(2, 4, 3)
    x = Tensor(data, requires_grad=True)
    steps = TimeSteps(x)
    np.testing.assert_array_equal(steps[1].numpy(), data[:, 1])
    (steps[0] * 2.0 + steps[3] * steps[3] + steps[0]).sum().backward()
    expected = np.zeros_like(data)
    expected[:, 0] = 3.0
    expected[:, 3] = 2 * data[:, 3]
    np.testing.assert_allclose(x.grad, expected)


def test_a_second_backward_pass_gets_its_own_gradient():
    x = Tensor(np.ones((1, 3, 2)), requires_grad=True)
    steps = TimeSteps(x)
    steps[1].sum().backward()
    steps[2].sum().backward()  # a new graph over the same steps: the shared array was reset
    assert x.grad[0, :, 0].tolist() == [0.0, 1.0, 1.0]


def test_other_users_of_the_sequence_add_their_gradient():
    x = Tensor(np.ones((1, 2, 1)), requires_grad=True)
    steps = TimeSteps(x)
    (steps[0].sum() + (x * 3.0).sum()).backward()
    assert x.grad[0, :, 0].tolist() == [4.0, 3.0]


def backward_elements(loss):
    """Backward the graph of ``loss``; return how many numbers its ops' backward returned.

    Every op's ``backward`` is wrapped (on the op instance) to count the elements of
    the gradients it hands back: the work backward does, measured without a clock.
    """
    count = [0]
    for tensor in reverse_topological_order(loss):
        fn = tensor._creator
        if fn is None or "backward" in vars(fn):
            continue

        def counted(grad, original=fn.backward):
            grads = original(grad)
            for g in grads if isinstance(grads, tuple) else (grads,):
                count[0] += 0 if g is None else int(np.size(g))
            return grads

        fn.backward = counted
    loss.backward()
    return count[0]


@pytest.mark.parametrize(
    "make",
    [
        lambda: LSTM(4),
        lambda: GRU(4, return_sequences=True),
        lambda: SimpleRNN(4, go_backwards=True),
        lambda: Bidirectional(LSTM(3, return_sequences=True)),
    ],
)
def test_rnn_backward_work_grows_linearly_with_the_sequence_length(make):
    layer = make()
    work = []
    for steps in (25, 100):
        x = Tensor(np.random.rand(8, steps, 16).astype("float32"), requires_grad=True)
        work.append(backward_elements(layer(x).sum()))
    # quadratic (one full-size gradient per step) would be ~16x; linear is 4x
    assert 3.5 < work[1] / work[0] < 4.5, work
