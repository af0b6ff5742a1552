"""The metrics package: get/serialize/deserialize and which accuracy "accuracy" means."""

import numpy as np
import pytest

from kerasedu import losses, metrics

RNG = np.random.default_rng(1)


def test_get_names_losses_and_callables():
    assert isinstance(metrics.get("BinaryAccuracy"), metrics.BinaryAccuracy)
    mae = metrics.get("mae")
    assert mae.name == "mae" and mae.fn is losses.mean_absolute_error
    assert metrics.get("categorical_crossentropy").fn is losses.categorical_crossentropy

    def my_metric(y_true, y_pred):
        return np.abs(np.asarray(y_true) - np.asarray(y_pred)).max(axis=-1)

    custom = metrics.get(my_metric)
    assert custom.name == "my_metric"
    assert float(custom([[0.0, 1.0]], np.array([[0.5, 3.0]]))) == 2.0
    assert metrics.get(losses.Huber()).name == "huber_loss"
    assert isinstance(metrics.get(metrics.CategoricalAccuracy), metrics.CategoricalAccuracy)
    m = metrics.BinaryAccuracy(threshold=0.3)
    assert metrics.get(m) is m
    rebuilt = metrics.deserialize(metrics.serialize(m))
    assert rebuilt.fn_kwargs == {"threshold": 0.3} and rebuilt.name == "binary_accuracy"
    with pytest.raises(ValueError, match="Unknown metric"):
        metrics.get("accuracy_of_doom")


@pytest.mark.parametrize("written", ["accuracy", "acc"])
@pytest.mark.parametrize(
    "loss, shape, y_shape, expected",
    [
        ("binary_crossentropy", (None, 1), None, "binary_accuracy"),
        (losses.BinaryCrossentropy(), (None, 3), None, "binary_accuracy"),
        ("mse", (None, 1), None, "binary_accuracy"),
        ("sparse_categorical_crossentropy", (None, 10), None, "sparse_categorical_accuracy"),
        (
            losses.SparseCategoricalCrossentropy(from_logits=True),
            (None, 10),
            None,
            "sparse_categorical_accuracy",
        ),
        ("categorical_crossentropy", (None, 10), None, "categorical_accuracy"),
        (losses.categorical_crossentropy, (None, 10), (None, 10), "categorical_accuracy"),
        ("my_custom_loss_fn", (None, 10), (None,), "sparse_categorical_accuracy"),
        ("my_custom_loss_fn", (None, 10), (None, 1), "sparse_categorical_accuracy"),
    ],
)
def test_resolve_accuracy(written, loss, shape, y_shape, expected):
    m = metrics.resolve_accuracy(written, loss, shape, y_true_shape=y_shape)
    assert m.name == written and m.fn.__name__ == expected
