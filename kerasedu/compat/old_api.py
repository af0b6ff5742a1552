"""Keras 1/2 names that Keras 3 removed: ``Convolution1D/2D``, ``merge``, ``optimizer.lr``...

Each one runs the Keras 3 code it was replaced by and warns with the modern
name. `kerasedu.compat` puts them back where old tutorials look for them
(``kerasedu.layers.Convolution2D``, ``kerasedu.layers.merge``...).

Example:
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     Convolution2D(4, 3, 3)(np.ones((1, 5, 5, 1))).shape
    (1, 3, 3, 4)
"""

import functools
import warnings

from kerasedu.diagnostics import stacklevel_outside_kerasedu
from kerasedu.layers.conv import Conv1D, Conv2D
from kerasedu.layers.merging import Add, Average, Concatenate, Dot, Maximum, Multiply


class Convolution1D(Conv1D):
    """Keras 1's name for `Conv1D`; accepts ``nb_filter``, ``filter_length``, ``border_mode``...

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     layer = Convolution1D(nb_filter=4, filter_length=3)
        >>> layer.filters, layer.kernel_size
        (4, (3,))
    """


class Convolution2D(Conv2D):
    """Keras 1's name for `Conv2D`; also its positional form ``(nb_filter, nb_row, nb_col)``.

    ``Convolution2D(32, 3, 3)`` means 32 filters of size 3x3 (in Keras 3,
    ``Conv2D(32, 3, 3)`` would mean strides 3), so this class converts it,
    with a DeprecationWarning.

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     layer = Convolution2D(32, 3, 3, border_mode="same")
        >>> layer.kernel_size, layer.padding
        ((3, 3), 'same')
    """

    def __init__(self, *args, **kwargs):
        if len(args) >= 3 and isinstance(args[1], int) and isinstance(args[2], int):
            warnings.warn(
                "Convolution2D(nb_filter, nb_row, nb_col) is the Keras 1 form; use "
                f"Conv2D({args[0]}, kernel_size=({args[1]}, {args[2]})) instead.",
                DeprecationWarning,
                stacklevel=stacklevel_outside_kerasedu(),
            )
            args = (args[0], (args[1], args[2]), *args[3:])
        super().__init__(*args, **kwargs)


_MODES = {
    "sum": "add",
    "mul": "multiply",
    "ave": "average",
    "max": "maximum",
    "concat": "concatenate",
    "dot": "dot",
    "cos": "dot(normalize=True)",
}


def merge(inputs, mode="sum", concat_axis=-1, dot_axes=-1, name=None):
    """Keras 1's merge function: combine ``inputs`` according to ``mode`` (deprecated).

    Args:
        inputs: List of inputs.
        mode: ``"sum"``, ``"mul"``, ``"ave"``, ``"max"``, ``"concat"``, ``"dot"``
            or ``"cos"``. Defaults to ``"sum"``.
        concat_axis: Axis for ``"concat"``. Defaults to ``-1``.
        dot_axes: Axes for ``"dot"`` and ``"cos"``. Defaults to ``-1``.
        name: Name of the created layer. Defaults to ``None`` (automatic).

    Returns:
        The merged output (what the modern function returns).

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     merge([np.ones((1, 2)), np.ones((1, 2))], mode="concat").shape
        (1, 4)
    """
    if mode not in _MODES:
        raise ValueError(
            f"Unknown merge mode. Valid modes are: {sorted(_MODES)}. Received: mode={mode!r}"
        )
    warnings.warn(
        f"`merge(..., mode='{mode}')` is the Keras 1 API (removed in Keras 2); use "
        f"`{_MODES[mode]}(inputs)` (or the layer class) from kerasedu.layers instead.",
        DeprecationWarning,
        stacklevel=stacklevel_outside_kerasedu(),
    )
    layers = {"sum": Add, "mul": Multiply, "ave": Average, "max": Maximum}
    if mode in layers:
        return layers[mode](name=name)(inputs)
    if mode == "concat":
        return Concatenate(axis=concat_axis, name=name)(inputs)
    return Dot(axes=dot_axes, normalize=(mode == "cos"), name=name)(inputs)


def _warn_optimizer_lr():
    warnings.warn(
        "`optimizer.lr` is the Keras 2 name; use `optimizer.learning_rate`.",
        DeprecationWarning,
        stacklevel=stacklevel_outside_kerasedu(),
    )


def _get_lr(optimizer):
    _warn_optimizer_lr()
    return optimizer.learning_rate


def _set_lr(optimizer, value):
    _warn_optimizer_lr()
    optimizer.learning_rate = value


optimizer_lr = property(_get_lr, _set_lr, doc="Keras 1/2 name of `learning_rate` (deprecated).")


# The Keras 2 (and early kerasedu) order of add_weight's arguments, name first.
_ADD_WEIGHT_KERAS2 = ("name", "shape", "initializer", "regularizer", "constraint", "trainable")


def accepts_keras2_add_weight(add_weight):
    r"""Wrap `Layer.add_weight` so that the Keras 2 form ``add_weight("kernel", shape, ...)`` works.

    Keras 3 takes the shape first and the name as a keyword. The old form still
    works, with a DeprecationWarning that spells out the Keras 3 call.

    Example:
        >>> import warnings
        >>> from kerasedu.layers import Layer
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     w = Layer(name="demo").add_weight("scale", (2,), "ones")
        >>> w.name, w.numpy().tolist()
        ('demo/scale', [1.0, 1.0])
        >>> print(str(caught[0].message).replace(": ", ":\n"))
        add_weight('scale', ...) is the Keras 2 form; Keras 3 takes the name as a keyword:
        add_weight(shape=(2,), initializer='ones', name='scale').
    """

    @functools.wraps(add_weight)  # help() and the API pages show the Keras 3 method
    def wrapper(self, *args, **kwargs):
        if not (args and isinstance(args[0], str)):
            return add_weight(self, *args, **kwargs)
        old = dict(zip(_ADD_WEIGHT_KERAS2, args))
        both = sorted(set(old) & set(kwargs))
        if both:
            raise TypeError(f"add_weight() got {both} both by position and by keyword.")
        kwargs = {**old, **kwargs}
        shown = ", ".join(f"{k}={_short(v)}" for k, v in kwargs.items() if k != "name")
        warnings.warn(
            f"add_weight({args[0]!r}, ...) is the Keras 2 form; Keras 3 takes the name "
            f"as a keyword: add_weight({shown}, name={args[0]!r}).",
            DeprecationWarning,
            stacklevel=stacklevel_outside_kerasedu(),
        )
        return add_weight(self, **kwargs)

    return wrapper


def _short(value):
    """``repr(value)`` for what reads well in code (``'ones'``, ``(2, 3)``), else ``...``."""
    return repr(value) if isinstance(value, (str, int, float, tuple, list)) else "..."
