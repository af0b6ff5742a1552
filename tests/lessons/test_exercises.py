"""Every lesson's exercises can fail and do pass: the can-fail test of issue 15.

For each lesson notebook (en and zh) the student version (solutions cleared, as
nbgrader clears them) is executed, and every check cell must fail with the
check's own `ExerciseFailed`, not with a NameError or a stub's bare
NotImplementedError. The committed notebooks hold the solutions; nbval runs
them, and here each check cell's stored output must show it passed.

To stay fast, only the lesson's first code cell (its imports) and the
exercise section are run; a lesson whose exercises need names from the lesson
body (a NameError there) is run whole.
"""

import functools
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kerasedu.exercises.student import make_student_version

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
NOTEBOOKS = sorted(LESSONS.glob("[ez][nh]/[0-9][0-9]-*.ipynb"))
CELL_TIMEOUT = 120  # seconds; a stub makes a check fail at once, so this is only a safeguard
CJK = re.compile(r"[\u4e00-\u9fff]")


def nb_id(path):
    return f"{path.parent.name}/{path.stem}"


def nbgrader(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def checks_of(nb):
    """``{grade_id: cell}`` for the check cells (nbgrader ``grade: true``) of ``nb``."""
    return {nbgrader(c)["grade_id"]: c for c in nb.cells if nbgrader(c).get("grade")}


def errors(cell):
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def exercise_section(nb):
    """The lesson's first code cell, then every cell from the "Exercises" heading on."""
    first_graded = next(i for i, c in enumerate(nb.cells) if nbgrader(c))
    heading = [
        i
        for i, c in enumerate(nb.cells[:first_graded])
        if c.cell_type == "markdown" and re.search(r"^#+ *(Exercises|练习)", c.source, re.M)
    ]
    start = heading[-1] if heading else first_graded
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    return [first_code] + [c for c in nb.cells[start:] if c is not first_code]


def execute(nb, folder):
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        allow_errors=True,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute()
    return nb


@functools.lru_cache(maxsize=None)
def run_student_version(path):
    """Execute the student version of the lesson at ``path``; return it with its outputs."""
    student = make_student_version(nbformat.read(path, as_version=4))
    if not checks_of(student):
        return student
    part = nbformat.from_dict(student)
    part.cells = exercise_section(part)
    execute(part, path.parent)
    if not any(e["ename"] == "NameError" for c in part.cells for e in errors(c)):
        return part
    return execute(student, path.parent)  # the exercises use the lesson body: run it all


def require_exercises(nb, path):
    checks = checks_of(nb)
    if not checks:
        pytest.fail(f"{nb_id(path)} has no graded exercises yet (issue 15: 3 to 6 per lesson)")
    return checks


@pytest.mark.parametrize("path", NOTEBOOKS, ids=nb_id)
def test_three_to_six_exercises_each_with_its_check(path):
    nb = nbformat.read(path, as_version=4)
    checks = require_exercises(nb, path)
    number = path.name[:2]
    solutions = [nbgrader(c)["grade_id"] for c in nb.cells if nbgrader(c).get("solution")]
    assert 3 <= len(checks) <= 6, f"{nb_id(path)}: {len(checks)} exercises, expected 3 to 6"
    assert sorted(checks) == sorted(f"{s}-check" for s in solutions), (
        f"{nb_id(path)}: every solution cell lNN-exK needs one check cell lNN-exK-check"
    )
    for grade_id in solutions:
        assert re.fullmatch(rf"l{number}-ex\d", grade_id), f"grade id {grade_id!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=nb_id)
def test_committed_solutions_pass_their_checks(path):
    checks = require_exercises(nbformat.read(path, as_version=4), path)
    for grade_id, cell in checks.items():
        assert cell.get("execution_count"), f"{grade_id}: the notebook was stored unexecuted"
        assert not errors(cell), f"{grade_id}: the solution fails: {errors(cell)[0]['evalue']}"
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert "✔" in text, f"{grade_id}: a passing check says so with a ✔ line; got {text!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=nb_id)
def test_every_check_fails_on_the_student_version(path):
    student = run_student_version(path)
    for grade_id, cell in require_exercises(student, path).items():
        found = errors(cell)
        assert found, f"{grade_id} passes on the unsolved student version: it cannot fail"
        name, message = found[0]["ename"], found[0]["evalue"]
        assert name == "ExerciseFailed", (
            f"{grade_id} fails with {name}: {message}; a check must raise its own "
            "ExerciseFailed (use kerasedu.exercises.call_student on the student's code)"
        )
        assert message.strip(), f"{grade_id}: ExerciseFailed without a message"
        if path.parent.name == "zh":
            assert CJK.search(message), f"{grade_id}: English message in the zh notebook: {message}"


def test_exercise_section_is_the_imports_then_the_exercises():
    new = nbformat.v4
    cells = [new.new_markdown_cell("# Lesson"), new.new_code_cell("import numpy as np"),
             new.new_code_cell("x = train()"),
             new.new_markdown_cell("## Summary\n\n- ...\n\n## 练习\n\n### 练习 1"),
             new.new_code_cell("data = np.ones(3)"), new.new_code_cell("def f(): ...")]  # fmt: skip
    cells[-1].metadata["nbgrader"] = {"solution": True, "grade_id": "l09-ex1"}
    section = exercise_section(new.new_notebook(cells=cells))
    assert [c.source for c in section] == [c.source for c in cells[1:2] + cells[3:]]
