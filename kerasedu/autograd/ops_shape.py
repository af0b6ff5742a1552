"""Shape ops: reshape, transpose, getitem (indexing and slicing).

Example:
    >>> from kerasedu.autograd import Tensor
    >>> Tensor([[1.0, 2.0, 3.0]]).reshape(3, 1).shape
    (3, 1)
"""

from kerasedu.autograd.function import Function
from kerasedu.backend.device import get_array_module


class Reshape(Function):
    """``x.reshape(shape)``; the gradient is reshaped back."""

    def forward(self, x, shape):
        self.in_shape = x.shape
        try:
            return x.reshape(shape)
        except ValueError:
            raise ValueError(f"reshape: cannot reshape a tensor of shape {tuple(x.shape)} "
                             f"({x.size} elements) into shape {tuple(shape)}.") from None

    def backward(self, grad):
        return grad.reshape(self.in_shape)


class Transpose(Function):
    """``x.transpose(axes)``; the gradient is transposed by the inverse permutation."""

    def forward(self, x, axes=None):
        self.axes = tuple(range(x.ndim))[::-1] if axes is None else tuple(a % x.ndim for a in axes)
        return x.transpose(self.axes)

    def backward(self, grad):
        inverse = [0] * len(self.axes)
        for i, a in enumerate(self.axes):
            inverse[a] = i
        return grad.transpose(inverse)


class GetItem(Function):
    """``x[index]``; the gradient is scattered back (repeated indices add up)."""

    def forward(self, x, index):
        self.index, self.in_shape, self.dtype = index, x.shape, x.dtype
        return x[index]

    def backward(self, grad):
        xp = get_array_module(grad)
        dx = xp.zeros(self.in_shape, dtype=grad.dtype)
        xp.add.at(dx, self.index, grad)  # add.at, not +=, so repeated indices accumulate
        return dx


def _plain_index(index):
    """Turn Tensors inside an index into arrays."""
    from kerasedu.autograd.tensor import Tensor

    if isinstance(index, Tensor):
        return index.data
    if isinstance(index, tuple):
        return tuple(i.data if isinstance(i, Tensor) else i for i in index)
    return index


def reshape(x, shape):
    """Return ``x`` with a new ``shape`` (one entry may be -1)."""
    return Reshape.apply(x, shape=tuple(shape))


def transpose(x, axes=None):
    """Return ``x`` with its axes permuted (reversed when ``axes`` is ``None``)."""
    return Transpose.apply(x, axes=axes)


def getitem(x, index):
    """Return ``x[index]`` (basic and advanced NumPy indexing)."""
    return GetItem.apply(x, index=_plain_index(index))
