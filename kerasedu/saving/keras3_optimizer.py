"""The optimizer's state in Keras 3's layout: ``optimizer/vars`` in a ``.keras`` file's weights.

Keras 3 numbers its optimizer's variables in the order it creates them, so a
``.keras`` file holds, for ``Adam`` on a model with one Dense layer::

    optimizer/vars/0    iteration            the step count
    optimizer/vars/1    learning_rate        (absent when the rate is a schedule)
    optimizer/vars/2    kernel momentum      the slots: for each group of slot names
    optimizer/vars/3    kernel velocity      Keras creates together, every trainable
    optimizer/vars/4    bias momentum        weight in the model's order, each name
    optimizer/vars/5    bias velocity        of the group in turn
    (last)              u_product            optimizer-wide numbers (Nadam's)

Keras 3's legacy ``.h5`` files hold the same list under ``optimizer_weights``
(`restore` takes it from there too). Keras gives no names in the file, only
positions, so both ways go through one list of entries, each naming what it
holds: ``("scalar", "iterations")`` or ``("slot", (weight, "momentum"))``. The
slots are found by weight and slot name (`Optimizer.slot`), never by the
optimizer's own storage order.

Example:
    >>> from kerasedu.layers import Dense, Input
    >>> from kerasedu.models import Sequential
    >>> model = Sequential([Input(shape=(3,)), Dense(2)])
    >>> model.compile(optimizer="adam", loss="mse")
    >>> model.optimizer.build(model.trainable_weights)
    >>> [key if kind == "scalar" else key[1] for kind, key in entries(model)][:4]
    ['iterations', 'learning_rate', 'momentum', 'velocity']
"""

import warnings

import numpy as np

from kerasedu.device import to_device, to_numpy
from kerasedu.diagnostics import stacklevel_outside_kerasedu
from kerasedu.optimizers.schedules import LearningRateSchedule
from kerasedu.saving.errors import KerasEduFileError
from kerasedu.saving.keras3_weights import read_group

GROUP = "optimizer/vars"
# Slot names Keras creates in separate passes over the weights (the others: in one pass)
_SLOT_PASSES = {
    "Adam": (("momentum", "velocity"), ("velocity_hat",)),
    "RMSprop": (("velocity",), ("momentum",), ("average_gradient",)),
}


def _slot_passes(optimizer):
    """The slot names grouped as Keras creates them, e.g. ``[("momentum", "velocity")]``."""
    names = optimizer.slot_names()
    keras_class = next(
        (c.__name__ for c in type(optimizer).__mro__ if c.__name__ in _SLOT_PASSES), None
    )
    passes = _SLOT_PASSES[keras_class] if keras_class else (names,)
    return [tuple(n for n in group if n in names) for group in passes if set(group) & set(names)]


def entries(model, built=None):
    """``[(kind, key)]`` for the optimizer's variables, in Keras 3's order.

    Args:
        model: A compiled model.
        built: Whether to list the slots and optimizer-wide extras. Defaults to
            whether the optimizer has slots yet (a fit has run, or a load built it).
    """
    optimizer = model.optimizer
    listed = [("scalar", "iterations")]
    if not isinstance(optimizer._learning_rate, LearningRateSchedule):
        listed.append(("scalar", "learning_rate"))
    if not (optimizer._variables if built is None else built):
        return listed
    for group in _slot_passes(optimizer):
        listed += [("slot", (w, name)) for w in model.trainable_weights for name in group]
    return listed + [("scalar", name) for name in optimizer.scalar_state[1:]]


def _value(optimizer, kind, key):
    if kind == "slot":
        return to_numpy(optimizer.slot(*key))
    if key == "learning_rate":
        return np.float32(optimizer.learning_rate)  # a float32 variable in Keras
    return np.asarray(getattr(optimizer, key))  # int64 step count, float64 extras


def save_to_file(h5file, model):
    """Write ``model.optimizer``'s state into an open ``h5py.File``, under ``optimizer/vars``."""
    optimizer = model.optimizer
    if optimizer._variables:  # Keras's optimizer has slots for every trainable weight
        optimizer.build(model.trainable_weights)
    group = h5file.require_group(GROUP)
    group.attrs["name"] = optimizer.name
    for index, (kind, key) in enumerate(entries(model)):
        group.create_dataset(str(index), data=_value(optimizer, kind, key))


def load_from_file(h5file, model, path, build=True):
    """Restore ``model.optimizer``'s state from an open, checked file in Keras 3's layout.

    A file without ``optimizer/vars`` changes nothing; otherwise see `restore`.
    """
    if hasattr(h5file.get(GROUP), "keys"):
        restore(model, read_group(h5file, GROUP, path), path, build=build)


def restore(model, arrays, path, with_rate=True, build=True):
    """Put Keras 3's optimizer variables (``arrays``, in its order) into ``model.optimizer``.

    Arrays from an optimizer that never took a step hold only the step count and
    the rate. Arrays that do not match this model and optimizer are skipped with
    a warning, as Keras does. ``with_rate=False``: the arrays lack the learning rate
    (Keras 2.11+'s ``.h5`` files; the order is otherwise the same).
    ``build=False`` (``load_weights``): an optimizer that has not taken a step yet
    takes only a file of the same kind; Keras 3 builds it only when it loads a model.

    Raises:
        KerasEduFileError: an array has the wrong shape.
    """

    def listing(built):
        return [e for e in entries(model, built) if with_rate or e != ("scalar", "learning_rate")]

    has_slots = bool(model.optimizer._variables)
    listed = listing(built=len(arrays) > len(listing(built=False)) if build else has_slots)
    if len(arrays) != len(listed):
        hint = "" if build or has_slots else (
            " Its slots appear at its first step: to resume training, save and load the "
            "whole model (model.save, load_model)."
        )  # fmt: skip
        warnings.warn(
            f"{path}: the optimizer state is not restored: the file holds {len(arrays)} "
            f"optimizer variables, this model's {type(model.optimizer).__name__} has "
            f"{len(listed)} (the optimizer starts afresh; the weights are loaded).{hint}",
            stacklevel=stacklevel_outside_kerasedu(),
        )
        return
    for index, ((kind, key), array) in enumerate(zip(listed, arrays)):
        expected = tuple(key[0].shape) if kind == "slot" else ()
        if tuple(array.shape) != expected:
            raise KerasEduFileError(
                path,
                f"optimizer variable {index} has shape {array.shape}, but the optimizer's "
                f"{_describe(kind, key)} has shape {expected}.",
            )
    model.optimizer.build(model.trainable_weights)
    for (kind, key), array in zip(listed, arrays):
        _assign(model.optimizer, kind, key, array)


def _describe(kind, key):
    return f"{key[1]} of {key[0].name!r}" if kind == "slot" else key


def _assign(optimizer, kind, key, array):
    if kind == "slot":
        target = optimizer.slot(*key)
        target[...] = to_device(array, dtype=target.dtype)
    elif key == "iterations":
        optimizer.iterations = int(array)
    elif key != "learning_rate":
        setattr(optimizer, key, float(array))
    elif np.float32(array) != np.float32(optimizer.learning_rate):  # keep the config's float
        optimizer.learning_rate = float(array)
