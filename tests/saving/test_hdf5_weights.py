"""Weights in an HDF5 group: Keras's names, attributes split past 64 KB, checks before loading."""

import io

import h5py
import numpy as np
import pytest

from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential
from kerasedu.optimizers import Adam
from kerasedu.saving import hdf5_weights
from kerasedu.saving.errors import KerasEduFileError


@pytest.fixture
def h5():
    with h5py.File(io.BytesIO(), "w") as f:
        yield f


def model(*units, names=None):
    names = names or [f"d{i}" for i in range(len(units))]
    np.random.seed(len(units))
    return Sequential([Input((3,))] + [Dense(u, name=n) for u, n in zip(units, names)])


def test_layout_layer_names_weight_names_and_datasets(h5):
    net = model(4, 2)
    hdf5_weights.save_weights_to_group(h5, net.layers)
    assert hdf5_weights.load_attribute(h5, "layer_names") == ["d0", "d1"]
    assert hdf5_weights.load_attribute(h5["d0"], "weight_names") == ["d0/kernel:0", "d0/bias:0"]
    np.testing.assert_array_equal(h5["d0"]["d0/kernel:0"][()], net.layers[0].get_weights()[0])


def test_attribute_over_the_header_limit_is_split_and_read_back(h5):
    names = [f"layer_with_a_long_name_{i:05d}" for i in range(3000)]  # ~100 KB
    hdf5_weights.save_attribute(h5, "layer_names", names)
    assert "layer_names" not in h5.attrs and "layer_names0" in h5.attrs
    assert all(h5.attrs[key].nbytes <= hdf5_weights.HEADER_LIMIT for key in h5.attrs)
    assert hdf5_weights.load_attribute(h5, "layer_names") == names


def test_repeated_weight_names_get_a_counter_before_the_colon():
    names = ["a/w:0", "a/w:0", "a/b:0", "a/w:0"]
    assert hdf5_weights.unique_names(names) == ["a/w:0", "a/w_1:0", "a/b:0", "a/w_2:0"]


def test_loading_by_order_checks_every_layer_before_assigning(h5):
    hdf5_weights.save_weights_to_group(h5, model(4, 2).layers)
    target = model(4, 5)  # second layer has other shapes
    before = target.get_weights()
    with pytest.raises(KerasEduFileError, match=r"'d1/kernel'.*\(4, 5\).*\(4, 2\)"):
        hdf5_weights.load_weights_from_group(h5, target.layers, "w.h5")
    for old, new in zip(before, target.get_weights()):
        np.testing.assert_array_equal(old, new)  # nothing was half loaded
    with pytest.raises(KerasEduFileError, match="weights for 2 layers.*has 1 layers"):
        hdf5_weights.load_weights_from_group(h5, model(4).layers, "w.h5")


def test_by_name_skip_mismatch_warns_and_loads_the_rest(h5):
    source = model(4, 2)
    hdf5_weights.save_weights_to_group(h5, source.layers)
    target = model(4, 5)
    with pytest.warns(UserWarning, match="Skipping layer 'd1'"):
        hdf5_weights.load_weights_by_name(h5, target.layers, "w.h5", skip_mismatch=True)
    np.testing.assert_array_equal(
        target.layers[0].get_weights()[0], source.layers[0].get_weights()[0]
    )


def test_optimizer_state_round_trip(h5):
    net = model(2)
    opt = Adam()
    opt.apply_gradients([(np.ones(w.shape, "float32"), w) for w in net.trainable_weights])
    hdf5_weights.save_optimizer_state(h5, opt)
    state = hdf5_weights.read_optimizer_state(h5, "m.h5")
    assert [name for name, _ in state] == [name for name, _ in opt.get_state()]
    for (_, saved), (_, live) in zip(state, opt.get_state()):
        np.testing.assert_array_equal(saved, live)
    with h5py.File(io.BytesIO(), "w") as empty:
        assert hdf5_weights.read_optimizer_state(empty, "m.h5") == []
