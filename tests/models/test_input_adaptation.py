"""Data as students pass it: 1-D arrays for a one-feature input, Python lists, missing channels."""

import numpy as np
import pytest

import kerasedu
from kerasedu import layers


def one_feature_model():
    np.random.seed(0)
    model = kerasedu.Sequential([layers.Dense(units=1, input_dim=1)])
    model.compile(optimizer="sgd", loss="mse")
    return model


def test_1d_array_is_a_column_for_a_one_feature_input():
    x = np.linspace(-1, 1, 200)
    y = 0.5 * x + 2
    model = one_feature_model()
    loss = model.train_on_batch(x[:160], y[:160])
    assert np.isfinite(loss)
    model.fit(x, y, epochs=60, batch_size=40, verbose=0)
    assert model.evaluate(x, y, verbose=0) < 0.01
    prediction = model.predict(x[:3], verbose=0)
    assert prediction.shape == (3, 1)
    np.testing.assert_allclose(prediction, model.predict(x[:3, None], verbose=0))
    kernel, bias = model.get_weights()
    np.testing.assert_allclose([kernel.item(), bias.item()], [0.5, 2.0], atol=0.05)


def test_1d_array_still_refused_where_the_input_has_several_features():
    model = kerasedu.Sequential([layers.Input((3,)), layers.Dense(1)])
    with pytest.raises(ValueError, match=r"expected shape=\(None, 3\)"):
        model.predict(np.zeros(6), verbose=0)
