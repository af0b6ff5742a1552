"""The backend: the array module (NumPy or CuPy), numeric settings, and the ``K`` functions.

``import kerasedu.backend as K`` gives the Keras-2-style functions that custom
losses and metrics are written with (``K.mean``, ``K.concatenate``...).

Example:
    >>> import kerasedu.backend as K
    >>> K.floatx(), K.epsilon()
    ('float32', 1e-07)
"""

from kerasedu.backend.config import (
    epsilon, floatx, image_data_format, set_epsilon, set_floatx, set_image_data_format,
)
from kerasedu.backend.device import (
    get_array_module, get_device, set_device, to_device, to_numpy, xp,
)
from kerasedu.backend.naming import clear_session
