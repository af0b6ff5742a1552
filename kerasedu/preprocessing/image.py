"""`ImageDataGenerator`: random image augmentation and normalisation, batch by batch.

Each batch drawn from ``datagen.flow(x, y)`` is a fresh random variant of the
images (rotated, shifted, sheared, zoomed, flipped), so the model rarely sees the
exact same picture twice: a cheap way to fight overfitting on small datasets.
Images are ``(N, H, W, C)`` (channels last). The random parameters of a whole
batch are drawn at once, turned into one 3x3 matrix per image, and the batch is
warped in one vectorised step (see `kerasedu.preprocessing.affine`).

Example:
    >>> x = np.random.rand(10, 8, 8, 1).astype("float32")
    >>> datagen = ImageDataGenerator(rotation_range=20, horizontal_flip=True)
    >>> batch_x, batch_y = datagen.flow(x, np.arange(10), batch_size=4, seed=0)[0]
    >>> batch_x.shape, batch_y.shape
    ((4, 8, 8, 1), (4,))
"""

import numpy as np

from kerasedu.config import floatx
from kerasedu.preprocessing import affine
from kerasedu.preprocessing.numpy_array_iterator import NumpyArrayIterator


class ImageDataGenerator:
    """Generate batches of augmented, normalised images (Keras's legacy API).

    Args:
        featurewise_center: Subtract the per-channel mean of the data given to
            `fit`. Defaults to ``False``.
        samplewise_center: Subtract each image's own mean. Defaults to ``False``.
        featurewise_std_normalization: Divide by the per-channel std from `fit`.
        samplewise_std_normalization: Divide each image by its own std.
        rotation_range: Maximum rotation in degrees (uniform in ``[-r, r]``). Defaults to ``0``.
        width_shift_range: Horizontal shift: a float < 1 is a fraction of the
            width, a float >= 1 is pixels, an int ``k`` picks from
            ``-(k-1)...(k-1)`` pixels, a list picks from its values. Defaults to ``0.0``.
        height_shift_range: The same, vertically. Defaults to ``0.0``.
        shear_range: Maximum shear angle in degrees. Defaults to ``0.0``.
        zoom_range: A float ``z`` means ``[1 - z, 1 + z]``, or give ``[lower, upper]``.
            Values above 1 show less of the image (it looks smaller). Defaults to ``0.0``.
        channel_shift_range: Maximum value added to all channels. Defaults to ``0.0``.
        fill_mode: How to fill points outside the image: ``"nearest"`` (default),
            ``"constant"``, ``"reflect"`` or ``"wrap"``.
        cval: Fill value for ``"constant"``. Defaults to ``0.0``.
        horizontal_flip: Randomly mirror half of the images left-right.
        vertical_flip: Randomly mirror half of the images up-down.
        rescale: Factor the pixels are multiplied by (e.g. ``1/255``), after the
            geometric augmentation. Defaults to ``None``.
        preprocessing_function: Function applied to each image (H, W, C) after
            augmentation and rescaling, before centring. Defaults to ``None``.
        data_format: Only ``"channels_last"`` (or ``None``).
        validation_split: Fraction of the data kept apart for ``subset="validation"``
            in `flow`: the FIRST fraction of the arrays, as in Keras. Defaults to ``0.0``.
        interpolation_order: 1 bilinear (default) or 0 nearest pixel.
        dtype: Output type. Defaults to ``floatx()`` (``"float32"``).

    Example:
        >>> datagen = ImageDataGenerator(
        ...     rescale=1 / 255, width_shift_range=0.1, validation_split=0.2)
        >>> x, y = np.full((10, 4, 4, 1), 255.0), np.arange(10) % 2
        >>> train = datagen.flow(x, y, batch_size=4, subset="training", seed=0)
        >>> len(train), float(train[0][0].max())
        (2, 1.0)
    """

    def __init__(
        self,
        featurewise_center=False,
        samplewise_center=False,
        featurewise_std_normalization=False,
        samplewise_std_normalization=False,
        rotation_range=0,
        width_shift_range=0.0,
        height_shift_range=0.0,
        shear_range=0.0,
        zoom_range=0.0,
        channel_shift_range=0.0,
        fill_mode="nearest",
        cval=0.0,
        horizontal_flip=False,
        vertical_flip=False,
        rescale=None,
        preprocessing_function=None,
        data_format=None,
        validation_split=0.0,
        interpolation_order=1,
        dtype=None,
    ):
        if data_format not in (None, "channels_last"):
            raise ValueError(
                f"kerasedu images are channels_last. Received: data_format={data_format!r}"
            )
        if fill_mode not in affine.FILL_MODES:
            raise ValueError(
                f"fill_mode must be one of {affine.FILL_MODES}. Received: fill_mode={fill_mode!r}"
            )
        if not 0 <= validation_split < 1:
            raise ValueError(
                f"validation_split must be in [0, 1). Received: validation_split={validation_split}"
            )
        self.featurewise_center = featurewise_center
        self.samplewise_center = samplewise_center
        self.featurewise_std_normalization = featurewise_std_normalization
        self.samplewise_std_normalization = samplewise_std_normalization
        self.rotation_range = rotation_range
        self.width_shift_range = width_shift_range
        self.height_shift_range = height_shift_range
        self.shear_range = shear_range
        self.zoom_range = affine.zoom_bounds(zoom_range)
        self.channel_shift_range = channel_shift_range
        self.fill_mode = fill_mode
        self.cval = cval
        self.horizontal_flip = horizontal_flip
        self.vertical_flip = vertical_flip
        self.rescale = rescale
        self.preprocessing_function = preprocessing_function
        self.interpolation_order = interpolation_order
        self.dtype = dtype or floatx()
        self._validation_split = validation_split
        self.mean = None  # per-channel statistics, set by fit()
        self.std = None

    def fit(self, x, augment=False, rounds=1, seed=None):
        """Compute the per-channel mean and std used by the ``featurewise_*`` options.

        ``rescale`` is applied to ``x`` first, as in Keras.

        Args:
            x: Images ``(N, H, W, C)``.
            augment: Also augment the images (``rounds`` passes) before measuring.
            rounds: Number of augmented passes when ``augment``. Defaults to ``1``.
            seed: Seed for the augmentation.

        Example:
            >>> gen = ImageDataGenerator(featurewise_center=True)
            >>> gen.fit(np.ones((2, 3, 3, 1)) * 4)
            >>> gen.mean.ravel().tolist()
            [4.0]
        """
        x = np.array(x, dtype=self.dtype)  # a copy: the caller's data is not touched
        if x.ndim != 4:
            raise ValueError(
                f"fit() needs images of rank 4 (N, H, W, C). Received: x.shape={x.shape}"
            )
        if self.rescale:
            x = x * self.rescale
        if augment:
            rng = np.random.RandomState(seed) if seed is not None else np.random
            x = np.concatenate([self.random_transform_batch(x, rng) for _ in range(rounds)])
        if self.featurewise_center:
            self.mean = x.mean(axis=(0, 1, 2)).reshape(1, 1, -1)
            x = x - self.mean
        if self.featurewise_std_normalization:
            self.std = x.std(axis=(0, 1, 2)).reshape(1, 1, -1)

    def flow(
        self, x, y=None, batch_size=32, shuffle=True, sample_weight=None, seed=None, subset=None
    ):
        """Return a `NumpyArrayIterator` (a `kerasedu.utils.Sequence`) of augmented batches.

        Pass it straight to ``model.fit``. Indexing it gives ``(x_batch, y_batch)``
        (or ``x_batch`` alone when ``y`` is None).

        Args:
            x: Images ``(N, H, W, C)``.
            y: Labels, ``N`` rows. Defaults to ``None``.
            batch_size: Images per batch. Defaults to ``32``.
            shuffle: Reshuffle the order every epoch. Defaults to ``True``.
            sample_weight: Per-sample weights, returned as a third element.
            seed: Seed for the shuffling and the augmentation.
            subset: ``"training"`` or ``"validation"`` when ``validation_split`` is set.

        Returns:
            A `NumpyArrayIterator`.

        Example:
            >>> it = ImageDataGenerator().flow(np.zeros((5, 2, 2, 1)), batch_size=2)
            >>> len(it), it[2].shape
            (3, (1, 2, 2, 1))
        """
        return NumpyArrayIterator(
            x,
            y,
            self,
            batch_size=batch_size,
            shuffle=shuffle,
            sample_weight=sample_weight,
            seed=seed,
            subset=subset,
            dtype=self.dtype,
        )

    def standardize(self, x):
        """Apply ``preprocessing_function``, ``rescale`` and the centring/normalisation options.

        Works on one image ``(H, W, C)`` or a batch ``(N, H, W, C)``; returns a new array.

        Example:
            >>> ImageDataGenerator(rescale=0.5).standardize(np.full((1, 1, 1), 4.0)).tolist()
            [[[2.0]]]
        """
        x = np.asarray(x, dtype=self.dtype)
        if self.preprocessing_function is not None:
            x = self._apply_preprocessing_function(x)
        if self.rescale:
            x = x * self.rescale
        image_axes = tuple(range(x.ndim - 3, x.ndim))  # (H, W, C) of each image
        if self.samplewise_center:
            x = x - x.mean(axis=image_axes, keepdims=True)
        if self.samplewise_std_normalization:
            x = x / (x.std(axis=image_axes, keepdims=True) + 1e-6)
        if self.featurewise_center:
            x = x - self._fitted("mean", "featurewise_center")
        if self.featurewise_std_normalization:
            x = x / (self._fitted("std", "featurewise_std_normalization") + 1e-6)
        return x.astype(self.dtype, copy=False)

    def random_transform_batch(self, x, rng=np.random):
        """Augment every image of ``x`` ``(N, H, W, C)`` with its own random parameters.

        Args:
            x: Images ``(N, H, W, C)``.
            rng: ``np.random`` (default, the global state) or a ``np.random.RandomState``.

        Returns:
            The augmented batch, same shape.

        Example:
            >>> gen = ImageDataGenerator(vertical_flip=True)
            >>> gen.random_transform_batch(np.zeros((3, 4, 4, 2))).shape
            (3, 4, 4, 2)
        """
        x = np.asarray(x, dtype=self.dtype)
        n, height, width, _ = x.shape
        params = self._random_parameters(n, height, width, rng)
        geometry = [params[key] for key in ("theta", "tx", "ty", "shear", "zx", "zy")]
        matrices = affine.affine_matrices(*geometry, height, width)
        # Keras flips the warped image; flipping the output = sampling it at mirrored points
        matrices = matrices @ affine.flip_matrix(
            params["flip_horizontal"], params["flip_vertical"], height, width
        )
        if not np.allclose(matrices, np.eye(3)):
            x = affine.warp_batch(x, matrices, self.fill_mode, self.cval, self.interpolation_order)
        if self.channel_shift_range:
            x = affine.channel_shift(x, params["channel_shift_intensity"])
        return x

    def random_transform(self, x, seed=None):
        """Augment one image ``(H, W, C)``; ``seed`` makes it repeatable.

        Example:
            >>> datagen = ImageDataGenerator(rotation_range=30)
            >>> datagen.random_transform(np.ones((5, 5, 1)), seed=1).shape
            (5, 5, 1)
        """
        rng = np.random.RandomState(seed) if seed is not None else np.random
        return self.random_transform_batch(np.asarray(x)[None], rng)[0]

    def _random_parameters(self, n, height, width, rng):
        """Draw the random augmentation parameters of ``n`` images, Keras's distributions."""
        zero, one = np.zeros(n), np.ones(n)
        zoom_x, zoom_y = one, one
        if tuple(self.zoom_range) != (1, 1):
            zoom_x, zoom_y = rng.uniform(self.zoom_range[0], self.zoom_range[1], (2, n))
        return {
            "theta": rng.uniform(-self.rotation_range, self.rotation_range, n)
            if self.rotation_range
            else zero,
            "tx": affine.random_shift(self.height_shift_range, n, height, rng),
            "ty": affine.random_shift(self.width_shift_range, n, width, rng),
            "shear": rng.uniform(-self.shear_range, self.shear_range, n)
            if self.shear_range
            else zero,
            "zx": zoom_x,
            "zy": zoom_y,
            "flip_horizontal": (rng.random_sample(n) < 0.5) & bool(self.horizontal_flip),
            "flip_vertical": (rng.random_sample(n) < 0.5) & bool(self.vertical_flip),
            "channel_shift_intensity": rng.uniform(
                -self.channel_shift_range, self.channel_shift_range, n
            ),
        }

    def _apply_preprocessing_function(self, x):
        if x.ndim == 3:
            return np.asarray(self.preprocessing_function(x), dtype=self.dtype)
        # The user's function takes one image (Keras's contract), so this loops over images.
        return np.stack(
            [np.asarray(self.preprocessing_function(image), dtype=self.dtype) for image in x]
        )

    def _fitted(self, attribute, option):
        value = getattr(self, attribute)
        if value is None:
            raise ValueError(
                f"This ImageDataGenerator has {option}=True but was not fitted: "
                "call datagen.fit(x_train) first."
            )
        return value
