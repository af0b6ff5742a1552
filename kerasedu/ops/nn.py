"""``keras.ops.nn``: the activations, one-hot encoding, cross-entropies and moments.

Each activation is the autograd op itself; ``gelu`` is approximate by default, as in
``keras.ops.gelu``. The cross-entropies are the losses' own functions
(`kerasedu.losses.probabilistic`), with ``keras.ops``' argument names.

Example:
    >>> from kerasedu import ops
    >>> ops.relu(ops.convert_to_tensor([-1.0, 2.0])).numpy().tolist()
    [0.0, 2.0]
"""

import numpy as np

from kerasedu import autograd
from kerasedu.autograd import (  # noqa: F401  (re-exported under Keras 3's names)
    elu,
    hard_sigmoid,
    leaky_relu,
    log_softmax,
    relu,
    relu6,
    selu,
    sigmoid,
    silu,
    softmax,
    softplus,
    softsign,
    swish,
)
from kerasedu.autograd.tensor import Tensor
from kerasedu.config import floatx
from kerasedu.device import get_array_module
from kerasedu.losses import probabilistic
from kerasedu.ops.core import convert_to_tensor

__all__ = [
    "batch_normalization", "binary_crossentropy", "categorical_crossentropy",
    "dot_product_attention", "elu", "gelu", "hard_sigmoid", "leaky_relu", "log_sigmoid",
    "log_softmax", "moments", "normalize", "one_hot", "relu", "relu6", "selu", "sigmoid", "silu",
    "softmax", "softplus", "softsign", "sparse_categorical_crossentropy", "swish",
]  # fmt: skip


def gelu(x, approximate=True):
    """Return the GELU of ``x``; ``keras.ops.gelu`` uses the tanh approximation by default.

    Example:
        >>> gelu(convert_to_tensor([0.0])).numpy().tolist()
        [0.0]
    """
    return autograd.gelu(x, approximate=approximate)


def one_hot(x, num_classes, axis=-1, dtype=None):
    """Return the one-hot encoding of the integer labels ``x``: a new axis of ``num_classes``.

    Shapes:
        ``x.shape`` -> ``x.shape`` with ``num_classes`` inserted at ``axis`` (last by default).

    Example:
        >>> one_hot(convert_to_tensor([0, 2]), 3).numpy().tolist()
        [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    """
    labels = convert_to_tensor(x).data.astype("int64")
    module = get_array_module(labels)
    encoded = (labels[..., None] == module.arange(num_classes)).astype(dtype or floatx())
    return Tensor(module.moveaxis(encoded, -1, axis))


def log_sigmoid(x):
    """Return ``log(sigmoid(x)) = -softplus(-x)``, without the log of 0 for very negative ``x``.

    Example:
        >>> round(log_sigmoid(convert_to_tensor([0.0])).numpy().item(), 4)
        -0.6931
    """
    return -softplus(-convert_to_tensor(x))


def binary_crossentropy(target, output, from_logits=False):
    """Binary cross-entropy of each element (no mean: ``keras.ops`` leaves the reduction to you).

    Shapes:
        ``target`` and ``output`` of one shape -> that shape.

    Example:
        >>> binary_crossentropy([[1.0, 0.0]], [[0.5, 0.5]]).numpy()
        array([[0.6931472, 0.6931472]], dtype=float32)
    """
    target, output = convert_to_tensor(target), convert_to_tensor(output)
    return probabilistic.binary_crossentropy_elements(target, output, from_logits)


def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """Cross-entropy of one-hot ``target`` and ``output`` over the class ``axis``.

    Shapes:
        ``(N, C)`` and ``(N, C)`` -> ``(N,)``.

    Example:
        >>> categorical_crossentropy([[0.0, 1.0]], [[0.5, 0.5]]).numpy()
        array([0.6931472], dtype=float32)
    """
    return probabilistic.categorical_crossentropy(target, output, from_logits, axis=axis)


def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """Cross-entropy of integer class ``target`` and ``output`` over the class ``axis``.

    Shapes:
        ``(N,)`` and ``(N, C)`` -> ``(N,)``.

    Example:
        >>> sparse_categorical_crossentropy([1], [[0.5, 0.5]]).numpy()
        array([0.6931472], dtype=float32)
    """
    return probabilistic.sparse_categorical_crossentropy(target, output, from_logits, axis=axis)


def moments(x, axes, keepdims=False, synchronized=False):
    """Return ``(mean, variance)`` of ``x`` over ``axes``, both differentiable.

    ``synchronized`` (for several devices) changes nothing on one device.

    Shapes:
        ``(N, C)`` with ``axes=[0]`` -> two ``(C,)`` Tensors.

    Example:
        >>> mean, variance = moments(convert_to_tensor([[1.0], [3.0]]), axes=[0])
        >>> mean.numpy().tolist(), variance.numpy().tolist()
        ([2.0], [1.0])
    """
    x, axes = convert_to_tensor(x), tuple(axes)
    mean = autograd.mean(x, axis=axes, keepdims=True)
    variance = autograd.mean((x - mean) * (x - mean), axis=axes, keepdims=keepdims)
    return (mean if keepdims else autograd.squeeze(mean, axes)), variance


def normalize(x, axis=-1, order=2, epsilon=None):
    """Divide ``x`` by its L1 (``order=1``) or L2 (``order=2``) norm along ``axis``.

    Example:
        >>> normalize(np.array([[3.0, 4.0]]), order=1).numpy().tolist()
        [[0.42857142857142855, 0.5714285714285714]]
    """
    if order == 2:
        return autograd.l2_normalize(x, axis=axis, epsilon=epsilon)
    if order != 1:
        raise ValueError(f"kerasedu's normalize takes order=1 or 2. Received: order={order!r}")
    x = convert_to_tensor(x)
    norm = autograd.sum(autograd.abs(x), axis=axis, keepdims=True)
    return x / autograd.maximum(norm, 1e-7 if epsilon is None else epsilon)


def batch_normalization(x, mean, variance, axis, offset=None, scale=None, epsilon=1e-3):
    """``(x - mean) / sqrt(variance + epsilon) * scale + offset``, the statistics along ``axis``.

    Shapes:
        ``x (N, ..., C)`` with ``axis=-1`` and ``mean``, ``variance``, ``offset``,
        ``scale`` of shape ``(C,)`` -> the shape of ``x``.

    Example:
        >>> x = convert_to_tensor([[1.0, 10.0], [3.0, 30.0]])
        >>> batch_normalization(x, [2.0, 20.0], [1.0, 100.0], axis=-1, epsilon=0.0).numpy().tolist()
        [[-1.0, -1.0], [1.0, 1.0]]
    """
    x = convert_to_tensor(x)
    shape = [1] * x.ndim
    shape[axis] = x.shape[axis]

    def along_axis(values):  # (C,) -> broadcastable against x, in x's dtype
        return autograd.reshape(convert_to_tensor(values, dtype=x.dtype), shape)

    result = (x - along_axis(mean)) / autograd.sqrt(along_axis(variance) + epsilon)
    if scale is not None:
        result = result * along_axis(scale)
    return result if offset is None else result + along_axis(offset)


def dot_product_attention(query, key, value, bias=None, mask=None, scale=None, is_causal=False):
    """Scaled dot-product attention, the heart of a Transformer: ``softmax(q k^T * scale) v``.

    Each query position mixes the values of all key positions, weighted by how well its
    query matches each key. ``mask`` (True: may attend) and ``is_causal`` (no position
    sees a later one) set the excluded weights to 0.

    Shapes:
        ``query (B, T, N, H)``, ``key`` and ``value (B, S, K, H)`` with ``N`` query heads
        and ``K`` key/value heads (``N`` a multiple of ``K``) -> ``(B, T, N, H)``;
        ``bias`` and ``mask`` broadcast against the weights ``(B, N, T, S)``;
        ``scale`` defaults to ``1 / sqrt(H)``.

    Example:
        >>> q = convert_to_tensor(np.ones((1, 2, 1, 4)))
        >>> dot_product_attention(q, q, q, is_causal=True).shape
        (1, 2, 1, 4)
    """
    q, k, v = (autograd.transpose(convert_to_tensor(t), (0, 2, 1, 3)) for t in (query, key, value))
    if k.shape[1] != q.shape[1]:  # grouped-query attention: each key head serves several
        k, v = (autograd.repeat(t, q.shape[1] // t.shape[1], axis=1) for t in (k, v))
    scale = 1.0 / np.sqrt(q.shape[-1]) if scale is None else scale
    logits = autograd.matmul(q, autograd.transpose(k, (0, 1, 3, 2))) * scale  # (B, N, T, S)
    if bias is not None:
        logits = logits + convert_to_tensor(bias)
    xp = get_array_module(logits.data)
    allowed = xp.ones(logits.shape[-2:], dtype=bool)
    if is_causal:
        allowed = xp.tril(allowed)
    if mask is not None:
        allowed = allowed & convert_to_tensor(mask).data.astype(bool)
    if not allowed.all():  # a large negative logit: a weight of 0 after the softmax
        logits = autograd.where(Tensor(allowed), logits, -1e9)
    weights = softmax(logits, axis=-1)
    return autograd.transpose(autograd.matmul(weights, v), (0, 2, 1, 3))
