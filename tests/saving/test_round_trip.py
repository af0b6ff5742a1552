"""Every layer and every optimizer survives save -> load (outputs, weights, optimizer state)."""

import numpy as np
import pytest

import kerasedu
from kerasedu import layers as L
from kerasedu import optimizers
from kerasedu.layers.layer import Layer
from kerasedu.models import Model, Sequential, load_model


def double(x):
    return x * 2.0


def self_attention(x):
    return L.MultiHeadAttention(num_heads=2, key_dim=3)(x, x)


# class name -> (factory, per-sample input shape(s)); two shapes mean a two-input merge layer
LAYERS = {
    "Dense": (lambda: L.Dense(3, activation="relu"), (4,)),
    "Activation": (lambda: L.Activation("tanh"), (4,)),
    "Dropout": (lambda: L.Dropout(0.5), (4,)),
    "Flatten": (lambda: L.Flatten(), (2, 3)),
    "Reshape": (lambda: L.Reshape((3, 2)), (6,)),
    "Permute": (lambda: L.Permute((2, 1)), (2, 3)),
    "RepeatVector": (lambda: L.RepeatVector(3), (4,)),
    "Lambda": (lambda: L.Lambda(double), (4,)),
    "Add": (lambda: L.Add(), [(4,), (4,)]),
    "Subtract": (lambda: L.Subtract(), [(4,), (4,)]),
    "Multiply": (lambda: L.Multiply(), [(4,), (4,)]),
    "Average": (lambda: L.Average(), [(4,), (4,)]),
    "Maximum": (lambda: L.Maximum(), [(4,), (4,)]),
    "Minimum": (lambda: L.Minimum(), [(4,), (4,)]),
    "Concatenate": (lambda: L.Concatenate(), [(4,), (3,)]),
    "Dot": (lambda: L.Dot(axes=1), [(4,), (4,)]),
    "Conv1D": (lambda: L.Conv1D(3, 2, padding="same"), (6, 2)),
    "Conv2D": (lambda: L.Conv2D(3, (2, 2), activation="relu"), (5, 5, 2)),
    "Convolution1D": (lambda: L.Convolution1D(2, 3), (6, 2)),
    "Convolution2D": (lambda: L.Convolution2D(2, (2, 2)), (4, 4, 1)),
    "Conv2DTranspose": (lambda: L.Conv2DTranspose(2, (2, 2), strides=2), (3, 3, 2)),
    "MaxPooling1D": (lambda: L.MaxPooling1D(2), (6, 2)),
    "AveragePooling1D": (lambda: L.AveragePooling1D(2), (6, 2)),
    "MaxPooling2D": (lambda: L.MaxPooling2D((2, 2)), (4, 4, 2)),
    "AveragePooling2D": (lambda: L.AveragePooling2D((2, 2)), (4, 4, 2)),
    "GlobalMaxPooling1D": (lambda: L.GlobalMaxPooling1D(), (6, 2)),
    "GlobalAveragePooling1D": (lambda: L.GlobalAveragePooling1D(), (6, 2)),
    "GlobalMaxPooling2D": (lambda: L.GlobalMaxPooling2D(), (4, 4, 2)),
    "GlobalAveragePooling2D": (lambda: L.GlobalAveragePooling2D(), (4, 4, 2)),
    "ZeroPadding2D": (lambda: L.ZeroPadding2D(1), (3, 3, 2)),
    "Cropping2D": (lambda: L.Cropping2D(1), (4, 4, 2)),
    "BatchNormalization": (lambda: L.BatchNormalization(), (4,)),
    "LayerNormalization": (lambda: L.LayerNormalization(), (4,)),
    "Embedding": (lambda: L.Embedding(10, 3), "tokens"),
    "Masking": (lambda: L.Masking(mask_value=0.5), (5, 2)),
    "SimpleRNN": (lambda: L.SimpleRNN(3, return_sequences=True), (5, 2)),
    "LSTM": (lambda: L.LSTM(3), (5, 2)),
    "GRU": (lambda: L.GRU(3), (5, 2)),
    "Bidirectional": (lambda: L.Bidirectional(L.LSTM(2, return_sequences=True)), (5, 2)),
    "TimeDistributed": (lambda: L.TimeDistributed(L.Dense(2)), (5, 3)),
    "LeakyReLU": (lambda: L.LeakyReLU(), (4,)),
    "PReLU": (lambda: L.PReLU(), (4,)),
    "ELU": (lambda: L.ELU(), (4,)),
    "ThresholdedReLU": (lambda: L.ThresholdedReLU(), (4,)),
    "ReLU": (lambda: L.ReLU(max_value=2.0), (4,)),
    "Softmax": (lambda: L.Softmax(), (4,)),
    # the rest of Keras's catalogue (kerasedu/layers/{resampling,padding_cropping,noise...}.py)
    "UpSampling1D": (lambda: L.UpSampling1D(2), (3, 2)),
    "UpSampling2D": (lambda: L.UpSampling2D(2, interpolation="bilinear"), (3, 3, 2)),
    "UpSampling3D": (lambda: L.UpSampling3D(2), (2, 2, 2, 1)),
    "Resizing": (lambda: L.Resizing(5, 3), (4, 4, 2)),
    "CenterCrop": (lambda: L.CenterCrop(2, 3), (4, 4, 2)),
    "ZeroPadding1D": (lambda: L.ZeroPadding1D(2), (3, 2)),
    "ZeroPadding3D": (lambda: L.ZeroPadding3D(1), (2, 2, 2, 1)),
    "Cropping1D": (lambda: L.Cropping1D(1), (4, 2)),
    "Cropping3D": (lambda: L.Cropping3D(1), (3, 3, 3, 1)),
    "GaussianNoise": (lambda: L.GaussianNoise(0.1), (4,)),
    "GaussianDropout": (lambda: L.GaussianDropout(0.1), (4,)),
    "AlphaDropout": (lambda: L.AlphaDropout(0.1), (4,)),
    "SpatialDropout1D": (lambda: L.SpatialDropout1D(0.1), (3, 2)),
    "SpatialDropout2D": (lambda: L.SpatialDropout2D(0.1), (3, 3, 2)),
    "SpatialDropout3D": (lambda: L.SpatialDropout3D(0.1), (2, 2, 2, 1)),
    "ActivityRegularization": (lambda: L.ActivityRegularization(0.1), (4,)),
    "Identity": (lambda: L.Identity(), (4,)),
    "DepthwiseConv1D": (lambda: L.DepthwiseConv1D(2, depth_multiplier=2), (5, 2)),
    "DepthwiseConv2D": (lambda: L.DepthwiseConv2D(2), (4, 4, 2)),
    "SeparableConv1D": (lambda: L.SeparableConv1D(3, 2), (5, 2)),
    "SeparableConv2D": (lambda: L.SeparableConv2D(3, 2), (4, 4, 2)),
    "Conv1DTranspose": (lambda: L.Conv1DTranspose(2, 3, strides=2), (4, 2)),
    "GlobalMaxPooling3D": (lambda: L.GlobalMaxPooling3D(), (2, 2, 2, 3)),
    "GlobalAveragePooling3D": (lambda: L.GlobalAveragePooling3D(), (2, 2, 2, 3)),
    "Attention": (lambda: L.Attention(score_mode="concat"), [(3, 4), (5, 4)]),
    "AdditiveAttention": (lambda: L.AdditiveAttention(), [(3, 4), (5, 4)]),
    "MultiHeadAttention": (lambda: self_attention, (3, 4)),  # called on (x, x)
    "GroupNormalization": (lambda: L.GroupNormalization(2), (3, 4)),
    "UnitNormalization": (lambda: L.UnitNormalization(), (4,)),
    "RMSNormalization": (lambda: L.RMSNormalization(axis=[1, 2]), (3, 4)),
    "Rescaling": (lambda: L.Rescaling(0.5, offset=1.0), (4,)),
    "Normalization": (lambda: L.Normalization(), (4,)),
    "CategoryEncoding": (lambda: L.CategoryEncoding(10, output_mode="count"), "tokens"),
    "RandomFlip": (lambda: L.RandomFlip(), (4, 4, 2)),
    "RandomRotation": (lambda: L.RandomRotation(0.1), (4, 4, 2)),
    "RandomTranslation": (lambda: L.RandomTranslation(0.1, 0.2), (4, 4, 2)),
    "RandomZoom": (lambda: L.RandomZoom(0.1), (4, 4, 2)),
    "RandomContrast": (lambda: L.RandomContrast(0.2), (4, 4, 2)),
    "RandomBrightness": (lambda: L.RandomBrightness(0.2), (4, 4, 2)),
}
NOT_STANDALONE = {"Layer", "InputLayer"}  # the base class and the input placeholder


def _exported_layer_classes():
    return sorted(
        {
            value.__name__
            for value in vars(L).values()
            if isinstance(value, type) and issubclass(value, Layer)
        }
        - NOT_STANDALONE
    )


def test_every_exported_layer_is_covered():
    missing = [name for name in _exported_layer_classes() if name not in LAYERS]
    assert not missing, f"add these layers to LAYERS: {missing}"


def _model_and_data(name):
    kerasedu.backend.clear_session()
    factory, shape = LAYERS[name]
    rng = np.random.default_rng(0)
    if shape == "tokens":
        inputs = L.Input(shape=(5,), dtype="int32")
        data = rng.integers(0, 10, size=(3, 5))
    elif isinstance(shape, list):
        inputs = [L.Input(shape=s) for s in shape]
        data = [rng.random((3, *s)).astype("float32") for s in shape]
    else:
        inputs = L.Input(shape=shape)
        data = rng.random((3, *shape)).astype("float32")
    outputs = factory()(inputs)
    return Model(inputs, outputs), data


def _randomise(model):
    rng = np.random.default_rng(1)
    model.set_weights([rng.random(w.shape).astype(w.dtype) + 0.1 for w in model.get_weights()])


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_layer_save_load_round_trip(tmp_path, name):
    model, data = _model_and_data(name)
    _randomise(model)  # non-default values, so a lost weight would show
    path = str(tmp_path / "model.h5")
    model.save(path)
    loaded = load_model(path, custom_objects={"double": double})
    assert [type(layer).__name__ for layer in loaded.layers] == [
        type(layer).__name__ for layer in model.layers
    ]
    for a, b in zip(model.get_weights(), loaded.get_weights()):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(
        loaded.predict(data, verbose=0), model.predict(data, verbose=0), rtol=1e-6, atol=1e-6
    )
    weights_path = str(tmp_path / "model.weights.h5")
    model.save_weights(weights_path)
    fresh, _ = _model_and_data(name)
    fresh.load_weights(weights_path)
    for a, b in zip(model.get_weights(), fresh.get_weights()):
        np.testing.assert_array_equal(a, b)


def _compiled(optimizer):
    kerasedu.backend.clear_session()
    np.random.seed(3)
    model = Sequential(
        [L.Input(shape=(4,)), L.Dense(5, activation="tanh"), L.BatchNormalization(), L.Dense(2)]
    )
    model.compile(optimizer=optimizer, loss="mse", metrics=["mae"])
    return model


def _data():
    rng = np.random.default_rng(4)
    return rng.random((32, 4)).astype("float32"), rng.random((32, 2)).astype("float32")


@pytest.mark.parametrize("name", sorted(optimizers.OPTIMIZERS))
def test_optimizer_state_round_trip(tmp_path, name):
    x, y = _data()
    model = _compiled(optimizers.get(name))
    model.fit(x, y, epochs=1, batch_size=8, shuffle=False, verbose=0)
    path = str(tmp_path / "m.h5")
    model.save(path)
    loaded = load_model(path)
    assert type(loaded.optimizer) is type(model.optimizer)
    assert loaded.optimizer.get_config() == model.optimizer.get_config()
    loaded.fit(x, y, epochs=1, batch_size=8, shuffle=False, verbose=0)  # builds the slots
    model.fit(x, y, epochs=1, batch_size=8, shuffle=False, verbose=0)
    for (name_a, a), (name_b, b) in zip(model.optimizer.get_state(), loaded.optimizer.get_state()):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7, err_msg=name_a)
    for a, b in zip(model.get_weights(), loaded.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)


def test_exact_resume_2_plus_2_equals_4_epochs(tmp_path):
    x, y = _data()
    straight = _compiled("adam")
    straight.fit(x, y, epochs=4, batch_size=8, shuffle=False, verbose=0)
    first = _compiled("adam")
    first.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
    first.save(str(tmp_path / "half.h5"))
    resumed = load_model(str(tmp_path / "half.h5"))
    assert resumed.optimizer.iterations == 8
    resumed.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
    for a, b in zip(straight.get_weights(), resumed.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_training_config_round_trip(tmp_path):
    model = _compiled(optimizers.SGD(learning_rate=0.05, momentum=0.9))
    model.save(str(tmp_path / "m.h5"))
    loaded = load_model(str(tmp_path / "m.h5"))
    assert loaded.optimizer.get_config()["learning_rate"] == pytest.approx(0.05)
    assert loaded.loss == "mse"
    x, y = _data()
    assert np.isfinite(loaded.evaluate(x, y, verbose=0)).all()
    uncompiled = load_model(str(tmp_path / "m.h5"), compile=False)
    assert getattr(uncompiled, "optimizer", None) is None


def test_nested_model_round_trip(tmp_path):
    kerasedu.backend.clear_session()
    inner = Sequential([L.Input(shape=(3,)), L.Dense(4), L.Dense(2)], name="inner")
    inputs = L.Input(shape=(3,))
    outer = Model(inputs, L.Dense(1)(inner(inputs)))
    _randomise(outer)
    outer.save(str(tmp_path / "nested.h5"))
    loaded = load_model(str(tmp_path / "nested.h5"))
    data = np.ones((2, 3), dtype="float32")
    np.testing.assert_allclose(
        loaded.predict(data, verbose=0), outer.predict(data, verbose=0), rtol=1e-6
    )


def test_lambda_needs_custom_objects(tmp_path):
    model, _ = _model_and_data("Lambda")
    model.save(str(tmp_path / "lambda.h5"))
    with pytest.raises(ValueError, match="custom_objects"):
        load_model(str(tmp_path / "lambda.h5"))
