"""One comparison for the ``reference`` tests of kerasedu.ops: same dtype, same values."""

import numpy as np

from kerasedu import ops
from tests.layers.keras_reference import import_keras


def assert_case_matches_keras(case, name, rtol=1e-5, atol=1e-6):
    """Run ``case`` (a function of the ops module) with kerasedu.ops and keras.ops; compare."""
    keras = import_keras()
    ours, theirs = case(ops), case(keras.ops)
    if not isinstance(ours, (list, tuple)):
        ours, theirs = [ours], [theirs]
    assert len(ours) == len(theirs)
    for mine, reference in zip(ours, theirs):
        reference = keras.ops.convert_to_numpy(reference)
        assert ops.convert_to_numpy(mine).dtype == reference.dtype, name
        np.testing.assert_allclose(ops.convert_to_numpy(mine), reference, rtol=rtol, atol=atol)
