"""A save that hits a file-size limit raises OSError and leaves the previous file intact."""

import subprocess
import sys
import textwrap

import pytest

CHILD = textwrap.dedent(
    """
    import os, resource, signal, sys
    import numpy as np
    from kerasedu.layers import Dense, Input
    from kerasedu.models import Sequential
    path = sys.argv[1]
    small = Sequential([Input(shape=(4,)), Dense(2)])
    small.save(path)
    before = open(path, "rb").read()
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) + 4096, resource.RLIM_INFINITY))
    big = Sequential([Input(shape=(400,)), Dense(400)])  # 640 KB of weights
    try:
        big.save(path)
    except OSError as err:
        print("OSError", err.errno)
    print("intact" if open(path, "rb").read() == before else "changed")
    print(sorted(os.listdir(os.path.dirname(path))))
    """
)


@pytest.mark.parametrize("name", ["m.h5", "m.keras", "w.weights.h5"])
def test_file_size_limit_raises_oserror_and_keeps_old_file(tmp_path, name):
    script = CHILD if name != "w.weights.h5" else CHILD.replace(".save(", ".save_weights(")
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / name)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr  # not killed by a signal, no crash in HDF5
    lines = out.stdout.splitlines()
    assert lines[0] == "OSError 27"  # EFBIG: File too large
    assert lines[1] == "intact"
    assert lines[2] == repr([name])  # no temporary file left behind
