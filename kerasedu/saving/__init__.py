"""Saving and loading: configs to objects (`serializer`, one closed table) and HDF5 files."""

from kerasedu.saving.api import load_model, save_model
from kerasedu.saving.errors import KerasEduFileError, UnsafeFileError
