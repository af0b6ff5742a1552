"""`kerasedu.ops.nn_windows`: conv and pooling pick the op by rank and match keras.ops."""

import numpy as np
import pytest

from kerasedu import autograd
from kerasedu.ops import nn_windows
from tests.layers.keras_reference import import_keras

RNG = np.random.default_rng(0)
IMAGES = RNG.normal(size=(2, 7, 6, 3)).astype("float32")
SEQUENCES = RNG.normal(size=(2, 9, 3)).astype("float32")
KERNEL_2D = RNG.normal(size=(3, 2, 3, 4)).astype("float32")
KERNEL_1D = RNG.normal(size=(3, 3, 4)).astype("float32")


def test_the_input_rank_chooses_the_1d_or_2d_op():
    np.testing.assert_array_equal(
        nn_windows.conv(IMAGES, KERNEL_2D, 2, "same").numpy(),
        autograd.conv2d(IMAGES, KERNEL_2D, 2, "same").numpy(),
    )
    np.testing.assert_array_equal(
        nn_windows.conv(SEQUENCES, KERNEL_1D, dilation_rate=2).numpy(),
        autograd.conv1d(SEQUENCES, KERNEL_1D, dilation_rate=2).numpy(),
    )
    assert nn_windows.max_pool(SEQUENCES, 3).shape == (2, 3, 3)
    assert nn_windows.average_pool(IMAGES, 2, padding="same").shape == (2, 4, 3, 3)


def test_other_ranks_and_layouts_are_refused_clearly():
    with pytest.raises(ValueError, match="no 3-D convolution"):
        nn_windows.max_pool(np.ones((1, 2, 2, 2, 1)), 2)
    with pytest.raises(ValueError, match="channels_last"):
        nn_windows.conv(IMAGES, KERNEL_2D, data_format="channels_first")


@pytest.mark.reference
@pytest.mark.parametrize("inputs", [IMAGES, SEQUENCES], ids=["2d", "1d"])
@pytest.mark.parametrize("padding", ["valid", "same"])
def test_conv_and_pools_match_keras_ops(inputs, padding):
    kops = import_keras().ops
    kernel = KERNEL_2D if inputs.ndim == 4 else KERNEL_1D
    pairs = [
        (nn_windows.conv(inputs, kernel, 2, padding), kops.conv(inputs, kernel, 2, padding)),
        (nn_windows.max_pool(inputs, 2, 1, padding), kops.max_pool(inputs, 2, 1, padding)),
        (nn_windows.average_pool(inputs, 3, 2, padding),
         kops.average_pool(inputs, 3, 2, padding)),
    ]  # fmt: skip
    for ours, theirs in pairs:
        np.testing.assert_allclose(
            ours.numpy(), kops.convert_to_numpy(theirs), rtol=1e-5, atol=1e-5
        )
