"""Checks that a file is safe to read BEFORE any of its data is read.

A saved model is data, and loading it must never run code or read other files.
The known ways around Keras's own safe loading were HDF5 features that make a
file point elsewhere, plus configs that name arbitrary Python functions. This
module refuses them all:

- external links and soft links (Keras never writes either; an external link
  reads another file, a soft link can lead to one or loop);
- datasets stored in external raw files, and virtual datasets (both read
  other files);
- datasets compressed with a filter that HDF5 would load as a plug-in (a shared
  library, i.e. code), anything but HDF5's built-in filters and h5py's LZF;
- datasets whose declared size is absurd (a "decompression bomb" or a
  corrupted header), or whose type is not plain numbers;
- configs with a `Lambda` layer whose function is not supplied through
  ``custom_objects`` (old Keras files store Python bytecode there), and configs
  holding absurdly large integers (a layer that could never fit in memory);
- in a ``.keras`` zip: member names that climb out of a folder (``../``, ``/etc``),
  encrypted or unknown members, members larger than a config or weights can be,
  and "zip bombs" (members declaring far more bytes than the archive holds).
  Nothing is ever extracted to the disk: the members are read into memory.

Class names in a config are resolved only from kerasedu's own closed table
(`kerasedu.saving.serializer`) and ``custom_objects``: nothing is imported by
name, nothing is ``eval``-ed or unpickled, and no flag inside the file can
change that.

Example:
    >>> import h5py, os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "ok.h5")
    >>> with h5py.File(path, "w") as f:
    ...     f["w"] = np.zeros(3)
    >>> with h5py.File(path, "r") as f:
    ...     check_hdf5_tree(f, path)
"""

import json
import math
import os

import h5py
import numpy as np

from kerasedu.saving.errors import KerasEduFileError, UnsafeFileError

MAX_ELEMENTS = 2**31  # elements in one dataset: far above VGG16's largest (102,760,448)
MAX_OBJECTS = 100_000  # groups and datasets in one file
MAX_DEPTH = 32  # nesting of groups
MAX_ATTRIBUTE_ELEMENTS = 2**20
MAX_CONFIG_INTEGER = 2**28  # no layer argument (units, filters, vocabulary) is this large
# HDF5's built-in filters (deflate, shuffle, fletcher32, szip, nbit, scale-offset) and h5py's LZF.
SAFE_FILTERS = {1, 2, 3, 4, 5, 6, 32000}
MAX_JSON_BYTES = 2**26  # 64 MB of config text: VGG16's is 30 KB
MAX_WEIGHTS_BYTES = 2**34  # 16 GB of weights in a .keras archive
ARCHIVE_MEMBERS = {
    "config.json": MAX_JSON_BYTES,
    "metadata.json": MAX_JSON_BYTES,
    "model.weights.h5": MAX_WEIGHTS_BYTES,
}  # what Keras 3 writes, and their limits


def check_hdf5_tree(h5file, path):
    """Walk every link of an open HDF5 file and refuse anything unsafe (see the module docstring).

    Only metadata is read (links, shapes, types, storage properties).

    Args:
        h5file: An ``h5py.File`` opened for reading.
        path: The file name, for messages.

    Raises:
        UnsafeFileError: what was found, and where.
    """
    declared_bytes = _check_group(h5file, "/", path, depth=0, budget=[MAX_OBJECTS])
    file_size = max(h5file.id.get_filesize(), 1)
    # Compression may shrink real weights a little, never by this much.
    if declared_bytes > 64 * file_size + 2**20:
        raise UnsafeFileError(
            path,
            f"its datasets declare {declared_bytes} bytes, far more than "
            f"the file's {file_size} bytes could hold.",
        )


def _check_group(group, name, path, depth, budget):
    """Check one group and everything below it; return the declared bytes of its datasets."""
    if depth > MAX_DEPTH:
        raise UnsafeFileError(path, f"groups are nested more than {MAX_DEPTH} deep at {name!r}.")
    _check_attributes(group, name, path)
    total = 0
    for key in group.keys():
        budget[0] -= 1
        if budget[0] < 0:
            raise UnsafeFileError(path, f"it holds more than {MAX_OBJECTS} objects.")
        child_name = f"{name.rstrip('/')}/{key}"
        link = group.get(key, getlink=True)
        if isinstance(link, h5py.ExternalLink):
            raise UnsafeFileError(
                path,
                f"{child_name!r} is an external link to "
                f"{link.filename!r}: it would read another file.",
            )
        if not isinstance(link, h5py.HardLink):
            raise UnsafeFileError(
                path,
                f"{child_name!r} is a {type(link).__name__}; kerasedu "
                "loads only files without links.",
            )
        child = group.get(key)
        if isinstance(child, h5py.Group):
            total += _check_group(child, child_name, path, depth + 1, budget)
        elif isinstance(child, h5py.Dataset):
            total += _check_dataset(child, child_name, path)
        else:
            raise UnsafeFileError(
                path, f"{child_name!r} is a {type(child).__name__}, not a group or dataset."
            )
    return total


def _check_dataset(dataset, name, path):
    """Refuse external storage, virtual datasets, plug-in filters, odd types and absurd shapes."""
    plist = dataset.id.get_create_plist()
    if plist.get_layout() == h5py.h5d.VIRTUAL:
        raise UnsafeFileError(path, f"{name!r} is a virtual dataset: it would read other files.")
    if plist.get_external_count() > 0:
        raise UnsafeFileError(path, f"{name!r} keeps its data in an external file.")
    for index in range(plist.get_nfilters()):
        filter_id = plist.get_filter(index)[0]
        if filter_id not in SAFE_FILTERS:
            raise UnsafeFileError(
                path,
                f"{name!r} needs HDF5 filter {filter_id}, which would be "
                "loaded as a plug-in (a shared library).",
            )
    if dataset.dtype.kind not in "biuf":
        raise UnsafeFileError(
            path, f"{name!r} has type {dataset.dtype}; weights are plain numbers."
        )
    shape = dataset.shape or ()
    elements = math.prod(shape)
    if elements > MAX_ELEMENTS:
        raise UnsafeFileError(
            path,
            f"{name!r} declares shape {shape} ({elements} elements, more "
            f"than the limit of {MAX_ELEMENTS}).",
        )
    _check_attributes(dataset, name, path)
    return elements * dataset.dtype.itemsize


def _check_attributes(obj, name, path):
    """Attributes must be small and hold strings or numbers."""
    for key in obj.attrs.keys():
        attribute = obj.attrs.get_id(key)
        dtype = attribute.dtype
        if dtype.kind not in "biufSU" and h5py.check_string_dtype(dtype) is None:
            raise UnsafeFileError(path, f"attribute {key!r} of {name!r} has type {dtype}.")
        if math.prod(attribute.shape or ()) > MAX_ATTRIBUTE_ELEMENTS:
            raise UnsafeFileError(path, f"attribute {key!r} of {name!r} is absurdly large.")


def check_config(config, custom_objects, path, depth=0):
    """Refuse a model config that needs code from the file (a `Lambda` not in ``custom_objects``).

    Args:
        config: The parsed JSON config (dicts, lists, strings, numbers).
        custom_objects: Dict of names the caller trusts, or ``None``.
        path: The file name, for messages.

    Raises:
        UnsafeFileError: a Lambda whose function is not supplied, or a config
            nested absurdly deep.

    Example:
        >>> check_config({"class_name": "Dense", "config": {"units": 2}}, None, "m.h5")
        >>> check_config({"class_name": "Lambda", "config": {"function": "sq"}}, None, "m.h5")
        Traceback (most recent call last):
        ...
        kerasedu.saving.errors.UnsafeFileError: Refusing to load 'm.h5': ...
    """
    if depth > 64:
        raise UnsafeFileError(path, "its config is nested more than 64 levels deep.")
    if (
        isinstance(config, int)
        and not isinstance(config, bool)
        and abs(config) > MAX_CONFIG_INTEGER
    ):
        raise UnsafeFileError(
            path,
            f"its config holds the absurd number {config} (a layer that "
            "large would not fit in memory).",
        )
    if isinstance(config, list):
        for item in config:
            check_config(item, custom_objects, path, depth + 1)
        return
    if not isinstance(config, dict):
        return
    if config.get("class_name") == "Lambda":
        _check_lambda(config.get("config"), custom_objects or {}, path)
    for key, value in config.items():
        if key != "shared_object_id":  # Keras 3's id() of a shared object: big, and no size
            check_config(value, custom_objects, path, depth + 1)


def _check_lambda(layer_config, custom_objects, path):
    function = layer_config.get("function") if isinstance(layer_config, dict) else None
    # Keras stores a Lambda's function as a name, or as bytecode / source text (a dict or list).
    name = function if isinstance(function, str) else _registered_name(function)
    if name is None or name not in custom_objects:
        raise UnsafeFileError(
            path,
            "it contains a Lambda layer, whose Python function cannot be loaded from a file "
            "safely. Pass the function yourself: load_model(path, custom_objects="
            f"{{{name or 'function_name'!r}: function}}).",
        )


def _registered_name(function):
    """The function's name in a Keras 3 Lambda: ``{"class_name": "function", "config": name}``."""
    if isinstance(function, dict) and function.get("class_name") == "function":
        value = function.get("config")
        return value if isinstance(value, str) else None
    return None


def parse_json(text, what, path):
    """``json.loads(text)``, with every failure (not JSON, too large, too deep) a kerasedu error.

    Example:
        >>> parse_json('{"units": 2}', "config.json", "m.keras")
        {'units': 2}
        >>> parse_json("not json", "config.json", "m.keras")
        Traceback (most recent call last):
        ...
        kerasedu.saving.errors.KerasEduFileError: Cannot load 'm.keras': config.json is not ...
    """
    if len(text) > MAX_JSON_BYTES:
        raise UnsafeFileError(path, f"{what} is {len(text)} bytes long: no config is that large.")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as err:  # RecursionError: nested thousands deep
        raise KerasEduFileError(path, f"{what} is not valid JSON ({err}).") from err


def read_keras_archive(archive, path):
    """Check a ``.keras`` zip (see the module docstring) and return ``{member name: bytes}``.

    Args:
        archive: An open ``zipfile.ZipFile``.
        path: The file name, for messages.

    Raises:
        UnsafeFileError: what was refused, and why.
    """
    infos = archive.infolist()
    if len(infos) > 2 * len(ARCHIVE_MEMBERS):
        raise UnsafeFileError(path, f"the archive holds {len(infos)} members; Keras writes 3.")
    archive_bytes = max(os.path.getsize(path), 1)
    declared = sum(info.file_size for info in infos)
    if declared > 64 * archive_bytes + 2**20:  # weights and JSON compress far less than this
        raise UnsafeFileError(
            path,
            f"its members declare {declared} bytes, from a {archive_bytes}-byte archive "
            "(a zip bomb?).",
        )
    parts = {}
    for info in infos:
        parts[info.filename] = _read_member(archive, info, path)
    return parts


def _read_member(archive, info, path):
    name = info.filename
    if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/") or ":" in name:
        raise UnsafeFileError(path, f"member {name!r} points outside the archive (path traversal).")
    if name not in ARCHIVE_MEMBERS:
        raise UnsafeFileError(
            path, f"member {name!r} is not one Keras writes ({sorted(ARCHIVE_MEMBERS)})."
        )
    if info.flag_bits & 0x1:
        raise UnsafeFileError(path, f"member {name!r} is encrypted.")
    limit = ARCHIVE_MEMBERS[name]
    if info.file_size > limit:
        raise UnsafeFileError(path, f"member {name!r} declares {info.file_size} bytes.")
    with archive.open(info) as member:
        data = member.read(info.file_size + 1)  # never more than declared, plus one to notice
    if len(data) > info.file_size:
        raise UnsafeFileError(path, f"member {name!r} holds more bytes than it declares.")
    return data


def as_numpy(dataset):
    """Read a checked dataset into a NumPy array.

    Example:
        >>> import h5py, io
        >>> with h5py.File(io.BytesIO(), "w") as f:
        ...     f["w"] = np.arange(3.0)
        ...     as_numpy(f["w"]).tolist()
        [0.0, 1.0, 2.0]
    """
    return np.asarray(dataset[()])
