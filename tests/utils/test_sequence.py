"""Sequence (Keras 3's PyDataset): batches by index; the base says what to implement."""

import pytest

from kerasedu.utils import Sequence
from kerasedu.utils.sequence import PyDataset


def test_base_class_asks_for_len_and_getitem():
    seq = Sequence(workers=4, use_multiprocessing=True)  # Keras's loader options are accepted
    with pytest.raises(NotImplementedError, match="must define __len__"):
        len(seq)
    with pytest.raises(NotImplementedError, match=r"must define __getitem__\(index\)"):
        seq[0]
    assert seq.on_epoch_end() is None


def test_pydataset_is_the_keras_3_name_of_sequence():
    assert PyDataset is Sequence
