"""Run every lesson notebook top to bottom (without writing it) and print its time.

Each lesson must run in under 2 minutes per language on a two-core CPU. Run this on
an idle machine:

    python3 tools/time_lessons.py
"""

import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

LESSONS = Path(__file__).resolve().parent.parent / "lessons"


def main():
    for path in sorted(LESSONS.glob("*/[0-9][0-9]-*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(
            notebook,
            timeout=600,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        )
        start = time.time()
        client.execute()
        print(f"{path.relative_to(LESSONS)}: {time.time() - start:.1f} s", flush=True)


if __name__ == "__main__":
    main()
