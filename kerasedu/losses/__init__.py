"""Losses: functions that return one value per sample, and classes that reduce them.

``losses.get("categorical_crossentropy")`` returns the function;
``losses.get("CategoricalCrossentropy")`` an instance of the class. Any callable
``fn(y_true, y_pred)`` works as a loss too, e.g. one written with
``import kerasedu.backend as K``.

Example:
    >>> from kerasedu import losses
    >>> fn = losses.get("mse")
    >>> fn(np.zeros((2, 2)), np.ones((2, 2))).numpy().tolist()
    [1.0, 1.0]
"""

from kerasedu.lookup import deserialize_object, lookup, serialize_object
from kerasedu.losses.hinge_losses import categorical_hinge, hinge, squared_hinge
from kerasedu.losses.loss import Loss, LossFunctionWrapper, reduce_weighted_values
from kerasedu.losses.loss_classes import (
    BinaryCrossentropy,
    CategoricalCrossentropy,
    CategoricalHinge,
    CosineSimilarity,
    Hinge,
    Huber,
    KLDivergence,
    LogCosh,
    MeanAbsoluteError,
    MeanAbsolutePercentageError,
    MeanSquaredError,
    MeanSquaredLogarithmicError,
    Poisson,
    SparseCategoricalCrossentropy,
    SquaredHinge,
)
from kerasedu.losses.probabilistic import (
    binary_crossentropy,
    categorical_crossentropy,
    kl_divergence,
    poisson,
    sparse_categorical_crossentropy,
)
from kerasedu.losses.regression import (
    cosine_proximity,
    cosine_similarity,
    huber,
    log_cosh,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    mean_squared_logarithmic_error,
)

# Short names, as in Keras.
mse = MSE = mean_squared_error
mae = MAE = mean_absolute_error
mape = MAPE = mean_absolute_percentage_error
msle = MSLE = mean_squared_logarithmic_error
kld = KLD = kullback_leibler_divergence = kl_divergence
logcosh = log_cosh

LOSS_FUNCTIONS = {
    "mean_squared_error": mean_squared_error,
    "mse": mean_squared_error,
    "mean_absolute_error": mean_absolute_error,
    "mae": mean_absolute_error,
    "mean_absolute_percentage_error": mean_absolute_percentage_error,
    "mape": mean_absolute_percentage_error,
    "mean_squared_logarithmic_error": mean_squared_logarithmic_error,
    "msle": mean_squared_logarithmic_error,
    "huber": huber,
    "log_cosh": log_cosh,
    "logcosh": log_cosh,
    "cosine_similarity": cosine_similarity,
    "cosine_proximity": cosine_proximity,
    "hinge": hinge,
    "squared_hinge": squared_hinge,
    "categorical_hinge": categorical_hinge,
    "binary_crossentropy": binary_crossentropy,
    "categorical_crossentropy": categorical_crossentropy,
    "sparse_categorical_crossentropy": sparse_categorical_crossentropy,
    "kl_divergence": kl_divergence,
    "kld": kl_divergence,
    "kullback_leibler_divergence": kl_divergence,
    "poisson": poisson,
}

LOSS_CLASSES = {
    cls.__name__: cls
    for cls in (
        BinaryCrossentropy,
        CategoricalCrossentropy,
        CategoricalHinge,
        CosineSimilarity,
        Hinge,
        Huber,
        KLDivergence,
        LogCosh,
        MeanAbsoluteError,
        MeanAbsolutePercentageError,
        MeanSquaredError,
        MeanSquaredLogarithmicError,
        Poisson,
        SparseCategoricalCrossentropy,
        SquaredHinge,
    )
}
LOSSES = {**LOSS_FUNCTIONS, **LOSS_CLASSES}  # every name `get` accepts


def get(identifier, custom_objects=None):
    """Return the loss named by ``identifier``.

    Args:
        identifier: A function name (``"mse"``, ``"categorical_crossentropy"``),
            a class name (``"BinaryCrossentropy"``), a config dict from
            `serialize`, a `Loss` class or instance, any callable, or ``None``.
        custom_objects: Optional dict of user losses by name. Defaults to ``None``.

    Returns:
        A callable ``loss(y_true, y_pred)``, or ``None``.

    Example:
        >>> get("binary_crossentropy").__name__
        'binary_crossentropy'
    """
    if identifier is None or isinstance(identifier, Loss):
        return identifier
    if isinstance(identifier, (str, dict)):
        return deserialize(identifier, custom_objects)
    if isinstance(identifier, type) and issubclass(identifier, Loss):
        return identifier()
    if callable(identifier):
        return identifier
    raise ValueError(
        f"Could not interpret loss identifier: {identifier!r}. Pass a loss name "
        "such as 'mse', a Loss instance, or a function fn(y_true, y_pred)."
    )


def serialize(loss):
    """Return a JSON-friendly description of ``loss``: a name, or a class config dict.

    Example:
        >>> serialize(mse), serialize(Huber(delta=2.0))["config"]["delta"]
        ('mean_squared_error', 2.0)
    """
    return serialize_object(loss)


def deserialize(config, custom_objects=None):
    """Inverse of `serialize`: a name or ``{"class_name", "config"}`` dict -> a loss.

    Only kerasedu's own losses and those in ``custom_objects`` can be named, so a
    saved file cannot make kerasedu import arbitrary code.

    Example:
        >>> deserialize({"class_name": "Huber", "config": {"delta": 2.0}}).fn_kwargs
        {'delta': 2.0}
    """
    if isinstance(config, dict):
        return deserialize_object(config, "loss", LOSS_CLASSES, custom_objects)
    found = lookup(config, "loss", LOSSES, custom_objects)
    return found() if isinstance(found, type) else found  # a class name gives an instance
