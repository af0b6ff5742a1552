import hashlib
import os
import shutil

import numpy as np
import pytest

from kerasedu.datasets import mnist


def test_load_data_offline_from_repo_matches_keras_types(monkeypatch, tmp_path):
    monkeypatch.setenv("KERASEDU_HOME", str(tmp_path))  # empty cache
    monkeypatch.setenv("KERASEDU_MNIST_URL", (tmp_path / "no_network.npz").as_uri())
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    assert x_train.shape == (60000, 28, 28) and x_train.dtype == np.uint8
    assert y_train.shape == (60000,) and y_train.dtype == np.uint8
    assert x_test.shape == (10000, 28, 28) and y_test.shape == (10000,)
    assert set(np.unique(y_test).tolist()) == set(range(10))


def test_repo_file_hash_is_recorded():
    path = os.path.join(mnist.repo_datasets_dir(), "mnist.npz")
    with open(path + ".sha256") as f:
        recorded = f.read().split()[0]
    assert recorded == mnist.REPO_SHA256
    assert recorded in mnist.KNOWN_SHA256


def test_offline_without_any_file_says_where_to_put_it(monkeypatch, tmp_path):
    monkeypatch.setattr(mnist, "repo_datasets_dir", lambda: str(tmp_path / "no_repo"))
    monkeypatch.setenv("KERASEDU_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("KERASEDU_DATASETS", raising=False)
    with pytest.raises(OSError) as info:
        mnist.load_data(origin=(tmp_path / "missing.npz").as_uri())
    message = str(info.value)
    assert "Copy mnist.npz" in message and str(tmp_path / "home" / "datasets") in message


def test_download_from_mirror_is_hash_checked(monkeypatch, tmp_path):
    monkeypatch.setattr(mnist, "repo_datasets_dir", lambda: str(tmp_path / "no_repo"))
    monkeypatch.setenv("KERASEDU_HOME", str(tmp_path / "home"))
    bad = tmp_path / "mirror.npz"
    np.savez(bad, x_train=np.zeros((1, 28, 28), np.uint8))
    with pytest.raises(ValueError, match="hash"):
        mnist.load_data(origin=bad.as_uri())
    assert not (tmp_path / "home" / "datasets" / "mnist.npz").exists()


def test_download_from_mirror_with_a_known_hash(monkeypatch, tmp_path):
    repo_file = os.path.join(mnist.repo_datasets_dir(), "mnist.npz")
    mirror = tmp_path / "mirror" / "mnist.npz"
    mirror.parent.mkdir()
    shutil.copy(repo_file, mirror)
    monkeypatch.setattr(mnist, "repo_datasets_dir", lambda: str(tmp_path / "no_repo"))
    monkeypatch.setattr(
        mnist, "KERAS_SHA256", mnist.REPO_SHA256
    )  # the mirror serves the repo's copy
    monkeypatch.setenv("KERASEDU_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("KERASEDU_MNIST_URL", mirror.as_uri())
    (x_train, _), _ = mnist.load_data()
    assert x_train.shape == (60000, 28, 28)
    assert (tmp_path / "home" / "datasets" / "mnist.npz").exists()


def test_unknown_local_file_is_refused(monkeypatch, tmp_path):
    fake = tmp_path / "mnist.npz"
    np.savez(fake, x_train=np.zeros(3))
    monkeypatch.setenv("KERASEDU_DATASETS", str(tmp_path))
    with pytest.raises(ValueError, match="not a known copy"):
        mnist.load_data()


def test_pickled_npz_is_never_unpickled(monkeypatch, tmp_path):
    fake = tmp_path / "evil.npz"
    np.savez(fake, x_train=np.array([object()], dtype=object))
    monkeypatch.setattr(mnist, "KNOWN_SHA256", (hashlib.sha256(fake.read_bytes()).hexdigest(),))
    with pytest.raises(ValueError, match="pickle"):
        mnist.load_data(str(fake))
