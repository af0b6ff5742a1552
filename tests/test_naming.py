"""Automatic names: snake case of the class name, then _1, _2... (Keras 3's scheme)."""

import pytest

from kerasedu.naming import clear_session, to_snake_case, unique_name


@pytest.mark.parametrize(
    "class_name, expected",
    [
        ("Dense", "dense"),
        ("Conv2D", "conv2d"),
        ("BatchNormalization", "batch_normalization"),
        ("LSTM", "lstm"),
        ("GlobalAveragePooling2D", "global_average_pooling2d"),
        ("ReLU", "re_lu"),  # as Keras names it
        ("PReLU", "p_re_lu"),
    ],
)
def test_to_snake_case_follows_keras(class_name, expected):
    assert to_snake_case(class_name) == expected


def test_unique_name_counts_per_base_and_clear_session_resets():
    clear_session()
    assert [unique_name("dense") for _ in range(3)] == ["dense", "dense_1", "dense_2"]
    assert unique_name("conv2d") == "conv2d"
    clear_session()
    assert unique_name("dense") == "dense"
