import json

import h5py
import numpy as np
import pytest

from kerasedu import initializers
from kerasedu.applications import VGG16, imagenet_utils, vgg16
from kerasedu.layers import Input

KERAS_NAMES = [
    "block1_conv1",
    "block1_conv2",
    "block1_pool",
    "block2_conv1",
    "block2_conv2",
    "block2_pool",
    "block3_conv1",
    "block3_conv2",
    "block3_conv3",
    "block3_pool",
    "block4_conv1",
    "block4_conv2",
    "block4_conv3",
    "block4_pool",
    "block5_conv1",
    "block5_conv2",
    "block5_conv3",
    "block5_pool",
]


@pytest.fixture
def zero_init(monkeypatch):
    """Zeros instead of random draws: np.zeros pages are allocated lazily, so building
    the 138M-parameter VGG16 stays cheap in time and memory."""

    def zeros(self, shape, dtype=None):
        return np.zeros(shape, dtype=dtype or "float32")

    monkeypatch.setattr(initializers.VarianceScaling, "__call__", zeros)


def test_vgg16_without_top_has_keras_parameter_count_and_names():
    model = VGG16(include_top=False, weights=None)
    assert model.count_params() == 14_714_688
    assert [layer.name for layer in model.layers[1:]] == KERAS_NAMES
    assert model.output_shape == (None, None, None, 512)


def test_vgg16_with_top_has_keras_parameter_count(zero_init):
    model = VGG16(include_top=True, weights=None)
    assert model.count_params() == 138_357_544
    assert [layer.name for layer in model.layers[1:]] == KERAS_NAMES + [
        "flatten",
        "fc1",
        "fc2",
        "predictions",
    ]
    assert model.input_shape == (None, 224, 224, 3) and model.output_shape == (None, 1000)


def test_vgg16_small_input_pooling_and_prediction():
    model = VGG16(include_top=False, weights=None, input_shape=(32, 32, 3), pooling="max")
    out = model.predict(np.random.rand(2, 32, 32, 3).astype("float32"), verbose=0)
    assert out.shape == (2, 512)


def test_vgg16_input_tensor_and_classes(zero_init):
    model = VGG16(
        input_tensor=Input(shape=(32, 32, 3)),
        include_top=True,
        classes=10,
        classifier_activation=None,
    )
    assert model.output_shape == (None, 10)


def test_vgg16_argument_errors(tmp_path):
    with pytest.raises(ValueError, match="weights"):
        VGG16(weights="no/such/file.h5")
    with pytest.raises(ValueError, match="classes"):
        VGG16(weights="imagenet", classes=10)
    with pytest.raises(ValueError, match="at least 32"):
        VGG16(include_top=False, input_shape=(16, 16, 3))
    with pytest.raises(ValueError, match="pooling"):
        VGG16(include_top=False, pooling="sum")


def test_vgg16_loads_a_keras_layout_weights_file(tmp_path):
    """A file shaped like Keras's notop weights file (Keras 1 names, positional) loads."""
    source = VGG16(include_top=False, weights=None, input_shape=(32, 32, 3))
    rng = np.random.default_rng(0)
    path = tmp_path / "vgg16_notop.h5"
    with h5py.File(path, "w") as f:
        f.attrs["layer_names"] = np.array([b"input_1"] + [n.encode() for n in KERAS_NAMES])
        f.create_group("input_1").attrs["weight_names"] = np.array([], dtype="S1")
        for layer in source.layers[1:]:
            group = f.create_group(layer.name)
            if not layer.weights:
                group.attrs["weight_names"] = np.array([], dtype="S1")
                continue
            names = [f"{layer.name}_W_1:0", f"{layer.name}_b_1:0"]
            group.attrs["weight_names"] = np.array([n.encode() for n in names])
            for name, w in zip(names, layer.weights):
                group[name] = rng.random(w.shape, dtype=np.float32)
    model = VGG16(include_top=False, weights=str(path), input_shape=(32, 32, 3))
    with h5py.File(path, "r") as f:
        np.testing.assert_array_equal(
            model.get_layer("block5_conv3").get_weights()[1],
            f["block5_conv3"]["block5_conv3_b_1:0"][()],
        )


def test_imagenet_weights_offline_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setenv("KERASEDU_HOME", str(tmp_path))
    monkeypatch.setattr(vgg16, "BASE_URL", (tmp_path / "offline").as_uri() + "/")
    with pytest.raises(OSError, match="copy it to"):
        VGG16(include_top=False, weights="imagenet")


def test_preprocess_input_caffe_mode():
    x = np.array([[[[10.0, 20.0, 30.0]]]])
    out = vgg16.preprocess_input(x)
    np.testing.assert_allclose(out[0, 0, 0], [30 - 103.939, 20 - 116.779, 10 - 123.68])
    assert x[0, 0, 0, 0] == 10.0  # the input is left untouched
    uint8 = vgg16.preprocess_input(np.zeros((1, 2, 2, 3), dtype=np.uint8))
    assert uint8.dtype == np.float32
    with pytest.raises(ValueError, match="channels"):
        vgg16.preprocess_input(np.zeros((2, 2, 4)))


def test_decode_predictions_with_a_local_class_index(monkeypatch, tmp_path):
    index = {str(i): [f"n{i:08d}", f"class_{i}"] for i in range(1000)}
    models_dir = tmp_path / "models"
    models_dir.mkdir()
    (models_dir / "imagenet_class_index.json").write_text(json.dumps(index))
    monkeypatch.setenv("KERASEDU_HOME", str(tmp_path))
    monkeypatch.setattr(imagenet_utils, "CLASS_INDEX_MD5", None)  # our stand-in has another hash
    monkeypatch.setattr(imagenet_utils, "_class_index", {})
    preds = np.zeros((2, 1000))
    preds[0, 7], preds[0, 3], preds[1, 999] = 0.9, 0.1, 1.0
    decoded = vgg16.decode_predictions(preds, top=2)
    assert decoded[0] == [("n00000007", "class_7", 0.9), ("n00000003", "class_3", 0.1)]
    assert decoded[1][0][1] == "class_999"
    with pytest.raises(ValueError, match="1000"):
        vgg16.decode_predictions(np.zeros((1, 10)))


def test_decode_predictions_offline_error(monkeypatch, tmp_path):
    monkeypatch.setenv("KERASEDU_HOME", str(tmp_path))
    monkeypatch.setattr(imagenet_utils, "CLASS_INDEX_URL", (tmp_path / "none.json").as_uri())
    monkeypatch.setattr(imagenet_utils, "_class_index", {})
    with pytest.raises(OSError, match="class names"):
        vgg16.decode_predictions(np.zeros((1, 1000)))
