"""Lesson 12's graduation code runs on real Keras 3: DataParallel over two JAX CPU devices.

The test takes the lesson's own cells (the data, ``build_model``, the Keras setup and the
DataParallel training, from ``lessons/src/12_many_devices.py``), so it checks exactly the
code students run. It runs them in a fresh Python process: XLA_FLAGS (the two virtual
devices) only counts before JAX is first imported, which another test may already have done.
Skipped, with the reason, where Keras 3 or JAX is not installed (the ``reference`` extra).
"""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# find_spec, not importorskip: importing keras here would pick a backend (TensorFlow by default)
MISSING = [name for name in ("keras", "jax") if importlib.util.find_spec(name) is None]

pytestmark = [
    pytest.mark.reference,
    pytest.mark.skipif(
        bool(MISSING), reason=f"{' and '.join(MISSING)} not installed: pip install -e '.[dev]'"
    ),
]


def lesson_script():
    """The lesson's graduation cells, in English, as one script that reports its results."""
    sys.path.insert(0, str(ROOT / "lessons"))
    try:
        import make_notebooks

        lesson = make_notebooks.load_source(ROOT / "lessons" / "src" / "12_many_devices.py")
    finally:
        sys.path.remove(str(ROOT / "lessons"))
    cells = [lesson.DATA, lesson.MODEL, lesson.GRADUATION_SETUP, lesson.GRADUATION_TRAIN]
    report = """
import json
print("RESULT", json.dumps({
    "accuracy": float(keras_accuracy),
    "devices": len(kernel.sharding.device_set),
    "distribution": type(keras.distribution.distribution()).__name__,
    "backend": keras.backend.backend(),
}))
"""
    return "\n".join(make_notebooks.localise(cell, "en") for cell in cells) + report


def test_lesson12_keras_code_trains_with_data_parallel_on_two_devices():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("KERAS_BACKEND", None)  # the lesson's cell sets both itself
    env.pop("XLA_FLAGS", None)
    run = subprocess.run(
        [sys.executable, "-c", lesson_script()],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    line = next(x for x in run.stdout.splitlines() if x.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    assert result["backend"] == "jax"
    assert result["distribution"] == "DataParallel"
    assert result["devices"] == 2  # every weight replicated on both devices
    assert result["accuracy"] > 0.85  # the accuracy the lesson states
