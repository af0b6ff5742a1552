"""Shared data for the optimizer tests: two variables and five steps of fixed gradients."""

import numpy as np
import pytest

from kerasedu.autograd import Variable


class Problem:
    """Start weights, a gradient sequence, and helpers to run kerasedu and a NumPy reference."""

    def __init__(self, seed=42, steps=5):
        rng = np.random.default_rng(seed)
        self.weights = [
            rng.standard_normal((3, 4)).astype("float32"),
            rng.standard_normal((4,)).astype("float32"),
        ]
        self.grads = [
            [rng.standard_normal(w.shape).astype("float32") for w in self.weights]
            for _ in range(steps)
        ]

    def variables(self):
        return [Variable(w.copy(), name=f"layer/v{i}") for i, w in enumerate(self.weights)]

    def run(self, optimizer, variables=None, grads=None):
        variables = variables or self.variables()
        for step_grads in grads or self.grads:
            optimizer.apply_gradients(zip(step_grads, variables))
        return variables

    def reference(self, update, new_state):
        """Run ``update(w, g, state, t)`` in float64 for each variable and step (t from 1)."""
        weights = [w.astype("float64") for w in self.weights]
        states = [new_state(w) for w in weights]
        for t, step_grads in enumerate(self.grads, start=1):
            for w, g, state in zip(weights, step_grads, states):
                update(w, g.astype("float64"), state, t)
        return weights

    def check(self, optimizer, update, new_state=lambda w: {}, rtol=1e-5, atol=1e-6):
        variables = self.run(optimizer)
        expected = self.reference(update, new_state)
        for variable, want in zip(variables, expected):
            assert variable.dtype == np.float32
            np.testing.assert_allclose(variable.numpy(), want, rtol=rtol, atol=atol)
        return variables


@pytest.fixture
def problem():
    return Problem()
