"""Functional shortcuts for the merge layers: ``add([a, b])`` is ``Add()([a, b])``.

``add([a, b])`` builds an `Add` layer and calls it on ``[a, b]`` in one step;
the same holds for the other lowercase names.

Example:
    >>> a = np.ones((1, 2), dtype="float32")
    >>> multiply([a, a * 3]).numpy().tolist()
    [[3.0, 3.0]]
"""

from kerasedu.layers.merging import (
    Add,
    Average,
    Concatenate,
    Dot,
    Maximum,
    Minimum,
    Multiply,
    Subtract,
)


def add(inputs, **kwargs):
    """Return ``Add(**kwargs)(inputs)``: the elementwise sum of a list of inputs.

    Example:
        >>> add([np.ones((1, 2)), np.ones((1, 2))]).numpy().tolist()
        [[2.0, 2.0]]
    """
    return Add(**kwargs)(inputs)


def subtract(inputs, **kwargs):
    """Return ``Subtract(**kwargs)(inputs)``: ``inputs[0] - inputs[1]``.

    Example:
        >>> subtract([np.ones((1, 2)), np.ones((1, 2))]).numpy().tolist()
        [[0.0, 0.0]]
    """
    return Subtract(**kwargs)(inputs)


def multiply(inputs, **kwargs):
    """Return ``Multiply(**kwargs)(inputs)``: the elementwise product.

    Example:
        >>> multiply([np.full((1, 1), 2.0), np.full((1, 1), 3.0)]).numpy().tolist()
        [[6.0]]
    """
    return Multiply(**kwargs)(inputs)


def average(inputs, **kwargs):
    """Return ``Average(**kwargs)(inputs)``: the elementwise mean.

    Example:
        >>> average([np.zeros((1, 1)), np.full((1, 1), 2.0)]).numpy().tolist()
        [[1.0]]
    """
    return Average(**kwargs)(inputs)


def maximum(inputs, **kwargs):
    """Return ``Maximum(**kwargs)(inputs)``: the elementwise maximum.

    Example:
        >>> maximum([np.zeros((1, 1)), np.ones((1, 1))]).numpy().tolist()
        [[1.0]]
    """
    return Maximum(**kwargs)(inputs)


def minimum(inputs, **kwargs):
    """Return ``Minimum(**kwargs)(inputs)``: the elementwise minimum.

    Example:
        >>> minimum([np.zeros((1, 1)), np.ones((1, 1))]).numpy().tolist()
        [[0.0]]
    """
    return Minimum(**kwargs)(inputs)


def concatenate(inputs, axis=-1, **kwargs):
    """Return ``Concatenate(axis, **kwargs)(inputs)``: the inputs joined along ``axis``.

    Args:
        inputs: List of inputs whose shapes match except along ``axis``.
        axis: Axis to join along. Defaults to ``-1``.

    Example:
        >>> concatenate([np.zeros((2, 3)), np.zeros((2, 1))]).shape
        (2, 4)
    """
    return Concatenate(axis=axis, **kwargs)(inputs)


def dot(inputs, axes=-1, normalize=False, **kwargs):
    """Return ``Dot(axes, normalize, **kwargs)(inputs)``: dot products of pairs of samples.

    Args:
        inputs: List of two inputs.
        axes: Axis (or pair of axes) to sum over. Defaults to ``-1``.
        normalize: L2-normalise first (cosine similarity). Defaults to ``False``.

    Example:
        >>> dot([np.array([[1.0, 2.0]]), np.array([[3.0, 4.0]])], axes=1).numpy().tolist()
        [[11.0]]
    """
    return Dot(axes=axes, normalize=normalize, **kwargs)(inputs)
