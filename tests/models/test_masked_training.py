"""Training with masks: the compiled loss and metrics count only the unmasked steps."""

import numpy as np
import pytest

from kerasedu.layers import LSTM, Dense, Embedding, Input, TimeDistributed
from kerasedu.models import Model, Sequential

IDS = np.array([[3, 4, 5, 0, 0], [1, 2, 0, 0, 0], [5, 6, 7, 8, 9]])
LABELS = np.array([[0, 1, 0, 1, 1], [1, 1, 0, 0, 0], [0, 1, 1, 0, 1]])


def tagger():
    inputs = Input((5,))
    h = LSTM(4, return_sequences=True)(Embedding(10, 3, mask_zero=True)(inputs))
    model = Model(inputs, Dense(2, activation="softmax")(h))
    model.compile("sgd", "sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def test_evaluate_averages_loss_and_accuracy_over_real_steps():
    model = tagger()
    loss, accuracy = model.evaluate(IDS, LABELS, verbose=0)
    probs = model.predict(IDS, verbose=0)
    kept = IDS != 0
    per_step = -np.log(np.take_along_axis(probs, LABELS[..., None], -1)[..., 0])
    assert loss == pytest.approx(per_step[kept].mean(), rel=1e-5)
    assert accuracy == pytest.approx((probs.argmax(-1) == LABELS)[kept].mean())


def test_padded_labels_get_no_gradient():
    model = tagger()
    before = [w.copy() for w in model.get_weights()]
    other = LABELS.copy()
    other[IDS == 0] = 1 - other[IDS == 0]  # change only the labels of padded steps
    twin = tagger()
    twin.set_weights(before)
    model.fit(IDS, LABELS, epochs=1, verbose=0, shuffle=False)
    twin.fit(IDS, other, epochs=1, verbose=0, shuffle=False)
    for a, b in zip(model.get_weights(), twin.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-6)


def test_sequence_classifier_without_sequences_has_no_mask_to_weigh():
    model = Sequential([Input((5,)), Embedding(10, 3, mask_zero=True), LSTM(2), Dense(1)])
    model.compile("sgd", "mse")
    loss = model.evaluate(IDS, np.ones((3, 1)), verbose=0)
    assert loss == pytest.approx(float(((model.predict(IDS, verbose=0) - 1) ** 2).mean()))


def test_time_distributed_passes_the_mask_to_the_loss():
    model = Sequential(
        [
            Input((5,)),
            Embedding(10, 3, mask_zero=True),
            LSTM(4, return_sequences=True),
            TimeDistributed(Dense(1)),
        ]
    )
    model.compile("sgd", "mse")
    y = np.ones((3, 5, 1))
    loss = model.evaluate(IDS, y, verbose=0)
    kept = IDS != 0
    assert loss == pytest.approx(((model.predict(IDS, verbose=0) - 1) ** 2)[kept].mean(), rel=1e-5)
