"""MkDocs hook: render the lesson notebooks and expand the API page markers.

Registered in ``mkdocs.yml`` under ``hooks:``. It does three things:

1. Before each build, every ``lessons/<lang>/NN-name.ipynb`` is converted to
   Markdown with nbconvert (stored outputs kept, plots extracted as PNG files)
   into ``site/lessons/``, a folder that only this hook writes (git-ignored).
   File names follow mkdocs-static-i18n's suffix convention: the Chinese page is
   ``NN-name.md``, the English one ``NN-name.en.md``. The notebook itself is
   copied next to its page so readers can download it. Files are written only
   when their content changed, so ``mkdocs serve`` does not rebuild forever.
2. The "课程 / Lessons" nav section (the list holding ``course.md``) gets one
   entry per lesson found, so the nav follows whatever lessons exist.
3. In pages, ``<!-- course-map -->`` becomes a table of the lessons found, and
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

log = logging.getLogger("mkdocs.hooks.notebooks")

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
GENERATED = "lessons"  # folder inside docs_dir owned by this hook
LESSON_PATTERN = re.compile(r"^\d\d-[a-z0-9-]+$")
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

TEXT = {
    "zh": {
        "download": "下载本课的 notebook（.ipynb）",
        "other": "Read this lesson in English",
        "note": "本页由 notebook 自动生成，显示的是提交时保存的运行结果。",
        "map_head": "| 课 | 内容 |\n| --- | --- |",
        "missing": "即将推出",
    },
    "en": {
        "download": "Download this lesson's notebook (.ipynb)",
        "other": "阅读本课的中文版",
        "note": "This page is generated from the notebook; it shows the outputs "
        "stored when the notebook was committed.",
        "map_head": "| Lesson | What you learn |\n| --- | --- |",
        "missing": "coming soon",
    },
}

# One line per planned lesson for the course map; lessons not listed here are
# still rendered (with their notebook title) when they exist.
COURSE = [
    (
        "00-getting-started",
        "快速入门：搭建、编译、训练、预测四步；样本、批次与轮次；CPU 与 GPU",
        "Getting started: build, compile, fit, predict; samples, batches, epochs; CPU and GPU",
    ),
    (
        "01-linear-regression",
        "线性回归：用一个 Dense 层拟合直线，看清 SGD 如何一步步逼近",
        "Linear regression: fit a line with one Dense layer and watch SGD get there",
    ),
    (
        "02-mnist",
        "手写数字识别：多层感知机与卷积网络，保存与加载模型",
        "Handwritten digits (MNIST): an MLP, then a CNN; saving and loading models",
    ),
    (
        "03-transfer-learning",
        "迁移学习：VGG 风格的网络、冻结卷积基、微调，以及函数式 API",
        "Transfer learning: a VGG-style base, frozen then fine-tuned; the functional API",
    ),
    (
        "04-concatenate-axes",
        "concatenate 的轴：负数轴与正数轴何时相同，梯度如何拆回",
        "concatenate and axes: when negative and positive axes agree, how gradients split",
    ),
    (
        "05-pitfalls",
        "常见的坑：验证集划分、学习率调度、BatchNormalization、冻结层、旧版写法",
        "Common pitfalls: validation_split, LR schedules, BatchNormalization, freezing, old spellings",
    ),
    (
        "06-autograd",
        "自动求导原理：计算图、链式法则、梯度检验，亲手写 Dense 的反向传播",
        "Inside kerasedu: computation graphs, the chain rule, gradient checks, a hand-written backward",
    ),
]

_cache = {}  # notebook path -> (mtime, rendered files); survives the per-language builds


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


def page_name(stem, lang, ext):
    """``00-x`` -> ``00-x.md`` (default language) or ``00-x.en.md``."""
    if lang == DEFAULT_LANGUAGE:
        return f"{stem}.{ext}"
    return f"{stem}.{lang}.{ext}"


def clean_outputs(nb):
    """Drop ANSI colours and carriage-return progress updates from text outputs."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if "text" in output:
                lines = ANSI_ESCAPE.sub("", output["text"]).split("\n")
                output["text"] = "\n".join(line.split("\r")[-1] for line in lines)
    return nb


def header(stem, lang, languages_present):
    """Links shown above a lesson: download the notebook, the other language."""
    text = TEXT[lang]
    links = [f"[{text['download']}]({page_name(stem, lang, 'ipynb')}){{ .md-button }}"]
    other = [x for x in LANGUAGES if x != lang and x in languages_present]
    for other_lang in other:
        # Pages live at lessons/<stem>/ (zh) and en/lessons/<stem>/ (en).
        if lang == DEFAULT_LANGUAGE:
            url = f"../../{other_lang}/lessons/{stem}/"
        else:
            url = f"../../../lessons/{stem}/"
        links.append(f"[{TEXT[lang]['other']}]({url}){{ .md-button hreflang={other_lang} }}")
    return "  ".join(links) + f"\n\n*{text['note']}*\n\n"


def render_notebook(path, stem, lang, languages_present):
    """Convert one notebook; return ``{relative path: bytes}`` to write."""
    import nbformat
    from nbconvert import MarkdownExporter

    nb = clean_outputs(nbformat.read(str(path), as_version=4))
    image_dir = f"images/{lang}/{stem}"
    resources = {"output_files_dir": image_dir, "unique_key": "output"}
    body, resources = MarkdownExporter().from_notebook_node(nb, resources=resources)
    # Put the page's H1 (the notebook's first heading) above the links.
    match = re.search(r"^# .+$", body, flags=re.MULTILINE)
    top = header(stem, lang, languages_present)
    if match:
        body = body[: match.end()] + "\n\n" + top + body[match.end() :]
    else:
        body = f"# {stem}\n\n" + top + body
    files = {page_name(stem, lang, "md"): body.encode("utf-8")}
    files[page_name(stem, lang, "ipynb")] = path.read_bytes()
    for name, data in resources.get("outputs", {}).items():
        files[name] = data
    return files


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
    for stem, by_lang in find_lessons(config).items():
        for lang, path in by_lang.items():
            mtime = path.stat().st_mtime_ns
            if _cache.get(path, (None,))[0] != mtime:
                _cache[path] = (mtime, render_notebook(path, stem, lang, by_lang))
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
    """Rebuild when a notebook changes during ``mkdocs serve``."""
    folder = lessons_dir(config)
    if folder.is_dir():
        server.watch(str(folder))
    return server


def current_language(config):
    """The language being built (mkdocs-static-i18n builds one after the other)."""
    plugin = config["plugins"].get("i18n")
    language = getattr(plugin, "current_language", None)
    return language or DEFAULT_LANGUAGE


def notebook_title(path, fallback):
    """The first ``# heading`` of a notebook's markdown cells, else ``fallback``."""
    import nbformat

    for cell in nbformat.read(str(path), as_version=4).cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^# (.+)$", cell.source, flags=re.MULTILINE)
            if match:
                return match.group(1).strip()
    return fallback


def lesson_link(stem, by_lang, lang):
    """Markdown link to a lesson page, titled in ``lang`` where possible."""
    path = by_lang.get(lang) or next(iter(by_lang.values()))
    return f"[{notebook_title(path, stem)}]({GENERATED}/{stem}.md)"


def course_map(config, lang):
    """Markdown table of the planned lessons, linking those that exist."""
    present = find_lessons(config)
    rows = [TEXT[lang]["map_head"]]
    known = set()
    for stem, zh_line, en_line in COURSE:
        known.add(stem)
        line = zh_line if lang == "zh" else en_line
        if stem in present:
            rows.append(f"| {lesson_link(stem, present[stem], lang)} | {line} |")
        else:
            rows.append(f"| {stem} | {line} ({TEXT[lang]['missing']}) |")
    for stem in present:
        if stem not in known:
            rows.append(f"| {lesson_link(stem, present[stem], lang)} | |")
    return "\n".join(rows) + "\n"


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
