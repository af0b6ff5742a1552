"""Masked models against real Keras 3, same weights: outputs, loss and metrics, weights after fit.

Skipped when Keras is not installed (``pip install -e ".[reference]"``).
"""

import os

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "jax")  # before keras is first imported
keras = pytest.importorskip("keras")

import kerasedu  # noqa: E402

pytestmark = pytest.mark.reference
IDS = np.array([[3, 4, 5, 0, 0], [1, 2, 0, 0, 0], [5, 6, 7, 8, 9]])
TAGS = np.random.default_rng(0).integers(0, 2, size=(3, 5))
LABELS = np.array([[1.0], [0.0], [1.0]], dtype="float32")


def taggers(layers):
    return {
        "lstm": layers.LSTM(3, return_sequences=True),
        "gru_backwards": layers.GRU(3, return_sequences=True, go_backwards=True),
        "simple_rnn": layers.SimpleRNN(3, return_sequences=True),
        "bidirectional": layers.Bidirectional(layers.LSTM(3, return_sequences=True)),
        "bidirectional_sum": layers.Bidirectional(
            layers.GRU(3, return_sequences=True), merge_mode="sum"
        ),
        "time_distributed": layers.TimeDistributed(layers.Dense(3, activation="tanh")),
    }


def classifiers(layers):
    return {
        "lstm": lambda x: layers.LSTM(3)(x),
        "gru_backwards": lambda x: layers.GRU(3, go_backwards=True)(x),
        "bidirectional": lambda x: layers.Bidirectional(layers.SimpleRNN(3))(x),
        "average": lambda x: layers.GlobalAveragePooling1D()(layers.Dense(3)(x)),
        "lstm_state": lambda x: layers.LSTM(3, return_state=True)(x)[2],
    }


def build(library, body, activation, units):
    layers = library.layers
    inputs = layers.Input((5,))
    h = body(layers.Embedding(10, 4, mask_zero=True)(inputs))
    return library.Model(inputs, layers.Dense(units, activation=activation)(h))


def twins(body_of, name, activation, units):
    theirs = build(keras, lambda x: body_of(keras.layers)[name](x), activation, units)
    ours = build(kerasedu, lambda x: body_of(kerasedu.layers)[name](x), activation, units)
    ours.set_weights(theirs.get_weights())
    return theirs, ours


@pytest.mark.parametrize("name", list(taggers(kerasedu.layers)))
def test_sequence_tagger_matches_keras(name):
    theirs, ours = twins(taggers, name, "softmax", 2)
    for model in (theirs, ours):
        model.compile("sgd", "sparse_categorical_crossentropy", metrics=["accuracy"])
    np.testing.assert_allclose(
        ours.predict(IDS, verbose=0), theirs.predict(IDS, verbose=0), atol=1e-6
    )
    np.testing.assert_allclose(
        ours.evaluate(IDS, TAGS, verbose=0), theirs.evaluate(IDS, TAGS, verbose=0), rtol=1e-5
    )


@pytest.mark.parametrize("name", list(classifiers(kerasedu.layers)))
def test_sequence_classifier_trains_like_keras(name):
    theirs, ours = twins(classifiers, name, "sigmoid", 1)
    theirs.compile(keras.optimizers.SGD(0.5), "binary_crossentropy", metrics=["accuracy"])
    ours.compile(kerasedu.optimizers.SGD(0.5), "binary_crossentropy", metrics=["accuracy"])
    for model in (theirs, ours):
        model.fit(IDS, LABELS, epochs=2, verbose=0, shuffle=False)
    for a, b in zip(ours.get_weights(), theirs.get_weights()):
        np.testing.assert_allclose(a, b, atol=1e-6)


def test_masking_layer_with_sample_weights_matches_keras():
    x = np.random.default_rng(1).random((3, 5, 2), dtype="float32")
    x[0, 3:] = 0.0
    x[1, 2:] = 0.0
    y = np.random.default_rng(2).random((3, 5, 1), dtype="float32")
    weights = np.array([[1.0], [2.0], [0.5]])  # (N, 1): Keras cannot broadcast (N,) to (N, T)
    models = []
    for library in (keras, kerasedu):
        inputs = library.layers.Input((5, 2))
        masked = library.layers.Masking()(inputs)
        h = library.layers.LSTM(3, return_sequences=True)(masked)
        model = library.Model(inputs, library.layers.Dense(1)(h))
        model.compile("sgd", "mse", metrics=["mae"], weighted_metrics=["mse"])
        models.append(model)
    theirs, ours = models
    ours.set_weights(theirs.get_weights())
    for sample_weight in (None, weights):
        np.testing.assert_allclose(
            ours.evaluate(x, y, sample_weight=sample_weight, verbose=0),
            theirs.evaluate(x, y, sample_weight=sample_weight, verbose=0),
            rtol=1e-5,
        )
