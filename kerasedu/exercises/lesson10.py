"""Checks for lesson 10 (saving, checkpoints and callbacks).

Every check computes the right answer itself, with kerasedu (its `EarlyStopping`,
a seeded uninterrupted run, models saved to a temporary folder), and compares.

Example:
    >>> def early_stopping_result(val_losses, patience):
    ...     raise NotImplementedError()
    >>> check_early_stopping_result(early_stopping_result)
    Traceback (most recent call last):
    ...
    kerasedu.exercises.ExerciseFailed: early_stopping_result is not written yet: replace ...
"""

import os
import tempfile

import numpy as np

from kerasedu.callbacks import Callback, EarlyStopping
from kerasedu.exercises import call_student, fail, passed, say
from kerasedu.layers import Dense, Input, Lambda
from kerasedu.models import Model, Sequential
from kerasedu.optimizers import Adam
from kerasedu.utils import set_random_seed

MESSAGES = {
    "not_pair": {
        "en": "early_stopping_result returned {got!r}; expected a pair of integers "
        "(epochs_run, restored_epoch).",
        "zh": "early_stopping_result 返回了 {got!r}，应返回两个整数 (epochs_run, restored_epoch)。",
    },
    "es_wrong": {
        "en": "For val_losses={losses} and patience={patience} you returned {got}, but "
        "EarlyStopping gives {want}.{hint}",
        "zh": "val_losses={losses}、patience={patience} 时你返回了 {got}，而 EarlyStopping "
        "给出的是 {want}。{hint}",
    },
    "zero_based": {
        "en": " Count epochs from 1, as fit prints them.",
        "zh": " 轮次要从 1 开始数，和 fit 打印的一样。",
    },
    "ties": {
        "en": " A loss equal to the best so far is not an improvement.",
        "zh": " 与之前最好的值相等的损失不算进步。",
    },
    "es_ok": {
        "en": "early_stopping_result agrees with EarlyStopping on {n} runs.",
        "zh": "early_stopping_result 在 {n} 次训练上都与 EarlyStopping 一致。",
    },
    "not_callback": {
        "en": "BatchLosses must be a subclass of kerasedu.callbacks.Callback.",
        "zh": "BatchLosses 必须是 kerasedu.callbacks.Callback 的子类。",
    },
    "count": {
        "en": "After fit(epochs={epochs}) with {steps} batches per epoch, BatchLosses.losses "
        "holds {got} values; expected {want}.{hint}",
        "zh": "fit(epochs={epochs})、每轮 {steps} 个批次之后，BatchLosses.losses 中有 {got} 个值，"
        "应为 {want} 个。{hint}",
    },
    "not_reset": {
        "en": " Did you start a new list in on_train_begin? The second fit adds to the first.",
        "zh": " 是不是没有在 on_train_begin 里新建列表？第二次 fit 的结果接在了第一次后面。",
    },
    "per_epoch": {
        "en": " Record in on_train_batch_end (called after every batch), not on_epoch_end.",
        "zh": " 要在 on_train_batch_end（每个批次之后都会调用）里记录，而不是 on_epoch_end。",
    },
    "batch_values": {
        "en": "The last batch loss of epoch {epoch} is {got!r}, but the epoch's loss in "
        "History is {want:.6g}: record logs['loss'] as a float.",
        "zh": "第 {epoch} 轮最后一个批次的损失是 {got!r}，而 History 中这一轮的损失是 {want:.6g}："
        "请把 logs['loss'] 作为浮点数记下来。",
    },
    "batch_ok": {
        "en": "BatchLosses records every batch, and starts afresh with each fit.",
        "zh": "BatchLosses 记录了每一个批次，并且每次 fit 都重新开始。",
    },
    "not_model": {
        "en": "resume returned {got!r}; expected the trained model.",
        "zh": "resume 返回了 {got!r}，应返回训练好的模型。",
    },
    "too_many": {
        "en": "After resume the optimizer has taken {got} steps; an uninterrupted run of "
        "{epochs} epochs takes {want}. fit's epochs is the last epoch's index: pass "
        "initial_epoch=done.",
        "zh": "resume 之后优化器走了 {got} 步，而不中断地训练 {epochs} 轮只走 {want} 步。"
        "fit 的 epochs 是最后一轮的编号：请传入 initial_epoch=done。",
    },
    "state_lost": {
        "en": "After resume the optimizer has taken {got} steps, not {want}: its state was "
        "lost. load_weights keeps only weights; load_model also restores Adam's state.",
        "zh": "resume 之后优化器只走了 {got} 步，而不是 {want} 步：它的状态丢了。"
        "load_weights 只恢复权重；load_model 还会恢复 Adam 的状态。",
    },
    "weights_differ": {
        "en": "The weights differ from an uninterrupted run's (largest difference {gap:.3g}) "
        "after done={done}, epochs={epochs}. Train with the same settings: batch_size=50, "
        "shuffle=False.",
        "zh": "done={done}、epochs={epochs} 时，权重与不中断的训练不同（最大差异 {gap:.3g}）。"
        "请用同样的设置训练：batch_size=50、shuffle=False。",
    },
    "resume_ok": {
        "en": "resume reproduces uninterrupted runs bit for bit.",
        "zh": "resume 逐位重现了不中断的训练。",
    },
    "not_bool": {
        "en": "has_lambda returned {got!r}; expected True or False.",
        "zh": "has_lambda 返回了 {got!r}，应返回 True 或 False。",
    },
    "lambda_wrong": {
        "en": "has_lambda says {got} for {what}, which is wrong.{hint}",
        "zh": "对于{what}，has_lambda 的回答是 {got}，这不对。{hint}",
    },
    "nested": {
        "en": " Layers can sit inside a nested model: search every dict and list.",
        "zh": " 层可能藏在嵌套的模型里：每个字典和列表都要搜。",
    },
    "by_name": {
        "en": " A layer's name is not its class: look at the 'class_name' keys only.",
        "zh": " 层的名字不是它的类：只看 'class_name' 这个键。",
    },
    "what_plain": {"en": "a model of Dense layers", "zh": "只有 Dense 层的模型"},
    "what_top": {"en": "a model with a Lambda layer", "zh": "带一个 Lambda 层的模型"},
    "what_nested": {
        "en": "a nested Sequential with a Lambda",
        "zh": "嵌套的 Sequential 里有 Lambda",
    },
    "what_named": {"en": "a Dense layer named 'Lambda'", "zh": "名叫 'Lambda' 的 Dense 层"},
    "lambda_ok": {
        "en": "has_lambda finds Lambda layers, nested ones too, without loading the file.",
        "zh": "has_lambda 不读入模型就能找出 Lambda 层，嵌套的也不例外。",
    },
}


def _fail(key, lang, **values):
    fail(say(MESSAGES, key, lang, **values))


def check_early_stopping_result(early_stopping_result, lang="en"):
    """Compare ``early_stopping_result(val_losses, patience)`` with kerasedu's `EarlyStopping`."""
    rng = np.random.default_rng(10)
    cases = [([0.9, 0.7, 0.8, 0.6, 0.65, 0.7, 0.5], 2), ([0.5, 0.5, 0.5, 0.4], 2)]
    cases += [([0.9, 0.8, 0.7, 0.6], 1), ([1.0, 0.8, 0.9, 0.85, 0.95], 3)]
    cases += [(list(np.round(rng.uniform(0.2, 1.0, 8), 2)), int(p)) for p in (1, 2, 3)]
    for losses, patience in cases:
        want = early_stopping_truth(losses, patience)
        got = call_student(
            early_stopping_result, "early_stopping_result", list(losses), patience, lang=lang
        )
        try:
            got = (int(got[0]), int(got[1]))
        except (TypeError, ValueError, IndexError):
            _fail("not_pair", lang, got=got)
        if got != want:
            hint = ""
            if got == (want[0] - 1, want[1] - 1):
                hint = say(MESSAGES, "zero_based", lang)
            elif len(set(losses)) < len(losses):
                hint = say(MESSAGES, "ties", lang)
            values = dict(losses=list(losses), patience=patience, got=got, want=want)
            _fail("es_wrong", lang, hint=hint, **values)
    passed(say(MESSAGES, "es_ok", lang, n=len(cases)))


class _EpochModel:
    """Stands in for a model: its "weights" are the number of the epoch that set them."""

    stop_training, weights = False, 0
    get_weights = lambda self: self.weights  # noqa: E731
    set_weights = lambda self, weights: setattr(self, "weights", weights)  # noqa: E731


def early_stopping_truth(losses, patience):
    """``(epochs_run, restored_epoch)`` from kerasedu's own `EarlyStopping`, both from 1."""
    model = _EpochModel()
    stopper = EarlyStopping(patience=patience, restore_best_weights=True)
    stopper.set_model(model)
    stopper.on_train_begin()
    epochs_run = 0
    for epoch, loss in enumerate(losses):
        model.weights = epochs_run = epoch + 1
        stopper.on_epoch_end(epoch, {"val_loss": float(loss)})
        if model.stop_training:
            break
    stopper.on_train_end()
    return epochs_run, model.weights


def _small_task(seed=0):
    """200 samples of 20 features in 4 classes, and a compiled model for them."""
    set_random_seed(seed)
    x = np.random.normal(size=(200, 20)).astype("float32")
    y = (x[:, :4].argmax(axis=1)).astype("int64")
    model = Sequential(
        [Input(shape=(20,)), Dense(16, activation="relu"), Dense(4, activation="softmax")]
    )
    model.compile(optimizer=Adam(0.01), loss="sparse_categorical_crossentropy")
    return model, x, y


def check_batch_losses(BatchLosses, lang="en"):
    """Fit a small model with the student's callback twice and check what it recorded."""
    if not (isinstance(BatchLosses, type) and issubclass(BatchLosses, Callback)):
        _fail("not_callback", lang)
    model, x, y = _small_task()
    recorder = call_student(BatchLosses, "BatchLosses", lang=lang)
    steps = 200 // 50
    for epochs in (2, 1):
        settings = dict(epochs=epochs, batch_size=50, verbose=0, callbacks=[recorder])
        history = call_student(model.fit, "BatchLosses", x, y, lang=lang, **settings)
        losses = list(getattr(recorder, "losses", []))
        if len(losses) != epochs * steps:
            hint = ""
            if len(losses) == 3 * steps:
                hint = say(MESSAGES, "not_reset", lang)
            elif len(losses) == epochs:
                hint = say(MESSAGES, "per_epoch", lang)
            values = dict(epochs=epochs, steps=steps, got=len(losses), want=epochs * steps)
            _fail("count", lang, hint=hint, **values)
        for epoch, want in enumerate(history.history["loss"]):
            got = losses[(epoch + 1) * steps - 1]
            if not isinstance(got, (float, np.floating)) or not np.isclose(got, want):
                _fail("batch_values", lang, epoch=epoch + 1, got=got, want=want)
    passed(say(MESSAGES, "batch_ok", lang))


def check_resume(resume, lang="en"):
    """Interrupt a seeded run, let the student's ``resume`` finish it, compare bit for bit."""
    folder = tempfile.TemporaryDirectory()
    with folder:
        for done, epochs in ((1, 3), (2, 3)):
            model, x, y = _small_task()
            model.fit(x, y, epochs=epochs, batch_size=50, shuffle=False, verbose=0)
            want = model.get_weights()
            interrupted, x, y = _small_task()
            interrupted.fit(x, y, epochs=done, batch_size=50, shuffle=False, verbose=0)
            path = os.path.join(folder.name, f"after_{done}.h5")
            interrupted.save(path)
            got = call_student(resume, "resume", path, x, y, done, epochs, lang=lang)
            _compare_resumed(got, want, done, epochs, lang)
    passed(say(MESSAGES, "resume_ok", lang))


def _compare_resumed(got, want, done, epochs, lang):
    if not hasattr(got, "get_weights") or not hasattr(got, "optimizer"):
        _fail("not_model", lang, got=got)
    steps, want_steps = int(got.optimizer.iterations), epochs * (200 // 50)
    if steps > want_steps:
        _fail("too_many", lang, got=steps, epochs=epochs, want=want_steps)
    if steps < want_steps:
        _fail("state_lost", lang, got=steps, want=want_steps)
    weights = got.get_weights()
    if len(weights) != len(want) or any(a.shape != b.shape for a, b in zip(weights, want)):
        _fail("not_model", lang, got=got)
    gap = max(float(np.abs(a - b).max()) for a, b in zip(weights, want))
    if gap > 0:
        _fail("weights_differ", lang, gap=gap, done=done, epochs=epochs)


def _double(x):
    return 2 * x


def check_has_lambda(has_lambda, lang="en"):
    """Save models with and without (nested) Lambda layers and ask ``has_lambda`` about each."""
    hints = {"nested": "nested", "named": "by_name"}
    with tempfile.TemporaryDirectory() as folder:
        for key, (model, want) in _lambda_models().items():
            path = os.path.join(folder, f"{key}.h5")
            model.save(path)
            got = call_student(has_lambda, "has_lambda", path, lang=lang)
            if not isinstance(got, (bool, np.bool_)):
                _fail("not_bool", lang, got=got)
            if bool(got) != want:
                hint = say(MESSAGES, hints[key], lang) if key in hints else ""
                _fail(
                    "lambda_wrong",
                    lang,
                    got=bool(got),
                    what=say(MESSAGES, f"what_{key}", lang),
                    hint=hint,
                )
    passed(say(MESSAGES, "lambda_ok", lang))


def _lambda_models():
    """``{key: (model, has a Lambda)}`` for `check_has_lambda`."""
    plain = Sequential([Input(shape=(3,)), Dense(2), Dense(1)])
    top = Sequential([Input(shape=(3,)), Lambda(_double), Dense(1)])
    inner = Sequential([Input(shape=(3,)), Lambda(_double), Dense(2)])
    x = Input(shape=(3,))
    nested = Model(x, Dense(1)(inner(x)))
    named = Sequential([Input(shape=(3,)), Dense(2, name="Lambda")])
    return dict(plain=(plain, False), top=(top, True), nested=(nested, True), named=(named, False))
