"""The errors raised when a saved file cannot be read, or must not be.

Example:
    >>> err = KerasEduFileError("model.h5", "it is empty")
    >>> str(err)
    "Cannot load 'model.h5': it is empty"
    >>> isinstance(err, ValueError)
    True
"""


class KerasEduFileError(ValueError):
    """A model or weight file that is corrupt, truncated, incompatible or not HDF5.

    Args:
        path: The file's path (shown in the message).
        problem: What is wrong, in words.

    Example:
        >>> KerasEduFileError("w.h5", "layer 'dense' is missing").path
        'w.h5'
    """

    verb = "Cannot load"

    def __init__(self, path, problem):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.verb} {self.path!r}: {problem}")


class UnsafeFileError(KerasEduFileError):
    """A file refused for safety: it points outside itself, or asks to run code.

    Example:
        >>> str(UnsafeFileError("x.h5", "it has an external link"))
        "Refusing to load 'x.h5': it has an external link"
    """

    verb = "Refusing to load"
