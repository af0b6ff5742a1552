"""Idioms of the keras.io example "Timeseries classification from scratch".

Example: https://keras.io/examples/timeseries/timeseries_classification_from_scratch/. The code
here is written for kerasedu's tests: a fully convolutional 1-D classifier (three
Conv1D + BatchNormalization + ReLU blocks, global average pooling, a softmax Dense) built with
``keras.layers.Input`` and ``keras.models.Model``, trained with ``ModelCheckpoint``,
``ReduceLROnPlateau`` and ``EarlyStopping`` on ``val_loss``, then reloaded from the best
checkpoint, with ``import kerasedu as keras`` in place of ``import keras``. Left out or
replaced: the FordA files are a download, so a generator writes TSV files in their layout
(label -1/1 first, then 176 z-normalized values; class 1 oscillates faster); fewer series (160
+ 40) and epochs (6 instead of 500); the matplotlib plots; scikit-learn's accuracy (a NumPy
mean instead).
"""

import numpy as np
import pytest

import kerasedu as keras

SERIES_LENGTH = 176


@pytest.fixture
def tsv_series(tmp_path):
    """Paths of a 160-row training and a 40-row test file: label, then the series, tab-separated."""
    rng = np.random.default_rng(0)
    steps = np.arange(SERIES_LENGTH)
    paths = []
    for file_name, rows in (("train.tsv", 160), ("test.tsv", 40)):
        labels = rng.choice([-1, 1], size=rows)
        speed = np.where(labels == 1, 0.3, 0.1)[:, None]
        phase = rng.uniform(0, 2 * np.pi, size=(rows, 1))
        series = np.sin(speed * steps + phase) + 0.5 * rng.standard_normal((rows, SERIES_LENGTH))
        series = (series - series.mean(axis=1, keepdims=True)) / series.std(axis=1, keepdims=True)
        np.savetxt(tmp_path / file_name, np.column_stack([labels, series]), delimiter="\t")
        paths.append(str(tmp_path / file_name))
    return paths


def load_labelled_series(path):
    """(rows, 176, 1) float series and 0/1 integer labels (-1 becomes 0)."""
    table = np.loadtxt(path, delimiter="\t")
    labels = table[:, 0].astype(int)
    labels[labels == -1] = 0
    return table[:, 1:, None], labels


def conv_block(tensor):
    h = keras.layers.Conv1D(filters=64, kernel_size=3, padding="same")(tensor)
    return keras.layers.ReLU()(keras.layers.BatchNormalization()(h))


def fully_convolutional(input_shape, class_count):
    series = keras.layers.Input(input_shape)
    h = conv_block(conv_block(conv_block(series)))
    pooled = keras.layers.GlobalAveragePooling1D()(h)
    probs = keras.layers.Dense(class_count, activation="softmax")(pooled)
    return keras.models.Model(inputs=series, outputs=probs)


def test_convolutional_series_classifier_with_callbacks(tsv_series, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # plot_model writes its default file name here
    x_fit, y_fit = load_labelled_series(tsv_series[0])
    x_test, y_test = load_labelled_series(tsv_series[1])
    order = np.random.permutation(len(x_fit))
    x_fit, y_fit = x_fit[order], y_fit[order]

    model = fully_convolutional(x_fit.shape[1:], class_count=len(np.unique(y_fit)))
    keras.utils.plot_model(model, show_shapes=True)
    # First Conv1D 1*3*64+64, two more 64*3*64+64, three BatchNormalization 4*64, Dense 64*2+2.
    assert model.count_params() == 256 + 2 * 12352 + 3 * 256 + 130

    best_file = str(tmp_path / "best.keras")
    watchers = [
        keras.callbacks.ModelCheckpoint(best_file, save_best_only=True, monitor="val_loss"),
        keras.callbacks.ReduceLROnPlateau(
            monitor="val_loss", factor=0.5, patience=2, min_lr=0.0001
        ),
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, verbose=1),
    ]
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    record = model.fit(
        x_fit, y_fit, batch_size=32, epochs=6, callbacks=watchers, validation_split=0.2, verbose=1
    )
    assert record.history["loss"][-1] < record.history["loss"][0]
    assert record.history["accuracy"][-1] > 0.8

    best = keras.models.load_model(best_file)
    guesses = best.predict(x_test).argmax(axis=1)
    assert guesses.shape == (40,)
    print("test accuracy", np.mean(guesses == y_test))
    # The checkpoint is the epoch of lowest val_loss (validation_split takes the last 20%).
    # Test accuracy is not asserted: after 6 epochs BatchNormalization's moving statistics
    # (momentum 0.99) still lag, in Keras too, so inference is close to chance.
    val_loss = best.evaluate(x_fit[128:], y_fit[128:], verbose=0)[0]
    assert val_loss == pytest.approx(min(record.history["val_loss"]), rel=1e-4)
