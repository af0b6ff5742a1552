"""`kerasedu.ops`: Keras 3's ``keras.ops`` names, mapped onto kerasedu's autograd ops.

The Keras 3 guides write custom layers with ``from keras import ops`` and
``ops.matmul(x, w)``. This package gives those names, grouped much as Keras groups
them: `core` (tensors and control flow); `numpy`, `numpy_array`, `numpy_math`,
`numpy_stats` and `numpy_trig` (NumPy's functions); `nn` and `nn_windows` (activations,
losses, attention, convolution, pooling); `math` (a few more); and the namespace
`image`. Most are an autograd function (re-exported) or a composition of autograd ops,
so a gradient flows through ``ops.*`` exactly as through a layer; the few that are not
differentiable (``argmax``, comparisons, ``arange``...) return Tensors without a
gradient, as in Keras.

Example:
    >>> from kerasedu import ops
    >>> x = ops.ones((2, 3))
    >>> ops.sum(ops.matmul(x, ops.transpose(x))).numpy().item()
    12.0
    >>> ops.shape(ops.stack([x, x]))
    (2, 2, 3)
"""

import difflib

from kerasedu.ops import image  # keras.ops.image.resize...: a namespace of its own, as in Keras

# each module's __all__ lists the keras.ops names it defines: together, kerasedu.ops
from kerasedu.ops.core import *  # noqa: F403
from kerasedu.ops.math import *  # noqa: F403
from kerasedu.ops.nn import *  # noqa: F403
from kerasedu.ops.nn_windows import *  # noqa: F403
from kerasedu.ops.numpy import *  # noqa: F403
from kerasedu.ops.numpy_array import *  # noqa: F403
from kerasedu.ops.numpy_math import *  # noqa: F403
from kerasedu.ops.numpy_stats import *  # noqa: F403
from kerasedu.ops.numpy_trig import *  # noqa: F403


def __getattr__(name):
    """A name ``keras.ops`` has but kerasedu lacks (or a typo) fails with a hint."""
    if name.startswith("__"):
        raise AttributeError(name)
    known = [key for key, value in globals().items() if callable(value) and key[0] != "_"]
    close = difflib.get_close_matches(name, known, n=3)
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise AttributeError(
        f"kerasedu.ops has no {name!r}.{hint} It offers the keras.ops names in "
        f"dir(kerasedu.ops); for anything else compute on x.numpy() with NumPy."
    )
