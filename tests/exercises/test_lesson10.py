"""Lesson 10's checks: pass on a right answer, fail with a precise hint on stubs and slips."""

import json

import h5py
import pytest

from kerasedu.callbacks import Callback
from kerasedu.exercises import ExerciseFailed, lesson10
from kerasedu.models import load_model


def stub(*args, **kwargs):
    raise NotImplementedError()


def early_stopping_result(val_losses, patience):
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return epoch + 1, best_epoch + 1
    return len(val_losses), best_epoch + 1


class BatchLosses(Callback):
    def on_train_begin(self, logs=None):
        self.losses = []

    def on_train_batch_end(self, batch, logs=None):
        self.losses.append(float(logs["loss"]))


class StubBatchLosses(Callback):
    def on_train_begin(self, logs=None):
        raise NotImplementedError()


def resume(path, x, y, done, epochs):
    model = load_model(path)
    model.fit(x, y, epochs=epochs, initial_epoch=done, batch_size=50, shuffle=False, verbose=0)
    return model


def search(node):
    if isinstance(node, dict):
        return node.get("class_name") == "Lambda" or any(map(search, node.values()))
    if isinstance(node, list):
        return any(map(search, node))
    return False


def has_lambda(path):
    with h5py.File(path, "r") as f:
        return search(json.loads(f.attrs["model_config"]))


def test_right_answers_pass(capsys):
    lesson10.check_early_stopping_result(early_stopping_result)
    lesson10.check_batch_losses(BatchLosses)
    lesson10.check_resume(resume)
    lesson10.check_has_lambda(has_lambda, lang="zh")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and all(line.startswith("✔ ") for line in lines)
    assert "嵌套" in lines[-1]


@pytest.mark.parametrize(
    "check, answer",
    [
        (lesson10.check_early_stopping_result, stub),
        (lesson10.check_batch_losses, StubBatchLosses),
        (lesson10.check_resume, stub),
        (lesson10.check_has_lambda, stub),
    ],
)
def test_stubs_fail(check, answer):
    with pytest.raises(ExerciseFailed, match="not written yet"):
        check(answer)


def test_early_stopping_slips():
    zero_based = lambda losses, p: tuple(n - 1 for n in early_stopping_result(losses, p))  # noqa: E731
    with pytest.raises(ExerciseFailed, match="Count epochs from 1"):
        lesson10.check_early_stopping_result(zero_based)
    last_epoch = lambda losses, p: (early_stopping_result(losses, p)[0],) * 2  # noqa: E731
    with pytest.raises(ExerciseFailed, match="EarlyStopping gives"):
        lesson10.check_early_stopping_result(last_epoch)
    with pytest.raises(ExerciseFailed, match="pair of integers"):
        lesson10.check_early_stopping_result(lambda losses, p: 3)


def test_early_stopping_ties_hint():
    def non_strict(losses, patience):  # an equal loss counted as an improvement
        best, best_epoch, wait = float("inf"), 0, 0
        for epoch, loss in enumerate(losses):
            if loss <= best:
                best, best_epoch, wait = loss, epoch, 0
            else:
                wait += 1
                if wait >= patience:
                    return epoch + 1, best_epoch + 1
        return len(losses), best_epoch + 1

    with pytest.raises(ExerciseFailed, match="not an improvement"):
        lesson10.check_early_stopping_result(non_strict)


def test_batch_losses_slips():
    class NotReset(Callback):
        losses = []

        def on_train_batch_end(self, batch, logs=None):
            self.losses.append(float(logs["loss"]))

    with pytest.raises(ExerciseFailed, match="on_train_begin"):
        lesson10.check_batch_losses(NotReset)

    class PerEpoch(BatchLosses):
        def on_train_batch_end(self, batch, logs=None):
            pass

        def on_epoch_end(self, epoch, logs=None):
            self.losses.append(float(logs["loss"]))

    with pytest.raises(ExerciseFailed, match="not on_epoch_end"):
        lesson10.check_batch_losses(PerEpoch)

    with pytest.raises(ExerciseFailed, match="subclass"):
        lesson10.check_batch_losses(object)


def test_resume_slips():
    def no_initial_epoch(path, x, y, done, epochs):
        model = load_model(path)
        model.fit(x, y, epochs=epochs, batch_size=50, shuffle=False, verbose=0)
        return model

    with pytest.raises(ExerciseFailed, match="initial_epoch=done"):
        lesson10.check_resume(no_initial_epoch)

    def weights_only(path, x, y, done, epochs):
        model = load_model(path, compile=False)
        model.compile(optimizer=lesson10.Adam(0.01), loss="sparse_categorical_crossentropy")
        model.fit(x, y, epochs=epochs, initial_epoch=done, batch_size=50, verbose=0)
        return model

    with pytest.raises(ExerciseFailed, match="state was lost"):
        lesson10.check_resume(weights_only)

    def shuffled(path, x, y, done, epochs):
        model = load_model(path)
        model.fit(x, y, epochs=epochs, initial_epoch=done, batch_size=50, verbose=0)
        return model

    with pytest.raises(ExerciseFailed, match="shuffle=False"):
        lesson10.check_resume(shuffled)


def test_has_lambda_slips():
    def text_search(path):
        with h5py.File(path, "r") as f:
            return "Lambda" in f.attrs["model_config"]

    with pytest.raises(ExerciseFailed, match="class_name"):
        lesson10.check_has_lambda(text_search)

    def top_level_only(path):
        with h5py.File(path, "r") as f:
            config = json.loads(f.attrs["model_config"])
        return any(layer["class_name"] == "Lambda" for layer in config["config"]["layers"])

    with pytest.raises(ExerciseFailed, match="nested model"):
        lesson10.check_has_lambda(top_level_only)

    with pytest.raises(ExerciseFailed, match="True or False"):
        lesson10.check_has_lambda(lambda path: "no")
