"""Window helpers shared by convolution and pooling: size arguments as tuples."""

import pytest

from kerasedu.autograd.windows import normalize_tuple


def test_normalize_tuple_accepts_an_int_or_a_tuple():
    assert normalize_tuple(2, 3, "pool_size") == (2, 2, 2)
    assert normalize_tuple((1, 2), 2, "strides") == (1, 2)


@pytest.mark.parametrize("bad", [(1, 2, 3), 0, (2, 0), (1.5, 2)])
def test_normalize_tuple_rejects_wrong_lengths_and_values(bad):
    with pytest.raises(ValueError, match="`strides` must be an int >= 1"):
        normalize_tuple(bad, 2, "strides")
