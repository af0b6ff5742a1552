"""Rewrite the line numbers of the guided tour (site/tour.md, site/tour.en.md) after code moved.

tests/site/test_tour.py fails when a function named by the tour is no longer at
the lines the tour gives. If the function only moved (read the step again to be
sure its text still describes the code), run this to write the new lines:

    python3 tools/update_tour.py
"""

import importlib
import inspect
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "site" / "tour.md", ROOT / "site" / "tour.en.md"]
STEP = re.compile(
    r"(?P<link>\[`(?P<name>[\w.]+)`\]\[[\w.]+\]\s+)"
    r"`(?P<path>kerasedu/[\w/]+\.py):\d+-\d+`"
)


def current_lines(path, name):
    """``(first, last)`` line of ``name`` (``Trainer.fit``) in the module at ``path``."""
    obj = importlib.import_module(path[: -len(".py")].replace("/", ".").removesuffix(".__init__"))
    for part in name.split("."):
        obj = getattr(obj, part)
    lines, first = inspect.getsourcelines(inspect.unwrap(obj))
    return first, first + len(lines) - 1


def rewrite(match):
    first, last = current_lines(match["path"], match["name"])
    return f"{match['link']}`{match['path']}:{first}-{last}`"


def main():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        updated = STEP.sub(rewrite, text)
        if updated != text:
            page.write_text(updated, encoding="utf-8")
            print(f"updated {page.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
