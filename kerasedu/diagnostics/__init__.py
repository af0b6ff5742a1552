"""Teaching diagnostics: kerasedu notices classic mistakes and explains them as they happen.

Each check is a small named function in `kerasedu.diagnostics.checks`. When one
fires it emits a `TeachingWarning` (a ``UserWarning``) whose message says what
is wrong and how to fix it, in English and Chinese (or in one of them: see
`set_language`), with a link to the lesson that explains it. Experts can
silence all checks or single ones.

Example:
    >>> import kerasedu.diagnostics as diagnostics
    >>> diagnostics.disable("input_scale")
    >>> diagnostics.is_enabled("input_scale")
    False
    >>> diagnostics.enable()
    >>> diagnostics.is_enabled("input_scale")
    True
"""

import sys
import warnings

from kerasedu.diagnostics.language import bilingual as bilingual  # re-exported
from kerasedu.diagnostics.language import get_language as get_language
from kerasedu.diagnostics.language import set_language as set_language

# The lesson that explains each section a warning links to (anchor -> notebook stem).
# Lesson 05 covers the data, the labels and evaluation; lesson 07 the training itself.
LESSON_OF_SECTION = {
    "validation-split": "05-pitfalls",
    "labels": "05-pitfalls",
    "softmax-on-one-unit": "05-pitfalls",
    "from-logits": "05-pitfalls",
    "scale-inputs": "05-pitfalls",
    "learning-rate": "07-pitfalls-training",
    "freezing-layers": "07-pitfalls-training",
}
PITFALLS_STEM = "05-pitfalls"  # the lesson named by a warning without a section


def lesson_link(anchor="", lang="en"):
    """Where a warning sends the reader: the lesson's notebook, site page and section.

    Args:
        anchor: A key of ``LESSON_OF_SECTION`` (``<a id="...">`` in that lesson), or ``""``.
        lang: ``"en"`` or ``"zh"``.

    Example:
        >>> lesson_link("learning-rate")[:52]
        'See lesson 07 (lessons/en/07-pitfalls-training.ipynb'
        >>> lesson_link("learning-rate").endswith("), section #learning-rate")
        True
    """
    # an anchor missing from the table still links the first pitfalls lesson rather than
    # crash the user's fit; tests/diagnostics/test_lesson_links.py keeps the table complete
    stem = LESSON_OF_SECTION.get(anchor, PITFALLS_STEM)
    number = stem[:2]
    if lang == "zh":
        where = f"第 {number} 课（lessons/zh/{stem}.ipynb；课程网站：lessons/{stem}/）"
        return f"参见{where}" + (f"的 #{anchor} 一节" if anchor else "")
    where = f"lesson {number} (lessons/en/{stem}.ipynb; on the course site: lessons/{stem}/)"
    return f"See {where}" + (f", section #{anchor}" if anchor else "")


CHECK_NAMES = (
    "single_unit_softmax",  # 1. Dense(1, activation='softmax')
    "label_format",  # 2. labels that do not fit the loss
    "input_scale",  # 3. 0..255 images fed without scaling
    "trainable_after_compile",  # 4. trainable changed without recompiling
    "sorted_validation_split",  # 5. validation_split on sorted labels
    "training_health",  # 6. NaN/diverging loss, dead ReLUs, learning rate 0
    "output_label_shape",  # 7. output shape cannot match the labels
    "from_logits",  # 8. from_logits that does not match the output
)

_disabled = set()


class TeachingWarning(UserWarning):
    """A warning that explains a common deep-learning mistake and its fix.

    Attributes:
        check: The name of the check that emitted it (one of ``CHECK_NAMES``), so
            code can tell which mistake was caught: ``caught[0].message.check``.
    """

    def __init__(self, message, check=None):
        super().__init__(message)
        self.check = check


def disable(*names):
    """Silence the named checks, or all of them when no name is given.

    Args:
        *names: Names from ``CHECK_NAMES``, e.g. ``"input_scale"``.
    """
    unknown = set(names) - set(CHECK_NAMES)
    if unknown:
        raise ValueError(
            f"Unknown diagnostic(s) {sorted(unknown)}. Valid names: {list(CHECK_NAMES)}"
        )
    _disabled.update(names or CHECK_NAMES)


def enable(*names):
    """Turn the named checks (or all of them) back on."""
    if names:
        _disabled.difference_update(names)
    else:
        _disabled.clear()


def is_enabled(name):
    """Return whether the check ``name`` is active."""
    return name not in _disabled


def stacklevel_outside_kerasedu():
    """The ``stacklevel`` that points a warning at the user's line, not at kerasedu's code."""
    level, frame = 1, sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__", "").startswith("kerasedu"):
        frame, level = frame.f_back, level + 1
    return level


def teach(name, english, chinese, anchor=""):
    """Emit a `TeachingWarning` for check ``name`` (if enabled), in the chosen language(s).

    Args:
        name: The check's name, one of ``CHECK_NAMES``.
        english: What is wrong and how to fix it.
        chinese: The same in Chinese.
        anchor: The section that explains it, a key of ``LESSON_OF_SECTION``.

    Returns:
        ``True`` if the warning was emitted (the check is enabled).
    """
    if not is_enabled(name):
        return False
    see = lesson_link(anchor, "zh" if get_language() == "zh" else "en")
    message = f"[{name}] {bilingual(english, chinese)}\n  {see}"
    warning = TeachingWarning(message, check=name)
    warnings.warn(warning, stacklevel=stacklevel_outside_kerasedu())
    return True
