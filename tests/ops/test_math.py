"""`kerasedu.ops.math`: logsumexp, rsqrt, in_top_k and segment_sum against NumPy, finite
differences and (where installed) keras.ops."""

import numpy as np
import pytest

from kerasedu.autograd import gradcheck
from kerasedu.ops import math
from tests.layers.keras_reference import import_keras

RNG = np.random.default_rng(0)
X = RNG.normal(size=(3, 4)).astype("float32")


def test_logsumexp_matches_numpy_and_does_not_overflow():
    np.testing.assert_allclose(math.logsumexp(X).numpy(), np.log(np.exp(X).sum()), rtol=1e-6)
    got = math.logsumexp(X, axis=1, keepdims=True).numpy()
    np.testing.assert_allclose(got, np.log(np.exp(X).sum(1, keepdims=True)), rtol=1e-6)
    assert math.logsumexp(X, axis=0).shape == (4,)
    big = np.array([1000.0, 1000.0], dtype="float64")
    np.testing.assert_allclose(math.logsumexp(big).numpy(), 1000 + np.log(2.0))


def test_rsqrt_in_top_k_and_segment_sum_match_numpy():
    positive = np.abs(X) + 0.5
    np.testing.assert_allclose(math.rsqrt(positive).numpy(), 1 / np.sqrt(positive), rtol=1e-6)
    scores = np.array([[0.1, 0.5, 0.5], [0.7, 0.2, 0.1]], dtype="float32")
    assert math.in_top_k([2, 1], scores, k=1).numpy().tolist() == [True, False]  # a tie counts
    assert math.in_top_k([2, 1], scores, k=2).numpy().tolist() == [True, True]
    summed = math.segment_sum(X, [0, 2, 0]).numpy()
    np.testing.assert_allclose(summed, [X[0] + X[2], np.zeros(4), X[1]])
    assert math.segment_sum(X, [0, 0, 1], num_segments=4).shape == (4, 4)


@pytest.mark.parametrize(
    "fn",
    [
        lambda x: math.logsumexp(x, axis=-1),
        lambda x: math.logsumexp(x),
        lambda x: math.rsqrt(x * x + 1.0),
        lambda x: math.segment_sum(x, np.array([1, 0, 1])),
    ],
    ids=["logsumexp_axis", "logsumexp_all", "rsqrt", "segment_sum"],
)
def test_gradients_match_finite_differences(fn):
    assert gradcheck(fn, [X.astype("float64")])


@pytest.mark.reference
def test_math_ops_match_keras_ops():
    kops = import_keras().ops
    labels, ids = np.array([1, 3, 0]), np.array([0, 0, 1])
    pairs = [
        (math.logsumexp(X, axis=1), kops.logsumexp(X, axis=1)),
        (math.logsumexp(X, keepdims=True), kops.logsumexp(X, keepdims=True)),
        (math.rsqrt(np.abs(X) + 0.5), kops.rsqrt(np.abs(X) + 0.5)),
        (math.in_top_k(labels, X, 2), kops.in_top_k(labels, X, 2)),
        (math.segment_sum(X, ids, 3), kops.segment_sum(X, ids, num_segments=3)),
    ]
    for ours, theirs in pairs:
        theirs = kops.convert_to_numpy(theirs)
        assert ours.numpy().dtype == theirs.dtype
        np.testing.assert_allclose(ours.numpy(), theirs, rtol=1e-5, atol=1e-6)


def test_top_k_picks_the_largest_with_the_lower_index_first_on_ties():
    values, indices = math.top_k(X, 2)
    expected = np.sort(X, axis=-1)[:, ::-1][:, :2]
    np.testing.assert_allclose(values.numpy(), expected)
    assert indices.numpy().dtype == np.int32
    np.testing.assert_array_equal(np.take_along_axis(X, indices.numpy(), -1), expected)
    _, tied = math.top_k(np.array([2, 5, 5, 1], dtype="uint8"), 3)
    assert tied.numpy().tolist() == [1, 2, 0]
    assert gradcheck(lambda x: math.top_k(x, 2)[0], [X.astype("float64")])


@pytest.mark.reference
def test_top_k_matches_keras_ops():
    kops = import_keras().ops
    x = np.array([[1.0, 3.0, 3.0, 2.0], [0.5, -1.0, 4.0, 4.0]], dtype="float32")
    for ours, theirs in zip(math.top_k(x, 3), kops.top_k(x, 3)):
        theirs = kops.convert_to_numpy(theirs)
        assert ours.numpy().dtype == theirs.dtype
        np.testing.assert_array_equal(ours.numpy(), theirs)


def test_scatter_adds_repeats_and_scatter_update_replaces():
    got = math.scatter(np.array([[0, 1], [0, 1], [2, 3]]), np.array([1.0, 2.0, 3.0]), (3, 4))
    expected = np.zeros((3, 4))
    expected[0, 1], expected[2, 3] = 3.0, 3.0
    np.testing.assert_array_equal(got.numpy(), expected)
    rows = math.scatter(np.array([[0], [2]]), np.ones((2, 4)), (3, 4)).numpy()
    assert rows.sum(axis=1).tolist() == [4.0, 0.0, 4.0]
    updated = math.scatter_update(X, np.array([[0, 1], [2, 3]]), np.array([-1.0, -2.0]))
    expected = X.copy()
    expected[0, 1], expected[2, 3] = -1.0, -2.0
    np.testing.assert_array_equal(updated.numpy(), expected)
    index = np.array([[1, 0], [0, 2]])
    assert gradcheck(lambda v: math.scatter(index, v, (2, 3)), [np.array([1.0, 2.0])])
    assert gradcheck(
        lambda x, v: math.scatter_update(x, index, v), [X[:2, :3] * 1.0, X[0, :2] * 1.0]
    )


@pytest.mark.reference
def test_scatter_matches_keras_ops():
    kops = import_keras().ops
    index, values = np.array([[0, 1], [0, 1], [2, 3]]), np.array([1.0, 2.0, 3.0], "float32")
    pairs = [
        (math.scatter(index, values, (3, 4)), kops.scatter(index, values, (3, 4))),
        (
            math.scatter_update(X, index[1:], values[1:]),
            kops.scatter_update(X, index[1:], values[1:]),
        ),
    ]
    for ours, theirs in pairs:
        np.testing.assert_array_equal(ours.numpy(), kops.convert_to_numpy(theirs))
