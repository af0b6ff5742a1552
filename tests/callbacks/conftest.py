"""Fixtures for the callback tests: a tiny linear model and 16 fake samples."""

import numpy as np
import pytest

from kerasedu.layers import Dense, Input
from kerasedu.models import Model


def build_linear_model(optimizer="sgd", loss="mse", metrics=None):
    """A 3 -> 1 linear model, compiled."""
    inputs = Input(shape=(3,))
    model = Model(inputs, Dense(1)(inputs))
    model.compile(optimizer=optimizer, loss=loss, metrics=metrics)
    return model


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(16, 3)).astype("float32")
    y = (x @ np.array([[1.0], [-2.0], [0.5]])).astype("float32")
    return x, y


@pytest.fixture
def linear_model():
    np.random.seed(0)
    return build_linear_model()


@pytest.fixture
def model_factory():
    np.random.seed(0)
    return build_linear_model
