"""MkDocs hook: render the lesson notebooks and expand the API page markers.

Registered in ``mkdocs.yml`` under ``hooks:``. It does three things:

1. Before each build, every ``lessons/<lang>/NN-name.ipynb`` is converted to
   Markdown with nbconvert (stored outputs kept, plots extracted as PNG files)
   into ``site/lessons/``, a folder that only this hook writes (git-ignored).
   File names follow mkdocs-static-i18n's suffix convention: the Chinese page is
   ``NN-name.md``, the English one ``NN-name.en.md``. The notebook itself and
   its student version are written next to its page for download (see
   ``lesson_page.py``). Files are written only when their content changed, so
   ``mkdocs serve`` does not rebuild forever.
2. The "课程 / Lessons" nav section (the list holding ``course.md``) gets one
   entry per lesson found, so the nav follows whatever lessons exist.
3. In pages, ``<!-- course-map -->`` becomes the table of the lessons in
   ``lessons.yml`` (summary, prerequisites, student time), and
   ``<!-- api: kerasedu.x kerasedu.y -->`` becomes one mkdocstrings block per
   module named, submodules included (so a new module shows up in the
   reference without editing the page).

Set ``KERASEDU_LESSONS_DIR`` to render notebooks from another folder (the tests
use this with small fixture notebooks while ``lessons/`` is still empty).
"""

import importlib.util
import logging
import os
import re
from pathlib import Path

import yaml
from lesson_page import DEFAULT_LANGUAGE, notebook_title, render_notebook

log = logging.getLogger("mkdocs.hooks.notebooks")

LANGUAGES = ("zh", "en")
GENERATED = "lessons"  # folder inside docs_dir owned by this hook
LESSON_PATTERN = re.compile(r"^\d\d-[a-z0-9-]+$")
TABLE = Path(__file__).with_name("lessons.yml")  # prerequisites, student time, summary

TEXT = {
    "zh": {
        "map_head": "| 课 | 内容 | 先修 | 学生用时 |\n| --- | --- | --- | --- |",
        "minutes": "{} 分钟",
        "total": "全部 {} 课合计约 {} 小时（阅读、运行、做练习）。",
        "missing": "即将推出",
    },
    "en": {
        "map_head": "| Lesson | What you learn | Prerequisites | Student time |\n"
        "| --- | --- | --- | --- |",
        "minutes": "{} min",
        "total": "All {} lessons: about {} hours in all (reading, running, exercises).",
        "missing": "coming soon",
    },
}

_cache = {}  # notebook path -> (mtimes, rendered files); survives the per-language builds


def lesson_table():
    """``{stem: entry}`` from lessons.yml, in course order."""
    with open(TABLE, encoding="utf-8") as file:
        return {entry["stem"]: entry for entry in yaml.safe_load(file)}


def lessons_dir(config):
    """Return the folder holding ``zh/`` and ``en/`` lesson notebooks."""
    override = os.environ.get("KERASEDU_LESSONS_DIR")
    if override:
        return Path(override).resolve()
    return Path(config["config_file_path"]).resolve().parent / "lessons"


def find_lessons(config):
    """Return ``{stem: {lang: path}}`` for every ``NN-name.ipynb`` in both languages."""
    found = {}
    for lang in LANGUAGES:
        for path in sorted((lessons_dir(config) / lang).glob("*.ipynb")):
            if LESSON_PATTERN.match(path.stem):
                found.setdefault(path.stem, {})[lang] = path
    complete = {}
    for stem, by_lang in sorted(found.items()):
        if len(by_lang) == len(LANGUAGES):
            complete[stem] = by_lang
        else:
            # Each language is built with its own nav: a one-language lesson would
            # leave a dead nav entry in the other. Wait for both versions.
            log.info("Lesson %s exists only in %s: not on the site yet", stem, list(by_lang))
    return complete


def write_if_changed(path, data):
    """Write ``data`` unless the file already holds exactly that."""
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def generate(config):
    """Render all lessons into ``docs_dir/lessons``; remove stale files."""
    out = Path(config["docs_dir"]) / GENERATED
    wanted = {
        ".gitignore": b"# Written by site_hooks/notebooks.py at build time.\n*\n!.gitignore\n"
    }
    table = lesson_table()
    for stem, by_lang in find_lessons(config).items():
        for lang, path in by_lang.items():
            mtime = (path.stat().st_mtime_ns, TABLE.stat().st_mtime_ns)
            if _cache.get(path, (None,))[0] != mtime:
                files = render_notebook(path, stem, lang, by_lang, table.get(stem))
                _cache[path] = (mtime, files)
            wanted.update(_cache[path][1])
    for name, data in wanted.items():
        write_if_changed(out / name, data)
    for path in sorted(out.rglob("*"), reverse=True):
        relative = path.relative_to(out).as_posix()
        if path.is_file() and relative not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def find_course_section(items):
    """Return the nav list that contains ``course.md``, or ``None``."""
    for item in items:
        children = list(item.values())[0] if isinstance(item, dict) else None
        if isinstance(children, list):
            if "course.md" in children:
                return children
            section = find_course_section(children)
            if section is not None:
                return section
    return None


def on_config(config):
    """Fill the lessons nav section with the lessons that exist."""
    section = find_course_section(config["nav"] or [])
    if section is not None:
        lessons = [f"{GENERATED}/{stem}.md" for stem in find_lessons(config)]
        section[:] = ["course.md"] + lessons
    return config


def on_pre_build(config):
    """Convert the notebooks before MkDocs collects the docs files."""
    generate(config)


def on_serve(server, config, builder):
    """Rebuild when a notebook or the lesson table changes during ``mkdocs serve``."""
    server.watch(str(TABLE))
    folder = lessons_dir(config)
    if folder.is_dir():
        server.watch(str(folder))
    return server


def current_language(config):
    """The language being built (mkdocs-static-i18n builds one after the other)."""
    plugin = config["plugins"].get("i18n")
    language = getattr(plugin, "current_language", None)
    return language or DEFAULT_LANGUAGE


def lesson_link(stem, by_lang, lang):
    """Markdown link to a lesson page, titled in ``lang`` where possible."""
    path = by_lang.get(lang) or next(iter(by_lang.values()))
    return f"[{notebook_title(path, stem)}]({GENERATED}/{stem}.md)"


def course_map(config, lang):
    """Markdown table of the lessons in lessons.yml (linked when they exist), then any others."""
    present = find_lessons(config)
    text = TEXT[lang]
    rows = [text["map_head"]]
    table = lesson_table()
    for stem, entry in table.items():
        words = entry[lang]
        minutes = text["minutes"].format(entry["minutes"])
        if stem in present:
            name = lesson_link(stem, present[stem], lang)
        else:
            name, minutes = stem, f"{minutes} ({text['missing']})"
        rows.append(f"| {name} | {words['summary']} | {words['prerequisites']} | {minutes} |")
    for stem in present:
        if stem not in table:
            rows.append(f"| {lesson_link(stem, present[stem], lang)} | | | |")
    hours = sum(entry["minutes"] for entry in table.values()) / 60
    total = text["total"].format(len(table), f"{hours:.0f}")
    return "\n".join(rows) + "\n\n" + total + "\n"


def module_exists(name):
    """Whether Griffe can load ``name``: a module, or a folder with ``__init__.py``."""
    try:
        spec = importlib.util.find_spec(name)
    except ImportError:
        return False
    # A folder without __init__.py (a namespace package) cannot be loaded yet.
    return spec is not None and spec.origin is not None


def api_blocks(names):
    """mkdocstrings blocks for the modules ``names``, their submodules included."""
    blocks = []
    for name in names:
        if not module_exists(name):
            log.info("API page: %s does not exist yet", name)
            blocks.append(f'!!! note "`{name}`"\n    This module is not written yet.\n')
            continue
        # Submodules are rendered from Griffe's own view of the package, so a new
        # module appears without editing the page.
        blocks.append(
            f"::: {name}\n    options:\n      show_root_heading: true\n"
            "      show_submodules: true\n"
        )
    return "\n".join(blocks)


API_MARKER = re.compile(r"^<!-- api: ([\w. ]+) -->$", flags=re.MULTILINE)
API_ZH_NOTE = (
    '!!! info "本页为英文"\n    API 参考直接由源代码中的英文文档字符串（docstring）生成，'
    "因此只有英文版。术语对照见[术语表](../glossary.md)。\n\n"
)


def on_page_markdown(markdown, page, config, files):
    """Expand the course map and API markers."""
    lang = current_language(config)
    if "<!-- course-map -->" in markdown:
        markdown = markdown.replace("<!-- course-map -->", course_map(config, lang))
    markdown = API_MARKER.sub(lambda m: api_blocks(m.group(1).split()), markdown)
    if page.file.src_uri.startswith("api/") and lang == "zh":
        markdown = re.sub(
            r"^(# .+\n)",
            lambda m: m.group(1) + "\n" + API_ZH_NOTE,
            markdown,
            count=1,
            flags=re.MULTILINE,
        )
    return markdown
