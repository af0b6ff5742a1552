"""The student versions: solutions and outputs cleared exactly as nbgrader clears them."""

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from kerasedu.exercises.student import make_student_version, write_student_versions

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
SOLUTION_META = {"grade": False, "grade_id": "t-ex1", "locked": False, "schema_version": 3,
                 "solution": True, "task": False}  # fmt: skip
CHECK_META = {"grade": True, "grade_id": "t-ex1-check", "locked": True, "points": 2,
              "schema_version": 3, "solution": False, "task": False}  # fmt: skip
SOLUTION = """import numpy as np

def double(x):
    \"\"\"Twice x.\"\"\"
    ### BEGIN SOLUTION
    y = 2 * x
    return y
    ### END SOLUTION

class Step:
    def __call__(self, w):
        if w > 0:
            ### BEGIN SOLUTION
            return w - 1
            ### END SOLUTION
        return w"""


def made_up_notebook():
    """A notebook with every case: regions at two indentations, a whole-cell answer, outputs."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                  "language": "python"}}  # fmt: skip
    plain = nbformat.v4.new_code_cell("print('hello')", execution_count=1)
    plain.outputs = [nbformat.v4.new_output("stream", text="hello\n")]
    solution = nbformat.v4.new_code_cell(SOLUTION, execution_count=2)
    solution.metadata["nbgrader"] = dict(SOLUTION_META)
    whole = nbformat.v4.new_code_cell("answer = 42", execution_count=3)
    whole.metadata["nbgrader"] = dict(SOLUTION_META, grade_id="t-ex2")
    check = nbformat.v4.new_code_cell("assert double(2) == 4", execution_count=4)
    check.metadata["nbgrader"] = dict(CHECK_META)
    check.outputs = [nbformat.v4.new_output("stream", text="ok\n")]
    nb.cells = [nbformat.v4.new_markdown_cell("# A lesson"), plain, solution, whole, check]
    return nb


def test_solution_regions_become_the_stub_at_their_indentation():
    student = make_student_version(made_up_notebook())
    assert student.cells[2].source == "\n".join([
        "import numpy as np", "", "def double(x):", '    """Twice x."""',
        "    # YOUR CODE HERE", "    raise NotImplementedError()", "", "class Step:",
        "    def __call__(self, w):", "        if w > 0:", "            # YOUR CODE HERE",
        "            raise NotImplementedError()", "        return w",
    ])  # fmt: skip
    assert student.cells[3].source == "# YOUR CODE HERE\nraise NotImplementedError()"


def test_outputs_are_cleared_and_the_rest_kept():
    original = made_up_notebook()
    student = make_student_version(original)
    for cell in student.cells[1:]:
        assert cell.outputs == [] and cell.execution_count is None
    assert student.cells[1].source == "print('hello')"
    assert student.cells[4].source == "assert double(2) == 4"
    assert student.cells[4].metadata["nbgrader"] == CHECK_META
    assert original.cells[2].source == SOLUTION, "the original notebook must not change"
    assert original.cells[1].outputs


@pytest.mark.parametrize(
    ("source", "solution", "message"),
    [
        ("### BEGIN SOLUTION\nx = 1\n### END SOLUTION", False, "no nbgrader solution mark"),
        ("### BEGIN SOLUTION\nx = 1", True, "without"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", True, "nested"),
    ],
)
def test_malformed_regions_are_refused(source, solution, message):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    nb.cells[0].metadata["nbgrader"] = dict(SOLUTION_META, solution=solution)
    with pytest.raises(ValueError, match=message):
        make_student_version(nb)


def test_the_command_writes_every_lesson(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kerasedu.exercises.student", str(LESSONS), str(tmp_path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.ipynb"))
    expected = sorted(p.relative_to(LESSONS) for p in LESSONS.glob("[ez][nh]/*.ipynb"))
    assert written == expected and len(result.stdout.splitlines()) == len(expected)
    assert write_student_versions(tmp_path / "missing", tmp_path / "out") == []


def cells_as_student_sees_them(nb):
    return [(c.cell_type, c.source, c.get("outputs", [])) for c in nb.cells]


def lesson_notebooks():
    return sorted(LESSONS.glob("[ez][nh]/*.ipynb"))


@pytest.mark.parametrize("path", lesson_notebooks(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_as_nbgrader_clear_solutions(path):
    """nbgrader's own preprocessors (those generate_assignment applies) give the same cells."""
    preprocessors = pytest.importorskip("nbgrader.preprocessors")  # in the dev extra
    nb = nbformat.read(path, as_version=4)
    theirs, resources = nbformat.from_dict(nb), {}
    for step in (preprocessors.ClearSolutions(), preprocessors.ClearOutput()):
        theirs, resources = step.preprocess(theirs, resources)
    assert cells_as_student_sees_them(make_student_version(nb)) == cells_as_student_sees_them(
        theirs
    )


def test_same_as_nbgrader_generate_assignment(tmp_path):
    """A teacher's `nbgrader generate_assignment` on a lesson releases the same cells."""
    pytest.importorskip("nbgrader")
    lesson = next(p for p in lesson_notebooks() if "06-" in p.name and p.parent.name == "en")
    source = tmp_path / "source" / "lesson06"
    source.mkdir(parents=True)
    (source / lesson.name).write_bytes(lesson.read_bytes())
    subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", "lesson06",
         f"--CourseDirectory.root={tmp_path}",
         f"--CourseDirectory.db_url=sqlite:///{tmp_path / 'gradebook.db'}"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )  # fmt: skip
    released = nbformat.read(tmp_path / "release" / "lesson06" / lesson.name, as_version=4)
    ours = make_student_version(nbformat.read(lesson, as_version=4))
    assert any("raise NotImplementedError()" in c.source for c in ours.cells), "no exercises?"
    assert cells_as_student_sees_them(ours) == cells_as_student_sees_them(released)
