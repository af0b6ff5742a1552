"""The one name -> object lookup that every family's get/serialize/deserialize goes through."""

import numpy as np
import pytest

from kerasedu import (
    activations,
    constraints,
    initializers,
    losses,
    metrics,
    optimizers,
    regularizers,
)
from kerasedu.layers import Dense, Input
from kerasedu.lookup import deserialize_object, get_object, lookup, serialize_object
from kerasedu.models import Sequential
from kerasedu.saving import custom_object_scope, get_custom_objects, register_keras_serializable

TABLE = {"relu": "the relu", "Dense": "the Dense"}


def test_lookup_reads_custom_objects_first_then_the_table():
    assert lookup("relu", "thing", TABLE) == "the relu"
    assert lookup("relu", "thing", TABLE, custom_objects={"relu": "mine"}) == "mine"


def test_unknown_name_suggests_the_closest_and_lists_the_valid_ones():
    with pytest.raises(ValueError) as info:
        lookup("rleu", "thing", TABLE)
    message = str(info.value)
    assert "Unknown thing 'rleu'. Did you mean 'relu'?" in message
    assert "Valid names: ['Dense', 'relu']" in message
    assert "custom_objects={'rleu': ...}" in message


def test_no_suggestion_when_nothing_is_close():
    with pytest.raises(ValueError) as info:
        lookup("zzzzzz", "thing", TABLE)
    assert "Did you mean" not in str(info.value)


@pytest.mark.parametrize(
    "get, typo, suggestion",
    [
        (activations.get, "sigmiod", "sigmoid"),
        (initializers.get, "glorot_unifrom", "glorot_uniform"),
        (regularizers.get, "l1l3", "l1l2"),
        (constraints.get, "maxnorm", "max_norm"),
        (losses.get, "categorical_crossentropie", "categorical_crossentropy"),
        (metrics.get, "acuracy", "accuracy"),
        (optimizers.get, "adamm", "adam"),
    ],
)
def test_every_family_says_did_you_mean(get, typo, suggestion):
    with pytest.raises(ValueError, match=f"Did you mean '{suggestion}'"):
        get(typo)


def test_get_object_accepts_each_kind_of_identifier():
    table = initializers.INITIALIZERS
    assert get_object(None, "initializer", table) is None
    assert type(get_object("ones", "initializer", table)).__name__ == "Ones"
    assert type(get_object("Ones", "initializer", table)).__name__ == "Ones"
    assert type(get_object(initializers.Ones, "initializer", table)).__name__ == "Ones"
    init = initializers.Constant(2.0)
    assert get_object(init, "initializer", table) is init
    config = {"class_name": "Constant", "config": {"value": 3.0}}
    assert get_object(config, "initializer", table).value == 3.0
    with pytest.raises(TypeError, match="Could not interpret initializer"):
        get_object(42, "initializer", table)


def test_custom_objects_are_returned_as_given_or_instantiated_if_classes():
    def my_init(shape, dtype=None):
        return None

    table = initializers.INITIALIZERS
    assert get_object("mine", "initializer", table, {"mine": my_init}) is my_init
    made = get_object("mine", "initializer", table, {"mine": initializers.Zeros})
    assert isinstance(made, initializers.Zeros)


def test_serialize_then_deserialize_gives_an_equal_object():
    reg = regularizers.L1L2(l1=0.1, l2=0.2)
    config = serialize_object(reg)
    assert config == {"class_name": "L1L2", "config": {"l1": 0.1, "l2": 0.2}}
    rebuilt = deserialize_object(config, "regularizer", regularizers.REGULARIZERS)
    assert rebuilt.get_config() == reg.get_config()


def test_deserialize_object_refuses_what_is_not_a_config():
    with pytest.raises(ValueError, match="must be a dict with 'class_name'"):
        deserialize_object("L2", "regularizer", regularizers.REGULARIZERS)
    with pytest.raises(ValueError, match="Unknown regularizer class 'os.system'"):
        deserialize_object({"class_name": "os.system"}, "regularizer", regularizers.REGULARIZERS)


# --- your registered objects, by name, in every family ------------------------------------
def doubled(x):
    return 2 * x


def squared_error(y_true, y_pred):
    return ((y_true - y_pred) ** 2).mean(axis=-1)


class OnesInit(initializers.Initializer):
    def __call__(self, shape, dtype=None):
        return np.ones(shape, dtype or "float32")

    def get_config(self):
        return {}


class Silent(regularizers.Regularizer):
    def __call__(self, x):
        return (x * 0.0).sum()

    def get_config(self):
        return {}


@pytest.fixture
def mine():
    objects = [doubled, squared_error, OnesInit, Silent]
    for obj in objects:
        register_keras_serializable(package="my")(obj)
    yield
    for obj in objects:
        del get_custom_objects()[f"my>{obj.__name__}"]


@pytest.mark.parametrize("name", ["my>doubled", "doubled"])
def test_registered_activation_by_name(mine, name):
    assert activations.get(name) is doubled
    assert Dense(3, activation=name).activation is doubled


@pytest.mark.parametrize("name", ["my>squared_error", "squared_error"])
def test_registered_loss_and_metric_by_name(mine, name):
    assert losses.get(name) is squared_error
    assert metrics.get(name).fn is squared_error


@pytest.mark.parametrize("name", ["my>OnesInit", "OnesInit"])
def test_registered_initializer_and_regularizer_by_name(mine, name):
    assert isinstance(initializers.get(name), OnesInit)
    assert isinstance(regularizers.get(name.replace("OnesInit", "Silent")), Silent)


def test_registered_optimizer_by_name():
    class Careful(optimizers.SGD):
        pass

    register_keras_serializable(package="my")(Careful)
    try:
        assert type(optimizers.get("my>Careful")) is Careful
        assert type(optimizers.get("Careful")) is Careful
        assert type(optimizers.get("ADAM")) is optimizers.Adam  # kerasedu's names: any case
    finally:
        del get_custom_objects()["my>Careful"]


def test_a_model_compiles_and_trains_with_registered_names(mine):
    model = Sequential(
        [Input((2,)), Dense(1, "my>doubled", kernel_initializer="my>OnesInit",
                            kernel_regularizer="my>Silent", bias_initializer="zeros")]
    )  # fmt: skip
    model.compile(optimizer="sgd", loss="my>squared_error", metrics=["squared_error"])
    history = model.fit(np.ones((4, 2)), np.ones((4, 1)), verbose=0).history
    assert history["loss"] == pytest.approx([9.0])  # (2 * (1 + 1) - 1) ** 2
    assert model.layers[0].get_config()["activation"] == "my>doubled"  # as Keras 3 writes it


def test_registered_plain_name_never_hides_kerasedu_s_own(mine):
    register_keras_serializable(package="my", name="relu")(doubled)
    try:
        assert activations.get("relu") is activations.relu
        assert activations.get("my>relu") is doubled
    finally:
        del get_custom_objects()["my>relu"]


def test_scoped_names_work_in_every_family_and_end_with_the_scope():
    with custom_object_scope({"twice": doubled, "ones": OnesInit, "nonneg": constraints.NonNeg}):
        assert Dense(2, activation="twice").activation is doubled
        assert isinstance(initializers.get("ones"), OnesInit)
        assert isinstance(constraints.get("nonneg"), constraints.NonNeg)
    with pytest.raises(ValueError, match="Unknown activation function 'twice'"):
        activations.get("twice")
