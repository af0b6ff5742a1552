"""`NumpyArrayIterator`: the `Sequence` that `ImageDataGenerator.flow` returns.

Batch ``i`` takes the images at positions ``order[i*B : (i+1)*B]`` of the
current epoch's order, augments them, standardises them, and returns them with
their labels. ``on_epoch_end`` (called by ``fit``) draws a new order.

Example:
    >>> from kerasedu.preprocessing.image import ImageDataGenerator
    >>> it = NumpyArrayIterator(np.zeros((5, 2, 2, 1)), np.arange(5), ImageDataGenerator(),
    ...                         batch_size=2, shuffle=False)
    >>> len(it), it[2][1].tolist()
    (3, [4])
"""

import math

import numpy as np

from kerasedu.config import floatx
from kerasedu.utils.sequence import Sequence


class NumpyArrayIterator(Sequence):
    """Batches of augmented images from in-memory arrays.

    Args:
        x: Images ``(N, H, W, C)``.
        y: Labels with ``N`` rows, or ``None``.
        image_data_generator: The `ImageDataGenerator` that augments and standardises.
        batch_size: Images per batch. Defaults to ``32``.
        shuffle: Draw a new random order each epoch. Defaults to ``False``
            (``ImageDataGenerator.flow`` passes ``True`` by default).
        sample_weight: Per-sample weights, returned as a third element. Defaults to ``None``.
        seed: Seed of this iterator's random state (order and augmentation).
            Defaults to ``None``: NumPy's global random state.
        subset: ``"training"`` or ``"validation"``: keep only that part of the
            generator's ``validation_split`` (the validation part is the first one).
        dtype: Type of the image batches. Defaults to ``floatx()``.

    Shapes:
        ``x[i]`` -> ``(B, H, W, C)`` with ``B = batch_size`` (the last batch may be smaller).

    Example:
        >>> from kerasedu.preprocessing.image import ImageDataGenerator
        >>> it = ImageDataGenerator().flow(np.zeros((3, 2, 2, 1)), batch_size=2, shuffle=False)
        >>> [batch.shape[0] for batch in (next(it), next(it), next(it))]
        [2, 1, 2]
    """

    def __init__(
        self,
        x,
        y,
        image_data_generator,
        batch_size=32,
        shuffle=False,
        sample_weight=None,
        seed=None,
        subset=None,
        dtype=None,
    ):
        super().__init__()
        self.dtype = dtype or floatx()
        x = np.asarray(x)
        if x.ndim != 4:
            raise ValueError(f"Images must have rank 4 (N, H, W, C). Received: x.shape={x.shape}")
        for name, value in (("y", y), ("sample_weight", sample_weight)):
            if value is not None and len(value) != len(x):
                raise ValueError(
                    f"`x` and `{name}` must have the same length. "
                    f"Received: len(x)={len(x)}, len({name})={len(value)}"
                )
        if batch_size < 1:
            raise ValueError(f"batch_size must be positive. Received: batch_size={batch_size}")
        x, y, sample_weight = _select_subset(
            x, y, sample_weight, subset, image_data_generator._validation_split
        )
        self.x = x
        self.y = None if y is None else np.asarray(y)
        self.sample_weight = None if sample_weight is None else np.asarray(sample_weight)
        self.image_data_generator = image_data_generator
        self.n = len(x)
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.seed = seed
        self.rng = np.random.RandomState(seed) if seed is not None else np.random
        self.batch_index = 0
        self.on_epoch_end()

    def __len__(self):
        """Number of batches per epoch: ``ceil(N / batch_size)``."""
        return math.ceil(self.n / self.batch_size)

    def __getitem__(self, index):
        """Return batch ``index``: ``x`` or ``(x, y)`` or ``(x, y, sample_weight)``."""
        if not -len(self) <= index < len(self):
            raise IndexError(
                f"Batch index out of range: this iterator has {len(self)} batches. "
                f"Received: index={index}"
            )
        index = index % len(self)
        positions = self.index_array[index * self.batch_size : (index + 1) * self.batch_size]
        generator = self.image_data_generator
        batch_x = generator.random_transform_batch(self.x[positions].astype(self.dtype), self.rng)
        batch_x = generator.standardize(batch_x)
        if self.y is None:
            return batch_x
        if self.sample_weight is None:
            return batch_x, self.y[positions]
        return batch_x, self.y[positions], self.sample_weight[positions]

    def on_epoch_end(self):
        """Draw the sample order for the next epoch (shuffled, or 0..N-1)."""
        self.index_array = self.rng.permutation(self.n) if self.shuffle else np.arange(self.n)

    def reset(self):
        """Restart iteration with `next` at the first batch."""
        self.batch_index = 0

    def __iter__(self):
        return self

    def __next__(self):
        """Return the next batch forever, reshuffling after each pass (Keras 2 style)."""
        if self.batch_index >= len(self):
            self.batch_index = 0
            self.on_epoch_end()
        batch = self[self.batch_index]
        self.batch_index += 1
        return batch


def _select_subset(x, y, sample_weight, subset, validation_split):
    """Keep the training or validation part: validation is the first fraction (Keras)."""
    if subset is None:
        return x, y, sample_weight
    if subset not in ("training", "validation"):
        raise ValueError(f'subset must be "training" or "validation". Received: subset={subset!r}')
    if not validation_split:
        raise ValueError(f"subset={subset!r} needs ImageDataGenerator(validation_split=...) > 0.")
    split = int(len(x) * validation_split)
    if y is not None and not np.array_equal(np.unique(y[:split]), np.unique(y[split:])):
        raise ValueError(
            "The training and validation subsets hold different classes after the "
            "split. If the arrays are sorted by label, shuffle them first."
        )
    part = slice(None, split) if subset == "validation" else slice(split, None)
    sample_weight = None if sample_weight is None else sample_weight[part]
    return x[part], (None if y is None else y[part]), sample_weight
