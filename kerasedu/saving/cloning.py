"""``clone_model``: the same architecture with new layers and fresh weights.

Keras's way: the model's config, built again by the serializer. With a
``clone_function``, each layer of the model is passed to it and its result
(a new layer) takes the layer's place in the new model.

Example:
    >>> from kerasedu.layers import Dense, Input
    >>> from kerasedu.models import Sequential
    >>> model = Sequential([Input(shape=(3,)), Dense(2, name="d")])
    >>> clone = clone_model(model)
    >>> clone.get_layer("d") is model.get_layer("d"), clone.output_shape
    (False, (None, 2))
"""

from kerasedu.saving.serializer import build_nested, deserialize_layer, serialize_layer


def clone_model(model, input_tensors=None, clone_function=None):
    """Return a new model with the architecture of ``model`` and newly initialized weights.

    Args:
        model: A `Sequential` or functional model.
        input_tensors: Not supported (Keras's option to rewire the inputs); must be ``None``.
        clone_function: ``layer -> new layer``, called for each layer of the model.
            Defaults to ``None``: ``cls.from_config(layer.get_config())``.

    Returns:
        The new model (same class, same layer names; weights not copied: call
        ``clone.set_weights(model.get_weights())`` for that).

    Raises:
        ValueError: For ``input_tensors``.
    """
    if input_tensors is not None:
        raise ValueError(
            "kerasedu's clone_model builds the clone on inputs like the model's; "
            "call the clone on your tensors instead. Received: input_tensors="
            f"{input_tensors!r}"
        )
    config = serialize_layer(model)
    if clone_function is None:
        return deserialize_layer(config)
    originals = {layer.name: layer for layer in model.layers}
    inner = dict(config["config"])
    inner["layers"] = [_clone_entry(entry, originals, clone_function) for entry in inner["layers"]]
    return type(model).from_config(build_nested(inner))


def _clone_entry(entry, originals, clone_function):
    """One entry of the model's ``layers`` config, with the layer already built by the function."""
    layer = originals.get(entry["config"].get("name"))
    if layer is None:
        return entry  # an InputLayer that a Sequential does not list in `layers`
    if "inbound_nodes" not in entry:
        return clone_function(layer)  # a Sequential's entry is the layer itself
    name = entry.get("name", layer.name)
    return {"layer": clone_function(layer), "name": name, "inbound_nodes": entry["inbound_nodes"]}
