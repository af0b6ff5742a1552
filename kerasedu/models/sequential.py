"""`Sequential`: a model that is a plain stack of layers, each feeding the next.

Calling the model runs a plain loop: ``for layer in self.layers: x = layer(x)``.
Once the input shape is known (from ``Input(shape)`` as the first element, an
``input_shape=`` on the first layer, ``build(input_shape)``, or the first batch
of data), the stack is also recorded as a symbolic graph, which gives
``summary()``, ``output_shape``, shape errors and the functional API (a
Sequential's ``inputs`` and ``outputs`` can build a `Model`). Until then the
layers just wait, unbuilt.

Example:
    >>> from kerasedu.layers import Dense, Input
    >>> model = Sequential([Input(shape=(784,)), Dense(400, activation="relu"), Dense(10)])
    >>> model.output_shape, model.count_params()
    ((None, 10), 318010)
    >>> model(np.zeros((2, 784), dtype="float32")).shape
    (2, 10)
"""

from kerasedu.layers.input_layer import InputLayer
from kerasedu.layers.layer import Layer
from kerasedu.layers.node import KerasTensor
from kerasedu.lookup import serialize_layer
from kerasedu.models.functional import Functional
from kerasedu.models.model import Model


class Sequential(Functional):
    """A linear stack of layers.

    Args:
        layers: Layers to add in order (an ``Input(shape)`` may come first).
            Defaults to ``None`` (add them later with `add`).
        name: Model name. Defaults to ``sequential``, ``sequential_1``...
        trainable: Whether training updates the weights. Defaults to ``True``.

    Example:
        >>> from kerasedu.layers import Dense
        >>> model = Sequential()
        >>> model.add(Dense(4, input_shape=(3,), name="hidden"))
        >>> model.add(Dense(1, name="out"))
        >>> [layer.name for layer in model.layers], model.input_shape
        (['hidden', 'out'], (None, 3))
    """

    _counts_own_node = False

    def __init__(self, layers=None, name=None, trainable=True, **kwargs):
        Model.__init__(self, name=name, trainable=trainable, **kwargs)
        self._stack = []  # the layers, with the InputLayer first once there is one
        self._nodes, self._layers, self.inputs, self.outputs = [], [], [], []
        for layer in layers or []:
            self.add(layer)

    @property
    def layers(self):
        """The layers added, without the `InputLayer` (as Keras 3 reports them)."""
        return [layer for layer in self._stack if not isinstance(layer, InputLayer)]

    def add(self, layer):
        """Append a layer on top of the stack (an ``Input(shape)`` may only come first).

        Raises:
            TypeError: If ``layer`` is not a layer.
            ValueError: If an input comes after other layers, or a name repeats.
        """
        if isinstance(layer, KerasTensor):
            layer = layer._keras_history[0]  # Input(shape) -> its InputLayer
        if not isinstance(layer, Layer):
            raise TypeError(
                f"Sequential.add() takes a layer. Received: layer={layer!r} "
                f"(of type {type(layer).__name__})"
            )
        if isinstance(layer, InputLayer) and self._stack:
            raise ValueError(
                f"An Input must be the first element of Sequential '{self.name}'. "
                f"Received: an Input after {[added.name for added in self._stack]}"
            )
        if any(existing.name == layer.name for existing in self._stack):
            raise ValueError(
                f"All layers of Sequential '{self.name}' need unique names; "
                f"'{layer.name}' is already in it."
            )
        shape = None if self._stack or isinstance(layer, InputLayer) else _known_input(layer)
        if shape:  # Dense(4, input_shape=(3,)) first: it starts with an InputLayer
            self._stack.append(InputLayer(batch_shape=shape))
        self._stack.append(layer)  # a TrackedList: the model now owns the layer (tracking.py)
        if self.inputs:
            self._connect(self._stack[-1:])
        elif isinstance(self._stack[0], InputLayer):
            self._connect(self._stack[1:])

    def pop(self):
        """Remove and return the last layer.

        Raises:
            ValueError: If the model has no layers.
        """
        if not self.layers:
            raise ValueError(f"Sequential '{self.name}' has no layers to pop.")
        layer = self._stack.pop()
        self._nodes, self._layers, self.inputs, self.outputs = [], [], [], []
        self.input_spec = None
        self.built = False
        if self._stack and isinstance(self._stack[0], InputLayer):
            self._connect(self._stack[1:])
        return layer

    def build(self, input_shape=None):
        """Fix the input shape (with the batch axis, e.g. ``(None, 784)``) and build every layer."""
        if not self._stack or not isinstance(self._stack[0], InputLayer):
            if input_shape is None:
                raise ValueError(
                    f"Sequential '{self.name}' does not know its input shape: pass "
                    "build(input_shape=(None, ...)) or start it with Input(shape)."
                )
            self._stack.insert(0, InputLayer(batch_shape=tuple(input_shape)))
        if not self.inputs:
            self._connect(self._stack[1:])

    def _connect(self, new_layers):
        """Call ``new_layers`` symbolically on the current output and update the graph."""
        if not self.inputs:
            self.inputs = [self._stack[0].output]
            self.outputs = list(self.inputs)
        x = self.outputs[0]
        for layer in new_layers:
            x = layer(x)
            if isinstance(x, list):
                raise ValueError(
                    f"Layer '{layer.name}' returns several tensors; a Sequential "
                    "model needs one output per layer. Use the functional API."
                )
        self._init_graph(self.inputs[0], x)

    def call(self, inputs, training=None):
        """Run the layers in order, each on the previous one's output.

        ``Layer.__call__`` has built the model on the first batch (if no input
        shape was given) and checked the input's shape.
        """
        x = inputs
        for layer in self.layers:
            x = layer(x, training=training)
        return x

    def compute_output_shape(self, input_shape):
        """Chain each layer's ``compute_output_shape``."""
        shape = input_shape
        for layer in self.layers:
            layer.maybe_build(shape)
            shape = layer.compute_output_shape(shape)
        return shape

    def get_config(self):
        """Return ``{"name", "trainable", "layers", "build_input_shape"}`` (Keras 3's format)."""
        config = {
            "name": self.name,
            "trainable": self.trainable,
            "layers": [serialize_layer(layer) for layer in self._stack],
        }
        if self.inputs:
            config["build_input_shape"] = list(self.inputs[0].shape)
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Rebuild the stack; Keras 2's plain list of layer configs is accepted too.

        The serializer builds the layers before calling this; a direct call with
        the layers' configs (Keras's ``Sequential.from_config(model.get_config())``)
        asks the serializer to build them.
        """
        if isinstance(config, list):
            config = {"layers": config}
        if any(isinstance(layer, dict) for layer in config["layers"]):
            # A user-facing convenience: the serializer sits above models.
            from kerasedu.saving.serializer import build_nested

            config = build_nested(config, custom_objects)
        model = cls(name=config.get("name"), trainable=config.get("trainable", True))
        for layer in config["layers"]:
            model.add(layer)
        if not model.inputs and config.get("build_input_shape") is not None:
            model.build(config["build_input_shape"])
        return model


def _known_input(layer):
    """The batch input shape that a first layer gives a Sequential: declared, or built for."""
    if layer._batch_input_shape is not None:
        return layer._batch_input_shape
    try:  # a built layer or model: Keras 3 builds the Sequential on its input shape
        shape = layer.input_shape if layer.built else None
    except AttributeError:
        return None
    is_one_shape = isinstance(shape, tuple) and all(d is None or isinstance(d, int) for d in shape)
    return shape if is_one_shape else None
