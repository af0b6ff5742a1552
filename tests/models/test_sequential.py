import numpy as np
import pytest

from kerasedu.layers import (
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    Input,
    InputLayer,
    MaxPooling2D,
)
from kerasedu.models import Sequential


def convnet():
    return Sequential(
        [
            Input(shape=(28, 28, 1)),
            Conv2D(32, kernel_size=(3, 3), activation="relu"),
            MaxPooling2D(pool_size=(2, 2)),
            Conv2D(64, kernel_size=(3, 3), activation="relu"),
            MaxPooling2D(pool_size=(2, 2)),
            Flatten(),
            Dropout(0.5),
            Dense(10, activation="softmax"),
        ]
    )


def test_keras_io_convnet_has_34826_params():
    model = convnet()
    assert model.count_params() == 34826
    assert model.output_shape == (None, 10)
    assert model.layers[3].output_shape == (None, 5, 5, 64)
    assert not any(isinstance(layer, InputLayer) for layer in model.layers)


def test_mlp_with_input_shape_keyword():
    model = Sequential()
    model.add(Dense(400, activation="relu", input_shape=(784,)))
    model.add(Dense(10))
    assert model.count_params() == 318010
    assert model.input_shape == (None, 784)
    assert [layer.name for layer in model.layers] == [model.layers[0].name, model.layers[1].name]


def test_input_dim_and_batch_input_shape_keywords():
    assert Sequential([Dense(2, input_dim=3)]).input_shape == (None, 3)
    assert Sequential([Dense(2, batch_input_shape=(8, 3))]).input_shape == (8, 3)


def test_lazy_build_on_first_call():
    model = Sequential([Dense(4), Dense(1)])
    assert not model.built
    with pytest.raises(ValueError, match="not been built"):
        model.summary()
    y = model(np.ones((5, 3), dtype="float32"))
    assert y.shape == (5, 1) and model.built
    assert model.input_shape == (None, 3)
    assert model.count_params() == 3 * 4 + 4 + 5


def test_build_with_input_shape():
    model = Sequential([Dense(4), Dense(1)])
    model.build((None, 6))
    assert model.count_params() == 6 * 4 + 4 + 5


def test_eager_call_matches_layers():
    model = Sequential([Input(shape=(3,)), Dense(4, activation="relu"), Dense(2)])
    x = np.random.randn(5, 3).astype("float32")
    expected = model.layers[1](model.layers[0](x)).numpy()
    np.testing.assert_allclose(model(x).numpy(), expected, rtol=1e-6)


def test_wrong_data_shape_names_expected_shape():
    model = Sequential([Input(shape=(784,)), Dense(10)], name="mnist_mlp")
    with pytest.raises(ValueError, match=r"mnist_mlp.*expected shape=\(None, 784\).*\(32, 100\)"):
        model(np.ones((32, 100)))


def test_pop_and_add_again():
    model = Sequential([Input(shape=(3,)), Dense(4), Dense(2)])
    popped = model.pop()
    assert popped.units == 2 and model.output_shape == (None, 4)
    model.add(Dense(5))
    assert model.output_shape == (None, 5)
    model.pop()
    model.pop()
    with pytest.raises(ValueError, match="no layers"):
        model.pop()


def test_add_errors():
    model = Sequential([Dense(2, name="a")])
    with pytest.raises(TypeError, match="takes a layer"):
        model.add("dense")
    with pytest.raises(ValueError, match="unique names"):
        model.add(Dense(3, name="a"))
    with pytest.raises(ValueError, match="first"):
        model.add(Input(shape=(3,)))


def test_dropout_training_flag_in_sequential():
    model = Sequential([Input(shape=(50,)), Dropout(0.5)])
    x = np.ones((4, 50), dtype="float32")
    np.testing.assert_array_equal(model(x).numpy(), x)
    assert (model(x, training=True).numpy() == 0).any()


def test_sequential_starting_with_a_built_model_builds_the_layers_after_it(capsys):
    inner = Sequential([Input(shape=(3,)), Dense(4)])
    outer = Sequential([inner, Dense(10)])
    assert outer.built and outer.input_shape == (None, 3) and outer.output_shape == (None, 10)
    assert len(outer.layers[1].weights) == 2 and len(outer.weights) == 4
    assert outer.predict(np.ones((2, 3), dtype="float32"), verbose=0).shape == (2, 10)
    outer.summary()
    assert "Total params: 66" in capsys.readouterr().out  # 16 + 50


def test_sequential_of_one_built_sequential_without_input(capsys):
    inner = Sequential([Input(shape=(3,)), Dense(4)])
    wrapper = Sequential([inner])
    assert wrapper.built and wrapper.count_params() == 16
    wrapper.summary()
    assert "Total params: 16" in capsys.readouterr().out
    eager = Dense(2)
    eager(np.ones((1, 5), dtype="float32"))  # a layer built by an eager call gives its shape too
    assert Sequential([eager]).input_shape == (None, 5)
