import numpy as np
import pytest

from kerasedu.utils import normalize, to_categorical


def test_to_categorical_shapes_and_dtype():
    one_hot = to_categorical(np.array([2, 0, 1]))
    assert one_hot.dtype == np.float32
    np.testing.assert_array_equal(one_hot, np.eye(3)[[2, 0, 1]])
    assert to_categorical(np.array([[1], [3]]), num_classes=5).shape == (2, 5)
    with pytest.raises(ValueError, match="out of range"):
        to_categorical([3], num_classes=3)


def test_normalize_unit_rows():
    x = np.array([[3.0, 4.0], [0.0, 0.0]])
    np.testing.assert_allclose(normalize(x), [[0.6, 0.8], [0.0, 0.0]])
    np.testing.assert_allclose(np.abs(normalize(x, order=1)).sum(axis=1), [1.0, 0.0])
