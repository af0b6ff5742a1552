"""keras.io guide "Writing your own callbacks" (Rick Chao, fchollet), import changed.

Source: https://keras.io/guides/writing_your_own_callbacks/ (keras-io/guides/
writing_your_own_callbacks.py, Apache License 2.0). The guide's code is kept as written
(`np.Inf`, gone from NumPy 2, is spelled `np.inf` as in the guide's current version); the
guide already limits MNIST to 1,000 samples, read here from the offline copy, and the long
runs get fewer epochs. The asserts check what the guide prints.
"""

import pytest

import kerasedu as keras


# Define the Keras model to add callbacks to
def get_model():
    model = keras.Sequential()
    model.add(keras.layers.Dense(1))
    model.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=0.1),
        loss="mean_squared_error",
        metrics=["mean_absolute_error"],
    )
    return model


@pytest.fixture(scope="module")
def mnist():
    # Load example MNIST data and pre-process it
    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    x_train = x_train.reshape(-1, 784).astype("float32") / 255.0
    x_test = x_test.reshape(-1, 784).astype("float32") / 255.0

    # Limit the data to 1000 samples
    x_train = x_train[:1000]
    y_train = y_train[:1000]
    x_test = x_test[:1000]
    y_test = y_test[:1000]
    return x_train, y_train, x_test, y_test


class CustomCallback(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        keys = list(logs.keys())
        print("Starting training; got log keys: {}".format(keys))

    def on_train_end(self, logs=None):
        keys = list(logs.keys())
        print("Stop training; got log keys: {}".format(keys))

    def on_epoch_begin(self, epoch, logs=None):
        keys = list(logs.keys())
        print("Start epoch {} of training; got log keys: {}".format(epoch, keys))

    def on_epoch_end(self, epoch, logs=None):
        keys = list(logs.keys())
        print("End epoch {} of training; got log keys: {}".format(epoch, keys))

    def on_test_begin(self, logs=None):
        keys = list(logs.keys())
        print("Start testing; got log keys: {}".format(keys))

    def on_test_end(self, logs=None):
        keys = list(logs.keys())
        print("Stop testing; got log keys: {}".format(keys))

    def on_predict_begin(self, logs=None):
        keys = list(logs.keys())
        print("Start predicting; got log keys: {}".format(keys))

    def on_predict_end(self, logs=None):
        keys = list(logs.keys())
        print("Stop predicting; got log keys: {}".format(keys))

    def on_train_batch_begin(self, batch, logs=None):
        keys = list(logs.keys())
        print("...Training: start of batch {}; got log keys: {}".format(batch, keys))

    def on_train_batch_end(self, batch, logs=None):
        keys = list(logs.keys())
        print("...Training: end of batch {}; got log keys: {}".format(batch, keys))

    def on_test_batch_begin(self, batch, logs=None):
        keys = list(logs.keys())
        print("...Evaluating: start of batch {}; got log keys: {}".format(batch, keys))

    def on_test_batch_end(self, batch, logs=None):
        keys = list(logs.keys())
        print("...Evaluating: end of batch {}; got log keys: {}".format(batch, keys))

    def on_predict_batch_begin(self, batch, logs=None):
        keys = list(logs.keys())
        print("...Predicting: start of batch {}; got log keys: {}".format(batch, keys))

    def on_predict_batch_end(self, batch, logs=None):
        keys = list(logs.keys())
        print("...Predicting: end of batch {}; got log keys: {}".format(batch, keys))


def test_a_basic_example(mnist, capsys):
    x_train, y_train, x_test, y_test = mnist
    model = get_model()
    model.fit(
        x_train,
        y_train,
        batch_size=128,
        epochs=1,
        verbose=0,
        validation_split=0.5,
        callbacks=[CustomCallback()],
    )
    lines = capsys.readouterr().out.splitlines()
    # What the guide's output shows (500 training samples: 4 batches of 128).
    assert lines[0] == "Starting training; got log keys: []"
    assert lines[1] == "Start epoch 0 of training; got log keys: []"
    assert lines[2] == "...Training: start of batch 0; got log keys: []"
    assert lines[3] == "...Training: end of batch 0; got log keys: ['loss', 'mean_absolute_error']"
    assert "Start testing; got log keys: []" in lines
    end_epoch = [line for line in lines if line.startswith("End epoch 0")]
    assert end_epoch == [
        "End epoch 0 of training; got log keys: "
        "['loss', 'mean_absolute_error', 'val_loss', 'val_mean_absolute_error']"
    ]
    assert lines[-1].startswith("Stop training; got log keys: ['loss', 'mean_absolute_error'")

    res = model.evaluate(x_test, y_test, batch_size=128, verbose=0, callbacks=[CustomCallback()])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Start testing; got log keys: []"
    assert lines[-1] == "Stop testing; got log keys: ['loss', 'mean_absolute_error']"
    assert len(res) == 2

    res = model.predict(x_test, batch_size=128, callbacks=[CustomCallback()])
    lines = [line for line in capsys.readouterr().out.splitlines() if "log keys" in line]
    assert lines[0] == "Start predicting; got log keys: []"
    assert lines[2] == "...Predicting: end of batch 0; got log keys: ['outputs']"
    assert lines[-1].endswith("Stop predicting; got log keys: []")  # Keras: after its progbar
    assert res.shape == (1000, 1)


class LossAndErrorPrintingCallback(keras.callbacks.Callback):
    def on_train_batch_end(self, batch, logs=None):
        print("Up to batch {}, the average loss is {:7.2f}.".format(batch, logs["loss"]))

    def on_test_batch_end(self, batch, logs=None):
        print("Up to batch {}, the average loss is {:7.2f}.".format(batch, logs["loss"]))

    def on_epoch_end(self, epoch, logs=None):
        print(
            "The average loss for epoch {} is {:7.2f} and mean absolute error is {:7.2f}.".format(
                epoch, logs["loss"], logs["mean_absolute_error"]
            )
        )


def test_usage_of_logs_dict(mnist, capsys):
    x_train, y_train, x_test, y_test = mnist
    model = get_model()
    model.fit(
        x_train,
        y_train,
        batch_size=128,
        epochs=2,
        verbose=0,
        callbacks=[LossAndErrorPrintingCallback()],
    )
    lines = capsys.readouterr().out.splitlines()
    # 1,000 samples in batches of 128: batches 0..7, then the epoch line, twice.
    assert len(lines) == 2 * 9
    assert lines[7].startswith("Up to batch 7, the average loss is")
    assert lines[8].startswith("The average loss for epoch 0 is")

    res = model.evaluate(
        x_test,
        y_test,
        batch_size=128,
        verbose=0,
        callbacks=[LossAndErrorPrintingCallback()],
    )
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 8
    # The last "average loss up to this batch" is the evaluation's loss.
    assert lines[-1] == "Up to batch 7, the average loss is {:7.2f}.".format(res[0])
