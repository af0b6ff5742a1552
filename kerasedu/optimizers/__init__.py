"""Optimizers: SGD, RMSprop, Adagrad, Adadelta, Adam, Adamax, Nadam, AdamW, and schedules.

``optimizers.get("adam")`` returns ``Adam()`` with Keras's defaults;
``serialize``/``deserialize`` turn an optimizer into a JSON-friendly dict and back,
looking class names up in a closed table (never importing by name).

Example:
    >>> from kerasedu import optimizers
    >>> opt = optimizers.get("rmsprop")
    >>> type(opt).__name__, opt.learning_rate
    ('RMSprop', 0.001)
"""

from kerasedu.lookup import lookup, serialize_object, your_object
from kerasedu.optimizers import schedules
from kerasedu.optimizers.adadelta import Adadelta
from kerasedu.optimizers.adagrad import Adagrad
from kerasedu.optimizers.adam import Adam
from kerasedu.optimizers.adamax import Adamax
from kerasedu.optimizers.adamw import AdamW
from kerasedu.optimizers.nadam import Nadam
from kerasedu.optimizers.optimizer import Optimizer
from kerasedu.optimizers.rmsprop import RMSprop
from kerasedu.optimizers.schedules import LearningRateSchedule
from kerasedu.optimizers.sgd import SGD

OPTIMIZERS = {
    cls.__name__.lower(): cls
    for cls in (SGD, RMSprop, Adagrad, Adadelta, Adam, Adamax, Nadam, AdamW)
}


def get(identifier, custom_objects=None):
    """Return an optimizer instance from a name, a config dict or an instance.

    Args:
        identifier: ``"sgd"``, ``"adam"``... (any case), a dict from `serialize`,
            an `Optimizer` (returned as is) or an `Optimizer` subclass.
        custom_objects: Optional dict of user optimizer classes by name.
            Defaults to ``None``.

    Returns:
        An `Optimizer`.

    Example:
        >>> get("SGD").learning_rate
        0.01
    """
    if isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, type) and issubclass(identifier, Optimizer):
        return identifier()
    if isinstance(identifier, str):
        return deserialize({"class_name": identifier, "config": {}}, custom_objects)
    if isinstance(identifier, dict):
        return deserialize(identifier, custom_objects)
    raise ValueError(
        f"Could not interpret optimizer identifier: {identifier!r}. Use a name "
        f"such as 'adam' or an optimizer instance. Known names: {sorted(OPTIMIZERS)}"
    )


def serialize(optimizer):
    """Return ``{"class_name": ..., "config": optimizer.get_config()}``.

    Example:
        >>> serialize(Adam(learning_rate=0.01))["config"]["learning_rate"]
        0.01
    """
    return serialize_object(optimizer)


def deserialize(config, custom_objects=None):
    """Rebuild an optimizer from `serialize`'s dict.

    Only kerasedu's optimizers and the classes in ``custom_objects`` can be
    named, so a saved file cannot make kerasedu import arbitrary code.

    Example:
        >>> deserialize({"class_name": "Adam", "config": {"learning_rate": 0.01}}).learning_rate
        0.01
    """
    name = config.get("class_name")
    if your_object(name, custom_objects) is None and str(name).lower() in OPTIMIZERS:
        name = str(name).lower()  # "Adam", "adam" and "ADAM" all name Adam, as in Keras
    cls = lookup(name, "optimizer", OPTIMIZERS, custom_objects)
    return cls.from_config(config.get("config") or {}, custom_objects)
