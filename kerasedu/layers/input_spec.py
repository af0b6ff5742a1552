"""`InputSpec`: what a layer accepts, checked on every call so shape errors are clear.

Also how inputs enter a layer: `to_tensors` turns arrays into Tensors and
`batch_shapes` gives the shape(s) ``build`` receives.

A layer sets ``self.input_spec`` (usually in ``build``, once the sizes are
known); ``Layer.__call__`` then checks every input against it with
`assert_input_compatibility`, on real data and on symbolic inputs alike. A
functional model has one spec per input, with the full shape of its `Input`.

Example:
    >>> spec = InputSpec(min_ndim=2, axes={-1: 4})
    >>> spec.check("dense", (32, 4))  # passes silently
    >>> InputSpec(shape=(None, 784)).check("mlp", (32, 100))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: Input 0 of layer 'mlp' is incompatible with the layer: expected shape=(None, 78...
"""

from kerasedu.autograd.tensor import Tensor


class InputSpec:
    """Rank and axis-size requirements of a layer's input.

    Args:
        ndim: Exact rank required, or ``None``.
        min_ndim: Minimum rank, or ``None``.
        axes: ``{axis: size}`` that must hold (negative axes count from the end).
        shape: Full expected shape; ``None`` entries are free and the batch
            axis is never checked. Sets ``ndim``.
        name: Name of the input (a functional model's inputs may come in a dict by name).
    """

    def __init__(self, ndim=None, min_ndim=None, axes=None, shape=None, name=None):
        self.ndim = len(shape) if shape is not None else ndim
        self.min_ndim = min_ndim
        self.axes = dict(axes or {})
        self.shape = None if shape is None else tuple(shape)
        self.name = name

    def expected(self):
        """Describe the expected shape for error messages, e.g. ``(None, 784)``."""
        if self.shape is not None:
            return str(self.shape)
        rank = self.ndim or self.min_ndim or (max(abs(a) for a in self.axes) if self.axes else 1)
        dims = ["None"] * rank
        for axis, size in self.axes.items():
            dims[axis] = str(size)
        prefix = "" if self.ndim else "(..., " if self.min_ndim and len(dims) > 1 else "("
        body = ", ".join(dims[1:] if prefix == "(..., " else dims)
        return f"{prefix or '('}{body})"

    def check(self, layer_name, shape, index=0):
        """Raise a ValueError naming the layer, the expected and the received shape."""
        shape = tuple(shape)
        ok = self.ndim is None or len(shape) == self.ndim
        ok = ok and (self.min_ndim is None or len(shape) >= self.min_ndim)
        for axis, size in self.axes.items():
            ok = ok and -len(shape) <= axis < len(shape) and shape[axis] in (size, None)
        if ok and self.shape is not None and shape[1:] != self.shape[1:]:  # axis 0: any batch
            ok = all(e is None or s is None or e == s for e, s in zip(self.shape[1:], shape[1:]))
        if not ok:
            raise ValueError(
                f"Input {index} of layer '{layer_name}' is incompatible with the layer: "
                f"expected shape={self.expected()}, but received input with shape={shape}."
                + self._missing_axis_hint(shape)
            )

    def _missing_axis_hint(self, shape):
        """A hint when the input lacks exactly the last (channel) axis the layer reads."""
        if self.ndim is None or self.ndim < 3 or len(shape) != self.ndim - 1 or -1 not in self.axes:
            return ""
        fixed = ", ".join(str(d) for d in ("N" if shape[0] is None else shape[0], *shape[1:], 1))
        return (
            f" The channel (last) axis is missing: the layer read the last axis, "
            f"{shape[-1]}, as the channels. Add it with x[..., None] or "
            f"np.expand_dims(x, -1), giving shape ({fixed}), and set the input shape "
            f"to {tuple(shape[1:]) + (1,)}."
        )


def assert_input_compatibility(input_spec, inputs, layer_name):
    """Check ``inputs`` (Tensors or KerasTensors) against a layer's ``input_spec``.

    Args:
        input_spec: One `InputSpec` (it checks a single input, reported with
            ``None`` for the batch axis; lists of inputs pass), or a list with one
            `InputSpec` per input (a model's: the data's shapes are reported as received).
        inputs: A tensor, or a list (or a dict by input name) of them.
        layer_name: Name shown in the error message.

    Raises:
        ValueError: If the number of inputs or a shape does not fit.
    """
    if isinstance(input_spec, InputSpec):
        if not isinstance(inputs, (list, tuple, dict)):  # a layer's spec: the batch size is free
            input_spec.check(layer_name, (None, *tuple(inputs.shape)[1:]))
        return
    if isinstance(inputs, dict):
        if any(spec.name not in inputs for spec in input_spec):
            return  # the model's call names the missing inputs
        inputs = [inputs[spec.name] for spec in input_spec]
    flat = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
    if len(flat) != len(input_spec):
        raise ValueError(
            f"Layer '{layer_name}' expects {len(input_spec)} input(s) with shapes "
            f"{[spec.shape for spec in input_spec]}, but it received {len(flat)}."
        )
    for index, (spec, x) in enumerate(zip(input_spec, flat)):
        spec.check(layer_name, x.shape, index)


def adjust_input_rank(input_spec, inputs):
    """Give a model's input its missing last axis of size 1, as Keras 3's Functional does.

    ``np.linspace(-1, 1, 200)`` fed to a model whose `Input` is ``(None, 1)``
    becomes a column of shape ``(200, 1)``: Keras reads a 1-D array as one feature
    per sample. Only a model's specs (a list, each with a full ``shape``) adjust;
    a single layer's input is never reshaped.

    Example:
        >>> import numpy as np
        >>> from kerasedu.autograd import Tensor
        >>> adjust_input_rank([InputSpec(shape=(None, 1))], Tensor(np.zeros(5))).shape
        (5, 1)
    """
    if not isinstance(input_spec, list) or isinstance(inputs, dict):
        return inputs
    if not isinstance(inputs, (list, tuple)):  # one input
        return _with_last_axis(input_spec[0], inputs) if len(input_spec) == 1 else inputs
    if len(inputs) != len(input_spec):
        return inputs  # assert_input_compatibility reports the count
    return [_with_last_axis(spec, x) for spec, x in zip(input_spec, inputs)]


def _with_last_axis(spec, x):
    shape = x.data.shape  # x is a Tensor: Layer.__call__ converted the data
    if spec.shape is not None and len(shape) == len(spec.shape) - 1 and spec.shape[-1] == 1:
        return x.reshape(*shape, 1)
    return x


def to_tensors(inputs, dtype):
    """Convert arrays to Tensors; floats take the layer's dtype, integers stay (Embedding)."""
    if isinstance(inputs, dict):  # a model's inputs by name
        return {key: to_tensors(x, dtype) for key, x in inputs.items()}
    if isinstance(inputs, (list, tuple)):
        return [to_tensors(x, dtype) for x in inputs]
    tensor = inputs if isinstance(inputs, Tensor) else Tensor(inputs)
    if tensor.data.dtype.kind == "f" and tensor.data.dtype != dtype and not tensor.requires_grad:
        mask = getattr(tensor, "_keras_mask", None)  # the copy keeps the mask, as in Keras
        tensor = tensor.astype(dtype)
        tensor._keras_mask = mask
    return tensor


def batch_shapes(inputs):
    """The input shape(s) as ``build`` receives them: ``None`` for the batch axis."""
    if isinstance(inputs, dict):
        return {key: (None, *x.shape[1:]) for key, x in inputs.items()}
    if isinstance(inputs, list):
        return [(None, *x.shape[1:]) for x in inputs]
    return (None, *inputs.shape[1:])
