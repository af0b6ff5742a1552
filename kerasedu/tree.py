"""Nested structures: apply a function to, or list, the leaves of lists, tuples and dicts.

Models take and return several arrays as lists or dicts (``{"image": x1, "meta":
x2}``), and the functional API records such structures of `KerasTensor`. These two
helpers walk them, as ``keras.tree`` does; ``None`` means "no data" and stays ``None``.

Example:
    >>> map_structure(str, {"a": [1, (2, 3)], "b": None})
    {'a': ['1', ('2', '3')], 'b': None}
    >>> flatten({"a": [1, (2, 3)], "b": None})
    [1, 2, 3]
"""


def map_structure(fn, structure):
    """Apply ``fn`` to every leaf of a nested list/tuple/dict, keeping the nesting.

    Args:
        fn: Function of one leaf (an array, a tensor...).
        structure: A leaf, or a list, tuple or dict of structures.

    Returns:
        The same nesting with ``fn(leaf)`` at each leaf; ``None`` leaves stay ``None``.
    """
    if structure is None:
        return None
    if isinstance(structure, dict):
        return {key: map_structure(fn, value) for key, value in structure.items()}
    if isinstance(structure, (list, tuple)):
        return type(structure)(map_structure(fn, item) for item in structure)
    return fn(structure)


def flatten(structure):
    """Return the leaves of a nested list/tuple/dict in order, without the ``None`` ones."""
    if structure is None:
        return []
    if isinstance(structure, dict):
        structure = list(structure.values())
    if isinstance(structure, (list, tuple)):
        return [leaf for item in structure for leaf in flatten(item)]
    return [structure]
