"""Models: `Model` (functional graphs and subclassing) and `Sequential`."""

from kerasedu.models.functional import Functional
from kerasedu.models.model import Model
from kerasedu.models.sequential import Sequential

# Keras's names for saving, defined in saving (above models). Nothing below models imports
# this package's namespace, so these re-exports close no cycle.
from kerasedu.saving.api import load_model, save_model
from kerasedu.saving.cloning import clone_model
from kerasedu.saving.model_json import model_from_json
