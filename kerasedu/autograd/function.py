"""The graph: `Function`, the base of every differentiable op, which records it, and
`backpropagate`, which walks it back (plus `no_grad` and `unbroadcast`).

An op is a small class with ``forward`` (raw arrays in, raw array out) and
``backward`` (upstream gradient in, one gradient per input out). `Function.apply`
is the one place that unwraps Tensors, runs ``forward`` and records the graph,
so every op file stays plain array math.

`Tensor.backward` calls `backpropagate`. It visits every Tensor that the
result depends on in reverse topological order (a Tensor only after every
Tensor computed from it), so when a Tensor is reached its gradient is complete:
the sum of what each of its users sent back. Its creator's ``backward`` then
turns that gradient into one gradient per input.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> x = Tensor([1.0, 2.0], requires_grad=True)
    >>> (x * x).sum().backward()
    >>> x.grad.tolist()
    [2.0, 4.0]
    >>> y = Tensor(2.0, requires_grad=True)
    >>> (y * y + y).backward()        # y is used twice: its gradients add up
    >>> float(y.grad)                 # d(y^2 + y)/dy = 2y + 1
    5.0
"""

import contextlib

_grad_state = {"enabled": True}


def is_grad_enabled():
    """Return ``True`` when ops record the graph for `Tensor.backward`."""
    return _grad_state["enabled"]


@contextlib.contextmanager
def no_grad():
    """Context manager that stops recording the graph (used by predict and optimizers).

    Example:
        >>> from kerasedu.autograd import Tensor
        >>> x = Tensor([1.0], requires_grad=True)
        >>> with no_grad():
        ...     y = x * 2
        >>> y.requires_grad
        False
    """
    previous = _grad_state["enabled"]
    _grad_state["enabled"] = False
    try:
        yield
    finally:
        _grad_state["enabled"] = previous


def unbroadcast(grad, shape):
    """Sum ``grad`` back down to ``shape``, undoing NumPy broadcasting.

    If ``a`` of shape ``(3,)`` was broadcast against ``(2, 3)``, the gradient
    arriving has shape ``(2, 3)``; each element of ``a`` was used twice, so its
    gradient is the sum over the broadcast axis.

    Example:
        >>> import numpy as np
        >>> unbroadcast(np.ones((2, 3)), (3,)).tolist()
        [2.0, 2.0, 2.0]
    """
    if grad.shape == tuple(shape):
        return grad
    extra = grad.ndim - len(shape)
    if extra > 0:
        grad = grad.sum(axis=tuple(range(extra)))  # leading axes added by broadcasting
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    if stretched:
        grad = grad.sum(axis=stretched, keepdims=True)  # size-1 axes stretched by broadcasting
    return grad


class Function:
    """Base class of a differentiable op.

    Subclasses implement ``forward(*arrays, **params)`` and ``backward(grad)``;
    ``backward`` returns one gradient per input, in input order, each of exactly
    that input's shape (``None`` for an input that needs no gradient).
    ``self.needs_input_grad[i]`` says whether input ``i`` wants a gradient, so
    an op can skip work nobody needs (the gradient of the input images, say).
    """

    def save_for_backward(self, *arrays):
        """Keep the arrays ``backward`` needs."""
        self.saved = arrays

    @classmethod
    def apply(cls, *inputs, **params):
        """Run the op on Tensors (or array-likes) and record it in the graph."""
        from kerasedu.autograd.tensor import Tensor, as_tensor  # tensor.py imports this module

        like = next((t for t in inputs if isinstance(t, Tensor)), None)
        # a number or an array becomes a Tensor; a bare number takes the dtype of ``like``
        tensors = [t if isinstance(t, Tensor) else as_tensor(t, like=like) for t in inputs]
        fn = cls()
        fn.needs_input_grad = tuple(t.requires_grad for t in tensors)
        output = fn.forward(*[t.data for t in tensors], **params)
        requires_grad = is_grad_enabled() and any(fn.needs_input_grad)
        result = Tensor(output, requires_grad=requires_grad)
        if requires_grad:
            result._creator = fn
            fn.inputs = tensors
        return result

    def forward(self, *arrays, **params):
        """Compute the op's output from raw input arrays (and keyword parameters)."""
        raise NotImplementedError

    def backward(self, grad):
        """Return the gradient of each input (in input order) given ``grad``, the output's."""
        raise NotImplementedError


# --- the backward pass: the chain rule applied to the recorded graph, outputs first ---
def backpropagate(root, grad, inputs=None):
    """Send ``grad`` (the gradient of ``root``) back through the graph into ``.grad``.

    Args:
        root: The Tensor to differentiate (usually the loss).
        grad: Array of ``root``'s shape, ``d root / d root`` (ones for a loss).
        inputs: Tensors whose ``.grad`` receives the gradient; ``None`` means
            every leaf (a Tensor no op created) that requires a gradient.

    Gradients accumulate into ``.grad`` (added to what is there).
    """
    wanted = None if inputs is None else {id(t) for t in inputs}
    grads = {id(root): grad}  # gradients still being summed, by Tensor id
    for tensor in reverse_topological_order(root):
        tensor_grad = grads.pop(id(tensor), None)
        if tensor_grad is None:
            continue  # no gradient reached this branch
        is_leaf = tensor._creator is None
        if (is_leaf and wanted is None) or (wanted is not None and id(tensor) in wanted):
            tensor.grad = tensor_grad if tensor.grad is None else tensor.grad + tensor_grad
        if is_leaf:
            continue
        fn = tensor._creator
        input_grads = fn.backward(tensor_grad)  # the chain rule, one op at a time
        if not isinstance(input_grads, tuple):
            input_grads = (input_grads,)
        for parent, parent_grad in zip(fn.inputs, input_grads):
            if parent_grad is None or not parent.requires_grad:
                continue
            key = id(parent)
            grads[key] = parent_grad if key not in grads else grads[key] + parent_grad


def reverse_topological_order(root):
    """Tensors reachable from ``root`` through creators, outputs before inputs.

    Iterative depth-first search, so deep graphs (long RNNs) do not hit
    Python's recursion limit.
    """
    order, visited = [], set()
    stack = [(root, False)]
    while stack:
        tensor, children_done = stack.pop()
        if children_done:
            order.append(tensor)
            continue
        if id(tensor) in visited:
            continue
        visited.add(id(tensor))
        stack.append((tensor, True))
        if tensor._creator is not None:
            for parent in tensor._creator.inputs:
                if parent.requires_grad and id(parent) not in visited:
                    stack.append((parent, False))
    return reversed(order)
