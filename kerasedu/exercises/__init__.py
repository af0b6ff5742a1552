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
"""


class ExerciseFailed(AssertionError):
    """Raised by a check when the answer is not right yet; the message says why and hints."""


def fail(message):
    """Raise `ExerciseFailed` with ``message`` (what is wrong, then a hint)."""
    raise ExerciseFailed(message)


def passed(message):
    """Say plainly that an exercise is solved."""
    print(f"✔ {message}")


def call_student(function, name, *args, **kwargs):
    """Call the student's ``function``; turn an unfinished stub or a crash into `ExerciseFailed`."""
    try:
        return function(*args, **kwargs)
    except NotImplementedError:
        fail(f"{name} is not written yet: replace `raise NotImplementedError()` with your code.")
    except ExerciseFailed:
        raise
    except Exception as error:  # the student's code crashed: say where, not a bare traceback
        fail(f"{name} raised {type(error).__name__}: {error}")
