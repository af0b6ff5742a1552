"""Shared fixtures: run a test on each device (``cpu`` always, ``gpu`` with CuPy and a GPU)."""

import numpy as np
import pytest

import kerasedu
from kerasedu.backend import get_device, set_device
from kerasedu.backend import xp as current_xp


@pytest.fixture(params=["cpu", "gpu"])
def device(request):
    """Switch kerasedu to the requested device for one test, then restore the previous one."""
    previous = get_device()
    try:
        set_device(request.param)
    except RuntimeError as err:
        pytest.skip(f"GPU tests need CuPy and a GPU: {err}")
    yield request.param
    set_device(previous)


@pytest.fixture
def xp(device):
    """The array module (numpy or cupy) of the device under test."""
    return current_xp()


@pytest.fixture(autouse=True)
def add_doctest_namespace(doctest_namespace):
    """Make ``np`` and ``kerasedu`` available in doctests collected under tests/."""
    doctest_namespace["np"] = np
    doctest_namespace["kerasedu"] = kerasedu


@pytest.fixture(autouse=True)
def seeded_global_rng():
    """Seed NumPy's global RNG before every test, so random test data is the same in every run
    and in every order (tests that need other values seed again themselves)."""
    np.random.seed(0)
    yield
