"""The losses package: names, aliases, get/serialize/deserialize and custom callables."""

import pytest

from kerasedu import losses
from kerasedu.autograd import Tensor


def test_get_serialize_deserialize_and_aliases():
    assert losses.get("mse") is losses.mean_squared_error
    assert losses.get("kld") is losses.kl_divergence is losses.kullback_leibler_divergence
    assert losses.get("logcosh") is losses.log_cosh
    assert isinstance(losses.get("CategoricalCrossentropy"), losses.CategoricalCrossentropy)
    assert isinstance(losses.get(losses.Huber), losses.Huber)
    loss = losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1)
    rebuilt = losses.deserialize(losses.serialize(loss))
    assert rebuilt.get_config() == loss.get_config()
    assert losses.deserialize(losses.serialize(losses.mae)) is losses.mae
    with pytest.raises(ValueError, match="Unknown loss"):
        losses.get("not_a_loss")
    with pytest.raises(ValueError, match="Unknown loss class"):
        losses.deserialize({"class_name": "os.system", "config": {}})


def test_custom_callable_loss_is_accepted():
    def my_loss(y_true, y_pred):
        return (Tensor(y_pred) - Tensor(y_true)).abs().sum(axis=-1)

    assert losses.get(my_loss) is my_loss
    assert losses.serialize(my_loss) == "my_loss"
    assert losses.deserialize("my_loss", custom_objects={"my_loss": my_loss}) is my_loss
    wrapped = losses.LossFunctionWrapper(my_loss)
    assert wrapped.name == "my_loss"
    assert float(wrapped([[0.0, 0.0]], [[1.0, -2.0]])) == 3.0
