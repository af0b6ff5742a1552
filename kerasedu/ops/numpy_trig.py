"""NumPy's trigonometric and hyperbolic functions under ``keras.ops``' names.

They are autograd's own ops (`kerasedu.autograd.ops_trig`), each with its derivative
beside it, so ``ops.sin`` is differentiable like every other op here. ``tanh`` is in
`kerasedu.ops.numpy`.

Example:
    >>> from kerasedu import ops
    >>> ops.cos(ops.convert_to_tensor([0.0, 3.14159265])).numpy().round(4).tolist()
    [1.0, -1.0]
"""

from kerasedu.autograd.ops_trig import (  # noqa: F401  (re-exported under Keras 3's names)
    arccos,
    arccosh,
    arcsin,
    arcsinh,
    arctan,
    arctan2,
    arctanh,
    cos,
    cosh,
    sin,
    sinh,
    tan,
)

__all__ = [
    "arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctan2", "arctanh", "cos", "cosh",
    "sin", "sinh", "tan",
]  # fmt: skip
