"""A model's architecture as JSON: ``model.to_json()`` and `model_from_json`.

The JSON holds the layers and how they connect, never the weights (save those
with ``save_weights`` or the whole model with ``save``) and never Python code:
a `Lambda` layer's function is stored by name and must be passed again.

Example:
    >>> from kerasedu.layers import Dense, Input
    >>> from kerasedu.models import Model
    >>> x = Input(shape=(4,))
    >>> model = Model(x, Dense(2)(x))
    >>> clone = model_from_json(model.to_json())
    >>> clone.output_shape
    (None, 2)
"""

import json

from kerasedu.saving.object_registration import custom_objects_with
from kerasedu.saving.serializer import deserialize_layer, serialize_layer
from kerasedu.version import __version__


def model_to_json(model, **kwargs):
    """Return ``{"class_name", "config", "keras_version", "backend"}`` as a JSON string.

    Args:
        model: A `Functional` or `Sequential` model.
        **kwargs: Passed to ``json.dumps`` (``indent=2``...).
    """
    description = serialize_layer(model)
    description["keras_version"] = f"kerasedu-{__version__}"
    description["backend"] = "numpy"
    return json.dumps(description, default=json_default, **kwargs)


def model_from_json(json_string, custom_objects=None):
    """Build a new model (with fresh weights) from the string ``to_json`` returned.

    Args:
        json_string: The JSON text.
        custom_objects: ``{name: class or function}`` for your own layers and
            for `Lambda` functions. Defaults to ``None``.

    Returns:
        A `Functional` or `Sequential` model.

    Raises:
        KerasEduFileError: (a ``ValueError``) the text is not JSON, or names a class that is
            neither kerasedu's nor yours, or a config is invalid, absurd or nested too deep.

    Example:
        >>> from kerasedu.models import Sequential
        >>> from kerasedu.layers import Dense, Input
        >>> text = Sequential([Input(shape=(3,)), Dense(1)]).to_json()
        >>> model_from_json(text).count_params()
        4
    """
    from kerasedu.saving import safety  # imports h5py: kept off `import kerasedu`
    from kerasedu.saving.h5_file import guarded

    what = "the JSON string given to model_from_json"
    config = safety.parse_json(json_string, "it", what)
    custom_objects = custom_objects_with(custom_objects)
    safety.check_config(config, custom_objects, what)
    return guarded(what, "its config is invalid", deserialize_layer, config, custom_objects)


def json_default(value):
    """Let NumPy numbers and arrays inside configs become JSON numbers and lists.

    ``json.dumps(config, default=json_default)``: called for what JSON cannot write.

    Example:
        >>> json.dumps({"units": np.int64(3)}, default=json_default)
        '{"units": 3}'
    """
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(
        f"Cannot write {value!r} (type {type(value).__name__}) to JSON: a layer's "
        "get_config() must return only numbers, strings, lists, dicts and None."
    )
