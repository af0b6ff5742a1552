"""Models: `Model` (functional graphs and subclassing) and `Sequential`."""

from kerasedu.models.model import Model
