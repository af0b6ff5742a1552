"""Global numeric settings: Keras's defaults, and the values each setter accepts."""

import pytest

from kerasedu import config


@pytest.fixture(autouse=True)
def restore_config():
    saved = dict(config._config)
    yield
    config._config.update(saved)


def test_defaults_are_keras_defaults():
    assert config.floatx() == "float32"
    assert config.epsilon() == 1e-7
    assert config.image_data_format() == "channels_last"


def test_set_floatx_accepts_float_types_only():
    config.set_floatx("float64")
    assert config.floatx() == "float64"
    with pytest.raises(ValueError, match="Unknown floatx type.*'int32'"):
        config.set_floatx("int32")
    assert config.floatx() == "float64"


def test_set_epsilon_stores_a_float():
    config.set_epsilon(1)
    assert config.epsilon() == 1.0 and isinstance(config.epsilon(), float)


def test_channels_first_is_refused_with_the_transpose_to_use():
    with pytest.raises(ValueError, match=r"np.transpose\(x, \(0, 2, 3, 1\)\)"):
        config.set_image_data_format("channels_first")
    config.set_image_data_format("channels_last")
    assert config.image_data_format() == "channels_last"
