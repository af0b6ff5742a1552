"""Check an op's ``backward`` against finite differences.

The derivative of a scalar function ``f`` along one input element is
approximately the central difference ``(f(x + eps) - f(x - eps)) / (2 eps)``,
with an error of order ``eps**2``. `gradcheck` computes that for every input
element and compares it with what ``backward()`` gives. It works in float64,
where float32 rounding would swamp the difference.

Example:
    >>> from kerasedu.autograd import gradcheck
    >>> gradcheck(lambda x: (x * x).sum(), [np.array([1.0, 2.0])])
    True
"""

import numpy as np

from kerasedu.autograd.function import no_grad
from kerasedu.autograd.tensor import Tensor
from kerasedu.device import get_array_module, to_numpy, xp


class GradcheckError(ValueError):
    """Raised by `gradcheck` when analytic and numerical gradients disagree."""


def _prepare(inputs):
    """Float inputs become float64 Tensors that require a gradient; others pass through."""
    prepared = []
    for value in inputs:
        array = value.data if isinstance(value, Tensor) else value
        array = xp().asarray(to_numpy(array))  # onto the current device
        if array.dtype.kind == "f":
            prepared.append(Tensor(array.astype("float64"), requires_grad=True))
        else:
            prepared.append(array)  # e.g. integer indices: used, not checked
    return prepared


def _scalar_fn(fn, tensors):
    """Return ``g(*tensors) = sum(fn(*tensors) * weights)`` with fixed random weights."""
    output = fn(*tensors)
    if not isinstance(output, Tensor):
        raise TypeError(f"gradcheck: fn must return a Tensor. Received: {type(output).__name__}")
    if output.size == 1:
        return lambda *ts: fn(*ts).sum()
    # A random projection tests every output element's gradient in one backward pass.
    rng = np.random.default_rng(0)
    weights = get_array_module(output.data).asarray(rng.standard_normal(output.shape))
    return lambda *ts: (fn(*ts) * weights).sum()


def numerical_grad(fn, inputs, eps=1e-6):
    """Return central-difference gradients of scalar ``fn(*inputs)`` for each Tensor input.

    Args:
        fn: Function of the inputs returning a one-element Tensor.
        inputs: List of Tensors (float64 recommended); non-Tensors are passed
            through and get ``None``.
        eps: Step size. Defaults to ``1e-6``.

    Returns:
        List with one array per input (same shape), ``None`` for non-Tensors.

    Example:
        >>> x = Tensor(np.array([3.0]))
        >>> float(numerical_grad(lambda x: (x * x).sum(), [x])[0][0].round(6))
        6.0
    """
    grads = []
    with no_grad():
        for tensor in inputs:
            if not isinstance(tensor, Tensor):
                grads.append(None)
                continue
            data = tensor.data
            grad = get_array_module(data).zeros(data.shape, dtype=data.dtype)
            for index in np.ndindex(*data.shape):
                original = data[index].copy()
                data[index] = original + eps
                plus = float(fn(*inputs).item())
                data[index] = original - eps
                minus = float(fn(*inputs).item())
                data[index] = original  # restore before moving on
                grad[index] = (plus - minus) / (2 * eps)
            grads.append(grad)
    return grads


def gradcheck(fn, inputs, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True):
    """Compare the gradients from ``backward()`` with central differences.

    Args:
        fn: Function of the inputs (as Tensors) that returns a Tensor. A
            non-scalar output is reduced as ``sum(output * w)`` with fixed
            random weights ``w``.
        inputs: List of arrays or Tensors. Float ones are copied to float64
            and checked; integer ones (indices) are passed through unchanged.
        eps: Finite-difference step. Defaults to ``1e-6``.
        atol: Absolute tolerance. Defaults to ``1e-5``.
        rtol: Relative tolerance. Defaults to ``1e-3``.
        raise_exception: Raise `GradcheckError` on a mismatch (otherwise
            return ``False``). Defaults to ``True``.

    Returns:
        ``True`` when every element satisfies
        ``|analytic - numeric| <= atol + rtol * |numeric|``.

    Example:
        >>> from kerasedu.autograd import sigmoid
        >>> gradcheck(sigmoid, [np.array([[-1.0, 0.5], [2.0, 0.0]])])
        True
    """
    tensors = _prepare(inputs)
    scalar = _scalar_fn(fn, tensors)
    loss = scalar(*tensors)
    if loss.requires_grad:
        loss.backward()
    numeric = numerical_grad(scalar, tensors, eps)
    for i, (tensor, num) in enumerate(zip(tensors, numeric)):
        if num is None:
            continue
        analytic = tensor.grad if tensor.grad is not None else get_array_module(num).zeros_like(num)
        analytic, num = to_numpy(analytic), to_numpy(num)
        if analytic.shape != num.shape:
            message = (
                f"gradcheck: the gradient of input {i} has shape {analytic.shape}, but the "
                f"input has shape {num.shape}."
            )
            if raise_exception:
                raise GradcheckError(message)
            return False
        excess = np.abs(analytic - num) - (atol + rtol * np.abs(num))
        if excess.size and excess.max() > 0:
            worst = tuple(int(k) for k in np.unravel_index(int(np.argmax(excess)), excess.shape))
            message = (
                f"gradcheck failed for input {i} (shape {num.shape}) at index {worst}: "
                f"analytic {analytic[worst]:.8g} vs numeric {num[worst]:.8g} "
                f"(|difference| {abs(analytic[worst] - num[worst]):.3g} > atol + rtol * |numeric| "
                f"= {atol + rtol * abs(num[worst]):.3g}; {int((excess > 0).sum())} of "
                f"{num.size} elements fail)."
            )
            if raise_exception:
                raise GradcheckError(message)
            return False
    return True
