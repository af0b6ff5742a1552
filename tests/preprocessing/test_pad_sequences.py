import numpy as np
import pytest

from kerasedu.preprocessing.sequence import pad_sequences


def _reference(sequences, maxlen, dtype, padding, truncating, value):
    """Keras's algorithm, one sequence at a time."""
    lengths = [len(s) for s in sequences]
    maxlen = max(lengths) if maxlen is None else maxlen
    shape = next((np.asarray(s).shape[1:] for s in sequences if len(s)), ())
    out = np.full((len(sequences), maxlen) + shape, value, dtype=dtype)
    for i, s in enumerate(sequences):
        if not len(s) or maxlen == 0:
            continue
        trunc = np.asarray(s)[-maxlen:] if truncating == "pre" else np.asarray(s)[:maxlen]
        if padding == "post":
            out[i, : len(trunc)] = trunc
        else:
            out[i, -len(trunc) :] = trunc
    return out


@pytest.mark.parametrize("padding", ["pre", "post"])
@pytest.mark.parametrize("truncating", ["pre", "post"])
@pytest.mark.parametrize("maxlen", [None, 0, 1, 3, 10])
def test_pad_sequences_matches_keras_algorithm(padding, truncating, maxlen):
    rng = np.random.default_rng(0)
    sequences = [list(rng.integers(1, 9, size=n)) for n in (0, 1, 3, 5, 7)]
    got = pad_sequences(sequences, maxlen=maxlen, padding=padding, truncating=truncating, value=-1)
    want = _reference(sequences, maxlen, "int32", padding, truncating, -1)
    assert got.dtype == np.int32
    np.testing.assert_array_equal(got, want)


def test_pad_sequences_defaults_pad_and_cut_at_the_start():
    assert pad_sequences([[1, 2, 3, 4], [5]], maxlen=3).tolist() == [[2, 3, 4], [0, 0, 5]]


def test_pad_sequences_float_dtype_and_extra_axes():
    seqs = [np.ones((2, 3)), np.ones((4, 3)) * 2]
    got = pad_sequences(seqs, maxlen=3, dtype="float32", padding="post", value=0.5)
    assert got.shape == (2, 3, 3) and got.dtype == np.float32
    np.testing.assert_array_equal(got, _reference(seqs, 3, "float32", "post", "pre", 0.5))


def test_pad_sequences_all_empty():
    assert pad_sequences([[], []]).shape == (2, 0)
    assert pad_sequences([[], []], maxlen=2).tolist() == [[0, 0], [0, 0]]


def test_pad_sequences_errors():
    with pytest.raises(ValueError, match="padding"):
        pad_sequences([[1]], padding="middle")
    with pytest.raises(ValueError, match="truncating"):
        pad_sequences([[1]], truncating="middle")
    with pytest.raises(ValueError, match="non-iterable"):
        pad_sequences([[1], 5])
    with pytest.raises(ValueError, match="shape"):
        pad_sequences([np.ones((2, 3)), np.ones((2, 4))])


def test_pad_sequences_is_also_keras_utils_pad_sequences():
    from kerasedu import utils

    assert utils.pad_sequences is pad_sequences  # where Keras 3's guides call it
