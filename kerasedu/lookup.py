"""From a name to an object, and from an object to its config: the one lookup of every family.

Activations, initializers, regularizers, constraints, losses, metrics and
optimizers each keep an explicit table of the names a user may write
(``"glorot_uniform"``, ``"GlorotUniform"``...); layers and models have theirs in
`kerasedu.saving.serializer`. Every table is read through `lookup`, so every
family behaves the same: your own objects come first (the ``custom_objects``
you pass, an open ``custom_object_scope``, and what you registered with
``@register_keras_serializable(package="my")`` as ``"my>name"``; its plain
``"name"`` comes after kerasedu's names, so it never hides one), and
an unknown name fails with the closest valid names ("did you mean") and the
full list. Nothing is ever imported by name: a name that is in no table is an
error, which is also what keeps loading a saved file from running code.

A config is the JSON form of an object: ``{"class_name": "L2", "config": {"l2":
0.5}}``, made by `serialize_object` from the object's ``get_config`` and
turned back into an object by `deserialize_object` with the family's table.

Example:
    >>> from kerasedu import regularizers
    >>> config = serialize_object(regularizers.L2(0.5))
    >>> config
    {'class_name': 'L2', 'config': {'l2': 0.5}}
    >>> deserialize_object(config, "regularizer", regularizers.REGULARIZERS).l2
    0.5
"""

import difflib
import types

REGISTERED = {}  # "package>name" -> your class or function (`register_keras_serializable`)
SCOPES = []  # the dicts of the open `custom_object_scope`s, innermost last


class Configurable:
    """Base of the small configurable objects: initializers, regularizers, constraints.

    ``get_config`` returns the attributes named in ``config_keys`` (a subclass
    stores its constructor's arguments under the same names), and ``from_config``
    calls the constructor with them.

    Example:
        >>> class Scale(Configurable):
        ...     config_keys = ("factor",)
        ...     def __init__(self, factor=2.0):
        ...         self.factor = factor
        >>> Scale.from_config(Scale(3.0).get_config()).factor
        3.0
    """

    config_keys = ()

    def get_config(self):
        """Return the constructor arguments as a dict."""
        return {key: getattr(self, key) for key in self.config_keys}

    @classmethod
    def from_config(cls, config):
        """Create the object from the dict `get_config` returned."""
        return cls(**config)


def lookup(name, kind, table, custom_objects=None):
    """Return the object ``name`` stands for: yours (`your_object`) first, then ``table``'s.

    Args:
        name: What the user or the file wrote, e.g. ``"relu"`` or ``"Dense"``.
        kind: The family's word for messages, e.g. ``"activation"``.
        table: The family's explicit ``{name: class or function}`` dict.
        custom_objects: Optional ``{name: class or function}`` of the user's own
            objects. Defaults to ``None``.

    Returns:
        The class or function found (not called). A name you registered as
        ``"my>name"`` is found by that name, and by ``"name"`` when the table has
        no such name.

    Raises:
        ValueError: For a name in neither dict; the message suggests the closest
            names, lists the valid ones and says how to pass your own.

    Example:
        >>> lookup("b", "letter", {"a": 1, "b": 2})
        2
        >>> lookup("bb", "letter", {"a": 1, "b": 2})
        Traceback (most recent call last):
        ...
        ValueError: Unknown letter 'bb'. Did you mean 'b'? Valid names: ['a', 'b']. ...
    """
    found = your_object(name, custom_objects) if isinstance(name, str) else None
    if found is None and isinstance(name, str):  # kerasedu's names before your plain ones
        found = table.get(name) or _registered_by_plain_name(name)
    if found is not None:
        return found
    close = difflib.get_close_matches(str(name), [str(key) for key in table], n=3)
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise ValueError(
        f"Unknown {kind} {name!r}.{hint} Valid names: {sorted(table)}. "
        f"If it is your own, pass it in custom_objects={{{str(name)!r}: ...}}."
    )


def your_object(name, custom_objects=None):
    """What you named ``name``: in ``custom_objects``, an open scope, or registered; else None.

    Example:
        >>> your_object("twice", {"twice": abs}) is abs
        True
        >>> your_object("relu") is None
        True
    """
    for objects in (custom_objects or {}, *reversed(SCOPES), REGISTERED):
        if name in objects:
            return objects[name]
    return None


def registered_name(obj):
    """The ``"package>name"`` ``obj`` was registered under, or None.

    Example:
        >>> registered_name(abs) is None
        True
    """
    return next((key for key, value in REGISTERED.items() if value is obj), None)


def _registered_by_plain_name(name):
    """The latest object registered as ``"<any package>>name"``, or None."""
    found = [obj for key, obj in REGISTERED.items() if key.rpartition(">")[2] == name]
    return found[-1] if found else None


def serialize_object(obj):
    """Return what a config stores for ``obj``: ``None``, a name, or a ``{"class_name", "config"}``.

    An object with ``get_config`` (an instance, not a class) gives the dict; a
    plain function gives its ``__name__``, or the ``"package>name"`` you
    registered it under (as Keras 3 writes it).

    Example:
        >>> from kerasedu import initializers
        >>> serialize_object(initializers.Constant(1.0))
        {'class_name': 'Constant', 'config': {'value': 1.0}}
        >>> serialize_object(len), serialize_object(None)
        ('len', None)
    """
    if obj is None:
        return None
    if hasattr(obj, "get_config") and not isinstance(obj, type):
        config = {"class_name": type(obj).__name__, "config": serialize_config(obj.get_config())}
        if registered_name(type(obj)):  # Keras 3 finds your class by this name
            config["registered_name"] = registered_name(type(obj))
        return config
    return registered_name(obj) or getattr(obj, "__name__", str(obj))


def serialize_config(value):
    """A ``get_config()`` dict in JSON form: the Keras objects it holds become their configs.

    Your layer's ``get_config`` may return a layer, a model, a regularizer... as
    values (``{"sublayer": self.sublayer}``): as Keras 3's ``serialize_keras_object``
    does, each becomes its `serialize_layer` dict, at any depth, and a function its
    name; your ``from_config`` builds them back (``keras.layers.deserialize(...)``).
    Tuples stay tuples, as in Keras; other values are kept as they are.

    Example:
        >>> from kerasedu import regularizers
        >>> serialize_config({"units": 2, "penalty": regularizers.L2(0.5)})["penalty"]["config"]
        {'l2': 0.5}
    """
    if isinstance(value, dict):
        return {key: serialize_config(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        items = [serialize_config(item) for item in value]
        return tuple(items) if isinstance(value, tuple) else items
    if hasattr(value, "get_config") and not isinstance(value, type):
        return serialize_layer(value)
    if isinstance(value, types.FunctionType) and value.__name__ != "<lambda>":
        return serialize_object(value)  # its name (a lambda has none: JSON refuses it later)
    return value


def serialize_layer(obj):
    """Return a layer's (or any Keras object's) config in Keras 3's file layout.

    `serialize_object` + two keys Keras 3 reads to find the class: ``"module"``
    (``"keras.layers"``, ``"keras"`` for a model, ``"keras.regularizers"``...; your
    class's Python module, ``None`` in a script) and ``"registered_name"`` (``None``
    for kerasedu's classes; for yours, its ``"package>Name"`` or its name).
    kerasedu's loading ignores the module. Wrappers and models call this for the
    layers they hold; the way back is `kerasedu.saving.serializer`.

    Example:
        >>> from kerasedu.layers import Dropout
        >>> config = serialize_layer(Dropout(0.5, name="drop"))
        >>> config["module"], config["class_name"], config["config"]["rate"]
        ('keras.layers', 'Dropout', 0.5)
    """
    cls, config = type(obj), serialize_object(obj)
    module, registered = cls.__module__, registered_name(cls) or cls.__name__
    if module.startswith("kerasedu."):  # kerasedu.layers.dense -> keras.layers
        family = module.split(".")[1]
        module, registered = _KERAS_MODULES.get(family, f"keras.{family}"), None
    return {
        "module": None if module == "__main__" else module,
        **config,
        "registered_name": registered,
    }


_KERAS_MODULES = {"models": "keras", "compat": "keras.layers"}  # where Keras 3's differ


def deserialize_object(config, kind, table, custom_objects=None):
    """Build the object a ``{"class_name", "config"}`` dict describes, its class found by `lookup`.

    Args:
        config: The dict, as `serialize_object` wrote it.
        kind: The family's word for messages (``"initializer"``).
        table: The family's ``{name: class}`` dict.
        custom_objects: Optional ``{name: class}`` of your own classes. Defaults to ``None``.

    Returns:
        ``cls.from_config(config["config"])``.

    Raises:
        ValueError: If ``config`` is not such a dict, or its class is unknown.

    Example:
        >>> from kerasedu import initializers as ini
        >>> config = {"class_name": "Constant", "config": {"value": 2.0}}
        >>> deserialize_object(config, "initializer", ini.INITIALIZERS)((2,)).tolist()
        [2.0, 2.0]
    """
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError(
            f"A {kind} config must be a dict with 'class_name' and 'config'. "
            f"Received: config={config!r}"
        )
    cls = lookup(config["class_name"], f"{kind} class", table, custom_objects)
    return cls.from_config(config.get("config") or {})


def get_object(identifier, kind, table, custom_objects=None):
    """Keras's ``get`` for families whose names stand for objects to create (initializers...).

    Args:
        identifier: ``None`` (returned as is), a name (its class or factory from
            ``table`` is called with no argument), a config dict (see
            `deserialize_object`), a class (instantiated with its defaults), or a
            callable (returned as is: an instance, or your own function).
        kind: The family's word for messages.
        table: The family's ``{name: class or factory}`` dict.
        custom_objects: Optional dict of your own objects. Defaults to ``None``.

    Raises:
        ValueError: For an unknown name.
        TypeError: For anything else that is not callable.

    Example:
        >>> from kerasedu import initializers as ini
        >>> type(get_object("ones", "initializer", ini.INITIALIZERS)).__name__
        'Ones'
    """
    if identifier is None:
        return None
    if isinstance(identifier, str):
        found = lookup(identifier, kind, table, custom_objects)
        if table.get(identifier) is found:
            return found()  # a class or factory of the family: make one
        return get_object(found, kind, table)  # yours, as given
    if isinstance(identifier, dict):
        return deserialize_object(identifier, kind, table, custom_objects)
    if isinstance(identifier, type):
        return identifier()
    if callable(identifier):
        return identifier
    raise TypeError(
        f"Could not interpret {kind} identifier: expected a name, a config dict, a class, "
        f"an instance or a callable. Received: identifier={identifier!r}"
    )
