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


def two_input_classifier():
    model = kerasedu.Sequential([layers.Input((2,)), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    return model


def test_python_list_labels_and_nested_list_inputs_are_one_array_each():
    model = two_input_classifier()
    x_array, x_list, labels = np.array([[0, 1], [1, 0]]), [[0, 1], [1, 0]], [1, 0]
    assert len(model.fit(x_array, labels, verbose=0).history["loss"]) == 1
    assert len(model.fit(x_list, labels, verbose=0).history["loss"]) == 1
    assert np.isfinite(model.evaluate(x_list, labels, verbose=0))
    assert np.isfinite(model.train_on_batch(x_list, labels))
    assert model.predict(x_list, verbose=0).shape == (2, 1)


def test_a_single_number_as_labels_says_to_pass_an_array():
    with pytest.raises(ValueError, match=r"one row per sample.*np\.array"):
        two_input_classifier().fit(np.zeros((2, 2)), 3, verbose=0)


def test_missing_channel_axis_names_layer_both_shapes_and_the_fix():
    model = kerasedu.Sequential([layers.Conv2D(2, 3, name="conv")])
    with pytest.raises(ValueError) as error:
        model.predict(np.zeros((4, 28, 28)), verbose=0)
    message = str(error.value)
    for part in ["'conv'", "(None, 28, 28)", "channel", "x[..., None]", "np.expand_dims(x, -1)"]:
        assert part in message
    assert "(N, 28, 28, 1)" in message


@pytest.mark.parametrize(
    "arguments, wrong",
    [
        ({"loss": "categorical_crossentropie"}, "categorical_crossentropy"),
        ({"loss": {"out": "mse"}, "metrics": ["accuracy", "mean_absolut_error"]}, "mean_absolute"),
        ({"loss": "mse", "weighted_metrics": ["maee"]}, "mae"),
        ({"loss": "mse", "optimizer": "adma"}, "adam"),
    ],
)
def test_misspelled_names_fail_at_compile_with_did_you_mean(arguments, wrong):
    model = kerasedu.Sequential([layers.Input((2,)), layers.Dense(1, name="out")])
    with pytest.raises(ValueError, match=rf"Did you mean .*'{wrong}"):
        model.compile(**arguments)
