"""saving/api.py: save_model/load_model as kerasedu.models exposes them, h5py loaded on use."""

import subprocess
import sys

import numpy as np

from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential, load_model, save_model


def test_save_then_load_gives_the_same_model(tmp_path):
    np.random.seed(0)
    model = Sequential([Input((2,)), Dense(3, name="d")])
    path = tmp_path / "m.h5"
    save_model(model, path, include_optimizer=False)
    loaded = load_model(path, compile=False)
    assert loaded.get_layer("d").units == 3
    np.testing.assert_array_equal(loaded.get_weights()[0], model.get_weights()[0])


def test_import_kerasedu_does_not_import_h5py():
    code = "import sys, kerasedu, kerasedu.models; print('h5py' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
