"""The committed notebooks are generated from the current lesson sources (lessons/src).

A lesson is edited in ``lessons/src/NN_name.py`` and regenerated with
``python3 lessons/make_notebooks.py NN``; this fails when a notebook was edited by
hand or a source changed without regenerating.
"""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
SOURCES = sorted((LESSONS / "src").glob("[0-9][0-9]_*.py"))


def make_notebooks():
    spec = importlib.util.spec_from_file_location("make_notebooks", LESSONS / "make_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_notebooks"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_notebook_cells_come_from_the_source(source, lang):
    builder = make_notebooks()
    built = builder.build_notebook(builder.load_source(source).CELLS, lang)
    path = LESSONS / lang / f"{source.stem.replace('_', '-')}.ipynb"
    stored = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert [cell.source for cell in built.cells] == ["".join(c["source"]) for c in stored], (
        f"{path.relative_to(LESSONS.parent)} differs from {source.name}: run "
        f"python3 lessons/make_notebooks.py {source.stem[:2]}"
    )
