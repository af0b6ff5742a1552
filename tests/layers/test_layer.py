"""The base Layer: weights and their order, build once, call arguments, shapes, config."""

import numpy as np
import pytest

from kerasedu.autograd import Tensor
from kerasedu.layers import Dense, Input, Layer


class Scale(Layer):
    """y = x * kernel + offset, with a frozen offset: one trainable and one non-trainable weight."""

    def __init__(self, regularizer=None, **kwargs):
        super().__init__(**kwargs)
        self.regularizer = regularizer
        self.build_calls = []

    def build(self, input_shape):
        self.build_calls.append(input_shape)
        features = input_shape[-1]
        self.kernel = self.add_weight(
            shape=(features,), initializer="ones", regularizer=self.regularizer, name="kernel"
        )
        self.offset = self.add_weight(
            shape=(features,), initializer="zeros", trainable=False, name="offset"
        )

    def call(self, inputs):
        return inputs * self.kernel + self.offset


def test_add_weight_names_and_registers_weights_trainable_first():
    layer = Scale(name="scale")
    layer(np.ones((2, 3), dtype="float32"))
    assert [w.name for w in layer.weights] == ["scale/kernel", "scale/offset"]
    assert layer.trainable_weights == [layer.kernel]
    assert layer.non_trainable_weights == [layer.offset]
    assert layer.count_params() == 6


def test_frozen_layer_moves_every_weight_to_non_trainable():
    layer = Scale(trainable=False)
    layer(np.ones((1, 2), dtype="float32"))
    assert layer.trainable_weights == []
    assert layer.non_trainable_weights == [layer.kernel, layer.offset]


def test_build_runs_once_with_the_batch_axis_unknown():
    layer = Scale()
    layer(np.ones((4, 3), dtype="float32"))
    layer(np.ones((7, 3), dtype="float32"))
    assert layer.build_calls == [(None, 3)]
    assert layer.built and layer.input_shape == (None, 3)


def test_call_computes_and_casts_float64_input_to_float32():
    layer = Scale()
    out = layer(np.array([[1.0, 2.0]]))
    assert isinstance(out, Tensor) and out.dtype == np.float32
    np.testing.assert_allclose(out.numpy(), [[1.0, 2.0]])


def test_get_and_set_weights_round_trip_and_check_count_and_shape():
    layer = Scale(name="s")
    layer(np.ones((1, 2), dtype="float32"))
    layer.set_weights([np.array([2.0, 3.0]), np.array([1.0, 1.0])])
    np.testing.assert_allclose(layer(np.ones((1, 2))).numpy(), [[3.0, 4.0]])
    assert [w.tolist() for w in layer.get_weights()] == [[2.0, 3.0], [1.0, 1.0]]
    with pytest.raises(ValueError, match="expects 2 weight arrays, but received 1"):
        layer.set_weights([np.ones(2)])
    with pytest.raises(ValueError, match=r"'s/kernel' has shape \(2,\).*\(3,\)"):
        layer.set_weights([np.ones(3), np.ones(2)])


def test_count_params_before_build_raises():
    with pytest.raises(ValueError, match="has no weights yet"):
        Scale(name="unbuilt").count_params()


def test_regularizer_penalty_is_in_losses():
    layer = Scale(regularizer="l2")
    layer(np.ones((1, 3), dtype="float32"))
    layer.kernel.assign(np.array([1.0, 2.0, 3.0]))
    [penalty] = layer.losses
    np.testing.assert_allclose(float(penalty), 0.01 * (1 + 4 + 9), rtol=1e-6)  # Keras l2: 0.01


def test_unknown_keyword_argument_raises_type_error():
    with pytest.raises(TypeError, match="unexpected keyword argument.*'unitz'"):
        Scale(unitz=3)


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"input_shape": (5,)}, [None, 5]),
        ({"input_dim": 5}, [None, 5]),
        ({"input_shape": (5,), "batch_size": 8}, [8, 5]),
        ({"batch_input_shape": (8, 5)}, [8, 5]),
    ],
)
def test_input_shape_arguments_become_batch_input_shape(kwargs, expected):
    config = Scale(**kwargs).get_config()
    assert config["batch_input_shape"] == expected


def test_config_round_trip_keeps_name_trainable_and_dtype():
    layer = Scale(name="frozen", trainable=False)
    config = layer.get_config()
    assert config == {"name": "frozen", "trainable": False, "dtype": "float32"}
    clone = Scale.from_config(config)
    assert (clone.name, clone.trainable, clone.dtype) == ("frozen", False, "float32")


def test_training_argument_is_dropped_when_call_does_not_take_it():
    layer = Scale()
    out = layer(np.ones((1, 2), dtype="float32"), training=True)
    np.testing.assert_allclose(out.numpy(), [[1.0, 1.0]])


def test_default_compute_output_shape_runs_the_layer():
    assert Dense(4).compute_output_shape((None, 3)) == (None, 4)
    assert Layer().compute_output_shape((None, 2, 5)) == (None, 2, 5)


def test_output_shape_before_and_after_a_symbolic_call():
    layer = Dense(4)
    with pytest.raises(AttributeError, match="has not been called yet"):
        layer.output_shape
    layer(Input((3,)))
    assert layer.input_shape == (None, 3) and layer.output_shape == (None, 4)


def test_default_names_are_snake_case_and_unique():
    first, second = Scale(), Scale()
    assert first.name.startswith("scale") and second.name.startswith("scale")
    assert first.name != second.name
    assert repr(first) == f"<Scale name={first.name}, built=False>"


def test_input_and_output_are_the_first_calls_keras_tensors():
    """Keras's ``Model(model.input, model.get_layer(name).output)``: a sub-model of a graph."""
    from kerasedu.models import Model

    inputs = Input((4,), name="x")
    hidden = Dense(3, name="hidden")
    h = hidden(inputs)
    model = Model(inputs, Dense(1)(h))
    assert hidden.input is inputs and hidden.output is h
    assert model.get_layer("x").output is inputs and model.get_layer("x").input is inputs
    features = Model(model.input, model.get_layer("hidden").output)
    x = np.ones((2, 4), dtype="float32")
    np.testing.assert_allclose(features.predict(x, verbose=0), hidden(x).numpy())
    with pytest.raises(AttributeError, match="never called on an Input: no output"):
        Dense(2).output


def test_add_weight_keras3_defaults_name_initializer_and_shape():
    layer = Layer(name="defaults")
    kernel = layer.add_weight(shape=(50, 40))
    counter = layer.add_weight(shape=(3,), dtype="int32", trainable=False)
    scalar = layer.add_weight(initializer="ones")
    assert kernel.name.startswith("defaults/variable") and counter.name != kernel.name
    limit = np.sqrt(6 / (50 + 40))  # Keras 3: glorot_uniform for float weights...
    assert 0 < np.abs(kernel.numpy()).max() <= limit
    assert counter.numpy().tolist() == [0, 0, 0] and counter.dtype == np.int32  # ...zeros otherwise
    assert scalar.shape == () and float(scalar) == 1.0
    assert layer.trainable_weights == [kernel, scalar] and layer.non_trainable_weights == [counter]


class ActivityPenalty(Layer):
    """The Keras guide's ActivityRegularizationLayer: add_loss(rate * mean(inputs)) in call."""

    def call(self, inputs):
        self.add_loss(0.5 * inputs.mean())
        return inputs


class Outer(Layer):
    def __init__(self):
        super().__init__()
        self.penalty = ActivityPenalty()

    def call(self, inputs):
        return self.penalty(self.penalty(inputs))  # called twice: two losses in one call


def test_add_loss_values_belong_to_the_latest_outer_call():
    layer = Outer()
    assert layer.losses == []  # never called
    layer(np.ones((1, 2), dtype="float32"))
    assert [float(loss) for loss in layer.losses] == [0.5, 0.5]
    assert len(layer.penalty.losses) == 2
    layer(np.full((1, 2), 3.0, dtype="float32"))  # Keras: each outer call starts afresh
    assert [float(loss) for loss in layer.losses] == [1.5, 1.5]


def test_add_loss_leaves_nothing_from_building_a_graph_and_takes_only_tensors():
    symbolic = ActivityPenalty()
    symbolic(Input((2,)))
    assert symbolic.losses == []
    layer = ActivityPenalty()
    assert layer.compute_output_shape((None, 2)) == (None, 2)
    assert layer.losses == []  # working out a shape is not a call that counts
    with pytest.raises(TypeError, match="add_loss\\(\\) takes Tensors"):
        layer.add_loss(0.5)


def test_add_variable_is_add_weight_as_in_keras_3():
    layer = Layer(name="holder")
    v = layer.add_variable(shape=(2, 3), initializer="ones", trainable=False, name="count")
    assert v.name == "holder/count" and layer.non_trainable_weights == [v]
    assert v.numpy().tolist() == [[1.0] * 3] * 2
