"""`InputSpec`: what a layer accepts, checked on every call so shape errors are clear.

Example:
    >>> spec = InputSpec(min_ndim=2, axes={-1: 4})
    >>> spec.check("dense", (32, 4))  # passes silently
"""


class InputSpec:
    """Rank and axis-size requirements of a layer's input.

    Args:
        ndim: Exact rank required, or ``None``.
        min_ndim: Minimum rank, or ``None``.
        axes: ``{axis: size}`` that must hold (negative axes count from the end).
        shape: Full expected shape, shown in error messages (``None`` entries are free).
    """

    def __init__(self, ndim=None, min_ndim=None, axes=None, shape=None):
        self.ndim = ndim
        self.min_ndim = min_ndim
        self.axes = dict(axes or {})
        self.shape = shape

    def expected(self):
        """Describe the expected shape for error messages, e.g. ``(None, 784)``."""
        if self.shape is not None:
            return str(tuple(self.shape))
        rank = self.ndim or self.min_ndim or (max(abs(a) for a in self.axes) if self.axes else 1)
        dims = ["None"] * rank
        for axis, size in self.axes.items():
            dims[axis] = str(size)
        prefix = "" if self.ndim else "(..., " if self.min_ndim and len(dims) > 1 else "("
        body = ", ".join(dims[1:] if prefix == "(..., " else dims)
        return f"{prefix or '('}{body})"

    def check(self, layer_name, shape):
        """Raise a ValueError naming the layer, the expected and the received shape."""
        shape = tuple(shape)
        ok = self.ndim is None or len(shape) == self.ndim
        ok = ok and (self.min_ndim is None or len(shape) >= self.min_ndim)
        for axis, size in self.axes.items():
            ok = ok and -len(shape) <= axis < len(shape) and shape[axis] in (size, None)
        if not ok:
            raise ValueError(
                f"Input 0 of layer '{layer_name}' is incompatible with the layer: expected shape "
                f"{self.expected()}, but received input with shape {shape}."
            )
