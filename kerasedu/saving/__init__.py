"""Saving and loading: model configs (the closed class registry) and HDF5 files."""

from kerasedu.saving.api import load_model, save_model
from kerasedu.saving.errors import KerasEduFileError, UnsafeFileError
