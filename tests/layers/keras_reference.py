"""Compare a kerasedu layer with the same Keras 3 layer: outputs on the same weights,
output shape and config (Keras's keys and values). Used by the ``reference`` tests."""

import json
import os

import numpy as np
import pytest

from tests.layers.layer_checks import check_config_round_trip

# dtype is a policy dict in Keras; activity_regularizer (None by default) belongs to the base layer
_SKIPPED_KEYS = {"name", "dtype", "trainable", "seed", "activity_regularizer"}


def import_keras():
    """Keras 3 on JAX, or skip the test when it is not installed."""
    os.environ.setdefault("KERAS_BACKEND", "jax")  # before keras is first imported
    return pytest.importorskip("keras")


def _plain(value):
    return json.loads(json.dumps(value, default=str))  # tuples -> lists, as in a file


def assert_matches_keras(ours, theirs, x, atol=1e-5, **call_kwargs):
    """Same outputs (kerasedu's weights copied into Keras), shape, and config values."""
    x = np.asarray(x, dtype="float32")
    y = ours(x, **call_kwargs).numpy()
    theirs(x, **call_kwargs)  # build
    theirs.set_weights(ours.get_weights())
    expected = np.asarray(theirs(x, **call_kwargs))
    np.testing.assert_allclose(y, expected, atol=atol, rtol=1e-5)
    shape = (None, *x.shape[1:])
    assert tuple(ours.compute_output_shape(shape)) == tuple(theirs.compute_output_shape(shape))
    config, keras_config = _plain(ours.get_config()), _plain(theirs.get_config())
    for key, value in keras_config.items():
        if key in _SKIPPED_KEYS:
            continue
        ours_value = config.get(key, "missing")
        if isinstance(value, dict) and "class_name" in value:  # an initializer...: same class
            ours_value, value = _class_name(ours_value), value["class_name"]
        assert ours_value == value, (key, ours_value, value)
    check_config_round_trip(ours, x, **call_kwargs)


def _class_name(config):
    return config.get("class_name") if isinstance(config, dict) else config


def assert_call_matches_keras(ours, theirs, *args, **kwargs):
    """Same output(s) of ``layer(*args, **kwargs)``, Keras given kerasedu's weights."""
    y = ours(*args, **kwargs)
    theirs(*args, **kwargs)  # build
    theirs.set_weights(ours.get_weights())
    expected = theirs(*args, **kwargs)
    pairs = zip(y, expected) if isinstance(y, tuple) else [(y, expected)]
    for a, b in pairs:
        np.testing.assert_allclose(a.numpy(), np.asarray(b), atol=1e-5, rtol=1e-5)
