"""Tests for Conv1D and Conv2D."""

import numpy as np
import pytest

from kerasedu.layers import Conv1D, Conv2D
from tests.layers.layer_checks import check_config_round_trip, check_layer_gradients


def naive_conv2d(x, w, b, stride, padding):
    """Reference: explicit loops over output pixels, TensorFlow's 'same' rule."""
    n, h, wid, _ = x.shape
    kh, kw, _, c_out = w.shape
    if padding == "same":
        h_out, w_out = -(-h // stride), -(-wid // stride)
        pad_h = max((h_out - 1) * stride + kh - h, 0)
        pad_w = max((w_out - 1) * stride + kw - wid, 0)
        x = np.pad(
            x, ((0, 0), (pad_h // 2, pad_h - pad_h // 2), (pad_w // 2, pad_w - pad_w // 2), (0, 0))
        )
    else:
        h_out, w_out = (h - kh) // stride + 1, (wid - kw) // stride + 1
    y = np.zeros((n, h_out, w_out, c_out))
    for a in range(h_out):
        for c in range(w_out):
            patch = x[:, a * stride : a * stride + kh, c * stride : c * stride + kw, :]
            y[:, a, c, :] = np.tensordot(patch, w, axes=([1, 2, 3], [0, 1, 2]))
    return y + b


def test_conv2d_output_shape_and_weights():
    layer = Conv2D(8, (3, 3), name="c")
    assert layer(np.ones((2, 28, 28, 1))).shape == (2, 26, 26, 8)
    assert [w.name for w in layer.weights] == ["c/kernel", "c/bias"]
    assert [w.shape for w in layer.weights] == [(3, 3, 1, 8), (8,)]
    assert layer.count_params() == 3 * 3 * 1 * 8 + 8
    assert layer.compute_output_shape((None, 28, 28, 1)) == (None, 26, 26, 8)


@pytest.mark.parametrize(
    "padding, stride, size", [("same", 2, 7), ("same", 2, 8), ("valid", 2, 7), ("same", 1, 5)]
)
def test_conv2d_matches_naive_loop(padding, stride, size):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, size, size + 1, 3))
    layer = Conv2D(4, 3, strides=stride, padding=padding, dtype="float64")
    layer(x)
    w, b = rng.standard_normal((3, 3, 3, 4)), rng.standard_normal(4)
    layer.set_weights([w, b])
    y = layer(x).numpy()
    np.testing.assert_allclose(y, naive_conv2d(x, w, b, stride, padding), rtol=1e-10, atol=1e-10)
    assert layer.compute_output_shape(x.shape) == y.shape


def test_conv2d_activation_and_no_bias():
    layer = Conv2D(2, 1, activation="relu", use_bias=False, kernel_initializer="ones")
    y = layer(np.full((1, 2, 2, 1), -1.0))
    assert len(layer.weights) == 1 and float(y.numpy().max()) == 0.0


def test_conv2d_gradients():
    layer = Conv2D(2, 3, strides=2, padding="same", activation="tanh", dtype="float64")
    x = np.random.default_rng(1).standard_normal((2, 5, 4, 2))
    check_layer_gradients(layer, x)


def test_conv1d_causal_and_dilation():
    layer = Conv1D(
        1, 2, padding="causal", dilation_rate=2, kernel_initializer="ones", use_bias=False
    )
    x = np.arange(1.0, 6.0).reshape(1, 5, 1)
    # y_t = x_t + x_{t-2}, with zeros before the start
    assert layer(x).numpy()[0, :, 0].tolist() == [1.0, 2.0, 4.0, 6.0, 8.0]


def test_conv1d_shapes_and_gradients():
    layer = Conv1D(3, 3, strides=2, padding="same", dtype="float64")
    x = np.random.default_rng(2).standard_normal((2, 7, 2))
    assert layer(x).shape == (2, 4, 3)
    assert layer.get_weights()[0].shape == (3, 2, 3)
    assert layer.compute_output_shape((None, None, 2)) == (None, None, 3)
    check_layer_gradients(layer, x)


def test_config_round_trip():
    x = np.random.default_rng(4).standard_normal((2, 6, 6, 3)).astype("float32")
    layer = Conv2D(
        4,
        (3, 2),
        strides=(1, 2),
        padding="same",
        activation="relu",
        kernel_regularizer="l2",
        kernel_constraint="max_norm",
    )
    clone = check_config_round_trip(layer, x)
    assert clone.kernel_size == (3, 2) and clone.kernel.constraint is not None


def test_wrong_input_raises_clear_error():
    layer = Conv2D(4, 3, name="conv_a")
    layer(np.ones((1, 8, 8, 3)))
    with pytest.raises(ValueError, match=r"conv_a.*expected.*3.*received.*\(None, 8, 8, 1\)"):
        layer(np.ones((1, 8, 8, 1)))
    with pytest.raises(ValueError, match="conv_a"):
        layer(np.ones((8, 8, 3)))


def test_bad_arguments_rejected():
    with pytest.raises(ValueError, match="padding"):
        Conv2D(4, 3, padding="causal")
    with pytest.raises(ValueError, match="kernel_size"):
        Conv2D(4, (3, 3, 3))
    with pytest.raises(ValueError, match="channels"):
        Conv2D(4, 3, data_format="channels_first")
    with pytest.raises(ValueError, match="unknown_act|Valid names"):
        Conv2D(4, 3, activation="unknown_act")


def test_same_seed_same_weights():
    np.random.seed(0)
    a = Conv2D(4, 3)
    a(np.ones((1, 5, 5, 2)))
    np.random.seed(0)
    b = Conv2D(4, 3)
    b(np.ones((1, 5, 5, 2)))
    np.testing.assert_array_equal(a.get_weights()[0], b.get_weights()[0])
