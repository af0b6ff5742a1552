"""The initializers package: get, serialize/deserialize, the global seed."""

import numpy as np
import pytest

from kerasedu import initializers


def test_global_seed_makes_draws_reproducible():
    init = initializers.get("glorot_uniform")
    np.random.seed(0)
    first = init((4, 3))
    np.random.seed(0)
    second = init((4, 3))
    np.testing.assert_array_equal(first, second)


def test_get_accepts_names_classes_dicts_instances_and_callables():
    assert type(initializers.get("GlorotUniform")).__name__ == "GlorotUniform"
    assert type(initializers.get(initializers.Zeros)).__name__ == "Zeros"
    instance = initializers.Ones()
    assert initializers.get(instance) is instance
    config = {"class_name": "RandomUniform", "config": {"minval": 0.0, "maxval": 1.0, "seed": 3}}
    assert initializers.get(config).maxval == 1.0

    def custom(shape, dtype=None):
        return np.full(shape, 7.0)

    assert initializers.get(custom) is custom
    assert initializers.get(None) is None


def test_unknown_initializer_lists_valid_names():
    with pytest.raises(ValueError, match="glorot_uniform"):
        initializers.get("glorot_uniformm")


@pytest.mark.parametrize("name", sorted(initializers.ALL_INITIALIZERS))
def test_serialize_round_trip(name):
    init = initializers.get(name)
    if hasattr(init, "seed"):
        init.seed = 5
    shape = (4, 4)
    rebuilt = initializers.deserialize(initializers.serialize(init))
    assert type(rebuilt) is type(init)
    np.testing.assert_array_equal(rebuilt(shape), init(shape))
