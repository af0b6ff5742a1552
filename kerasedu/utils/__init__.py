"""Utilities: data helpers, downloads with a cache, plots of models and training curves."""

from kerasedu.utils.file_utils import get_file
from kerasedu.utils.plotting import plot_history, plot_model
