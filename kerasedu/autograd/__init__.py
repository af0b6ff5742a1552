"""Reverse-mode automatic differentiation on NumPy/CuPy arrays.

`Tensor` holds an array and the op that made it; each op is a `Function` with a
``forward`` and a ``backward``. The lowercase functions (``matmul``, ``relu``...)
are the public entry points.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> x = Tensor(3.0, requires_grad=True)
    >>> (x * x).backward()
    >>> float(x.grad)
    6.0
"""

from kerasedu.autograd.function import Function, is_grad_enabled, no_grad, unbroadcast
from kerasedu.autograd.tensor import Tensor, as_tensor
from kerasedu.autograd.ops_elementwise import (
    abs, add, clip, div, exp, log, maximum, minimum, mul, neg, pow, sqrt, sub, where,
)
from kerasedu.autograd.ops_linalg import matmul
from kerasedu.autograd.ops_reduce import max, mean, min, sum
from kerasedu.autograd.ops_shape import getitem, reshape, transpose
from kerasedu.autograd.ops_nn import relu, sigmoid, tanh
