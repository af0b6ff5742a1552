"""`Variable`: a named, trainable Tensor that a layer owns (a weight).

Example:
    >>> import numpy as np
    >>> v = Variable(np.zeros((2, 3), dtype="float32"), name="dense/kernel")
    >>> v.name, v.trainable, v.requires_grad
    ('dense/kernel', True, True)
"""

from kerasedu.autograd.tensor import Tensor, _to_array


class Variable(Tensor):
    """A layer weight: a Tensor with a ``name``, a ``trainable`` flag and an optional constraint.

    Args:
        value: Initial array.
        name: Full name, ``"<layer name>/<weight name>"`` (e.g. ``"dense/kernel"``).
        trainable: Whether optimizers update it. Defaults to ``True``.
        constraint: Optional callable applied after each optimizer update.
        regularizer: Optional callable whose value is added to the training loss.
    """

    def __init__(self, value, name=None, trainable=True, constraint=None, regularizer=None):
        super().__init__(value, requires_grad=trainable, name=name)
        self.trainable = trainable
        self.constraint = constraint
        self.regularizer = regularizer

    @property
    def path(self):
        """The name, as Keras 3 calls it."""
        return self.name

    def assign(self, value):
        """Overwrite the value in place (same shape), keeping this Variable's identity."""
        value = _to_array(value, dtype=self.data.dtype)
        if tuple(value.shape) != self.shape:
            raise ValueError(
                f"Cannot assign a value of shape {tuple(value.shape)} to variable "
                f"{self.name!r} of shape {self.shape}."
            )
        self.data[...] = value

    def assign_add(self, delta):
        """Add ``delta`` in place (a metric's running total); return the Variable."""
        self.assign(self.data + _to_array(delta, dtype=self.data.dtype))
        return self
