"""Griffe extension used by mkdocstrings when it builds the API reference.

kerasedu's docstrings (see STYLE.md B5) head their doctests with ``Example:``;
Griffe's Google-style parser only knows the plural ``Examples:`` as a section
with code, and would otherwise show ``>>>`` lines as a Markdown quote. This
extension renames the heading before the docstring is parsed. Listed under
``extensions:`` of the mkdocstrings Python handler in ``mkdocs.yml``.
"""

import re

import griffe

SINGULAR_EXAMPLE = re.compile(r"^(\s*)Example:[ \t]*$", flags=re.MULTILINE)


class ExamplesSection(griffe.Extension):
    """Rename ``Example:`` section headings to ``Examples:``."""

    def on_instance(self, *, obj, **kwargs):
        """Fix the docstring of every object Griffe loads."""
        if obj.docstring is not None:
            obj.docstring.value = SINGULAR_EXAMPLE.sub(r"\1Examples:", obj.docstring.value)
