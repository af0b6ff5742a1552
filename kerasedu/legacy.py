"""Old Keras 1/2 argument names, accepted with a warning that teaches the modern one.

Many tutorials were written for Keras 1 or 2 (``Dense(output_dim=10, init=...)``,
``fit(nb_epoch=5)``, ``SGD(lr=0.1)``). kerasedu runs them, and says once per
call site what the Keras 3 name is.

Example:
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     modernize_kwargs("Dense", {"output_dim": 3})
    {'units': 3}
    >>> "units" in str(caught[0].message)
    True
"""

import functools
import warnings

from kerasedu.diagnostics import stacklevel_outside_kerasedu

# old name -> (new name, the Keras version that renamed it)
LEGACY_NAMES = {
    "output_dim": ("units", "2.0"),
    "init": ("kernel_initializer", "2.0"),
    "nb_filter": ("filters", "2.0"),
    "border_mode": ("padding", "2.0"),
    "subsample": ("strides", "2.0"),
    "subsample_length": ("strides", "2.0"),
    "filter_length": ("kernel_size", "2.0"),
    "W_regularizer": ("kernel_regularizer", "2.0"),
    "b_regularizer": ("bias_regularizer", "2.0"),
    "W_constraint": ("kernel_constraint", "2.0"),
    "b_constraint": ("bias_constraint", "2.0"),
    "bias": ("use_bias", "2.0"),
    "nb_epoch": ("epochs", "2.0"),
    "samples_per_epoch": ("steps_per_epoch", "2.0"),
    "nb_val_samples": ("validation_steps", "2.0"),
    "lr": ("learning_rate", "2.3"),
    "input": ("inputs", "2.0"),
    "output": ("outputs", "2.0"),
    "pool_length": ("pool_size", "2.0"),
    "stride": ("strides", "2.0"),
    # recurrent layers (Keras 1 LSTM/GRU/SimpleRNN)
    "inner_init": ("recurrent_initializer", "2.0"),
    "inner_activation": ("recurrent_activation", "2.0"),
    "U_regularizer": ("recurrent_regularizer", "2.0"),
    "U_constraint": ("recurrent_constraint", "2.0"),
    "dropout_W": ("dropout", "2.0"),
    "dropout_U": ("recurrent_dropout", "2.0"),
}


def warn_legacy(where, old, new, version, stacklevel=None):
    """Emit the DeprecationWarning for one old spelling, pointing at the user's line.

    It shares the teaching-diagnostics mechanism: the warning is attributed to
    the first caller outside kerasedu, so Python shows it (DeprecationWarnings
    are shown only when attributed to ``__main__`` or a notebook cell).
    """
    warnings.warn(
        f"{where}: `{old}` is the old Keras spelling (renamed in Keras {version}); use `{new}` instead.",
        DeprecationWarning,
        stacklevel=stacklevel or stacklevel_outside_kerasedu(),
    )


def modernize_kwargs(where, kwargs, stacklevel=None):
    """Return ``kwargs`` with old names replaced by new ones, warning for each.

    ``nb_row``/``nb_col`` (Keras 1 convolution sizes) become ``kernel_size``.
    """
    kwargs = dict(kwargs)
    if "nb_row" in kwargs or "nb_col" in kwargs:
        size = (kwargs.pop("nb_row", 1), kwargs.pop("nb_col", 1))
        warn_legacy(where, "nb_row/nb_col", "kernel_size", "2.0", stacklevel)
        kwargs["kernel_size"] = size
    for old in [k for k in kwargs if k in LEGACY_NAMES]:
        new, version = LEGACY_NAMES[old]
        if new in kwargs:
            raise TypeError(f"{where}: got both `{old}` (old name) and `{new}`; pass only `{new}`.")
        warn_legacy(where, old, new, version, stacklevel)
        kwargs[new] = kwargs.pop(old)
    return kwargs


def accepts_legacy_kwargs(init):
    """Decorate an ``__init__`` (or function) so it also accepts the old Keras names.

    Example:
        >>> class Thing:
        ...     @accepts_legacy_kwargs
        ...     def __init__(self, units):
        ...         self.units = units
    """

    @functools.wraps(init)
    def wrapper(*args, **kwargs):
        if any(k in LEGACY_NAMES or k in ("nb_row", "nb_col") for k in kwargs):
            owner = args[0].__class__.__name__ if args else init.__name__
            kwargs = modernize_kwargs(owner, kwargs)
        return init(*args, **kwargs)

    return wrapper
