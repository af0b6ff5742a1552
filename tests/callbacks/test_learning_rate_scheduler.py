import numpy as np

from kerasedu.callbacks import LearningRateScheduler
from kerasedu.layers import Dense, Input
from kerasedu.models import Model


def test_scheduler_sets_rate_used_by_the_optimizer(linear_model, data):
    x, y = data
    history = linear_model.fit(
        x,
        y,
        epochs=3,
        verbose=0,
        batch_size=16,
        callbacks=[LearningRateScheduler(lambda epoch: 0.1 / (epoch + 1))],
    )
    np.testing.assert_allclose(history.history["learning_rate"], [0.1, 0.05, 0.1 / 3], rtol=1e-6)
    np.testing.assert_allclose(float(linear_model.optimizer.learning_rate), 0.1 / 3, rtol=1e-6)


def test_scheduler_two_argument_form_and_step_size(data):
    x, y = data
    np.random.seed(0)
    inputs = Input(shape=(3,))
    model = Model(inputs, Dense(1, use_bias=False, kernel_initializer="zeros")(inputs))
    model.compile(optimizer="sgd", loss="mse")
    scheduler = LearningRateScheduler(lambda epoch, lr: 0.0 if epoch == 0 else 0.05)
    model.fit(x, y, epochs=1, batch_size=16, shuffle=False, verbose=0, callbacks=[scheduler])
    np.testing.assert_array_equal(model.get_weights()[0], 0.0)  # rate 0: no step
    model.fit(
        x,
        y,
        epochs=2,
        initial_epoch=1,
        batch_size=16,
        shuffle=False,
        verbose=0,
        callbacks=[scheduler],
    )
    grad = 2 * x.T @ (x @ np.zeros((3, 1)) - y) / len(x)  # d mse / d w at w = 0
    np.testing.assert_allclose(model.get_weights()[0], -0.05 * grad, rtol=1e-4)
