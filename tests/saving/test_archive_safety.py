"""The checks on a ``.keras`` zip itself: names, member list, sizes, encryption."""

import zipfile

import pytest

from kerasedu.saving.archive_safety import ARCHIVE_MEMBERS, read_keras_archive
from kerasedu.saving.errors import UnsafeFileError


def archive_at(path, members, compression=zipfile.ZIP_STORED):
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return zipfile.ZipFile(path)


def test_keras_members_are_read_into_memory(tmp_path):
    members = {"config.json": b"{}", "metadata.json": b"{}", "model.weights.h5": b"x"}
    with archive_at(tmp_path / "m.keras", members) as archive:
        assert read_keras_archive(archive, str(tmp_path / "m.keras")) == members
    assert sorted(ARCHIVE_MEMBERS) == sorted(members)


@pytest.mark.parametrize(
    "name, words",
    [("../evil.json", "path traversal"), ("C:evil", "path traversal"),
     ("payload.py", "not one Keras writes")],
)  # fmt: skip
def test_bad_member_names_are_refused(tmp_path, name, words):
    path = tmp_path / "bad.keras"
    with archive_at(path, {name: b"{}"}) as archive:
        with pytest.raises(UnsafeFileError, match=words):
            read_keras_archive(archive, str(path))


def test_too_many_members_are_refused(tmp_path):
    path = tmp_path / "many.keras"
    with archive_at(path, {f"f{i}": b"" for i in range(7)}) as archive:
        with pytest.raises(UnsafeFileError, match="7 members"):
            read_keras_archive(archive, str(path))


def test_zip_bomb_is_refused_before_reading(tmp_path):
    path = tmp_path / "bomb.keras"
    with archive_at(path, {"config.json": b" " * 2**24}, zipfile.ZIP_DEFLATED) as archive:
        with pytest.raises(UnsafeFileError, match="zip bomb"):
            read_keras_archive(archive, str(path))
