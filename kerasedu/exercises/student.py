"""Student versions of the lessons: solutions cleared, outputs cleared.

The same transformation as nbgrader's ``ClearSolutions`` and ``ClearOutput``
preprocessors (what ``nbgrader generate_assignment`` applies), without needing
nbgrader: in a cell whose nbgrader metadata says ``solution: true``, every
region from a ``### BEGIN SOLUTION`` line to its ``### END SOLUTION`` line
becomes nbgrader's stub at that region's indentation::

    # YOUR CODE HERE
    raise NotImplementedError()

(a solution cell without such a region is replaced by the stub as a whole),
and every cell's outputs and execution count are cleared.

Usage:
    python3 -m kerasedu.exercises.student SRC_DIR OUT_DIR

writes the student version of every ``*.ipynb`` under ``SRC_DIR`` to the same
relative path under ``OUT_DIR``.

Example:
    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell(
    ...     "def f(x):\\n    ### BEGIN SOLUTION\\n    return 2 * x\\n    ### END SOLUTION")
    >>> cell.metadata["nbgrader"] = {"solution": True, "grade": False, "grade_id": "ex1"}
    >>> nb = make_student_version(nbformat.v4.new_notebook(cells=[cell]))
    >>> print(nb.cells[0].source)
    def f(x):
        # YOUR CODE HERE
        raise NotImplementedError()
"""

import copy
import re
import sys
from pathlib import Path

import nbformat

BEGIN = "BEGIN SOLUTION"  # nbgrader's delimiters: a line containing them starts/ends a region
END = "END SOLUTION"
CODE_STUB = ["# YOUR CODE HERE", "raise NotImplementedError()"]  # nbgrader's Python stub
TEXT_STUB = ["YOUR ANSWER HERE"]  # nbgrader's stub for a Markdown answer


def is_solution_cell(cell):
    """Whether nbgrader's metadata marks ``cell`` as one the student fills in."""
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution", False))


def clear_solution_regions(source, stub):
    """Replace each BEGIN..END SOLUTION region of ``source`` by ``stub`` lines.

    Returns:
        ``(new_source, replaced)``: ``replaced`` says whether a region was found.

    Raises:
        ValueError: On a nested BEGIN or a BEGIN without its END (nbgrader refuses both).
    """
    lines, in_solution, replaced = [], False, False
    for line in source.split("\n"):
        if BEGIN in line:
            if in_solution:
                raise ValueError(f"nested {BEGIN!r} in:\n{source}")
            in_solution = replaced = True
            indent = re.match(r"\s*", line).group(0)  # the stub keeps the region's indentation
            lines.extend(indent + stub_line for stub_line in stub)
        elif END in line:
            in_solution = False
        elif not in_solution:
            lines.append(line)
    if in_solution:
        raise ValueError(f"{BEGIN!r} without {END!r} in:\n{source}")
    return "\n".join(lines), replaced


def make_student_version(nb):
    """Return a copy of notebook ``nb`` with solutions and outputs cleared.

    Args:
        nb: An ``nbformat`` NotebookNode (version 4), e.g. a lesson with its solutions.

    Returns:
        A new NotebookNode; ``nb`` is left unchanged.

    Raises:
        ValueError: If a solution region lies in a cell not marked as a solution
            cell (the student version would silently lose code), or is not closed.
    """
    student = copy.deepcopy(nb)
    for index, cell in enumerate(student.cells):
        stub = CODE_STUB if cell.cell_type == "code" else TEXT_STUB
        source, replaced = clear_solution_regions(cell.source, stub)
        if replaced and not is_solution_cell(cell):
            raise ValueError(f"cell {index} has a solution region but no nbgrader solution mark")
        if is_solution_cell(cell) and not replaced:
            source = "\n".join(stub)  # nbgrader clears an unmarked solution cell whole
        cell.source = source
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    student.metadata.pop("celltoolbar", None)
    return student


def write_student_versions(src_dir, out_dir):
    """Write the student version of every notebook under ``src_dir`` into ``out_dir``.

    Returns:
        The list of written paths.
    """
    src_dir, out_dir = Path(src_dir), Path(out_dir)
    written = []
    for path in sorted(src_dir.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        target = out_dir / path.relative_to(src_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(make_student_version(nbformat.read(path, as_version=4)), target)
        written.append(target)
    return written


def main(argv):
    """Command line: ``SRC_DIR OUT_DIR``; write the student version of every notebook."""
    if len(argv) != 2:
        print(__doc__.split("Example:")[0].strip(), file=sys.stderr)
        return 2
    for path in write_student_versions(*argv):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
