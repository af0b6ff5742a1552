"""What ``compile`` sets up: the loss to minimise and the metrics to report.

`CompiledLoss` matches one loss per model output (a single loss is used for
every output), weights them with ``loss_weights`` and adds them up.
`CompiledMetrics` turns names such as ``"accuracy"`` into metric objects and
updates them after each batch. Both wait for the first batch to learn how many
outputs the model has.

Example:
    >>> from kerasedu.autograd import Tensor
    >>> loss = CompiledLoss("mean_squared_error")
    >>> total, per_output = loss(np.zeros((2, 1)), Tensor(np.ones((2, 1))))
    >>> float(total)
    1.0
"""

import inspect

from kerasedu import losses as losses_module
from kerasedu import metrics as metrics_module
from kerasedu.autograd.function import no_grad
from kerasedu.losses.loss import Loss, LossFunctionWrapper, apply_mask
from kerasedu.metrics.metric import Mean, MeanMetricWrapper
from kerasedu.tree import flatten


def _output_names(model, count):
    names = getattr(model, "output_names", None)
    if names and len(names) == count:
        return list(names)
    return [f"output_{i + 1}" for i in range(count)]


def _per_output(spec, names, what):
    """Spread ``spec`` (one item, a list, or a dict by output name) over the outputs."""
    if isinstance(spec, dict):
        unknown = set(spec) - set(names)
        if unknown:
            raise ValueError(
                f"Unknown output name(s) {sorted(unknown)} in {what}; the model's outputs "
                f"are {names}."
            )
        return [spec.get(name) for name in names]
    if isinstance(spec, (list, tuple)) and len(names) > 1:
        if len(spec) != len(names):
            raise ValueError(
                f"{what} has {len(spec)} entries but the model has {len(names)} outputs "
                f"{names}. Received: {what}={spec!r}"
            )
        return list(spec)
    if isinstance(spec, (list, tuple)) and len(spec) == 1:
        return list(spec)
    return [spec] * len(names)


def get_loss(identifier):
    """Return a `Loss` object for a name, a function or a Loss (``None`` stays ``None``)."""
    if identifier is None or isinstance(identifier, Loss):
        return identifier
    if isinstance(identifier, str):
        identifier = losses_module.get(identifier)
        if isinstance(identifier, Loss):
            return identifier
    if not callable(identifier):
        raise ValueError(f"Could not interpret loss identifier: {identifier!r}")
    return LossFunctionWrapper(identifier)


def check_identifiers(loss, metrics=None, weighted_metrics=None):
    """Look up every loss and metric name now, so a misspelling fails at ``compile``.

    The objects themselves are made later, once the output shapes are known
    (``"accuracy"`` depends on them); this only runs the lookups, whose error says
    "did you mean" and lists the valid names.

    Example:
        >>> check_identifiers("mse", ["mae", "accuracy"])  # passes silently
        >>> check_identifiers("categorical_crossentropie")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: Unknown loss 'categorical_crossentropie'. Did you mean 'categorical_cross...
    """
    for name in flatten(loss):
        if isinstance(name, str):
            losses_module.get(name)
    for name in flatten([metrics, weighted_metrics]):
        if isinstance(name, str) and name not in ("accuracy", "acc"):
            metrics_module.get(name)


class CompiledLoss:
    """The model's total loss: ``sum_i loss_weight_i * loss_i(y_true_i, y_pred_i)``.

    Args:
        loss: A loss name, function or `Loss`; or a list / dict (by output
            name) of them for a model with several outputs.
        loss_weights: Optional list / dict of floats, one per output.
        model: The model, to read ``output_names`` from.
    """

    def __init__(self, loss, loss_weights=None, model=None):
        self.loss = loss
        self.loss_weights = loss_weights
        self.model = model
        self.names = None
        self.losses = None
        self.metrics = []  # one Mean per output, for models with several outputs

    def build(self, y_pred):
        """Resolve one `Loss` and one weight per output, once the outputs are known."""
        count = len(flatten(y_pred))
        self.names = _output_names(self.model, count)
        self.losses = [get_loss(spec) for spec in _per_output(self.loss, self.names, "loss")]
        weights = self.loss_weights
        self.weights = (
            [1.0] * count if weights is None else _per_output(weights, self.names, "loss_weights")
        )
        if count > 1:  # Keras logs each output's own loss too: "<output>_loss"
            self.metrics = [Mean(f"{name}_loss", dtype="float64") for name in self.names]

    def __call__(self, y_true, y_pred, sample_weight=None):
        """Return ``(total, [loss per output])`` as Tensors (``None``: an output without loss)."""
        if self.losses is None:
            self.build(y_pred)
        targets = _match_targets(y_true, self.names)
        weights = _match_targets(sample_weight, self.names, broadcast=True)
        total, per_output = None, []
        for loss, weight, target, output, sw in zip(
            self.losses, self.weights, targets, flatten(y_pred), weights
        ):
            if loss is None or target is None:
                per_output.append(None)
                continue
            value = loss(target, output, sample_weight=sw)
            per_output.append(value)
            if self.metrics:
                self.metrics[len(per_output) - 1].update_state(value.data, output.shape[0])
            term = value if weight == 1.0 else value * float(weight)
            total = term if total is None else total + term
        if total is None:
            raise ValueError(
                "No loss to compute: pass targets `y` that match the model's outputs "
                f"{self.names} and a `loss` to compile()."
            )
        return total, per_output


def _match_targets(data, names, broadcast=False):
    """Targets (or sample weights) as a list aligned with the outputs."""
    if isinstance(data, dict):
        return [data.get(name) for name in names]
    if isinstance(data, (list, tuple)):
        if len(data) != len(names):
            raise ValueError(
                f"Expected {len(names)} target arrays, one per output {names}, but "
                f"received {len(data)}."
            )
        return list(data)
    if data is not None and len(names) > 1 and not broadcast:
        raise ValueError(
            f"The model has {len(names)} outputs {names}: pass y as a list or a dict "
            "with one array per output."
        )
    return [data] * len(names)


def _is_metric_object(value):
    return hasattr(value, "update_state") and hasattr(value, "result")


class CompiledMetrics:
    """The metrics ``compile(metrics=...)`` asked for, one set per output.

    Args:
        metrics: List of names / functions / Metric objects; a dict by output
            name (or a list of lists) for several outputs. ``"accuracy"`` picks
            binary, categorical or sparse accuracy from the loss and output shape.
        weighted_metrics: Like ``metrics``, but these use ``sample_weight``.
        model: The model, for its ``output_names``.
        loss: The ``loss`` given to compile, to resolve ``"accuracy"``.
    """

    def __init__(self, metrics=None, weighted_metrics=None, model=None, loss=None):
        self.specs = (metrics, weighted_metrics)
        self.model = model
        self.loss = loss
        self.entries = None  # (output index, metric object, weighted?) once built
        self.metrics = []  # the metric objects, in the order they were given

    def build(self, y_pred):
        """Create the metric objects, once the number and shapes of the outputs are known."""
        outputs = flatten(y_pred)
        self.names = names = _output_names(self.model, len(outputs))
        loss_specs = _per_output(self.loss, names, "loss")
        self.entries, self.metrics = [], []
        for weighted, spec in zip((False, True), self.specs):
            if spec is None:
                continue
            if (
                isinstance(spec, (list, tuple))
                and len(names) > 1
                and not any(isinstance(s, (list, tuple)) for s in spec)
            ):
                spec = [list(spec)] * len(names)  # one flat list: every output gets all of them
            for index, output_spec in enumerate(_per_output(spec, names, "metrics")):
                for item in _as_list(output_spec):
                    metric = self._make(item, loss_specs[index], outputs[index].shape)
                    if len(names) > 1:
                        metric.name = f"{names[index]}_{metric.name}"
                    self.entries.append((index, metric, weighted))
                    self.metrics.append(metric)

    @staticmethod
    def _make(spec, loss, output_shape):
        if _is_metric_object(spec):
            return spec
        if spec in ("accuracy", "acc"):
            metric = metrics_module.resolve_accuracy(spec, loss, tuple(output_shape))
        elif isinstance(spec, str):
            metric = metrics_module.get(spec)
        elif callable(spec) and not inspect.isclass(spec):
            metric = spec
        else:
            raise ValueError(f"Could not interpret metric identifier: {spec!r}")
        if not _is_metric_object(metric):  # a user's function: averaged in float64, as the loss
            name = getattr(metric, "__name__", type(metric).__name__)
            metric = MeanMetricWrapper(metric, name=name, dtype="float64")
        if isinstance(spec, str):
            metric.name = spec  # logged as written: 'acc' stays 'acc'
        return metric

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Update every metric with one batch (no graph is recorded).

        An output's mask weighs the mean-type metrics (accuracy...), as in Keras.
        """
        if self.entries is None:
            self.build(y_pred)
        outputs = flatten(y_pred)
        targets = _match_targets(y_true, self.names)
        weights = _match_targets(sample_weight, self.names, broadcast=True)
        with no_grad():
            for index, metric, weighted in self.entries:
                if targets[index] is None:
                    continue
                sw = weights[index] if weighted else None
                mask = getattr(outputs[index], "_keras_mask", None)
                if mask is not None and isinstance(metric, MeanMetricWrapper):
                    sw = apply_mask(sw, mask, reduction="sum")  # Keras: masked steps count 0
                metric.update_state(targets[index], outputs[index], sample_weight=sw)


def _as_list(value):
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def as_float_logs(logs):
    """Logs as ``{name: float}`` sorted by name, as Keras 3 reports them (a custom
    ``train_step`` may return Tensors).

    Example:
        >>> as_float_logs({"loss": np.float32(0.5), "acc": 1})
        {'acc': 1.0, 'loss': 0.5}
    """
    result = {}
    for name, value in sorted((logs or {}).items()):
        try:
            result[name] = float(value)
        except (TypeError, ValueError):
            result[name] = value  # leave non-numbers as they are
    return result
