"""MkDocs hook: turn the pages' LaTeX formulas into MathML at build time.

Registered in ``mkdocs.yml`` under ``hooks:``. The Markdown extension
``pymdownx.arithmatex`` (generic mode) finds the formulas, ``$...$`` and
``$$...$$``, in every page (the lessons rendered from notebooks and the API
reference included) and leaves them in the HTML as
``<span class="arithmatex">\\(...\\)</span>`` or
``<div class="arithmatex">\\[...\\]</div>``. This hook replaces each one by the
MathML that ``latex2mathml`` writes for it. Browsers draw MathML themselves, so
the site needs no MathJax, no CDN and no network to show its formulas.

A formula that ``latex2mathml`` cannot convert fails the build with a warning
that names the page and the formula (``mkdocs build --strict`` stops on it).
"""

import html
import logging
import re

from latex2mathml.converter import convert

log = logging.getLogger("mkdocs.hooks.mathml")

# arithmatex's generic output: the TeX is HTML-escaped between \( \) or \[ \].
INLINE = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', flags=re.DOTALL)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', flags=re.DOTALL)


def to_mathml(tex, display, where):
    """MathML for the escaped TeX ``tex``; the TeX itself if it cannot be converted."""
    source = html.unescape(tex).strip()
    try:
        return convert(source, display=display)
    except Exception as error:  # latex2mathml raises several kinds of errors
        log.warning("%s: cannot convert the formula %r to MathML: %s", where, source, error)
        return html.escape(source)


def on_page_content(html_text, page, config, files):
    """Replace every formula of the page's HTML by MathML."""
    where = page.file.src_uri
    html_text = BLOCK.sub(
        lambda m: '<div class="arithmatex">' + to_mathml(m.group(1), "block", where) + "</div>",
        html_text,
    )
    return INLINE.sub(
        lambda m: '<span class="arithmatex">' + to_mathml(m.group(1), "inline", where) + "</span>",
        html_text,
    )
