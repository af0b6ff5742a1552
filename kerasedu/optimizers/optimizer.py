"""`Optimizer`: the loop every optimizer shares; subclasses write only their update rule.

One call of ``apply_gradients(zip(grads, variables))`` does, in Keras's order:

1. build the state ("slots", e.g. Adam's ``m`` and ``v``) of variables seen for the first time;
2. clip the gradients (``clipnorm``, ``global_clipnorm`` or ``clipvalue``);
3. compute the learning rate for this step (a float, a schedule, or the legacy ``decay``);
4. apply decoupled weight decay ``w -= w * weight_decay * lr`` if set;
5. call ``update_step(grad, variable, lr)`` per variable (the subclass's formula,
   which updates ``variable.data`` in place);
6. apply each variable's constraint, and count the step in ``iterations``.

Example:
    >>> from kerasedu.autograd import Variable
    >>> from kerasedu.optimizers import SGD
    >>> w = Variable(np.array([1.0, 2.0], dtype="float32"), name="w")
    >>> SGD(learning_rate=0.1).apply_gradients([(np.array([1.0, -1.0]), w)])
    >>> [round(float(x), 4) for x in w.numpy()]
    [0.9, 2.1]
"""

import warnings

import numpy as np

from kerasedu.autograd.tensor import Tensor
from kerasedu.device import get_array_module, to_device, to_numpy
from kerasedu.diagnostics import stacklevel_outside_kerasedu
from kerasedu.optimizers import schedules
from kerasedu.optimizers.clipping import clip_by_global_norm, clip_by_norm


class Optimizer:
    """Base class of the optimizers.

    Args:
        learning_rate: A float or a `LearningRateSchedule`. Defaults to ``0.001``.
        weight_decay: If set, decoupled weight decay ``w -= w * weight_decay * lr``
            before each update. Defaults to ``None``.
        clipnorm: Clip each gradient to this L2 norm. Defaults to ``None``.
        clipvalue: Clip each gradient element to ``[-clipvalue, clipvalue]``.
            Defaults to ``None``.
        global_clipnorm: Clip all gradients jointly to this L2 norm. Defaults to ``None``.
        name: Name of the optimizer.
        decay: Keras 2's learning-rate decay, ``lr / (1 + decay * iterations)``
            (deprecated: use a schedule). Defaults to ``None``.
    """

    scalar_state = ("iterations",)  # optimizer-wide numbers saved with get_state()
    config_keys = ()  # a subclass's own arguments, stored as attributes of the same names
    slots = ()  # names of the per-variable state arrays, when they do not depend on arguments

    def __init__(
        self,
        learning_rate=0.001,
        weight_decay=None,
        clipnorm=None,
        clipvalue=None,
        global_clipnorm=None,
        name=None,
        decay=None,
    ):
        if sum(c is not None for c in (clipnorm, clipvalue, global_clipnorm)) > 1:
            raise ValueError(
                "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. "
                f"Received: clipnorm={clipnorm}, clipvalue={clipvalue}, "
                f"global_clipnorm={global_clipnorm}"
            )
        if decay:
            warnings.warn(
                "`decay` is the Keras 2 learning-rate decay (removed in Keras 2.11 and Keras 3); "
                "use a schedule such as `kerasedu.optimizers.schedules.InverseTimeDecay` "
                "instead.",
                DeprecationWarning,
                stacklevel=stacklevel_outside_kerasedu(),
            )
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.clipnorm = clipnorm
        self.clipvalue = clipvalue
        self.global_clipnorm = global_clipnorm
        self.decay = decay
        self.name = name or type(self).__name__.lower()
        self.iterations = 0
        self._variables = []  # every variable seen, in first-seen order
        self._slots = {}  # id(variable) -> {slot name: array}
        self._excluded_ids, self._excluded_names = set(), ()
        self._pending_slots = None  # slot arrays from set_state() before the first build

    # --- the learning rate ----------------------------------------------------------
    @property
    def learning_rate(self):
        """The current learning rate as a float (a schedule is evaluated at ``iterations``)."""
        if isinstance(self._learning_rate, schedules.LearningRateSchedule):
            return self._learning_rate(self.iterations)
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value):
        if isinstance(value, schedules.LearningRateSchedule):
            self._learning_rate = value
            return
        if isinstance(value, Tensor):
            value = value.item()
        try:
            self._learning_rate = float(value)
        except (TypeError, ValueError):
            raise TypeError(
                "learning_rate must be a float or a LearningRateSchedule. "
                f"Received: learning_rate={value!r}"
            ) from None

    def current_learning_rate(self):
        """The rate this step uses: the schedule (or float), then the legacy ``decay``."""
        lr = self.learning_rate
        if self.decay:
            lr = lr / (1.0 + self.decay * self.iterations)
        return lr

    # --- state ("slots") --------------------------------------------------------------
    def slot_names(self):
        """Names of the per-variable state arrays: ``slots`` (``()`` for plain SGD)."""
        return self.slots

    def initial_slot_value(self, slot_name):
        """Value a new slot array is filled with. Defaults to ``0.0``."""
        return 0.0

    def build(self, variables):
        """Create the slot arrays of every variable not seen before."""
        new_variables = [v for v in variables if id(v) not in self._slots]
        for variable in new_variables:
            self._slots[id(variable)] = {
                name: get_array_module(variable.data).full_like(
                    variable.data, self.initial_slot_value(name)
                )
                for name in self.slot_names()
            }
            self._variables.append(variable)
        if new_variables and self._pending_slots is not None:
            pending, self._pending_slots = self._pending_slots, None
            self._restore_slots(pending)

    def slot(self, variable, slot_name):
        """Return the state array ``slot_name`` (e.g. ``"momentum"``) of ``variable``."""
        return self._slots[id(variable)][slot_name]

    # --- one training step ----------------------------------------------------------
    def apply_gradients(self, grads_and_vars):
        """Update each variable in place from its gradient.

        Args:
            grads_and_vars: Iterable of ``(gradient, variable)`` pairs; gradients
                are arrays (or Tensors) of the variable's shape. ``None``
                gradients are skipped.
        """
        variables, grads = [], []
        for grad, variable in grads_and_vars:
            if grad is not None:
                variables.append(variable)
                grads.append(self._as_gradient(grad, variable))
        if not variables:
            raise ValueError("No gradients provided for any variable.")
        self.build(variables)
        grads = self.clip_gradients(grads)
        lr = self.current_learning_rate()
        if self.weight_decay:
            self.apply_weight_decay(variables, lr)
        self.begin_step()
        for grad, variable in zip(grads, variables):
            self.update_step(grad, variable, lr)
        self.iterations += 1
        for variable in variables:
            if getattr(variable, "constraint", None) is not None:
                variable.assign(variable.constraint(variable.data))

    def _as_gradient(self, grad, variable):
        """The gradient as an array of the variable's dtype; shape checked."""
        if isinstance(grad, Tensor):
            grad = grad.data
        if type(grad) is not type(variable.data):  # a list, or a NumPy gradient on the GPU
            grad = get_array_module(variable.data).asarray(grad)
        if grad.shape != variable.data.shape:
            raise ValueError(
                f"Gradient of shape {tuple(grad.shape)} does not match variable "
                f"{variable.name!r} of shape {tuple(variable.data.shape)}."
            )
        return grad.astype(variable.data.dtype, copy=False)

    def clip_gradients(self, grads):
        """Apply ``clipnorm``, ``global_clipnorm`` or ``clipvalue`` (at most one is set)."""
        if self.clipnorm:
            return [clip_by_norm(g, self.clipnorm) for g in grads]
        if self.global_clipnorm:
            return clip_by_global_norm(grads, self.global_clipnorm)
        if self.clipvalue:
            return [get_array_module(g).clip(g, -self.clipvalue, self.clipvalue) for g in grads]
        return grads

    def exclude_from_weight_decay(self, var_list=None, var_names=None):
        """Exempt variables (e.g. biases) from ``weight_decay``: by object or by name substring."""
        self._excluded_ids = {id(v) for v in (var_list or [])}
        self._excluded_names = tuple(var_names or ())

    def apply_weight_decay(self, variables, lr):
        """Decoupled weight decay ``w -= w * weight_decay * lr`` (AdamW's rule)."""
        for variable in variables:
            name = variable.name or ""
            if id(variable) in self._excluded_ids or any(n in name for n in self._excluded_names):
                continue
            variable.data -= variable.data * (self.weight_decay * lr)

    def begin_step(self):
        """Hook run once per step before the per-variable updates (Nadam uses it)."""

    def update_step(self, grad, variable, lr):
        """Update ``variable.data`` in place from ``grad``; implemented by subclasses."""
        raise NotImplementedError(f"{type(self).__name__} must implement update_step().")

    # --- saving and resuming ----------------------------------------------------------
    def get_state(self):
        """Return the optimizer's state as a list of ``(name, NumPy array)`` pairs.

        ``iterations`` (and other optimizer-wide numbers) first, then each
        variable's slots, named ``"<variable name>/<slot name>"``.
        """
        state = [(name, np.array(getattr(self, name))) for name in self.scalar_state]
        for index, variable in enumerate(self._variables):
            prefix = variable.name or f"variable_{index}"
            for slot_name, array in self._slots[id(variable)].items():
                state.append((f"{prefix}/{slot_name}", to_numpy(array).copy()))
        return state

    def variables(self):
        """Same as `get_state`: the names and values of all optimizer state."""
        return self.get_state()

    def set_state(self, state):
        """Restore `get_state`'s list (pairs or bare arrays, in the same order).

        Slots given before the optimizer has seen any variable are kept and
        restored when `build` first runs.
        """
        arrays = [value[1] if isinstance(value, tuple) else value for value in state]
        n_scalars = len(self.scalar_state)
        if len(arrays) < n_scalars:
            raise ValueError(f"State needs at least {n_scalars} entries. Received {len(arrays)}.")
        for name, value in zip(self.scalar_state, arrays):
            value = np.asarray(value)
            setattr(self, name, int(value) if value.dtype.kind in "iu" else float(value))
        slots = arrays[n_scalars:]
        if self._variables:
            self._restore_slots(slots)
        elif slots:
            self._pending_slots = slots

    def _restore_slots(self, arrays):
        targets = [a for v in self._variables for a in self._slots[id(v)].values()]
        if len(arrays) != len(targets):
            raise ValueError(
                f"The saved optimizer state has {len(arrays)} slot arrays but this "
                f"optimizer has {len(targets)} for its variables."
            )
        for target, value in zip(targets, arrays):
            if tuple(np.shape(value)) != tuple(target.shape):
                raise ValueError(
                    f"Saved slot of shape {np.shape(value)} does not fit a slot of "
                    f"shape {tuple(target.shape)}."
                )
            target[...] = to_device(to_numpy(value), dtype=target.dtype)

    # --- configuration ----------------------------------------------------------------
    def get_config(self):
        """Return the constructor arguments as a JSON-serialisable dict."""
        lr = self._learning_rate
        if isinstance(lr, schedules.LearningRateSchedule):
            lr = schedules.serialize(lr)
        config = {
            "name": self.name,
            "learning_rate": lr,
            "weight_decay": self.weight_decay,
            "clipnorm": self.clipnorm,
            "global_clipnorm": self.global_clipnorm,
            "clipvalue": self.clipvalue,
        }
        if self.decay:
            config["decay"] = self.decay
        return {**config, **{key: getattr(self, key) for key in self.config_keys}}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Rebuild an optimizer from `get_config`'s dict."""
        config = dict(config)
        if isinstance(config.get("learning_rate"), dict):
            config["learning_rate"] = schedules.deserialize(config["learning_rate"], custom_objects)
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name!r} learning_rate={self.learning_rate}>"
