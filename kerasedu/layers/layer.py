"""`Layer`: the base class of every layer (weights, build-on-first-call, config).

A layer turns inputs into outputs with ``call``. It creates its weights in
``build`` the first time it sees an input (only then are the sizes known), with
``add_weight``, so that every weight has a stable name such as ``dense/kernel``.
Called on real arrays it computes at once (eager); called on a symbolic
`KerasTensor` from `Input` it records a node of a functional model.

Example:
    >>> import numpy as np
    >>> from kerasedu.layers import Dense
    >>> layer = Dense(3)
    >>> layer(np.ones((2, 4), dtype="float32")).shape
    (2, 3)
    >>> [w.shape for w in layer.get_weights()]
    [(4, 3), (3,)]
"""

import numpy as np

from kerasedu import constraints, initializers, regularizers
from kerasedu.autograd.function import no_grad
from kerasedu.autograd.tensor import Tensor
from kerasedu.autograd.variable import Variable
from kerasedu.config import floatx
from kerasedu.device import to_device, to_numpy
from kerasedu.layers import input_spec, mask_flow, node
from kerasedu.layers.input_spec import adjust_input_rank, assert_input_compatibility
from kerasedu.layers.tracking import Trackable, clear_losses
from kerasedu.naming import to_snake_case, unique_name

_CALLING = []  # the layers being called, outermost first (add_loss values belong to one call)

_BASE_KWARGS = (
    "name",
    "trainable",
    "dtype",
    "input_shape",
    "input_dim",
    "batch_size",
    "batch_input_shape",
)


class Layer(Trackable):
    """Base class for layers.

    Layers and variables assigned to ``self`` (also in lists and dicts) become
    part of the layer (see `kerasedu.layers.tracking`).

    Args:
        name: Unique name; defaults to the class name in snake case plus a
            counter (``dense``, ``dense_1``...).
        trainable: Whether the weights are updated by training. Defaults to ``True``.
        input_shape: Shape of one sample, for the first layer of a `Sequential`
            (``input_dim=n`` is the same as ``input_shape=(n,)``).
        batch_size: Fixed batch size of that input, if any.

    Shapes:
        Set by each subclass; ``N`` is the batch axis.
    """

    supports_masking = False  # Keras: whether compute_mask passes masks on (mask_flow.py)
    compute_mask = mask_flow.compute_mask  # by default the outputs keep the input's mask

    def __init__(self, trainable=True, name=None, dtype=None, **kwargs):
        self._set_input_shape_kwargs(kwargs)
        self.__dict__.setdefault("_tracked_layers", [])  # a subclass may have set some already
        self._trainable_weights, self._non_trainable_weights = [], []
        self._losses = []  # what add_loss recorded during the latest call
        self.name = name or unique_name(to_snake_case(type(self).__name__))
        self.trainable = trainable
        self.dtype = dtype or floatx()
        self.built = False
        self.input_spec = None
        self._inbound_nodes = []  # filled when called on symbolic inputs
        self._build_input_shape = None
        self._output_shape = None

    def _set_input_shape_kwargs(self, kwargs):
        unknown = set(kwargs) - set(_BASE_KWARGS)
        if unknown:
            raise TypeError(
                f"{type(self).__name__}: unexpected keyword argument(s) {sorted(unknown)}."
            )
        shape = kwargs.get("input_shape")
        if kwargs.get("input_dim") is not None:
            shape = (kwargs["input_dim"],)
        batch_size = kwargs.get("batch_size")
        if kwargs.get("batch_input_shape") is not None:
            batch_size, *rest = kwargs["batch_input_shape"]
            shape = tuple(rest)
        self._batch_input_shape = None if shape is None else (batch_size, *tuple(shape))

    # --- weights ---------------------------------------------------------------
    def add_weight(
        self,
        shape=None,
        initializer=None,
        dtype=None,
        trainable=True,
        regularizer=None,
        constraint=None,
        name=None,
        autocast=True,
        aggregation="none",
    ):
        """Create, register and return a weight `Variable` named ``"<layer>/<name>"``.

        Args:
            shape: Shape of the weight. Defaults to ``()`` (a scalar).
            initializer: Name or initializer. Defaults to ``"glorot_uniform"`` for
                float weights and ``"zeros"`` for the others (as Keras 3).
            dtype: Defaults to the layer's dtype.
            trainable: Whether training updates it. Defaults to ``True``.
            regularizer, constraint: Optional penalty (added to ``losses``) and
                constraint (applied after each update).
            name: Defaults to ``variable``, ``variable_1``...
            autocast, aggregation: Accepted for Keras 3; they change nothing here.

        The initial value is drawn on the CPU from NumPy's global random state
        (so ``np.random.seed`` makes a model reproducible), then moved to the device.

        Example:
            >>> layer = Layer(name="scaler")
            >>> w = layer.add_weight(shape=(2,), initializer="ones", name="scale")
            >>> w.name, w.numpy().tolist(), layer.weights == [w]
            ('scaler/scale', [1.0, 1.0], True)
        """
        dtype = dtype or self.dtype
        if initializer is None:
            initializer = "glorot_uniform" if "float" in str(dtype) else "zeros"
        shape = () if shape is None else tuple(shape)
        value = np.asarray(initializers.get(initializer)(shape, dtype=dtype), dtype=dtype)
        variable = Variable(
            to_device(value),
            name=f"{self.name}/{name or unique_name('variable')}",
            trainable=trainable,
            constraint=constraints.get(constraint),
            regularizer=regularizers.get(regularizer),
        )
        (self._trainable_weights if trainable else self._non_trainable_weights).append(variable)
        return variable

    add_variable = add_weight  # Keras 3's other name (shape, initializer... by keyword)

    def get_weights(self):
        """Return the weights as a list of NumPy arrays, in the order of ``weights``."""
        return [to_numpy(w.data).copy() for w in self.weights]

    def set_weights(self, weights):
        """Set the weights from a list of arrays of the same shapes as `get_weights` returns."""
        own = self.weights
        if len(weights) != len(own):
            raise ValueError(
                f"Layer '{self.name}' expects {len(own)} weight arrays, "
                f"but received {len(weights)}."
            )
        for variable, value in zip(own, weights):
            if tuple(np.shape(value)) != variable.shape:
                raise ValueError(
                    f"Layer '{self.name}' weight '{variable.name}' has shape "
                    f"{variable.shape}, but received an array of shape {np.shape(value)}."
                )
        for variable, value in zip(own, weights):
            variable.assign(value)

    def count_params(self):
        """Return the number of scalars in all weights (trainable and not)."""
        if not self.built:
            raise ValueError(
                f"Layer '{self.name}' has no weights yet: call it on an input or "
                "give its input shape first, then count its parameters."
            )
        return int(sum(w.size for w in self.weights))

    # --- calling ---------------------------------------------------------------
    def __call__(self, inputs, *args, **kwargs):
        """Build on the first call, check the input, then run ``call``."""
        # a KerasTensor (from Input) in the inputs: record a node of a graph instead
        if not isinstance(inputs, (Tensor, np.ndarray)) and node.is_symbolic(inputs):
            return node.symbolic_call(self, inputs, *args, **kwargs)
        inputs = input_spec.to_tensors(inputs, self.dtype)
        if not self.built:  # the first input tells the sizes of the weights
            self.maybe_build(input_spec.batch_shapes(inputs))
        if self.input_spec is not None:
            inputs = adjust_input_rank(self.input_spec, inputs)  # Keras: 1-D data as a column
            assert_input_compatibility(self.input_spec, inputs, self.name)
        if "training" in kwargs and "training" not in mask_flow.call_parameters(type(self)):
            del kwargs["training"]  # only layers that behave differently in training take it
        if not _CALLING:  # called from outside any layer: forget the last call's add_loss values
            clear_losses(self)
        in_play = "mask" in kwargs or type(self).compute_mask is not Layer.compute_mask
        _CALLING.append(self)
        try:
            if in_play or getattr(inputs, "_keras_mask", None) is not None:  # see mask_flow.py
                return mask_flow.call_with_masks(self, inputs, args, kwargs)
            return self.call(inputs, *args, **kwargs)
        finally:
            _CALLING.pop()

    def maybe_build(self, input_shape):
        """Call ``build`` once, remembering the shape it was built for (``None`` batch axis)."""
        if not self.built:
            self.build(input_shape)
            self.built = True
            self._build_input_shape = input_shape

    def build(self, input_shape):
        """Create the weights for inputs of ``input_shape``. The base layer has none."""
        self.built = True

    def call(self, inputs, **kwargs):
        """The layer's computation. The base layer returns its input."""
        return inputs

    def compute_output_shape(self, input_shape):
        """Return the output shape for ``input_shape`` (``None`` for unknown sizes).

        The default runs the layer on zeros of that shape (batch size 1), which
        is always right and cheap for the small shapes used to build models.
        """

        def zeros(shape):
            return Tensor(np.zeros([1 if d is None else d for d in shape], dtype=self.dtype))

        several = _is_shape_list(input_shape)
        dummy = [zeros(s) for s in input_shape] if several else zeros(input_shape)
        with no_grad():
            output = self(dummy)
        if not _CALLING:  # working out a shape is no call whose losses count
            clear_losses(self)
        batch = (input_shape[0] if several else input_shape)[0]
        if isinstance(output, (list, tuple)):
            return [(batch, *o.shape[1:]) for o in output]
        return (batch, *output.shape[1:])

    # --- shapes once built -------------------------------------------------------
    @property
    def input_shape(self):
        """The input shape this layer was built for (``None`` for the batch axis)."""
        if self._inbound_nodes:
            return self._inbound_nodes[0].input_shapes
        return self._first_input_shape("input")

    @property
    def output_shape(self):
        """The output shape of this layer's first call."""
        if self._inbound_nodes:
            return self._inbound_nodes[0].output_shapes
        return self.compute_output_shape(self._first_input_shape("output"))

    @property
    def input(self):
        """The KerasTensor(s) of this layer's first call in a functional graph."""
        first = self._first_node("input")
        return first.outputs if first.is_input else first.inputs  # an InputLayer: its tensor

    @property
    def output(self):
        """The KerasTensor(s) of this layer's first call: ``Model(inputs, layer.output)``."""
        return self._first_node("output").outputs

    def _first_node(self, what):
        if not self._inbound_nodes:
            raise AttributeError(f"Layer '{self.name}' was never called on an Input: no {what}.")
        return self._inbound_nodes[0]

    def _first_input_shape(self, what):
        if self._build_input_shape is None:
            raise AttributeError(
                f"Layer '{self.name}' has not been called yet, so it has no {what} shape."
            )
        return self._build_input_shape

    # --- serialization ------------------------------------------------------------
    def get_config(self):
        """Return the constructor arguments as a JSON-serialisable dict."""
        config = {"name": self.name, "trainable": self.trainable, "dtype": self.dtype}
        if self._batch_input_shape is not None:
            config["batch_input_shape"] = list(self._batch_input_shape)
        return config

    @classmethod
    def from_config(cls, config):
        """Create a layer from the dict `get_config` returned."""
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name}, built={self.built}>"


def _is_shape_list(shape):
    return isinstance(shape, list) and len(shape) > 0 and isinstance(shape[0], (tuple, list))
