import warnings

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.autograd.gradcheck import gradcheck
from kerasedu.layers import Dense, Input


def test_dense_output_shape_and_weights():
    layer = Dense(3, name="d")
    y = layer(np.ones((2, 4), dtype="float32"))
    assert y.shape == (2, 3)
    assert [w.name for w in layer.weights] == ["d/kernel", "d/bias"]
    assert layer.count_params() == 15


def test_dense_matches_numpy():
    layer = Dense(2, activation="relu")
    x = np.random.randn(5, 3).astype("float32")
    y = layer(x).numpy()
    kernel, bias = layer.get_weights()
    np.testing.assert_allclose(y, np.maximum(x @ kernel + bias, 0), rtol=1e-6)


def test_dense_on_rank_3_input():
    layer = Dense(4)
    x = np.random.randn(2, 5, 3).astype("float32")
    kernel, bias = [w for w in layer.get_weights()] if layer.built else (None, None)
    y = layer(x).numpy()
    kernel, bias = layer.get_weights()
    assert y.shape == (2, 5, 4)
    np.testing.assert_allclose(y, x @ kernel + bias, rtol=1e-5, atol=1e-6)
    assert Dense(4)(Input(shape=(7, 3))).shape == (None, 7, 4)


def test_dense_no_bias():
    layer = Dense(3, use_bias=False)
    layer(np.ones((1, 2)))
    assert len(layer.weights) == 1


def test_dense_rejects_bad_units_and_wrong_input():
    with pytest.raises(ValueError, match="units"):
        Dense(0)
    layer = Dense(3, name="fc")
    layer(np.ones((1, 4)))
    with pytest.raises(ValueError, match=r"fc.*\(None, 5\)|fc.*received"):
        layer(np.ones((1, 5)))


def test_dense_legacy_kwargs_warn_and_work():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        layer = Dense(output_dim=3, init="zeros", input_dim=2)
    assert layer.units == 3
    assert any("units" in str(w.message) for w in caught)
    assert np.all(layer(np.ones((1, 2))).numpy() == 0)
    assert layer.get_config()["batch_input_shape"] == [None, 2]


def test_dense_config_round_trip():
    layer = Dense(3, activation="tanh", kernel_regularizer="l2", name="cfg")
    clone = Dense.from_config(layer.get_config())
    assert clone.units == 3 and clone.get_config() == layer.get_config()
    x = np.random.randn(2, 4).astype("float32")
    layer(x)
    clone(x)
    clone.set_weights(layer.get_weights())
    np.testing.assert_array_equal(clone(x).numpy(), layer(x).numpy())


def test_dense_regularizer_losses():
    layer = Dense(2, kernel_regularizer="l2", activity_regularizer="l1")
    y = layer(Tensor(np.ones((3, 2), dtype="float32"), requires_grad=True))
    assert len(layer.losses) == 2
    kernel = layer.get_weights()[0]
    np.testing.assert_allclose(float(layer.losses[0].numpy()), 0.01 * np.sum(kernel**2), rtol=1e-5)
    np.testing.assert_allclose(
        float(layer.losses[1].numpy()), 0.01 * np.abs(y.numpy()).sum() / 3, rtol=1e-5
    )


def test_dense_gradients():
    layer = Dense(3, dtype="float64")
    x = np.random.randn(4, 2)
    layer(x)
    assert gradcheck(lambda t: (layer(t) ** 2).sum(), [x])


@pytest.mark.reference
def test_activity_penalty_matches_keras_3():
    """Keras 3 divides a layer's activity penalty by the batch size."""
    from tests.layers.keras_reference import import_keras

    keras = import_keras()
    x = np.random.randn(5, 3).astype("float32")
    theirs = keras.layers.Dense(2, activity_regularizer=keras.regularizers.L2(0.1))
    theirs(x)
    ours = Dense(2, activity_regularizer="l2")
    ours.activity_regularizer.l2 = 0.1
    ours(Tensor(x, requires_grad=True))
    ours.set_weights([np.asarray(w) for w in theirs.get_weights()])
    ours(Tensor(x, requires_grad=True))
    np.testing.assert_allclose(float(ours.losses[0]), float(theirs.losses[0]), rtol=1e-5)
