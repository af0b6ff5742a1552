"""Open HDF5 files safely for reading, and build them in memory for writing.

Reading: `open_checked` (a path) and `checked_h5` (a path or bytes in memory)
check the whole tree with `safety.check_hdf5_tree` before anything else reads
it, and turn every error into a `KerasEduFileError` that names the file.

Writing: `h5_bytes` builds the file in memory (h5py writes into an
``io.BytesIO``), so HDF5 never writes to the disk itself. When the disk is full
or a file-size limit is hit, our own ``write`` raises an ``OSError``, where a
failing write under HDF5 can kill the process; `atomic.write_bytes` then keeps
the old file.

Example:
    >>> import h5py
    >>> data = h5_bytes(lambda f: f.create_dataset("w", data=np.arange(3.0)))
    >>> data[:8] == b"\\x89HDF\\r\\n\\x1a\\n"   # the HDF5 signature
    True
    >>> with checked_h5(io.BytesIO(data), "in memory") as f:
    ...     f["w"][()].tolist()
    [0.0, 1.0, 2.0]
"""

import contextlib
import io
import os

import h5py

from kerasedu.saving import safety
from kerasedu.saving.errors import KerasEduFileError


def h5_bytes(fill, *args):
    """Return the bytes of a new HDF5 file after ``fill(h5file, *args)`` wrote into it."""
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        fill(f, *args)
    return buffer.getvalue()


@contextlib.contextmanager
def open_checked(filepath):
    """Open an HDF5 file for reading, check it (`safety`), and turn every error into a kerasedu one.

    Yields:
        The open ``h5py.File``.
    """
    filepath = os.fspath(filepath)
    if not os.path.isfile(filepath):
        raise KerasEduFileError(filepath, "no such file.")
    if os.path.getsize(filepath) == 0:
        raise KerasEduFileError(filepath, "the file is empty (0 bytes).")
    if not h5py.is_hdf5(filepath):
        raise KerasEduFileError(
            filepath,
            "it is not an HDF5 file (a pickle or another format?). kerasedu reads Keras's "
            ".h5, .weights.h5 and .keras files.",
        )
    with checked_h5(filepath, filepath) as f:
        yield f


@contextlib.contextmanager
def checked_h5(source, filepath):
    """Open ``source`` (a path or a file object) as HDF5 and check it; errors name ``filepath``.

    Yields:
        The open ``h5py.File``.
    """
    try:
        f = h5py.File(source, "r")
    except Exception as err:  # HDF5 reports a damaged file in many ways
        raise KerasEduFileError(filepath, f"it is damaged or truncated ({err}).") from err
    try:
        guarded(filepath, "its structure is damaged", safety.check_hdf5_tree, f, filepath)
        yield f
    except KerasEduFileError:
        raise
    except Exception as err:
        raise KerasEduFileError(
            filepath, f"it is damaged or incompatible ({type(err).__name__}: {err})."
        ) from err
    finally:
        with contextlib.suppress(Exception):
            f.close()


def guarded(filepath, problem, fn, *args):
    """Call ``fn(*args)``; any error other than a kerasedu one becomes a `KerasEduFileError`.

    Example:
        >>> guarded("m.h5", "its config is invalid", int, "x")
        Traceback (most recent call last):
        ...
        kerasedu.saving.errors.KerasEduFileError: Cannot load 'm.h5': its config is invalid: ...
    """
    try:
        return fn(*args)
    except KerasEduFileError:
        raise
    except Exception as err:  # MemoryError and RecursionError too: a hostile config
        raise KerasEduFileError(filepath, f"{problem}: {type(err).__name__}: {err}") from err
