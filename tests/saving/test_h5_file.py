"""Opening HDF5 files safely: checked before reading, every failure a `KerasEduFileError`."""

import h5py
import numpy as np
import pytest

from kerasedu.saving.errors import KerasEduFileError, UnsafeFileError
from kerasedu.saving.h5_file import checked_h5, guarded, h5_bytes, open_checked


def fill(f, values):
    f["w"] = values


def test_h5_bytes_is_a_whole_hdf5_file(tmp_path):
    data = h5_bytes(fill, np.arange(3.0))
    path = tmp_path / "w.h5"
    path.write_bytes(data)
    with open_checked(path) as f:
        assert f["w"][()].tolist() == [0.0, 1.0, 2.0]


@pytest.mark.parametrize(
    "content, words", [(None, "no such file"), (b"", "empty"), (b"\x80\x04pickle", "not an HDF5")]
)
def test_open_checked_names_what_is_wrong(tmp_path, content, words):
    path = tmp_path / "m.h5"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(KerasEduFileError, match=words):
        with open_checked(path):
            pass


def test_checked_h5_refuses_an_unsafe_tree_before_any_read(tmp_path):
    path = tmp_path / "link.h5"
    with h5py.File(path, "w") as f:
        f["leak"] = h5py.ExternalLink("/etc/passwd", "/x")
    with pytest.raises(UnsafeFileError, match="external link"):
        with checked_h5(str(path), "link.h5"):
            pass


def test_checked_h5_turns_a_truncated_file_into_a_kerasedu_error(tmp_path):
    data = h5_bytes(fill, np.zeros(1000))
    path = tmp_path / "cut.h5"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(KerasEduFileError, match="cut.h5"):
        with checked_h5(str(path), "cut.h5"):
            pass


def test_guarded_wraps_other_errors_and_keeps_kerasedu_ones():
    assert guarded("m.h5", "bad", int, "3") == 3
    with pytest.raises(KerasEduFileError, match="its config is invalid: ValueError"):
        guarded("m.h5", "its config is invalid", int, "x")
    error = KerasEduFileError("m.h5", "already ours.")
    with pytest.raises(KerasEduFileError) as caught:
        guarded("m.h5", "bad", lambda: (_ for _ in ()).throw(error))
    assert caught.value is error
