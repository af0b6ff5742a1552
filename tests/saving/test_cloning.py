"""clone_model: the same architecture, built again from its config, with new layers and weights."""

import numpy as np

from kerasedu.layers import Dense, Input
from kerasedu.models import Model, Sequential, clone_model


def test_clone_model_makes_new_layers_with_the_same_architecture():
    x = Input(shape=(3,))
    model = Model(x, Dense(2, name="out")(Dense(4)(x)))
    clone = clone_model(model)
    assert clone.get_layer("out") is not model.get_layer("out")
    clone.set_weights(model.get_weights())
    data = np.ones((2, 3), "float32")
    np.testing.assert_array_equal(clone.predict(data, verbose=0), model.predict(data, verbose=0))


def test_clone_model_with_clone_function():
    seen = []

    def clone_function(layer):
        seen.append(layer.name)
        return type(layer).from_config(layer.get_config())

    model = Sequential([Input(shape=(3,)), Dense(2, name="a"), Dense(1, name="b")])
    clone = clone_model(model, clone_function=clone_function)
    assert seen == ["a", "b"] and clone.output_shape == (None, 1)
    x = Input(shape=(3,))
    functional = Model(x, Dense(2, name="c")(x))
    assert clone_model(functional, clone_function=clone_function).output_shape == (None, 2)


def test_clone_model_shares_no_weights_with_the_original():
    model = Sequential([Input(shape=(3,)), Dense(2, name="a")])
    clone = clone_model(model)
    assert clone.get_layer("a").kernel is not model.get_layer("a").kernel
    clone.set_weights([np.zeros_like(w) for w in model.get_weights()])
    assert np.abs(model.get_weights()[0]).sum() > 0  # the original keeps its weights
