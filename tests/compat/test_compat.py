"""kerasedu.compat: every Keras 1/2 spelling still works, warns, and points at the user's line."""

import inspect
import warnings

import numpy as np
import pytest

from kerasedu import compat, layers, optimizers
from kerasedu.callbacks import ReduceLROnPlateau
from kerasedu.compat.renames import KERAS1_NAMES


def test_warning_points_at_the_users_line():
    with pytest.warns(DeprecationWarning, match="units") as record:
        layers.Dense(output_dim=2)
    assert record[0].filename == __file__


def test_core_constructors_do_not_mention_old_names():
    for cls, method, names in compat.OLD_ARGUMENTS:
        source = inspect.getsource(getattr(cls, method).__wrapped__)
        for old in names:
            assert f'"{old}"' not in source, f"{cls.__name__}.{method} mentions {old}"


def test_every_wrapped_function_renames():
    # a Keras 1 name reaches the Keras 3 argument of each wrapped constructor
    with pytest.warns(DeprecationWarning, match="pool_size"):
        assert layers.AveragePooling2D(pool_length=(3, 3)).pool_size == (3, 3)
    with pytest.warns(DeprecationWarning, match="learning_rate"):
        assert optimizers.Adam(lr=0.5).learning_rate == 0.5
    with pytest.warns(DeprecationWarning, match="recurrent_dropout"):
        assert layers.GRU(2, dropout_U=0.25).recurrent_dropout == 0.25
    with pytest.warns(DeprecationWarning, match="min_delta"):
        assert ReduceLROnPlateau(epsilon=0.5).min_delta == 0.5


def test_old_and_new_name_together_is_an_error():
    with pytest.raises(TypeError, match="pass only `units`"):
        layers.Dense(3, output_dim=2, units=3)


def test_dim_ordering_becomes_data_format():
    for make in (layers.MaxPooling2D, layers.GlobalAveragePooling2D, layers.ZeroPadding2D):
        with pytest.warns(DeprecationWarning, match="data_format"):
            assert make(dim_ordering="tf").data_format == "channels_last"
    with pytest.warns(DeprecationWarning), pytest.raises(ValueError, match="channels-last"):
        layers.Conv2D(2, 3, dim_ordering="th")


def test_keras1_hints_are_dropped_silently():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        layer = layers.LSTM(2, consume_less="gpu", forget_bias_init="one")
    assert layer(np.ones((1, 3, 2))).shape == (1, 2)


def test_embedding_and_batch_normalization_names():
    with pytest.warns(DeprecationWarning, match="embeddings_initializer"):
        layer = layers.Embedding(4, 2, init="ones")
    assert layer(np.array([[1]])).numpy().tolist() == [[[1.0, 1.0]]]
    with pytest.warns(DeprecationWarning, match="beta_initializer"):
        bn = layers.BatchNormalization(beta_init="ones")
    assert bn(np.zeros((2, 1))).numpy().tolist() == [[1.0], [1.0]]


def test_optimizer_lr_attribute_reads_and_writes():
    opt = optimizers.SGD(0.1)
    with pytest.warns(DeprecationWarning, match="learning_rate"):
        opt.lr = 0.25
    assert opt.learning_rate == 0.25


def test_old_public_names_are_importable():
    from kerasedu.utils.np_utils import to_categorical

    with pytest.warns(DeprecationWarning, match="to_categorical"):
        assert to_categorical([1], 2).tolist() == [[0.0, 1.0]]
    with pytest.warns(DeprecationWarning, match="kernel_size"):
        layer = layers.Convolution1D(nb_filter=2, filter_length=3)
    assert layer.kernel_size == (3,)
    assert issubclass(layers.Convolution2D, layers.Conv2D)
    assert "lr" in KERAS1_NAMES


def test_keras1_names_warn_and_work():
    with pytest.warns(DeprecationWarning, match="kernel_size"):
        layer = layers.Convolution2D(
            32, 3, 3, border_mode="same", subsample=(2, 2), init="he_normal"
        )
    assert (layer.filters, layer.kernel_size, layer.padding, layer.strides) == (
        32,
        (3, 3),
        "same",
        (2, 2),
    )
    with pytest.warns(DeprecationWarning, match="filters"):
        layer = layers.Conv2D(nb_filter=8, nb_row=5, nb_col=5)
    assert layer.kernel_size == (5, 5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        layer = layers.Convolution1D(
            nb_filter=4, filter_length=3, border_mode="causal", subsample_length=1
        )
    assert layer(np.ones((1, 6, 2))).shape == (1, 6, 4)


def test_keras2_add_weight_with_the_name_first_warns_with_the_keras3_call():
    layer = layers.Layer(name="old_style")
    with pytest.warns(DeprecationWarning) as record:
        kernel = layer.add_weight("kernel", (2, 3), "ones", None, None, False)
    assert record[0].filename == __file__
    message = str(record[0].message)
    assert "add_weight(shape=(2, 3), initializer='ones'" in message and "name='kernel'" in message
    assert kernel.name == "old_style/kernel" and float(kernel.numpy().sum()) == 6.0
    assert layer.non_trainable_weights == [kernel]  # the 6th old argument: trainable
    with pytest.raises(TypeError, match="both by position and by keyword"):
        layer.add_weight("bias", (2,), shape=(3,))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the Keras 3 form does not warn
        layer.add_weight(shape=(2,), name="bias")
