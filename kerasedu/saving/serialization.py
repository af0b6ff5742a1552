"""Names and configs to objects and back, for initializers, regularizers and constraints.

These three families work the same way: a layer argument such as
``kernel_initializer`` may be a name (``"glorot_uniform"``), a class name
(``"GlorotUniform"``), a ``{"class_name", "config"}`` dict from a saved model,
an instance, a class, or any callable; ``None`` means "none". The rules live
here once, and each family's ``get`` / ``serialize`` / ``deserialize`` passes
in its own tables:

- ``kind``: the family's word for error messages (``"initializer"``);
- ``base_class``: the family's base class (``Initializer``);
- ``names``: Keras's snake_case names -> class or factory function;
- ``class_names``: class names -> class (what a saved config holds).

Example:
    >>> from kerasedu import constraints
    >>> config = serialize_object(constraints.MaxNorm(3), constraints.Constraint)
    >>> config
    {'class_name': 'MaxNorm', 'config': {'max_value': 3, 'axis': 0}}
    >>> deserialize_object(config, "constraint", constraints.Constraint,
    ...                    constraints.ALL_CONSTRAINTS, {"MaxNorm": constraints.MaxNorm}).max_value
    3
"""


def get_object(identifier, kind, base_class, names, class_names):
    """Return the object an identifier stands for (see the module docstring).

    Args:
        identifier: ``None``, a name, a class name, a config dict, a
            ``base_class`` subclass (instantiated with its defaults), or a
            callable (returned as is).
        kind: The family's word, used in error messages.
        base_class: The family's base class.
        names: Dict of snake_case names to classes or factory functions.
        class_names: Dict of class names to classes.

    Returns:
        The object, or ``None`` for ``None``.

    Raises:
        ValueError: For an unknown name (the message lists the valid ones).
        TypeError: For anything else that is not callable.

    Example:
        >>> from kerasedu import initializers as ini
        >>> init = get_object("ones", "initializer", ini.Initializer, ini.ALL_INITIALIZERS, {})
        >>> type(init).__name__
        'Ones'
    """
    if identifier is None:
        return None
    if isinstance(identifier, str):
        factory = names.get(identifier) or class_names.get(identifier)
        if factory is None:
            raise ValueError(
                f"Unknown {kind}: {identifier!r}. Valid names are: "
                f"{sorted(names)}. Received: identifier={identifier!r}"
            )
        return factory()
    if isinstance(identifier, dict):
        return deserialize_object(identifier, kind, base_class, names, class_names)
    if isinstance(identifier, type) and issubclass(identifier, base_class):
        return identifier()
    if callable(identifier):
        return identifier
    raise TypeError(
        f"Could not interpret {kind} identifier: expected a name, a dict, an "
        f"instance or a callable. Received: identifier={identifier!r}"
    )


def serialize_object(obj, base_class):
    """Return ``{"class_name": ..., "config": ...}`` for an object of ``base_class``.

    ``None`` stays ``None``; a plain function gives its ``__name__``.

    Example:
        >>> from kerasedu import regularizers
        >>> serialize_object(regularizers.L2(0.5), regularizers.Regularizer)
        {'class_name': 'L2', 'config': {'l2': 0.5}}
    """
    if obj is None:
        return None
    if isinstance(obj, base_class):
        return {"class_name": type(obj).__name__, "config": obj.get_config()}
    return getattr(obj, "__name__", str(obj))


def deserialize_object(config, kind, base_class, names, class_names, custom_objects=None):
    """Inverse of `serialize_object`: build the object a config dict (or name) describes.

    Args:
        config: A ``{"class_name", "config"}`` dict, or a name.
        kind, base_class, names, class_names: The family's tables, as in `get_object`.
        custom_objects: Optional ``{name: class or function}`` for your own
            objects; looked up first. Defaults to ``None``.

    Raises:
        ValueError: If the class name is unknown.

    Example:
        >>> from kerasedu import initializers as ini
        >>> config = {"class_name": "Constant", "config": {"value": 2.0}}
        >>> init = deserialize_object(config, "initializer", ini.Initializer, {},
        ...                           {"Constant": ini.Constant})
        >>> init((2,)).tolist()
        [2.0, 2.0]
    """
    custom_objects = custom_objects or {}
    if isinstance(config, str):
        identifier = custom_objects.get(config, config)
        return get_object(identifier, kind, base_class, names, class_names)
    name = config.get("class_name")
    cls = custom_objects.get(name) or class_names.get(name) or names.get(name)
    if cls is None:
        raise ValueError(
            f"Unknown {kind} class {name!r}. Valid classes are: "
            f"{sorted(class_names)}. Received: config={config!r}"
        )
    return cls(**config.get("config", {}))
