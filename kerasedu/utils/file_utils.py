"""`get_file`: download a file once, keep it in a cache, and check its hash.

The cache lives in ``~/.kerasedu/<cache_subdir>`` (or ``$KERASEDU_HOME/<cache_subdir>``),
like Keras's ``~/.keras/datasets``. A download goes to a temporary file in the
cache folder first and is renamed into place only once its hash matches, so an
interrupted or tampered download never leaves a half-written file behind.

Example:
    >>> import hashlib, os, pathlib, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> source = pathlib.Path(folder, "hello.txt")
    >>> _ = source.write_text("hello")
    >>> digest = hashlib.sha256(b"hello").hexdigest()
    >>> path = get_file(
    ...     "hello.txt", source.as_uri(), file_hash=digest, cache_dir=folder
    ... )  # doctest: +ELLIPSIS
    Downloading data from file:///.../hello.txt
    >>> pathlib.Path(path).read_text()
    'hello'
"""

import hashlib
import os
import tarfile
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile

_CHUNK = 1 << 20  # read and hash 1 MiB at a time


def cache_root():
    """Return kerasedu's cache folder: ``$KERASEDU_HOME`` or ``~/.kerasedu``.

    Example:
        >>> os.path.isabs(cache_root())
        True
    """
    home = os.environ.get("KERASEDU_HOME")
    if home:
        return os.path.abspath(os.path.expanduser(home))
    return os.path.join(os.path.expanduser("~"), ".kerasedu")


def resolve_hasher(algorithm, file_hash=None):
    """Return a new hashlib object for ``"sha256"``, ``"md5"`` or ``"auto"``.

    ``"auto"`` picks SHA-256 for a 64-character hash and MD5 otherwise, as Keras does.

    Example:
        >>> resolve_hasher("auto", "0" * 64).name
        'sha256'
    """
    if algorithm == "sha256" or (
        algorithm == "auto" and (file_hash is None or len(file_hash) == 64)
    ):
        return hashlib.sha256()
    if algorithm in ("md5", "auto"):
        return hashlib.md5()
    raise ValueError(
        f"hash_algorithm must be 'auto', 'sha256' or 'md5'. Received: hash_algorithm={algorithm!r}"
    )


def hash_file(path, algorithm="sha256"):
    """Return the hex digest of the file at ``path``.

    Args:
        path: The file to hash.
        algorithm: ``"sha256"`` (default) or ``"md5"``.

    Returns:
        The hash as a lowercase hex string.

    Example:
        >>> import tempfile
        >>> with tempfile.NamedTemporaryFile(delete=False) as f:
        ...     _ = f.write(b"abc")
        >>> hash_file(f.name)[:12]
        'ba7816bf8f01'
    """
    hasher = resolve_hasher(algorithm)
    with open(path, "rb") as f:
        chunk = f.read(_CHUNK)
        while chunk:
            hasher.update(chunk)
            chunk = f.read(_CHUNK)
    return hasher.hexdigest()


def validate_file(path, file_hash, algorithm="auto"):
    """Return True if the file at ``path`` has the hash ``file_hash``.

    Example:
        >>> import tempfile
        >>> with tempfile.NamedTemporaryFile(delete=False) as f:
        ...     _ = f.write(b"abc")
        >>> validate_file(f.name, "0" * 64)
        False
    """
    hasher = resolve_hasher(algorithm, file_hash)
    return hash_file(path, hasher.name) == file_hash.lower()


def get_file(
    fname=None,
    origin=None,
    file_hash=None,
    cache_subdir="datasets",
    hash_algorithm="auto",
    extract=False,
    cache_dir=None,
    force_download=False,
):
    """Return the local path of ``fname``, downloading it from ``origin`` if needed.

    A cached file whose hash matches is used as it is; a cached file whose hash
    does not match is downloaded again. A downloaded file whose hash does not
    match is deleted and a ``ValueError`` is raised: the cache never holds it.

    Args:
        fname: File name in the cache. Defaults to the last part of ``origin``.
            An absolute path is used as the destination as it is.
        origin: URL to download from (``https://``, ``http://`` or ``file://``).
        file_hash: Expected SHA-256 (64 hex digits) or MD5 hash. Defaults to
            ``None``: no check (not recommended).
        cache_subdir: Folder inside the cache. Defaults to ``"datasets"``.
        hash_algorithm: ``"auto"`` (default), ``"sha256"`` or ``"md5"``.
        extract: If ``True``, also extract a ``.zip`` / ``.tar(.gz)`` archive
            next to it and return the extracted folder. Defaults to ``False``.
        cache_dir: Cache root. Defaults to ``$KERASEDU_HOME`` or ``~/.kerasedu``.
        force_download: Download even when a valid cached file exists.

    Returns:
        The path of the file (or of the extracted folder).

    Raises:
        ValueError: bad arguments, or a hash mismatch.
        OSError: the download failed (for example, no network); the message
            says where to put the file by hand.

    Example:
        >>> import hashlib, pathlib, tempfile
        >>> folder = tempfile.mkdtemp()
        >>> source = pathlib.Path(folder, "a.bin")
        >>> _ = source.write_bytes(b"123")
        >>> path = get_file("a.bin", source.as_uri(), cache_dir=folder)  # doctest: +ELLIPSIS
        Downloading data from file:///.../a.bin
        >>> os.path.basename(path)
        'a.bin'
    """
    if origin is None and fname is None:
        raise ValueError("get_file needs `origin` (a URL). Received: fname=None, origin=None")
    fname = fname or os.path.basename(urllib.parse.urlparse(origin).path)
    if not fname:
        raise ValueError(
            f"Could not derive a file name from the URL. Pass `fname`. Received: origin={origin!r}"
        )
    datadir = _writable_dir(os.path.join(cache_dir or cache_root(), cache_subdir))
    fpath = os.path.join(datadir, os.path.expanduser(fname))
    if os.path.exists(fpath) and not force_download:
        if file_hash is None or validate_file(fpath, file_hash, hash_algorithm):
            return _maybe_extract(fpath, extract)
        print(
            f"The cached file {fpath} does not match the expected hash {file_hash}: "
            "downloading it again."
        )
    if origin is None:
        raise ValueError(
            f"{fpath} is not in the cache and no `origin` URL was given to download it from."
        )
    _download(origin, fpath, file_hash, hash_algorithm)
    return _maybe_extract(fpath, extract)


def _writable_dir(path):
    """Create ``path`` if needed; fall back to the temp folder if it is not writable (as Keras)."""
    try:
        os.makedirs(path, exist_ok=True)
        if os.access(path, os.W_OK):
            return path
    except OSError:
        pass
    fallback = os.path.join(tempfile.gettempdir(), ".kerasedu", os.path.basename(path))
    os.makedirs(fallback, exist_ok=True)
    return fallback


def _download(origin, fpath, file_hash, hash_algorithm):
    """Stream ``origin`` into a temp file next to ``fpath``, check the hash, then rename."""
    os.makedirs(os.path.dirname(fpath) or ".", exist_ok=True)
    hasher = resolve_hasher(hash_algorithm, file_hash)
    fd, tmp_path = tempfile.mkstemp(prefix=".download-", dir=os.path.dirname(fpath) or ".")
    print(f"Downloading data from {origin}")
    try:
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(origin, timeout=60) as response:
            chunk = response.read(_CHUNK)
            while chunk:
                hasher.update(chunk)
                out.write(chunk)
                chunk = response.read(_CHUNK)
        if file_hash is not None and hasher.hexdigest() != file_hash.lower():
            raise ValueError(
                f"The file downloaded from {origin} has {hasher.name} hash "
                f"{hasher.hexdigest()}, but {file_hash} was expected. It may be corrupted "
                "or tampered with, so it was deleted. "
                "Check the URL (or mirror), then try again."
            )
        os.replace(tmp_path, fpath)  # atomic: the file appears complete or not at all
    except (urllib.error.URLError, OSError) as err:
        raise OSError(
            f"Could not download {origin} ({err}). If this computer is offline, download the file "
            f"elsewhere and copy it to {fpath}."
        ) from err
    finally:
        if os.path.exists(tmp_path):
            os.remove(tmp_path)


def _maybe_extract(fpath, extract):
    """Extract a zip or tar archive into a folder next to it (once) and return that folder."""
    if not extract:
        return fpath
    target = fpath
    for suffix in (".tar.gz", ".tgz", ".tar", ".zip"):
        if fpath.endswith(suffix):
            target = fpath[: -len(suffix)]
    if target == fpath:
        target = fpath + "_extracted"
    if os.path.isdir(target):
        return target
    if zipfile.is_zipfile(fpath):
        with zipfile.ZipFile(fpath) as archive:
            archive.extractall(target)  # zipfile drops ".." and absolute parts of names
    elif tarfile.is_tarfile(fpath):
        with tarfile.open(fpath) as archive:
            archive.extractall(target, filter="data")  # refuses links and paths leaving target
    else:
        raise ValueError(f"extract=True but {fpath} is neither a zip nor a tar archive.")
    return target
