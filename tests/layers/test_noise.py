import numpy as np
import pytest

from kerasedu import layers as L
from kerasedu.autograd import Tensor
from tests.layers.keras_reference import assert_matches_keras, import_keras
from tests.layers.layer_checks import check_config_round_trip

X = np.random.default_rng(0).normal(size=(2000, 6)).astype("float32")
NOISE = [
    L.GaussianNoise(0.3, seed=1),
    L.GaussianDropout(0.3, seed=1),
    L.AlphaDropout(0.3, seed=1),
    L.SpatialDropout1D(0.3, seed=1),
    L.SpatialDropout2D(0.3, seed=1),
    L.SpatialDropout3D(0.3, seed=1),
]


def _input(layer):
    rank = layer.input_spec.ndim if layer.input_spec is not None else 2
    return X[:128].reshape((2, 4, 16, 6, 1)[: rank - 1] + (-1,)) if rank > 2 else X


@pytest.mark.parametrize("layer", NOISE, ids=lambda layer: type(layer).__name__)
def test_noise_is_identity_at_inference_and_random_in_training(layer):
    x = _input(layer)
    np.testing.assert_array_equal(layer(x).numpy(), x)
    y = layer(x, training=True).numpy()
    assert y.shape == x.shape and not np.array_equal(y, x)
    check_config_round_trip(layer, x)


def test_noise_statistics_are_keras_s():
    y = L.GaussianNoise(0.5, seed=0)(X, training=True).numpy() - X
    assert abs(y.std() - 0.5) < 0.02
    y = L.GaussianDropout(0.2, seed=0)(np.ones_like(X), training=True).numpy()
    assert abs(y.mean() - 1) < 0.02 and abs(y.var() - 0.25) < 0.02  # rate / (1 - rate)
    y = L.AlphaDropout(0.2, seed=0)(X, training=True).numpy()
    assert abs(y.mean()) < 0.05 and abs(y.std() - 1) < 0.05  # SELU's fixed point kept


def test_spatial_dropout_drops_whole_channels():
    y = L.SpatialDropout2D(0.5, seed=0)(np.ones((3, 4, 4, 8)), training=True).numpy()
    assert (y == y[:, :1, :1, :]).all() and 0 < (y == 0).mean() < 1


def test_noise_gradient_is_the_mask():
    x = Tensor(np.ones((4, 3)), requires_grad=True)
    y = L.GaussianDropout(0.5, seed=3)(x, training=True)
    y.sum().backward()
    np.testing.assert_allclose(x.grad, y.numpy())  # dy/dx = noise, here noise = y


def test_activity_regularization_adds_penalty_per_sample():
    layer = L.ActivityRegularization(l1=0.1, l2=0.01)
    x = np.array([[1.0, -2.0], [3.0, 0.0]], dtype="float32")
    np.testing.assert_array_equal(layer(x).numpy(), x)
    assert float(layer.losses[0]) == pytest.approx((0.1 * 6 + 0.01 * 14) / 2)
    assert L.Identity()(x).numpy().tolist() == x.tolist()


def _arguments(layer):
    skip = ("name", "trainable", "dtype")  # Keras's SpatialDropout1D takes no `trainable`
    return {k: v for k, v in layer.get_config().items() if k not in skip}


@pytest.mark.reference
def test_noise_layers_match_keras_at_inference_and_in_config():
    keras = import_keras()
    kl = keras.layers
    cases = [(layer, getattr(kl, type(layer).__name__)(**_arguments(layer))) for layer in NOISE]
    cases += [(L.ActivityRegularization(0.1, 0.2), kl.ActivityRegularization(0.1, 0.2)),
              (L.Identity(), kl.Identity())]  # fmt: skip
    for ours, theirs in cases:
        assert_matches_keras(ours, theirs, _input(ours))


@pytest.mark.reference
def test_activity_regularization_loss_matches_keras():
    keras = import_keras()
    x = np.array([[1.0, -2.0], [3.0, 0.0]], dtype="float32")
    theirs = keras.layers.ActivityRegularization(0.1, 0.01)
    theirs(x)
    ours = L.ActivityRegularization(0.1, 0.01)
    ours(x)
    assert float(ours.losses[0]) == pytest.approx(float(theirs.losses[0]), rel=1e-6)
