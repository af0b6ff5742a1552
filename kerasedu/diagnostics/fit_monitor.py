"""`FitMonitor`: runs the teaching checks at the right moments of one ``fit`` call.

``fit`` tells the monitor about the first batch, every batch's loss and the end
of the first epoch; the monitor looks at the model and the data and calls the
small checks in `kerasedu.diagnostics.checks`. It costs one extra forward pass
of one batch per ``fit``.

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
    """Teaching checks for one ``fit`` of ``model`` (single-output models get the label checks)."""

    def __init__(self, model):
        self.model = model
        self.loss_name, self.from_logits = _describe_loss(getattr(model, "loss", None))
        self.first_loss = None
        self.step = 0
        self.sample_x = None
        self.health_warned = False  # one warning about the loss per fit is enough

    def on_first_batch(self, x, y):
        """Look at the first batch: input scale, labels vs outputs, from_logits."""
        self.sample_x = x
        first_input = x[0] if isinstance(x, (list, tuple)) else x
        if not isinstance(first_input, dict):
            checks.check_input_scale(to_numpy(first_input))
        layer = output_layer(self.model)
        if layer is None or y is None or isinstance(y, (list, tuple, dict)):
            return
        y_pred = self._predict(x)
        y_true = to_numpy(y)
        if not hasattr(losses, self.loss_name):
            return  # a custom loss may pair labels and outputs in its own way
        problem = checks.output_label_mismatch(
            (None, *y_pred.shape[1:]), y_true.shape, self.loss_name
        )
        if problem:
            raise ValueError(problem)
        activation = activation_name(layer)
        checks.check_labels(self.loss_name, y_true, y_pred.shape[-1], activation)
        if "crossentropy" in self.loss_name:
            checks.check_from_logits(self.loss_name, self.from_logits, activation, y_pred)

    def on_batch_end(self, loss):
        """Watch the loss of the first steps for NaN or explosion."""
        self.step += 1
        if self.first_loss is None:
            self.first_loss = loss
        if self.step <= _HEALTH_STEPS and not self.health_warned:
            self.health_warned = checks.check_loss_health(self.step, loss, self.first_loss)

    def on_first_epoch_end(self):
        """After the first epoch: a learning rate of 0, or a network of dead ReLUs."""
        optimizer = getattr(self.model, "optimizer", None)
        if optimizer is not None:
            checks.check_learning_rate_zero(float(optimizer.learning_rate))
        dead = self._dead_relu_layers()
        if dead:
            checks.check_dead_relu(dead)

    def _dead_relu_layers(self):
        """ReLU layers of a Sequential model whose output is 0 for every sample of the first batch."""
        layers = getattr(self.model, "layers", [])
        # by name: kerasedu.models imports this module, so it cannot import Sequential back
        if self.sample_x is None or type(self.model).__name__ != "Sequential":
            return []
        dead, h = [], self.sample_x
        with no_grad():
            for layer in layers:
                h = layer(h, training=False)
                if activation_name(layer) == "relu" and not bool((h.data > 0).any()):
                    dead.append(layer.name)
        return dead

    def _predict(self, x):
        with no_grad():
            return to_numpy(self.model(x, training=False).data)


def output_layer(model):
    """The layer producing a single-output model's output, or ``None``."""
    outputs = getattr(model, "outputs", None)
    if isinstance(outputs, (list, tuple)) and len(outputs) == 1:
        history = getattr(outputs[0], "_keras_history", None)
        return history[0] if history else None
    layers = getattr(model, "layers", None)
    return layers[-1] if layers and outputs is None else None


def activation_name(layer):
    """``"softmax"``, ``"relu"``... for a layer with an activation, else ``None``."""
    if type(layer).__name__ in ("Softmax", "ReLU"):
        return type(layer).__name__.lower()
    fn = getattr(layer, "activation", None)
    if not callable(fn):
        return None
    try:
        return activations.serialize(fn)
    except (ValueError, TypeError):
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
