"""A functional model's config in Keras's format, and rebuilding the graph from it.

The config lists every layer with the calls that feed it::

    {"name": "functional", "trainable": true,
     "layers": [{"class_name": "Dense", "config": {...}, "name": "dense",
                 "inbound_nodes": [{"args": [<tensor>], "kwargs": {}}]}, ...],
     "input_layers": ["input_layer", 0, 0], "output_layers": ["dense_1", 0, 0]}

where ``<tensor>`` is ``{"class_name": "__keras_tensor__", "config": {"shape",
"dtype", "keras_history": [layer name, node index, tensor index]}}`` (Keras 3).
Keras 2's older form, ``"inbound_nodes": [[["input_1", 0, 0, {}]]]``, is read too.
Node indices count only the calls that belong to this model.

Example:
    >>> from kerasedu.layers import Dense, Input
    >>> from kerasedu.models import Model
    >>> x = Input(shape=(3,), name="x")
    >>> config = Model(x, Dense(2, name="d")(x)).get_config()
    >>> config["layers"][1]["inbound_nodes"][0]["args"][0]["config"]["keras_history"]
    ['x', 0, 0]
"""

from kerasedu.layers.node import KerasTensor, map_structure
from kerasedu.lookup import serialize_layer


def get_functional_config(model):
    """Return ``model``'s graph as a JSON-serialisable dict (see the module docstring)."""
    own = {id(node) for node in model._nodes}

    def encode(value):
        return _tensor_config(value, own) if isinstance(value, KerasTensor) else value

    def endpoint(tensor):
        layer, node_index, tensor_index = tensor._keras_history
        offset = 1 if _is_functional(layer) else 0  # Keras counts a model's own node first
        return [layer.name, _own_index(layer, node_index, own) + offset, tensor_index]

    layer_configs = []
    for layer in model.layers:
        inbound = [
            {
                "args": map_structure(encode, [node.inputs, *node.call_args]),
                "kwargs": map_structure(encode, node.call_kwargs),
            }
            for node in layer._inbound_nodes
            if id(node) in own and not node.is_input
        ]
        layer_configs.append(
            {**serialize_layer(layer), "name": layer.name, "inbound_nodes": inbound}
        )
    return {
        "name": model.name,
        "trainable": model.trainable,
        "layers": layer_configs,
        "input_layers": map_structure(endpoint, model._inputs_struct),
        "output_layers": map_structure(endpoint, model._outputs_struct),
    }


def _own_index(layer, node_index, own):
    """Position of a call among this model's calls of ``layer`` (``own``: ids of its nodes)."""
    return sum(id(n) in own for n in layer._inbound_nodes[:node_index])


def _tensor_config(tensor, own):
    """Keras 3's ``__keras_tensor__`` reference to the tensor a layer call received."""
    layer, node_index, tensor_index = tensor._keras_history
    return {
        "class_name": "__keras_tensor__",
        "config": {
            "shape": list(tensor.shape),
            "dtype": tensor.dtype,
            "keras_history": [layer.name, _own_index(layer, node_index, own), tensor_index],
        },
    }


def rebuild_graph(config):
    """Call the layers of a functional config again, in order, starting from new `Input` tensors.

    Each entry of ``config["layers"]`` holds a built layer:
    ``{"layer": <Layer>, "name": ..., "inbound_nodes": [...]}`` (the serializer
    builds them from the saved configs, see `kerasedu.saving.serializer.build_nested`).

    Returns:
        ``(inputs, outputs)`` in the structure of ``input_layers``/``output_layers``.
    """
    created = {}
    pending = []  # (layer, node data) calls still to make, in config order
    for entry in config["layers"]:
        layer = entry["layer"]
        created[entry.get("name", layer.name)] = layer
        pending.extend((layer, node_data) for node_data in entry.get("inbound_nodes", []))
    while pending:  # a shared layer may wait for a call of a layer listed after it
        waiting, blocked = [], set()
        for layer, node_data in pending:
            call = None if id(layer) in blocked else _decode_call(node_data, created)
            if call is None:  # its later calls wait too, so node indices keep their order
                blocked.add(id(layer))
                waiting.append((layer, node_data))
            else:
                layer(*call[0], **call[1])
        if len(waiting) == len(pending):
            raise ValueError(
                f"Cannot rebuild the graph: the calls of {[layer.name for layer, _ in waiting]}"
                " depend on layers that are never called. The config is damaged."
            )
        pending = waiting

    def endpoint_tensor(entry):
        name, node_index, tensor_index = entry
        layer = _find(created, name)
        node_index -= 1 if _is_functional(layer) else 0
        return layer._inbound_nodes[node_index].output_tensors[tensor_index]

    inputs = _map_endpoints(endpoint_tensor, config["input_layers"])
    outputs = _map_endpoints(endpoint_tensor, config["output_layers"])
    return _unwrap_single(inputs), _unwrap_single(outputs)


def _unwrap_single(structure):
    """Keras 2 lists even a single endpoint (``[[name, 0, 0]]``): a one-item list is its item."""
    if isinstance(structure, list) and len(structure) == 1:
        return structure[0]
    return structure


def _decode_call(node_data, created):
    """Return ``(args, kwargs)`` for one saved call, or ``None`` if an input does not exist yet."""
    # Keras 2: [[layer name, node index, tensor index, kwargs], ...]
    if isinstance(node_data, list):
        tensors = [_existing_tensor(created, entry[:3], legacy=True) for entry in node_data]
        if any(t is None for t in tensors):
            return None
        kwargs = node_data[0][3] if len(node_data[0]) > 3 else {}
        return [tensors[0] if len(tensors) == 1 else tensors], dict(kwargs)
    missing = []

    def decode(value):
        if isinstance(value, dict) and value.get("class_name") == "__keras_tensor__":
            tensor = _existing_tensor(created, value["config"]["keras_history"])
            missing.append(tensor is None)
            return tensor
        return value

    args = _decode_nested(decode, node_data.get("args", []))
    kwargs = _decode_nested(decode, node_data.get("kwargs", {}))
    return None if any(missing) else (args, kwargs)


def _decode_nested(fn, value):
    if isinstance(value, dict) and value.get("class_name") != "__keras_tensor__":
        return {key: _decode_nested(fn, item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode_nested(fn, item) for item in value]
    return fn(value)


def _existing_tensor(created, history, legacy=False):
    name, node_index, tensor_index = history
    layer = _find(created, name)
    if legacy and _is_functional(layer):
        node_index -= 1  # Keras 2 counted a nested model's own node first
    if node_index >= len(layer._inbound_nodes):
        return None
    return layer._inbound_nodes[node_index].output_tensors[tensor_index]


def _find(created, name):
    if name not in created:
        raise ValueError(
            f"The config refers to a layer '{name}' that it does not define. "
            f"Defined layers: {sorted(created)}"
        )
    return created[name]


def _map_endpoints(fn, structure):
    """Apply ``fn`` to each ``[name, node, tensor]`` leaf of a nested structure."""
    if isinstance(structure, list) and len(structure) == 3 and isinstance(structure[0], str):
        return fn(structure)
    if isinstance(structure, dict):
        return {key: _map_endpoints(fn, value) for key, value in structure.items()}
    return [_map_endpoints(fn, item) for item in structure]


def _is_functional(layer):
    """Keras numbers a nested functional model's calls from 1 (not Sequential's)."""
    return getattr(layer, "_counts_own_node", False)
