"""Idioms of the Keras guide on making new layers and models by subclassing.

Guide: https://keras.io/guides/making_new_layers_and_models_via_subclassing/. The code here is
written for kerasedu's tests: weights made with ``add_weight`` in ``__init__`` or in ``build``,
non-trainable state updated with ``assign_add``, layers nested in layers, ``add_loss`` (reset at
each call, summed into ``fit``'s loss, or the only loss), regularizer losses of inner layers, and
``get_config``/``from_config`` with and without the base config, with
``import kerasedu as keras`` in place of ``import keras``. The guide's model-level part (a VAE)
is in ``test_making_new_layers_and_models_via_subclassing_vae.py``. Left out: the versions of
the affine layer written with ``jax.numpy``, ``tf`` or ``torch`` calls, which need those
frameworks; the backend-neutral ``ops.matmul`` version stands for them.
"""

import numpy as np
import pytest

import kerasedu as keras
from kerasedu import ops


class Affine(keras.layers.Layer):
    """inputs @ kernel + offset, (batch, d) -> (batch, width); weights made in build."""

    def __init__(self, width=32, **kwargs):
        super().__init__(**kwargs)
        self.width = width

    def build(self, input_shape):
        # The input size is known only now, at the first call.
        self.kernel = self.add_weight(
            shape=(input_shape[-1], self.width), initializer="random_normal", trainable=True
        )
        self.offset = self.add_weight(
            shape=(self.width,), initializer="random_normal", trainable=True
        )

    def call(self, inputs):
        return ops.matmul(inputs, self.kernel) + self.offset


def test_weights_made_in_init_when_the_input_size_is_given():
    class FixedAffine(keras.layers.Layer):
        def __init__(self, width, in_features):
            super().__init__()
            self.kernel = self.add_weight(
                shape=(in_features, width), initializer="random_normal", trainable=True
            )
            self.offset = self.add_weight(shape=(width,), initializer="zeros", trainable=True)

        def call(self, inputs):
            return ops.matmul(inputs, self.kernel) + self.offset

    layer = FixedAffine(width=4, in_features=2)
    assert tuple(layer(ops.ones((2, 2))).shape) == (2, 4)
    assert layer.weights == [layer.kernel, layer.offset]


def test_non_trainable_state_updated_in_call():
    class ColumnTotals(keras.layers.Layer):
        """Adds each batch's column sums to a running total and returns the total."""

        def __init__(self, columns):
            super().__init__()
            self.running = self.add_weight(shape=(columns,), initializer="zeros", trainable=False)

        def call(self, inputs):
            self.running.assign_add(ops.sum(inputs, axis=0))
            return self.running

    totals = ColumnTotals(2)
    batch = ops.ones((2, 2))
    np.testing.assert_array_equal(ops.convert_to_numpy(totals(batch)), [2.0, 2.0])
    np.testing.assert_array_equal(ops.convert_to_numpy(totals(batch)), [4.0, 4.0])
    assert len(totals.weights) == 1 and len(totals.non_trainable_weights) == 1
    assert totals.trainable_weights == []


def test_build_runs_at_the_first_call():
    layer = Affine(32)
    assert layer.weights == []  # nothing yet: the input size is unknown
    out = layer(ops.ones((2, 2)))
    assert [tuple(w.shape) for w in layer.weights] == [(2, 32), (32,)]
    assert tuple(out.shape) == (2, 32)


class ThreeAffineStack(keras.layers.Layer):
    """Affine(32) -> relu -> Affine(32) -> relu -> Affine(1): layers held as attributes."""

    def __init__(self):
        super().__init__()
        self.lower = Affine(32)
        self.middle = Affine(32)
        self.top = Affine(1)

    def call(self, inputs):
        hidden = keras.activations.relu(self.lower(inputs))
        hidden = keras.activations.relu(self.middle(hidden))
        return self.top(hidden)


def test_layers_held_as_attributes_are_tracked():
    stack = ThreeAffineStack()
    out = stack(ops.ones(shape=(3, 64)))
    assert tuple(out.shape) == (3, 1)
    # Three inner layers, two weights each, all found through the attributes.
    assert len(stack.weights) == 6 and len(stack.trainable_weights) == 6


class MeanActivationPenalty(keras.layers.Layer):
    """Passes its input through; adds `factor * mean(input)` with add_loss."""

    def __init__(self, factor=1e-2):
        super().__init__()
        self.factor = factor

    def call(self, inputs):
        self.add_loss(self.factor * ops.mean(inputs))
        return inputs


def test_add_loss_is_collected_from_inner_layers_and_reset_each_call():
    class Wrapper(keras.layers.Layer):
        def __init__(self):
            super().__init__()
            self.penalty = MeanActivationPenalty(1e-2)

        def call(self, inputs):
            return self.penalty(inputs)

    wrapper = Wrapper()
    assert len(wrapper.losses) == 0  # never called yet
    wrapper(ops.zeros((1, 1)))
    assert len(wrapper.losses) == 1
    wrapper(ops.zeros((1, 1)))
    assert len(wrapper.losses) == 1  # the previous call's loss was cleared


def test_an_inner_dense_layers_kernel_regularizer_shows_in_losses():
    class RegularizedWrapper(keras.layers.Layer):
        def __init__(self):
            super().__init__()
            self.dense = keras.layers.Dense(32, kernel_regularizer=keras.regularizers.l2(1e-3))

        def call(self, inputs):
            return self.dense(inputs)

    wrapper = RegularizedWrapper()
    wrapper(ops.zeros((1, 1)))
    kernel = ops.convert_to_numpy(wrapper.dense.kernel)
    assert len(wrapper.losses) == 1
    assert float(wrapper.losses[0]) == pytest.approx(1e-3 * np.sum(kernel**2), rel=1e-5)


def test_added_losses_join_the_compiled_loss_or_replace_it():
    features = keras.Input(shape=(3,))
    model = keras.Model(features, MeanActivationPenalty()(features))

    model.compile(optimizer="adam", loss="mse")
    x, y = np.random.random((2, 3)), np.random.random((2, 3))
    record = model.fit(x, y)
    # The model returns its input: the loss is mse(y, x) plus the penalty on x.
    assert record.history["loss"][0] == pytest.approx(
        np.mean((y - x) ** 2) + 1e-2 * x.mean(), rel=1e-5
    )

    model.compile(optimizer="adam")  # no compiled loss: the added one is minimized alone
    record = model.fit(np.random.random((2, 3)), np.random.random((2, 3)))
    assert np.isfinite(record.history["loss"][0])


def test_get_config_and_from_config():
    class BareConfigAffine(Affine):
        def get_config(self):
            return {"width": self.width}

    clone = BareConfigAffine.from_config(BareConfigAffine(64).get_config())
    assert clone.width == 64

    class FullConfigAffine(Affine):
        # Affine.__init__ takes **kwargs, so from_config can pass the base keys back.
        def get_config(self):
            return {**super().get_config(), "width": self.width}

    original = FullConfigAffine(64)
    config = original.get_config()
    clone = FullConfigAffine.from_config(config)
    assert config["width"] == 64 and config["name"] == original.name and "trainable" in config
    assert clone.width == 64
    assert tuple(clone(np.ones((2, 3))).shape) == (2, 64)
