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

PITFALLS_LESSON = (
    "lesson 05 (lessons/en/05-pitfalls.ipynb; on the course site: lessons/05-pitfalls/)"
)
PITFALLS_LESSON_ZH = "第 05 课（lessons/zh/05-pitfalls.ipynb；课程网站：lessons/05-pitfalls/）"

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
        anchor: Section of the pitfalls lesson that explains it.

    Returns:
        ``True`` if the warning was emitted (the check is enabled).
    """
    if not is_enabled(name):
        return False
    section = f", section #{anchor}" if anchor else ""
    see = f"See {PITFALLS_LESSON}{section}"
    if get_language() == "zh":
        see = f"参见{PITFALLS_LESSON_ZH}" + (f"的 #{anchor} 一节" if anchor else "")
    message = f"[{name}] {bilingual(english, chinese)}\n  {see}"
    warning = TeachingWarning(message, check=name)
    warnings.warn(warning, stacklevel=stacklevel_outside_kerasedu())
    return True
