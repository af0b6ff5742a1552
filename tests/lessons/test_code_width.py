"""Lesson code fits the site's code column: at most 88 columns a line, in both languages.

A Chinese character takes two columns on screen (East Asian "wide"), so widths are
counted as a terminal or the site's monospace font shows them, not as characters.
"""

import json
import unicodedata
from pathlib import Path

import pytest

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
MAX_COLUMNS = 88
NOTEBOOKS = sorted(LESSONS.glob("*/[0-9][0-9]-*.ipynb"))


def display_width(text):
    """Columns ``text`` takes on screen: two for each wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_display_width_counts_chinese_characters_twice():
    assert display_width("abc") == 3
    assert display_width("学习率") == 6


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_code_lines_fit_in_88_columns(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    too_wide = [
        f"cell {index}: {display_width(line)} columns: {line.strip()[:50]}"
        for index, cell in enumerate(cells)
        if cell["cell_type"] == "code"
        for line in "".join(cell["source"]).splitlines()
        if display_width(line) > MAX_COLUMNS
    ]
    assert not too_wide, "lines wider than the site's code column:\n" + "\n".join(too_wide)
