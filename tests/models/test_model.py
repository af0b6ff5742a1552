"""Model: one training step by hand (forward, loss, backward, RMSprop), metrics, subclassing."""

import numpy as np
import pytest

from kerasedu import ops, random
from kerasedu.layers import BatchNormalization, Dense, Input, Layer
from kerasedu.models import Model, Sequential
from kerasedu.optimizers import SGD, Adam, RMSprop

X = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0], [-2.0, 0.5]], dtype="float32")
Y = np.array([[1.0], [0.0], [2.0], [-1.0]], dtype="float32")


class Linear(Model):
    """y = x @ w + b, one Dense layer assigned as an attribute."""

    def __init__(self):
        super().__init__()
        self.dense = Dense(1, kernel_initializer="ones", bias_initializer="zeros")

    def call(self, x):
        return self.dense(x)


def linear_model(optimizer):
    model = Linear()
    model.compile(optimizer=optimizer, loss="mse")
    model(X[:1])  # build
    return model


def mse_gradients(w, b):
    """Gradients of mean((X w + b - Y)^2) over the batch: 2/N X^T e and 2/N sum(e)."""
    error = X.astype("float64") @ w + b - Y
    return 2 * X.T @ error / len(X), 2 * error.sum(axis=0) / len(X)


def test_train_on_batch_is_one_rmsprop_step_by_hand():
    model = linear_model(RMSprop(learning_rate=0.01))
    w, b = np.ones((2, 1)), np.zeros(1)
    gw, gb = mse_gradients(w, b)
    loss = model.train_on_batch(X, Y)
    assert loss == pytest.approx(float(((X @ w + b - Y) ** 2).mean()), rel=1e-6)
    for value, grad in ((w, gw), (b, gb)):
        v = 0.1 * grad**2  # v = rho * 0 + (1 - rho) * g^2, rho = 0.9
        value -= 0.01 * grad / np.sqrt(v + 1e-7)
    kernel, bias = model.get_weights()
    np.testing.assert_allclose(kernel, w, rtol=1e-5)
    np.testing.assert_allclose(bias, b, rtol=1e-5, atol=1e-7)


def test_two_sgd_steps_follow_the_gradient_of_the_current_weights():
    model = linear_model(SGD(learning_rate=0.05))
    w, b = np.ones((2, 1)), np.zeros(1)
    for _ in range(2):
        gw, gb = mse_gradients(w, b)
        w, b = w - 0.05 * gw, b - 0.05 * gb
        model.train_on_batch(X, Y)
    np.testing.assert_allclose(model.get_weights()[0], w, rtol=1e-5)
    np.testing.assert_allclose(model.get_weights()[1], b, rtol=1e-5, atol=1e-7)


def test_evaluate_and_predict_compute_without_changing_weights():
    model = linear_model("sgd")
    before = model.get_weights()
    prediction = model.predict(X, batch_size=3, verbose=0)
    assert isinstance(prediction, np.ndarray) and prediction.shape == (4, 1)
    np.testing.assert_allclose(prediction, X @ np.ones((2, 1)), rtol=1e-6)
    loss = model.evaluate(X, Y, batch_size=3, verbose=0)
    assert loss == pytest.approx(float(((prediction - Y) ** 2).mean()), rel=1e-6)
    for old, new in zip(before, model.get_weights()):
        np.testing.assert_array_equal(old, new)


def test_subclassed_model_finds_layers_assigned_as_attributes_and_in_lists():
    class Stack(Model):
        def __init__(self):
            super().__init__()
            self.blocks = [Dense(4), Dense(3)]
            self.head = Dense(1)

        def call(self, x):
            for block in self.blocks:
                x = block(x)
            return self.head(x)

    model = Stack()
    model(np.zeros((1, 2), dtype="float32"))
    assert model.layers == [*model.blocks, model.head]
    assert len(model.trainable_variables) == 6
    assert model.count_params() == (2 * 4 + 4) + (4 * 3 + 3) + (3 * 1 + 1)


def test_metrics_names_results_and_reset():
    model = Sequential([Dense(2, activation="softmax")])
    model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["accuracy"])
    y = np.eye(2, dtype="float32")[[0, 1, 1, 0]]
    model.evaluate(X, y, verbose=0)
    assert model.metrics_names == ["loss", "accuracy"]
    result = model.get_metrics_result()
    assert sorted(result) == ["accuracy", "loss"]
    predicted = model.predict(X, verbose=0).argmax(axis=1)
    assert result["accuracy"] == pytest.approx(float((predicted == y.argmax(axis=1)).mean()))
    model.reset_metrics()
    assert model.get_metrics_result()["loss"] == 0.0


def test_compile_rejects_an_unknown_keyword():
    with pytest.raises(TypeError, match="unexpected keyword argument 'metric'"):
        Linear().compile(optimizer="sgd", loss="mse", metric=["mae"])


def test_methods_that_train_need_compile_first():
    model = Linear()
    with pytest.raises(RuntimeError, match=r"compile\(\) before fit\(\)"):
        model.fit(X, Y, verbose=0)


class Encoder(Layer):
    """The Keras guide's VAE encoder: sub-layers as attributes, a random sample in call."""

    def __init__(self, latent_dim=2, intermediate_dim=8, **kwargs):
        super().__init__(**kwargs)
        self.dense_proj = Dense(intermediate_dim, activation="relu")
        self.dense_mean = Dense(latent_dim)
        self.dense_log_var = Dense(latent_dim)
        self.seed_generator = random.SeedGenerator(1337)

    def call(self, inputs):
        x = self.dense_proj(inputs)
        z_mean, z_log_var = self.dense_mean(x), self.dense_log_var(x)
        epsilon = random.normal(shape=ops.shape(z_mean), seed=self.seed_generator)
        return z_mean, z_log_var, z_mean + ops.exp(0.5 * z_log_var) * epsilon


class VariationalAutoEncoder(Model):
    """The guide's VAE: encoder and decoder sub-layers, the KL term added with add_loss."""

    def __init__(self, original_dim=6):
        super().__init__(name="autoencoder")
        self.encoder = Encoder()
        self.decoder = [Dense(8, activation="relu"), Dense(original_dim, activation="sigmoid")]

    def call(self, inputs):
        z_mean, z_log_var, z = self.encoder(inputs)
        reconstructed = self.decoder[1](self.decoder[0](z))
        kl = -0.5 * ops.mean(z_log_var - ops.square(z_mean) - ops.exp(z_log_var) + 1)
        self.add_loss(kl)
        return reconstructed


def test_subclassed_vae_tracks_its_weights_adds_its_loss_and_trains():
    np.random.seed(0)
    x = np.random.rand(64, 6).astype("float32")
    vae = VariationalAutoEncoder()
    vae.compile(optimizer=Adam(learning_rate=1e-2), loss="mse")
    vae(x[:2])
    assert len(vae.trainable_weights) == 10 and vae.layers == [vae.encoder, *vae.decoder]
    [kl] = vae.losses  # the latest call's add_loss value, reported by the model
    y_pred = vae(x)
    mse = float(((y_pred.numpy() - x) ** 2).mean())
    total = vae.compute_loss(x, x, y_pred)
    assert float(total) == pytest.approx(mse + float(vae.losses[0]), rel=1e-5)
    assert float(vae.evaluate(x, x, verbose=0)) > mse  # evaluate counts the add_loss term too
    history = vae.fit(x, x, epochs=5, batch_size=16, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]
    assert np.isfinite(float(kl))


@pytest.mark.parametrize("filename", ["nested.h5", "nested.weights.h5"])
def test_nested_subclassed_model_weights_round_trip(tmp_path, filename):
    x = np.random.rand(4, 6).astype("float32")
    model, clone = VariationalAutoEncoder(), VariationalAutoEncoder()
    model(x), clone(x)
    model.save_weights(tmp_path / filename)
    clone.load_weights(tmp_path / filename)
    for saved, loaded in zip(model.get_weights(), clone.get_weights()):
        np.testing.assert_array_equal(saved, loaded)
    assert len(clone.get_weights()) == 10


def test_transfer_learning_freeze_then_fine_tune():
    """The transfer-learning guide: freeze the base (BN runs in inference mode), then unfreeze."""
    np.random.seed(1)
    base = Sequential([Input((4,)), Dense(8, activation="relu"), BatchNormalization()])
    x, y = np.random.rand(32, 4).astype("float32"), np.random.rand(32, 1).astype("float32")
    base.trainable = False
    assert [layer.trainable for layer in base.layers] == [False, False]
    inputs = Input((4,))
    model = Model(inputs, Dense(1)(base(inputs, training=False)))
    model.compile(optimizer="adam", loss="mse")
    before = base.get_weights()
    model.fit(x, y, epochs=2, batch_size=8, verbose=0)
    base(x, training=True)  # a frozen BatchNormalization runs in inference mode (Keras 3)
    for old, new in zip(before, base.get_weights()):  # moving stats included
        np.testing.assert_array_equal(old, new)
    base.trainable = True
    assert all(layer.trainable for layer in base.layers)
    model.compile(optimizer=Adam(1e-5), loss="mse")  # recompile: the flags count from now
    model.fit(x, y, epochs=1, batch_size=8, verbose=0)
    assert not np.array_equal(before[0], base.get_weights()[0])
