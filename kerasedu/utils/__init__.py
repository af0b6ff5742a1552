"""Utilities: data helpers, downloads with a cache, plots of models and training curves."""

from kerasedu.utils.file_utils import get_file
