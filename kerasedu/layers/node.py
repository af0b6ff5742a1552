"""Symbolic tensors and nodes: how the functional API records a graph of layers.

``Input(shape=(784,))`` returns a `KerasTensor`: a placeholder with a shape
(``None`` for the batch axis) and a dtype, but no values. Calling a layer on it
does not compute anything; it records a `Node` (this layer, called on these
inputs, gave these outputs) and returns new KerasTensors. Each KerasTensor
remembers the node that produced it (``_keras_history``), so a `Functional`
model can walk back from its outputs to its inputs and later replay the calls
on real data.

Example:
    >>> from kerasedu.layers import Dense, Input
    >>> x = Input(shape=(4,))
    >>> y = Dense(3)(x)
    >>> y.shape
    (None, 3)
    >>> layer, node_index, tensor_index = y._keras_history
    >>> type(layer).__name__, node_index, tensor_index
    ('Dense', 0, 0)
"""

import numpy as np

from kerasedu.autograd.function import no_grad
from kerasedu.autograd.tensor import Tensor
from kerasedu.config import floatx
from kerasedu.layers import mask_flow
from kerasedu.layers.input_spec import assert_input_compatibility
from kerasedu.naming import unique_name
from kerasedu.tree import flatten, map_structure


class KerasTensor:
    """A symbolic tensor: a shape and a dtype, but no values.

    Args:
        shape: Tuple; ``None`` marks an unknown size (the batch axis).
        dtype: Data type name. Defaults to ``floatx()`` (``"float32"``).
        name: Name shown in ``repr``; defaults to ``keras_tensor``, ``keras_tensor_1``...

    Example:
        >>> t = KerasTensor((None, 28, 28, 1))
        >>> t.shape, t.ndim, t.dtype
        ((None, 28, 28, 1), 4, 'float32')
    """

    def __init__(self, shape, dtype=None, name=None):
        self.shape = tuple(None if d is None else int(d) for d in shape)
        self.dtype = str(np.dtype(dtype or floatx()))
        self.name = name or unique_name("keras_tensor")
        self._keras_history = None  # (layer, node_index, tensor_index), set by Node

    @property
    def ndim(self):
        """The rank (number of axes), batch axis included."""
        return len(self.shape)

    def __repr__(self):
        return f"<KerasTensor shape={self.shape}, dtype={self.dtype}, name={self.name}>"

    def __array__(self, dtype=None, copy=None):
        raise TypeError(
            f"{self!r} is symbolic: it has a shape but no values, so it cannot become a NumPy "
            "array. Build a model with `Model(inputs, outputs)` and call it on data instead."
        )


class Node:
    """One call of a layer in a functional graph: ``outputs = layer(inputs, *args, **kwargs)``.

    Creating a Node appends it to ``layer._inbound_nodes`` and stamps each
    output KerasTensor with ``(layer, node_index, tensor_index)``.

    Args:
        layer: The layer that was called.
        inputs: The KerasTensor, or list of KerasTensors, passed as first argument
            (``None`` for the node of an `InputLayer`).
        outputs: The KerasTensor, or list of KerasTensors, that the call returned.
        call_args: Further positional arguments of the call. Defaults to ``()``.
        call_kwargs: Keyword arguments of the call (``training=True``...). Defaults to ``{}``.
    """

    def __init__(self, layer, inputs, outputs, call_args=(), call_kwargs=None):
        self.layer = layer
        self.inputs = inputs
        self.outputs = outputs
        self.call_args = tuple(call_args)
        self.call_kwargs = dict(call_kwargs or {})
        self.is_input = inputs is None
        # Every KerasTensor the call depends on, the extra ones (initial_state=...) included.
        self.input_tensors = keras_tensors([inputs, self.call_args, self.call_kwargs])
        self.output_tensors = keras_tensors(outputs)
        node_index = len(layer._inbound_nodes)
        layer._inbound_nodes.append(self)
        for i, tensor in enumerate(self.output_tensors):
            tensor._keras_history = (layer, node_index, i)

    @property
    def input_shapes(self):
        """Shape of the input, or list of shapes for a layer called on a list."""
        if self.is_input:
            return self.outputs.shape
        return map_structure(lambda t: t.shape, self.inputs)

    @property
    def output_shapes(self):
        """Shape of the output, or list of shapes for a layer with several outputs."""
        return map_structure(lambda t: t.shape, self.outputs)

    @property
    def parent_nodes(self):
        """The nodes that produced this node's input tensors."""
        parents = []
        for tensor in self.input_tensors:
            layer, node_index, _ = tensor._keras_history
            parents.append(layer._inbound_nodes[node_index])
        return parents

    def __repr__(self):
        return f"<Node layer={self.layer.name}, output_shapes={self.output_shapes}>"


def keras_tensors(structure):
    """The KerasTensors in a nested list/tuple/dict, in order; other values are dropped."""
    return [t for t in flatten(structure) if isinstance(t, KerasTensor)]


def is_symbolic(inputs):
    """Return True if ``inputs`` is a KerasTensor, or a list/tuple/dict holding one.

    Example:
        >>> is_symbolic([KerasTensor((None, 2)), np.zeros((1, 2))])
        True
        >>> is_symbolic(np.zeros((1, 2)))
        False
    """
    return len(keras_tensors(inputs)) > 0


def symbolic_call(layer, inputs, *args, **kwargs):
    """Call ``layer`` on KerasTensor(s): build it, infer the output shape, record a `Node`.

    Args:
        layer: The layer being called.
        inputs: A KerasTensor or a list of them.
        *args: Further positional call arguments, stored on the node.
        **kwargs: Keyword call arguments (``training``...), stored on the node.

    Returns:
        A KerasTensor, or a list of them for a layer with several outputs.

    Raises:
        ValueError: If the input shape does not fit the layer's ``input_spec``.
    """
    if isinstance(inputs, tuple):
        inputs = list(inputs)
    if layer.input_spec is not None:  # a spec known before build: check before building
        assert_input_compatibility(layer.input_spec, inputs, layer.name)
    layer.maybe_build(map_structure(lambda t: t.shape, inputs))
    if layer.input_spec is not None:  # build may have set or refined it
        assert_input_compatibility(layer.input_spec, inputs, layer.name)
    output_shapes = _infer_output_shapes(layer, inputs, args, kwargs)
    if isinstance(output_shapes, list):
        outputs = [KerasTensor(shape, layer.dtype) for shape in output_shapes]
    else:
        outputs = KerasTensor(output_shapes, layer.dtype)
    Node(layer, inputs, outputs, args, kwargs)
    _attach_symbolic_masks(layer, inputs, outputs)
    return outputs


def _attach_symbolic_masks(layer, inputs, outputs):
    """Give the outputs the masks ``compute_mask`` would give them, as bool KerasTensors.

    As in Keras, ``Embedding(10, 4, mask_zero=True)(Input((5,)))._keras_mask`` is a
    symbolic ``(None, 5)`` mask. Its shape comes from ``compute_mask`` run on zeros.
    """
    previous = mask_flow.get_mask(inputs)
    makes_masks = type(layer).compute_mask is not mask_flow.compute_mask
    if not (makes_masks or (layer.supports_masking and flatten(previous))):
        return
    with no_grad():
        masks = layer.compute_mask(_zeros_like(inputs), _zeros_like(previous))
    batch = keras_tensors(inputs)[0].shape[0]
    masks = masks if isinstance(masks, (list, tuple)) else [masks]
    for tensor, mask in zip(keras_tensors(outputs), masks):
        if mask is not None:
            shape = (batch, *mask.shape[1:])
            tensor._keras_mask = KerasTensor(shape, "bool", name=f"{tensor.name}_mask")


def _infer_output_shapes(layer, inputs, args, kwargs):
    """Ask the layer for its output shape; when extra arguments are symbolic, run it on zeros."""
    extra_symbolic = is_symbolic(list(args)) or is_symbolic(kwargs)
    if not extra_symbolic:
        shapes = map_structure(lambda t: t.shape, inputs)
        return _as_shapes(layer.compute_output_shape(shapes))
    batch = keras_tensors(inputs)[0].shape[0]
    kwargs = {k: v for k, v in kwargs.items() if k != "training"}  # inference only: no side effects
    with no_grad():
        output = layer(_zeros_like(inputs), *_zeros_like(list(args)), **_zeros_like(kwargs))
    return map_structure(lambda t: (batch, *t.shape[1:]), output)


def _as_shapes(shapes):
    """Normalise what ``compute_output_shape`` returned: tuples, or a list of tuples."""
    if isinstance(shapes, (list, tuple)) and shapes and isinstance(shapes[0], (list, tuple)):
        return [tuple(s) for s in shapes]
    return tuple(shapes)


def _zeros_like(structure):
    """Replace each KerasTensor by a Tensor of zeros (batch size 1) of its shape and dtype."""

    def zeros(value):
        if not isinstance(value, KerasTensor):
            return value
        return Tensor(np.zeros([1 if d is None else d for d in value.shape], dtype=value.dtype))

    return map_structure(zeros, structure)
