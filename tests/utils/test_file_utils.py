import hashlib
import os
import tarfile
import zipfile

import pytest

from kerasedu.utils import get_file
from kerasedu.utils.file_utils import hash_file, validate_file


def _source(tmp_path, content=b"kerasedu data\n", name="data.bin"):
    folder = tmp_path / "server"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return path, hashlib.sha256(content).hexdigest()


def test_get_file_downloads_from_file_url_and_verifies(tmp_path):
    source, digest = _source(tmp_path)
    path = get_file(
        "data.bin", source.as_uri(), file_hash=digest, cache_dir=str(tmp_path / "cache")
    )
    assert path == str(tmp_path / "cache" / "datasets" / "data.bin")
    assert open(path, "rb").read() == source.read_bytes()


def test_get_file_uses_the_cache_without_network(tmp_path):
    source, digest = _source(tmp_path)
    cache = str(tmp_path / "cache")
    get_file("data.bin", source.as_uri(), file_hash=digest, cache_dir=cache)
    source.unlink()  # the "server" is gone: the cached copy must be used
    path = get_file("data.bin", source.as_uri(), file_hash=digest, cache_dir=cache)
    assert os.path.exists(path)


def test_get_file_refuses_hash_mismatch_and_keeps_nothing(tmp_path):
    source, _ = _source(tmp_path)
    cache = tmp_path / "cache"
    with pytest.raises(ValueError, match="hash"):
        get_file("data.bin", source.as_uri(), file_hash="0" * 64, cache_dir=str(cache))
    assert os.listdir(cache / "datasets") == []  # no partial or bad file left behind


def test_get_file_redownloads_a_corrupted_cached_file(tmp_path):
    source, digest = _source(tmp_path)
    cache = tmp_path / "cache"
    (cache / "datasets").mkdir(parents=True)
    (cache / "datasets" / "data.bin").write_bytes(b"corrupted")
    path = get_file("data.bin", source.as_uri(), file_hash=digest, cache_dir=str(cache))
    assert hash_file(path) == digest


def test_get_file_md5_hash(tmp_path):
    source, _ = _source(tmp_path)
    md5 = hashlib.md5(source.read_bytes()).hexdigest()
    path = get_file("data.bin", source.as_uri(), file_hash=md5, cache_dir=str(tmp_path / "c"))
    assert validate_file(path, md5)


def test_get_file_offline_error_says_where_to_put_the_file(tmp_path):
    missing = (tmp_path / "nowhere" / "data.bin").as_uri()
    with pytest.raises(OSError, match="copy it to"):
        get_file("data.bin", missing, cache_dir=str(tmp_path / "cache"))


def test_get_file_extracts_zip_and_tar(tmp_path):
    archive = tmp_path / "pack.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("inner/a.txt", "A")
    folder = get_file("pack.zip", archive.as_uri(), cache_dir=str(tmp_path / "c"), extract=True)
    assert open(os.path.join(folder, "inner", "a.txt")).read() == "A"
    member = tmp_path / "b.txt"
    member.write_text("B")
    tar_path = tmp_path / "pack2.tar.gz"
    with tarfile.open(tar_path, "w:gz") as t:
        t.add(member, arcname="b.txt")
    folder = get_file(
        "pack2.tar.gz", tar_path.as_uri(), cache_dir=str(tmp_path / "c"), extract=True
    )
    assert open(os.path.join(folder, "b.txt")).read() == "B"


def test_get_file_rejects_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match="origin"):
        get_file()
    source, _ = _source(tmp_path)
    with pytest.raises(ValueError, match="hash_algorithm"):
        get_file(
            "x", source.as_uri(), file_hash="abc", hash_algorithm="crc", cache_dir=str(tmp_path)
        )
