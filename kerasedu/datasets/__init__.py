"""Small datasets that load offline: ``from kerasedu.datasets import mnist``.

Example:
    >>> from kerasedu.datasets import mnist
    >>> callable(mnist.load_data)
    True
"""

from kerasedu.datasets import mnist
