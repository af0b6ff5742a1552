"""Matrix product: ``a @ b``, batched like NumPy's matmul.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> (Tensor([[1.0, 2.0]]) @ Tensor([[3.0], [4.0]])).numpy().tolist()
    [[11.0]]
"""

from kerasedu.autograd.function import Function, unbroadcast
from kerasedu.device import get_array_module


class MatMul(Function):
    """``y = a @ b``; shapes ``(..., n, k) @ (..., k, m) -> (..., n, m)``."""

    def forward(self, a, b):
        if a.ndim == 0 or b.ndim == 0 or a.shape[-1] != b.shape[-2 if b.ndim > 1 else 0]:
            raise ValueError(
                f"matmul: shapes {tuple(a.shape)} and {tuple(b.shape)} are not aligned "
                "(the last axis of a must equal the second-to-last axis of b)."
            )
        self.save_for_backward(a, b)
        return a @ b

    def backward(self, grad):
        a, b = self.saved
        xp = get_array_module(a)
        a2 = a[None, :] if a.ndim == 1 else a  # treat vectors as 1-row / 1-column matrices
        b2 = b[:, None] if b.ndim == 1 else b
        g2 = grad.reshape(grad.shape + (1,) * (b.ndim == 1))
        g2 = g2[..., None, :] if a.ndim == 1 else g2
        da = db = None
        if self.needs_input_grad[0]:  # skipped for input data: a third of an MLP's FLOPs
            da = unbroadcast(g2 @ xp.swapaxes(b2, -1, -2), a2.shape).reshape(a.shape)  # dA = G B^T
        if self.needs_input_grad[1]:
            db = unbroadcast(xp.swapaxes(a2, -1, -2) @ g2, b2.shape).reshape(b.shape)  # dB = A^T G
        return da, db


def matmul(a, b):
    """Return the matrix product ``a @ b`` (see `MatMul`)."""
    return MatMul.apply(a, b)
