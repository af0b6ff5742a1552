"""The optimizer's state in a .keras file, in Keras 3's order: training resumes exactly."""

import io
import json
import zipfile

import h5py
import numpy as np
import pytest

import kerasedu
from kerasedu import optimizers
from kerasedu.layers import BatchNormalization, Dense, Input
from kerasedu.models import Sequential, load_model
from kerasedu.saving.errors import KerasEduFileError

RNG = np.random.default_rng(0)
X, Y = RNG.random((8, 3), dtype="float32"), RNG.random((8, 1), dtype="float32")
OPTIMIZERS = [
    lambda: optimizers.Adam(0.01),
    lambda: optimizers.AdamW(0.01, amsgrad=True),
    lambda: optimizers.SGD(0.1, momentum=0.9),
    lambda: optimizers.RMSprop(0.01, momentum=0.5, centered=True),
    lambda: optimizers.Nadam(0.01),
    lambda: optimizers.Adagrad(0.1),
    lambda: optimizers.Adadelta(1.0),
    lambda: optimizers.Adamax(0.01),
    lambda: optimizers.Adam(optimizers.schedules.ExponentialDecay(0.1, 3, 0.5)),
]


def trained(make_optimizer, epochs=2):
    kerasedu.backend.clear_session()
    model = Sequential([Input((3,)), Dense(4, activation="tanh"), BatchNormalization(), Dense(1)])
    model.compile(optimizer=make_optimizer(), loss="mse")
    if epochs:
        model.fit(X, Y, epochs=epochs, batch_size=4, shuffle=False, verbose=0)
    return model


def one_more_step(*models):
    for model in models:
        model.train_on_batch(X[:4], Y[:4])


def assert_same_weights(a, b):
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_array_equal(wa, wb)


@pytest.mark.parametrize("make_optimizer", OPTIMIZERS)
def test_training_resumes_exactly_after_save_and_load(tmp_path, make_optimizer):
    model = trained(make_optimizer)
    model.save(str(tmp_path / "m.keras"))
    loaded = load_model(str(tmp_path / "m.keras"))
    assert loaded.optimizer.iterations == model.optimizer.iterations == 4
    one_more_step(model, loaded)
    assert_same_weights(model, loaded)


@pytest.mark.parametrize("make_optimizer", OPTIMIZERS[:4])
def test_weights_h5_of_a_compiled_model_resumes_training_too(tmp_path, make_optimizer):
    model = trained(make_optimizer)
    path = str(tmp_path / "w.weights.h5")
    model.save_weights(path)
    with h5py.File(path, "r") as f:
        assert int(f["optimizer/vars/0"][()]) == 4  # Keras 3 stores the step count first
    restored = trained(make_optimizer, epochs=1)  # its optimizer has slots: they are replaced
    restored.load_weights(path)
    assert restored.optimizer.iterations == 4
    one_more_step(model, restored)
    assert_same_weights(model, restored)


def test_load_weights_leaves_an_optimizer_without_slots_afresh_as_keras_does(tmp_path):
    model = trained(OPTIMIZERS[0])
    model.save_weights(str(tmp_path / "w.weights.h5"))
    fresh = trained(OPTIMIZERS[0], epochs=0)  # compiled, never trained: Adam has no slots yet
    with pytest.warns(UserWarning, match="holds 14 optimizer variables.*has 2.*load_model"):
        fresh.load_weights(str(tmp_path / "w.weights.h5"))
    assert fresh.optimizer.iterations == 0
    assert_same_weights(model, fresh)  # the weights are loaded all the same


def test_weights_h5_of_an_uncompiled_model_holds_only_the_weights(tmp_path):
    compiled = trained(OPTIMIZERS[0])
    uncompiled = Sequential.from_config(compiled.get_config())
    uncompiled.save_weights(str(tmp_path / "u.weights.h5"))
    with h5py.File(str(tmp_path / "u.weights.h5"), "r") as f:
        assert "optimizer" not in f
    compiled.save_weights(str(tmp_path / "c.weights.h5"))
    uncompiled.load_weights(str(tmp_path / "c.weights.h5"))  # the optimizer's part stays unread
    assert_same_weights(compiled, uncompiled)


def test_a_fresh_optimizer_would_not_resume_the_same(tmp_path):
    model = trained(OPTIMIZERS[0])
    model.save(str(tmp_path / "m.keras"), include_optimizer=False)
    fresh = load_model(str(tmp_path / "m.keras"), compile=False)
    fresh.compile(optimizer=OPTIMIZERS[0](), loss="mse")
    one_more_step(model, fresh)
    assert not np.allclose(model.get_weights()[0], fresh.get_weights()[0], atol=1e-6)


def optimizer_arrays(path):
    weights = zipfile.ZipFile(path).read("model.weights.h5")
    with h5py.File(io.BytesIO(weights), "r") as f:
        group = f["optimizer/vars"]
        return [group[str(i)][()] for i in range(len(group))]


def test_slots_are_stored_in_keras_order(tmp_path):
    model = trained(lambda: optimizers.RMSprop(momentum=0.5, centered=True))
    model.save(str(tmp_path / "m.keras"))
    arrays, opt, weights = optimizer_arrays(tmp_path / "m.keras"), model.optimizer, model.weights
    kernel, bias = weights[0], weights[1]  # the first Dense
    assert [int(arrays[0]), float(arrays[1])] == [4, pytest.approx(0.001)]
    n = len(model.trainable_weights)  # Keras: every velocity, then every momentum...
    np.testing.assert_array_equal(arrays[2], opt.slot(kernel, "velocity"))
    np.testing.assert_array_equal(arrays[3], opt.slot(bias, "velocity"))
    np.testing.assert_array_equal(arrays[2 + n], opt.slot(kernel, "momentum"))
    np.testing.assert_array_equal(arrays[2 + 2 * n], opt.slot(kernel, "average_gradient"))
    assert len(arrays) == 2 + 3 * n


def test_adam_interleaves_momentum_and_velocity(tmp_path):
    model = trained(OPTIMIZERS[0])
    model.save(str(tmp_path / "m.keras"))
    arrays, kernel = optimizer_arrays(tmp_path / "m.keras"), model.weights[0]
    np.testing.assert_array_equal(arrays[2], model.optimizer.slot(kernel, "momentum"))
    np.testing.assert_array_equal(arrays[3], model.optimizer.slot(kernel, "velocity"))


def test_an_optimizer_that_never_stepped_stores_its_count_and_rate(tmp_path):
    model = trained(OPTIMIZERS[0], epochs=0)
    model.save(str(tmp_path / "m.keras"))
    assert len(optimizer_arrays(tmp_path / "m.keras")) == 2
    loaded = load_model(str(tmp_path / "m.keras"))
    one_more_step(model, loaded)
    assert_same_weights(model, loaded)


def rewrite(path, edit_config=None, edit_h5=None):
    parts = {n: zipfile.ZipFile(path).read(n) for n in zipfile.ZipFile(path).namelist()}
    if edit_config:
        config = json.loads(parts["config.json"])
        edit_config(config)
        parts["config.json"] = json.dumps(config).encode()
    if edit_h5:
        buffer = io.BytesIO(parts["model.weights.h5"])
        with h5py.File(buffer, "r+") as f:
            edit_h5(f)
        parts["model.weights.h5"] = buffer.getvalue()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_state_of_another_optimizer_is_skipped_with_a_warning(tmp_path):
    trained(OPTIMIZERS[0]).save(str(tmp_path / "m.keras"))
    sgd = {"class_name": "SGD", "config": {"learning_rate": 0.1}}
    rewrite(tmp_path / "m.keras", lambda c: c["compile_config"].update(optimizer=sgd))
    with pytest.warns(UserWarning, match="optimizer state is not restored"):
        loaded = load_model(str(tmp_path / "m.keras"))
    assert loaded.optimizer.iterations == 0


def test_a_slot_of_the_wrong_shape_is_refused(tmp_path):
    trained(OPTIMIZERS[0]).save(str(tmp_path / "m.keras"))

    def damage(f):
        del f["optimizer/vars/2"]
        f["optimizer/vars/2"] = np.zeros((5, 5), "float32")

    rewrite(tmp_path / "m.keras", edit_h5=damage)
    with pytest.raises(KerasEduFileError, match=r"optimizer variable 2 has shape \(5, 5\)"):
        load_model(str(tmp_path / "m.keras"))


def test_keras3_legacy_h5_state_is_read_in_keras_order(tmp_path):
    """Keras 3's .h5 lists the same variables as its .keras files, under optimizer_weights."""
    model = trained(OPTIMIZERS[3])  # RMSprop: its slots are in three passes
    model.save(str(tmp_path / "m.keras"))
    model.save(str(tmp_path / "m.h5"))
    arrays = optimizer_arrays(tmp_path / "m.keras")
    with h5py.File(tmp_path / "m.h5", "a") as f:
        f.attrs["keras_version"] = "3.15.1"
        del f["optimizer_weights"]
        group = f.create_group("optimizer_weights")
        names = [f"rmsprop/variable_{i}" for i in range(len(arrays))]
        for name, array in zip(names, arrays):
            group.create_dataset(name, data=array)
        group.attrs["weight_names"] = np.array([n.encode() for n in names])
    loaded = load_model(str(tmp_path / "m.h5"))
    one_more_step(model, loaded)
    assert_same_weights(model, loaded)
