"""The mask flow: masks attached to outputs, passed to ``call``, kept or dropped, through models."""

import warnings

import numpy as np
import pytest

from kerasedu.layers import (
    LSTM,
    Activation,
    Dense,
    Dropout,
    Embedding,
    Flatten,
    GlobalAveragePooling1D,
    Input,
    Layer,
    Masking,
    mask_flow,
)
from kerasedu.models import Model, Sequential

IDS = np.array([[3, 4, 5, 0, 0], [1, 2, 0, 0, 0]])
KEPT = (IDS != 0).tolist()


class RecordMask(Layer):
    """Records the mask its ``call`` receives (Keras fills ``mask`` in from the input)."""

    supports_masking = True

    def call(self, inputs, mask=None):
        self.seen = mask
        return inputs * 1.0


class CustomEmbedding(Embedding):
    """The Keras masking guide's custom layer: it makes a mask by overriding compute_mask."""

    def compute_mask(self, inputs, previous_mask=None):
        return inputs.data > 1


def test_pass_through_layers_keep_the_mask():
    x = Embedding(10, 3, mask_zero=True)(IDS)
    for layer in (Dense(2), Dropout(0.5), Activation("relu")):
        y = layer(x, training=True)
        assert y._keras_mask.tolist() == KEPT, type(layer).__name__


def test_call_receives_the_input_mask_and_a_given_mask_wins():
    layer = RecordMask()
    layer(Embedding(10, 3, mask_zero=True)(IDS))
    assert layer.seen.tolist() == KEPT
    given = np.ones((2, 5), dtype=bool)
    out = layer(Embedding(10, 3, mask_zero=True)(IDS), mask=given)
    assert layer.seen.tolist() == given.tolist()
    assert out._keras_mask.tolist() == given.tolist()  # the mask given by hand passes on


def test_a_layer_without_mask_support_drops_the_mask_with_a_warning():
    x = Embedding(10, 3, mask_zero=True)(IDS)
    with pytest.warns(UserWarning, match="does not support masking"):
        y = Flatten()(x)
    assert mask_flow.get_mask(y) is None


def test_overriding_compute_mask_makes_a_mask():
    y = CustomEmbedding(10, 3)(IDS)
    assert y._keras_mask.tolist() == (IDS > 1).tolist()


def test_unmasked_calls_do_no_mask_work(monkeypatch):
    def fail(*args):
        raise AssertionError("mask work without a mask")

    model = Sequential([Input((4,)), Dense(3), Dropout(0.5), Activation("relu"), Dense(1)])
    model(np.ones((2, 4)))  # builds
    monkeypatch.setattr(mask_flow, "call_with_masks", fail)
    model(np.ones((2, 4)), training=True)
    model.compile("sgd", "mse", metrics=["mae"])
    model.fit(np.ones((2, 4)), np.ones((2, 1)), verbose=0)


def test_embedding_without_mask_zero_makes_no_mask():
    assert mask_flow.get_mask(Embedding(10, 3)(IDS)) is None


def test_masks_flow_through_functional_and_sequential_models():
    inputs = Input((5,))
    h = LSTM(2, return_sequences=True)(Embedding(10, 3, mask_zero=True)(inputs))
    functional = Model(inputs, Dense(1)(h))
    sequential = Sequential(functional.layers[1:])
    for model in (functional, sequential):
        y = model(IDS)
        assert y._keras_mask.tolist() == KEPT
        # padded steps carry the last real output over (zero_output_for_mask=False)
        np.testing.assert_array_equal(y.numpy()[1, 2:], np.repeat(y.numpy()[1, 1:2], 3, axis=0))


def test_a_nested_model_reads_the_mask_of_its_input():
    inner_input = Input((5, 3))
    inner = Model(inner_input, LSTM(2)(inner_input))
    embedding = Embedding(10, 3, mask_zero=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Keras warns that the model itself drops the mask
        nested = inner(embedding(IDS)).numpy()
    truncated = inner.layers[1](embedding(IDS[:1, :3])).numpy()
    np.testing.assert_allclose(nested[:1], truncated, rtol=1e-6)


def test_masking_then_dense_keeps_the_mask():
    x = np.random.rand(2, 4, 3).astype("float32")
    x[0, 2:] = 0.0
    y = Dense(2)(Masking()(x))
    assert y._keras_mask.tolist() == [[True, True, False, False], [True] * 4]


def test_get_mask_of_a_list():
    x = Embedding(10, 3, mask_zero=True)(IDS)
    masks = mask_flow.get_mask([x, np.ones(2)])
    assert masks[0].tolist() == KEPT
    assert masks[1] is None


def test_default_compute_mask_returns_the_previous_mask():
    mask = np.array([[True, False]])
    assert Dense(2).compute_mask(np.ones((1, 2, 3)), mask) is mask


def test_global_average_pooling_1d_averages_the_real_steps_only():
    ids = np.array([[1, 2, 0], [3, 0, 0]])
    pooled = GlobalAveragePooling1D()(Embedding(10, 2, mask_zero=True)(ids))
    assert mask_flow.get_mask(pooled) is None  # the time axis, and its mask, are gone
    values = np.arange(12.0).reshape(2, 3, 2)
    mask = ids != 0
    y = GlobalAveragePooling1D(keepdims=True)(values, mask=mask).numpy()
    np.testing.assert_allclose(y[:, 0], [values[0, :2].mean(0), values[1, 0]])


def test_symbolic_tensors_carry_symbolic_masks():
    inputs = Input((5,))
    embedded = Embedding(10, 3, mask_zero=True)(inputs)
    assert embedded._keras_mask.shape == (None, 5)
    assert embedded._keras_mask.dtype == "bool"
    sequence = LSTM(2, return_sequences=True)(embedded)
    assert Dense(1)(sequence)._keras_mask.shape == (None, 5)
    assert not hasattr(LSTM(2)(embedded), "_keras_mask")
    assert not hasattr(Dense(1)(inputs), "_keras_mask")
    assert Masking()(Input((4, 3)))._keras_mask.shape == (None, 4)


def test_a_functional_model_takes_a_mask_for_its_input():
    inputs = Input((5, 3))
    model = Model(inputs, LSTM(2)(inputs))
    x = np.random.rand(2, 5, 3).astype("float32")
    with pytest.warns(UserWarning, match="does not support masking"):
        y = model(x, mask=IDS != 0).numpy()
    np.testing.assert_allclose(y[1], model.layers[1](x[1:, :2]).numpy()[0], rtol=1e-6)


def test_a_mask_survives_the_conversion_to_the_layers_dtype():
    from kerasedu.autograd import Tensor
    from kerasedu.layers import Dense

    x = Tensor(np.ones((2, 3, 4), dtype="float64"))
    x._keras_mask = np.array([[True, True, False], [True, False, False]])
    y = Dense(2)(x)  # a float32 layer: x is converted first
    assert y._keras_mask.tolist() == x._keras_mask.tolist()
