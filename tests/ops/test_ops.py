"""`kerasedu.ops` as a whole: Keras's names in one namespace, and a clear error for others."""

import pytest

import kerasedu
from kerasedu import ops


def test_ops_is_a_top_level_name_with_every_module_names():
    assert kerasedu.ops is ops
    for module in (
        ops.core,
        ops.math,
        ops.nn,
        ops.nn_windows,
        ops.numpy,
        ops.numpy_math,
        ops.numpy_stats,
        ops.numpy_trig,
    ):
        for name in module.__all__:
            assert getattr(ops, name) is getattr(module, name), name


def test_a_misspelled_or_missing_name_fails_with_a_hint():
    with pytest.raises(AttributeError, match="no 'sofmax'.*Did you mean 'softmax'"):
        ops.sofmax  # noqa: B018
    with pytest.raises(AttributeError, match="no 'fft'.*x.numpy\\(\\)"):
        ops.fft  # noqa: B018
