"""`FitMonitor`: runs the teaching checks at the right moments of one ``fit`` call.

``fit`` tells the monitor about each batch and its loss and the end of each
epoch; the monitor looks at the model and the first batch at the right moments
and calls the small checks in `kerasedu.diagnostics.checks`. It costs a forward
pass of one batch per ``fit`` (up to the last ReLU layer, to spot dead ones),
and one more when the output's values must be seen (a cross-entropy on an
output without softmax/sigmoid) or the model's output shape is not known.

Example:
    >>> from kerasedu.models import Sequential
    >>> from kerasedu.layers import Dense
    >>> model = Sequential([Dense(1, input_shape=(2,))])
    >>> model.compile(loss="mse")
    >>> FitMonitor(model).loss_name
    'mse'
"""

from kerasedu import activations, losses
from kerasedu.autograd.function import no_grad
from kerasedu.device import to_numpy
from kerasedu.diagnostics import checks
from kerasedu.naming import to_snake_case

_HEALTH_STEPS = 20  # loss explosions are checked during the first steps only


class FitMonitor:
    """Teaching checks for one ``fit`` of ``model`` (single-output models get the label checks).

    Creating it checks whether ``trainable`` changed since ``compile``.
    """

    def __init__(self, model):
        self.model = model
        self.loss_name, self.from_logits = _describe_loss(getattr(model, "loss", None))
        self.first_loss = None
        self.step = 0
        self.sample_x = None  # the first batch, kept for the check after the first epoch
        self.epochs_seen = 0
        self.health_warned = False  # one warning about the loss per fit is enough
        compiled_flags = getattr(model, "_trainable_flags", None)
        if compiled_flags is not None:
            checks.check_trainable_changed(compiled_flags, trainable_flags(model))

    def on_batch_begin(self, x, y):
        """Before a batch: the first batch of the fit is looked at (scale, labels, logits)."""
        if self.sample_x is not None:
            return
        self.sample_x = x
        first_input = x[0] if isinstance(x, (list, tuple)) else x
        if not isinstance(first_input, dict):
            checks.check_input_scale(to_numpy(first_input))
        if not isinstance(y, (list, tuple, dict, type(None))):
            self._check_labels(x, to_numpy(y))

    def _check_labels(self, x, y_true):
        """Labels vs outputs, and ``from_logits`` vs the output activation."""
        layer = output_layer(self.model)
        if layer is None or not hasattr(losses, self.loss_name):
            return  # a custom loss may pair labels and outputs in its own way
        activation = activation_name(layer)
        # the output's values matter only for a cross-entropy on an output that no
        # softmax/sigmoid squashes into [0, 1]; otherwise its shape is enough
        needs_values = "crossentropy" in self.loss_name and activation not in ("softmax", "sigmoid")
        outputs = getattr(self.model, "outputs", None)
        y_pred = None
        if needs_values or not outputs:
            with no_grad():
                y_pred = to_numpy(self.model(x, training=False).data)
            output_shape = (None, *y_pred.shape[1:])
        else:
            output_shape = outputs[0].shape
        problem = checks.output_label_mismatch(output_shape, y_true.shape, self.loss_name)
        if problem:
            raise ValueError(problem)
        checks.check_labels(self.loss_name, y_true, output_shape[-1], activation)
        if "crossentropy" in self.loss_name:
            checks.check_from_logits(self.loss_name, self.from_logits, activation, y_pred)

    def on_batch_end(self, loss):
        """Watch the loss of the first steps for NaN or explosion."""
        self.step += 1
        if self.first_loss is None:
            self.first_loss = loss
        if self.step <= _HEALTH_STEPS and not self.health_warned:
            self.health_warned = checks.check_loss_health(self.step, loss, self.first_loss)

    def on_epoch_end(self):
        """After the first epoch: a learning rate of 0, or a network of dead ReLUs."""
        self.epochs_seen += 1
        if self.epochs_seen > 1:
            return
        optimizer = getattr(self.model, "optimizer", None)
        if optimizer is not None:
            checks.check_learning_rate_zero(float(optimizer.learning_rate))
        dead = self._dead_relu_layers()
        if dead:
            checks.check_dead_relu(dead)

    def _dead_relu_layers(self):
        """ReLU layers of a Sequential model whose output is 0 for all of the first batch."""
        # by name: kerasedu.models imports this module, so it cannot import Sequential back
        if self.sample_x is None or type(self.model).__name__ != "Sequential":
            return []
        layers = self.model.layers
        relus = [layer for layer in layers if activation_name(layer) == "relu"]
        if not relus:
            return []
        dead, h = [], self.sample_x
        last = layers.index(relus[-1])  # the layers after the last ReLU need not run
        with no_grad():
            for layer in layers[: last + 1]:
                h = layer(h, training=False)
                if layer in relus and not bool((h.data > 0).any()):
                    dead.append(layer.name)
        return dead


def trainable_flags(model):
    """``{layer name: layer.trainable}`` for every layer inside ``model`` (to spot changes).

    ``compile`` stores them; the `FitMonitor` of each ``fit`` compares.
    """
    flags, stack = {}, list(model.layers)
    while stack:
        layer = stack.pop()
        flags[layer.name] = layer.trainable
        stack.extend(layer._tracked_layers)
    return flags


def output_layer(model):
    """The layer producing a single-output model's output, or ``None``."""
    outputs = getattr(model, "outputs", None)
    if isinstance(outputs, (list, tuple)) and len(outputs) == 1:
        history = getattr(outputs[0], "_keras_history", None)
        return history[0] if history else None
    layers = getattr(model, "layers", None)
    return layers[-1] if layers and outputs is None else None


def activation_name(layer):
    """``"softmax"``, ``"sigmoid"`` or ``"relu"`` if ``layer`` ends with one of them, else ``None``.

    These are the activations the checks look for: softmax and sigmoid outputs
    give probabilities, ReLU units can die.

    Example:
        >>> from kerasedu.layers import Dense
        >>> activation_name(Dense(2, activation="softmax")), activation_name(Dense(2))
        ('softmax', None)
    """
    if type(layer).__name__ in ("Softmax", "ReLU"):
        return type(layer).__name__.lower()
    fn = getattr(layer, "activation", None)
    for name in ("softmax", "sigmoid", "relu"):
        if fn is getattr(activations, name):  # by identity, as activations.serialize does
            return name
    return None


def _describe_loss(loss):
    """``(name, from_logits)`` for a loss given as a name, a function or a Loss object."""
    if isinstance(loss, str):
        return loss, False
    if loss is None or isinstance(loss, (list, tuple, dict)):
        return "", False
    if hasattr(loss, "get_config"):
        config = loss.get_config()
        return to_snake_case(type(loss).__name__), bool(config.get("from_logits", False))
    return getattr(loss, "__name__", ""), False


def check_model_outputs(model):
    """At compile: softmax over a single unit in any layer of the model."""
    for layer in getattr(model, "layers", []):
        units = getattr(layer, "units", None)
        checks.check_single_unit_softmax(layer.name, units, activation_name(layer))
