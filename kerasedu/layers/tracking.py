"""`Trackable`: what a layer owns: the layers and variables assigned to it, and their losses.

Keras layers nest: ``self.dense = Dense(3)`` in a layer's ``__init__`` makes the
Dense part of that layer, so its weights show in ``layer.weights``, its losses in
``layer.losses``, and ``layer.trainable = False`` freezes it too. `Layer`
inherits from `Trackable`, whose ``__setattr__`` looks at every value assigned
to ``self``: a layer, a `Variable`, or a list, tuple or dict holding some is
recorded under the attribute's name. The work is done at assignment, once, so
that reading ``weights`` or ``losses`` during ``fit`` walks ready-made lists.

A list is looked into when it is assigned: ``self.blocks = [Dense(4) for _ in
range(3)]`` is tracked, but a layer appended to ``self.blocks`` later is not
(assign the list again to track it).

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
"""

from kerasedu.autograd.tensor import Tensor
from kerasedu.autograd.variable import Variable
from kerasedu.tree import flatten


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
        object.__setattr__(self, name, value)
        if name == "trainable":  # Keras 3: the flag of a layer is the flag of all it holds
            for layer in self.__dict__.get("_tracked_layers", ()):
                layer.trainable = value
        elif isinstance(value, (Trackable, Variable, list, tuple, dict)):
            self._track(name, [i for i in flatten(value) if isinstance(i, (Trackable, Variable))])
        elif name in self.__dict__.get("_tracked", ()):  # e.g. self.dense = None: forget it
            self._track(name, [])

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
