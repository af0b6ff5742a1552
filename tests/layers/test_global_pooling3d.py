import numpy as np
import pytest

from kerasedu import layers as L
from tests.layers.keras_reference import assert_matches_keras, import_keras

VOLUMES = np.random.default_rng(0).random((2, 3, 4, 5, 2), dtype="float32")


def test_global_pooling3d_reduces_the_three_spatial_axes():
    np.testing.assert_allclose(L.GlobalMaxPooling3D()(VOLUMES).numpy(), VOLUMES.max(axis=(1, 2, 3)))
    y = L.GlobalAveragePooling3D(keepdims=True)(VOLUMES).numpy()
    np.testing.assert_allclose(y, VOLUMES.mean(axis=(1, 2, 3), keepdims=True), rtol=1e-6)
    assert L.GlobalMaxPool3D is L.GlobalMaxPooling3D


@pytest.mark.reference
def test_global_pooling3d_matches_keras():
    kl = import_keras().layers
    assert_matches_keras(L.GlobalMaxPooling3D(), kl.GlobalMaxPooling3D(), VOLUMES)
    assert_matches_keras(L.GlobalAveragePooling3D(keepdims=True),
                         kl.GlobalAveragePooling3D(keepdims=True), VOLUMES)  # fmt: skip
