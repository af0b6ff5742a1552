"""Pictures of a model's layer graph (`plot_model`) and of training curves (`plot_history`).

Both draw with matplotlib alone (Keras's ``plot_model`` needs the Graphviz
program installed on the system). matplotlib is imported inside the functions,
so ``import kerasedu`` stays fast for code that never plots.

Example:
    >>> fig = plot_history({"loss": [1.0, 0.5], "val_loss": [1.1, 0.7]}, to_file=None)
    >>> [ax.get_title() for ax in fig.axes]
    ['loss']
"""

import os

_CHAR_WIDTH = 0.085  # inches per character at font size 9
_LINE_HEIGHT = 0.2  # inches per text line
_GAP = 0.45  # inches between boxes


def plot_model(
    model, to_file="model.png", show_shapes=False, show_layer_names=True, rankdir="TB", dpi=96
):
    """Draw the model's layers as boxes and their connections as arrows.

    Layers are placed in rows by their depth in the graph (inputs first), so a
    `Sequential` model becomes a column and a functional model with branches
    shows them side by side.

    Args:
        model: A built `Sequential` or functional `Model`.
        to_file: Output image; the extension picks the format (``.png``,
            ``.svg``, ``.pdf``). ``None`` draws without saving. Defaults to ``"model.png"``.
        show_shapes: Write each layer's input and output shapes. Defaults to ``False``.
        show_layer_names: Write each layer's name. Defaults to ``True``.
        rankdir: ``"TB"`` (top to bottom, default) or ``"LR"`` (left to right).
        dpi: Resolution of a PNG. Defaults to ``96``.

    Returns:
        The matplotlib ``Figure`` (a notebook displays it).

    Example:
        >>> from kerasedu.layers import Dense, Input
        >>> from kerasedu.models import Model
        >>> inputs = Input(shape=(4,))
        >>> model = Model(inputs, Dense(2)(inputs))
        >>> fig = plot_model(model, to_file=None, show_shapes=True)
        >>> len(fig.axes)
        1
    """
    from matplotlib.figure import Figure  # local: matplotlib is slow to import

    if rankdir not in ("TB", "LR"):
        raise ValueError(f'rankdir must be "TB" or "LR". Received: rankdir={rankdir!r}')
    layers = list(model.layers)
    if not layers:
        raise ValueError("The model has no layers to plot. Add layers (and build it) first.")
    edges = layer_edges(model)
    depth = layer_depths(layers, edges)
    labels = {id(layer): _label(layer, show_shapes, show_layer_names) for layer in layers}
    box = _box_size(labels.values())
    positions = _positions(layers, depth, box[0] + _GAP, box[1] + _GAP, rankdir)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    width = max(xs) - min(xs) + box[0] + 0.4
    height = max(ys) - min(ys) + box[1] + 0.4
    fig = Figure(figsize=(width, height), dpi=dpi)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(min(xs) - box[0] / 2 - 0.2, max(xs) + box[0] / 2 + 0.2)
    ax.set_ylim(min(ys) - box[1] / 2 - 0.2, max(ys) + box[1] / 2 + 0.2)
    ax.axis("off")
    _draw_graph(ax, layers, edges, positions, labels, box)
    if to_file:
        fig.savefig(to_file, dpi=dpi, format=os.path.splitext(to_file)[1][1:] or "png")
    return fig


def _box_size(labels):
    """``(width, height)`` in inches of a box that fits the longest and tallest label."""
    widest = max(len(line) for text in labels for line in text.split("\n"))
    tallest = max(text.count("\n") + 1 for text in labels)
    return widest * _CHAR_WIDTH + 0.3, tallest * _LINE_HEIGHT + 0.2


def _draw_graph(ax, layers, edges, positions, labels, box):
    """One rounded box per layer at its position, one arrow per edge."""
    from matplotlib.patches import FancyBboxPatch

    box_w, box_h = box
    for layer in layers:
        x, y = positions[id(layer)]
        corner = (x - box_w / 2, y - box_h / 2)
        style = {"boxstyle": "round,pad=0.02", "facecolor": "#e8f0fe", "edgecolor": "#3b5b92"}
        ax.add_patch(FancyBboxPatch(corner, box_w, box_h, **style))
        ax.text(x, y, labels[id(layer)], ha="center", va="center", fontsize=9, family="monospace")
    for parent, child in edges:
        start, end = positions[id(parent)], positions[id(child)]
        ax.annotate(
            "",
            xy=_box_edge(end, start, box_w, box_h),
            xytext=_box_edge(start, end, box_w, box_h),
            arrowprops={"arrowstyle": "->", "color": "#333333"},
        )


def layer_edges(model):
    """Return the ``(parent_layer, child_layer)`` pairs of the model's graph.

    Edges come from each layer's recorded calls (``layer._inbound_nodes``); a
    model without a recorded graph (a `Sequential` never called on an `Input`)
    is treated as a chain in ``model.layers`` order.

    Example:
        >>> from kerasedu.layers import Dense, Input
        >>> from kerasedu.models import Model
        >>> x = Input(shape=(3,))
        >>> [(a.name == b.name) for a, b in layer_edges(Model(x, Dense(1)(x)))]
        [False]
    """
    layers = list(model.layers)
    members = {id(layer) for layer in layers}
    edges, seen = [], set()
    for layer in layers:
        for node in getattr(layer, "_inbound_nodes", []):
            for tensor in getattr(node, "input_tensors", []):
                parent = tensor._keras_history[0]
                key = (id(parent), id(layer))
                if id(parent) in members and key not in seen:
                    seen.add(key)
                    edges.append((parent, layer))
    if not edges and len(layers) > 1:
        edges = list(zip(layers[:-1], layers[1:]))
    return edges


def layer_depths(layers, edges):
    """Depth of each layer (by ``id``): 0 for layers without parents, else 1 + deepest parent.

    Example:
        >>> a, b = object(), object()
        >>> depth = layer_depths([a, b], [(a, b)])
        >>> depth[id(a)], depth[id(b)]
        (0, 1)
    """
    parents = {id(layer): [] for layer in layers}
    for parent, child in edges:
        parents[id(child)].append(parent)
    depth = {}
    for _ in range(len(layers)):  # relax until stable: at most one pass per layer
        for layer in layers:
            depth[id(layer)] = max((depth.get(id(p), 0) + 1 for p in parents[id(layer)]), default=0)
    return depth


def _label(layer, show_shapes, show_layer_names):
    kind = type(layer).__name__
    text = f"{layer.name} ({kind})" if show_layer_names else kind
    if show_shapes:
        text += (
            f"\nin: {_shape_text(layer, 'input_shape')}\nout: {_shape_text(layer, 'output_shape')}"
        )
    return text


def _shape_text(layer, attribute):
    try:
        shape = getattr(layer, attribute)
    except (AttributeError, ValueError):  # a layer never called has no shapes
        return "?"
    return str(shape)


def _positions(layers, depth, step_across, step_down, rankdir):
    """Centre of each box: one row per depth, boxes of a row side by side."""
    rows = {}
    for layer in layers:
        rows.setdefault(depth[id(layer)], []).append(layer)
    positions = {}
    for level, members in rows.items():
        for i, layer in enumerate(members):
            across = (i - (len(members) - 1) / 2) * step_across
            if rankdir == "TB":
                positions[id(layer)] = (across, -level * step_down)
            else:
                positions[id(layer)] = (level * step_across, -across * step_down / step_across)
    return positions


def _box_edge(centre, towards, box_w, box_h):
    """The point on the border of the box at ``centre`` facing ``towards`` (arrows touch boxes)."""
    dx, dy = towards[0] - centre[0], towards[1] - centre[1]
    if dx == 0 and dy == 0:
        return centre
    scale = min(
        (box_w / 2) / abs(dx) if dx else float("inf"), (box_h / 2) / abs(dy) if dy else float("inf")
    )
    return (centre[0] + dx * scale, centre[1] + dy * scale)


def plot_history(history, metrics=None, to_file=None, dpi=96):
    """Plot the training curves of a `History` (what ``fit`` returns), one panel per metric.

    Each panel shows the training value and, when present, the ``val_`` value per epoch.

    Args:
        history: A `History` object or its ``.history`` dict.
        metrics: Names to plot (``["loss", "accuracy"]``). Defaults to ``None``:
            every recorded name that does not start with ``val_``.
        to_file: Save the figure there too. Defaults to ``None``.
        dpi: Resolution of a saved PNG. Defaults to ``96``.

    Returns:
        The matplotlib ``Figure``.

    Example:
        >>> fig = plot_history({"loss": [0.9, 0.4], "accuracy": [0.6, 0.9]})
        >>> [ax.get_title() for ax in fig.axes]
        ['loss', 'accuracy']
    """
    from matplotlib.figure import Figure  # local: matplotlib is slow to import

    logs = getattr(history, "history", history)
    if not isinstance(logs, dict) or not logs:
        raise ValueError(
            f"plot_history needs a History or a non-empty dict of lists. Received: {history!r}"
        )
    names = metrics or [name for name in logs if not name.startswith("val_")]
    missing = [name for name in names if name not in logs]
    if missing:
        raise ValueError(f"Unknown metric(s) {missing}: the history holds {sorted(logs)}.")
    fig = Figure(figsize=(4.5 * len(names), 3.5), dpi=dpi)
    for i, name in enumerate(names):
        ax = fig.add_subplot(1, len(names), i + 1)
        epochs = range(1, len(logs[name]) + 1)
        ax.plot(epochs, logs[name], marker="o", label=f"training {name}")
        if f"val_{name}" in logs:
            ax.plot(
                range(1, len(logs[f"val_{name}"]) + 1),
                logs[f"val_{name}"],
                marker="o",
                label=f"validation {name}",
            )
        ax.set_title(name)
        ax.set_xlabel("epoch")
        ax.legend()
    fig.tight_layout()
    if to_file:
        fig.savefig(to_file, dpi=dpi)
    return fig
