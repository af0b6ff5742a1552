"""Grade a class's notebooks without nbgrader: a score table per student and exercise.

Each student's notebooks are run from the top in a fresh kernel with a time
limit (`nbclient`), as nbgrader's ``autograde`` does; a check cell (nbgrader
metadata ``grade: true``) earns its points when it runs without an error. A
notebook that crashes its kernel or runs out of time keeps the points of the
checks that passed before, gets 0 for the others, and a note says why.

Usage:
    python3 -m kerasedu.exercises.grade SUBMISSIONS [--timeout SECONDS] [--csv FILE]
                                        [--source LESSONS]

``SUBMISSIONS`` holds one folder per student (every ``.ipynb`` inside is
graded) or one notebook per student (the student is the file's name).
``--source`` names the notebooks handed out (e.g. ``lessons/en``): a check
cell a student has edited is graded with its original, as nbgrader does.

Example:
    >>> rows = [Row("ana", {"l00-ex1-check": 1}), Row("bo", {}, ["timed out"])]
    >>> print(format_table(rows, {"l00-ex1-check": 1}))
    student  l00-ex1-check  total  notes
    ana      1              1
    bo       0              0      timed out
    (max)    1              1
"""

import argparse
import csv
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError


@dataclass
class Row:
    """One student's result: points earned per check (grade id) and notes."""

    student: str
    earned: dict
    notes: list = field(default_factory=list)


def check_cells(nb):
    """Return ``{cell index: (grade_id, points)}`` for the graded cells of ``nb``."""
    checks = {}
    for index, cell in enumerate(nb.cells):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade"):
            checks[index] = (meta.get("grade_id", f"cell-{index}"), meta.get("points", 0))
    return checks


def find_submissions(folder):
    """Return ``{student: [notebook paths]}``: one subfolder or one notebook per student."""
    submissions = {}
    for entry in sorted(Path(folder).iterdir()):
        if entry.is_dir() and not entry.name.startswith("."):
            paths = [
                p for p in sorted(entry.rglob("*.ipynb")) if ".ipynb_checkpoints" not in p.parts
            ]
            submissions[entry.name] = paths
        elif entry.suffix == ".ipynb":
            submissions[entry.stem] = [entry]
    return submissions


def run_notebook(nb, cwd, timeout):
    """Run ``nb``'s code cells in order, at most ``timeout`` seconds in all.

    Returns:
        ``(executed, note)``: the indices of the cells that ran to their end
        (with or without an error), and why the run stopped early (or ``None``).
    """
    deadline = [math.inf]  # set once the kernel has started: its start-up time is not counted
    client = NotebookClient(
        nb, allow_errors=True, kernel_name="python3", shutdown_kernel="immediate",
        resources={"metadata": {"path": str(cwd)}},
        timeout_func=lambda cell: max(1, math.ceil(deadline[0] - time.monotonic())),
    )  # fmt: skip
    executed, index = set(), None
    try:
        with client.setup_kernel():
            deadline[0] = time.monotonic() + timeout
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                if time.monotonic() >= deadline[0]:
                    raise CellTimeoutError("out of time")
                client.execute_cell(cell, index)
                executed.add(index)
    except CellTimeoutError:
        return executed, f"timed out after {timeout:g} s in cell {index}"
    except DeadKernelError:
        return executed, f"the kernel died in cell {index}"
    return executed, None


def first_error(nb, executed, checks):
    """Describe the first error raised by a cell that is not a check, or return ``None``."""
    for index in sorted(executed - set(checks)):
        for output in nb.cells[index].get("outputs", []):
            if output.get("output_type") == "error":
                return f"cell {index} raised {output.get('ename', 'an error')}"
    return None


def load_reference(folder):
    """Return ``{grade_id: check cell}`` from the teacher's notebooks (a folder or one file)."""
    folder = Path(folder)
    paths = [folder] if folder.suffix == ".ipynb" else sorted(folder.rglob("*.ipynb"))
    reference = {}
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        reference.update({grade_id: nb.cells[i] for i, (grade_id, _) in check_cells(nb).items()})
    return reference


def restore_checks(nb, reference):
    """Put the teacher's version of every check cell back into ``nb``; return what was edited."""
    edited = []
    for index, (grade_id, _) in check_cells(nb).items():
        original = reference.get(grade_id)
        if original is not None and nb.cells[index].source != original.source:
            nb.cells[index].source = original.source
            edited.append(grade_id)
        if original is not None:
            nb.cells[index].metadata["nbgrader"] = dict(original.metadata["nbgrader"])
    return [f"{grade_id} was edited: graded with the original check" for grade_id in edited]


def grade_notebook(path, timeout, reference=None):
    """Run the notebook at ``path``; return ``(earned, possible, notes)`` per grade id.

    ``reference`` (from `load_reference`) restores check cells a student has edited.
    """
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:  # grade what runs now, not what the student's file shows
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    notes = restore_checks(nb, reference) if reference else []
    checks = check_cells(nb)
    executed, stopped = run_notebook(nb, Path(path).parent, timeout)
    earned, possible = {}, {}
    for index, (grade_id, points) in checks.items():
        outputs = nb.cells[index].get("outputs", [])
        ok = index in executed and not any(o.get("output_type") == "error" for o in outputs)
        earned[grade_id], possible[grade_id] = (points if ok else 0), points
    notes += [note for note in (first_error(nb, executed, checks), stopped) if note]
    return earned, possible, notes


def grade_class(folder, timeout=60, source=None):
    """Grade every submission under ``folder``; return ``(rows, possible points per grade id)``.

    ``source``: the teacher's notebooks; their checks are the columns, and they
    replace any check cell a student has edited or deleted (deleted ones score 0).
    """
    reference = load_reference(source) if source else {}
    possible = {
        grade_id: cell.metadata["nbgrader"]["points"] for grade_id, cell in reference.items()
    }
    rows = []
    for student, paths in find_submissions(folder).items():
        row = Row(student, {})
        for path in paths:
            earned, points, notes = grade_notebook(path, timeout, reference)
            row.earned.update(earned)
            possible.update(points)
            prefix = f"{path.name}: " if len(paths) > 1 else ""
            row.notes.extend(prefix + note for note in notes)
        if not paths:
            row.notes.append("no notebook found")
        rows.append(row)
    return rows, possible


def table_rows(rows, possible):
    """The score table as lists of strings: a header, one line per student, then the maxima."""
    ids = list(possible)
    lines = [["student", *ids, "total", "notes"]]
    for row in rows:
        scores = [row.earned.get(grade_id, 0) for grade_id in ids]
        lines.append([row.student, *(f"{s:g}" for s in scores), f"{sum(scores):g}",
                      "; ".join(row.notes)])  # fmt: skip
    lines.append(["(max)", *(f"{possible[i]:g}" for i in ids), f"{sum(possible.values()):g}", ""])
    return lines


def format_table(rows, possible):
    """The score table as aligned text (columns two spaces apart)."""
    lines = table_rows(rows, possible)
    widths = [max(len(line[k]) for line in lines) for k in range(len(lines[0]))]
    return "\n".join(
        "  ".join(text.ljust(width) for text, width in zip(line, widths)).rstrip() for line in lines
    )


def write_csv(rows, possible, path):
    """Write the score table to the CSV file ``path``."""
    with open(path, "w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(table_rows(rows, possible))


def main(argv=None):
    """Command line: grade a folder of submissions; print the table, write the CSV if asked."""
    parser = argparse.ArgumentParser(
        prog="python3 -m kerasedu.exercises.grade", description=__doc__.split("\n")[0]
    )
    parser.add_argument("submissions", help="one folder or one notebook per student")
    parser.add_argument("--timeout", type=float, default=600,
                        help="seconds each notebook may run (default 600)")  # fmt: skip
    parser.add_argument("--csv", default="scores.csv", help="where to write the table")
    parser.add_argument("--source", help="the lessons with their original checks (folder or file)")
    args = parser.parse_args(argv)
    rows, possible = grade_class(args.submissions, args.timeout, args.source)
    print(format_table(rows, possible))
    write_csv(rows, possible, args.csv)
    print(f"\nwritten to {args.csv}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
