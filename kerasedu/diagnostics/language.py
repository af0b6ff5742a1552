"""The language of kerasedu's teaching messages: English, Chinese, or both (the default).

A notebook in one language sets it once, so that every `TeachingWarning` reads
as one plain paragraph in that language. The environment variable
``KERASEDU_LANG`` (``en``, ``zh`` or ``both``) sets it for a whole session.

Example:
    >>> from kerasedu.diagnostics import language
    >>> language.set_language("zh")
    >>> language.bilingual("Scale the inputs.", "请先缩放输入。")
    '请先缩放输入。'
    >>> language.set_language("both")
    >>> print(language.bilingual("Scale the inputs.", "请先缩放输入。"))
    Scale the inputs.
      请先缩放输入。
"""

import os

LANGUAGES = ("both", "en", "zh")

_language = "both"


def set_language(language):
    """Choose the language of teaching messages.

    Args:
        language: ``"en"`` (English only), ``"zh"`` (Chinese only) or ``"both"``
            (English, then Chinese on the next line: the default).
    """
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}. Valid: {list(LANGUAGES)}")
    _language = language


def get_language():
    """Return the language of teaching messages: ``"en"``, ``"zh"`` or ``"both"``."""
    return _language


def bilingual(english, chinese):
    """Return ``english``, ``chinese`` or both (one per line), as `set_language` chose."""
    if _language == "en":
        return english
    if _language == "zh":
        return chinese
    return f"{english}\n  {chinese}"


try:
    set_language(os.environ.get("KERASEDU_LANG", "both"))
except ValueError as error:
    raise ValueError(f"KERASEDU_LANG: {error}") from None
