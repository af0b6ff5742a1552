"""Metrics: per-sample functions (accuracies), running `Metric` objects, and `get`.

``metrics.get(name)`` always returns a `Metric` object: metric names, loss names
(any loss works as a metric) and plain functions are wrapped in a
`MeanMetricWrapper` named after what the user wrote. ``"accuracy"``/``"acc"``
in ``compile`` depend on the loss and output shape: see `resolve_accuracy`.

Example:
    >>> from kerasedu import metrics
    >>> m = metrics.get("mse")
    >>> m.name, float(m([[0.0]], np.array([[2.0]])))
    ('mse', 4.0)
"""

from kerasedu import losses
from kerasedu.lookup import deserialize_object, lookup, serialize_object
from kerasedu.metrics.accuracy_functions import (
    accuracy,
    binary_accuracy,
    categorical_accuracy,
    sparse_categorical_accuracy,
    sparse_top_k_categorical_accuracy,
    top_k_categorical_accuracy,
)
from kerasedu.metrics.auc import AUC
from kerasedu.metrics.confusion_metrics import (
    FalseNegatives,
    FalsePositives,
    Precision,
    Recall,
    TrueNegatives,
    TruePositives,
)
from kerasedu.metrics.constrained_metrics import (
    PrecisionAtRecall,
    RecallAtPrecision,
    SensitivityAtSpecificity,
    SpecificityAtSensitivity,
)
from kerasedu.metrics.error_metrics import (
    BinaryCrossentropy,
    CategoricalCrossentropy,
    CategoricalHinge,
    ConcordanceCorrelation,
    CosineSimilarity,
    Hinge,
    KLDivergence,
    LogCoshError,
    MeanAbsolutePercentageError,
    MeanSquaredLogarithmicError,
    PearsonCorrelation,
    Poisson,
    SparseCategoricalCrossentropy,
    SquaredHinge,
    concordance_correlation,
    pearson_correlation,
)
from kerasedu.metrics.iou_metrics import BinaryIoU, IoU, MeanIoU, OneHotIoU, OneHotMeanIoU
from kerasedu.metrics.metric import Mean, MeanMetricWrapper, Metric
from kerasedu.metrics.metric_classes import (
    Accuracy,
    BinaryAccuracy,
    CategoricalAccuracy,
    MeanAbsoluteError,
    MeanSquaredError,
    RootMeanSquaredError,
    SparseCategoricalAccuracy,
    SparseTopKCategoricalAccuracy,
    TopKCategoricalAccuracy,
)
from kerasedu.metrics.score_metrics import F1Score, FBetaScore, R2Score, Sum

METRIC_FUNCTIONS = {
    "accuracy": accuracy,
    "acc": accuracy,
    "binary_accuracy": binary_accuracy,
    "categorical_accuracy": categorical_accuracy,
    "sparse_categorical_accuracy": sparse_categorical_accuracy,
    "top_k_categorical_accuracy": top_k_categorical_accuracy,
    "sparse_top_k_categorical_accuracy": sparse_top_k_categorical_accuracy,
    "pearson_correlation": pearson_correlation,
    "concordance_correlation": concordance_correlation,
}

METRIC_CLASSES = {
    cls.__name__: cls
    for cls in (
        Mean,
        Accuracy,
        BinaryAccuracy,
        CategoricalAccuracy,
        SparseCategoricalAccuracy,
        TopKCategoricalAccuracy,
        SparseTopKCategoricalAccuracy,
        MeanSquaredError,
        MeanAbsoluteError,
        RootMeanSquaredError,
        # the running means of the other losses and of the correlations
        MeanAbsolutePercentageError,
        MeanSquaredLogarithmicError,
        LogCoshError,
        CosineSimilarity,
        Hinge,
        SquaredHinge,
        CategoricalHinge,
        KLDivergence,
        Poisson,
        BinaryCrossentropy,
        CategoricalCrossentropy,
        SparseCategoricalCrossentropy,
        PearsonCorrelation,
        ConcordanceCorrelation,
        # totals over the epoch
        TruePositives,
        FalsePositives,
        TrueNegatives,
        FalseNegatives,
        Precision,
        Recall,
        AUC,
        SensitivityAtSpecificity,
        SpecificityAtSensitivity,
        PrecisionAtRecall,
        RecallAtPrecision,
        R2Score,
        FBetaScore,
        F1Score,
        Sum,
        IoU,
        MeanIoU,
        BinaryIoU,
        OneHotIoU,
        OneHotMeanIoU,
    )
}
# Keras's snake-case names of the metrics that have no function: "precision", "auc"...
METRIC_CLASS_NAMES = {
    "precision": Precision,
    "recall": Recall,
    "auc": AUC,
    "true_positives": TruePositives,
    "false_positives": FalsePositives,
    "true_negatives": TrueNegatives,
    "false_negatives": FalseNegatives,
    "r2_score": R2Score,
    "f1_score": F1Score,
    "fbeta_score": FBetaScore,
    "sum": Sum,
    "root_mean_squared_error": RootMeanSquaredError,
}
# Every name `get` accepts: any loss function is a metric too.
METRICS = {**METRIC_FUNCTIONS, **losses.LOSS_FUNCTIONS, **METRIC_CLASSES, **METRIC_CLASS_NAMES}


def get(identifier, custom_objects=None):
    """Return a `Metric` object for ``identifier``.

    Args:
        identifier: A metric or loss function name (``"binary_accuracy"``,
            ``"mae"``), a class name (``"BinaryAccuracy"``),
            a config dict, a `Metric` class or instance, a `Loss` instance, any
            callable ``fn(y_true, y_pred)``, or ``None``.
        custom_objects: Optional dict of user metrics by name. Defaults to ``None``.

    Returns:
        A `Metric` (or ``None``). Functions are wrapped in `MeanMetricWrapper`,
        named as written (``"mae"`` stays ``"mae"``) or after ``fn.__name__``.

    Example:
        >>> get("binary_accuracy").name
        'binary_accuracy'
    """
    if identifier is None or isinstance(identifier, Metric):
        return identifier
    if isinstance(identifier, type) and issubclass(identifier, Metric):
        return identifier()
    if isinstance(identifier, dict):
        return deserialize(identifier, custom_objects)
    if isinstance(identifier, losses.Loss):
        return MeanMetricWrapper(identifier.call, name=identifier.name)
    if isinstance(identifier, str):
        return _from_name(identifier, custom_objects or {})
    if callable(identifier):
        return MeanMetricWrapper(identifier, name=getattr(identifier, "__name__", None))
    raise ValueError(
        f"Could not interpret metric identifier: {identifier!r}. Pass a metric "
        "name such as 'accuracy', a Metric, or a function fn(y_true, y_pred)."
    )


def _from_name(name, custom_objects):
    if name in custom_objects:
        return get(custom_objects[name])  # yours, named as you named it
    found = lookup(name, "metric", METRICS)
    if isinstance(found, type):
        return found()
    return MeanMetricWrapper(found, name=name)  # named as written: "mae" stays "mae"


def serialize(metric):
    """Return ``{"class_name", "config"}`` for a metric class, or the name of a wrapped function.

    Example:
        >>> serialize(get("mae")), serialize(BinaryAccuracy())["class_name"]
        ('mae', 'BinaryAccuracy')
    """
    if type(metric) is MeanMetricWrapper:
        return metric.name
    return serialize_object(metric)


def deserialize(config, custom_objects=None):
    """Inverse of `serialize` (kerasedu's metrics and ``custom_objects`` only).

    Example:
        >>> deserialize({"class_name": "BinaryAccuracy", "config": {"threshold": 0.7}}).fn_kwargs
        {'threshold': 0.7}
    """
    if isinstance(config, str):
        return get(config, custom_objects)
    return deserialize_object(config, "metric", METRIC_CLASSES, custom_objects)


def _loss_kind(loss):
    """``"binary"``, ``"sparse"`` or ``None``: which cross-entropy ``loss`` is."""
    try:
        loss = losses.get(loss)
    except ValueError:
        return None
    fn = getattr(loss, "fn", loss)  # a LossFunctionWrapper wraps the function
    if fn is losses.binary_crossentropy:
        return "binary"
    if fn is losses.sparse_categorical_crossentropy:
        return "sparse"
    return None


def resolve_accuracy(name, loss, output_shape, y_true_shape=None):
    """Turn ``"accuracy"``/``"acc"`` into the accuracy that fits the task, as Keras does.

    Binary accuracy if the loss is binary cross-entropy or the output's last axis
    has size 1; sparse categorical if the loss is sparse categorical
    cross-entropy (or the labels have one integer per sample); else categorical.

    Args:
        name: What the user wrote (``"accuracy"`` or ``"acc"``): the display name.
        loss: The compiled loss (name, function or `Loss`).
        output_shape: Shape of the model's output, e.g. ``(None, 10)``.
        y_true_shape: Optional shape of the labels. Defaults to ``None``.

    Returns:
        A `MeanMetricWrapper` named ``name``.

    Example:
        >>> m = resolve_accuracy("acc", "sparse_categorical_crossentropy", (None, 10))
        >>> m.name, m.fn.__name__
        ('acc', 'sparse_categorical_accuracy')
    """
    kind = _loss_kind(loss)
    output_shape = tuple(output_shape or ())
    if kind == "binary" or (output_shape and output_shape[-1] == 1):
        fn = binary_accuracy
    elif kind == "sparse" or _labels_look_sparse(y_true_shape, output_shape):
        fn = sparse_categorical_accuracy
    else:
        fn = categorical_accuracy
    return MeanMetricWrapper(fn, name=name)


def _labels_look_sparse(y_true_shape, output_shape):
    """Keras 3's test: labels of lower rank, or a last axis of 1 against several classes."""
    if y_true_shape is None or not output_shape:
        return False
    y_true_shape = tuple(y_true_shape)
    if len(y_true_shape) < len(output_shape):
        return True
    return bool(y_true_shape) and y_true_shape[-1] == 1 and output_shape[-1] != 1
