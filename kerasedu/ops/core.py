"""``keras.ops``' core: tensors in and out, their shape and dtype, and control flow.

Keras compiles ``cond`` and the loops into a graph on JAX or TensorFlow; kerasedu runs
eagerly, so they are Python's ``if``, ``for`` and ``while``, with Keras's signatures.

Example:
    >>> from kerasedu import ops
    >>> ops.shape(ops.convert_to_tensor([[1.0, 2.0]]))
    (1, 2)
"""

import builtins

import numpy as np

from kerasedu.autograd import cast  # noqa: F401  (re-exported: keras.ops.cast)
from kerasedu.autograd.tensor import Tensor
from kerasedu.device import to_numpy

__all__ = [
    "cast", "cond", "convert_to_numpy", "convert_to_tensor", "fori_loop", "is_tensor", "ndim",
    "shape", "size", "slice", "stop_gradient", "while_loop",
]  # fmt: skip


def convert_to_tensor(x, dtype=None):
    """Return ``x`` (array, list, number or Tensor) as a Tensor, optionally cast.

    Example:
        >>> convert_to_tensor([1, 2], dtype="float32").dtype.name
        'float32'
    """
    tensor = x if isinstance(x, Tensor) else Tensor(x)
    return tensor if dtype is None else cast(tensor, dtype)


def convert_to_numpy(x):
    """Return ``x`` (a Tensor, CuPy or NumPy array) as a NumPy array.

    Example:
        >>> convert_to_numpy(convert_to_tensor([1.0, 1.0])).tolist()
        [1.0, 1.0]
    """
    return to_numpy(x.data if isinstance(x, Tensor) else x)


def shape(x):
    """Return the shape of ``x`` as a tuple of ints.

    Example:
        >>> shape(np.zeros((4, 2)))
        (4, 2)
    """
    return tuple(np.shape(x.data if isinstance(x, Tensor) else x))


def ndim(x):
    """The number of axes of ``x``, an int.

    Example:
        >>> ndim(np.zeros((4, 2)))
        2
    """
    return len(shape(x))


def size(x):
    """The number of elements of ``x``, an int.

    Example:
        >>> size(np.zeros((4, 2)))
        8
    """
    return int(np.prod(shape(x)))


def slice(inputs, start_indices, shape):  # noqa: A001  (Keras's name)
    """The block of ``inputs`` of size ``shape`` starting at ``start_indices``, differentiable.

    Example:
        >>> slice(np.arange(12.0).reshape(3, 4), (1, 1), (2, 2)).numpy().tolist()
        [[5.0, 6.0], [9.0, 10.0]]
    """
    starts = [int(i) for i in start_indices]
    block = tuple(builtins.slice(s, s + int(n)) for s, n in zip(starts, shape))
    return convert_to_tensor(inputs)[block]


def is_tensor(x):
    """Whether ``x`` is a kerasedu Tensor (a NumPy array is not).

    Example:
        >>> is_tensor(convert_to_tensor([1.0])), is_tensor(np.ones(1))
        (True, False)
    """
    return isinstance(x, Tensor)


def stop_gradient(variable):
    """The same values, cut from the graph: no gradient flows back through the result.

    Example:
        >>> w = Tensor([2.0], requires_grad=True)
        >>> stop_gradient(w * 3).requires_grad
        False
    """
    return convert_to_tensor(variable).detach()


def cond(pred, true_fn, false_fn):
    """Return ``true_fn()`` if ``pred`` is true, else ``false_fn()``.

    Example:
        >>> cond(convert_to_tensor(1.0) > 0, lambda: "positive", lambda: "not")
        'positive'
    """
    return true_fn() if bool(pred) else false_fn()


def fori_loop(lower, upper, body_fun, init_val):
    """Run ``val = body_fun(i, val)`` for ``i`` in ``range(lower, upper)``; return ``val``.

    Example:
        >>> fori_loop(0, 4, lambda i, total: total + i, 0)
        6
    """
    value = init_val
    for index in range(int(lower), int(upper)):
        value = body_fun(index, value)
    return value


def while_loop(cond, body, loop_vars, maximum_iterations=None):
    """While ``cond(*loop_vars)``, ``loop_vars = body(*loop_vars)``, at most ``maximum_iterations``.

    A tuple or list of loop variables is unpacked into ``cond`` and ``body`` and a
    tuple is returned; a single variable is passed and returned as it is, as in Keras.

    Example:
        >>> while_loop(lambda x: x < 5, lambda x: x + 2, 0)
        6
        >>> while_loop(lambda i, total: i < 3, lambda i, total: (i + 1, total * 2), (0, 1))
        (3, 8)
    """
    several = isinstance(loop_vars, (tuple, list))
    values = tuple(loop_vars) if several else (loop_vars,)
    steps = 0
    while cond(*values) and (maximum_iterations is None or steps < maximum_iterations):
        values = body(*values)
        values = tuple(values) if several else (values,)
        steps += 1
    return values if several else values[0]
