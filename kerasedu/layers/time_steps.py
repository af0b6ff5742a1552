"""`TimeSteps`: cut a sequence into its time steps, with a backward linear in the length.

A recurrent layer reads step ``t`` of every sequence, ``x[:, t]``, for each of the
``T`` steps. Written as ``T`` plain slices, backward would grow as ``T**2``: the
gradient of one slice is a zero array of the whole sequence's shape with step ``t``
filled in, so backward allocates and adds up ``T`` arrays of ``N * T * D`` numbers.
`TimeSteps` makes every step write its gradient into one array shared by all the
steps, so backward does ``N * T * D`` work in all, as forward does.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> x = Tensor(np.ones((2, 3, 4)), requires_grad=True)
    >>> steps = TimeSteps(x)
    >>> (steps[0] * 2 + steps[2]).sum().backward()
    >>> x.grad[0, :, 0].tolist()
    [2.0, 0.0, 1.0]
"""

from kerasedu.autograd.function import Function
from kerasedu.device import get_array_module


class TimeSteps:
    """The steps ``x[:, t]`` of a sequence ``x`` of shape ``(N, T, ...)``.

    Args:
        x: Tensor of shape ``(N, T, ...)``.

    Shapes:
        ``steps[t]`` is ``(N, ...)``, differentiable with respect to ``x``.
    """

    def __init__(self, x):
        self.shape, self.grad = x.shape, None
        self.source = _Sequence.apply(x, steps=self)  # used only by the steps (see _Step.backward)

    def __getitem__(self, t):
        return _Step.apply(self.source, steps=self, t=t)


class _Sequence(Function):
    """The identity; its gradient is the array the steps filled in."""

    def forward(self, x, steps):
        self.steps = steps
        return x

    def backward(self, grad):
        self.steps.grad = None  # every step has written into `grad`: start afresh next time
        return grad


class _Step(Function):
    """``x[:, t]``; backward adds ``grad`` into the gradient shared by all the steps."""

    def forward(self, x, steps, t):
        self.steps, self.t = steps, t
        return x[:, t]

    def backward(self, grad):
        steps = self.steps
        first = steps.grad is None  # the first step reached allocates the shared gradient...
        if first:
            steps.grad = get_array_module(grad).zeros(steps.shape, dtype=grad.dtype)
        steps.grad[:, self.t] += grad
        # ...and hands it to the engine; the later steps fill it in place before the
        # engine reaches `source`, whose only users are the steps (reverse topological order)
        return steps.grad if first else None
