"""Products: ``a @ b`` (batched like NumPy's matmul), `einsum` and `tensordot`.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> (Tensor([[1.0, 2.0]]) @ Tensor([[3.0], [4.0]])).numpy().tolist()
    [[11.0]]
"""

import string

import numpy as np

from kerasedu.autograd import ops_elementwise as ew
from kerasedu.autograd import ops_reduce as red
from kerasedu.autograd.function import Function, unbroadcast
from kerasedu.config import floatx
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


def result_dtype(*dtypes):
    """Return the dtype Keras gives a mix of ``dtypes``: a float wins over ints (no float64).

    Example:
        >>> result_dtype("int32", "float32").name
        'float32'
    """
    dtypes = [np.dtype(d) for d in dtypes]
    floats = [d for d in dtypes if d.kind == "f"]
    return np.result_type(*(floats or dtypes))


def parse_einsum(subscripts, count):
    """Return ``(input_subscripts, output_subscripts)`` of an einsum, the output made explicit.

    Without ``->`` (the implicit form) the output is every letter used once, in
    alphabetical order, as in NumPy: ``"ij,jk"`` means ``"ij,jk->ik"``.
    """
    text = subscripts.replace(" ", "")
    inputs, arrow, output = text.partition("->")
    terms = inputs.split(",")
    letters = inputs.replace(",", "")
    if not arrow:
        output = "".join(sorted(c for c in set(letters) if letters.count(c) == 1))
    problem = None
    if "." in text:
        problem = "the ellipsis '...' is not supported: name every axis with a letter"
    elif len(terms) != count:
        problem = f"it names {len(terms)} operands but {count} were given"
    elif not all(c.isalpha() for c in letters + output):
        problem = "subscripts must be letters"
    elif any(len(set(term)) != len(term) for term in terms + [output]):
        problem = "a letter repeated in one operand (a diagonal) is not supported"
    elif set(output) - set(letters):
        problem = "the output has a letter no operand has"
    if problem:
        raise ValueError(f"einsum: {problem}. Received: subscripts={subscripts!r}")
    return terms, output


class Einsum(Function):
    """``einsum(subscripts, *operands)``: sums of products over the letters not in the output.

    The output is linear in each operand, so an operand's gradient is the einsum of the
    output's gradient with the other operands, onto that operand's letters:
    for ``"ij,jk->ik"``, ``dA = einsum("ik,jk->ij", G, B)`` (that is ``G @ B.T``).
    """

    def forward(self, *operands, terms, output):
        sizes = {}
        for term, x in zip(terms, operands):
            if len(term) != x.ndim:
                raise ValueError(f"einsum: {term!r} names {len(term)} axes; shape {x.shape}.")
            for letter, n in zip(term, x.shape):
                if sizes.setdefault(letter, n) != n:
                    raise ValueError(f"einsum: axis {letter!r} has sizes {sizes[letter]} and {n}.")
        self.terms, self.output = terms, output
        self.dtypes = [x.dtype for x in operands]  # each gradient goes back in its input's dtype
        dtype = result_dtype(*self.dtypes)
        operands = [x.astype(dtype, copy=False) for x in operands]
        self.save_for_backward(*operands)
        spec = f"{','.join(terms)}->{output}"
        return get_array_module(*operands).einsum(spec, *operands, optimize=True)  # BLAS

    def backward(self, grad):
        operands = self.saved
        xp = get_array_module(grad)
        grads = []
        for i, (term, x) in enumerate(zip(self.terms, operands)):
            if not self.needs_input_grad[i]:
                grads.append(None)
                continue
            others = [t for j, t in enumerate(self.terms) if j != i]
            known = set(self.output).union(*others)
            # a letter only this operand has was summed away: its gradient is the same all along it
            target = "".join(c for c in term if c in known)
            spec = ",".join([self.output] + others) + "->" + target
            g = xp.einsum(spec, grad, *operands[:i], *operands[i + 1 :], optimize=True)
            g = g.reshape([n if c in known else 1 for c, n in zip(term, x.shape)])
            grads.append(xp.broadcast_to(g, x.shape).astype(self.dtypes[i], copy=False))
        return tuple(grads)


def einsum(subscripts, *operands):
    """Return ``np.einsum(subscripts, *operands)``, differentiable in every operand.

    Supports the explicit (``"ij,jk->ik"``) and implicit (``"ij,jk"``) forms; not the
    ellipsis nor a letter repeated within one operand. Mixed dtypes give `result_dtype`.

    Example:
        >>> einsum("ij,j->i", np.ones((2, 3)), np.arange(3.0)).numpy().tolist()
        [3.0, 3.0]
    """
    terms, output = parse_einsum(subscripts, len(operands))
    return Einsum.apply(*operands, terms=terms, output=output)


def tensordot(a, b, axes=2):
    """Return the sum of ``a * b`` over pairs of axes, as ``np.tensordot`` (an `einsum`).

    Args:
        a, b: Tensors or arrays.
        axes: ``n`` (the last ``n`` axes of ``a`` with the first ``n`` of ``b``) or a pair
            of axis lists ``(axes_of_a, axes_of_b)``. Defaults to 2.

    Shapes:
        the free axes of ``a`` followed by the free axes of ``b``.

    Example:
        >>> tensordot(np.ones((2, 3, 4)), np.ones((3, 4, 5))).shape
        (2, 5)
    """
    a_ndim, b_ndim = np.ndim(a), np.ndim(b)
    if isinstance(axes, (int, np.integer)):
        a_axes, b_axes = list(range(a_ndim - axes, a_ndim)), list(range(axes))
    else:
        a_axes, b_axes = ([k] if isinstance(k, (int, np.integer)) else list(k) for k in axes)
    a_axes, b_axes = [k % max(a_ndim, 1) for k in a_axes], [k % max(b_ndim, 1) for k in b_axes]
    a_term = string.ascii_letters[:a_ndim]
    b_term = list(string.ascii_letters[a_ndim : a_ndim + b_ndim])
    for i, j in zip(a_axes, b_axes):
        b_term[j] = a_term[i]  # a shared letter is summed over
    free = [c for k, c in enumerate(a_term) if k not in a_axes]
    free += [c for k, c in enumerate(b_term) if k not in b_axes]
    return einsum(f"{a_term},{''.join(b_term)}->{''.join(free)}", a, b)


def _vector_norm(x, ord, axis):
    """The ``ord``-norm of the vectors along ``axis`` (kept as a size-1 axis)."""
    if ord in (np.inf, -np.inf):
        reduce = red.max if ord > 0 else red.min
        return reduce(ew.abs(x), axis=axis, keepdims=True)
    if ord == 0:  # the count of non-zeros: a step function, no gradient
        nonzero = (x.data != 0).astype(x.dtype)
        return red.sum(nonzero, axis=axis, keepdims=True)
    if isinstance(ord, str):
        raise ValueError(f"norm: ord={ord!r} is for matrices; give two axes.")
    powers = ew.pow(ew.abs(x), float(ord))  # (sum |x|^p)^(1/p)
    return ew.pow(red.sum(powers, axis=axis, keepdims=True), 1.0 / ord)


def _matrix_norm(x, ord, axes):
    """The ``ord``-norm of the matrices over ``axes = (rows, cols)`` (kept as size-1 axes)."""
    rows, cols = axes
    if ord == "fro":
        return ew.sqrt(red.sum(ew.mul(x, x), axis=axes, keepdims=True))
    if ord not in (1, -1, np.inf, -np.inf):
        raise ValueError(f"norm: matrix ord={ord!r} needs singular values, not supported.")
    reduce = red.max if ord > 0 else red.min
    sum_axis, pick_axis = (rows, cols) if ord in (1, -1) else (cols, rows)
    # ord 1: the largest column sum of |x|; ord inf: the largest row sum
    return reduce(red.sum(ew.abs(x), axis=sum_axis, keepdims=True), axis=pick_axis, keepdims=True)


def norm(x, ord=None, axis=None, keepdims=False):
    """Return a vector or matrix norm of ``x``, as ``keras.ops.norm``; differentiable.

    Args:
        x: Tensor or array; an integer one gives a float32 norm.
        ord: ``None`` (the 2-norm, or Frobenius for two axes), for vectors a number
            ``p`` (``(sum |x|^p)^(1/p)``), ``inf``/``-inf`` (max/min of ``|x|``) or 0;
            for matrices ``"fro"``, 1/-1 (max/min column sum of ``|x|``) or inf/-inf (rows).
        axis: ``None`` (all axes: a vector or matrix), an int (vectors) or two ints (matrices).
        keepdims: Keep the reduced axes with size 1. Defaults to ``False``.

    Example:
        >>> norm(np.array([3.0, 4.0])).numpy().item()
        5.0
    """
    from kerasedu.autograd.tensor import as_tensor  # tensor.py imports this module

    x = as_tensor(x)
    if x.dtype.kind != "f":
        x = ew.cast(x, floatx())  # Keras: the norm of ints is float32
    axes = tuple(range(x.ndim)) if axis is None else (axis,) if isinstance(axis, int) else axis
    axes = tuple(a % max(x.ndim, 1) for a in axes)
    if ord is not None and len(axes) not in (1, 2):
        raise ValueError(f"norm: ord={ord!r} needs 1 or 2 axes. Received: axis={axis}")
    if ord is None:  # 2-norm of a vector, Frobenius of a matrix: both sqrt(sum x^2)
        y = ew.sqrt(red.sum(ew.mul(x, x), axis=axes, keepdims=True))
    elif len(axes) == 1:
        y = _vector_norm(x, ord, axes[0])
    else:
        y = _matrix_norm(x, ord, axes)
    return y if keepdims else y.reshape(tuple(n for i, n in enumerate(y.shape) if i not in axes))
