"""Checks shared by the layer tests: gradients of a layer against finite differences,
and the get_config -> from_config round trip."""

import numpy as np

from kerasedu.autograd import Tensor
from kerasedu.autograd.gradcheck import numerical_grad
from kerasedu.saving.serializer import deserialize_layer, serialize_layer


def check_layer_gradients(layer, x, atol=1e-6, rtol=1e-4, **call_kwargs):
    """Compare backward() with central differences for the input and every trainable weight.

    The layer must use dtype float64. Weights are perturbed in place, so the
    numerical derivative goes through the real layer code.
    """
    x = Tensor(np.asarray(x, dtype="float64"), requires_grad=True)
    layer(x, **call_kwargs)  # build
    tensors = [x] + list(layer.trainable_weights)
    out = layer(x, **call_kwargs)
    projection = np.random.default_rng(0).standard_normal(out.shape)

    def scalar(*_):
        return (layer(x, **call_kwargs) * projection).sum()

    for t in tensors:
        t.grad = None
    scalar().backward()
    analytic = [np.array(t.grad) for t in tensors]
    numeric = numerical_grad(scalar, tensors, eps=1e-6)
    for t, a, n in zip(tensors, analytic, numeric):
        np.testing.assert_allclose(a, n, atol=atol, rtol=rtol, err_msg=str(t.name))


def check_config_round_trip(layer, x, **call_kwargs):
    """A layer rebuilt from its config, given the same weights, gives identical outputs.

    The config goes through the serializer, which builds nested layers (a wrapper's) first.
    """
    y = layer(x, **call_kwargs)
    clone = deserialize_layer(serialize_layer(layer))
    clone(x, **call_kwargs)
    clone.set_weights(layer.get_weights())
    np.testing.assert_array_equal(clone(x, **call_kwargs).numpy(), y.numpy())
    return clone
