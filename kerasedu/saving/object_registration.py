"""Your own classes and functions, by name: ``register_keras_serializable`` and its scope.

Loading a model that holds your own layer needs to know its class. Pass it in
``custom_objects={"MyLayer": MyLayer}``, or register it once with the
decorator, as in Keras 3; either way the serializer looks at your objects
before kerasedu's own tables (`custom_objects_with`). The same names work
wherever a name is accepted: ``Dense(3, activation="demo>double")``,
``compile(loss="demo>my_loss")``, an initializer or regularizer by name, all
through `kerasedu.lookup`, which keeps the registry. Registration is an
explicit dict, not a discovery: only what you register can be named by a file.

Example:
    >>> @register_keras_serializable(package="demo")
    ... def double(x):
    ...     return 2 * x
    >>> get_registered_name(double)
    'demo>double'
    >>> get_custom_objects()["demo>double"] is double
    True
    >>> del get_custom_objects()["demo>double"]
"""

import contextlib

from kerasedu.lookup import REGISTERED, SCOPES, registered_name


def register_keras_serializable(package="Custom", name=None):
    """Decorator: register a class or function as ``"package>name"`` for saving and loading.

    Args:
        package: A prefix that keeps your names apart. Defaults to ``"Custom"``.
        name: The name to register. Defaults to the object's ``__name__``.

    Raises:
        ValueError: A class without ``get_config`` (it could not be saved).
    """

    def decorator(obj):
        key = f"{package}>{name or obj.__name__}"
        if isinstance(obj, type) and not hasattr(obj, "get_config"):
            raise ValueError(f"Cannot register {obj.__name__}: it has no get_config() method.")
        REGISTERED[key] = obj
        return obj

    return decorator


def get_registered_name(obj):
    """The ``"package>name"`` ``obj`` was registered under, or its plain ``__name__``."""
    return registered_name(obj) or getattr(obj, "__name__", type(obj).__name__)


def get_custom_objects():
    """The global dict of registered objects (Keras's; you may also add to it directly).

    Example:
        >>> get_custom_objects()["my_name"] = abs
        >>> custom_objects_with(None)["my_name"] is abs
        True
        >>> del get_custom_objects()["my_name"]
    """
    return REGISTERED


@contextlib.contextmanager
def custom_object_scope(*dicts):
    """Within the ``with`` block, the names of ``dicts`` are known to every load.

    Example:
        >>> with custom_object_scope({"twice": abs}):
        ...     custom_objects_with(None)["twice"].__name__
        'abs'
        >>> "twice" in custom_objects_with(None)
        False
    """
    scope = {}
    for objects in dicts:
        scope.update(objects or {})
    SCOPES.append(scope)
    try:
        yield scope
    finally:
        SCOPES.remove(scope)


def custom_objects_with(custom_objects):
    """All the names a load may use, beyond kerasedu's tables: yours first.

    Registered objects answer to ``"package>name"`` and, for kerasedu's own
    files (which store the plain class name), to their plain ``__name__``.
    """
    merged = {}
    for key, value in REGISTERED.items():
        merged[key.rpartition(">")[2]] = value
    merged.update(REGISTERED)
    for scope in SCOPES:
        merged.update(scope)
    merged.update(custom_objects or {})
    return merged
