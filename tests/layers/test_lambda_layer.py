import numpy as np
import pytest

from kerasedu.layers import Input, Lambda


def double(x):
    return x * 2


def test_lambda_computes_and_infers_shape():
    np.testing.assert_array_equal(Lambda(double)(np.ones((1, 2))).numpy(), [[2.0, 2.0]])
    assert Lambda(lambda x: x[:, :3])(Input(shape=(5,))).shape == (None, 3)
    assert Lambda(double, output_shape=(5,))(Input(shape=(5,))).shape == (None, 5)


def test_lambda_arguments():
    layer = Lambda(lambda x, k: x * k, arguments={"k": 3.0})
    np.testing.assert_array_equal(layer(np.ones((1, 1))).numpy(), [[3.0]])


def test_lambda_config_stores_name_only_and_needs_custom_objects():
    config = Lambda(double).get_config()
    assert config["function"] == "double"
    with pytest.raises(ValueError, match=r"custom_objects=\{'double': double\}"):
        Lambda.from_config(config)
    clone = Lambda.from_config(config, custom_objects={"double": double})
    assert clone.function is double


def test_lambda_refuses_saved_code():
    config = {"name": "l", "function": ["4wEAAAAAAA==", None, None], "function_type": "lambda"}
    with pytest.raises(ValueError, match="never runs code"):
        Lambda.from_config(config, custom_objects={"double": double})
