"""Indexing ops: getitem (``x[index]``) and take (an embedding's row lookup).

Both pick elements of ``x``; ``backward`` scatters the gradient back to the
positions they came from, adding it up where one position was picked twice
(``np.add.at``: ``dx[index] += grad`` would keep only one of the copies).

Example:
    >>> from kerasedu.autograd import Tensor
    >>> x = Tensor([1.0, 2.0, 3.0], requires_grad=True)
    >>> x[np.array([0, 0, 2])].sum().backward()
    >>> x.grad.tolist()
    [2.0, 0.0, 1.0]
"""

from kerasedu.autograd.function import Function
from kerasedu.device import get_array_module


def _is_basic_index(index):
    """True for ints, slices, None and Ellipsis only: no element can be picked twice."""
    parts = index if isinstance(index, tuple) else (index,)
    return all(isinstance(p, (int, slice, type(None), type(Ellipsis))) for p in parts)


class GetItem(Function):
    """``x[index]``; the gradient is scattered back (repeated indices add up)."""

    def forward(self, x, index):
        self.index, self.in_shape = index, x.shape
        return x[index]

    def backward(self, grad):
        xp = get_array_module(grad)
        dx = xp.zeros(self.in_shape, dtype=grad.dtype)
        if _is_basic_index(self.index):
            dx[self.index] = grad  # a slice picks each element at most once
        else:
            xp.add.at(dx, self.index, grad)  # add.at, not +=, so repeated indices accumulate
        return dx


class Take(Function):
    """Gather rows ``weights[indices]`` (an embedding lookup); backward scatter-adds."""

    def forward(self, weights, indices):
        xp = get_array_module(weights)
        indices = xp.asarray(indices)
        if indices.dtype.kind not in "iu":
            indices = indices.astype("int64")  # Keras accepts float token ids
        if indices.size and (int(indices.min()) < 0 or int(indices.max()) >= weights.shape[0]):
            raise ValueError(
                f"take: indices must be in [0, {weights.shape[0]}) for weights of "
                f"shape {tuple(weights.shape)}. Received indices in "
                f"[{int(indices.min())}, {int(indices.max())}]."
            )
        self.indices, self.in_shape = indices, weights.shape
        return weights[indices]  # (*indices.shape, *weights.shape[1:])

    def backward(self, grad):
        xp = get_array_module(grad)
        dw = xp.zeros(self.in_shape, dtype=grad.dtype)
        rows = grad.reshape((-1,) + tuple(self.in_shape[1:]))
        xp.add.at(dw, self.indices.reshape(-1), rows)  # a row used k times gets k gradients
        return dw


def _plain_index(index):
    """Turn Tensors inside an index into arrays."""
    from kerasedu.autograd.tensor import Tensor  # tensor.py imports this module

    if isinstance(index, Tensor):
        return index.data
    if isinstance(index, tuple):
        return tuple(i.data if isinstance(i, Tensor) else i for i in index)
    return index


def getitem(x, index):
    """Return ``x[index]`` (basic and advanced NumPy indexing).

    Example:
        >>> getitem(np.arange(5.0), slice(1, 3)).numpy().tolist()
        [1.0, 2.0]
    """
    return GetItem.apply(x, index=_plain_index(index))


def take(weights, indices):
    """Return ``weights[indices]``: row lookup along axis 0, the core of an Embedding layer.

    Args:
        weights: Tensor of shape ``(V, D)`` (any trailing shape works).
        indices: Integer array (or Tensor) of any shape, values in ``[0, V)``.

    Returns:
        Tensor of shape ``indices.shape + weights.shape[1:]``; only ``weights``
        gets a gradient.

    Example:
        >>> take(np.eye(3), np.array([[2, 0]])).numpy().tolist()
        [[[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]]
    """
    return Take.apply(weights, indices=_plain_index(indices))
