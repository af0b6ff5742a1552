"""Keras-style automatic names: ``dense``, ``dense_1``, ``dense_2``...

Example:
    >>> clear_session()
    >>> unique_name("dense"), unique_name("dense")
    ('dense', 'dense_1')
"""

import re

_counters = {}


def to_snake_case(class_name):
    """``"Conv2D"`` -> ``"conv2d"``, ``"BatchNormalization"`` -> ``"batch_normalization"``."""
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", class_name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


def unique_name(base):
    """Return ``base`` the first time, then ``base_1``, ``base_2``... (Keras 3's scheme)."""
    count = _counters.get(base, 0)
    _counters[base] = count + 1
    return base if count == 0 else f"{base}_{count}"


def clear_session():
    """Reset the automatic layer names, so a rebuilt model gets the same names again."""
    _counters.clear()
