"""Learning-rate schedules: the learning rate as a function of the training step.

Pass a schedule instead of a float: ``Adam(learning_rate=ExponentialDecay(...))``.
The optimizer calls it with its ``iterations`` count (0 on the first step)
before every update.

Example:
    >>> schedule = ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5)
    >>> schedule(0), schedule(10), schedule(20)
    (0.1, 0.05, 0.025)
"""

import math

from kerasedu.lookup import deserialize_object, serialize_object


class LearningRateSchedule:
    """Base class: ``schedule(step) -> learning rate`` (a float).

    Subclasses implement ``__call__(step)`` and ``get_config()``.

    Example:
        >>> class Halving(LearningRateSchedule):
        ...     def __call__(self, step):
        ...         return 1.0 / 2 ** step
        ...     def get_config(self):
        ...         return {}
        >>> Halving()(3)
        0.125
    """

    def __call__(self, step):
        raise NotImplementedError(f"{type(self).__name__} must implement __call__(step).")

    def get_config(self):
        """Return the constructor arguments as a dict."""
        raise NotImplementedError(f"{type(self).__name__} must implement get_config().")

    @classmethod
    def from_config(cls, config):
        """Rebuild the schedule from `get_config`'s dict."""
        return cls(**config)


class DecaySchedule(LearningRateSchedule):
    """Shared part of the decays driven by ``progress = step / decay_steps`` (not used directly).

    Args:
        initial_learning_rate: Learning rate at step 0.
        decay_steps: Positive step scale of the decay.
        decay_rate: Decay factor.
        staircase: If ``True``, ``progress`` is rounded down, so the rate drops
            in steps. Defaults to ``False``.
        name: Defaults to the class name.
    """

    def __init__(self, initial_learning_rate, decay_steps, decay_rate, staircase=False, name=None):
        if decay_steps <= 0:
            raise ValueError(f"`decay_steps` must be positive. Received: decay_steps={decay_steps}")
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        self.name = name or type(self).__name__

    def progress(self, step):
        """``step / decay_steps``, rounded down when ``staircase``."""
        progress = step / self.decay_steps
        if self.staircase:
            progress = math.floor(progress)
        return progress

    def get_config(self):
        """Return the constructor arguments as a dict."""
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "decay_rate": self.decay_rate,
            "staircase": self.staircase,
            "name": self.name,
        }


class ExponentialDecay(DecaySchedule):
    """``initial_learning_rate * decay_rate ** (step / decay_steps)``.

    Args:
        initial_learning_rate: Learning rate at step 0.
        decay_steps: Steps over which the rate is multiplied by ``decay_rate`` once.
        decay_rate: The factor per ``decay_steps``.
        staircase: If ``True``, ``step / decay_steps`` is rounded down, so the rate
            drops in steps. Defaults to ``False``.
        name: Defaults to ``"ExponentialDecay"``.

    Example:
        >>> ExponentialDecay(1.0, 2, 0.5, staircase=True)(3)
        0.5
    """

    def __call__(self, step):
        return float(self.initial_learning_rate * self.decay_rate ** self.progress(step))


class InverseTimeDecay(DecaySchedule):
    """``initial_learning_rate / (1 + decay_rate * step / decay_steps)``.

    Args:
        initial_learning_rate: Learning rate at step 0.
        decay_steps: Step scale of the decay.
        decay_rate: Decay factor.
        staircase: If ``True``, ``step / decay_steps`` is rounded down. Defaults to ``False``.
        name: Defaults to ``"InverseTimeDecay"``.

    Example:
        >>> InverseTimeDecay(1.0, decay_steps=1, decay_rate=0.5)(2)
        0.5
    """

    def __call__(self, step):
        return float(self.initial_learning_rate / (1 + self.decay_rate * self.progress(step)))


class PiecewiseConstantDecay(LearningRateSchedule):
    """A rate per interval: ``values[i]`` while ``boundaries[i-1] < step <= boundaries[i]``.

    Args:
        boundaries: Increasing step numbers where the rate changes.
        values: One more rate than boundaries: ``values[0]`` up to and including
            ``boundaries[0]``, ..., ``values[-1]`` after ``boundaries[-1]``.
        name: Defaults to ``"PiecewiseConstantDecay"``.

    Example:
        >>> schedule = PiecewiseConstantDecay([10, 20], [1.0, 0.5, 0.1])
        >>> schedule(10), schedule(11), schedule(25)
        (1.0, 0.5, 0.1)
    """

    def __init__(self, boundaries, values, name="PiecewiseConstantDecay"):
        if len(values) != len(boundaries) + 1:
            raise ValueError(
                "`values` must have one more element than `boundaries`. Received: "
                f"boundaries={list(boundaries)}, values={list(values)}"
            )
        self.boundaries = list(boundaries)
        self.values = list(values)
        self.name = name

    def __call__(self, step):
        for boundary, value in zip(self.boundaries, self.values):
            if step <= boundary:
                return float(value)
        return float(self.values[-1])

    def get_config(self):
        """Return the constructor arguments as a dict."""
        return {"boundaries": self.boundaries, "values": self.values, "name": self.name}


SCHEDULES = {
    cls.__name__: cls for cls in (ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay)
}


def serialize(schedule):
    """Return ``{"class_name": ..., "config": ...}`` for a schedule.

    Example:
        >>> serialize(PiecewiseConstantDecay([1], [0.1, 0.01]))["class_name"]
        'PiecewiseConstantDecay'
    """
    return serialize_object(schedule)


def deserialize(config, custom_objects=None):
    """Rebuild a schedule from `serialize`'s dict (kerasedu's schedules or ``custom_objects``).

    Example:
        >>> deserialize({"class_name": "ExponentialDecay", "config": {
        ...     "initial_learning_rate": 1.0, "decay_steps": 1, "decay_rate": 0.5}})(1)
        0.5
    """
    return deserialize_object(config, "learning rate schedule", SCHEDULES, custom_objects)
