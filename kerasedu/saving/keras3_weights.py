"""Weights in Keras 3's layout: ``save_weights("w.weights.h5")``, and inside a ``.keras`` file.

Keras 3 stores every layer's weights by position, in a group named after the
layer's *class* (snake case, ``_1``, ``_2``... for repeats), not after the layer's
name::

    vars/                         the model's own weights (none)
    layers/conv2d/vars/0          kernel (3, 3, 1, 2)
    layers/conv2d/vars/1          bias (2,)
    layers/dense/vars/0, 1        the first Dense
    layers/dense_1/vars/0, 1      the second Dense
    layers/lstm/cell/vars/0..2    a recurrent layer keeps its weights in its cell
    layers/bidirectional/forward_layer/cell/vars/0..2, backward_layer/...
    layers/time_distributed/layer/vars/0, 1
    layers/sequential/layers/dense/vars/0, 1     a model inside a model
    layers/my_layer/vars/0, layers/my_layer/sublayer/vars/0, 1    your layer's self.sublayer

`layout` lists these groups for a kerasedu model; writing and reading both walk
that list, so the two can never disagree.

Example:
    >>> from kerasedu.layers import Dense, Input
    >>> from kerasedu.models import Sequential
    >>> model = Sequential([Input(shape=(3,)), Dense(2), Dense(1)])
    >>> [(path, len(weights)) for path, weights in layout(model)]
    [('vars', 0), ('layers/dense/vars', 2), ('layers/dense_1/vars', 2)]
"""

from kerasedu.device import to_numpy
from kerasedu.layers import GRU, LSTM, Bidirectional, Layer, SimpleRNN, TimeDistributed
from kerasedu.layers.tracking import unique
from kerasedu.naming import to_snake_case
from kerasedu.saving.errors import KerasEduFileError
from kerasedu.saving.safety import as_numpy

_RECURRENT = (LSTM, GRU, SimpleRNN)  # Keras 3 keeps their weights in a `cell` sub-layer


def layout(layer, prefix=""):
    """Return ``[(group path, [weights])]`` for ``layer`` and everything inside it."""
    own = f"{prefix}vars"
    if isinstance(getattr(layer, "layers", None), list):  # a model
        entries = [(own, [])]
        for name, sublayer in _keras_names(layer.layers):
            entries += layout(sublayer, f"{prefix}layers/{name}/")
        return entries
    if isinstance(layer, _RECURRENT):
        return [(own, []), (f"{prefix}cell/vars", list(layer.weights))]
    if isinstance(layer, Bidirectional):
        forward = layout(layer.forward_layer, f"{prefix}forward_layer/")
        return [(own, []), *forward, *layout(layer.backward_layer, f"{prefix}backward_layer/")]
    if isinstance(layer, TimeDistributed):
        return [(own, []), *layout(layer.layer, f"{prefix}layer/")]
    entries = [(own, unique(layer._trainable_weights + layer._non_trainable_weights))]
    for name, sublayer in _attribute_layers(layer):  # your layer's own layers: by attribute
        entries += layout(sublayer, f"{prefix}{name}/")
    return entries


def _attribute_layers(layer):
    """Yield ``(path, layer)`` for the layers a layer holds, as Keras 3 walks them.

    By attribute name, private ones (``_name``) last; a list's layers under
    ``name/dense``, ``name/dense_1``... (``self.sublayer = Dense(2)`` -> ``sublayer``).
    """
    tracked = layer.__dict__.get("_tracked", {})
    for name in sorted(tracked, key=lambda name: (name.startswith("_"), name)):
        layers = [item for item in tracked[name] if isinstance(item, Layer) and item is not layer]
        if isinstance(getattr(layer, name, None), (list, tuple, dict)):
            yield from ((f"{name}/{key}", sub) for key, sub in _keras_names(layers))
        else:
            yield from ((name, sub) for sub in layers)


def _keras_names(layers):
    """Yield ``(name, layer)``: the class in snake case, ``_1``, ``_2``... for repeats."""
    used = {}
    for layer in layers:
        name = to_snake_case(type(layer).__name__)
        count = used.get(name, -1) + 1
        used[name] = count
        yield (name if count == 0 else f"{name}_{count}"), layer


def save_weights_to_file(h5file, model):
    """Write ``model``'s weights into an open ``h5py.File`` in Keras 3's layout."""
    for path, weights in layout(model):
        group = h5file.require_group(path)
        for index, variable in enumerate(weights):
            group.create_dataset(str(index), data=to_numpy(variable.data))  # NumPy for h5py


def load_weights_from_file(h5file, model, path):
    """Fill ``model`` from an open, checked file in Keras 3's layout; check everything first.

    Raises:
        KerasEduFileError: a layer's group is missing, or holds a different
            number of weights or other shapes, or the file holds weights the model lacks.
    """
    plan, used = [], set()
    for group_path, weights in layout(model):
        arrays = read_group(h5file, group_path, path) if weights else []
        if len(arrays) != len(weights):
            raise KerasEduFileError(
                path,
                f"{group_path!r} holds {len(arrays)} weights, but the model's layer there "
                f"has {len(weights)}.",
            )
        for variable, array in zip(weights, arrays):
            if tuple(array.shape) != tuple(variable.shape):
                raise KerasEduFileError(
                    path,
                    f"weight {variable.name!r} has shape {tuple(variable.shape)}, but the "
                    f"file's {group_path!r} holds shape {tuple(array.shape)}.",
                )
        plan += zip(weights, arrays)
        used.add(group_path)
    _refuse_extra_weights(h5file, used, path)
    for variable, array in plan:
        variable.assign(array.astype(variable.dtype, copy=False))


def read_group(h5file, group_path, path):
    """The arrays ``0, 1, ...`` of the group ``group_path``, checked to be there."""
    group = h5file.get(group_path)
    if group is None or not hasattr(group, "keys"):
        raise KerasEduFileError(path, f"it has no group {group_path!r} for the model's weights.")
    arrays = []
    for index in range(len(group)):
        dataset = group.get(str(index))
        if dataset is None or not hasattr(dataset, "dtype"):
            raise KerasEduFileError(path, f"weight {index} of {group_path!r} is missing.")
        arrays.append(as_numpy(dataset))
    return arrays


def _refuse_extra_weights(h5file, used, path):
    """Weights in the file that no layer of the model took: the wrong model, say so."""
    extra = []

    def visit(name, obj):
        parent = name.rpartition("/")[0]
        if hasattr(obj, "dtype") and parent not in used and not name.startswith("optimizer/"):
            extra.append(parent)

    h5file.visititems(visit)
    if extra:
        raise KerasEduFileError(
            path, f"it holds weights for {sorted(set(extra))}, which this model does not have."
        )


def is_keras3_layout(h5file):
    """``True`` for Keras 3's layout (a ``vars`` or ``layers`` group), not the legacy one."""
    legacy = any(name.startswith("layer_names") for name in h5file.attrs)
    return not legacy and ("vars" in h5file or "layers" in h5file)
