"""Root pytest configuration: names every doctest in kerasedu/ may use."""

import numpy as np
import pytest

import kerasedu


@pytest.fixture(autouse=True)
def add_doctest_namespace(doctest_namespace):
    """Make ``np`` and ``kerasedu`` available in every ``>>>`` example."""
    doctest_namespace["np"] = np
    doctest_namespace["kerasedu"] = kerasedu
