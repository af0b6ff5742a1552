"""The optimizers package: names, get/serialize/deserialize, Keras's defaults."""

import pytest

from kerasedu import optimizers
from kerasedu.optimizers import SGD, Adam


def test_get_serialize_deserialize_round_trip():
    for name, cls in optimizers.OPTIMIZERS.items():
        opt = optimizers.get(name)
        assert isinstance(opt, cls)
        rebuilt = optimizers.deserialize(optimizers.serialize(opt))
        assert type(rebuilt) is cls and rebuilt.get_config() == opt.get_config()
    assert optimizers.get("RMSprop").get_config()["rho"] == 0.9
    opt = Adam()
    assert optimizers.get(opt) is opt
    assert isinstance(optimizers.get(SGD), SGD)
    with pytest.raises(ValueError, match="Unknown optimizer"):
        optimizers.get("subprocess.Popen")


def test_defaults_match_keras():
    assert SGD().learning_rate == 0.01
    for name in ("rmsprop", "adagrad", "adadelta", "adam", "adamax", "nadam", "adamw"):
        opt = optimizers.get(name)
        assert opt.learning_rate == 0.001
        assert getattr(opt, "epsilon") == 1e-7


def test_deserialize_accepts_keras_class_names_and_custom_objects():
    class MySGD(SGD):
        pass

    config = {"class_name": "MySGD", "config": {"learning_rate": 0.5}}
    opt = optimizers.deserialize(config, custom_objects={"MySGD": MySGD})
    assert type(opt) is MySGD and opt.learning_rate == 0.5
    assert type(optimizers.get("Adam")) is Adam
