"""Lesson 03's checks: pass a right answer, fail with their own hint on the stub and wrong ones."""

import numpy as np
import pytest

import kerasedu
from kerasedu.exercises import ExerciseFailed, lesson03
from kerasedu.layers import Dense, Dropout, Flatten, Input
from kerasedu.models import Model, Sequential


def stub(*args, **kwargs):
    raise NotImplementedError()


def fails(check, answer, *args):
    with pytest.raises(ExerciseFailed) as error:
        check(answer, *args)
    return str(error.value)


def vgg_params(blocks, channels, kernel_size=3):
    total, inputs = 0, channels
    for convolutions, filters in blocks:
        for _ in range(convolutions):
            total += (kernel_size * kernel_size * inputs + 1) * filters
            inputs = filters
    return total


def test_vgg_params(capsys):
    lesson03.check_vgg_params(vgg_params)
    assert "14,714,688" in capsys.readouterr().out
    assert "not written yet" in fails(lesson03.check_vgg_params, stub)


def test_vgg_params_hints_at_the_missing_bias_and_the_chained_channels():
    def no_bias(blocks, channels, kernel_size=3):
        return vgg_params(blocks, channels, kernel_size) - sum(c * f for c, f in blocks)

    def not_chained(blocks, channels, kernel_size=3):
        return sum((kernel_size**2 * channels + 1) * f * c for c, f in blocks)

    assert "biases" in fails(lesson03.check_vgg_params, no_bias)
    message = fails(lesson03.check_vgg_params, not_chained, "zh")
    assert "前一个卷积的卷积核个数" in message and "太少了" in message


def freeze_for_fine_tuning(base, block):
    base.trainable = True
    for layer in base.layers:
        layer.trainable = layer.name.startswith(block)
    return base


def test_freeze_for_fine_tuning(capsys):
    lesson03.check_freeze_for_fine_tuning(freeze_for_fine_tuning)
    assert "✔" in capsys.readouterr().out
    assert "not written yet" in fails(lesson03.check_freeze_for_fine_tuning, stub)


def test_freezing_the_whole_model_or_nothing_fails():
    def frozen_model(base, block):
        base.trainable = False
        for layer in base.layers:
            layer.trainable = layer.name.startswith(block)
        return base

    def nothing_frozen(base, block):
        return base

    def no_return(base, block):
        freeze_for_fine_tuning(base, block)

    assert "freezes every layer" in fails(lesson03.check_freeze_for_fine_tuning, frozen_model)
    assert "block1_conv1" in fails(lesson03.check_freeze_for_fine_tuning, nothing_frozen)
    assert "return the model" in fails(lesson03.check_freeze_for_fine_tuning, no_return)


@pytest.fixture(scope="module")
def base():
    """A VGG-style base briefly pretrained on the digits 0-4, then frozen."""
    (x, y), _ = kerasedu.datasets.mnist.load_data()
    source = np.flatnonzero(y < 5)[:8000]
    x = x[source].reshape(-1, 28, 28, 1).astype("float32") / 255
    kerasedu.utils.set_random_seed(0)
    base = lesson03.vgg_style_base([(2, 8), (2, 16)], channels=1, size=28)
    model = Sequential([base, Flatten(), Dense(5, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(x, y[source], batch_size=64, epochs=1, verbose=0)
    base.trainable = False
    return base


def binary_model(activation, units=1, loss="binary_crossentropy"):
    def build_binary_model(base):
        kerasedu.utils.set_random_seed(2)
        inputs = Input(shape=(28, 28, 1))
        outputs = Dense(units, activation=activation)(Flatten()(base(inputs)))
        model = Model(inputs=inputs, outputs=outputs)
        model.compile(optimizer="adam", loss=loss)
        return model

    return build_binary_model


@pytest.mark.slow
def test_binary_model(base, capsys):
    lesson03.check_binary_model(binary_model("sigmoid"), base)
    assert "odd/even" in capsys.readouterr().out
    assert "not written yet" in fails(lesson03.check_binary_model, stub, base)


@pytest.mark.slow
def test_binary_model_catches_the_softmax_head_and_two_outputs(base):
    assert "e^z / e^z = 1" in fails(lesson03.check_binary_model, binary_model("softmax"), base)
    two = binary_model("softmax", units=2, loss="categorical_crossentropy")
    assert "(None, 2)" in fails(lesson03.check_binary_model, two, base)
    assert "[0, 1]" in fails(lesson03.check_binary_model, binary_model(None), base)


def few_label_model(hidden, epochs, freeze=True):
    def train_on_few_labels(base, x, y):
        base.trainable = not freeze
        kerasedu.utils.set_random_seed(3)
        inputs = Input(shape=(28, 28, 1))
        features = Flatten()(base(inputs))
        if hidden:
            features = Dropout(0.3)(Dense(hidden, activation="relu")(features))
        model = Model(inputs=inputs, outputs=Dense(5, activation="softmax")(features))
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(x, y, batch_size=25, epochs=epochs, verbose=0)
        base.trainable = False
        return model

    return train_on_few_labels


@pytest.mark.slow
def test_few_label_model(base, capsys):
    # this base is pretrained on 8,000 images, not the lesson's 30,596: a lower target
    lesson03.check_few_label_model(few_label_model(64, 15), base, target=0.85)
    assert "Target reached" in capsys.readouterr().out
    assert "not written yet" in fails(lesson03.check_few_label_model, stub, base)


@pytest.mark.slow
def test_few_label_model_below_target_or_with_the_base_changed(base):
    weights = base.get_weights()
    assert "below the target" in fails(lesson03.check_few_label_model, few_label_model(0, 1), base)
    unfrozen = few_label_model(8, 1, freeze=False)
    assert "keep `base` frozen" in fails(lesson03.check_few_label_model, unfrozen, base)
    base.set_weights(weights)
