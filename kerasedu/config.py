"""Global numeric settings, with Keras's names and defaults (``keras.config``).

They live in `kerasedu.device`, beside the array module they configure; this
module is their public name, as ``keras.config`` is Keras's.

Example:
    >>> floatx(), epsilon(), image_data_format()
    ('float32', 1e-07, 'channels_last')
"""

from kerasedu.device import (  # noqa: F401  (re-exported)
    _config,
    epsilon,
    floatx,
    image_data_format,
    set_epsilon,
    set_floatx,
    set_image_data_format,
)
