"""Compare a kerasedu metric with the same Keras 3 metric over several batches, and configs."""

import json
import os
import re

import numpy as np
import pytest

from kerasedu import metrics


def import_keras():
    """Keras 3 on JAX, or skip the test when it is not installed."""
    os.environ.setdefault("KERAS_BACKEND", "jax")  # before keras is first imported
    return pytest.importorskip("keras")


def assert_metric_matches_keras(ours, theirs, batches, rtol=1e-5, atol=1e-6):
    """Same result after each batch ``(y_true, y_pred[, sample_weight])``, same config values."""
    for batch in batches:
        ours.update_state(*batch)
        theirs.update_state(*batch)
        expected = np.asarray(theirs.result())
        np.testing.assert_allclose(ours.result().numpy(), expected, rtol=rtol, atol=atol,
                                   err_msg=ours.name)  # fmt: skip
    config = json.loads(json.dumps(ours.get_config()))
    keras_config = json.loads(json.dumps(theirs.get_config(), default=str))
    keras_config["name"] = re.sub(r"_\d+$", "", keras_config["name"])  # Keras numbers repeats
    for key, value in keras_config.items():
        if key != "dtype":
            assert config.get(key, "missing") == value, (ours.name, key, config.get(key), value)
    clone = metrics.deserialize(metrics.serialize(ours))
    assert type(clone) is type(ours) and clone.get_config() == ours.get_config()
    ours.reset_state()
    theirs.reset_state()
