"""Model.fit / evaluate / predict: the arguments of Keras's API."""

import warnings

import numpy as np
import pytest

from kerasedu.callbacks import Callback, LambdaCallback
from kerasedu.layers import Dense, Input, concatenate
from kerasedu.models import Model
from kerasedu.utils import Sequence, unpack_x_y_sample_weight


def compiled_model(units_in=3, metrics=None):
    inputs = Input(shape=(units_in,))
    model = Model(inputs, Dense(1)(inputs))
    model.compile(optimizer="sgd", loss="mse", metrics=metrics)
    return model


def numbered_data(n=20):
    """x[i] = (i, i, i), so a batch tells which samples it holds."""
    x = np.repeat(np.arange(n, dtype="float32")[:, None], 3, axis=1)
    return x, np.zeros((n, 1), dtype="float32")


class RecordBatches(Model):
    """A functional-like model that remembers the first column of every training batch."""

    def __init__(self):
        super().__init__()
        self.dense = Dense(1)
        self.seen = []

    def call(self, x):
        return self.dense(x)

    def train_step(self, data):  # Keras 3's signature: the batch as one tuple
        x, y, sample_weight = unpack_x_y_sample_weight(data)
        self.seen.append(np.asarray(x)[:, 0].astype(int).tolist())
        return super().train_step((x, y, sample_weight))


def test_validation_split_uses_the_last_samples_before_shuffling():
    x, y = numbered_data(20)
    model = RecordBatches()
    model.compile(optimizer="sgd", loss="mse")
    val_batches = []
    spy = LambdaCallback(on_test_batch_begin=lambda batch, logs: val_batches.append(batch))
    history = model.fit(
        x, y, epochs=2, batch_size=4, validation_split=0.2, shuffle=True, verbose=0, callbacks=[spy]
    )
    trained = sorted(i for batch in model.seen[:4] for i in batch)
    assert trained == list(range(16))  # samples 16..19 are held out
    assert model.seen[0] != list(range(4)) or model.seen[1] != list(range(4, 8))  # shuffled
    assert len(val_batches) == 2  # one batch of 4 validation samples, per epoch
    np.testing.assert_allclose(
        history.history["val_loss"][-1], model.evaluate(x[16:], y[16:], verbose=0), rtol=1e-6
    )


def test_shuffle_false_keeps_the_order():
    x, y = numbered_data(8)
    model = RecordBatches()
    model.compile(optimizer="sgd", loss="mse")
    model.fit(x, y, batch_size=4, shuffle=False, verbose=0)
    assert model.seen == [[0, 1, 2, 3], [4, 5, 6, 7]]


def test_fit_twice_continues_training():
    x, y = numbered_data(16)
    y = x[:, :1] * 0.5
    model = compiled_model()
    first = model.fit(x / 16, y / 16, epochs=3, verbose=0).history["loss"]
    second = model.fit(x / 16, y / 16, epochs=2, verbose=0).history["loss"]
    assert second[0] < first[0]
    assert model.optimizer.iterations == 5 * 1  # 16 samples, batch 32: one step per epoch


def test_initial_epoch_and_legacy_nb_epoch():
    x, y = numbered_data(8)
    model = compiled_model()
    history = model.fit(x, y, epochs=5, initial_epoch=3, verbose=0)
    assert history.epoch == [3, 4]
    with pytest.warns(DeprecationWarning, match="epochs"):
        history = model.fit(x, y, nb_epoch=2, verbose=0)
    assert len(history.history["loss"]) == 2


def test_evaluate_and_predict_default_batch_size_is_32():
    x, y = numbered_data(70)
    model = compiled_model()
    counts = {"test": 0, "predict": 0}
    spy = LambdaCallback(
        on_test_batch_end=lambda batch, logs: counts.__setitem__("test", counts["test"] + 1),
        on_predict_batch_end=lambda batch, logs: counts.__setitem__(
            "predict", counts["predict"] + 1
        ),
    )
    model.evaluate(x, y, verbose=0, callbacks=[spy])
    predictions = model.predict(x, verbose=0, callbacks=[spy])
    assert counts == {"test": 3, "predict": 3}
    assert isinstance(predictions, np.ndarray) and predictions.shape == (70, 1)


def test_evaluate_return_forms():
    x, y = numbered_data(8)
    model = compiled_model(metrics=["mae"])
    loss, mae = model.evaluate(x, y, verbose=0)
    logs = model.evaluate(x, y, verbose=0, return_dict=True)
    assert logs == {"loss": loss, "mae": mae}


def test_validation_data_and_freq():
    x, y = numbered_data(8)
    model = compiled_model()
    history = model.fit(
        x, y, epochs=4, verbose=0, validation_data=(x[:4], y[:4]), validation_freq=2
    )
    assert len(history.history["val_loss"]) == 2


def test_generator_needs_steps_per_epoch():
    def batches():
        rng = np.random.default_rng(0)
        while True:
            x = rng.normal(size=(4, 3)).astype("float32")
            yield x, x.sum(axis=1, keepdims=True)

    model = compiled_model()
    history = model.fit(
        batches(),
        steps_per_epoch=5,
        epochs=2,
        verbose=0,
        validation_data=batches(),
        validation_steps=2,
    )
    assert len(history.history["loss"]) == 2 and "val_loss" in history.history
    assert model.optimizer.iterations == 10


def test_finite_generator_runs_out_with_a_warning():
    model = compiled_model()
    data = ((np.zeros((2, 3)), np.zeros((2, 1))) for _ in range(3))
    with pytest.warns(UserWarning, match="ran out of data"):
        history = model.fit(data, epochs=3, verbose=0)
    assert len(history.history["loss"]) == 1


def test_sequence_input():
    class Batches(Sequence):
        def __init__(self):
            super().__init__()
            self.ends = 0

        def __len__(self):
            return 3

        def __getitem__(self, index):
            x = np.full((4, 3), index, dtype="float32")
            return x, np.zeros((4, 1), dtype="float32")

        def on_epoch_end(self):
            self.ends += 1

    seq = Batches()
    model = compiled_model()
    model.fit(seq, epochs=2, verbose=0)
    assert seq.ends == 2 and model.optimizer.iterations == 6
    assert model.predict(seq, verbose=0).shape == (12, 1)
    assert isinstance(model.evaluate(seq, verbose=0), float)


def test_multi_input_multi_output_with_dicts_and_lists():
    a, b = Input(shape=(3,), name="a"), Input(shape=(2,), name="b")
    merged = concatenate([a, b])
    out_reg = Dense(1, name="reg")(merged)
    out_cls = Dense(2, activation="softmax", name="cls")(merged)
    model = Model([a, b], [out_reg, out_cls])
    model.compile(
        optimizer="sgd",
        loss={"reg": "mse", "cls": "sparse_categorical_crossentropy"},
        loss_weights={"reg": 1.0, "cls": 0.5},
    )
    rng = np.random.default_rng(0)
    xa, xb = rng.normal(size=(8, 3)), rng.normal(size=(8, 2))
    y_reg, y_cls = rng.normal(size=(8, 1)), np.arange(8) % 2
    history = model.fit({"a": xa, "b": xb}, {"reg": y_reg, "cls": y_cls}, epochs=1, verbose=0)
    assert set(history.history) == {"loss", "reg_loss", "cls_loss"}
    logs = model.evaluate([xa, xb], [y_reg, y_cls], verbose=0, return_dict=True)
    np.testing.assert_allclose(logs["loss"], logs["reg_loss"] + 0.5 * logs["cls_loss"], rtol=1e-5)
    reg, cls = model.predict([xa, xb], verbose=0)
    assert reg.shape == (8, 1) and cls.shape == (8, 2)


def test_mismatched_sample_counts():
    model = compiled_model()
    with pytest.raises(ValueError, match=r"x sizes: \[5\], y sizes: \[4\]"):
        model.fit(np.zeros((5, 3)), np.zeros((4, 1)), verbose=0)


def test_wrong_input_shape_names_the_model_and_shapes():
    model = compiled_model()
    with pytest.raises(ValueError, match=rf"{model.name}.*\(None, 3\).*\(2, 5\)"):
        model.fit(np.zeros((4, 5)), np.zeros((4, 1)), batch_size=2, verbose=0)


def test_nan_input_warns_and_nan_loss_is_logged():
    x, y = numbered_data(8)
    x[3, 0] = np.nan
    model = compiled_model()
    with pytest.warns(UserWarning, match="x contains NaN"), np.errstate(invalid="ignore"):
        history = model.fit(x, y, epochs=1, verbose=0)
    assert np.isnan(history.history["loss"][0])


def test_stop_training_from_a_callback_ends_fit_after_the_epoch():
    class StopAtOne(Callback):
        def on_epoch_end(self, epoch, logs=None):
            if epoch == 1:
                self.model.stop_training = True

    x, y = numbered_data(8)
    history = compiled_model().fit(x, y, epochs=5, verbose=0, callbacks=[StopAtOne()])
    assert history.epoch == [0, 1]


def test_verbose_auto_prints_a_progress_line(capsys):
    x, y = numbered_data(8)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        compiled_model().fit(x, y, epochs=1, batch_size=4)
    out = capsys.readouterr().out
    assert "Epoch 1/1" in out and "2/2 ━━━━━━━━━━━━━━━━━━━━" in out and "step - loss:" in out
