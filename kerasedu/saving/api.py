"""`save_model` / `load_model` for ``kerasedu.models``, importing h5py only when used.

Both formats are read and written: Keras 3's ``.keras`` zip and the legacy
``.h5`` (kerasedu, Keras 2, Keras 3's ``save_format="h5"``); the file name
chooses the format written, the file's content the format read. Weights alone
(``.weights.h5``, ``.h5``) go through ``model.save_weights``/``load_weights``.
``import kerasedu`` must stay quick and must not need h5py, so these thin
functions import `kerasedu.saving.hdf5` (and with it h5py) on their first call.

Example:
    >>> import sys, kerasedu.models
    >>> callable(kerasedu.models.load_model)
    True
"""


def load_model(filepath, custom_objects=None, compile=True):
    """Load a model saved with ``model.save``: a ``.keras`` zip or an ``.h5`` file.

    kerasedu's own files, Keras 3's ``.keras`` and Keras 2's (or Keras 3's
    legacy) ``.h5`` are read; the format comes from the file's content, not its
    name. A weights-only file (``.weights.h5``) holds no model: build the model,
    then call ``model.load_weights(path)``.

    Args:
        filepath: The file (``.keras`` or ``.h5``).
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
        >>> keras_path = os.path.join(tempfile.mkdtemp(), "m.keras")
        >>> Sequential([Input(shape=(2,)), Dense(1)]).save(keras_path)
        >>> load_model(keras_path).count_params()
        3
    """
    from kerasedu.saving import hdf5  # imports h5py: kept off `import kerasedu`

    return hdf5.load_model(filepath, custom_objects=custom_objects, compile=compile)


def save_model(model, filepath, overwrite=True, include_optimizer=True, save_format=None):
    """Save ``model`` to ``filepath`` (same as ``model.save(filepath)``).

    Args:
        model: The model.
        filepath: Where to write: ``.keras`` for Keras 3's zip, any other name
            (``.h5`` is usual) for the legacy HDF5 file.
        overwrite: Replace an existing file. Defaults to ``True``.
        include_optimizer: Save the compile settings and optimizer state. Defaults to ``True``.
        save_format: ``None`` (chosen by the name), ``"h5"`` or ``"keras"``.
            Defaults to ``None``.

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
