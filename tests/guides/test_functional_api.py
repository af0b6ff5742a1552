"""Idioms of the Keras guide on the functional API, first half.

Guide: https://keras.io/guides/functional_api/. The code here is written for kerasedu's tests:
``keras.Input`` and calling layers on symbolic tensors, ``summary``/``plot_model``, compile,
fit, evaluate, save and ``load_model`` on a functional model, one layer graph giving several
models (encoder, decoder, autoencoder), models called like layers, an averaging ensemble, and a
model with three inputs and two outputs trained from dicts, with ``import kerasedu as keras`` in
place of ``import keras``. Data: a slice of the offline MNIST copy and small random arrays. Left
out: the feature extraction from ``keras.applications.VGG19()``, whose ImageNet weights are a
download (``test_functional_api_custom_layers.py`` reads a toy ResNet's inner outputs instead).
"""

import numpy as np

import kerasedu as keras
from kerasedu import layers, ops


def digits_mlp():
    """784 -> 64 relu -> 64 relu -> 10 logits; the first layer kept in a variable, then called."""
    pixels = keras.Input(shape=(784,))
    first = layers.Dense(64, activation="relu")
    hidden = first(pixels)
    hidden = layers.Dense(64, activation="relu")(hidden)
    return keras.Model(inputs=pixels, outputs=layers.Dense(10)(hidden), name="digits_mlp")


def test_inputs_summary_and_plot(tmp_path, capsys):
    vectors = keras.Input(shape=(784,))
    pictures = keras.Input(shape=(32, 32, 3))
    assert tuple(vectors.shape) == (None, 784)  # the batch size stays open
    assert tuple(pictures.shape) == (None, 32, 32, 3)
    assert vectors.dtype == "float32"

    net = digits_mlp()
    net.summary()
    assert "Total params: 55,050" in capsys.readouterr().out  # 50,240 + 4,160 + 650

    keras.utils.plot_model(net, str(tmp_path / "mlp.png"))
    keras.utils.plot_model(net, str(tmp_path / "mlp_shapes.png"), show_shapes=True)
    assert (tmp_path / "mlp_shapes.png").stat().st_size > 0


def test_train_evaluate_save_and_reload(tmp_path):
    (train_images, train_labels), (test_images, test_labels) = keras.datasets.mnist.load_data()
    x_fit = train_images[:2000].reshape(2000, 784).astype("float32") / 255
    x_test = test_images[:500].reshape(500, 784).astype("float32") / 255
    y_fit, y_test = train_labels[:2000], test_labels[:500]

    net = digits_mlp()
    net.compile(
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        optimizer=keras.optimizers.RMSprop(),
        metrics=["accuracy"],
    )
    record = net.fit(x_fit, y_fit, batch_size=64, epochs=2, validation_split=0.2, verbose=0)
    assert record.history["loss"][1] < record.history["loss"][0]
    assert set(record.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    loss, accuracy = net.evaluate(x_test, y_test, verbose=2)
    assert accuracy > 0.8

    # The .keras file holds architecture, weights and compile state: no code needed to reload.
    file = str(tmp_path / "digits_mlp.keras")
    net.save(file)
    before = net.predict(x_test, verbose=0)
    del net
    reloaded = keras.models.load_model(file)
    np.testing.assert_allclose(reloaded.predict(x_test, verbose=0), before, rtol=1e-6)


def squeeze(picture):
    """(batch, 28, 28, 1) -> (batch, 16): four 3x3 convolutions, a 3x3 pool, a global max."""
    h = layers.Conv2D(16, 3, activation="relu")(picture)
    h = layers.Conv2D(32, 3, activation="relu")(h)
    h = layers.MaxPooling2D(3)(h)
    h = layers.Conv2D(32, 3, activation="relu")(h)
    h = layers.Conv2D(16, 3, activation="relu")(h)
    return layers.GlobalMaxPooling2D()(h)


def unsqueeze(code):
    """(batch, 16) -> (batch, 28, 28, 1): the mirror image with transposed convolutions."""
    h = layers.Reshape((4, 4, 1))(code)
    h = layers.Conv2DTranspose(16, 3, activation="relu")(h)
    h = layers.Conv2DTranspose(32, 3, activation="relu")(h)
    h = layers.UpSampling2D(3)(h)
    h = layers.Conv2DTranspose(16, 3, activation="relu")(h)
    return layers.Conv2DTranspose(1, 3, activation="relu")(h)


def test_an_encoder_model_from_part_of_a_graph():
    picture = keras.Input(shape=(28, 28, 1), name="picture")
    encoder = keras.Model(picture, squeeze(picture), name="encoder")
    encoder.summary()
    assert encoder.output_shape == (None, 16)
    assert encoder.count_params() == 18672


def test_an_autoencoder_from_the_whole_graph():
    picture = keras.Input(shape=(28, 28, 1), name="picture")
    autoencoder = keras.Model(picture, unsqueeze(squeeze(picture)), name="autoencoder")
    autoencoder.summary()
    assert autoencoder.output_shape == (None, 28, 28, 1)  # back to the input's shape
    assert autoencoder.count_params() == 28241


def test_models_called_on_inputs_like_layers():
    picture = keras.Input(shape=(28, 28, 1), name="picture")
    encoder = keras.Model(picture, squeeze(picture), name="encoder")
    code = keras.Input(shape=(16,), name="code")
    decoder = keras.Model(code, unsqueeze(code), name="decoder")
    decoder.summary()
    assert decoder.count_params() == 9569

    # Calling a model reuses its layers and weights: nothing is copied.
    start = keras.Input(shape=(28, 28, 1), name="start")
    autoencoder = keras.Model(start, decoder(encoder(start)), name="autoencoder")
    autoencoder.summary()
    assert autoencoder.count_params() == 28241
    assert tuple(autoencoder(np.ones((2, 28, 28, 1))).shape) == (2, 28, 28, 1)


def test_an_ensemble_that_averages_member_models():
    def member():
        features = keras.Input(shape=(128,))
        return keras.Model(features, layers.Dense(1)(features))

    members = [member() for _ in range(3)]
    features = keras.Input(shape=(128,))
    ensemble = keras.Model(inputs=features, outputs=layers.average([m(features) for m in members]))
    batch = np.random.rand(4, 128).astype("float32")
    by_hand = sum(ops.convert_to_numpy(m(batch)) for m in members) / 3
    np.testing.assert_allclose(ops.convert_to_numpy(ensemble(batch)), by_hand, rtol=1e-5)


def test_three_inputs_two_outputs_with_named_dicts(tmp_path):
    # Support tickets: a subject line and a description (word ids of any length) and 12
    # 0/1 labels in; an urgency score and one of 4 teams out.
    label_count, vocabulary, team_count = 12, 10000, 4
    subject = keras.Input(shape=(None,), name="subject")
    description = keras.Input(shape=(None,), name="description")
    flags = keras.Input(shape=(label_count,), name="flags")

    subject_vector = layers.LSTM(128)(layers.Embedding(vocabulary, 64)(subject))
    description_vector = layers.LSTM(32)(layers.Embedding(vocabulary, 64)(description))
    joined = layers.concatenate([subject_vector, description_vector, flags])
    urgency = layers.Dense(1, name="urgency")(joined)
    team = layers.Dense(team_count, name="team")(joined)
    net = keras.Model(inputs=[subject, description, flags], outputs=[urgency, team])
    keras.utils.plot_model(net, str(tmp_path / "tickets.png"), show_shapes=True)

    # Losses and their weights as lists (output order) or as dicts (output names).
    bce = keras.losses.BinaryCrossentropy(from_logits=True)
    cce = keras.losses.CategoricalCrossentropy(from_logits=True)
    net.compile(optimizer=keras.optimizers.RMSprop(1e-3), loss=[bce, cce], loss_weights=[1.0, 0.2])
    net.compile(
        optimizer=keras.optimizers.RMSprop(1e-3),
        loss={"urgency": bce, "team": cce},
        loss_weights={"urgency": 1.0, "team": 0.2},
    )

    tickets = {
        "subject": np.random.randint(vocabulary, size=(64, 10)),
        "description": np.random.randint(vocabulary, size=(64, 20)),
        "flags": np.random.randint(2, size=(64, label_count)).astype("float32"),
    }
    answers = {
        "urgency": np.random.random(size=(64, 1)),
        "team": np.random.randint(2, size=(64, team_count)),
    }
    record = net.fit(tickets, answers, epochs=2, batch_size=32, verbose=0)
    assert record.history["loss"][1] < record.history["loss"][0]
    assert {"urgency_loss", "team_loss"} <= set(record.history)
