"""How a mask travels with the data, as in Keras: ``tensor._keras_mask``.

Padded sequences (``[[3, 4, 0, 0], ...]``) hold steps that are not data. A layer
such as ``Embedding(mask_zero=True)`` or `Masking` marks the real steps with a
boolean mask of shape ``(N, T)``, attached to its output as ``output._keras_mask``.
A later layer called on a masked tensor:

1. gets the mask as its ``mask`` argument, if its ``call`` takes one (recurrent
   layers skip the masked steps, `GlobalAveragePooling1D` averages the real ones);
2. attaches ``compute_mask(inputs, mask)`` to its outputs if it ``supports_masking``
   (`Dense`, `Dropout` or `Activation` pass the mask on unchanged; an `LSTM` without
   ``return_sequences`` has none to pass); a layer that does not support masking
   drops the mask, with a warning.

At the end of a model, the loss and the metrics count only the unmasked steps.
`Layer.__call__` calls `call_with_masks` only when a mask is in play, so a model
without masks does no mask work at all.

Example:
    >>> from kerasedu.layers import Dense, Embedding
    >>> x = Embedding(10, 3, mask_zero=True)(np.array([[4, 2, 0]]))
    >>> x._keras_mask.tolist()
    [[True, True, False]]
    >>> Dense(2)(x)._keras_mask.tolist()
    [[True, True, False]]
"""

import functools
import inspect
import warnings

from kerasedu.autograd.tensor import Tensor
from kerasedu.device import to_device
from kerasedu.tree import flatten


def get_mask(x):
    """The mask attached to ``x`` (a list of them for a list of tensors), or ``None``.

    Example:
        >>> get_mask(np.ones(3)) is None
        True
    """
    if isinstance(x, (list, tuple)):
        return [get_mask(item) for item in x]
    return getattr(x, "_keras_mask", None)


def compute_mask(self, inputs, previous_mask):
    """Return the mask of the layer's outputs; by default the input's mask, unchanged.

    This is ``Layer.compute_mask``. A layer that makes a mask (`Embedding`,
    `Masking`) or changes it (an RNN without ``return_sequences`` drops it)
    overrides it; it only runs when a mask is in play.

    Args:
        inputs: The layer's input Tensor(s).
        previous_mask: The mask the input carried (``None`` if it had none).

    Returns:
        A boolean array (one per output, in a list, for several outputs), or ``None``.
    """
    return previous_mask


def call_with_masks(layer, inputs, args, kwargs):
    """Run ``layer.call`` with the input's mask in play (Keras's ``Layer.__call__`` steps 6-8).

    Args:
        layer: The layer being called (built, its input checked).
        inputs: The input Tensor(s).
        args, kwargs: The other call arguments; ``kwargs["mask"]`` is filled in
            from the input when ``call`` takes a ``mask`` and none was given.

    Returns:
        The outputs of ``layer.call``, with ``compute_mask``'s masks attached.
    """
    previous_mask = get_mask(inputs)
    if kwargs.get("mask") is not None:
        previous_mask = kwargs["mask"] = as_mask(kwargs["mask"])  # a mask given by hand wins
    elif "mask" in call_parameters(type(layer)):
        kwargs["mask"] = previous_mask
    outputs = layer.call(inputs, *args, **kwargs)
    if layer.supports_masking or type(layer).compute_mask is not compute_mask:
        _attach(outputs, layer.compute_mask(inputs, previous_mask))
    elif any(mask is not None for mask in flatten(previous_mask)):
        warnings.warn(
            f"Layer '{layer.name}' (of type {type(layer).__name__}) was passed an input with "
            "a mask attached to it. However, this layer does not support masking and will "
            "therefore destroy the mask information. Downstream layers will not see the mask.",
            stacklevel=3,
        )
    return outputs


def _attach(outputs, masks):
    """Set each output's ``_keras_mask``, unless the output already carries one."""
    if masks is None:
        return
    outputs = outputs if isinstance(outputs, (list, tuple)) else [outputs]
    masks = masks if isinstance(masks, (list, tuple)) else [masks]
    for tensor, mask in zip(outputs, masks):
        if mask is not None and get_mask(tensor) is None and isinstance(tensor, Tensor):
            tensor._keras_mask = as_mask(mask)


def as_mask(mask):
    """A mask as a boolean array on the current device (a Tensor or a list is unwrapped).

    A list holding ``None`` or arrays is one mask per input (``Attention``'s
    ``[query_mask, value_mask]``), each converted on its own.
    """
    if isinstance(mask, (list, tuple)) and any(m is None or hasattr(m, "shape") for m in mask):
        return [None if m is None else as_mask(m) for m in mask]
    return to_device(mask.data if isinstance(mask, Tensor) else mask, dtype=bool)


@functools.lru_cache(maxsize=None)
def call_parameters(layer_class):
    """The argument names of ``layer_class.call`` (does it take ``training``? ``mask``?).

    Computed once per class, since `Layer.__call__` asks on every call.
    """
    return frozenset(inspect.signature(layer_class.call).parameters)
