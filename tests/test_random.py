"""`kerasedu.random`: distributions, seeding, and a dropout gradient checked by formula."""

import numpy as np
import pytest

import kerasedu
from kerasedu import random
from kerasedu.autograd import Tensor
from kerasedu.utils import set_random_seed


def test_normal_and_uniform_have_the_asked_moments_and_dtype():
    x = random.normal(shape=(20000,), mean=2.0, stddev=3.0, seed=0)
    assert x.dtype == np.float32 and x.shape == (20000,)
    assert abs(x.numpy().mean() - 2.0) < 0.1 and abs(x.numpy().std() - 3.0) < 0.1
    u = random.uniform((20000,), minval=-1.0, maxval=3.0, dtype="float64", seed=0).numpy()
    assert u.dtype == np.float64 and u.min() >= -1.0 and u.max() < 3.0
    assert abs(u.mean() - 1.0) < 0.05


def test_int_seed_repeats_and_seed_generator_advances_reproducibly():
    assert np.array_equal(random.normal((5,), seed=3).numpy(), random.normal((5,), seed=3).numpy())
    g1, g2 = random.SeedGenerator(1337), random.SeedGenerator(1337)
    a, b = random.normal((5,), seed=g1).numpy(), random.normal((5,), seed=g1).numpy()
    assert not np.array_equal(a, b)
    assert np.array_equal(a, random.normal((5,), seed=g2).numpy())


def test_unseeded_draws_follow_set_random_seed():
    set_random_seed(11)
    a = random.uniform((4,)).numpy()
    set_random_seed(11)
    assert np.array_equal(a, random.uniform((4,)).numpy())


def test_dropout_scales_kept_values_and_its_gradient_is_the_mask():
    x = Tensor(np.ones((200, 50), dtype="float32"), requires_grad=True)
    y = random.dropout(x, rate=0.2, seed=0)
    values = y.numpy()
    assert set(np.unique(values).tolist()) == {0.0, 1.25}
    assert abs((values == 0).mean() - 0.2) < 0.02
    y.sum().backward()
    np.testing.assert_array_equal(x.grad, values)  # d(sum(x * mask)) / dx = mask


def test_dropout_noise_shape_shares_draws_and_rejects_bad_rate():
    y = random.dropout(np.ones((4, 6), dtype="float32"), 0.5, noise_shape=(None, 1), seed=2)
    rows = y.numpy()
    assert all(len(set(row.tolist())) == 1 for row in rows)  # one draw per row
    with pytest.raises(ValueError, match="rate"):
        random.dropout(np.ones(3), rate=1.0)
    with pytest.raises(ValueError, match="seed"):
        random.normal((2,), seed="x")


def test_random_is_a_top_level_name():
    assert kerasedu.random is random


def test_randint_and_truncated_normal_draw_what_keras_draws():
    x = random.randint((30000,), 2, 6, seed=0).numpy()
    assert x.dtype == np.int32 and sorted(set(x.tolist())) == [2, 3, 4, 5]
    assert np.allclose(np.bincount(x)[2:] / x.size, 0.25, atol=0.01)
    assert np.array_equal(x, random.randint((30000,), 2, 6, seed=0).numpy())
    t = random.truncated_normal((30000,), mean=1.0, stddev=2.0, seed=0).numpy()
    assert t.dtype == np.float32 and np.abs(t - 1.0).max() <= 4.0
    assert abs(t.mean() - 1.0) < 0.05 and abs(t.std() - 2.0 * 0.8796) < 0.05  # truncation shrinks


def test_categorical_draws_each_class_with_its_softmax_probability():
    probabilities = np.array([[0.2, 0.5, 0.3], [0.9, 0.05, 0.05]])
    draws = random.categorical(np.log(probabilities), 20000, seed=0).numpy()
    assert draws.shape == (2, 20000) and draws.dtype == np.int32
    for row, expected in zip(draws, probabilities):
        np.testing.assert_allclose(np.bincount(row, minlength=3) / row.size, expected, atol=0.015)
    again = random.categorical(Tensor(np.log(probabilities)), 20000, seed=0).numpy()
    assert np.array_equal(draws, again)


@pytest.mark.reference
def test_new_draws_have_keras_shapes_and_dtypes():
    from tests.layers.keras_reference import import_keras

    keras_random = import_keras().random
    logits = np.zeros((2, 3), dtype="float32")
    for ours, theirs in [
        (random.randint((4, 2), 0, 9), keras_random.randint((4, 2), 0, 9)),
        (random.truncated_normal((3,)), keras_random.truncated_normal((3,))),
        (random.categorical(logits, 5), keras_random.categorical(logits, 5)),
    ]:
        theirs = np.asarray(theirs)
        assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
