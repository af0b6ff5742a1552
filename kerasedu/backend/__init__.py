"""The ``K`` backend: Keras-2-style functions on top of the whole library.

``import kerasedu.backend as K`` gives the functions that custom losses and
metrics are written with (``K.mean``, ``K.concatenate``...). It sits at the top
of the package: it re-exports the device and numeric settings from the bottom
(`kerasedu.device`, `kerasedu.config`, `kerasedu.naming`) under Keras's names,
and nothing in kerasedu imports it.

Example:
    >>> import kerasedu.backend as K
    >>> K.floatx(), K.epsilon()
    ('float32', 1e-07)
"""

from kerasedu.backend.functional import (
    batch_flatten,
    batch_get_value,
    batch_set_value,
    cast,
    concatenate,
    constant,
    dtype,
    eval,
    expand_dims,
    flatten,
    gather,
    get_value,
    int_shape,
    ndim,
    ones,
    ones_like,
    permute_dimensions,
    repeat_elements,
    reshape,
    set_value,
    shape,
    squeeze,
    stack,
    tile,
    transpose,
    variable,
    zeros,
    zeros_like,
)
from kerasedu.backend.functional_math import (
    abs,
    argmax,
    argmin,
    batch_dot,
    clip,
    dot,
    elu,
    equal,
    exp,
    gradients,
    greater,
    greater_equal,
    hard_sigmoid,
    l2_normalize,
    less,
    less_equal,
    log,
    max,
    maximum,
    mean,
    min,
    minimum,
    not_equal,
    pow,
    relu,
    sigmoid,
    sign,
    softmax,
    softplus,
    softsign,
    sqrt,
    square,
    std,
    sum,
    tanh,
    var,
)
from kerasedu.config import (
    epsilon,
    floatx,
    image_data_format,
    set_epsilon,
    set_floatx,
    set_image_data_format,
)
from kerasedu.device import (
    get_array_module,
    get_device,
    set_device,
    to_device,
    to_numpy,
    xp,
)
from kerasedu.naming import clear_session
