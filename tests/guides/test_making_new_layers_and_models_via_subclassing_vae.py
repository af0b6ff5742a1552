"""Idioms of the Keras guide on subclassing, second half: ``training`` and a subclassed Model.

Guide: https://keras.io/guides/making_new_layers_and_models_via_subclassing/. The code here is
written for kerasedu's tests: a layer whose ``call`` takes the ``training`` flag and uses
``keras.random.dropout``, and a variational autoencoder built as a ``keras.Model`` subclass
from subclassed layers (a reparameterization layer with ``keras.random.normal``, an encoder
returning three tensors, a decoder), whose KL term goes through ``add_loss`` next to a compiled
MSE, with ``import kerasedu as keras`` in place of ``import keras``. Data: 512 digits of the
offline MNIST copy for 2 epochs (the guide trains on all 60,000); nothing needed leaving out.
"""

import numpy as np

import kerasedu as keras
from kerasedu import layers, ops


def test_call_receives_the_training_flag():
    class TrainOnlyDropout(keras.layers.Layer):
        def __init__(self, rate, **kwargs):
            super().__init__(**kwargs)
            self.rate = rate

        def call(self, inputs, training=None):
            # fit passes training=True; predict and a plain call leave it None.
            return keras.random.dropout(inputs, rate=self.rate) if training else inputs

    dropout = TrainOnlyDropout(0.5)
    ones = np.ones((100, 10), dtype="float32")
    np.testing.assert_array_equal(ops.convert_to_numpy(dropout(ones)), ones)
    noisy = ops.convert_to_numpy(dropout(ones, training=True))
    assert set(np.unique(noisy)) <= {0.0, 2.0}  # survivors are scaled by 1 / (1 - rate)
    assert 0.3 < (noisy == 0).mean() < 0.7


class Reparameterize(layers.Layer):
    """(mean, log_variance), each (batch, code) -> mean + exp(log_variance / 2) * N(0, 1)."""

    def call(self, inputs):
        mean, log_variance = inputs
        noise = keras.random.normal(shape=(ops.shape(mean)[0], ops.shape(mean)[1]))
        return mean + ops.exp(0.5 * log_variance) * noise


class GaussianEncoder(layers.Layer):
    """(batch, pixels) -> (mean, log_variance, sample), each (batch, code_size)."""

    def __init__(self, code_size=32, hidden_size=64, name="encoder", **kwargs):
        super().__init__(name=name, **kwargs)
        self.hidden = layers.Dense(hidden_size, activation="relu")
        self.to_mean = layers.Dense(code_size)
        self.to_log_variance = layers.Dense(code_size)
        self.reparameterize = Reparameterize()

    def call(self, inputs):
        h = self.hidden(inputs)
        mean, log_variance = self.to_mean(h), self.to_log_variance(h)
        return mean, log_variance, self.reparameterize((mean, log_variance))


class PixelDecoder(layers.Layer):
    """(batch, code_size) -> (batch, pixel_count) values in (0, 1)."""

    def __init__(self, pixel_count, hidden_size=64, name="decoder", **kwargs):
        super().__init__(name=name, **kwargs)
        self.hidden = layers.Dense(hidden_size, activation="relu")
        self.to_pixels = layers.Dense(pixel_count, activation="sigmoid")

    def call(self, inputs):
        return self.to_pixels(self.hidden(inputs))


class DigitVAE(keras.Model):
    """Encoder and decoder trained together; the KL divergence to N(0, 1) is an added loss."""

    def __init__(self, pixel_count, hidden_size=64, code_size=32, name="vae", **kwargs):
        super().__init__(name=name, **kwargs)
        self.pixel_count = pixel_count
        self.encoder = GaussianEncoder(code_size=code_size, hidden_size=hidden_size)
        self.decoder = PixelDecoder(pixel_count, hidden_size=hidden_size)

    def call(self, inputs):
        mean, log_variance, code = self.encoder(inputs)
        kl = -0.5 * ops.mean(1 + log_variance - ops.square(mean) - ops.exp(log_variance))
        self.add_loss(kl)
        return self.decoder(code)


def test_a_variational_autoencoder_model_subclass():
    (images, _), _ = keras.datasets.mnist.load_data()
    pixels = images[:512].reshape(512, 784).astype("float32") / 255

    vae = DigitVAE(784, 64, 32)
    vae.compile(keras.optimizers.Adam(learning_rate=1e-3), loss=keras.losses.MeanSquaredError())
    record = vae.fit(pixels, pixels, epochs=2, batch_size=64, verbose=0)  # targets = inputs
    assert vae.pixel_count == 784
    # Encoder 784*64+64 + 2*(64*32+32); decoder 32*64+64 + 64*784+784.
    assert vae.count_params() == 54_400 + 53_072
    assert len(vae.trainable_weights) == 10
    assert record.history["loss"][1] < record.history["loss"][0]
