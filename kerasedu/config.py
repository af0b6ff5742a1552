"""Global numeric settings, with Keras's names and defaults.

Example:
    >>> floatx(), epsilon(), image_data_format()
    ('float32', 1e-07, 'channels_last')
"""

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
