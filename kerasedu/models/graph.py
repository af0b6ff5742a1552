"""Walking a functional graph: which nodes and layers lie between the inputs and outputs.

`map_graph` does a depth-first search back from each output tensor through
the node that produced it, stopping at the model's inputs. It returns the
nodes in an executable order (every node after the nodes it depends on) and
the layers in Keras's order: by depth (distance from the outputs, deepest
first, so inputs come first), ties broken by the order the search met them.
That order fixes ``model.layers`` and the order of ``model.weights``.

Example:
    >>> from kerasedu.layers import Dense, Input
    >>> x = Input(shape=(3,))
    >>> y = Dense(1)(Dense(2)(x))
    >>> nodes, layers = map_graph([x], [y])
    >>> [type(layer).__name__ for layer in layers]
    ['InputLayer', 'Dense', 'Dense']
"""


def map_graph(inputs, outputs):
    """Return ``(nodes, layers)`` of the graph from ``inputs`` to ``outputs``.

    Args:
        inputs: List of KerasTensors where the graph starts.
        outputs: List of KerasTensors where it ends.

    Returns:
        ``nodes``: list of `Node` in execution order; ``layers``: list of layers
        in Keras's order (each once, even when called several times).

    Raises:
        ValueError: If an output depends on an `Input` that is not in ``inputs``
            ("graph disconnected"), or if the graph has a cycle.
    """
    search = _Search(inputs)
    for tensor in outputs:
        search.visit(tensor)
    depths = _node_depths(search.nodes)
    layer_depth = {}
    for node in search.nodes:
        key = id(node.layer)
        layer_depth[key] = max(layer_depth.get(key, 0), depths[id(node)])
    layers = sorted(
        search.layers, key=lambda layer: (-layer_depth[id(layer)], search.layer_rank[id(layer)])
    )
    return search.nodes, layers


class _Search:
    """Depth-first search from the outputs; ``nodes`` ends in post-order (inputs first)."""

    def __init__(self, inputs):
        self.input_ids = {id(t) for t in inputs}
        self.nodes, self.layers, self.layer_rank = [], [], {}
        self.done, self.in_progress = set(), set()

    def visit(self, tensor):
        layer, node_index, _ = tensor._keras_history
        node = layer._inbound_nodes[node_index]
        if id(node) in self.done:
            return
        if id(node) in self.in_progress:
            raise ValueError(f"The graph has a cycle through layer '{layer.name}'.")
        is_model_input = id(tensor) in self.input_ids
        if node.is_input and not is_model_input:
            raise ValueError(
                f"Graph disconnected: the value of tensor {tensor!r} (from input layer "
                f"'{layer.name}') is needed, but it is not one of the model's inputs. "
                f"Layers reached so far: {[seen.name for seen in self.layers]}. Add it to `inputs`."
            )
        if is_model_input and not node.is_input:
            return  # an intermediate tensor used as a model input: its history is not replayed
        if id(layer) not in self.layer_rank:  # pre-order rank, Keras's tie-breaker
            self.layer_rank[id(layer)] = len(self.layer_rank)
            self.layers.append(layer)
        self.in_progress.add(id(node))
        if not is_model_input:
            for parent in node.input_tensors:
                self.visit(parent)
        self.in_progress.discard(id(node))
        self.done.add(id(node))
        self.nodes.append(node)


def _node_depths(nodes):
    """Depth of each node: 0 at the outputs, parents at least one deeper than their children.

    All calls of one layer get the same depth (the largest), as in Keras, so a
    shared layer appears once, at its deepest position.
    """
    depths, layer_depths = {}, {}
    for node in reversed(nodes):  # outputs first
        depth = max(depths.get(id(node), 0), layer_depths.get(id(node.layer), 0))
        depths[id(node)] = depth
        layer_depths[id(node.layer)] = depth
        if node.is_input:
            continue
        for parent in node.parent_nodes:
            depths[id(parent)] = max(depths.get(id(parent), 0), depth + 1)
    return depths
