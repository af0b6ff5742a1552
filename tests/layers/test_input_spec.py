"""InputSpec: rank and axis-size checks, with an error that shows expected and received shapes."""

import pytest

from kerasedu.layers.input_spec import InputSpec


@pytest.mark.parametrize(
    "spec, shape",
    [
        (InputSpec(ndim=4), (None, 28, 28, 1)),
        (InputSpec(min_ndim=2, axes={-1: 4}), (32, 7, 4)),
        (InputSpec(min_ndim=2, axes={-1: 4}), (32, None)),  # unknown size: accepted
        (InputSpec(), (3,)),
    ],
)
def test_fitting_shapes_pass_silently(spec, shape):
    assert spec.check("layer", shape) is None


@pytest.mark.parametrize(
    "spec, shape, expected",
    [
        (InputSpec(ndim=4), (None, 8), "(None, None, None, None)"),
        (InputSpec(min_ndim=2, axes={-1: 4}), (32, 5), "(..., 4)"),
        (InputSpec(min_ndim=3), (32, 5), "(..., None, None)"),
        (InputSpec(ndim=2, axes={-1: 784}, shape=(None, 784)), (None, 10), "(None, 784)"),
    ],
)
def test_error_names_layer_expected_and_received_shape(spec, shape, expected):
    with pytest.raises(ValueError) as caught:
        spec.check("dense_3", shape)
    message = str(caught.value)
    assert message.startswith("Input 0 of layer 'dense_3' is incompatible with the layer")
    assert expected in message and "received input with shape" in message
    assert message.endswith(f"{shape}.")
