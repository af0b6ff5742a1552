"""`save_model` / `load_model` for ``kerasedu.models``, importing h5py only when used.

``import kerasedu`` must stay quick and must not need h5py, so these thin
functions import `kerasedu.saving.hdf5` (and with it h5py) on their first call.

Example:
    >>> import sys, kerasedu.models
    >>> callable(kerasedu.models.load_model)
    True
"""


def load_model(filepath, custom_objects=None, compile=True):
    """Load a model saved with ``model.save`` (kerasedu or Keras 2 ``.h5``).

    Args:
        filepath: The file.
        custom_objects: ``{name: class or function}`` for your own layers,
            losses, metrics and `Lambda` functions. Defaults to ``None``.
        compile: Also restore the loss, metrics and optimizer state. Defaults to ``True``.

    Returns:
        The model, weights loaded.

    Raises:
        KerasEduFileError: the file is missing, damaged, incompatible or unsafe.

    Example:
        >>> import os, tempfile
        >>> from kerasedu.layers import Dense, Input
        >>> from kerasedu.models import Sequential
        >>> path = os.path.join(tempfile.mkdtemp(), "m.h5")
        >>> Sequential([Input(shape=(2,)), Dense(1)]).save(path)
        >>> load_model(path).count_params()
        3
    """
    from kerasedu.saving import hdf5  # imports h5py: kept off `import kerasedu`

    return hdf5.load_model(filepath, custom_objects=custom_objects, compile=compile)


def save_model(model, filepath, overwrite=True, include_optimizer=True, save_format=None):
    """Save ``model`` to ``filepath`` (same as ``model.save(filepath)``).

    Args:
        model: The model.
        filepath: Where to write.
        overwrite: Replace an existing file. Defaults to ``True``.
        include_optimizer: Save the compile settings and optimizer state. Defaults to ``True``.
        save_format: ``None`` or ``"h5"`` (Keras 2's option). Defaults to ``None``.

    Example:
        >>> import os, tempfile
        >>> from kerasedu.layers import Dense, Input
        >>> from kerasedu.models import Sequential
        >>> path = os.path.join(tempfile.mkdtemp(), "m.h5")
        >>> save_model(Sequential([Input(shape=(2,)), Dense(1)]), path)
        >>> os.path.exists(path)
        True
    """
    from kerasedu.saving import hdf5  # imports h5py: kept off `import kerasedu`

    hdf5.save_model(model, filepath, overwrite, include_optimizer, save_format)
