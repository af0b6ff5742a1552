import numpy as np
import pytest

from kerasedu.preprocessing import affine
from kerasedu.preprocessing.image import ImageDataGenerator
from kerasedu.utils.sequence import Sequence


def _images(n=6, h=8, w=10, c=3, seed=0):
    return np.random.default_rng(seed).random((n, h, w, c)).astype("float32")


@pytest.mark.parametrize(
    "fill_mode,scipy_mode",
    [
        ("nearest", "nearest"),
        ("reflect", "reflect"),
        ("wrap", "grid-wrap"),
        ("constant", "constant"),
    ],
)
@pytest.mark.parametrize("order", [0, 1])
def test_warp_batch_matches_scipy_affine_transform(fill_mode, scipy_mode, order):
    ndi = pytest.importorskip("scipy.ndimage")
    rng = np.random.default_rng(1)
    x = rng.random((3, 7, 9, 2))
    m = affine.affine_matrices(
        rng.uniform(-40, 40, 3),
        rng.uniform(-2, 2, 3),
        rng.uniform(-2, 2, 3),
        rng.uniform(-20, 20, 3),
        rng.uniform(0.7, 1.3, 3),
        rng.uniform(0.7, 1.3, 3),
        7,
        9,
    )
    got = affine.warp_batch(x, m, fill_mode, cval=-1.0, order=order)
    for i in range(3):
        for ch in range(2):
            want = ndi.affine_transform(
                x[i, :, :, ch], m[i, :2, :2], m[i, :2, 2], order=order, mode=scipy_mode, cval=-1.0
            )
            np.testing.assert_allclose(got[i, :, :, ch], want, atol=1e-6)


def test_shift_moves_pixels_the_keras_way():
    x = np.zeros((1, 5, 5, 1), dtype="float32")
    x[0, 2, 2, 0] = 1.0
    # a width shift of +1 reads one column to the right: the dot moves left
    m = affine.affine_matrices(
        np.zeros(1), np.zeros(1), np.ones(1), np.zeros(1), np.ones(1), np.ones(1), 5, 5
    )
    out = affine.warp_batch(x, m, "constant")
    assert out[0, 2, 1, 0] == 1.0 and out.sum() == 1.0


def test_rotation_by_90_degrees_turns_counter_clockwise():
    x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    m = affine.affine_matrices(np.array([90.0]), *[np.zeros(1)] * 3, np.ones(1), np.ones(1), 4, 4)
    out = affine.warp_batch(x, m)[0, :, :, 0]
    np.testing.assert_allclose(out, np.rot90(x[0, :, :, 0]), atol=1e-5)


def test_flips_only():
    x = _images(n=50)
    gen = ImageDataGenerator(horizontal_flip=True)
    out = gen.random_transform_batch(x, np.random.RandomState(0))
    same = np.all(out == x, axis=(1, 2, 3))
    flipped = np.all(out == x[:, :, ::-1], axis=(1, 2, 3))
    assert np.all(same | flipped) and 10 < flipped.sum() < 40


def test_identity_generator_returns_the_data():
    x, y = _images(), np.arange(6)
    batch_x, batch_y = ImageDataGenerator().flow(x, y, batch_size=4, shuffle=False)[0]
    np.testing.assert_array_equal(batch_x, x[:4])
    np.testing.assert_array_equal(batch_y, y[:4])


def test_flow_is_a_sequence_with_keras_lengths_and_reshuffles():
    x, y = _images(n=10), np.arange(10)
    it = ImageDataGenerator(rotation_range=10).flow(x, y, batch_size=4, seed=3)
    assert isinstance(it, Sequence) and len(it) == 3
    assert it[2][0].shape == (2, 8, 10, 3)
    seen = np.concatenate([it[i][1] for i in range(len(it))])
    assert sorted(seen.tolist()) == list(range(10))
    first = it.index_array.copy()
    it.on_epoch_end()
    assert not np.array_equal(first, it.index_array)
    with pytest.raises(IndexError):
        it[3]


def test_flow_with_seed_is_reproducible():
    x = _images()
    kwargs = dict(
        rotation_range=30,
        width_shift_range=0.2,
        height_shift_range=2,
        shear_range=10,
        zoom_range=0.2,
        horizontal_flip=True,
        fill_mode="reflect",
    )
    a = ImageDataGenerator(**kwargs).flow(x, batch_size=3, seed=7)[0]
    b = ImageDataGenerator(**kwargs).flow(x, batch_size=3, seed=7)[0]
    np.testing.assert_array_equal(a, b)
    assert a.dtype == np.float32 and np.isfinite(a).all()


def test_rescale_and_samplewise_normalisation():
    x = _images() * 255
    gen = ImageDataGenerator(
        rescale=1 / 255, samplewise_center=True, samplewise_std_normalization=True
    )
    out = gen.flow(x, batch_size=6, shuffle=False)[0]
    np.testing.assert_allclose(out.mean(axis=(1, 2, 3)), 0, atol=1e-5)
    np.testing.assert_allclose(out.std(axis=(1, 2, 3)), 1, atol=1e-3)


def test_featurewise_normalisation_uses_fit_statistics():
    x = _images() * 10 + 3
    gen = ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True)
    gen.fit(x)
    np.testing.assert_allclose(gen.mean.ravel(), x.mean(axis=(0, 1, 2)), rtol=1e-5)
    np.testing.assert_allclose(gen.std.ravel(), x.std(axis=(0, 1, 2)), rtol=1e-4)
    out = gen.flow(x, batch_size=6, shuffle=False)[0]
    np.testing.assert_allclose(out.mean(axis=(0, 1, 2)), 0, atol=1e-4)
    np.testing.assert_allclose(out.std(axis=(0, 1, 2)), 1, atol=1e-3)
    with pytest.raises(ValueError, match="fit"):
        ImageDataGenerator(featurewise_center=True).flow(x)[0]


def test_validation_split_takes_the_first_fraction():
    x, y = _images(n=10), np.array([0, 1] * 5)
    gen = ImageDataGenerator(validation_split=0.4)
    val = gen.flow(x, y, batch_size=10, shuffle=False, subset="validation")
    train = gen.flow(x, y, batch_size=10, shuffle=False, subset="training")
    np.testing.assert_array_equal(val[0][0], x[:4])
    np.testing.assert_array_equal(train[0][0], x[4:])
    with pytest.raises(ValueError, match="classes"):
        gen.flow(x, np.sort(y), subset="validation")
    with pytest.raises(ValueError, match="subset"):
        gen.flow(x, y, subset="test")


def test_constant_fill_and_zoom_out():
    x = np.ones((2, 6, 6, 1), dtype="float32")
    gen = ImageDataGenerator(zoom_range=[2.0, 2.0], fill_mode="constant", cval=0.0)
    out = gen.random_transform_batch(x)
    assert out[0, 0, 0, 0] == 0.0 and out[0, 3, 3, 0] == 1.0


def test_next_loops_forever_and_sample_weights():
    x, y, w = _images(n=3), np.arange(3), np.ones(3)
    it = ImageDataGenerator().flow(x, y, batch_size=2, shuffle=False, sample_weight=w)
    batches = [next(it) for _ in range(4)]
    assert [len(b[1]) for b in batches] == [2, 1, 2, 1] and len(batches[0]) == 3


def test_bad_arguments():
    with pytest.raises(ValueError, match="fill_mode"):
        ImageDataGenerator(fill_mode="mirror")
    with pytest.raises(ValueError, match="validation_split"):
        ImageDataGenerator(validation_split=1.5)
    with pytest.raises(ValueError, match="rank 4"):
        ImageDataGenerator().flow(np.zeros((3, 4, 4)))
    with pytest.raises(ValueError, match="same length"):
        ImageDataGenerator().flow(np.zeros((3, 4, 4, 1)), np.zeros(2))


def test_preprocessing_function_and_channel_shift():
    x = _images(n=2)
    gen = ImageDataGenerator(preprocessing_function=lambda image: image * 0 + 5)
    assert np.all(gen.flow(x, batch_size=2)[0] == 5)
    out = ImageDataGenerator(channel_shift_range=0.5).random_transform_batch(x)
    assert out.min() >= x.min() and out.max() <= x.max()
