"""CompiledLoss and CompiledMetrics: one loss per output, weighted into the total."""

import numpy as np
import pytest

from kerasedu import losses
from kerasedu.layers import Dense, Input
from kerasedu.losses import Loss
from kerasedu.models import Model
from kerasedu.models.compile_utils import CompiledLoss, get_loss


def two_output_model():
    x = Input((2,))
    return Model(x, [Dense(1, name="p")(x), Dense(1, name="q")(x)])


def test_get_loss_wraps_names_and_functions_in_a_loss_object():
    assert isinstance(get_loss("mse"), Loss)
    assert get_loss("mse").name == "mean_squared_error"
    wrapped = get_loss(losses.mean_absolute_error)
    assert float(wrapped([[0.0], [0.0]], [[1.0], [3.0]])) == 2.0
    assert get_loss(None) is None
    with pytest.raises(ValueError, match="Could not interpret loss identifier"):
        get_loss(42)


def test_total_is_the_weighted_sum_of_the_outputs_losses():
    model = two_output_model()
    compiled = CompiledLoss(
        {"p": "mse", "q": "mae"}, loss_weights={"p": 2.0, "q": 0.5}, model=model
    )
    y_true = [np.zeros((2, 1)), np.zeros((2, 1))]
    y_pred = [np.array([[1.0], [3.0]]), np.array([[2.0], [-4.0]])]
    total, (p_loss, q_loss) = compiled(y_true, y_pred)
    assert float(p_loss) == pytest.approx((1 + 9) / 2)
    assert float(q_loss) == pytest.approx((2 + 4) / 2)
    assert float(total) == pytest.approx(2.0 * 5 + 0.5 * 3)


def test_fit_logs_each_outputs_loss_and_the_total():
    model = two_output_model()
    model.compile(optimizer="sgd", loss=["mse", "mse"], loss_weights=[1.0, 0.0])
    x = np.ones((4, 2), dtype="float32")
    logs = model.evaluate(x, [np.zeros((4, 1)), np.zeros((4, 1))], verbose=0, return_dict=True)
    assert {"loss", "p_loss", "q_loss"} <= set(logs)
    assert logs["loss"] == pytest.approx(logs["p_loss"], rel=1e-6)  # q has weight 0


def test_a_missing_loss_for_every_output_is_an_error():
    compiled = CompiledLoss({"p": None, "q": None}, model=two_output_model())
    with pytest.raises(ValueError, match="No loss to compute"):
        compiled([np.zeros((1, 1))] * 2, [np.zeros((1, 1))] * 2)
