import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.layers import (
    Concatenate,
    Dense,
    Dropout,
    Input,
    InputLayer,
    add,
    concatenate,
)
from kerasedu.models import Functional, Model, Sequential


def mlp():
    x = Input(shape=(784,), name="pixels")
    h = Dense(400, activation="relu", name="hidden")(x)
    y = Dense(10, activation="softmax", name="probs")(h)
    return Model(inputs=x, outputs=y)


def test_model_builds_functional_and_counts_params():
    model = mlp()
    assert isinstance(model, Functional)
    assert model.count_params() == 318010
    assert [layer.name for layer in model.layers] == ["pixels", "hidden", "probs"]
    assert isinstance(model.layers[0], InputLayer)
    assert model.input_shape == (None, 784) and model.output_shape == (None, 10)
    assert model.output_names == ["probs"]


def test_call_matches_layer_by_layer():
    model = mlp()
    x = np.random.rand(3, 784).astype("float32")
    expected = model.get_layer("probs")(model.get_layer("hidden")(x)).numpy()
    np.testing.assert_allclose(model(x).numpy(), expected, rtol=1e-6)


def test_weights_follow_layer_order():
    model = mlp()
    names = [w.name for w in model.weights]
    assert names == ["hidden/kernel", "hidden/bias", "probs/kernel", "probs/bias"]
    arrays = [np.full(w.shape, i, dtype="float32") for i, w in enumerate(model.weights)]
    model.set_weights(arrays)
    assert all(np.all(w == i) for i, w in enumerate(model.get_weights()))


def test_get_layer_errors_list_names():
    model = mlp()
    assert model.get_layer(index=1).name == "hidden"
    with pytest.raises(ValueError, match=r"No layer named 'nope'.*'hidden'"):
        model.get_layer("nope")
    with pytest.raises(ValueError, match="index"):
        model.get_layer(index=7)


def test_multi_input_multi_output():
    a, b = Input(shape=(3,), name="a"), Input(shape=(2,), name="b")
    merged = concatenate([Dense(4, name="da")(a), Dense(4, name="db")(b)])
    out1, out2 = Dense(1, name="o1")(merged), Dense(2, name="o2")(merged)
    model = Model([a, b], [out1, out2])
    assert [layer.name for layer in model.layers][:4] == ["a", "b", "da", "db"]
    y1, y2 = model([np.ones((5, 3)), np.ones((5, 2))])
    assert y1.shape == (5, 1) and y2.shape == (5, 2)
    by_name = model({"a": np.ones((5, 3)), "b": np.ones((5, 2))})
    np.testing.assert_allclose(by_name[0].numpy(), y1.numpy())
    assert model.output_shape == [(None, 1), (None, 2)]


def test_shared_layer_is_one_layer_with_two_nodes():
    a, b = Input(shape=(4,)), Input(shape=(4,))
    shared = Dense(3, name="shared")
    model = Model([a, b], add([shared(a), shared(b)]))
    assert sum(layer is shared for layer in model.layers) == 1
    assert len(shared._inbound_nodes) == 2
    assert model.count_params() == 15
    x1, x2 = np.random.randn(2, 4), np.random.randn(2, 4)
    expected = shared(x1).numpy() + shared(x2).numpy()
    np.testing.assert_allclose(model([x1, x2]).numpy(), expected, rtol=1e-5)


def test_nested_model_as_layer():
    inner = mlp()
    x = Input(shape=(784,))
    outer = Model(x, Dense(2, name="head")(inner(x)))
    assert outer.layers[1] is inner
    assert outer.count_params() == 318010 + 22
    data = np.random.rand(2, 784).astype("float32")
    expected = outer.get_layer("head")(inner(data)).numpy()
    np.testing.assert_allclose(outer(data).numpy(), expected, rtol=1e-5)
    assert len(outer.trainable_weights) == 6


def test_training_flag_reaches_dropout():
    x = Input(shape=(100,))
    model = Model(x, Dropout(0.5)(x))
    data = np.ones((4, 100), dtype="float32")
    np.testing.assert_array_equal(model(data).numpy(), data)
    assert (model(data, training=True).numpy() == 0).any()


def test_gradients_flow_to_all_weights():
    model = mlp()
    loss = (
        model(Tensor(np.random.rand(2, 784).astype("float32"))).sum() * 0
        + model(np.random.rand(2, 784).astype("float32")).max()
    )
    loss.backward()
    assert all(w.grad is not None for w in model.trainable_weights)


def test_wrong_input_shape_names_model_and_shapes():
    model = mlp()
    with pytest.raises(ValueError, match=r"functional.*expected shape=\(None, 784\).*\(2, 100\)"):
        model(np.ones((2, 100)))


def test_graph_disconnected_error():
    a, b = Input(shape=(2,)), Input(shape=(2,))
    with pytest.raises(ValueError, match="Graph disconnected"):
        Model(a, add([a, b]))


def test_inputs_must_be_keras_tensors():
    with pytest.raises(ValueError, match="KerasTensors"):
        Model(np.ones(3), np.ones(3))


def test_legacy_input_output_keywords():
    x = Input(shape=(3,))
    y = Dense(1)(x)
    with pytest.warns(DeprecationWarning, match="old Keras spelling"):
        model = Model(input=x, output=y)
    assert isinstance(model, Functional) and model.output_shape == (None, 1)


def test_sub_model_from_intermediate_tensors():
    x = Input(shape=(4,))
    h = Dense(3, name="h")(x)
    y = Dense(2, name="y")(h)
    Model(x, y)
    features = Model(x, h)
    assert [layer.name for layer in features.layers][1:] == ["h"]
    assert features(np.ones((1, 4))).shape == (1, 3)


def test_sequential_inside_functional():
    seq = Sequential([Input(shape=(4,)), Dense(3), Dense(2)])
    x = Input(shape=(4,))
    model = Model(x, Concatenate()([seq(x), x]))
    assert model.output_shape == (None, 6)
    assert model(np.ones((2, 4))).shape == (2, 6)
