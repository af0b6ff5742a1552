"""Each teaching check fires on the mistake it names and stays silent on correct code."""

import warnings

import numpy as np
import pytest

import kerasedu.diagnostics as diagnostics
from kerasedu.diagnostics import TeachingWarning, checks


def fired(fn, *args):
    """Run ``fn`` and return the messages of the TeachingWarnings it emitted."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fn(*args)
    return [str(w.message) for w in caught if issubclass(w.category, TeachingWarning)]


@pytest.fixture(autouse=True)
def all_checks_enabled():
    diagnostics.enable()
    yield
    diagnostics.enable()


def test_single_unit_softmax():
    assert "sigmoid" in fired(checks.check_single_unit_softmax, "out", 1, "softmax")[0]
    assert not fired(checks.check_single_unit_softmax, "out", 1, "sigmoid")
    assert not fired(checks.check_single_unit_softmax, "out", 10, "softmax")


def test_labels_rows_not_summing_to_one():
    bad = np.array([[1.0, 1.0, 0.0], [0.0, 0.0, 0.0]])
    assert (
        "to_categorical"
        in fired(checks.check_labels, "categorical_crossentropy", bad, 3, "softmax")[0]
    )
    good = np.eye(3)[[0, 2]]
    assert not fired(checks.check_labels, "categorical_crossentropy", good, 3, "softmax")


def test_sparse_loss_with_one_hot_labels():
    one_hot = np.eye(4)[[0, 1, 3]]
    assert fired(checks.check_labels, "sparse_categorical_crossentropy", one_hot, 4, "softmax")
    assert not fired(
        checks.check_labels, "sparse_categorical_crossentropy", np.array([0, 1, 3]), 4, "softmax"
    )


def test_binary_loss_on_multi_unit_softmax():
    y = np.eye(3)[[0, 1]]
    assert fired(checks.check_labels, "binary_crossentropy", y, 3, "softmax")
    assert not fired(checks.check_labels, "binary_crossentropy", np.array([0, 1]), 1, "sigmoid")


def test_input_scale():
    raw = np.random.default_rng(0).integers(0, 256, size=(8, 784)).astype("uint8")
    assert "/ 255" in fired(checks.check_input_scale, raw)[0]
    assert fired(checks.check_input_scale, raw.astype("float32"))
    assert not fired(checks.check_input_scale, raw.astype("float32") / 255)
    assert not fired(checks.check_input_scale, np.random.default_rng(0).normal(size=(8, 3)) * 50)


def test_trainable_changed_after_compile():
    assert "compile" in fired(checks.check_trainable_changed, {"dense": True}, {"dense": False})[0]
    assert not fired(checks.check_trainable_changed, {"dense": True}, {"dense": True})


def test_sorted_validation_split():
    assert fired(checks.check_sorted_validation_split, np.array([0, 0, 1, 1]), np.array([2, 2]))
    assert not fired(checks.check_sorted_validation_split, np.array([0, 2, 1]), np.array([2, 0]))


def test_loss_health():
    assert fired(checks.check_loss_health, 3, float("nan"), 2.3)
    assert fired(checks.check_loss_health, 5, 1e6, 2.3)
    assert not fired(checks.check_loss_health, 5, 1.9, 2.3)


def test_dead_relu_and_zero_learning_rate():
    assert fired(checks.check_dead_relu, ["dense"])
    assert not fired(checks.check_dead_relu, [])
    assert fired(checks.check_learning_rate_zero, 0.0)
    assert not fired(checks.check_learning_rate_zero, 0.01)


def test_output_label_shape():
    message = checks.output_label_mismatch((None, 10), (32,), "categorical_crossentropy")
    assert "(None, 10)" in message and "(32,)" in message and "to_categorical" in message
    assert checks.output_label_mismatch((None, 10), (32, 10), "categorical_crossentropy") is None
    assert (
        checks.output_label_mismatch((None, 10), (32,), "sparse_categorical_crossentropy") is None
    )
    assert checks.output_label_mismatch((None, 1), (32,), "mse") is None
    assert checks.output_label_mismatch((None, 3), (32, 2), "mse") is not None


def test_from_logits():
    assert fired(
        checks.check_from_logits, "categorical_crossentropy", True, "softmax", np.array([0.2, 0.8])
    )
    assert fired(
        checks.check_from_logits, "categorical_crossentropy", False, "linear", np.array([-3.0, 4.0])
    )
    assert not fired(
        checks.check_from_logits, "categorical_crossentropy", False, "softmax", np.array([0.2])
    )
    assert not fired(
        checks.check_from_logits, "categorical_crossentropy", True, "linear", np.array([-3.0])
    )


def test_disable_one_check_and_all():
    raw = np.full((2, 3), 200, dtype="uint8")
    diagnostics.disable("input_scale")
    assert not fired(checks.check_input_scale, raw)
    diagnostics.enable("input_scale")
    assert fired(checks.check_input_scale, raw)
    diagnostics.disable()
    assert not fired(checks.check_single_unit_softmax, "out", 1, "softmax")


def test_unknown_check_name_is_rejected():
    with pytest.raises(ValueError, match="Valid names"):
        diagnostics.disable("no_such_check")


def test_messages_are_bilingual_with_a_link():
    message = fired(checks.check_single_unit_softmax, "out", 1, "softmax")[0]
    assert "sigmoid" in message and "二分类" in message and "05-pitfalls" in message
