"""``keras.ops.math``: functions NumPy lacks (``logsumexp``, ``top_k``, ``rsqrt``...).

``logsumexp`` is the trick behind every stable softmax: subtract the largest value
before ``exp`` so nothing overflows, add it back after the ``log``.

Example:
    >>> from kerasedu import ops
    >>> round(float(ops.logsumexp(ops.convert_to_tensor([100.0, 100.0]))), 3)  # exp(100): inf
    100.693
"""

import numpy as np

from kerasedu import autograd
from kerasedu.autograd.tensor import Tensor
from kerasedu.device import get_array_module
from kerasedu.ops.core import convert_to_tensor
from kerasedu.ops.numpy_array import take_along_axis

__all__ = ["in_top_k", "logsumexp", "rsqrt", "scatter", "scatter_update", "segment_sum", "top_k"]


def logsumexp(x, axis=None, keepdims=False):
    """Return ``log(sum(exp(x)))`` over ``axis`` (all axes by default), without overflow.

    The largest value ``m`` is taken out first: ``m + log(sum(exp(x - m)))``. ``m``
    is a constant for the gradient, which is ``softmax(x)`` all the same.

    Shapes:
        ``(N, C)`` with ``axis=-1`` -> ``(N,)`` (``(N, 1)`` with ``keepdims``).

    Example:
        >>> round(float(logsumexp(convert_to_tensor([0.0, 0.0]))), 4)
        0.6931
    """
    x = convert_to_tensor(x)
    peak = Tensor(x.data.max(axis=axis, keepdims=True))  # a constant: no gradient through it
    result = autograd.log(autograd.sum(autograd.exp(x - peak), axis=axis, keepdims=True)) + peak
    shape = get_array_module(x.data).sum(x.data, axis=axis, keepdims=keepdims).shape
    return autograd.reshape(result, shape)


def rsqrt(x):
    """Return ``1 / sqrt(x)``, differentiable.

    Example:
        >>> rsqrt(convert_to_tensor([4.0])).numpy().tolist()
        [0.5]
    """
    return 1.0 / autograd.sqrt(convert_to_tensor(x))


def top_k(x, k, sorted=True):
    """The ``k`` largest values along the last axis and their indices (on ties, the lower first).

    The values are picked from ``x`` by index, so the gradient flows back to the
    entries chosen. They always come sorted, largest first (``sorted`` is accepted for Keras).

    Shapes:
        ``(..., n)`` -> values and int32 indices ``(..., k)``.

    Example:
        >>> values, indices = top_k(convert_to_tensor([1.0, 3.0, 3.0, 2.0]), 2)
        >>> values.numpy().tolist(), indices.numpy().tolist()
        ([3.0, 3.0], [1, 2])
    """
    x = convert_to_tensor(x)
    xp = get_array_module(x.data)
    signed = x.data.astype(
        "float64" if x.dtype.kind in "fc" else "int64"
    )  # -x for uint and bool too
    indices = xp.argsort(-signed, axis=-1, kind="stable")[..., :k]  # stable: ties keep their order
    return take_along_axis(x, indices, axis=-1), Tensor(indices.astype("int32"))


def in_top_k(targets, predictions, k):
    """Whether each sample's target class scores among its ``k`` highest predictions.

    A target tied with the ``k``-th highest score counts as in, as in Keras.

    Shapes:
        ``targets (N,)`` integer classes, ``predictions (N, C)`` -> ``(N,)`` booleans.

    Example:
        >>> in_top_k([1, 0], [[0.1, 0.9], [0.2, 0.8]], k=1).numpy().tolist()
        [True, False]
    """
    scores = convert_to_tensor(predictions).data
    xp = get_array_module(scores)
    labels = xp.asarray(convert_to_tensor(targets).data, dtype="int64")
    target_scores = xp.take_along_axis(scores, labels[:, None], axis=-1)[:, 0]
    kth_highest = xp.sort(scores, axis=-1)[:, -k]
    return Tensor(target_scores >= kth_highest)


def segment_sum(data, segment_ids, num_segments=None, sorted=False):
    """Sum the rows of ``data`` that share a segment id: ``out[s] = sum(data[ids == s])``.

    A one-hot matrix of the ids times ``data``: a matmul, so the gradient flows to
    ``data``. ``sorted`` (whether the ids are sorted) changes nothing here.

    Shapes:
        ``data (N, ...)``, ``segment_ids (N,)`` -> ``(num_segments, ...)``;
        ``num_segments`` defaults to ``max(segment_ids) + 1``.

    Example:
        >>> segment_sum(convert_to_tensor([1.0, 2.0, 3.0]), [0, 0, 1]).numpy().tolist()
        [3.0, 3.0]
    """
    data = convert_to_tensor(data)
    xp = get_array_module(data.data)
    ids = xp.asarray(convert_to_tensor(segment_ids).data, dtype="int64")
    count = int(ids.max()) + 1 if num_segments is None else int(num_segments)
    one_hot = (xp.arange(count)[:, None] == ids[None, :]).astype(data.dtype)  # (segments, N)
    rows = autograd.reshape(data, (data.shape[0], -1))
    return autograd.reshape(autograd.matmul(Tensor(one_hot), rows), (count, *data.shape[1:]))


def scatter(indices, values, shape):
    """A Tensor of zeros of ``shape`` with ``values`` added at ``indices`` (repeats add up).

    It is `segment_sum` with each index turned into one flat position, so the gradient
    flows back to ``values``.

    Shapes:
        ``indices (n, d)`` pick positions in the first ``d`` axes of ``shape``;
        ``values (n, *shape[d:])``.

    Example:
        >>> scatter([[0, 1], [0, 1], [1, 0]], convert_to_tensor([1.0, 2.0, 5.0]), (2, 2)).numpy()
        array([[0., 3.],
               [5., 0.]], dtype=float32)
    """
    values = convert_to_tensor(values)
    xp = get_array_module(values.data)
    index = xp.asarray(convert_to_tensor(indices).data, dtype="int64")
    leading = tuple(shape[: index.shape[-1]])
    positions = xp.ravel_multi_index(tuple(index.T), leading)  # (n,) flat positions
    summed = segment_sum(values, positions, num_segments=int(np.prod(leading)))
    return autograd.reshape(summed, tuple(shape))


def scatter_update(inputs, indices, updates):
    """``inputs`` with the entries at ``indices`` replaced by ``updates``, differentiable in both.

    Shapes:
        ``indices (n, d)`` pick positions in the first ``d`` axes of ``inputs``.

    Example:
        >>> x = np.zeros((2, 2), dtype="float32")
        >>> scatter_update(x, [[1, 1]], convert_to_tensor([7.0])).numpy().tolist()
        [[0.0, 0.0], [0.0, 7.0]]
    """
    inputs = convert_to_tensor(inputs)
    updates = convert_to_tensor(updates, dtype=inputs.dtype)
    xp = get_array_module(inputs.data)
    index = xp.asarray(convert_to_tensor(indices).data, dtype="int64")
    hit = xp.zeros(inputs.shape[: index.shape[-1]], dtype=bool)  # the positions replaced
    hit[tuple(index.T)] = True
    hit = hit.reshape(hit.shape + (1,) * (inputs.ndim - hit.ndim))  # whole rows: broadcast
    return autograd.where(Tensor(hit), scatter(indices, updates, inputs.shape), inputs)
