"""The backward pass: the chain rule applied to the recorded graph, outputs first.

`Tensor.backward` calls `backpropagate`. It visits every Tensor that the
result depends on in reverse topological order (a Tensor only after every
Tensor computed from it), so when a Tensor is reached its gradient is complete:
the sum of what each of its users sent back. Its creator's ``backward`` then
turns that gradient into one gradient per input.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> x = Tensor(2.0, requires_grad=True)
    >>> y = x * x + x                 # x is used twice: its gradients add up
    >>> y.backward()
    >>> float(x.grad)                 # d(x^2 + x)/dx = 2x + 1
    5.0
"""


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
