"""What each lesson page offers: downloads, its prerequisites and time, formulas, plot alt texts."""

import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TABLE = yaml.safe_load((ROOT / "site_hooks" / "lessons.yml").read_text(encoding="utf-8"))
PREFIXES = {"zh": "", "en": "en/"}
BOX_WORDS = {"zh": ("先修", "学生用时"), "en": ("Prerequisites", "Student time")}


def lesson_pages(built_site):
    """(stem, language, page folder, HTML) for every rendered lesson page."""
    for stem in built_site.lessons:
        for lang, prefix in PREFIXES.items():
            folder = built_site.path / f"{prefix}lessons/{stem}"
            yield stem, lang, folder, (folder / "index.html").read_text(encoding="utf-8")


def test_student_download_is_the_student_version(built_site):
    for stem, lang, folder, _ in lesson_pages(built_site):
        solutions = json.loads((folder.parent / f"{stem}.ipynb").read_text(encoding="utf-8"))
        student = json.loads((folder.parent / f"{stem}-student.ipynb").read_text(encoding="utf-8"))
        original = built_site.lessons_dir / lang / f"{stem}.ipynb"
        assert solutions == json.loads(original.read_text(encoding="utf-8"))
        assert len(student["cells"]) == len(solutions["cells"])
        text = json.dumps(student)
        assert "BEGIN SOLUTION" not in text, f"{stem} ({lang}): a solution is left"
        assert not any(cell.get("outputs") for cell in student["cells"]), f"{stem}: outputs"
        if "BEGIN SOLUTION" in json.dumps(solutions):
            assert "raise NotImplementedError()" in text


def test_solutions_are_folded_on_the_page(built_site):
    folded = 0
    for stem, lang, _, html in lesson_pages(built_site):
        assert "BEGIN SOLUTION" not in html, f"{stem} ({lang}) shows nbgrader's markers"
        folded += html.count('<details class="tip">')
    if not built_site.using_fixtures:
        assert folded > 0, "no lesson page has a folded solution"


def test_lesson_pages_state_prerequisites_and_time(built_site):
    if built_site.using_fixtures:
        pytest.skip("the fixture lessons are not in site_hooks/lessons.yml")
    entries = {entry["stem"]: entry for entry in TABLE}
    for stem, lang, _, html in lesson_pages(built_site):
        text = unescape(re.sub(r"<[^>]+>", "", html))
        for word in BOX_WORDS[lang]:
            assert word in text, f"{stem} ({lang}) does not say {word}"
        if stem in entries:
            assert str(entries[stem]["minutes"]) in text


def test_every_lesson_is_in_the_table():
    lessons = {path.stem for path in (ROOT / "lessons" / "zh").glob("[0-9][0-9]-*.ipynb")}
    missing = lessons - {entry["stem"] for entry in TABLE}
    assert not missing, f"add {sorted(missing)} to site_hooks/lessons.yml"


def test_formulas_are_mathml(built_site):
    formulas = 0
    for stem, lang, _, html in lesson_pages(built_site):
        assert 'arithmatex">\\(' not in html and 'arithmatex">\\[' not in html, stem
        formulas += html.count("<math ")
    for path in built_site.path.rglob("*.html"):
        # No page loads MathJax (or any script) from a CDN: the site must work offline.
        assert not re.search(r'<script[^>]+src="https?://', path.read_text(encoding="utf-8"))
    assert formulas > 0, "no lesson has a formula"


def test_plots_have_alt_text_in_the_page_language(built_site):
    images = 0
    for stem, lang, _, html in lesson_pages(built_site):
        for alt in re.findall(r'<img alt="([^"]*)" src="[^"]*output_', html):
            images += 1
            assert unescape(alt).strip() not in ("", "png"), f"{stem} ({lang}): alt={alt!r}"
            has_chinese = re.search(r"[\u4e00-\u9fff]", alt) is not None
            if lang == "en":
                assert not has_chinese, f"{stem} (en): alt={alt!r}"
    assert images > 0, "no lesson has a plot"
