"""`pad_sequences`: turn a list of variable-length sequences into one 2-D array.

Example:
    >>> pad_sequences([[1, 2, 3], [4]], maxlen=2).tolist()
    [[2, 3], [0, 4]]
"""

import numpy as np


def pad_sequences(
    sequences, maxlen=None, dtype="int32", padding="pre", truncating="pre", value=0.0
):
    """Pad (or cut) every sequence to the same length ``maxlen``.

    Sequences longer than ``maxlen`` lose values from the start (``truncating="pre"``)
    or the end (``"post"``); shorter ones get ``value`` added before (``padding="pre"``)
    or after (``"post"``). The defaults are Keras's: pad and cut at the start, so
    the most recent words sit next to the end, where a recurrent layer reads last.

    Args:
        sequences: List of sequences (lists or arrays); each may have extra
            trailing axes, the same for all.
        maxlen: Output length. Defaults to ``None``: the longest sequence's length.
        dtype: Output type. Defaults to ``"int32"``.
        padding: ``"pre"`` (default) or ``"post"``.
        truncating: ``"pre"`` (default) or ``"post"``.
        value: The padding value. Defaults to ``0.0``.

    Returns:
        An array of shape ``(N, maxlen, ...)``.

    Shapes:
        ``N`` sequences of lengths ``T_i`` -> ``(N, maxlen)``.

    Example:
        >>> pad_sequences([[1, 2], [3]], padding="post", value=-1).tolist()
        [[1, 2], [3, -1]]
    """
    if padding not in ("pre", "post"):
        raise ValueError(f'padding must be "pre" or "post". Received: padding={padding!r}')
    if truncating not in ("pre", "post"):
        raise ValueError(f'truncating must be "pre" or "post". Received: truncating={truncating!r}')
    arrays = _as_arrays(sequences)
    lengths = np.array([len(a) for a in arrays], dtype=np.int64)
    sample_shape = _sample_shape(arrays)
    if maxlen is None:
        maxlen = int(lengths.max()) if len(lengths) else 0
    out = np.full((len(arrays), maxlen) + sample_shape, value, dtype=dtype)
    if lengths.sum() == 0 or maxlen == 0:
        return out
    flat = np.concatenate([a.reshape((len(a),) + sample_shape) for a in arrays])
    row = np.repeat(np.arange(len(arrays)), lengths)  # which sequence each value comes from
    pos = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)  # index inside it
    length = lengths[row]
    kept = np.minimum(length, maxlen)  # how many values of that sequence survive
    if truncating == "pre":
        rank = pos - (length - kept)  # the last `kept` values survive
    else:
        rank = pos  # the first `kept` values survive
    keep = (rank >= 0) & (rank < kept)
    col = rank if padding == "post" else rank + (maxlen - kept)
    out[row[keep], col[keep]] = flat[keep]
    return out


def _as_arrays(sequences):
    """Convert each sequence to an array, with a clear error for non-sequences."""
    arrays = []
    for index, sequence in enumerate(sequences):
        if not hasattr(sequence, "__len__"):
            raise ValueError(
                "`sequences` must be a list of iterables. "
                f"Found non-iterable at index {index}: {sequence!r}"
            )
        arrays.append(np.asarray(sequence))
    return arrays


def _sample_shape(arrays):
    """The shape of one step, from the first non-empty sequence; all must agree."""
    non_empty = [a for a in arrays if len(a)]
    shape = non_empty[0].shape[1:] if non_empty else ()
    for a in non_empty:
        if a.shape[1:] != shape:
            raise ValueError(
                f"Every step must have shape {shape}, as in the first non-empty "
                f"sequence. Received a sequence of shape {a.shape}."
            )
    return tuple(shape)
