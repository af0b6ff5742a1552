import numpy as np
import pytest

from kerasedu.autograd.gradcheck import gradcheck
from kerasedu.layers import Activation, Dropout, Flatten, Input, Permute, RepeatVector, Reshape


def test_activation_layer():
    x = np.array([[-1.0, 0.0, 2.0]], dtype="float32")
    np.testing.assert_array_equal(Activation("relu")(x).numpy(), [[0.0, 0.0, 2.0]])
    assert Activation("softmax").get_config()["activation"] == "softmax"


def test_dropout_inference_is_identity():
    x = np.random.randn(4, 5).astype("float32")
    np.testing.assert_array_equal(Dropout(0.5)(x).numpy(), x)
    np.testing.assert_array_equal(Dropout(0.5)(x, training=False).numpy(), x)


def test_dropout_training_scales_kept_values():
    np.random.seed(1)
    x = np.ones((200, 50), dtype="float32")
    y = Dropout(0.25)(x, training=True).numpy()
    assert set(np.unique(y)) <= {0.0, np.float32(1 / 0.75)}
    assert abs((y == 0).mean() - 0.25) < 0.02
    assert abs(y.mean() - 1.0) < 0.03


def test_dropout_reproducible_with_global_seed_and_noise_shape():
    x = np.ones((3, 4, 5), dtype="float32")
    np.random.seed(0)
    a = Dropout(0.5)(x, training=True).numpy()
    np.random.seed(0)
    b = Dropout(0.5)(x, training=True).numpy()
    np.testing.assert_array_equal(a, b)
    y = Dropout(0.5, noise_shape=(None, 1, 5))(x, training=True).numpy()
    assert np.all(y == y[:, :1, :])  # one draw shared along axis 1
    with pytest.raises(ValueError, match="rate"):
        Dropout(1.5)


def test_flatten_keeps_channels_fastest():
    x = np.arange(24, dtype="float32").reshape(2, 2, 3, 2)
    np.testing.assert_array_equal(Flatten()(x).numpy(), x.reshape(2, -1))
    assert Flatten()(Input(shape=(28, 28, 1))).shape == (None, 784)
    channels_first = np.transpose(x, (0, 3, 1, 2))
    np.testing.assert_array_equal(
        Flatten(data_format="channels_first")(channels_first).numpy(), x.reshape(2, -1)
    )


def test_reshape_with_minus_one():
    x = np.arange(12, dtype="float32").reshape(1, 12)
    assert Reshape((3, -1))(x).shape == (1, 3, 4)
    assert Reshape((-1, 2))(Input(shape=(3, 4))).shape == (None, 6, 2)
    with pytest.raises(ValueError, match="cannot reshape"):
        Reshape((5,))(Input(shape=(12,)))


def test_permute_is_one_based():
    x = np.random.randn(2, 3, 4).astype("float32")
    np.testing.assert_array_equal(Permute((2, 1))(x).numpy(), np.transpose(x, (0, 2, 1)))
    assert Permute((2, 1))(Input(shape=(10, 64))).shape == (None, 64, 10)
    with pytest.raises(ValueError, match="permutation"):
        Permute((0, 1))


def test_repeat_vector_values_and_gradient():
    x = np.array([[1.0, 2.0]])
    np.testing.assert_array_equal(RepeatVector(3)(x).numpy(), [[[1.0, 2.0]] * 3])
    assert RepeatVector(3)(Input(shape=(5,))).shape == (None, 3, 5)
    layer = RepeatVector(2, dtype="float64")
    assert gradcheck(lambda t: (layer(t) ** 2).sum(), [np.random.randn(2, 3)])


def test_core_layer_configs_round_trip():
    for layer in [
        Activation("tanh"),
        Dropout(0.3, seed=2),
        Flatten(),
        Reshape((2, 3)),
        Permute((2, 1)),
        RepeatVector(4),
    ]:
        clone = type(layer).from_config(layer.get_config())
        assert clone.get_config() == layer.get_config()
