import subprocess
import sys

import numpy as np
import pytest

from kerasedu import device


def test_cpu_device_uses_numpy():
    assert device.get_device() == "cpu"
    assert device.xp() is np
    assert device.get_array_module(np.ones(2)) is np


def test_fixture_device_switches_and_restores(xp, device):
    assert device in ("cpu", "gpu")
    assert xp.zeros(2).shape == (2,)


def test_unknown_device_raises():
    with pytest.raises(ValueError, match="device"):
        device.set_device("tpu")


def test_to_numpy_and_to_device_round_trip():
    array = device.to_device([1.0, 2.0], dtype="float32")
    assert device.to_numpy(array).dtype == np.float32


def test_import_is_fast_and_light():
    code = (
        "import sys, time\n"
        "start = time.perf_counter()\n"
        "import kerasedu\n"
        "elapsed = time.perf_counter() - start\n"
        "heavy = [m for m in ('matplotlib', 'h5py', 'cupy') if m in sys.modules]\n"
        "print(elapsed, heavy)\n"
    )
    # Best of three runs, so a busy machine does not make the test flaky.
    timings = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        elapsed, heavy = out.stdout.split(" ", 1)
        assert heavy.strip() == "[]", f"`import kerasedu` imported {heavy.strip()}"
        timings.append(float(elapsed))
    assert min(timings) < 0.5, f"`import kerasedu` took {min(timings):.2f} s"
