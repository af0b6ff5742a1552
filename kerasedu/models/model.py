"""`Model`: a layer that can be trained (compile / fit / evaluate / predict).

(Skeleton: the training methods are being written.)
"""

from kerasedu.layers.layer import Layer


class Model(Layer):
    """A trainable graph of layers.

    ``Model(inputs=..., outputs=...)`` builds a functional model (see
    `kerasedu.models.functional.Functional`); subclasses of `Model` define
    ``call`` themselves.
    """

    def __new__(cls, *args, **kwargs):
        if cls is Model and ("inputs" in kwargs or "input" in kwargs or len(args) >= 2):
            from kerasedu.models.functional import Functional  # functional.py imports this module

            return super().__new__(Functional)
        return super().__new__(cls)
