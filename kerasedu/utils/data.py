"""Feeding data to ``fit``/``evaluate``/``predict``: batches of arrays, generators, Sequences.

``x`` and ``y`` may be one array, a list of arrays (several inputs or outputs)
or a dict of arrays keyed by input/output name; or ``x`` may be a Python
generator or a `Sequence` producing whole batches. `make_batches` turns any of
these into one object with ``steps`` and ``epoch()``, so ``fit`` only ever
loops over ``for x, y, sample_weight in data.epoch()``.

Arrays are never copied per epoch: each epoch shuffles a permutation of the
sample *indices*, and each batch gathers its rows with ``x[idx]``. The rules
around the batches (validation split, class weights...) are in
`kerasedu.utils.data_adapter_utils`.

Example:
    >>> x, y = np.arange(10, dtype="float32"), np.arange(10)
    >>> data = make_batches(x, y, batch_size=4)
    >>> data.steps, [len(xb) for xb, yb, sw in data.epoch()]
    (3, [4, 4, 2])
"""

import math
import numbers
import types
import warnings

import numpy as np

from kerasedu.config import floatx
from kerasedu.device import to_device, to_numpy
from kerasedu.tree import flatten, map_structure
from kerasedu.utils.data_adapter_utils import (
    class_weights_as_sample_weights,
    num_samples,
    unpack_x_y_sample_weight,
)
from kerasedu.utils.sequence import Sequence


def _as_array(value):
    """NumPy-ify once: lists become arrays and float64 becomes float32 (not per batch)."""
    if hasattr(value, "__cuda_array_interface__"):
        return value  # already on the GPU
    array = np.asarray(value)
    if array.dtype == np.float64:
        array = array.astype(floatx())
    return array


def _is_number_list(value):
    """Whether ``value`` is a (nested) list/tuple of Python numbers: one array, not several."""
    if isinstance(value, (list, tuple)):
        return len(value) > 0 and all(_is_number_list(item) for item in value)
    return isinstance(value, (numbers.Number, np.generic))


def as_arrays(data):
    """``data`` with every leaf an array; a list of plain numbers (``[1, 0]``, ``[[0, 1], [1,
    0]]``) is ONE array, as Keras reads it, while a list of arrays stays several inputs.

    Example:
        >>> as_arrays([[0, 1], [1, 0]]).shape
        (2, 2)
        >>> [a.shape for a in as_arrays([np.zeros((3, 2)), np.zeros((3, 1))])]
        [(3, 2), (3, 1)]
    """
    if data is None:
        return None
    if isinstance(data, dict):  # several inputs or outputs by name
        return {key: as_arrays(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)) and not _is_number_list(data):
        return type(data)(as_arrays(value) for value in data)
    return _as_array(data)


def _to_batch(array, cast_uint8=False):
    """Move one batch to the device; uint8 images become floats here, batch by batch."""
    if cast_uint8 and array.dtype == np.uint8:
        array = array.astype(floatx())
    elif array.dtype == np.float64:
        array = array.astype(floatx())
    return to_device(array)


class ArrayBatches:
    """Batches of in-memory arrays, reshuffled every epoch when ``shuffle`` is True.

    Args:
        x, y, sample_weight: Arrays or lists/dicts of arrays (``y`` and
            ``sample_weight`` may be ``None``).
        batch_size: Samples per batch; the last batch may be smaller.
        shuffle: Whether each epoch visits the samples in a new random order
            (drawn from NumPy's global generator, so ``np.random.seed`` fixes it).
        class_weight: Optional ``{class: weight}``, turned into per-sample weights.
        steps: Batches per epoch; defaults to one pass over the data.
    """

    def __init__(
        self,
        x,
        y=None,
        sample_weight=None,
        batch_size=32,
        shuffle=False,
        class_weight=None,
        steps=None,
    ):
        self.x = as_arrays(x)
        self.y = as_arrays(y)
        self.sample_weight = as_arrays(sample_weight)
        self.size = num_samples(self.x, self.y, self.sample_weight)
        _warn_if_nan(self.x, "x")
        _warn_if_nan(self.y, "y")
        if class_weight is not None:
            self.sample_weight = class_weights_as_sample_weights(
                self.y, self.sample_weight, class_weight
            )
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.steps = steps or math.ceil(self.size / batch_size)

    def epoch(self):
        """Yield ``(x, y, sample_weight)`` batches for one epoch, on the current device."""
        step = 0
        while step < self.steps:  # more steps than batches: start another pass
            order = np.random.permutation(self.size) if self.shuffle else None
            for start in range(0, self.size, self.batch_size):
                if step == self.steps:
                    return
                if order is None:
                    index = slice(start, start + self.batch_size)  # a view, no copy
                else:
                    index = order[start : start + self.batch_size]  # gathers this batch only
                x = _rows(self.x, index, cast_uint8=True)
                yield x, _rows(self.y, index), _rows(self.sample_weight, index)
                step += 1


def _rows(data, index, cast_uint8=False):
    """The rows ``index`` of ``data`` (one array, or a list/dict of arrays), as a batch."""
    if data is None:
        return None
    if isinstance(data, (list, tuple, dict)):  # several inputs or outputs
        return map_structure(lambda array: _to_batch(array[index], cast_uint8), data)
    return _to_batch(data[index], cast_uint8)


def _warn_if_nan(data, label):
    for array in flatten(data):
        if array.dtype.kind != "f" or array.size == 0:
            continue
        largest = array.max()  # NaN propagates through max: one cheap pass
        if bool(largest != largest):
            warnings.warn(
                f"{label} contains NaN values: the loss will become NaN. Clean or fill "
                "them (e.g. np.nan_to_num) before training.",
                UserWarning,
                stacklevel=4,
            )
            return


class GeneratorBatches:
    """Batches taken from a Python generator (or any iterator) that yields them.

    The generator is shared across epochs: an epoch is the next ``steps``
    batches. Without ``steps`` one epoch runs until the generator is exhausted.
    """

    def __init__(self, generator, steps=None, class_weight=None):
        self.generator = generator
        self.steps = steps
        self.class_weight = class_weight

    def epoch(self):
        """Yield up to ``steps`` batches ``(x, y, sample_weight)``."""
        step = 0
        while self.steps is None or step < self.steps:
            try:
                batch = next(self.generator)
            except StopIteration:
                return
            yield _convert_batch(batch, self.class_weight)
            step += 1


class SequenceBatches:
    """Batches ``seq[0] ... seq[len(seq) - 1]`` of a `Sequence`, then ``seq.on_epoch_end()``."""

    def __init__(self, sequence, steps=None, class_weight=None):
        self.sequence = sequence
        self.steps = min(steps or len(sequence), len(sequence))
        self.class_weight = class_weight

    def epoch(self):
        """Yield the Sequence's batches in order, then let it reshuffle."""
        for index in range(self.steps):
            yield _convert_batch(self.sequence[index], self.class_weight)
        self.sequence.on_epoch_end()


def _convert_batch(batch, class_weight=None):
    x, y, sample_weight = unpack_x_y_sample_weight(batch)
    x, y, sample_weight = as_arrays(x), as_arrays(y), as_arrays(sample_weight)
    if class_weight is not None and y is not None:
        sample_weight = class_weights_as_sample_weights(y, sample_weight, class_weight)

    def move_x(array):
        return _to_batch(array, cast_uint8=True)

    return (
        map_structure(move_x, x),
        map_structure(_to_batch, y),
        map_structure(_to_batch, sample_weight),
    )


def make_batches(
    x, y=None, sample_weight=None, batch_size=None, shuffle=False, class_weight=None, steps=None
):
    """Return an object with ``steps`` and ``epoch()`` for any supported kind of data.

    Args:
        x: Arrays (one, a list or a dict), a generator/iterator yielding batches,
            or a `Sequence`.
        y: Targets, for arrays only (a generator or Sequence yields its own).
        sample_weight: Per-sample weights, for arrays only.
        batch_size: Batch size for arrays. Defaults to ``32``.
        shuffle: Reshuffle arrays each epoch. Defaults to ``False``.
        class_weight: Optional ``{class: weight}`` dict.
        steps: Batches per epoch (needed for an endless generator).

    Returns:
        An `ArrayBatches`, `GeneratorBatches` or `SequenceBatches`.

    Example:
        >>> make_batches(np.zeros((5, 2)), batch_size=2).steps
        3
    """
    if x is None:
        raise ValueError("No data: pass x (arrays, a generator or a Sequence). Received: x=None")
    is_batches = isinstance(x, (Sequence, types.GeneratorType)) or (
        hasattr(x, "__next__") and not hasattr(x, "shape")
    )
    if is_batches and (y is not None or sample_weight is not None):
        raise ValueError(
            f"When x is a generator or a Sequence it yields the targets itself; do not "
            f"pass y or sample_weight. Received: x={type(x).__name__}, "
            f"y={type(y).__name__}"
        )
    if isinstance(x, Sequence):
        return SequenceBatches(x, steps, class_weight)
    if is_batches:
        return GeneratorBatches(x, steps, class_weight)
    if batch_size is not None and (not isinstance(batch_size, int) or batch_size < 1):
        raise ValueError(
            f"batch_size must be a positive integer. Received: batch_size={batch_size!r}"
        )
    return ArrayBatches(x, y, sample_weight, batch_size or 32, shuffle, class_weight, steps)


def make_validation_batches(validation_data, batch_size=None, steps=None):
    """Batches for ``fit(validation_data=...)``: a tuple ``(x, y[, sample_weight])``, a
    generator or a `Sequence` (``None`` gives ``None``).

    Example:
        >>> make_validation_batches((np.zeros((3, 2)), np.zeros(3)), batch_size=2).steps
        2
    """
    if validation_data is None:
        return None
    if isinstance(validation_data, list) and len(validation_data) in (2, 3):
        validation_data = tuple(validation_data)  # Keras 2 accepted [x_val, y_val]
    if isinstance(validation_data, tuple):
        x, y, sample_weight = unpack_x_y_sample_weight(validation_data)
        return make_batches(x, y, sample_weight, batch_size, steps=steps)
    return make_batches(validation_data, batch_size=batch_size, steps=steps)


def to_numpy_output(value):
    """A model output (Tensor or array) as a NumPy array, for ``predict``."""
    return to_numpy(getattr(value, "data", value))
