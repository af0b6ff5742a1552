"""The numeric environment: the array module (NumPy on the CPU, CuPy on the GPU), the
default float type and the fuzz factor.

This is the only file in kerasedu that knows CuPy exists. Everything else asks
for the array module (``xp``) and calls ``xp.exp``, ``xp.zeros`` and so on, so
the same code runs on both devices.

Pick the device with the environment variable ``KERASEDU_DEVICE=gpu`` before
importing kerasedu, or at run time with ``set_device("gpu")``.

The settings Keras keeps in ``keras.config`` (`floatx`, `epsilon`,
`image_data_format`) are here too, with Keras's names and defaults, and
re-exported as ``kerasedu.config``: every array kerasedu makes reads them.

Example:
    >>> from kerasedu.device import get_device, xp
    >>> get_device()
    'cpu'
    >>> xp().zeros(3).shape
    (3,)
    >>> floatx(), epsilon(), image_data_format()
    ('float32', 1e-07, 'channels_last')
"""

import os
import sys

import numpy as np

_GPU_INSTALL_HINT = (
    "Install CuPy for your CUDA version, e.g. `pip install 'kerasedu[gpu]'` "
    "(which installs cupy-cuda12x), on a machine with an NVIDIA GPU and driver."
)

_state = {"device": "cpu", "xp": np}


def _load_cupy():
    """Import CuPy and check a GPU answers; raise a RuntimeError that says how to fix it."""
    try:
        import cupy  # the one place kerasedu imports CuPy
    except ImportError as err:
        raise RuntimeError(
            f"The GPU device needs CuPy, which is not installed. {_GPU_INSTALL_HINT}"
        ) from err
    try:
        count = cupy.cuda.runtime.getDeviceCount()
    except Exception as err:  # CUDA raises its own error types when no driver is present
        raise RuntimeError(
            f"CuPy is installed but no GPU could be used ({err}). {_GPU_INSTALL_HINT}"
        ) from err
    if count == 0:
        raise RuntimeError(f"CuPy is installed but found no GPU. {_GPU_INSTALL_HINT}")
    return cupy


def set_device(device):
    """Choose where arrays live: ``"cpu"`` (NumPy) or ``"gpu"`` (CuPy).

    Args:
        device: ``"cpu"`` or ``"gpu"``.

    Raises:
        RuntimeError: for ``"gpu"`` when CuPy or a GPU is missing; the message
            says how to install it.

    Example:
        >>> set_device("cpu")
        >>> get_device()
        'cpu'
    """
    if device not in ("cpu", "gpu"):
        raise ValueError(f"device must be 'cpu' or 'gpu'. Received: device={device!r}")
    module = _load_cupy() if device == "gpu" else np
    _state["device"] = device
    _state["xp"] = module


def get_device():
    """Return the current device name, ``"cpu"`` or ``"gpu"``."""
    return _state["device"]


def xp():
    """Return the array module of the current device (``numpy`` or ``cupy``).

    Example:
        >>> xp().__name__
        'numpy'
    """
    return _state["xp"]


def get_array_module(*arrays):
    """Return the array module that owns ``arrays``: CuPy if any is a CuPy array, else NumPy.

    Example:
        >>> get_array_module(np.ones(2)).__name__
        'numpy'
    """
    cupy = sys.modules.get("cupy")  # never import CuPy just to ask
    if cupy is not None:
        return cupy.get_array_module(*arrays)
    return np


def to_numpy(array):
    """Return ``array`` as a NumPy array (copies from the GPU when needed).

    Example:
        >>> to_numpy([1, 2]).tolist()
        [1, 2]
    """
    if hasattr(array, "get") and get_array_module(array) is not np:
        return array.get()
    return np.asarray(array)


def to_device(array, dtype=None):
    """Return ``array`` as an array of the current device's module, optionally cast."""
    return xp().asarray(array, dtype=dtype)


# --- the numeric settings (kerasedu.config) -------------------------------------------
_config = {"floatx": "float32", "epsilon": 1e-7, "image_data_format": "channels_last"}


def floatx():
    """Return the default float type name, ``'float32'`` as in Keras."""
    return _config["floatx"]


def set_floatx(value):
    """Set the default float type: ``'float16'``, ``'float32'`` or ``'float64'``."""
    if value not in ("float16", "float32", "float64"):
        raise ValueError(f"Unknown floatx type. Received: value={value!r}")
    _config["floatx"] = value


def epsilon():
    """Return the fuzz factor used to avoid division by zero and log(0): ``1e-7``."""
    return _config["epsilon"]


def set_epsilon(value):
    """Set the fuzz factor returned by `epsilon`."""
    _config["epsilon"] = float(value)


def image_data_format():
    """Return ``'channels_last'``: images are ``(N, H, W, C)`` as in Keras."""
    return _config["image_data_format"]


def set_image_data_format(value):
    """Set the image layout; only ``'channels_last'`` is implemented in kerasedu."""
    if value != "channels_last":
        raise ValueError(
            "kerasedu implements only 'channels_last' (N, H, W, C) images. "
            f"Received: value={value!r}. Transpose channels-first data with "
            "np.transpose(x, (0, 2, 3, 1))."
        )
    _config["image_data_format"] = value


if os.environ.get("KERASEDU_DEVICE", "cpu").lower() == "gpu":
    set_device("gpu")
