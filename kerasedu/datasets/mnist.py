"""MNIST handwritten digits: 60,000 training and 10,000 test images of 28x28 pixels.

`load_data` returns exactly what ``keras.datasets.mnist.load_data`` returns. It
looks for ``mnist.npz`` in this order, so that lessons run offline:

1. ``path`` itself, if it is an absolute path to an existing file;
2. the folder named by the environment variable ``KERASEDU_DATASETS``;
3. the ``datasets/`` folder of the kerasedu repository (next to the package);
4. the user cache ``~/.kerasedu/datasets`` (or ``$KERASEDU_HOME/datasets``);
5. a download from Keras's official URL (or ``$KERASEDU_MNIST_URL``, a mirror),
   checked against the file's SHA-256 before it is kept.

Every file found is checked against the known SHA-256 hashes of MNIST's
``.npz`` packagings, and read with ``allow_pickle=False`` (a ``.npz`` holding
pickled objects is refused, so reading it cannot run code).

License: Yann LeCun and Corinna Cortes hold the copyright of MNIST, a derivative
work of NIST's datasets; it is available under the Creative Commons
Attribution-Share Alike 3.0 license (https://creativecommons.org/licenses/by-sa/3.0/).
See ``datasets/README.md``.

Example:
    >>> (x_train, y_train), (x_test, y_test) = load_data()
    >>> x_train.shape, x_train.dtype, y_test.shape
    ((60000, 28, 28), dtype('uint8'), (10000,))
"""

import os

import numpy as np

from kerasedu.utils.file_utils import cache_root, get_file, hash_file

KERAS_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
# SHA-256 of the file at KERAS_URL, as in keras/src/datasets/mnist.py.
KERAS_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
# SHA-256 of the repository's datasets/mnist.npz: the same four arrays, written
# again with np.savez_compressed (different zip metadata, so a different hash).
REPO_SHA256 = "06af5dfe73b70e3bc1c36439982b18a8d76803db9b544f6fdf838a37fbb01b64"
KNOWN_SHA256 = (KERAS_SHA256, REPO_SHA256)


def repo_datasets_dir():
    """Return the ``datasets/`` folder of the repository kerasedu was installed from.

    Example:
        >>> os.path.basename(repo_datasets_dir())
        'datasets'
    """
    package_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.join(os.path.dirname(package_dir), "datasets")


def candidate_paths(path="mnist.npz"):
    """Return the local places `load_data` looks for ``path``, in order.

    Example:
        >>> candidate_paths()[-1].endswith(os.path.join("datasets", "mnist.npz"))
        True
    """
    folders = [
        os.environ.get("KERASEDU_DATASETS"),
        repo_datasets_dir(),
        os.path.join(cache_root(), "datasets"),
    ]
    local = [os.path.join(folder, path) for folder in folders if folder]
    return [path] + local if os.path.isabs(path) else local


def load_data(path="mnist.npz", origin=None):
    """Load MNIST as ``(x_train, y_train), (x_test, y_test)``.

    Args:
        path: File name (or path) of the ``.npz``. Defaults to ``"mnist.npz"``.
        origin: URL to download from when no local copy exists. Defaults to
            ``$KERASEDU_MNIST_URL`` if set, else Keras's official URL.

    Returns:
        ``x_train`` uint8 ``(60000, 28, 28)``, ``y_train`` uint8 ``(60000,)``,
        ``x_test`` uint8 ``(10000, 28, 28)``, ``y_test`` uint8 ``(10000,)``;
        pixels are 0-255, labels 0-9.

    Raises:
        OSError: no local copy and the download failed; the message lists
            where to put the file.
        ValueError: a file was found but its hash is not a known MNIST hash.

    Example:
        >>> (x_train, y_train), _ = load_data()
        >>> int(x_train.max()), sorted(set(y_train.tolist()))[:3]
        (255, [0, 1, 2])
    """
    for candidate in candidate_paths(path):
        if os.path.isfile(candidate):
            return _read_npz(_checked(candidate))
    origin = origin or os.environ.get("KERASEDU_MNIST_URL") or KERAS_URL
    try:
        fpath = get_file(os.path.basename(path), origin=origin, file_hash=KERAS_SHA256)
    except OSError as err:
        places = "\n  ".join(candidate_paths(os.path.basename(path)))
        raise OSError(
            f"MNIST is not on this computer and could not be downloaded from {origin} ({err}).\n"
            f"Copy mnist.npz (from {KERAS_URL}, SHA-256 {KERAS_SHA256}) into one of:\n  {places}"
        ) from err
    return _read_npz(fpath)


def _checked(fpath):
    """Return ``fpath`` if its SHA-256 is a known MNIST hash, else raise ValueError."""
    digest = hash_file(fpath)
    if digest not in KNOWN_SHA256:
        raise ValueError(
            f"{fpath} is not a known copy of mnist.npz: its SHA-256 is {digest}, expected one of "
            f"{list(KNOWN_SHA256)}. Delete it (or copy a good one) and call load_data() again."
        )
    return fpath


def _read_npz(fpath):
    with np.load(fpath, allow_pickle=False) as data:  # no pickles: loading cannot run code
        x_train, y_train = data["x_train"], data["y_train"]
        x_test, y_test = data["x_test"], data["y_test"]
    return (x_train, y_train), (x_test, y_test)
