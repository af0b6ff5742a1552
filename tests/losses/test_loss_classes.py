"""Loss classes: each is the batch mean of its function, with Keras's names and defaults."""

import numpy as np
import pytest

from kerasedu import losses
from tests.losses.references import REFERENCES, inputs

CLASS_OF_FUNCTION = {
    "mean_squared_error": losses.MeanSquaredError,
    "mean_absolute_error": losses.MeanAbsoluteError,
    "mean_absolute_percentage_error": losses.MeanAbsolutePercentageError,
    "mean_squared_logarithmic_error": losses.MeanSquaredLogarithmicError,
    "huber": losses.Huber,
    "log_cosh": losses.LogCosh,
    "cosine_similarity": losses.CosineSimilarity,
    "hinge": losses.Hinge,
    "squared_hinge": losses.SquaredHinge,
    "categorical_hinge": losses.CategoricalHinge,
    "binary_crossentropy": losses.BinaryCrossentropy,
    "categorical_crossentropy": losses.CategoricalCrossentropy,
    "kl_divergence": losses.KLDivergence,
    "poisson": losses.Poisson,
}


@pytest.mark.parametrize("name", sorted(CLASS_OF_FUNCTION))
def test_class_is_the_batch_mean_of_its_function(name):
    t, p = inputs(name)
    loss = CLASS_OF_FUNCTION[name]()
    value = loss(t, p)
    assert value.shape == () and value.dtype == np.float32
    np.testing.assert_allclose(float(value), REFERENCES[name](t, p).mean(), rtol=2e-5)


@pytest.mark.parametrize("name", sorted(CLASS_OF_FUNCTION))
def test_class_default_name_is_keras_s_and_config_round_trips(name):
    cls = CLASS_OF_FUNCTION[name]
    loss = cls()
    expected = "huber_loss" if name == "huber" else name  # Keras 3's one exception
    assert loss.name == expected and loss.reduction == "sum_over_batch_size"
    assert cls.from_config(loss.get_config()).get_config() == loss.get_config()


def test_sparse_class_takes_integer_labels():
    p = np.array([[0.25, 0.75], [0.5, 0.5]], dtype="float32")
    value = losses.SparseCategoricalCrossentropy()([1, 0], p)
    np.testing.assert_allclose(float(value), -(np.log(0.75) + np.log(0.5)) / 2, rtol=1e-6)


def test_huber_delta_is_kept_in_config():
    loss = losses.Huber(delta=0.5)
    # |e| = 2 > delta: delta * (|e| - delta / 2) = 0.5 * 1.75
    assert float(loss([[0.0]], [[2.0]])) == pytest.approx(0.875)
    assert loss.get_config()["delta"] == 0.5


def test_crossentropy_classes_keep_from_logits_and_label_smoothing():
    config = losses.BinaryCrossentropy(from_logits=True, label_smoothing=0.2).get_config()
    assert (
        config["from_logits"] is True and config["label_smoothing"] == 0.2 and config["axis"] == -1
    )
