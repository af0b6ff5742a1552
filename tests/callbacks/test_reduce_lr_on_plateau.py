import warnings

import numpy as np
import pytest

from kerasedu.callbacks import Callback, ReduceLROnPlateau


class ConstantLoss(Callback):
    def on_epoch_end(self, epoch, logs=None):
        logs["val_loss"] = 1.0


def test_reduce_lr_on_plateau_reduces_after_patience(linear_model, data):
    x, y = data
    linear_model.optimizer.learning_rate = 0.1
    reduce = ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2, min_lr=0.02)
    history = linear_model.fit(x, y, epochs=7, verbose=0, callbacks=[ConstantLoss(), reduce])
    # epoch 0 sets best; epochs 1, 2 wait -> reduce at end of epoch 2; again at 4; min_lr at 6
    np.testing.assert_allclose(
        history.history["learning_rate"], [0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025], rtol=1e-6
    )
    np.testing.assert_allclose(float(linear_model.optimizer.learning_rate), 0.02, rtol=1e-6)


def test_reduce_lr_cooldown(linear_model, data):
    x, y = data
    linear_model.optimizer.learning_rate = 1.0
    reduce = ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=1, cooldown=2)
    history = linear_model.fit(x, y, epochs=6, verbose=0, callbacks=[ConstantLoss(), reduce])
    # reduce at the end of epoch 1; epoch 2 is cooldown; epoch 3 waits again and reduces
    np.testing.assert_allclose(history.history["learning_rate"], [1.0, 1.0, 0.5, 0.5, 0.25, 0.25])


def test_reduce_lr_legacy_epsilon_and_bad_factor():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reduce = ReduceLROnPlateau(epsilon=0.01)
    assert reduce.min_delta == 0.01 and "min_delta" in str(caught[0].message)
    with pytest.raises(ValueError, match="factor"):
        ReduceLROnPlateau(factor=2.0)
