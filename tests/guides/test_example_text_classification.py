"""keras.io text examples on integer sequences, run with only the import changed.

1. "Bidirectional LSTM on IMDB" (fchollet): https://keras.io/examples/nlp/bidirectional_lstm_imdb/
   (keras-io/examples/nlp/bidirectional_lstm_imdb.py, Apache License 2.0).
2. The model of "Text classification from scratch" (Mark Omernick, fchollet):
   https://keras.io/examples/nlp/text_classification_from_scratch/ (Apache License 2.0), fed
   integer sequences directly: its `TextVectorization` and `tf.data` steps need TensorFlow.

The models are the examples' code. IMDB is a download: `keras.datasets.imdb.load_data` is
replaced by random reviews of word indices in which positive reviews use more words from a
"positive" part of the vocabulary; fewer and shorter reviews (the LSTM's `maxlen` 200 -> 30),
so that the module runs in a few seconds.
"""

import numpy as np

import kerasedu as keras
from kerasedu import layers


def fake_imdb(num_words, count, rng):
    """Random reviews (lists of word indices, lengths 10-60) and 0/1 labels."""
    labels = rng.integers(0, 2, size=count)
    reviews = []
    for label in labels:
        length = rng.integers(10, 60)
        words = rng.integers(3, num_words, size=length)
        cue = rng.random(length) < 0.3  # positive reviews: words 3-52, negative: 53-102
        words[cue] = rng.integers(3, 53, size=cue.sum()) + (0 if label else 50)
        reviews.append(words.tolist())
    return reviews, labels


def test_bidirectional_lstm_on_imdb(capsys):
    max_features = 20000  # Only consider the top 20k words
    maxlen = 30  # Only consider the first 30 words of each movie review (the example: 200)

    # Input for variable-length sequences of integers
    inputs = keras.Input(shape=(None,), dtype="int32")
    # Embed each integer in a 128-dimensional vector
    x = layers.Embedding(max_features, 128)(inputs)
    # Add 2 bidirectional LSTMs
    x = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(x)
    x = layers.Bidirectional(layers.LSTM(64))(x)
    # Add a classifier
    outputs = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.summary()
    assert "Total params: 2,757,761" in capsys.readouterr().out  # the example's summary

    # (x_train, y_train), (x_val, y_val) = keras.datasets.imdb.load_data(num_words=max_features)
    rng = np.random.default_rng(0)
    x_train, y_train = fake_imdb(max_features, 96, rng)
    x_val, y_val = fake_imdb(max_features, 32, rng)
    print(len(x_train), "Training sequences")
    print(len(x_val), "Validation sequences")
    # Use pad_sequence to standardize sequence length:
    # this will truncate sequences longer than 30 words and zero-pad sequences shorter than 30.
    x_train = keras.utils.pad_sequences(x_train, maxlen=maxlen)
    x_val = keras.utils.pad_sequences(x_val, maxlen=maxlen)
    assert x_train.shape == (96, 30)

    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(x_train, y_train, batch_size=32, epochs=2, validation_data=(x_val, y_val))
    assert history.history["loss"][1] < history.history["loss"][0]
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}


def test_embedding_conv1d_text_classifier(capsys):
    # Model constants.
    max_features = 20000
    embedding_dim = 128
    sequence_length = 100  # the example: 500

    # A integer input for vocab indices.
    inputs = keras.Input(shape=(None,), dtype="int64")

    # Next, we add a layer to map those vocab indices into a space of dimensionality
    # 'embedding_dim'.
    x = layers.Embedding(max_features, embedding_dim)(inputs)
    x = layers.Dropout(0.5)(x)

    # Conv1D + global max pooling
    x = layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3)(x)
    x = layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3)(x)
    x = layers.GlobalMaxPooling1D()(x)

    # We add a vanilla hidden layer:
    x = layers.Dense(128, activation="relu")(x)
    x = layers.Dropout(0.5)(x)

    # We project onto a single unit output layer, and squash it with a sigmoid:
    predictions = layers.Dense(1, activation="sigmoid", name="predictions")(x)

    model = keras.Model(inputs, predictions)

    # Compile the model with binary crossentropy loss and an adam optimizer.
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    model.summary()
    # Embedding 20000*128, 2 x Conv1D (7*128*128+128), Dense 128*128+128, Dense 129
    assert model.count_params() == 2_560_000 + 2 * 114_816 + 16_512 + 129
    assert "predictions" in capsys.readouterr().out

    # The example vectorizes tf.data text with TextVectorization; integer sequences here.
    rng = np.random.default_rng(1)
    x_train, y_train = fake_imdb(max_features, 128, rng)
    x_val, y_val = fake_imdb(max_features, 32, rng)
    x_train = keras.utils.pad_sequences(x_train, maxlen=sequence_length)
    x_val = keras.utils.pad_sequences(x_val, maxlen=sequence_length)

    epochs = 3

    # Fit the model using the train and test datasets.
    history = model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=epochs)
    assert history.history["loss"][-1] < history.history["loss"][0]
    assert np.isfinite(model.evaluate(x_val, y_val, verbose=0)[0])
