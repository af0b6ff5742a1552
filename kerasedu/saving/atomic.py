"""Atomic file writes: the new file appears complete, or the old one stays untouched.

Writing straight into ``model.h5`` and crashing half-way (a full disk, Ctrl-C,
an error in the middle of saving) would destroy yesterday's good model. So we
write into a temporary file in the same folder, and only when it is complete
rename it over the target with ``os.replace``, which is atomic on POSIX and
Windows when both names are on the same file system.

Example:
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "notes.txt")
    >>> with atomic_write(path) as tmp:
    ...     with open(tmp, "w") as f:
    ...         _ = f.write("saved")
    >>> open(path).read()
    'saved'
"""

import contextlib
import os
import tempfile


@contextlib.contextmanager
def atomic_write(path, overwrite=True):
    """Yield a temporary path next to ``path``; on success rename it to ``path``.

    If the ``with`` block raises, the temporary file is deleted and ``path`` is
    left exactly as it was.

    Args:
        path: The final file name.
        overwrite: If ``False`` and ``path`` exists, raise ``FileExistsError``.
            Defaults to ``True``.

    Yields:
        The temporary file's path, in the same folder as ``path``.

    Example:
        >>> import os, tempfile
        >>> path = os.path.join(tempfile.mkdtemp(), "a.txt")
        >>> try:
        ...     with atomic_write(path) as tmp:
        ...         raise RuntimeError("disk full")
        ... except RuntimeError:
        ...     pass
        >>> os.path.exists(path)
        False
    """
    path = os.fspath(path)
    if not overwrite and os.path.exists(path):
        raise FileExistsError(f"{path} exists and overwrite=False.")
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp_path = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        yield tmp_path
        os.replace(tmp_path, path)  # the one atomic step
    finally:
        if os.path.exists(tmp_path):
            os.remove(tmp_path)


def write_bytes(path, data, overwrite=True):
    """Write ``data`` to ``path`` atomically; a failed write raises ``OSError``, the old file stays.

    The bytes are flushed to the disk (``fsync``) before the rename, so a crash
    just after cannot leave an empty file under the final name.

    Example:
        >>> import os, tempfile
        >>> path = os.path.join(tempfile.mkdtemp(), "b.bin")
        >>> write_bytes(path, b"abc")
        >>> open(path, "rb").read()
        b'abc'
    """
    with atomic_write(path, overwrite) as tmp_path:
        with open(tmp_path, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
