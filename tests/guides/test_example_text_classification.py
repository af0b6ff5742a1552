"""Idioms of two keras.io text examples, on sequences of word indices.

Examples: https://keras.io/examples/nlp/bidirectional_lstm_imdb/ (an Embedding and two
``Bidirectional(LSTM)`` layers) and the model of
https://keras.io/examples/nlp/text_classification_from_scratch/ (Embedding, Dropout, strided
Conv1D, global max pooling). The code here is written for kerasedu's tests, with
``import kerasedu as keras`` in place of ``import keras``; ``keras.utils.pad_sequences`` pads
and truncates the reviews. Left out or replaced: the IMDB download (random reviews in which
the label shifts which words are common stand in), the second example's ``TextVectorization``
and ``tf.data`` steps (they need TensorFlow; the model reads integer sequences directly), and
the full lengths (30 and 100 words instead of 200 and 500) to keep the run short.
"""

import numpy as np

import kerasedu as keras
from kerasedu import layers

VOCABULARY = 20000


def random_reviews(count, rng):
    """`count` reviews of 10-59 word ids, and 0/1 labels.

    About 30% of a review's words are cue words: ids 3-52 for label 1, ids 53-102 for label 0.
    """
    labels = rng.integers(0, 2, size=count)
    reviews = []
    for label in labels:
        words = rng.integers(3, VOCABULARY, size=rng.integers(10, 60))
        is_cue = rng.random(len(words)) < 0.3
        words[is_cue] = rng.integers(3, 53, size=is_cue.sum()) + (0 if label else 50)
        reviews.append(words.tolist())
    return reviews, labels


def test_stacked_bidirectional_lstms(capsys):
    words = keras.Input(shape=(None,), dtype="int32")  # reviews of any length
    h = layers.Embedding(VOCABULARY, 128)(words)
    h = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(h)  # keeps every step
    h = layers.Bidirectional(layers.LSTM(64))(h)  # the last step only
    model = keras.Model(words, layers.Dense(1, activation="sigmoid")(h))
    model.summary()
    assert "Total params: 2,757,761" in capsys.readouterr().out

    rng = np.random.default_rng(0)
    fit_reviews, y_fit = random_reviews(96, rng)
    val_reviews, y_val = random_reviews(32, rng)
    # Cut longer reviews and left-pad shorter ones with 0 to 30 words.
    x_fit = keras.utils.pad_sequences(fit_reviews, maxlen=30)
    x_val = keras.utils.pad_sequences(val_reviews, maxlen=30)
    assert x_fit.shape == (96, 30)

    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    record = model.fit(x_fit, y_fit, batch_size=32, epochs=2, validation_data=(x_val, y_val))
    assert record.history["loss"][1] < record.history["loss"][0]
    assert set(record.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}


def test_strided_conv1d_over_embeddings(capsys):
    word_ids = keras.Input(shape=(None,), dtype="int64")
    h = layers.Dropout(0.5)(layers.Embedding(VOCABULARY, 128)(word_ids))
    for _ in range(2):
        h = layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3)(h)
    h = layers.GlobalMaxPooling1D()(h)
    h = layers.Dropout(0.5)(layers.Dense(128, activation="relu")(h))
    positive = layers.Dense(1, activation="sigmoid", name="positive")(h)
    model = keras.Model(word_ids, positive)
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    model.summary()
    # Embedding 20000*128, each Conv1D 7*128*128+128, Dense 128*128+128, output 128+1.
    assert model.count_params() == 2_560_000 + 2 * 114_816 + 16_512 + 129
    assert "positive" in capsys.readouterr().out

    rng = np.random.default_rng(1)
    fit_reviews, y_fit = random_reviews(128, rng)
    val_reviews, y_val = random_reviews(32, rng)
    x_fit = keras.utils.pad_sequences(fit_reviews, maxlen=100)
    x_val = keras.utils.pad_sequences(val_reviews, maxlen=100)
    record = model.fit(x_fit, y_fit, validation_data=(x_val, y_val), epochs=3)
    assert record.history["loss"][-1] < record.history["loss"][0]
    assert np.isfinite(model.evaluate(x_val, y_val, verbose=0)[0])
