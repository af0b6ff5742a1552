"""The Keras 1/2 path ``utils.np_utils``: same results as kerasedu.utils, with a warning."""

import numpy as np
import pytest

from kerasedu.utils import normalize, np_utils, to_categorical


def test_np_utils_alias_warns_and_matches():
    with pytest.warns(DeprecationWarning, match="kerasedu.utils.to_categorical"):
        legacy = np_utils.to_categorical([0, 2], 3)
    np.testing.assert_array_equal(legacy, to_categorical([0, 2], 3))


def test_np_utils_normalize_warns_and_matches():
    x = np.array([[3.0, 4.0]])
    with pytest.warns(DeprecationWarning, match="kerasedu.utils.normalize"):
        legacy = np_utils.normalize(x)
    np.testing.assert_allclose(legacy, normalize(x))
