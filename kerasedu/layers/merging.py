"""Merge layers: combine a LIST of inputs into one (add, concatenate, dot...).

Each layer has a lowercase shortcut that builds it and calls it at once:
``add([a, b])`` is ``Add()([a, b])``. Elementwise merges (`Add`, `Subtract`,
`Multiply`, `Average`, `Maximum`, `Minimum`) need inputs of the same shape (or
shapes that broadcast); `Concatenate` joins along an axis; `Dot` takes dot
products of pairs of samples.

Example:
    >>> a, b = np.ones((2, 3), dtype="float32"), np.full((2, 3), 2.0, dtype="float32")
    >>> Add()([a, b]).numpy()[0].tolist()
    [3.0, 3.0, 3.0]
    >>> Concatenate()([a, b]).shape
    (2, 6)
"""

import operator

from kerasedu.autograd import ops_select as sel
from kerasedu.autograd.ops_join import concatenate as concat_op
from kerasedu.autograd.ops_reduce import l2_normalize
from kerasedu.autograd.ops_reduce import sum as reduce_sum
from kerasedu.device import get_array_module
from kerasedu.layers.layer import Layer
from kerasedu.layers.mask_flow import as_mask


class Merge(Layer):
    """Base class of the merge layers: checks that the input is a list of shapes that fit.

    Subclasses set ``combine`` (a function of two Tensors, folded over the list:
    ``combine(combine(a, b), c)``...) or implement ``merge(tensors)`` (a list of
    Tensors -> one Tensor); ``exactly_two`` says whether they take only two inputs.
    """

    combine = None
    exactly_two = False
    supports_masking = True

    def compute_mask(self, inputs, previous_mask=None):
        """Keras: a step is kept if any input keeps it; no mask unless every input has one.

        Example:
            >>> import numpy as np
            >>> keep_a, keep_b = np.array([[True, False, False]]), np.array([[True, True, False]])
            >>> Add().compute_mask([None, None], [keep_a, keep_b]).tolist()
            [[True, True, False]]
        """
        masks = previous_mask or [None]
        if any(mask is None for mask in masks):
            return None
        masks = [as_mask(mask) for mask in masks]  # (graphs are built with Tensor masks)
        return get_array_module(masks[0]).logical_or.reduce(masks)

    def build(self, input_shape):
        if self.exactly_two and not (isinstance(input_shape, list) and len(input_shape) == 2):
            raise ValueError(
                f"Layer '{self.name}' ({type(self).__name__}) must be called on a list of "
                f"exactly 2 inputs. Received: input_shape={input_shape}"
            )
        if not isinstance(input_shape, list) or len(input_shape) < 2:
            raise ValueError(
                f"Layer '{self.name}' ({type(self).__name__}) must be called on a list "
                f"of at least 2 inputs. Received: input_shape={input_shape}"
            )
        self.compute_output_shape(input_shape)  # raises a clear error if the shapes do not fit

    def call(self, inputs):
        return self.merge(list(inputs))

    def merge(self, tensors):
        """Combine a list of Tensors into one: fold ``combine`` over them."""
        result = tensors[0]
        for t in tensors[1:]:
            result = type(self).combine(result, t)
        return result

    def compute_output_shape(self, input_shape):
        """The broadcast shape of the inputs (``None`` is an unknown size)."""
        shapes = [tuple(s) for s in input_shape]
        rank = max(len(s) for s in shapes) - 1
        aligned = [(1,) * (rank + 1 - len(s)) + s[1:] for s in shapes]  # align from the right
        rest = []
        for sizes in zip(*aligned):
            known = {d for d in sizes if d not in (None, 1)}
            if len(known) > 1:
                raise ValueError(
                    f"Layer '{self.name}' ({type(self).__name__}) needs inputs of the "
                    "same shape (or shapes that broadcast). Received: "
                    f"input_shape={shapes}"
                )
            rest.append(known.pop() if known else (None if None in sizes else 1))
        return (shapes[0][0], *rest)


class Add(Merge):
    """Elementwise sum of the inputs.

    Shapes:
        list of ``(N, ...)`` -> ``(N, ...)``.

    Example:
        >>> Add()([np.ones((1, 2)), np.ones((1, 2))]).numpy().tolist()
        [[2.0, 2.0]]
    """

    combine = operator.add


class Subtract(Merge):
    """Elementwise difference ``inputs[0] - inputs[1]`` (exactly two inputs).

    Shapes:
        ``[(N, ...), (N, ...)]`` -> ``(N, ...)``.

    Example:
        >>> Subtract()([np.ones((1, 2)), np.ones((1, 2))]).numpy().tolist()
        [[0.0, 0.0]]
    """

    combine = operator.sub
    exactly_two = True


class Multiply(Merge):
    """Elementwise product of the inputs.

    Example:
        >>> Multiply()([np.full((1, 2), 2.0), np.full((1, 2), 3.0)]).numpy().tolist()
        [[6.0, 6.0]]
    """

    combine = operator.mul


class Average(Merge):
    """Elementwise mean of the inputs.

    Example:
        >>> Average()([np.zeros((1, 2)), np.full((1, 2), 4.0)]).numpy().tolist()
        [[2.0, 2.0]]
    """

    combine = operator.add

    def merge(self, tensors):
        return super().merge(tensors) * (1.0 / len(tensors))  # the sum, divided


class Maximum(Merge):
    """Elementwise maximum of the inputs (the gradient goes to the larger one).

    Example:
        >>> Maximum()([np.array([[1.0, 5.0]]), np.array([[3.0, 2.0]])]).numpy().tolist()
        [[3.0, 5.0]]
    """

    combine = sel.maximum


class Minimum(Merge):
    """Elementwise minimum of the inputs.

    Example:
        >>> Minimum()([np.array([[1.0, 5.0]]), np.array([[3.0, 2.0]])]).numpy().tolist()
        [[1.0, 2.0]]
    """

    combine = sel.minimum


class Concatenate(Merge):
    """Join the inputs along ``axis``; the other axes must match.

    Args:
        axis: Axis to join along (not the batch axis). Defaults to ``-1``.
        **kwargs: Base layer arguments (``name``...).

    Shapes:
        ``[(N, 3), (N, 5)]`` -> ``(N, 8)``.

    Example:
        >>> Concatenate(axis=1)([np.zeros((2, 3)), np.zeros((2, 5))]).shape
        (2, 8)
    """

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis

    def merge(self, tensors):
        return concat_op(tensors, axis=self.axis)

    def compute_mask(self, inputs, previous_mask=None):
        """Keras: join the masks (all-True for an unmasked input), then keep a step if any
        of its joined entries is kept. ``None`` when no input has a mask."""
        given = [None if mask is None else as_mask(mask) for mask in previous_mask or []]
        if not any(mask is not None for mask in given):
            return None
        xp, masks = get_array_module(*(m for m in given if m is not None)), []
        for x, mask in zip(inputs, given):
            if mask is None:
                mask = xp.ones(x.shape, dtype=bool)
            elif mask.ndim < x.ndim:  # (N, T) for (N, T, D): the same for every feature
                mask = xp.broadcast_to(mask[..., None], x.shape)
            masks.append(mask)
        return xp.concatenate(masks, axis=self.axis).any(axis=-1)

    def compute_output_shape(self, input_shape):
        """The shared shape, with the sizes along ``axis`` added up."""
        shapes = [tuple(s) for s in input_shape]
        rank = len(shapes[0])
        axis = self.axis % rank if -rank <= self.axis < rank else None
        if axis in (None, 0) or any(len(s) != rank for s in shapes):
            raise ValueError(
                f"Layer '{self.name}' (Concatenate, axis={self.axis}) needs inputs of "
                f"the same rank, joined along a non-batch axis. Received: "
                f"input_shape={shapes}"
            )
        for i in range(1, rank):
            sizes = {s[i] for s in shapes if s[i] is not None}
            if i != axis and len(sizes) > 1:
                raise ValueError(
                    f"Layer '{self.name}' (Concatenate, axis={self.axis}) needs inputs "
                    f"whose shapes match except on that axis. Received: "
                    f"input_shape={shapes}"
                )
        sizes = [s[axis] for s in shapes]
        joined = None if None in sizes else sum(sizes)
        first = shapes[0]
        return (*first[:axis], joined, *first[axis + 1 :])

    def get_config(self):
        return {**super().get_config(), "axis": self.axis}


class Dot(Merge):
    """Dot products of pairs of samples: ``sum(a * b)`` over ``axes``.

    With ``normalize=True`` both inputs are first divided by their L2 norm
    along ``axes``, so the result is the cosine similarity.

    Args:
        axes: Axis (int) of both inputs, or a pair ``(axis_a, axis_b)``, to sum over.
        normalize: Whether to L2-normalise first. Defaults to ``False``.
        **kwargs: Base layer arguments (``name``...).

    Shapes:
        ``[(N, D), (N, D)]`` -> ``(N, 1)``; ``[(N, T1, D), (N, T2, D)]`` with
        ``axes=2`` -> ``(N, T1, T2)``.

    Example:
        >>> Dot(axes=1)([np.array([[1.0, 2.0]]), np.array([[3.0, 4.0]])]).numpy().tolist()
        [[11.0]]
    """

    exactly_two = True

    def __init__(self, axes, normalize=False, **kwargs):
        super().__init__(**kwargs)
        self.axes = tuple(axes) if isinstance(axes, (list, tuple)) else (axes, axes)
        self.normalize = normalize

    def merge(self, tensors):
        a, b = tensors
        axis_a, axis_b = [ax % t.ndim for ax, t in zip(self.axes, (a, b))]
        if self.normalize:
            a, b = l2_normalize(a, axis_a), l2_normalize(b, axis_b)
        if a.ndim == 2:
            return reduce_sum(a * b, axis=1, keepdims=True)  # (N, D) . (N, D) -> (N, 1)
        a = a.transpose(0, 3 - axis_a, axis_a)  # (N, other_a, D): summed axis last
        b = b.transpose(0, axis_b, 3 - axis_b)  # (N, D, other_b): summed axis first
        return a @ b  # batched matrix product -> (N, other_a, other_b)

    def compute_output_shape(self, input_shape):
        """``(N, 1)`` for vectors, ``(N, other_a, other_b)`` for rank-3 inputs."""
        shape_a, shape_b = [tuple(s) for s in input_shape]
        rank = len(shape_a)
        if rank not in (2, 3) or len(shape_b) != rank:
            raise ValueError(
                f"Layer '{self.name}' (Dot) supports two inputs of rank 2 or 3. "
                f"Received: input_shape={[shape_a, shape_b]}"
            )
        axis_a, axis_b = [ax % rank for ax in self.axes]
        if (
            0 in (axis_a, axis_b)
            or None not in (shape_a[axis_a], shape_b[axis_b])
            and shape_a[axis_a] != shape_b[axis_b]
        ):
            raise ValueError(
                f"Layer '{self.name}' (Dot, axes={self.axes}) needs equal sizes on "
                f"the summed axes (not the batch axis). Received: "
                f"input_shape={[shape_a, shape_b]}"
            )
        if rank == 2:
            return (shape_a[0], 1)
        return (shape_a[0], shape_a[3 - axis_a], shape_b[3 - axis_b])

    def get_config(self):
        return {**super().get_config(), "axes": list(self.axes), "normalize": self.normalize}
