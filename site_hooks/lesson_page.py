"""One lesson notebook -> the files of its page on the site (used by ``notebooks.py``).

``render_notebook`` converts a notebook to Markdown with nbconvert (stored
outputs kept, plots extracted as PNG files) and returns every file the page
needs: the Markdown page, the notebook with solutions, the student version
(solutions and outputs cleared by ``kerasedu.exercises.student``) and the
plots. Above the lesson sits a box with its prerequisites and student time
(from ``lessons.yml``), the two download buttons and a link to the other
language. Each plot gets an alt text from its cell: the plot's title and axis
labels, or else the heading above the cell.
"""

import ast
import json
import re
import textwrap

DEFAULT_LANGUAGE = "zh"
SOLUTION_MARK = re.compile(r"#+ *(BEGIN|END) SOLUTION")  # nbgrader's delimiters
LIST_ITEM = re.compile(r"^([-*+]|\d+[.)]) ")
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# nbconvert's Markdown template writes every plot as ![png](.../output_<cell>_<output>.png).
PLOT = re.compile(r"!\[(?:png|jpeg|svg)\]\(([^)\s]*?output_(\d+)_\d+\.(?:png|jpe?g|svg))\)")

TEXT = {
    "zh": {
        "box": "本课",
        "colon": "：",
        "prerequisites": "先修",
        "time": "学生用时",
        "minutes": "约 {} 分钟（阅读、运行、做练习）",
        "student": "学生版 notebook（练习待完成）",
        "solutions": "含答案的 notebook",
        "other": "Read this lesson in English",
        "note": "本页由 notebook 自动生成，显示的是提交时保存的运行结果；"
        "练习的参考答案折叠着，点开才显示。",
        "solution": "参考答案（先自己试一试）",
        "axes": "{}（横轴：{}；纵轴：{}）",
        "plot": "图：{}",
    },
    "en": {
        "box": "This lesson",
        "colon": ": ",
        "prerequisites": "Prerequisites",
        "time": "Student time",
        "minutes": "about {} minutes (reading, running, exercises)",
        "student": "Student notebook (exercises to do)",
        "solutions": "Notebook with solutions",
        "other": "阅读本课的中文版",
        "note": "This page is generated from the notebook; it shows the outputs stored when "
        "the notebook was committed. The exercises' solutions are folded: click to open one.",
        "solution": "Solution (try it yourself first)",
        "axes": "{} (x axis: {}; y axis: {})",
        "plot": "Plot: {}",
    },
}


def page_name(stem, lang, ext):
    """``00-x`` -> ``00-x.md`` (default language) or ``00-x.en.md`` (mkdocs-static-i18n)."""
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


def info_box(lang, info):
    """An admonition: the lesson's prerequisites and student time (``info``: lessons.yml)."""
    text = TEXT[lang]
    lines = [
        f"**{text['prerequisites']}**{text['colon']}{info[lang]['prerequisites']}",
        f"**{text['time']}**{text['colon']}{text['minutes'].format(info['minutes'])}",
    ]
    body = "  \n".join("    " + line for line in lines)  # two spaces: a line break
    return f'!!! info "{text["box"]}"\n{body}\n\n'


def header(stem, lang, languages_present, info):
    """What stands under the lesson's title: the box, the downloads, the other language."""
    text = TEXT[lang]
    student = page_name(f"{stem}-student", lang, "ipynb")
    links = [
        f"[{text['student']}]({student}){{ .md-button .md-button--primary "
        f'download="{stem}-student.ipynb" }}',
        f"[{text['solutions']}]({page_name(stem, lang, 'ipynb')}){{ .md-button "
        f'download="{stem}.ipynb" }}',
    ]
    note = f"*{text['note']}*"
    for other in (x for x in TEXT if x != lang and x in languages_present):
        # Pages live at lessons/<stem>/ (zh) and en/lessons/<stem>/ (en). Raw HTML: MkDocs
        # checks Markdown links against the docs of the language being built, and the other
        # language's page is not among them, so a Markdown link would be reported as broken.
        if lang == DEFAULT_LANGUAGE:
            url = f"../../{other}/lessons/{stem}/"
        else:
            url = f"../../../lessons/{stem}/"
        note += f' · <a hreflang="{other}" href="{url}">{text["other"]}</a>'
    box = info_box(lang, info) if info else ""
    return box + "  ".join(links) + f"\n\n{note}\n\n"


def loose_lists(source):
    """Put a blank line before a list that follows a paragraph line.

    Jupyter (CommonMark) starts a list right after a paragraph line; Python-Markdown,
    which builds the site, needs a blank line first or shows the items as running text.
    """
    lines, fenced = [], False
    for line in source.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        item = LIST_ITEM.match(line)
        previous = lines[-1] if lines else ""
        if item and not fenced and previous.strip() and not LIST_ITEM.match(previous):
            if not previous.startswith((" ", "\t", "#", ">", "|")):  # not inside an item
                lines.append("")
        lines.append(line)
    return "\n".join(lines)


def is_solution_cell(cell):
    """A code cell that nbgrader's metadata marks as the student's to write."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("solution"))


def fold_solutions(nb, lang):
    """Show each solution cell folded (a ``???`` block): a reader tries the exercise first.

    The ``### BEGIN/END SOLUTION`` lines are left out of the page (the downloads keep them);
    a solution cell with a plot stays as it is, so that its image keeps its place.
    """
    import nbformat

    for index, cell in enumerate(nb.cells):
        outputs = cell.get("outputs", [])
        if not is_solution_cell(cell) or any("data" in out for out in outputs):
            continue
        lines = [line for line in cell.source.split("\n") if not SOLUTION_MARK.search(line)]
        blocks = ["```python\n" + "\n".join(lines) + "\n```"]
        printed = "".join(out.get("text", "") for out in outputs).rstrip("\n")
        if printed:
            blocks.append("```text\n" + printed + "\n```")
        body = textwrap.indent("\n\n".join(blocks), "    ")
        folded = f'??? tip "{TEXT[lang]["solution"]}"\n\n{body}\n'
        nb.cells[index] = nbformat.v4.new_markdown_cell(folded)
    return nb


def string_argument(call):
    """The first positional argument of ``call`` when it is a string literal, else ``None``."""
    first = call.args[:1]
    if first and isinstance(first[0], ast.Constant) and isinstance(first[0].value, str):
        return first[0].value
    return None


def string_literals(call):
    """The string literals among ``call``'s positional arguments."""
    return [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]


def plot_labels(source):
    """``{"title": ..., "x": ..., "y": ...}`` from a cell's matplotlib calls (literals only)."""
    lines = source.split("\n")
    code = "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))  # magics
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return {}
    found = {}
    roles = {"suptitle": "title", "title": "minor", "set_title": "minor", "xlabel": "x",
             "set_xlabel": "x", "ylabel": "y", "set_ylabel": "y"}  # fmt: skip
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute):  # plt.title(...), ax.set_xlabel(...)
            role, text = roles.get(func.attr), string_argument(node)
        elif isinstance(func, ast.Name) and "plot" in func.id:
            # The lesson's own helper, e.g. plot_history(history, "MLP training curves").
            role, text = "helper", next(iter(string_literals(node)), None)
        else:
            continue
        if role and text and role not in found:
            found[role] = text
    title = found.get("title") or found.get("minor") or found.get("helper")
    return {"title": title, "x": found.get("x"), "y": found.get("y")}


def alt_texts(nb, lang):
    """``{cell index: alt text}`` for every code cell of ``nb`` that has an image output."""
    texts, heading = {}, None
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for line in cell.source.split("\n"):
                if line.startswith("#"):
                    heading = line.lstrip("#").strip()
            continue
        if not any("image/png" in out.get("data", {}) for out in cell.get("outputs", [])):
            continue
        labels = plot_labels(cell.source)
        title = labels.get("title") or (TEXT[lang]["plot"].format(heading) if heading else None)
        if title and labels.get("x") and labels.get("y"):
            title = TEXT[lang]["axes"].format(title, labels["x"], labels["y"])
        if title:
            # Markdown's alt text: no brackets; no $ (it would start a formula).
            texts[index] = re.sub(r"[\[\]$`*_\\]", "", title)
    return texts


def with_alt_texts(body, nb, lang):
    """Replace nbconvert's alt text "png" with the cell's own description."""
    texts = alt_texts(nb, lang)

    def replace(match):
        alt = texts.get(int(match.group(2)), "")
        return f"![{alt}]({match.group(1)})"

    return PLOT.sub(replace, body)


def student_notebook(nb):
    """The student version of ``nb`` as bytes, written as Jupyter writes notebooks."""
    import nbformat

    from kerasedu.exercises.student import make_student_version

    return (nbformat.writes(make_student_version(nb)) + "\n").encode("utf-8")


def render_notebook(path, stem, lang, languages_present, info):
    """Convert one notebook; return ``{relative path: bytes}`` to write."""
    import nbformat
    from nbconvert import MarkdownExporter

    nb = nbformat.read(str(path), as_version=4)
    student = student_notebook(nb)  # before clean_outputs: the student version has no outputs
    nb = clean_outputs(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = loose_lists(cell.source)
    nb = fold_solutions(nb, lang)
    resources = {"output_files_dir": f"images/{lang}/{stem}", "unique_key": "output"}
    body, resources = MarkdownExporter().from_notebook_node(nb, resources=resources)
    body = with_alt_texts(body, nb, lang)
    # Put the page's H1 (the notebook's first heading) above the header.
    match = re.search(r"^# .+$", body, flags=re.MULTILINE)
    top = header(stem, lang, languages_present, info)
    if match:
        body = body[: match.end()] + "\n\n" + top + body[match.end() :]
    else:
        body = f"# {stem}\n\n" + top + body
    files = {page_name(stem, lang, "md"): body.encode("utf-8")}
    files[page_name(stem, lang, "ipynb")] = path.read_bytes()
    files[page_name(f"{stem}-student", lang, "ipynb")] = student
    files.update(resources.get("outputs", {}))
    return files


def notebook_title(path, fallback):
    """The first ``# heading`` of a notebook's markdown cells, else ``fallback``."""
    with open(path, encoding="utf-8") as file:
        cells = json.load(file).get("cells", [])
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            source = "".join(cell.get("source", ""))
            match = re.search(r"^# (.+)$", source, flags=re.MULTILINE)
            if match:
                return match.group(1).strip()
    return fallback
