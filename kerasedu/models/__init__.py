"""Models: `Model` (functional graphs and subclassing) and `Sequential`."""

from kerasedu.models.functional import Functional
from kerasedu.models.model import Model
from kerasedu.models.model_json import model_from_json
from kerasedu.models.sequential import Sequential
from kerasedu.saving.api import load_model, save_model
