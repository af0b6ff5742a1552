import os

import pytest

from kerasedu.callbacks import Callback, ModelCheckpoint


class ScriptedLoss(Callback):
    def __init__(self, values):
        super().__init__()
        self.values = values

    def on_epoch_end(self, epoch, logs=None):
        logs["val_loss"] = self.values[epoch]


def test_checkpoint_saves_only_on_improvement(linear_model, data, tmp_path, monkeypatch):
    x, y = data
    saved = []
    monkeypatch.setattr(
        linear_model,
        "save_weights",
        lambda path, overwrite=True: saved.append(os.path.basename(path)),
    )
    checkpoint = ModelCheckpoint(
        str(tmp_path / "w.{epoch:02d}-{val_loss:.2f}.h5"),
        save_best_only=True,
        save_weights_only=True,
    )
    linear_model.fit(
        x, y, epochs=4, verbose=0, callbacks=[ScriptedLoss([0.5, 0.7, 0.3, 0.3]), checkpoint]
    )
    assert saved == ["w.01-0.50.h5", "w.03-0.30.h5"]


def test_checkpoint_every_epoch_uses_model_save(linear_model, data, monkeypatch):
    x, y = data
    saved = []
    monkeypatch.setattr(linear_model, "save", lambda path, overwrite=True: saved.append(path))
    linear_model.fit(x, y, epochs=2, verbose=0, callbacks=[ModelCheckpoint("m{epoch}.h5")])
    assert saved == ["m1.h5", "m2.h5"]


def test_checkpoint_writes_real_weights_file(linear_model, data, tmp_path):
    x, y = data
    path = tmp_path / "best.weights.h5"
    linear_model.fit(
        x,
        y,
        epochs=2,
        verbose=0,
        validation_split=0.25,
        callbacks=[ModelCheckpoint(str(path), save_weights_only=True, save_best_only=True)],
    )
    assert path.exists()


def test_checkpoint_rejects_bad_save_freq():
    with pytest.raises(ValueError, match="save_freq"):
        ModelCheckpoint("x.h5", save_freq="batch")
