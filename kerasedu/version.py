"""kerasedu's version, at the bottom of the package so that saving can write it into files.

Example:
    >>> __version__
    '0.1.0'
"""

__version__ = "0.1.0"
