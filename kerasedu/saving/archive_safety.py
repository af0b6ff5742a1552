"""Checks that a ``.keras`` zip is safe to read, BEFORE any member is read.

A ``.keras`` file is a zip archive of ``config.json``, ``metadata.json`` and
``model.weights.h5``. On top of what `safety` checks inside those members, a
zip can attack the reader itself; this module refuses:

- member names that climb out of a folder (``../``, ``/etc``): path traversal;
- encrypted members, and members Keras never writes;
- members larger than a config or weights can be, and "zip bombs" (members
  declaring far more bytes than the archive holds).

Nothing is ever extracted to the disk: the members are read into memory.

Example:
    >>> import os, tempfile, zipfile
    >>> path = os.path.join(tempfile.mkdtemp(), "m.keras")
    >>> with zipfile.ZipFile(path, "w") as archive:
    ...     archive.writestr("config.json", "{}")
    >>> with zipfile.ZipFile(path) as archive:
    ...     read_keras_archive(archive, path)
    {'config.json': b'{}'}
"""

import os

from kerasedu.saving.errors import UnsafeFileError
from kerasedu.saving.safety import MAX_JSON_BYTES

MAX_WEIGHTS_BYTES = 2**34  # 16 GB of weights in a .keras archive
ARCHIVE_MEMBERS = {
    "config.json": MAX_JSON_BYTES,
    "metadata.json": MAX_JSON_BYTES,
    "model.weights.h5": MAX_WEIGHTS_BYTES,
}  # what Keras 3 writes, and their limits


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
