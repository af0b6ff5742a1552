"""The ``K`` backend: Keras-2-style functions on top of the whole library.

``import kerasedu.backend as K`` gives the functions that custom losses and
metrics are written with (``K.mean``, ``K.concatenate``...). It sits at the top
of the package and nothing in kerasedu imports it. Most names are plain
re-exports: ``K.mean`` IS `kerasedu.autograd.mean`, ``K.sigmoid`` IS
`kerasedu.activations.sigmoid`, and the device and numeric settings come from
`kerasedu.device`, `kerasedu.config` and `kerasedu.naming`. Only what Keras 2
spelled differently (``K.relu(x, alpha)``, ``K.var``, ``K.gradients``...) is
written in `kerasedu.backend.functional` and `kerasedu.backend.functional_math`.

Example:
    >>> import kerasedu.backend as K
    >>> K.floatx(), K.epsilon()
    ('float32', 1e-07)
"""

from kerasedu.activations import elu, hard_sigmoid, sigmoid, softmax, softplus, softsign, tanh
from kerasedu.autograd import (
    abs,
    cast,
    clip,
    concatenate,
    exp,
    l2_normalize,
    log,
    max,
    maximum,
    mean,
    min,
    minimum,
    pow,
    reshape,
    sqrt,
    squeeze,
    stack,
    sum,
    tile,
    transpose,
)
from kerasedu.autograd import repeat as repeat_elements
from kerasedu.autograd import take as gather
from kerasedu.autograd import transpose as permute_dimensions
from kerasedu.backend.functional import (
    batch_flatten,
    batch_get_value,
    batch_set_value,
    constant,
    dtype,
    eval,
    expand_dims,
    flatten,
    get_value,
    int_shape,
    ndim,
    ones,
    ones_like,
    set_value,
    shape,
    variable,
    zeros,
    zeros_like,
)
from kerasedu.backend.functional_math import (
    argmax,
    argmin,
    batch_dot,
    dot,
    equal,
    gradients,
    greater,
    greater_equal,
    less,
    less_equal,
    not_equal,
    relu,
    sign,
    std,
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
from kerasedu.device import get_array_module, get_device, set_device, to_device, to_numpy, xp
from kerasedu.naming import clear_session
from kerasedu.ops import square  # the same x * x as keras.ops.square
