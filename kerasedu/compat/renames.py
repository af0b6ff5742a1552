"""Old Keras 1/2 argument names, accepted with a warning that teaches the modern one.

Many tutorials were written for Keras 1 or 2 (``Dense(output_dim=10, init=...)``,
``fit(nb_epoch=5)``, ``SGD(lr=0.1)``). `accepts_old_names` wraps a constructor
(or ``fit``) so that it renames those arguments before the Keras 3 code sees
them, and says once per call site what the Keras 3 name is.

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
KERAS1_NAMES = {
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

# Layers whose old names differ from the common table above.
BATCH_NORMALIZATION_NAMES = {
    "beta_init": ("beta_initializer", "2.0"),
    "gamma_init": ("gamma_initializer", "2.0"),
}
EMBEDDING_NAMES = {
    "init": ("embeddings_initializer", "2.0"),
    "W_regularizer": ("embeddings_regularizer", "2.0"),
    "W_constraint": ("embeddings_constraint", "2.0"),
}
LEAKY_RELU_NAMES = {"alpha": ("negative_slope", "3.0")}
REDUCE_LR_NAMES = {"epsilon": ("min_delta", "2.1.6")}

# Keras 1 arguments with no meaning here (speed hints, replaced options): dropped silently.
MEANINGLESS = ("consume_less", "forget_bias_init")

# Keras 1 arguments that are not a plain rename (see `modernize_kwargs`).
SPECIAL = ("nb_row", "nb_col", "dim_ordering")


def warn_legacy(where, old, new, version, stacklevel=None):
    """Emit the DeprecationWarning for one old spelling, pointing at the user's line.

    It shares the teaching-diagnostics mechanism: the warning is attributed to
    the first caller outside kerasedu, so Python shows it (DeprecationWarnings
    are shown only when attributed to ``__main__`` or a notebook cell).

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warn_legacy("SGD", "lr", "learning_rate", "2.3")
        >>> print(caught[0].message)
        SGD: `lr` is the old Keras spelling (renamed in Keras 2.3); use `learning_rate` instead.
    """
    warnings.warn(
        f"{where}: `{old}` is the old Keras spelling (renamed in Keras {version}); "
        f"use `{new}` instead.",
        DeprecationWarning,
        stacklevel=stacklevel or stacklevel_outside_kerasedu(),
    )


def modernize_kwargs(where, kwargs, names=KERAS1_NAMES):
    """Return ``kwargs`` with old names replaced by new ones, warning for each.

    Besides the renames in ``names``: ``nb_row``/``nb_col`` (Keras 1 convolution
    sizes) become ``kernel_size``, Keras 1's ``dim_ordering="tf"`` becomes
    ``data_format="channels_last"``, and the `MEANINGLESS` hints are dropped.

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     modernize_kwargs("Conv2D", {"nb_filter": 8, "nb_row": 3, "nb_col": 5})
        {'kernel_size': (3, 5), 'filters': 8}
    """
    kwargs = {k: v for k, v in kwargs.items() if k not in MEANINGLESS}
    if "nb_row" in kwargs or "nb_col" in kwargs:
        size = (kwargs.pop("nb_row", 1), kwargs.pop("nb_col", 1))
        warn_legacy(where, "nb_row/nb_col", "kernel_size", "2.0")
        kwargs["kernel_size"] = size
    if "dim_ordering" in kwargs:
        ordering = kwargs.pop("dim_ordering")
        warn_legacy(where, "dim_ordering", "data_format", "2.0")
        kwargs["data_format"] = {"tf": "channels_last", "th": "channels_first"}.get(
            ordering, ordering
        )
    for old in [k for k in kwargs if k in names]:
        new, version = names[old]
        if new in kwargs:
            raise TypeError(f"{where}: got both `{old}` (old name) and `{new}`; pass only `{new}`.")
        warn_legacy(where, old, new, version)
        kwargs[new] = kwargs.pop(old)
    return kwargs


def accepts_old_names(function, names=KERAS1_NAMES):
    """Wrap an ``__init__`` (or a method such as ``fit``) so it also accepts old names.

    The warning names the class of the object (``Dense: `output_dim` is...``).

    Example:
        >>> class Thing:
        ...     def __init__(self, units):
        ...         self.units = units
        >>> Thing.__init__ = accepts_old_names(Thing.__init__)
        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     Thing(output_dim=3).units
        3
    """

    old_names = set(names) | set(SPECIAL) | set(MEANINGLESS)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        if not old_names.isdisjoint(kwargs):  # a Keras 3 call goes straight through
            owner = args[0].__class__.__name__ if args else function.__name__
            kwargs = modernize_kwargs(owner, kwargs, names)
        return function(*args, **kwargs)

    return wrapper
