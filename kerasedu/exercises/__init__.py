"""Checks for the lessons' exercises: one module per lesson (``lesson00``, ``lesson06``...).

A check takes the student's function (or object), tries it on cases it knows the
answer to, and either says plainly that it is right or raises `ExerciseFailed`
with what is wrong and a hint. It never prints the solution.

Example:
    >>> from kerasedu.exercises import ExerciseFailed, call_student
    >>> def stub():
    ...     raise NotImplementedError()
    >>> try:
    ...     call_student(stub, "my_function")
    ... except ExerciseFailed as error:
    ...     print(error)
    my_function is not written yet: replace `raise NotImplementedError()` with your code.
    >>> try:
    ...     call_student(stub, "my_function", lang="zh")
    ... except ExerciseFailed as error:
    ...     print(error)
    my_function 还没有写：把 `raise NotImplementedError()` 换成你的代码。
"""


class ExerciseFailed(AssertionError):
    """Raised by a check when the answer is not right yet; the message says why and hints."""


def fail(message):
    """Raise `ExerciseFailed` with ``message`` (what is wrong, then a hint)."""
    raise ExerciseFailed(message)


def passed(message):
    """Say plainly that an exercise is solved."""
    print(f"✔ {message}")


NOT_WRITTEN = {
    "en": "{name} is not written yet: replace `raise NotImplementedError()` with your code.",
    "zh": "{name} 还没有写：把 `raise NotImplementedError()` 换成你的代码。",
}
CRASHED = {
    "en": "{name} raised {error_type}: {error}",
    "zh": "{name} 运行时出错，{error_type}：{error}",
}


def call_student(function, name, *args, lang="en", **kwargs):
    """Call the student's ``function``; turn an unfinished stub or a crash into `ExerciseFailed`.

    ``lang`` (``"en"`` or ``"zh"``) is the language of the message; the other
    arguments are passed to ``function``.
    """
    try:
        return function(*args, **kwargs)
    except NotImplementedError:
        fail(NOT_WRITTEN[lang].format(name=name))
    except ExerciseFailed:
        raise
    except Exception as error:  # the student's code crashed: say where, not a bare traceback
        fail(CRASHED[lang].format(name=name, error_type=type(error).__name__, error=error))


def say(messages, key, lang="en", **values):
    """Return the message ``messages[key][lang]`` with ``values`` filled in.

    A check module keeps each message in both languages, ``{"key": {"en": ..., "zh": ...}}``,
    so the zh notebook's check (``lang="zh"``) answers in Chinese.

    Example:
        >>> say({"shape": {"en": "shape {s}", "zh": "形状 {s}"}}, "shape", "zh", s=(2, 3))
        '形状 (2, 3)'
    """
    return messages[key][lang].format(**values)
