"""Gradient clipping: keep one step from being too large (``clipnorm``, ``global_clipnorm``).

`Optimizer.apply_gradients` clips before it updates: ``clipnorm`` scales each
variable's gradient on its own, ``global_clipnorm`` scales all of them by one
factor (so their directions relative to each other are kept), as Keras 3 does.

Example:
    >>> clip_by_norm(np.array([3.0, 4.0]), 1.0).round(4).tolist()  # norm 5 -> norm 1
    [0.6, 0.8]
    >>> grads = clip_by_global_norm([np.array([3.0]), np.array([4.0])], 1.0)
    >>> [g.round(4).tolist() for g in grads]
    [[0.6], [0.8]]
"""

from kerasedu.device import get_array_module


def clip_by_norm(grad, clipnorm):
    """Scale ``grad`` down so its L2 norm is at most ``clipnorm``: ``g * c / max(||g||, c)``."""
    xp = get_array_module(grad)
    norm = float(xp.sqrt((grad * grad).sum()))
    return grad * (clipnorm / max(norm, clipnorm))


def clip_by_global_norm(grads, clipnorm):
    """Scale all gradients by one factor so their joint L2 norm is at most ``clipnorm``."""
    xp = get_array_module(grads[0])
    global_norm = float(xp.sqrt(sum(float((g * g).sum()) for g in grads)))
    scale = clipnorm / max(global_norm, clipnorm)
    return [g * scale for g in grads]
