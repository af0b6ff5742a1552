"""Utilities: data helpers, downloads with a cache, plots of models and training curves."""

from kerasedu.preprocessing.sequence import pad_sequences  # Keras 3's keras.utils.pad_sequences
from kerasedu.utils import fonts
from kerasedu.utils.data_adapter_utils import unpack_x_y_sample_weight
from kerasedu.utils.file_utils import get_file
from kerasedu.utils.numerical import normalize, to_categorical
from kerasedu.utils.plotting import plot_history, plot_model
from kerasedu.utils.progbar import Progbar
from kerasedu.utils.random import set_random_seed
from kerasedu.utils.sequence import PyDataset, Sequence
