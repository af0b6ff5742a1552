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

__version__ = "0.1.0"

# The subpackages, bottom to top: each imports only those above it in this list.
# None of them imports h5py or matplotlib at import time (saving and plotting
# import them inside their functions), so `import kerasedu` stays fast.
from kerasedu import config, device, naming
from kerasedu import autograd
from kerasedu import diagnostics
from kerasedu import activations, constraints, initializers, regularizers
from kerasedu import layers
from kerasedu import losses, metrics, optimizers
from kerasedu import callbacks
from kerasedu import models
from kerasedu import utils
from kerasedu import saving
from kerasedu import datasets
from kerasedu import preprocessing
from kerasedu import applications
from kerasedu import backend

from kerasedu.diagnostics import TeachingWarning
from kerasedu.layers import Input
from kerasedu.models import Model, Sequential
