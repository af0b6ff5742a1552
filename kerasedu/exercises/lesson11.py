"""Checks for lesson 11 (your own op, layer and training loop).

Every check computes the right answer itself, with kerasedu (its autograd, its
``fit``) or NumPy, on cases the student has not seen, and compares.

Example:
    >>> def train_step(model, loss_fn, optimizer, x, y):
    ...     raise NotImplementedError()
    >>> check_train_step(train_step)
    Traceback (most recent call last):
    ...
    kerasedu.exercises.ExerciseFailed: train_step is not written yet: replace ...
"""

import os
import tempfile

import numpy as np

from kerasedu import losses, optimizers
from kerasedu.autograd import Tensor, swish
from kerasedu.exercises import call_student, fail, passed, say
from kerasedu.exercises.lesson11_messages import MESSAGES
from kerasedu.layers import Dense, Input, Layer
from kerasedu.models import Sequential, load_model


def max_error(got, want, what, lang):
    """Largest ``|got - want|``; `ExerciseFailed` when the shapes differ."""
    got = np.asarray(got if got is not None else np.zeros(()), dtype="float64")
    if got.shape != want.shape:
        fail(say(MESSAGES, "shape", lang, what=what, got=got.shape, want=want.shape))
    return float(np.abs(got - want).max())


def check_swish(op_class, lang="en"):
    """Check ``op_class``, a `Function` for ``x * sigmoid(x)``: its backward against autograd's."""
    rng = np.random.default_rng(11)
    for shape in [(5,), (3, 4), (2, 3, 2)]:
        x = 3 * rng.normal(size=shape)
        weights = rng.normal(size=shape)
        x_ref = Tensor(x, requires_grad=True)
        (swish(x_ref) * weights).sum().backward()  # the reference: kerasedu's own swish
        x_t = Tensor(x, requires_grad=True)

        def run(x_t=x_t, weights=weights):
            (op_class.apply(x_t) * weights).sum().backward()

        call_student(run, op_class.__name__, lang=lang)
        what = f"the gradient of x (shape {shape})"
        if max_error(x_t.grad, x_ref.grad, what, lang) > 1e-6:
            s = 1 / (1 + np.exp(-x))
            if np.allclose(x_t.grad, weights * s):
                fail(say(MESSAGES, "product_rule", lang))
            fail(say(MESSAGES, "swish_values", lang))
    passed(say(MESSAGES, "swish_ok", lang))


def check_crossentropy_logits_grad(fn, lang="en"):
    """Check ``fn(logits, labels)``: the gradient of the mean cross-entropy of softmax(logits)."""
    rng = np.random.default_rng(12)
    for n, c, scale in [(4, 3, 1.0), (7, 5, 2.0), (1, 4, 1.0), (3, 4, 500.0)]:
        logits = scale * rng.normal(size=(n, c))
        labels = rng.integers(0, c, size=n)
        z = Tensor(logits, requires_grad=True)
        losses.SparseCategoricalCrossentropy(from_logits=True)(labels, z).backward()
        got = call_student(fn, "crossentropy_logits_grad", logits.copy(), labels, lang=lang)
        what = f"crossentropy_logits_grad (N={n}, C={c})"
        error = max_error(got, z.grad, what, lang)
        if not np.isfinite(np.asarray(got, dtype="float64")).all():
            fail(say(MESSAGES, "overflow", lang, scale=scale))
        if error <= 1e-6:
            continue
        t = np.eye(c)[labels]
        got = np.asarray(got, dtype="float64")
        if n > 1 and np.allclose(got, n * z.grad):
            fail(say(MESSAGES, "not_mean", lang))
        if np.allclose(got, -z.grad):
            fail(say(MESSAGES, "ce_sign", lang))
        if np.allclose(got, (logits - t) / n) or np.allclose(got, logits - t):
            fail(say(MESSAGES, "no_softmax", lang))
        fail(say(MESSAGES, "ce_values", lang, what=what, err=error))
    passed(say(MESSAGES, "ce_ok", lang))


def check_scale_layer(layer_class, lang="en"):
    """Check ``layer_class``: a `Layer` with one learned weight per feature, from ``initial``."""
    name = layer_class.__name__
    x = np.arange(12, dtype="float32").reshape(4, 3) - 5
    layer = call_student(layer_class, name, initial=0.5, lang=lang)
    out = call_student(layer, name, x, lang=lang)
    shapes = [tuple(w.shape) for w in layer.trainable_weights]
    if shapes != [(3,)]:
        fail(say(MESSAGES, "weights", lang, got=shapes))
    if max_error(getattr(out, "data", out), 0.5 * x, "the layer's output", lang) > 1e-6:
        fail(say(MESSAGES, "output", lang))
    default = call_student(layer_class, name, lang=lang)
    call_student(default, name, x, lang=lang)
    if not np.allclose(default.get_weights()[0], 1.0):
        fail(say(MESSAGES, "default", lang))
    config = call_student(layer.get_config, f"{name}.get_config", lang=lang)
    if not isinstance(config, dict) or config.get("initial") != 0.5:
        fail(say(MESSAGES, "config", lang, got=config))
    copy = call_student(layer_class.from_config, f"{name}.from_config", config, lang=lang)
    if copy.name != layer.name:
        fail(say(MESSAGES, "super_config", lang))
    check_scale_in_model(layer_class, lang)
    passed(say(MESSAGES, "scale_ok", lang))


def check_scale_in_model(layer_class, lang):
    """Train a small model with the layer (its weight must move), save it, load it back."""
    rng = np.random.default_rng(13)
    x = rng.normal(size=(32, 3)).astype("float32")
    y = x @ np.array([[1.0], [-2.0], [0.5]], dtype="float32")
    np.random.seed(13)
    scale = layer_class(initial=2.0, name="scale")
    model = Sequential([Input(shape=(3,)), scale, Dense(1)])
    model.compile(optimizer=optimizers.SGD(learning_rate=0.05), loss="mse")
    model.fit(x, y, batch_size=8, epochs=2, verbose=0)
    if np.allclose(scale.get_weights()[0], 2.0):
        fail(say(MESSAGES, "no_gradient", lang))
    path = os.path.join(tempfile.mkdtemp(), "scale_model.h5")
    model.save(path)
    restored = call_student(
        load_model,
        "load_model",
        path,
        custom_objects={layer_class.__name__: layer_class},
        lang=lang,
    )
    if not np.array_equal(restored.predict(x, verbose=0), model.predict(x, verbose=0)):
        fail(say(MESSAGES, "reload", lang))


class TrainingProbe(Layer):
    """The identity, remembering the ``training`` flag it was last called with."""

    seen = None

    def call(self, inputs, training=None):
        self.seen = training
        return inputs


def tiny_model(optimizer):
    """A seeded two-layer regression model (same weights at every call), compiled with mse."""
    np.random.seed(14)
    model = Sequential([Input(shape=(4,)), Dense(5, activation="tanh"), TrainingProbe(), Dense(2)])
    model.compile(optimizer=optimizer, loss="mse")
    return model


def check_train_step(train_step, lang="en"):
    """Check ``train_step(model, loss_fn, optimizer, x, y)``: several steps must equal ``fit``'s."""
    rng = np.random.default_rng(14)
    x = rng.normal(size=(24, 4)).astype("float32")
    y = rng.normal(size=(24, 2)).astype("float32")
    reference = tiny_model(optimizers.Adam(learning_rate=0.01))
    start = reference.get_weights()
    first_loss = float(losses.MeanSquaredError()(y[:8], reference(x[:8])).item())
    reference.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
    model = tiny_model(optimizers.Adam(learning_rate=0.01))
    returned = []
    for step in range(6):
        batch = slice(8 * (step % 3), 8 * (step % 3) + 8)
        args = (model, losses.MeanSquaredError(), model.optimizer, x[batch], y[batch])
        returned.append(call_student(train_step, "train_step", *args, lang=lang))
        if step == 0:
            check_first_step(model, start, returned[0], first_loss, lang)
    errors = [
        float(np.abs(a - b).max()) for a, b in zip(model.get_weights(), reference.get_weights())
    ]
    if max(errors) > 1e-5:
        fail(say(MESSAGES, "accumulated", lang, err=max(errors)))
    passed(say(MESSAGES, "train_ok", lang))


def check_first_step(model, start, loss, want_loss, lang):
    """After one step: the loss returned, the training flag, weights that moved."""
    try:
        loss = float(loss)
    except (TypeError, ValueError):
        fail(say(MESSAGES, "loss_float", lang, got=type(loss).__name__))
    if not np.isclose(loss, want_loss, rtol=1e-5):
        fail(say(MESSAGES, "loss_value", lang, got=loss, want=want_loss))
    if model.layers[1].seen is not True:
        fail(say(MESSAGES, "training_flag", lang))
    if all(np.array_equal(a, b) for a, b in zip(model.get_weights(), start)):
        fail(say(MESSAGES, "no_update", lang))
