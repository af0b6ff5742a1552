"""The grading command on a made-up class: right, wrong, crashing and never-ending notebooks."""

import csv
import subprocess
import sys

import nbformat
import pytest

from kerasedu.exercises.grade import find_submissions, grade_class

TIMEOUT = 8  # seconds per notebook: the never-ending one costs this much

RIGHT = {
    "double": "def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION",
    "square": "def square(x):\n    ### BEGIN SOLUTION\n    return x * x\n    ### END SOLUTION",
}
CHECKS = {
    "double": "assert double(3) == 6, 'double(3) should be 6'",
    "square": "assert square(3) == 9, 'square(3) should be 9'",
}
STUB = "def {}(x):\n    # YOUR CODE HERE\n    raise NotImplementedError()"


def assignment(double=RIGHT["double"], square=RIGHT["square"], before=None):
    """The class's notebook: an intro cell, then two exercises (1 and 2 points)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                  "language": "python"}}  # fmt: skip
    cells = [nbformat.v4.new_markdown_cell("# Homework"), nbformat.v4.new_code_cell("import math")]
    if before:
        cells.append(nbformat.v4.new_code_cell(before))
    for k, (name, source, points) in enumerate([("double", double, 1), ("square", square, 2)]):
        answer, check = nbformat.v4.new_code_cell(source), nbformat.v4.new_code_cell(CHECKS[name])
        answer.metadata["nbgrader"] = {"grade": False, "grade_id": f"hw-ex{k + 1}",
                                       "locked": False, "schema_version": 3, "solution": True,
                                       "task": False}  # fmt: skip
        check.metadata["nbgrader"] = {"grade": True, "grade_id": f"hw-ex{k + 1}-check",
                                      "locked": True, "points": points, "schema_version": 3,
                                      "solution": False, "task": False}  # fmt: skip
        cells += [answer, check]
    nb.cells = cells
    return nb


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    """ana and ben hand in folders, the others single notebooks; return the folder."""
    root = tmp_path_factory.mktemp("submissions")
    wrong_square = "def square(x):\n    return 2 * x  # a typical slip"
    submissions = {
        "ana/homework.ipynb": assignment(),
        "ben/homework.ipynb": assignment(square=wrong_square),
        "cai.ipynb": assignment(before="import os\nos._exit(1)  # the kernel dies"),
        "dora.ipynb": assignment(double="ratio = 1 / 0\n" + RIGHT["double"]),
        "eve.ipynb": assignment(square="while True:\n    pass\n" + RIGHT["square"]),
        "finn.ipynb": assignment(double=STUB.format("double"), square=STUB.format("square")),
        "gil.ipynb": assignment(double="def double(x):\n    return x + 2  # right for 2 only"),
    }
    submissions["gil.ipynb"].cells[3].source = "pass  # the check, emptied"
    for name, nb in submissions.items():
        (root / name).parent.mkdir(exist_ok=True)
        nb.cells[-1].outputs = [nbformat.v4.new_output("stream", text="stale output\n")]
        nbformat.write(nb, root / name)
    (root / "notes.txt").write_text("not a submission")
    return root


EXPECTED = [
    ["student", "hw-ex1-check", "hw-ex2-check", "total", "notes"],
    ["ana", "1", "2", "3", ""],
    ["ben", "1", "0", "1", ""],
    ["cai", "0", "0", "0", "the kernel died in cell 2"],
    ["dora", "0", "2", "2", "cell 2 raised ZeroDivisionError"],
    ["eve", "1", "0", "1", f"timed out after {TIMEOUT} s in cell 4"],
    ["finn", "0", "0", "0", ""],
    ["gil", "0", "2", "2", "hw-ex1-check was edited: graded with the original check"],
    ["(max)", "1", "2", "3", ""],
]


def test_submissions_are_one_folder_or_one_notebook_per_student(classroom):
    found = find_submissions(classroom)
    assert list(found) == ["ana", "ben", "cai", "dora", "eve", "finn", "gil"]
    assert [p.name for p in found["ana"]] == ["homework.ipynb"]


def test_the_command_prints_and_writes_the_exact_score_table(classroom, tmp_path):
    table, handout = tmp_path / "scores.csv", tmp_path / "homework.ipynb"
    nbformat.write(assignment(), handout)
    result = subprocess.run(
        [sys.executable, "-m", "kerasedu.exercises.grade", str(classroom),
         "--timeout", str(TIMEOUT), "--csv", str(table), "--source", str(handout)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with open(table, newline="", encoding="utf-8") as file:
        assert list(csv.reader(file)) == EXPECTED
    printed = [line.split() for line in result.stdout.splitlines()[: len(EXPECTED)]]
    assert printed[0] == EXPECTED[0]
    assert printed[4][:4] == ["dora", "0", "2", "2"]
    assert " ".join(printed[5][4:]) == f"timed out after {TIMEOUT} s in cell 4"


def test_a_missing_notebook_is_noted(tmp_path):
    (tmp_path / "gus").mkdir()
    rows, possible = grade_class(tmp_path, timeout=TIMEOUT)
    assert possible == {} and rows[0].notes == ["no notebook found"]


def test_without_the_source_an_emptied_check_counts(tmp_path):
    nb = assignment(double="def double(x):\n    return x + 2")
    nb.cells[3].source = "pass"
    nbformat.write(nb, tmp_path / "gil.ipynb")
    rows, possible = grade_class(tmp_path, timeout=TIMEOUT)
    assert rows[0].earned == {"hw-ex1-check": 1, "hw-ex2-check": 2} and rows[0].notes == []
