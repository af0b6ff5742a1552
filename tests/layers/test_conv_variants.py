import numpy as np
import pytest

from kerasedu import layers as L
from kerasedu.layers.conv_variants import full_depthwise_kernel
from tests.layers.keras_reference import assert_matches_keras, import_keras
from tests.layers.layer_checks import check_layer_gradients

RNG = np.random.default_rng(0)
IMAGES = RNG.random((2, 6, 5, 3), dtype="float32")
SEQUENCES = RNG.random((2, 7, 3), dtype="float32")


def test_full_depthwise_kernel_reads_one_channel_per_output():
    kernel = RNG.random((2, 2, 3, 2))
    full = full_depthwise_kernel(kernel).numpy()
    assert full.shape == (2, 2, 3, 6)
    for c in range(3):
        for m in range(2):
            column = full[..., c * 2 + m]
            np.testing.assert_array_equal(column[..., c], kernel[..., c, m])
            assert (np.delete(column, c, axis=-1) == 0).all()


def test_depthwise_matches_per_channel_convolution():
    layer = L.DepthwiseConv2D(3, depth_multiplier=2, use_bias=False)
    y = layer(IMAGES).numpy()
    for c in range(3):
        single = L.Conv2D(2, 3, use_bias=False)
        single(IMAGES[..., c : c + 1])
        single.set_weights([layer.get_weights()[0][:, :, c : c + 1, :]])
        expected = single(IMAGES[..., c : c + 1]).numpy()
        np.testing.assert_allclose(y[..., 2 * c : 2 * c + 2], expected, rtol=1e-5)


def test_weights_names_and_counts():
    layer = L.SeparableConv2D(4, 3, depth_multiplier=2)
    layer(IMAGES)
    assert [w.name for w in layer.weights] == [
        f"{layer.name}/depthwise_kernel",
        f"{layer.name}/pointwise_kernel",
        f"{layer.name}/bias",
    ]
    assert layer.count_params() == 3 * 3 * 3 * 2 + 6 * 4 + 4


@pytest.mark.parametrize("make, x", [
    (lambda: L.DepthwiseConv2D(2, strides=2, depth_multiplier=2, padding="same"), IMAGES[:1, :4]),
    (lambda: L.SeparableConv2D(2, 2, activation="tanh"), IMAGES[:1, :4]),
    (lambda: L.DepthwiseConv1D(3, padding="same"), SEQUENCES[:1]),
    (lambda: L.SeparableConv1D(2, 2), SEQUENCES[:1]),
])  # fmt: skip
def test_gradients(make, x):
    layer = make()
    layer.dtype = "float64"
    check_layer_gradients(layer, x)


@pytest.mark.reference
def test_conv_variants_match_keras():
    keras = import_keras()
    kl = keras.layers
    cases = [
        (L.DepthwiseConv2D(3, depth_multiplier=2), kl.DepthwiseConv2D(3, depth_multiplier=2),
         IMAGES),
        (L.DepthwiseConv2D(2, strides=2, padding="same", activation="relu"),
         kl.DepthwiseConv2D(2, strides=2, padding="same", activation="relu"), IMAGES),
        (L.SeparableConv2D(4, 3, padding="same", depth_multiplier=2),
         kl.SeparableConv2D(4, 3, padding="same", depth_multiplier=2), IMAGES),
        (L.DepthwiseConv1D(3, dilation_rate=2), kl.DepthwiseConv1D(3, dilation_rate=2), SEQUENCES),
        (L.SeparableConv1D(4, 3, strides=2), kl.SeparableConv1D(4, 3, strides=2), SEQUENCES),
    ]  # fmt: skip
    for ours, theirs, x in cases:
        assert_matches_keras(ours, theirs, x)
