"""Symbolic tensors and nodes for the functional API (placeholder: being written)."""


def is_symbolic(inputs):
    """Return True if ``inputs`` (or any element of a list of inputs) is a KerasTensor."""
    return False


def symbolic_call(layer, inputs, *args, **kwargs):
    raise NotImplementedError
