"""kerasedu: a readable Keras-compatible deep-learning library on NumPy (and CuPy).

``import kerasedu`` gives the same top-level names as ``import keras``:
``kerasedu.layers.Dense``, ``kerasedu.Sequential``, ``kerasedu.optimizers.Adam``...
so a Keras tutorial runs after changing ``keras`` to ``kerasedu`` in its imports.

Example:
    >>> import kerasedu
    >>> kerasedu.__version__
    '0.1.0'
    >>> model = kerasedu.Sequential([kerasedu.layers.Dense(2, input_shape=(3,))])
    >>> model.count_params()
    8
"""

# The subpackages, bottom to top: each imports only those above it in this list.
# None of them imports h5py or matplotlib at import time (saving and plotting
# import them inside their functions), so `import kerasedu` stays fast.
from kerasedu import (
    activations,
    applications,
    autograd,
    backend,
    callbacks,
    compat,  # Keras 1/2 spellings: wraps layers, optimizers, models (see its docstring)
    config,
    constraints,
    datasets,
    device,
    diagnostics,
    initializers,
    layers,
    losses,
    metrics,
    models,
    naming,
    ops,  # Keras 3's keras.ops names on the autograd ops (above autograd, below layers)
    optimizers,
    preprocessing,
    random,  # keras.random: normal, uniform, dropout, SeedGenerator
    regularizers,
    saving,
    utils,
)
from kerasedu.diagnostics import TeachingWarning
from kerasedu.layers import Input
from kerasedu.models import Model, Sequential
from kerasedu.version import __version__
