"""The site builds with ``mkdocs build --strict`` and holds what it promises."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
API_MARKER = re.compile(r"<!-- api: ([\w. ]+) -->")


def test_strict_build_succeeds(built_site):
    output = built_site.result.stdout + built_site.result.stderr
    assert built_site.result.returncode == 0, output[-5000:]
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    assert warnings == []


def test_build_prints_no_unrecognized_links(built_site):
    # MkDocs reports Markdown links it cannot resolve at INFO level; a link that works must not
    # be reported, or the real broken ones drown in the noise.
    output = built_site.result.stdout + built_site.result.stderr
    assert "unrecognized relative link" not in output, output[-5000:]


def test_home_pages_exist_in_both_languages(built_site):
    zh = built_site.page("")
    en = built_site.page("en")
    assert '<html lang="zh"' in zh
    assert '<html lang="en"' in en
    assert "课程地图" in zh and "从这里开始" in zh
    assert "Course map" in en and "Start here" in en


def test_every_lesson_is_rendered_in_both_languages(built_site):
    assert built_site.lessons, "no lessons (not even the fixtures) were found"
    for stem in built_site.lessons:
        for prefix in ("", "en/"):
            html = built_site.page(f"{prefix}lessons/{stem}")
            assert f'href="../{stem}.ipynb"' in html  # download the notebook with solutions
            assert f'href="../{stem}-student.ipynb"' in html  # and the student version
            for name in (f"{stem}.ipynb", f"{stem}-student.ipynb"):
                assert (built_site.path / f"{prefix}lessons/{name}").is_file()
        assert f'href="../../en/lessons/{stem}/"' in built_site.page(f"lessons/{stem}")
        assert f'href="../../../lessons/{stem}/"' in built_site.page(f"en/lessons/{stem}")


def test_lesson_images_exist(built_site):
    images = 0
    for stem in built_site.lessons:
        for prefix in ("", "en/"):
            page_dir = built_site.path / f"{prefix}lessons/{stem}"
            html = (page_dir / "index.html").read_text(encoding="utf-8")
            for src in re.findall(r'<img[^>]* src="([^"]+\.png)"', html):
                images += 1
                assert (page_dir / src).resolve().is_file(), f"{stem}: missing {src}"
    assert images > 0, "no lesson has a plot"


def test_lessons_are_in_the_nav(built_site):
    home = built_site.page("")
    for stem in built_site.lessons:
        assert f'href="lessons/{stem}/"' in home


def public_definitions(module):
    """Public classes and functions defined at the top of a module (read, not imported)."""
    path = ROOT / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = ROOT / module.replace(".", "/") / "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    kinds = (ast.ClassDef, ast.FunctionDef)
    return [
        node.name for node in tree.body if isinstance(node, kinds) and not node.name.startswith("_")
    ]


def api_pages():
    """(page name, modules it documents) from the API page sources."""
    pages = []
    for path in sorted((ROOT / "site" / "api").glob("*.md")):
        match = API_MARKER.search(path.read_text(encoding="utf-8"))
        if match:
            pages.append((path.stem, match.group(1).split()))
    return pages


# mkdocstrings' section and table labels in Chinese (Parameters, Examples, Name, Type, Description).
CHINESE_API_LABELS = ["参数", "示例", "名称", "类型", "描述"]


def test_api_labels_speak_the_page_language(built_site):
    zh, en = built_site.page("api/layers"), built_site.page("en/api/layers")
    for label in CHINESE_API_LABELS:
        assert label not in en, f"the English API page says {label}"
    assert "参数" in zh and "示例" in zh
    assert "Parameters" in en and "Examples" in en


@pytest.mark.parametrize("page, packages", api_pages())
def test_api_pages_contain_documented_names(built_site, page, packages):
    html_by_lang = {"zh": built_site.page(f"api/{page}"), "en": built_site.page(f"en/api/{page}")}
    assert "本页为英文" in html_by_lang["zh"]
    checked = 0
    for package in packages:
        folder = ROOT / package.replace(".", "/")
        if (folder / "__init__.py").exists():
            modules = [package] + [
                f"{package}.{p.stem}"
                for p in sorted(folder.glob("*.py"))
                if not p.stem.startswith("_")
            ]
        elif folder.with_suffix(".py").exists():
            modules = [package]
        else:
            continue  # not written yet: the page says so
        for module in modules:
            for name in public_definitions(module):
                for html in html_by_lang.values():
                    assert f'id="{module}.{name}"' in html, f"{module}.{name} missing on {page}"
                checked += 1
    if checked == 0:
        pytest.skip(f"no module of {packages} exists yet")
