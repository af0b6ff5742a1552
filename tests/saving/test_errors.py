"""The file errors: ValueErrors whose message names the file and the problem."""

import pytest

from kerasedu.saving.errors import KerasEduFileError, UnsafeFileError


def test_file_error_message_path_and_problem():
    err = KerasEduFileError("models/m.h5", "it is truncated")
    assert isinstance(err, ValueError)
    assert (err.path, err.problem) == ("models/m.h5", "it is truncated")
    assert str(err) == "Cannot load 'models/m.h5': it is truncated"


def test_unsafe_file_error_is_a_file_error_that_refuses():
    err = UnsafeFileError("x.h5", "it has an external link")
    assert isinstance(err, KerasEduFileError)
    assert str(err) == "Refusing to load 'x.h5': it has an external link"
    with pytest.raises(KerasEduFileError):
        raise err
