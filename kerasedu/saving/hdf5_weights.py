"""Layer weights and optimizer state inside an HDF5 group, in Keras's legacy layout.

The weights of a model live in one group (the file root for ``save_weights``,
``model_weights`` inside a full model file)::

    attrs: layer_names = [b"dense", b"dense_1"]       # every layer, in model order
           backend, keras_version
    dense/                                            # one group per layer
        attrs: weight_names = [b"dense/kernel:0", b"dense/bias:0"]
        dense/kernel:0   float32 (784, 64)            # the "/" in the name makes a subgroup
        dense/bias:0     float32 (64,)

Within a layer, weights are matched by position (Keras does the same), so a
file written by Keras 2 loads although its weight names differ from ours.
Attributes larger than HDF5's 64 KB header limit are split into
``weight_names0``, ``weight_names1``... as Keras does.

Example:
    >>> import h5py, io
    >>> with h5py.File(io.BytesIO(), "w") as f:
    ...     save_attribute(f, "layer_names", ["dense", "dense_1"])
    ...     load_attribute(f, "layer_names")
    ['dense', 'dense_1']
"""

import warnings

import numpy as np

from kerasedu.device import to_numpy
from kerasedu.saving.errors import KerasEduFileError
from kerasedu.saving.safety import as_numpy
from kerasedu.version import __version__

HEADER_LIMIT = 64512  # bytes: HDF5's object header limit, as in Keras
KERAS_VERSION = f"kerasedu-{__version__}"


def save_attribute(group, name, values):
    """Store a list of strings as a bytes attribute, split in chunks if too large."""
    data = np.array([str(v).encode("utf8") for v in values], dtype=bytes if values else "S1")
    chunks = [data]
    while any(chunk.nbytes > HEADER_LIMIT for chunk in chunks):
        chunks = np.array_split(data, len(chunks) + 1)
    if len(chunks) == 1:
        group.attrs[name] = data
        return
    for index, chunk in enumerate(chunks):
        group.attrs[f"{name}{index}"] = chunk


def load_attribute(group, name):
    """Read a list-of-strings attribute written by `save_attribute` (or by Keras)."""
    if name in group.attrs:
        raw = list(np.atleast_1d(group.attrs[name]))
    else:
        raw, index = [], 0
        while f"{name}{index}" in group.attrs:
            raw.extend(np.atleast_1d(group.attrs[f"{name}{index}"]))
            index += 1
    return [v.decode("utf8") if isinstance(v, bytes) else str(v) for v in raw]


def weight_name(variable, index):
    """Keras 2's name for a weight in a file: ``"dense/kernel:0"``."""
    name = variable.name or f"weight_{index}"
    return name if ":" in name else f"{name}:0"


def save_weights_to_group(group, layers):
    """Write the weights of ``layers`` (a model's ``.layers``) into ``group``."""
    save_attribute(group, "layer_names", [layer.name for layer in layers])
    group.attrs["backend"] = "numpy"
    group.attrs["keras_version"] = KERAS_VERSION
    for layer in layers:
        layer_group = group.create_group(layer.name)
        names = unique_names([weight_name(w, i) for i, w in enumerate(layer.weights)])
        save_attribute(layer_group, "weight_names", names)
        for name, variable in zip(names, layer.weights):
            layer_group.create_dataset(name, data=to_numpy(variable.data))  # h5py sees NumPy only


def unique_names(names):
    """Make repeated names unique by adding ``_1``, ``_2``... before the ``:0``.

    Example:
        >>> unique_names(["a/w:0", "a/w:0"])
        ['a/w:0', 'a/w_1:0']
    """
    seen, result = {}, []
    for name in names:
        count = seen.get(name, 0)
        seen[name] = count + 1
        result.append(name if count == 0 else name.replace(":", f"_{count}:", 1))
    return result


def read_named_weights(group, path, what="weight", owner=""):
    """Return ``[(name, array)]`` for the datasets listed in ``group``'s ``weight_names``.

    Raises:
        KerasEduFileError: "<what> '<name>'<owner> is missing." for a listed dataset
            the group does not hold.
    """
    named = []
    for name in load_attribute(group, "weight_names"):
        dataset = group.get(name)
        if dataset is None or not hasattr(dataset, "dtype"):
            raise KerasEduFileError(path, f"{what} {name!r}{owner} is missing.")
        named.append((name, as_numpy(dataset)))
    return named


def read_layer_weights(group, layer_name, path):
    """Return the arrays stored for one layer, in order."""
    named = read_named_weights(group[layer_name], path, owner=f" of layer {layer_name!r}")
    return [array for _, array in named]


def load_weights_from_group(group, layers, path):
    """Load weights layer by layer in model order (Keras's default, ``by_name=False``)."""
    layers = [layer for layer in layers if layer.weights]
    stored = [
        name
        for name in load_attribute(group, "layer_names")
        if name in group and load_attribute(group[name], "weight_names")
    ]
    if len(stored) != len(layers):
        raise KerasEduFileError(
            path,
            f"it holds weights for {len(stored)} layers ({stored}), but the model has "
            f"{len(layers)} layers with weights ({[layer.name for layer in layers]}).",
        )
    values = [read_layer_weights(group, name, path) for name in stored]
    for layer, name, arrays in zip(layers, stored, values):  # check everything before assigning
        _check_layer(layer, name, arrays, path)
    for layer, arrays in zip(layers, values):
        _assign(layer, arrays)


def load_weights_by_name(group, layers, path, skip_mismatch=False):
    """Load into each layer the weights stored under the same layer name."""
    stored = set(load_attribute(group, "layer_names"))
    plan = []
    for layer in layers:
        if layer.name not in stored or not layer.weights or layer.name not in group:
            continue
        arrays = read_layer_weights(group, layer.name, path)
        try:
            _check_layer(layer, layer.name, arrays, path)
        except KerasEduFileError as err:
            if not skip_mismatch:
                raise
            warnings.warn(f"Skipping layer {layer.name!r}: {err.problem}", stacklevel=3)
            continue
        plan.append((layer, arrays))
    for layer, arrays in plan:
        _assign(layer, arrays)


def _check_layer(layer, stored_name, arrays, path):
    if len(arrays) != len(layer.weights):
        raise KerasEduFileError(
            path,
            f"layer {layer.name!r} expects {len(layer.weights)} weights, but the file's "
            f"layer {stored_name!r} has {len(arrays)}.",
        )
    for variable, array in zip(layer.weights, arrays):
        if tuple(array.shape) != tuple(variable.shape):
            raise KerasEduFileError(
                path,
                f"weight {variable.name!r} of layer {layer.name!r} has shape "
                f"{tuple(variable.shape)}, but the file's has shape {tuple(array.shape)}.",
            )


def _assign(layer, arrays):
    for variable, array in zip(layer.weights, arrays):
        variable.assign(array.astype(variable.dtype, copy=False))


def save_optimizer_state(h5file, optimizer):
    """Write ``optimizer.get_state()`` to the group ``optimizer_weights``."""
    state = optimizer.get_state()
    group = h5file.create_group("optimizer_weights")
    names = unique_names([name if ":" in name else f"{name}:0" for name, _ in state])
    save_attribute(group, "weight_names", names)
    for name, (_, value) in zip(names, state):
        group.create_dataset(name, data=np.asarray(value))


def read_optimizer_state(h5file, path):
    """Return the ``[(name, array)]`` list stored by `save_optimizer_state` (empty if none)."""
    if "optimizer_weights" not in h5file:
        return []
    named = read_named_weights(h5file["optimizer_weights"], path, "optimizer weight")
    return [(name.rsplit(":", 1)[0], array) for name, array in named]
