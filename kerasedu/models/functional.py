"""`Functional`: a model defined as a graph of layer calls, ``Model(inputs, outputs)``.

Calling layers on the `KerasTensor` from `Input` records a `Node` per call.
``Model(inputs, outputs)`` walks those nodes back from the outputs to the
inputs, keeps them in an order where every node comes after the nodes it
depends on, and ``call`` replays them on real data. The same layer object may
be called several times (its weights are shared), and a whole model may be
called like a layer inside another model.

Example:
    >>> from kerasedu.layers import Dense, Input
    >>> from kerasedu.models import Model
    >>> inputs = Input(shape=(4,))
    >>> outputs = Dense(2)(Dense(3, activation="relu")(inputs))
    >>> model = Model(inputs, outputs)
    >>> [layer.__class__.__name__ for layer in model.layers]
    ['InputLayer', 'Dense', 'Dense']
    >>> model(np.ones((5, 4), dtype="float32")).shape
    (5, 2)
"""

from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.node import KerasTensor
from kerasedu.models import functional_config
from kerasedu.models.graph import map_graph
from kerasedu.models.model import Model
from kerasedu.tree import flatten, map_structure


class Functional(Model):
    """A model whose layers form a graph from ``inputs`` to ``outputs``.

    Usually created as ``Model(inputs, outputs)``. Keras 1's
    ``Model(input=..., output=...)`` works too, with a warning.

    Args:
        inputs: A `KerasTensor` from `Input`, or a list (or dict) of them.
        outputs: The KerasTensor(s) computed from ``inputs`` by calling layers.
        name: Model name. Defaults to ``functional``, ``functional_1``...
        trainable: Whether training updates the weights. Defaults to ``True``.

    Example:
        >>> from kerasedu.layers import Dense, Input, concatenate
        >>> a, b = Input(shape=(2,), name="a"), Input(shape=(3,), name="b")
        >>> model = Model([a, b], Dense(1)(concatenate([a, b])))
        >>> model([np.ones((4, 2)), np.ones((4, 3))]).shape
        (4, 1)
    """

    _counts_own_node = True  # Keras's configs number this model's calls from 1

    def __init__(self, inputs, outputs, name=None, trainable=True, **kwargs):
        super().__init__(name=name, trainable=trainable, **kwargs)
        self._init_graph(inputs, outputs)

    def _init_graph(self, inputs, outputs):
        """Check the inputs and outputs, then find the nodes and layers between them."""
        for kind, structure in (("inputs", inputs), ("outputs", outputs)):
            leaves = flatten(structure)
            top = list(structure.values()) if isinstance(structure, dict) else structure
            holes = isinstance(top, (list, tuple)) and any(t is None for t in top)
            if holes or not leaves or not all(isinstance(t, KerasTensor) for t in leaves):
                raise ValueError(
                    f"All `{kind}` of a functional model must be KerasTensors (from "
                    f"`Input` or a layer called on one). Received: {kind}={structure!r}"
                )
        self._inputs_struct, self._outputs_struct = inputs, outputs
        self.inputs, self.outputs = flatten(inputs), flatten(outputs)
        self._nodes, self._layers = map_graph(self.inputs, self.outputs)
        self.input_spec = [InputSpec(shape=t.shape, name=t.name) for t in self.inputs]
        self.built = True

    # --- structure ----------------------------------------------------------------
    @property
    def layers(self):
        """The model's layers in Keras's order (inputs first), `InputLayer` included."""
        return list(self._layers)

    @property
    def input(self):
        """The input KerasTensor(s), in the structure given to the constructor."""
        return self._inputs_struct

    @property
    def output(self):
        """The output KerasTensor(s), in the structure given to the constructor."""
        return self._outputs_struct

    @property
    def input_shape(self):
        """Shape of the input (``None`` for the batch axis), or a list for several inputs."""
        shapes = [t.shape for t in self.inputs]
        return shapes[0] if len(shapes) == 1 else shapes

    @property
    def output_shape(self):
        """Shape of the output, or a list for several outputs."""
        shapes = [t.shape for t in self.outputs]
        return shapes[0] if len(shapes) == 1 else shapes

    @property
    def input_names(self):
        """Names of the input layers."""
        return [t._keras_history[0].name for t in self.inputs]

    @property
    def output_names(self):
        """Names of the layers that produce the outputs (keys for per-output losses)."""
        return [t._keras_history[0].name for t in self.outputs]

    def get_layer(self, name=None, index=None):
        """Return a layer by ``name`` or by position ``index`` in ``layers``.

        Raises:
            ValueError: If no layer has that name (the message lists the names),
                or the index is out of range.

        Example:
            >>> from kerasedu.layers import Dense, Input
            >>> x = Input(shape=(2,))
            >>> Model(x, Dense(1, name="out")(x)).get_layer("out").units
            1
        """
        if index is not None:
            if not -len(self.layers) <= index < len(self.layers):
                raise ValueError(
                    f"Model '{self.name}' has {len(self.layers)} layers. Received: index={index}"
                )
            return self.layers[index]
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ValueError(
            f"No layer named '{name}' in model '{self.name}'. Its layers are: "
            f"{[layer.name for layer in self.layers]}. Received: name={name!r}"
        )

    # --- running -------------------------------------------------------------------
    def call(self, inputs, training=None, mask=None):
        """Replay the graph on ``inputs`` (Tensors), passing ``training`` to each layer.

        ``Layer.__call__`` has already checked the inputs against ``input_spec``
        (one `InputSpec` per `Input`); a dict of inputs is ordered by input name.
        A ``mask`` (one per input) is attached to the inputs: the layers read it
        from there, as every mask travels with its tensor (see `mask_flow`).
        """
        if isinstance(inputs, dict):
            inputs = self._inputs_from_dict(inputs)
        flat = inputs if isinstance(inputs, (list, tuple)) else [inputs]
        masks = mask if isinstance(mask, (list, tuple)) else [mask]
        for x, given in zip(flat, masks):
            if given is not None:
                x._keras_mask = given
        values = {id(t): x for t, x in zip(self.inputs, flat)}
        for node in self._nodes:
            if node.is_input or all(id(t) in values for t in node.output_tensors):
                continue
            args = map_structure(lambda v: _lookup(values, v), (node.inputs, *node.call_args))
            kwargs = map_structure(lambda v: _lookup(values, v), node.call_kwargs)
            if training is not None and "training" not in kwargs:
                kwargs["training"] = training
            outputs = node.layer(*args, **kwargs)
            results = outputs if isinstance(outputs, (list, tuple)) else [outputs]
            for tensor, value in zip(node.output_tensors, results):
                values[id(tensor)] = value
        return map_structure(lambda t: values[id(t)], self._outputs_struct)

    def _inputs_from_dict(self, data):
        names = [t.name for t in self.inputs]
        missing = [n for n in names if n not in data]
        if missing:
            raise ValueError(
                f"Model '{self.name}' needs inputs named {names}; missing {missing}. "
                f"Received keys: {sorted(data)}"
            )
        ordered = [data[n] for n in names]
        return ordered[0] if len(ordered) == 1 else ordered

    # --- serialization --------------------------------------------------------------
    def get_config(self):
        """Return the graph in Keras's functional format (layers with ``inbound_nodes``)."""
        return functional_config.get_functional_config(self)

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Rebuild a model from `get_config`'s dict; the weights are new (use ``set_weights``).

        The serializer builds the layers before calling this; a direct call with
        the layers' configs (Keras's ``Functional.from_config(model.get_config())``)
        asks the serializer to build them.
        """
        if any("layer" not in entry for entry in config["layers"]):
            # A user-facing convenience: the serializer sits above models.
            from kerasedu.saving.serializer import build_nested

            config = build_nested(config, custom_objects)
        inputs, outputs = functional_config.rebuild_graph(config)
        return cls(
            inputs, outputs, name=config.get("name"), trainable=config.get("trainable", True)
        )

    def to_json(self, **kwargs):
        """Return the model's architecture (no weights) as a JSON string in Keras's layout.

        Args:
            **kwargs: Passed to ``json.dumps`` (``indent=2``...).
        """
        from kerasedu.saving.model_json import model_to_json  # user-facing: saving is above models

        return model_to_json(self, **kwargs)

    def to_yaml(self, **kwargs):
        """Not supported: Keras removed YAML export because loading YAML could run code."""
        raise RuntimeError(
            "Model.to_yaml() was removed in Keras 2.6 because loading YAML could run "
            "arbitrary code. Use model.to_json() and models.model_from_json()."
        )


def _lookup(values, item):
    """Replace a KerasTensor by its computed value; leave other call arguments alone."""
    if isinstance(item, KerasTensor):
        return values[id(item)]
    return item
