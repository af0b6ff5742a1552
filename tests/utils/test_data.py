import numpy as np
import pytest

from kerasedu.utils import Sequence
from kerasedu.utils.data import make_batches, make_validation_batches
from kerasedu.utils.data_adapter_utils import (
    class_weight_to_sample_weight,
    concatenate_batches,
    unpack_x_y_sample_weight,
)


def test_batches_cover_every_sample_once_per_epoch():
    x = np.arange(10, dtype="float32")
    data = make_batches(x, x.copy(), batch_size=4, shuffle=True)
    for _ in range(2):
        seen = np.concatenate([xb for xb, yb, sw in data.epoch()])
        np.testing.assert_array_equal(np.sort(seen), x)


def test_batches_keep_x_and_y_aligned_when_shuffled():
    x = np.arange(20, dtype="float32").reshape(10, 2)
    y = np.arange(10)
    for xb, yb, _ in make_batches(x, y, batch_size=3, shuffle=True).epoch():
        np.testing.assert_array_equal(xb[:, 0], 2 * yb)


def test_unshuffled_batches_are_views_in_order():
    x = np.arange(6, dtype="float32")
    batches = [xb for xb, _, _ in make_batches(x, batch_size=4).epoch()]
    assert [b.tolist() for b in batches] == [[0, 1, 2, 3], [4, 5]]
    assert np.shares_memory(batches[0], x)  # no copy of the dataset


def test_float64_converted_once_and_uint8_per_batch():
    x8 = np.arange(6, dtype="uint8").reshape(3, 2)
    data = make_batches(x8, np.arange(3.0), batch_size=2)
    assert data.x.dtype == np.uint8  # the stored dataset stays small
    assert data.y.dtype == np.float32  # float64 -> float32 once
    xb, yb, _ = next(data.epoch())
    assert xb.dtype == np.float32 and yb.dtype == np.float32


def test_steps_longer_than_data_starts_another_pass():
    data = make_batches(np.arange(4.0), batch_size=2, steps=3)
    assert [xb.tolist() for xb, _, _ in data.epoch()] == [[0, 1], [2, 3], [0, 1]]


def test_mismatched_sample_counts_name_both():
    with pytest.raises(ValueError, match=r"x sizes: \[5\].*y sizes: \[4\]"):
        make_batches(np.zeros((5, 2)), np.zeros(4))


def test_lists_and_dicts_of_arrays():
    x = {"a": np.zeros((5, 2)), "b": np.ones((5, 3))}
    y = [np.zeros(5), np.ones((5, 1))]
    xb, yb, _ = next(make_batches(x, y, batch_size=2).epoch())
    assert xb["a"].shape == (2, 2) and xb["b"].shape == (2, 3)
    assert yb[0].shape == (2,) and yb[1].shape == (2, 1)


def test_generator_batches_and_steps():
    def gen():
        i = 0
        while True:
            yield np.full((2, 1), i, dtype="float32"), np.zeros(2), np.ones(2)
            i += 1

    data = make_batches(gen(), steps=2)
    first = [float(xb[0, 0]) for xb, _, _ in data.epoch()]
    second = [float(xb[0, 0]) for xb, _, sw in data.epoch()]
    assert first == [0.0, 1.0] and second == [2.0, 3.0]  # the generator continues
    with pytest.raises(ValueError, match="generator"):
        make_batches(gen(), np.zeros(3))


def test_sequence_batches_call_on_epoch_end():
    class Numbers(Sequence):
        def __init__(self):
            super().__init__()
            self.epochs = 0

        def __len__(self):
            return 3

        def __getitem__(self, index):
            return np.full((2, 1), index, dtype="float32"), np.zeros(2)

        def on_epoch_end(self):
            self.epochs += 1

    seq = Numbers()
    data = make_batches(seq)
    assert data.steps == 3
    assert [float(xb[0, 0]) for xb, _, _ in data.epoch()] == [0.0, 1.0, 2.0]
    assert seq.epochs == 1


def test_class_weight_becomes_sample_weight():
    sw = class_weight_to_sample_weight(np.array([0, 1, 1, 2]), {0: 1.0, 1: 2.0})
    np.testing.assert_array_equal(sw, [1.0, 2.0, 2.0, 1.0])
    one_hot = np.eye(3)[[2, 0]]
    np.testing.assert_array_equal(class_weight_to_sample_weight(one_hot, {2: 5.0}), [5.0, 1.0])
    with pytest.raises(ValueError, match="both"):
        make_batches(np.zeros((2, 1)), np.array([0, 1]), np.ones(2), class_weight={0: 1.0})


def test_nan_in_x_warns():
    x = np.ones((4, 2))
    x[1, 1] = np.nan
    with pytest.warns(UserWarning, match="x contains NaN"):
        make_batches(x, np.zeros(4))


def test_unpack_and_validation_batches_and_concatenate():
    assert unpack_x_y_sample_weight((1,)) == (1, None, None)
    assert unpack_x_y_sample_weight([1, 2]) == ([1, 2], None, None)  # a list is one x
    val = make_validation_batches([np.zeros((5, 2)), np.zeros(5)], batch_size=2)
    assert val.steps == 3
    joined = concatenate_batches([[np.zeros((2, 1)), np.ones(2)], [np.zeros((1, 1)), np.ones(1)]])
    assert [a.shape for a in joined] == [(3, 1), (3,)]
