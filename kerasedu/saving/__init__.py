"""Saving and loading: configs to objects (`serializer`), and Keras's .h5, .keras, weights files."""

from kerasedu.saving.api import load_model, save_model
from kerasedu.saving.errors import KerasEduFileError, UnsafeFileError
from kerasedu.saving.object_registration import (
    custom_object_scope,
    get_custom_objects,
    get_registered_name,
    register_keras_serializable,
)
from kerasedu.saving.serializer import deserialize_keras_object, serialize_keras_object
