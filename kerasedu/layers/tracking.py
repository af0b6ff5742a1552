"""`Trackable`: what a layer owns: the layers and variables assigned to it, and their losses.

Keras layers nest: ``self.dense = Dense(3)`` in a layer's ``__init__`` makes the
Dense part of that layer, so its weights show in ``layer.weights``, its losses in
``layer.losses``, and ``layer.trainable = False`` freezes it too. `Layer`
inherits from `Trackable`, whose ``__setattr__`` looks at every value assigned
to ``self``: a layer, a `Variable`, or a list, tuple or dict holding some is
recorded under the attribute's name. The work is done at assignment, once, so
that reading ``weights`` or ``losses`` during ``fit`` walks ready-made lists.

A list or dict assigned to ``self`` is stored as a `TrackedList` or `TrackedDict`,
a copy that tells its layer when it changes, as in Keras 3: after ``self.blocks =
[]``, ``self.blocks.append(Dense(4))`` adds the Dense to the layer (forgetting that
would leave its weights out of ``layer.weights``, untrained and unsaved).

Example:
    >>> from kerasedu.layers import Dense, Layer
    >>> class Block(Layer):
    ...     def __init__(self):
    ...         super().__init__()
    ...         self.hidden = [Dense(4), Dense(4)]
    ...         self.out = Dense(1)
    >>> block = Block()
    >>> len(block._tracked_layers)
    3
    >>> block.trainable = False  # sets the flag of every tracked layer too
    >>> block.out.trainable
    False
    >>> block.hidden.append(Dense(2))  # tracked too
    >>> len(block._tracked_layers)
    4
"""

from kerasedu.autograd.tensor import Tensor
from kerasedu.autograd.variable import Variable
from kerasedu.tree import flatten

# the base layer's own lists, kept by its methods: plain lists, never tracked containers
_BOOKKEEPING = frozenset(
    {"_trainable_weights", "_non_trainable_weights", "_losses", "_inbound_nodes"}
)


class Trackable:
    """Base class of `Layer`: the layers and variables assigned to ``self``, and their losses.

    ``_tracked`` maps each attribute name to the layers and variables found in
    its value; ``_tracked_layers`` lists those layers in assignment order, each
    once. A variable assigned to ``self`` (``self.w = Variable(...)``) joins
    the layer's own weights (``_trainable_weights`` or ``_non_trainable_weights``),
    unless `Layer.add_weight` put it there already.
    """

    def __setattr__(self, name, value):
        """Set the attribute; track what it holds (the flag ``trainable``: set it inside too)."""
        if isinstance(value, (list, dict)) and name not in _BOOKKEEPING:
            value = (TrackedDict if isinstance(value, dict) else TrackedList)(value, self, name)
        object.__setattr__(self, name, value)
        if name == "trainable":  # Keras 3: the flag of a layer is the flag of all it holds
            for layer in self.__dict__.get("_tracked_layers", ()):
                layer.trainable = value
        elif isinstance(value, (Trackable, Variable, list, tuple, dict)):
            self._track(name, _trackables(value))
        elif name in self.__dict__.get("_tracked", ()):  # e.g. self.dense = None: forget it
            self._track(name, [])

    def _retrack(self, name, container):
        """``container``, the value of attribute ``name``, changed: track what it holds now."""
        if self.__dict__.get(name) is container:  # not replaced since (nor being copied)
            self._track(name, _trackables(container))

    def _track(self, name, items):
        # __dict__: this may run before Layer.__init__ (a subclass that sets attributes first)
        tracked = self.__dict__.setdefault("_tracked", {})
        if not items and name not in tracked:
            return  # a plain list or tuple (a shape, kernel_size...): nothing to own
        tracked[name] = items
        layers = [item for items in tracked.values() for item in items if item is not self]
        self.__dict__["_tracked_layers"] = unique(i for i in layers if isinstance(i, Trackable))
        variables = [item for item in items if isinstance(item, Variable)]
        if variables:  # new ones become this layer's own, not a sub-layer's (self.w = d.kernel)
            known = self.weights
            for variable in (v for v in variables if not any(v is w for w in known)):
                own = self._trainable_weights if variable.trainable else self._non_trainable_weights
                own.append(variable)

    # --- weights: own first, then the tracked layers' ----------------------------------
    @property
    def weights(self):
        """All weights, in Keras 3's order: the layer's own (trainable first), then its layers'."""
        nested = [w for layer in self._tracked_layers for w in layer.weights]
        return unique(self._trainable_weights + self._non_trainable_weights + nested)

    @property
    def trainable_weights(self):
        """The weights training updates: none when ``layer.trainable`` is False."""
        if not self.trainable:
            return []
        nested = [w for layer in self._tracked_layers for w in layer.trainable_weights]
        return unique(self._trainable_weights + nested)

    @property
    def non_trainable_weights(self):
        """Weights training leaves alone (frozen weights, BatchNormalization's moving stats)."""
        if not self.trainable:  # a frozen layer: all its weights are non-trainable
            return self.weights
        nested = [w for layer in self._tracked_layers for w in layer.non_trainable_weights]
        return unique(self._non_trainable_weights + nested)

    # --- losses ----------------------------------------------------------------------
    @property
    def losses(self):
        """Scalar losses for training: the trainable weights' penalties, then `add_loss`'s.

        The `add_loss` values are those of the latest call, from this layer and
        every layer inside it. A frozen layer's weights are not trained, so their
        penalties do not count (Keras 3).
        """
        trained = flatten_layers(self, trainable_only=True)
        weights = [w for layer in trained for w in layer._trainable_weights]
        penalties = [w.regularizer(w) for w in weights if w.regularizer is not None]
        return penalties + [loss for layer in flatten_layers(self) for loss in layer._losses]

    def add_loss(self, loss):
        """Record a scalar loss Tensor (or a list of them) in ``call``; training adds it.

        The losses of a call stay in ``losses`` (also in the ``losses`` of every
        layer or model around this one) until the next call from outside any
        layer, as in Keras.

        Example:
            >>> import numpy as np
            >>> from kerasedu.layers import Layer
            >>> class Penalty(Layer):
            ...     def call(self, inputs):
            ...         self.add_loss(0.5 * inputs.mean())
            ...         return inputs
            >>> layer = Penalty()
            >>> _ = layer(np.ones((2, 3), dtype="float32"))
            >>> [float(loss.numpy()) for loss in layer.losses]
            [0.5]
        """
        for value in flatten(loss):
            if not isinstance(value, Tensor):
                raise TypeError(
                    "add_loss() takes Tensors computed in call(), e.g. "
                    f"self.add_loss(0.01 * inputs.mean()). Received: {value!r}"
                )
            self._losses.append(value)


def flatten_layers(layer, trainable_only=False):
    """Return ``layer`` and every layer inside it, at any depth, each once (depth first).

    With ``trainable_only``, frozen layers (and all they hold) are left out.
    """
    found, stack, seen = [], [layer], set()
    while stack:
        current = stack.pop()
        if id(current) not in seen and (current.trainable or not trainable_only):
            seen.add(id(current))
            found.append(current)
            stack.extend(reversed(current._tracked_layers))
    return found


def clear_losses(layer):
    """Forget the `add_loss` values of ``layer`` and of every layer inside it."""
    for each in flatten_layers(layer):
        each._losses.clear()


def unique(items):
    """``items`` without repeats (by identity), in order: a weight two layers share counts once."""
    seen, result = set(), []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            result.append(item)
    return result


def _trackables(value):
    """The layers and variables in ``value`` (a layer, or a list/tuple/dict holding some)."""
    return [item for item in flatten(value) if isinstance(item, (Trackable, Variable))]


class _Owned:
    """What `TrackedList` and `TrackedDict` share: the layer and attribute they belong to."""

    _owner = _name = None  # class defaults: unpickling adds the items before it restores these

    def __init__(self, values=(), owner=None, name=None):
        super().__init__(values)
        self._owner, self._name = owner, name

    def _changed(self, added=()):
        # adding plain values (numbers logged each batch...) to an untracked list costs nothing
        owner = self._owner
        if owner is not None and (
            _trackables(list(added)) or self._name in owner.__dict__.get("_tracked", ())
        ):
            owner._retrack(self._name, self)


class TrackedList(_Owned, list):
    """A list that belongs to a layer attribute: layers added or removed later are (un)tracked.

    `Trackable.__setattr__` makes one from every list assigned to a layer; copies
    (``list(...)``, slices) are plain lists again.

    Example:
        >>> from kerasedu.layers import Dense, Layer
        >>> layer = Layer()
        >>> layer.blocks = []
        >>> layer.blocks.append(Dense(2))
        >>> type(layer.blocks).__name__, len(layer._tracked_layers)
        ('TrackedList', 1)
    """

    def append(self, value):
        super().append(value)
        self._changed([value])

    def extend(self, values):
        values = list(values)
        super().extend(values)
        self._changed(values)

    def insert(self, index, value):
        super().insert(index, value)
        self._changed([value])

    def __iadd__(self, values):
        self.extend(values)
        return self

    def __setitem__(self, index, value):
        added = list(value) if isinstance(index, slice) else [value]  # an iterator: read once
        super().__setitem__(index, added if isinstance(index, slice) else value)
        self._changed(added)

    def __delitem__(self, index):
        super().__delitem__(index)
        self._changed()

    def remove(self, value):
        super().remove(value)
        self._changed()

    def pop(self, index=-1):
        value = super().pop(index)
        self._changed()
        return value

    def clear(self):
        super().clear()
        self._changed()


class TrackedDict(_Owned, dict):
    """A dict that belongs to a layer attribute: `TrackedList` for dicts (``self.heads["out"]``)."""

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self._changed([value])

    def update(self, *args, **kwargs):
        added = dict(*args, **kwargs)
        super().update(added)
        self._changed(added.values())

    def __ior__(self, other):
        self.update(other)
        return self

    def setdefault(self, key, default=None):
        value = super().setdefault(key, default)
        self._changed([value])
        return value

    def __delitem__(self, key):
        super().__delitem__(key)
        self._changed()

    def pop(self, *args):
        value = super().pop(*args)
        self._changed()
        return value

    def popitem(self):
        item = super().popitem()
        self._changed()
        return item

    def clear(self):
        super().clear()
        self._changed()
