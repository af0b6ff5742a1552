"""Files go both ways with real Keras 3: .keras, .weights.h5 and .h5, predicting the same numbers.

Keras writes its fixtures here, in ``tmp_path``; kerasedu reads them, and Keras
reads kerasedu's. Skipped when Keras is not installed (``pip install -e ".[reference]"``).
"""

import os

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "jax")  # before keras is first imported
keras = pytest.importorskip("keras")

import kerasedu  # noqa: E402
from kerasedu import layers as L  # noqa: E402
from kerasedu.models import Model, Sequential, load_model  # noqa: E402
from kerasedu.saving.errors import KerasEduFileError  # noqa: E402

pytestmark = pytest.mark.reference
RNG = np.random.default_rng(0)
IMAGES = RNG.random((4, 8, 8, 1), dtype="float32")
SEQUENCES = RNG.random((4, 5, 3), dtype="float32")


def keras_conv():
    layers = keras.layers
    model = keras.Sequential(
        [keras.Input((8, 8, 1)), layers.Conv2D(2, 3, activation="relu"),
         layers.BatchNormalization(), layers.MaxPooling2D(), layers.Flatten(),
         layers.Dense(3), layers.Dropout(0.5, seed=1), layers.Dense(2, activation="softmax")]
    )  # fmt: skip
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    model.fit(IMAGES, np.eye(2)[[0, 1, 0, 1]], epochs=1, verbose=0)  # BN statistics move
    return model, IMAGES


def keras_recurrent():
    layers = keras.layers
    x = keras.Input((5, 3))
    y = layers.LSTM(4, return_sequences=True)(x)
    y = layers.Bidirectional(layers.GRU(3, return_sequences=True))(y)
    y = layers.SimpleRNN(2)(y)
    return keras.Model(x, layers.Dense(1)(y)), SEQUENCES


def keras_variants():
    """Conv, batch-norm, recurrent and dense layers with settings that change the math."""
    layers = keras.layers
    x = keras.Input((9, 9, 2))
    y = layers.Conv2D(3, 3, strides=2, padding="same", use_bias=False)(x)
    y = layers.Conv2D(2, 2, dilation_rate=2)(y)
    y = layers.BatchNormalization(center=False, scale=False, momentum=0.9)(y)
    y = layers.Reshape((9, 2))(y)
    y = layers.LSTM(4, go_backwards=True, unit_forget_bias=False, return_sequences=True,
                    recurrent_activation="hard_sigmoid")(y)  # fmt: skip
    y = layers.GRU(3, reset_after=False)(y)
    model = keras.Model(x, layers.Dense(2, kernel_regularizer="l2")(y))
    model.compile(optimizer="adam", loss="mse")
    images = RNG.random((4, 9, 9, 2), dtype="float32")
    model.fit(images, np.ones((4, 2)), verbose=0)  # BN statistics move
    return model, images


def kerasedu_conv():
    kerasedu.backend.clear_session()
    model = Sequential(
        [L.Input((8, 8, 1)), L.Conv2D(2, 3, activation="relu"), L.BatchNormalization(),
         L.MaxPooling2D(), L.Flatten(), L.Dense(3), L.Dropout(0.5),
         L.Dense(2, activation="softmax")]
    )  # fmt: skip
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    model.fit(IMAGES, np.eye(2)[[0, 1, 0, 1]], epochs=1, verbose=0)
    return model, IMAGES


def kerasedu_recurrent():
    kerasedu.backend.clear_session()
    x = L.Input((5, 3))
    y = L.LSTM(4, return_sequences=True)(x)
    y = L.Bidirectional(L.GRU(3, return_sequences=True))(y)
    y = L.SimpleRNN(2)(y)
    return Model(x, L.Dense(1)(y)), SEQUENCES


def same_predictions(a, b, x):
    np.testing.assert_allclose(a.predict(x, verbose=0), b.predict(x, verbose=0), atol=1e-5)


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("build", [keras_conv, keras_recurrent, keras_variants])
@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_keras3_model_files_load_in_kerasedu(tmp_path, build, suffix):
    model, x = build()
    path = str(tmp_path / f"m{suffix}")
    model.save(path)
    same_predictions(model, load_model(path), x)


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_keras3_key_kerasedu_cannot_honour_is_refused_by_key_and_layer(tmp_path, suffix):
    model = keras.Sequential(
        [keras.Input((6, 6, 4)), keras.layers.Conv2D(4, 3, groups=2, name="grp")]
    )
    model.save(str(tmp_path / f"m{suffix}"))
    with pytest.raises(KerasEduFileError, match=r"'grp' \(Conv2D\) has groups=2"):
        load_model(str(tmp_path / f"m{suffix}"))


@pytest.mark.parametrize("build", [keras_conv, keras_recurrent])
def test_keras3_weights_files_load_in_kerasedu(tmp_path, build):
    model, x = build()
    model.save(str(tmp_path / "m.keras"))
    model.save_weights(str(tmp_path / "w.weights.h5"))
    mine = load_model(str(tmp_path / "m.keras"))
    for variable in mine.weights:
        variable.assign(np.zeros(variable.shape, "float32"))
    mine.load_weights(str(tmp_path / "w.weights.h5"))
    same_predictions(model, mine, x)


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("build", [kerasedu_conv, kerasedu_recurrent])
def test_kerasedu_files_load_in_keras3(tmp_path, build):
    model, x = build()
    model.save(str(tmp_path / "m.keras"))
    theirs = keras.models.load_model(str(tmp_path / "m.keras"))
    same_predictions(model, theirs, x)
    model.save_weights(str(tmp_path / "w.weights.h5"))
    for variable in theirs.weights:
        variable.assign(np.zeros(variable.shape, "float32"))
    theirs.load_weights(str(tmp_path / "w.weights.h5"))
    same_predictions(model, theirs, x)


def test_keras3_compile_settings_come_with_the_model(tmp_path):
    model, _ = keras_conv()
    model.save(str(tmp_path / "m.keras"))
    mine = load_model(str(tmp_path / "m.keras"))
    assert type(mine.optimizer).__name__ == "Adam"
    assert mine.optimizer.learning_rate == pytest.approx(0.001)


X, Y = RNG.random((8, 3), dtype="float32"), RNG.random((8, 1), dtype="float32")
OPTIMIZERS = {  # name: make(optimizers module), for keras.optimizers and kerasedu.optimizers
    "adam": lambda o: o.Adam(0.01),
    "sgd_momentum": lambda o: o.SGD(0.1, momentum=0.9),
    "rmsprop": lambda o: o.RMSprop(0.01, momentum=0.5, centered=True),
    "adamw_amsgrad": lambda o: o.AdamW(0.01, amsgrad=True),
    "nadam": lambda o: o.Nadam(0.01),
    "adagrad": lambda o: o.Adagrad(0.1),
    "adamax": lambda o: o.Adamax(0.01),
}


def trained_dense(lib, make_optimizer):
    """The same small model in ``lib`` (keras or kerasedu), two epochs trained, unshuffled."""
    kerasedu.backend.clear_session()
    lib.utils.set_random_seed(0)  # Keras draws its weights from its own generator: fix it
    layers = lib.layers
    model = lib.models.Sequential(
        [layers.Input((3,)), layers.Dense(4, activation="tanh"), layers.BatchNormalization(),
         layers.Dense(1)]
    )  # fmt: skip
    model.compile(optimizer=make_optimizer(lib.optimizers), loss="mse")
    model.fit(X, Y, epochs=2, batch_size=4, shuffle=False, verbose=0)
    return model


def max_gap_after_one_more_step(a, b):
    a.train_on_batch(X[:4], Y[:4])
    b.train_on_batch(X[:4], Y[:4])
    return max(float(np.abs(p - q).max()) for p, q in zip(a.get_weights(), b.get_weights()))


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("suffix", [".keras", ".h5"])
@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_keras3_optimizer_state_resumes_in_kerasedu(tmp_path, name, suffix):
    model = trained_dense(keras, OPTIMIZERS[name])
    model.save(str(tmp_path / f"m{suffix}"))
    mine = load_model(str(tmp_path / f"m{suffix}"))
    assert mine.optimizer.iterations == int(model.optimizer.iterations) == 4
    fresh = load_model(str(tmp_path / f"m{suffix}"), compile=False)
    fresh.compile(optimizer=OPTIMIZERS[name](kerasedu.optimizers), loss="mse")
    assert max_gap_after_one_more_step(model, mine) < 1e-6
    assert max_gap_after_one_more_step(mine, fresh) > 1e-4  # the state is what made it equal


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_kerasedu_optimizer_state_resumes_in_keras3(tmp_path, name):
    model = trained_dense(kerasedu, OPTIMIZERS[name])
    model.save(str(tmp_path / "m.keras"))
    theirs = keras.models.load_model(str(tmp_path / "m.keras"))
    assert int(theirs.optimizer.iterations) == model.optimizer.iterations == 4
    assert max_gap_after_one_more_step(model, theirs) < 1e-6


def test_registered_names_travel_both_ways(tmp_path):
    """Your own activation and initializer, registered as "my>..." in each library."""
    import kerasedu.saving as mine

    def doubled(x):
        return 2 * x

    def half_square(y_true, y_pred):
        return 0.5 * (y_true - y_pred) ** 2

    class Ones(kerasedu.initializers.Initializer):
        def __call__(self, shape, dtype=None):
            return np.ones(shape, "float32")

        def get_config(self):
            return {}

    class KerasOnes(keras.initializers.Initializer):
        def __call__(self, shape, dtype=None):
            return keras.ops.ones(shape)

        def get_config(self):
            return {}

    KerasOnes.__name__ = "Ones"
    mine.register_keras_serializable(package="my")(doubled)
    mine.register_keras_serializable(package="my")(half_square)
    keras.saving.register_keras_serializable(package="my")(half_square)
    mine.register_keras_serializable(package="my")(Ones)
    keras.saving.register_keras_serializable(package="my")(doubled)
    keras.saving.register_keras_serializable(package="my", name="Ones")(KerasOnes)
    try:
        kerasedu.backend.clear_session()
        model = Sequential([L.Input((3,)), L.Dense(2, "my>doubled", kernel_initializer="my>Ones")])
        model.compile(optimizer="sgd", loss="my>half_square")
        model.save(str(tmp_path / "mine.keras"))
        theirs = keras.models.load_model(str(tmp_path / "mine.keras"))
        same_predictions(model, theirs, X)
        y = np.zeros((8, 2), "float32")
        expected = model.evaluate(X, y, verbose=0)
        assert theirs.evaluate(X, y, verbose=0) == pytest.approx(expected, rel=1e-5)
        theirs.save(str(tmp_path / "theirs.keras"))
        again = load_model(str(tmp_path / "theirs.keras"))
        same_predictions(theirs, again, X)
        assert again.evaluate(X, y, verbose=0) == pytest.approx(expected, rel=1e-5)
    finally:
        for name in ("my>doubled", "my>Ones", "my>half_square"):
            del mine.get_custom_objects()[name]
            keras.saving.get_custom_objects().pop(name)


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("name", ["adam", "rmsprop"])
def test_weights_h5_optimizer_state_goes_both_ways(tmp_path, name):
    keras_model = trained_dense(keras, OPTIMIZERS[name])
    keras_model.save_weights(str(tmp_path / "k.weights.h5"))
    mine = trained_dense(kerasedu, OPTIMIZERS[name])  # built, trained elsewhere: then replaced
    mine.load_weights(str(tmp_path / "k.weights.h5"))
    assert mine.optimizer.iterations == 4
    assert max_gap_after_one_more_step(keras_model, mine) < 1e-6
    mine.save_weights(str(tmp_path / "e.weights.h5"))
    theirs = trained_dense(keras, OPTIMIZERS[name])
    theirs.load_weights(str(tmp_path / "e.weights.h5"))
    assert int(theirs.optimizer.iterations) == 5
    assert max_gap_after_one_more_step(mine, theirs) < 1e-6
