"""``keras.ops.nn``: the activations, and one-hot encoding.

Each activation is the autograd op itself; ``gelu`` is approximate by default, as in
``keras.ops.gelu``.

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
from kerasedu.ops.core import convert_to_tensor

__all__ = [
    "elu", "gelu", "hard_sigmoid", "leaky_relu", "log_softmax", "one_hot", "relu", "relu6",
    "selu", "sigmoid", "silu", "softmax", "softplus", "softsign", "swish",
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
