"""Build the zh and en lesson notebooks from one bilingual source per lesson.

Each ``lessons/src/NN_name.py`` defines ``CELLS``: a list of ``md(en, zh)`` and
``code(source)`` cells. In code, ``«English|中文»`` marks text that differs by
language (string literals and comments only), so both notebooks are guaranteed
to share every line of code. Then the notebooks are executed so they are stored
with their outputs (what the site shows and what nbval compares).

Usage:
    python lessons/make_notebooks.py            # all lessons
    python lessons/make_notebooks.py 02 05      # only these
    python lessons/make_notebooks.py --no-run   # write without executing
"""

import importlib.util
import re
import sys
import time
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ExecutePreprocessor

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"«(.*?)\|(.*?)»", re.S)


def md(en, zh):
    """A Markdown cell in both languages."""
    return {"type": "markdown", "en": en.strip("\n"), "zh": zh.strip("\n")}


def code(source, tags=()):
    """A code cell; «en|zh» marks translated string literals and comments."""
    return {"type": "code", "source": source.strip("\n"), "tags": list(tags)}


def solution(source, grade_id):
    """An exercise's answer cell, in nbgrader's format.

    ``source`` defines a function (or class) whose body holds the answer between
    ``### BEGIN SOLUTION`` and ``### END SOLUTION``; nbgrader (or the student
    version) replaces that part with ``raise NotImplementedError()``.
    """
    if "### BEGIN SOLUTION" not in source or "### END SOLUTION" not in source:
        raise ValueError(f"solution cell {grade_id!r} needs ### BEGIN/END SOLUTION lines")
    cell = code(source)
    cell["nbgrader"] = {
        "grade": False,
        "grade_id": grade_id,
        "locked": False,
        "schema_version": 3,
        "solution": True,
        "task": False,
    }
    return cell


def check(source, grade_id, points=1, tags=()):
    """An exercise's check cell (locked, graded), in nbgrader's format.

    ``source`` calls a check from ``kerasedu.exercises``, which raises
    `kerasedu.exercises.ExerciseFailed` with a hint when the answer is wrong.
    ``tags``: e.g. ``["nbval-ignore-output"]`` for a check that prints a trained model's score.
    """
    cell = code(source, tags)
    cell["nbgrader"] = {
        "grade": True,
        "grade_id": grade_id,
        "locked": True,
        "points": points,
        "schema_version": 3,
        "solution": False,
        "task": False,
    }
    return cell


def localise(source, lang):
    """Pick the English (group 1) or Chinese (group 2) side of every «en|zh» mark."""
    group = 1 if lang == "en" else 2
    return MARK.sub(lambda m: m.group(group), source)


def build_notebook(cells, lang):
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    for cell in cells:
        if cell["type"] == "markdown":
            nb.cells.append(nbformat.v4.new_markdown_cell(cell[lang]))
        else:
            new = nbformat.v4.new_code_cell(localise(cell["source"], lang))
            if cell["tags"]:
                new.metadata["tags"] = cell["tags"]
            if "nbgrader" in cell:
                new.metadata["nbgrader"] = dict(cell["nbgrader"])
            nb.cells.append(new)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"  # stable ids keep diffs small
    return nb


def load_source(path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_notebooks"] = sys.modules[__name__]
    spec.loader.exec_module(module)
    return module


def main(argv):
    run = "--no-run" not in argv
    wanted = [a for a in argv if not a.startswith("--")]
    for path in sorted((HERE / "src").glob("[0-9][0-9]_*.py")):
        if wanted and not any(path.name.startswith(w) for w in wanted):
            continue
        module = load_source(path)
        name = path.stem.replace("_", "-")
        for lang in ("en", "zh"):
            nb = build_notebook(module.CELLS, lang)
            out = HERE / lang / f"{name}.ipynb"
            if run:
                start = time.time()
                ExecutePreprocessor(timeout=600, kernel_name="python3").preprocess(
                    nb, {"metadata": {"path": str(out.parent)}}
                )
                print(f"{lang}/{out.name}: executed in {time.time() - start:.1f} s")
            nbformat.write(nb, out)


if __name__ == "__main__":
    main(sys.argv[1:])
