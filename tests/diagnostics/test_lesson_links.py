"""Every link a TeachingWarning can print leads to a lesson that has that section.

The anchors are collected from the code itself: every ``teach(..., anchor=...)``
call in the kerasedu package (read with ``ast``) and the table
``kerasedu.diagnostics.LESSON_OF_SECTION``. For each one a warning is really
emitted in English and in Chinese, and the link it prints is followed: the
notebook it names must exist in lessons/en and lessons/zh and hold
``<a id="anchor">`` in a Markdown cell, under the lesson number it gives.
"""

import ast
import json
import re
import warnings
from pathlib import Path

import pytest

import kerasedu
import kerasedu.diagnostics as diagnostics
from kerasedu.diagnostics import LESSON_OF_SECTION, TeachingWarning, teach

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(kerasedu.__file__).resolve().parent
LINK = {
    "en": re.compile(
        r"See lesson (\d\d) \(lessons/en/([\w-]+)\.ipynb; on the course site: lessons/([\w-]+)/\)"
        r"(?:, section #([\w-]+))?$"
    ),
    "zh": re.compile(
        r"参见第 (\d\d) 课（lessons/zh/([\w-]+)\.ipynb；课程网站：lessons/([\w-]+)/）"
        r"(?:的 #([\w-]+) 一节)?$"
    ),
}


def anchors_in_code():
    """``{anchor: "file:line"}`` for every string ``anchor=`` given to ``teach`` in kerasedu."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name != "teach":
                continue
            values = [k.value for k in node.keywords if k.arg == "anchor"] + node.args[3:4]
            for value in values:
                assert isinstance(value, ast.Constant), f"{path}:{node.lineno}: anchor not literal"
                found[value.value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


CODE_ANCHORS = anchors_in_code()
ALL_ANCHORS = sorted(set(CODE_ANCHORS) | set(LESSON_OF_SECTION) | {""})


def printed_link(anchor, lang):
    """The last line of a real TeachingWarning for ``anchor`` in ``lang``: its link."""
    diagnostics.set_language(lang)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            teach("input_scale", "English text.", "中文内容。", anchor=anchor)
    finally:
        diagnostics.set_language("both")
    (warning,) = [w for w in caught if issubclass(w.category, TeachingWarning)]
    return str(warning.message).splitlines()[-1].strip()


def anchors_of(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return set(re.findall(r'<a id="([\w-]+)"', text))


def test_the_code_uses_anchors_and_every_one_is_in_the_table():
    assert len(CODE_ANCHORS) >= 5, CODE_ANCHORS  # the ast scan really finds the checks
    missing = {a: where for a, where in CODE_ANCHORS.items() if a not in LESSON_OF_SECTION}
    assert not missing, f"anchors used without a lesson in LESSON_OF_SECTION: {missing}"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("anchor", ALL_ANCHORS, ids=lambda a: a or "no-section")
def test_every_printed_link_leads_to_its_section(anchor, lang):
    line = printed_link(anchor, lang)
    match = LINK[lang].search(line)
    assert match, f"the warning's link line does not have the expected form: {line!r}"
    number, stem, site_stem, section = match.groups()
    assert stem == site_stem and stem.startswith(number + "-"), line
    assert (section or "") == anchor, line
    for notebook_lang in ("en", "zh"):
        notebook = ROOT / "lessons" / notebook_lang / f"{stem}.ipynb"
        assert notebook.exists(), f"{line!r} names {notebook}, which does not exist"
        if anchor:
            assert anchor in anchors_of(notebook), f"{notebook} has no <a id={anchor!r}>"


def test_the_linked_lessons_are_on_the_course_map():
    table = (ROOT / "site_hooks" / "lessons.yml").read_text(encoding="utf-8")
    stems = set(re.findall(r"^- stem: (\S+)$", table, re.M))
    assert set(LESSON_OF_SECTION.values()) <= stems


def test_a_section_moved_to_another_lesson_is_linked_there():
    # the check above is not vacuous: lesson 05 has no #learning-rate section any more
    assert "learning-rate" not in anchors_of(ROOT / "lessons" / "en" / "05-pitfalls.ipynb")
    assert "07-pitfalls-training" in printed_link("learning-rate", "en")
