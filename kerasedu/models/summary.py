"""`print_summary`: the table ``model.summary()`` prints.

One row per layer: ``name (ClassName)``, its output shape (``None`` is the
batch axis) and its number of parameters, then the totals. Graphs that are not
a simple chain get a "Connected to" column naming each layer's inputs as
``layer_name[node][tensor]``, as Keras does.

The table is drawn with plain ASCII (``_`` and ``=`` lines, as Keras 2 did)
rather than Keras 3's box-drawing characters: ASCII lines up in every terminal,
notebook and font, including the CJK fonts of the Chinese lessons, where
box-drawing characters are often drawn at double width.

Example:
    >>> from kerasedu.layers import Dense, Input
    >>> from kerasedu.models import Sequential
    >>> model = Sequential([Input(shape=(784,)), Dense(400, name="dense"),
    ...                     Dense(10, name="dense_1")], name="mlp")
    >>> model.summary()  # doctest: +NORMALIZE_WHITESPACE
    Model: "mlp"
    _________________________________________________________________
     Layer (type)                 Output Shape                Param #
    =================================================================
     dense (Dense)                (None, 400)                 314,000
     dense_1 (Dense)              (None, 10)                    4,010
    =================================================================
    Total params: 318,010 (1.21 MB)
    Trainable params: 318,010 (1.21 MB)
    Non-trainable params: 0 (0.00 B)
    _________________________________________________________________
"""


def print_summary(model, line_length=None, positions=None, print_fn=None):
    """Print ``model``'s layer table and parameter totals.

    Args:
        model: A built model: `Sequential`, functional, or a subclass of `Model`
            (its layers as assigned in ``__init__``, without "Connected to").
        line_length: Total width. Defaults to 65 (98 with "Connected to").
        positions: Where each column ends, as fractions of ``line_length`` (all
            <= 1) or as absolute positions. Defaults to ``[0.45, 0.85, 1.0]``
            (``[0.33, 0.55, 0.67, 1.0]`` with "Connected to").
        print_fn: Called with each line. Defaults to ``print``.

    Raises:
        ValueError: If the model is not built yet (its shapes are unknown), or
            ``positions`` does not give one position per column.
    """
    print_fn = print_fn or print
    if not model.built:
        raise ValueError(
            f"Model '{model.name}' has not been built yet, so its shapes are unknown. "
            "Call it on data, call `build(input_shape)`, or start it with `Input(shape)`."
        )
    chain = _is_chain(model)
    header = ["Layer (type)", "Output Shape", "Param #"] + ([] if chain else ["Connected to"])
    line_length = line_length or (65 if chain else 98)
    stops = _column_stops(positions, line_length, chain, len(header))
    longest = max((len(_label(layer)) for layer in model.layers), default=0)
    widen = max(0, longest + 2 - stops[0])  # long layer names widen the table, not break it
    stops = [stop + widen for stop in stops]
    line_length = max(line_length + widen, stops[-1])
    print_fn(f'Model: "{model.name}"')
    print_fn("_" * line_length)
    print_fn(_row(header, stops))
    print_fn("=" * line_length)
    for layer in model.layers:
        for line in _layer_lines(model, layer, stops, chain):
            print_fn(line)
    print_fn("=" * line_length)
    trainable, frozen = model.trainable_weights, model.non_trainable_weights
    print_fn(f"Total params: {_count(trainable + frozen):,} ({_memory(trainable + frozen)})")
    print_fn(f"Trainable params: {_count(trainable):,} ({_memory(trainable)})")
    print_fn(f"Non-trainable params: {_count(frozen):,} ({_memory(frozen)})")
    print_fn("_" * line_length)


def _column_stops(positions, line_length, chain, columns):
    """Where each column ends, in characters (Keras's rule: positions <= 1 are fractions)."""
    if positions is None:
        positions = [0.45, 0.85, 1.0] if chain else [0.33, 0.55, 0.67, 1.0]
    if len(positions) != columns:
        raise ValueError(
            f"summary() needs one position per column ({columns}). Received: positions={positions}"
        )
    if positions[-1] <= 1:
        return [int(line_length * p) for p in positions]
    return [int(p) for p in positions]


def _label(layer):
    """``"dense (Dense)"``: the first column of a layer's row."""
    return f"{layer.name} ({type(layer).__name__})"


def _layer_lines(model, layer, stops, chain):
    name = _label(layer)
    params = f"{layer.count_params():,}" if layer.built else "0 (unbuilt)"
    fields = [name, _shape_text(_output_shape(layer)), params]
    if chain:
        return [_row(fields, stops)]
    inbound = _connections(model, layer) or ["-"]
    lines = [_row(fields + [inbound[0]], stops)]
    lines += [_row(["", "", "", extra], stops) for extra in inbound[1:]]
    return lines


def _row(fields, stops):
    """Lay out ``fields`` in columns ending at ``stops``; the Param # column is right-aligned."""
    line, start = " ", 1
    for i, (field, stop) in enumerate(zip(fields, stops)):
        width = stop - start
        text = field
        if i == 2:
            text = text.rjust(width - 1) + " "
        line += text.ljust(width - 1) + " "
        start = stop
    return line.rstrip()


def _output_shape(layer):
    """The layer's output shape, or ``"?"`` for a layer of a subclassed model never called."""
    try:
        return layer.output_shape
    except AttributeError:
        return "?"


def _shape_text(shape):
    if shape == "?":
        return shape
    if isinstance(shape, list):
        return "[" + ", ".join(str(tuple(s)) for s in shape) + "]"
    return str(tuple(shape))


def _connections(model, layer):
    own = {id(node) for node in model._nodes}
    names = []
    for node in layer._inbound_nodes:
        if id(node) not in own or node.is_input:
            continue
        for tensor in node.input_tensors:
            source, node_index, tensor_index = tensor._keras_history
            names.append(f"{source.name}[{node_index}][{tensor_index}]")
    return names


def _is_chain(model):
    """True when every layer is called once on one input: a "sequential-like" graph."""
    if type(model).__name__ == "Sequential" or not hasattr(model, "_nodes"):
        return True  # a Sequential, or a subclassed model: no graph to show
    own = {id(node) for node in model._nodes}
    for layer in model.layers:
        nodes = [n for n in layer._inbound_nodes if id(n) in own]
        if len(nodes) > 1 or any(len(n.input_tensors) > 1 for n in nodes):
            return False
    consumers = [t for n in model._nodes for t in n.input_tensors]
    return (
        len(model.inputs) == 1
        and len(model.outputs) == 1
        and len({id(t) for t in consumers}) == len(consumers)
    )


def _count(weights):
    return int(sum(w.size for w in weights))


def _memory(weights):
    """Bytes of the weights as ``"1.21 MB"`` (powers of 1024, as Keras prints)."""
    size = float(sum(w.data.nbytes for w in weights))
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.2f} {unit}"
        size /= 1024
