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
from kerasedu.autograd.gradcheck import GradcheckError, gradcheck, numerical_grad
from kerasedu.autograd.ops_conv import conv1d, conv2d, conv2d_transpose
from kerasedu.autograd.ops_elementwise import (
    abs,
    add,
    cast,
    div,
    exp,
    log,
    mul,
    neg,
    pow,
    sqrt,
    sub,
)
from kerasedu.autograd.ops_erf import erf, gelu
from kerasedu.autograd.ops_index import getitem, take
from kerasedu.autograd.ops_join import concatenate, split, stack
from kerasedu.autograd.ops_linalg import einsum, matmul, norm, tensordot
from kerasedu.autograd.ops_nn import (
    elu,
    exponential,
    hard_sigmoid,
    leaky_relu,
    relu,
    relu6,
    selu,
    sigmoid,
    silu,
    softplus,
    softsign,
    swish,
    tanh,
)
from kerasedu.autograd.ops_pool import avg_pool1d, avg_pool2d, max_pool1d, max_pool2d
from kerasedu.autograd.ops_reduce import cumsum, l2_normalize, max, mean, min, prod, sum
from kerasedu.autograd.ops_select import clip, maximum, minimum, where
from kerasedu.autograd.ops_shape import (
    expand_dims,
    pad,
    repeat,
    reshape,
    squeeze,
    tile,
    transpose,
)
from kerasedu.autograd.ops_softmax import log_softmax, softmax
from kerasedu.autograd.ops_trig import (
    arccos,
    arccosh,
    arcsin,
    arcsinh,
    arctan,
    arctan2,
    arctanh,
    cos,
    cosh,
    sin,
    sinh,
    tan,
)
from kerasedu.autograd.tensor import Tensor, as_tensor
from kerasedu.autograd.variable import Variable
