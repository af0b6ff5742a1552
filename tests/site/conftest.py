"""Shared fixture for the site tests: build the MkDocs site once per session.

The build uses the real lessons in ``lessons/`` when there are any. While that
folder is still empty, it renders the two small notebooks in
``tests/site/fixtures/lessons`` instead, so the notebook hook, the lesson pages
and the search are still tested.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_LESSONS = Path(__file__).parent / "fixtures" / "lessons"

collect_ignore = ["fixtures"]


def lesson_stems(folder):
    """Stems of ``NN-name.ipynb`` notebooks present in both languages."""
    stems = []
    for path in sorted((folder / "zh").glob("[0-9][0-9]-*.ipynb")):
        if (folder / "en" / path.name).exists():
            stems.append(path.stem)
    return stems


class BuiltSite:
    """The result of one ``mkdocs build --strict``: where it is and what it holds."""

    def __init__(self, path, result, lessons_dir, using_fixtures):
        self.path = path
        self.result = result
        self.lessons_dir = lessons_dir
        self.using_fixtures = using_fixtures
        self.lessons = lesson_stems(lessons_dir)

    def page(self, url_path):
        """Return the HTML of a page given its site path, e.g. ``en/lessons/x/``."""
        return (self.path / url_path / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """Run ``mkdocs build --strict`` into a temporary folder, once."""
    if shutil.which("mkdocs") is None and not _has_module("mkdocs"):
        pytest.skip("mkdocs is not installed (.venv/bin/python -m pip install -e '.[docs]')")
    out = tmp_path_factory.mktemp("site_build")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    lessons_dir = ROOT / "lessons"
    using_fixtures = not lesson_stems(lessons_dir)
    if using_fixtures:
        lessons_dir = FIXTURE_LESSONS
        env["KERASEDU_LESSONS_DIR"] = str(FIXTURE_LESSONS)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    return BuiltSite(out, result, lessons_dir, using_fixtures)


def _has_module(name):
    import importlib.util

    return importlib.util.find_spec(name) is not None
