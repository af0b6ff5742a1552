"""Idioms of the Keras guide on transfer learning and fine-tuning.

Guide: https://keras.io/guides/transfer_learning/. The code here is written for kerasedu's
tests: ``weights``/``trainable_weights``/``non_trainable_weights`` of Dense and
BatchNormalization, ``trainable = False`` on a layer and on a nested model, and the usual
recipe (freeze a base, call it with ``training=False``, train a new head, unfreeze, recompile
with a low learning rate, train again), with ``import kerasedu as keras`` in place of
``import keras``. Left out, because they are downloads or need TensorFlow: Xception's ImageNet
weights (a two-block conv + BatchNormalization base stands in; BatchNormalization is what makes
``training=False`` matter), the ``tensorflow_datasets`` cats-vs-dogs images (64 random 40x40
pictures stand in) and ``tf.data`` batching (NumPy arrays instead).
"""

import numpy as np
import pytest

import kerasedu as keras
from kerasedu import layers


def weight_counts(layer):
    return len(layer.weights), len(layer.trainable_weights), len(layer.non_trainable_weights)


def test_which_weights_are_trainable():
    dense = keras.layers.Dense(3)
    dense.build((None, 4))
    assert weight_counts(dense) == (2, 2, 0)  # kernel, bias

    norm = keras.layers.BatchNormalization()
    norm.build((None, 4))
    assert weight_counts(norm) == (4, 2, 2)  # gamma, beta train; the moving stats do not

    frozen = keras.layers.Dense(3)
    frozen.build((None, 4))
    frozen.trainable = False
    assert weight_counts(frozen) == (2, 0, 2)


def test_fit_leaves_a_frozen_layer_alone():
    lower = keras.layers.Dense(3, activation="relu")
    upper = keras.layers.Dense(3, activation="sigmoid")
    model = keras.Sequential([keras.Input(shape=(3,)), lower, upper])
    lower.trainable = False
    lower_before, upper_before = lower.get_weights(), upper.get_weights()

    model.compile(optimizer="adam", loss="mse")
    model.fit(np.random.random((2, 3)), np.random.random((2, 3)))
    for before, after in zip(lower_before, lower.get_weights()):
        np.testing.assert_allclose(after, before)
    assert not np.allclose(upper.get_weights()[0], upper_before[0])


def test_trainable_false_reaches_layers_inside_a_nested_model():
    inner = keras.Sequential(
        [
            keras.Input(shape=(3,)),
            layers.Dense(3, activation="relu"),
            layers.Dense(3, activation="relu"),
        ]
    )
    outer = keras.Sequential(
        [keras.Input(shape=(3,)), inner, layers.Dense(3, activation="sigmoid")]
    )
    outer.trainable = False
    assert inner.trainable is False
    assert inner.layers[0].trainable is False


def pretend_pretrained_base(input_shape):
    """Two stride-2 conv + BatchNormalization + relu blocks (8, then 16 channels)."""
    pictures = keras.Input(shape=input_shape)
    h = layers.Conv2D(8, 3, strides=2)(pictures)
    h = layers.Activation("relu")(layers.BatchNormalization()(h))
    h = layers.Conv2D(16, 3, strides=2)(h)
    h = layers.Activation("relu")(layers.BatchNormalization()(h))
    return keras.Model(pictures, h, name="base")


@pytest.fixture
def pet_pictures():
    """48 training and 16 validation 40x40 RGB pictures in [0, 255]; label 1 is brighter."""
    labels = np.random.randint(0, 2, size=(64,))
    pictures = np.random.uniform(0, 200, size=(64, 40, 40, 3)) + 55 * labels[:, None, None, None]
    pictures, labels = pictures.astype("float32"), labels.astype("float32")
    return (pictures[:48], labels[:48]), (pictures[48:], labels[48:])


def test_train_a_new_head_then_fine_tune_the_base(pet_pictures, capsys):
    (x_fit, y_fit), held_out = pet_pictures
    base = pretend_pretrained_base((40, 40, 3))
    base.compile(optimizer="adam", loss="mse")  # one epoch gives BN statistics to keep
    base.fit(x_fit, np.zeros((48, 9, 9, 16)), epochs=1, verbose=0)
    base.trainable = False

    pictures = keras.Input(shape=(40, 40, 3))
    # Map [0, 255] to [-1, 1] (the guide's Rescaling layer, written as a Lambda).
    scaled = keras.layers.Lambda(lambda t: t * (1 / 127.5) - 1)(pictures)
    # training=False keeps BN in inference mode even after the base is unfrozen.
    features = keras.layers.GlobalAveragePooling2D()(base(scaled, training=False))
    logit = keras.layers.Dense(1)(keras.layers.Dropout(0.2)(features))
    model = keras.Model(pictures, logit)
    model.summary()
    assert "Trainable params: 17 " in capsys.readouterr().out  # only the head: 16 + 1

    def compile_for(optimizer):
        model.compile(
            optimizer=optimizer,
            loss=keras.losses.BinaryCrossentropy(from_logits=True),
            metrics=[keras.metrics.BinaryAccuracy()],
        )

    compile_for(keras.optimizers.Adam())
    base_before = [w.copy() for w in base.get_weights()]
    model.fit(x_fit, y_fit, batch_size=16, epochs=2, validation_data=held_out)
    for before, after in zip(base_before, base.get_weights()):
        np.testing.assert_array_equal(after, before)

    base.trainable = True
    model.summary()
    assert "Non-trainable params: 48 " in capsys.readouterr().out  # BN moving stats: 2*8 + 2*16
    compile_for(keras.optimizers.Adam(1e-5))  # recompile so the change takes effect
    kernel_before = base.layers[1].kernel.numpy().copy()
    model.fit(x_fit, y_fit, batch_size=16, epochs=1, validation_data=held_out)
    # The base's weights train now. Its BN statistics are not checked: Keras 3 itself lets
    # fit's training=True override the stored training=False (keras-team/keras#20285).
    assert not np.array_equal(base.layers[1].kernel.numpy(), kernel_before)
    loss, accuracy = model.evaluate(*held_out)
    assert np.isfinite(loss) and 0 <= accuracy <= 1


def test_resizing_augmentation_and_rescaling_layers():
    photo = np.random.uniform(0, 255, size=(1, 200, 120, 3)).astype("float32")
    to_150 = keras.layers.Resizing(150, 150)
    assert tuple(to_150(photo).shape) == (1, 150, 150, 3)

    augmenters = [layers.RandomFlip("horizontal"), layers.RandomRotation(0.1)]
    varied = np.expand_dims(to_150(photo)[0], 0)
    for augmenter in augmenters:
        varied = augmenter(varied)
    assert tuple(varied.shape) == (1, 150, 150, 3)

    to_unit_range = keras.layers.Rescaling(scale=1 / 127.5, offset=-1)
    scaled = keras.ops.convert_to_numpy(to_unit_range(photo))
    assert scaled.min() >= -1 and scaled.max() <= 1
