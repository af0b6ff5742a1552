"""``keras.ops.nn``: the activations, one-hot encoding, cross-entropies and moments.

Each activation is the autograd op itself; ``gelu`` is approximate by default, as in
``keras.ops.gelu``. The cross-entropies are the losses' own functions
(`kerasedu.losses.probabilistic`), with ``keras.ops``' argument names.

Example:
    >>> from kerasedu import ops
    >>> ops.relu(ops.convert_to_tensor([-1.0, 2.0])).numpy().tolist()
    [0.0, 2.0]
"""

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
    "binary_crossentropy", "categorical_crossentropy", "elu", "gelu", "hard_sigmoid",
    "leaky_relu", "log_sigmoid", "log_softmax", "moments", "one_hot", "relu", "relu6", "selu",
    "sigmoid", "silu", "softmax", "softplus", "softsign", "sparse_categorical_crossentropy",
    "swish",
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
