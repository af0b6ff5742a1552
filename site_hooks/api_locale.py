"""MkDocs hook: the API reference's labels in the language of the page.

mkdocstrings writes its section labels ("Parameters", "Examples", "Name",
"Type", ...) in the language of its ``locale`` option, or else of the theme. It
reads that in its ``on_config``, which runs before mkdocs-static-i18n's (that
plugin runs last on purpose) switches the theme to the language being built,
so without this hook every language got the previous build's labels (the
English pages showed 参数 and 示例). Registered in ``mkdocs.yml`` under
``hooks:``; mkdocs-static-i18n builds the languages one after the other and
runs ``on_config`` before each, so this sets the locale of each build.
"""

from mkdocs.plugins import event_priority


@event_priority(100)  # before mkdocstrings' on_config (priority 0)
def on_config(config):
    """Give mkdocstrings the language that this build is about to write."""
    i18n = config.plugins.get("i18n")
    mkdocstrings = config.plugins.get("mkdocstrings")
    if i18n is None or mkdocstrings is None:
        return config
    # current_language is None before the first (default-language) build.
    language = i18n.current_language or i18n.default_language
    mkdocstrings.config["locale"] = language
    return config
