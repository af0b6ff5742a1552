"""Checks for lesson 07 (common pitfalls, part two): history, schedule, generator, frozen layers.

Each check takes the student's function, tries it on cases whose answer it
computes itself, and prints a "✔" line or raises `ExerciseFailed` with a hint
(in English, or Chinese with ``lang="zh"``).

Example:
    >>> from kerasedu.exercises import ExerciseFailed, lesson07
    >>> try:
    ...     lesson07.check_best_epoch(lambda path: None)
    ... except ExerciseFailed as error:
    ...     print(error)
    best_epoch returned None: return a pair (epoch, val_loss).
"""

import json
import math
import os
import tempfile
import warnings

import numpy as np

from kerasedu.callbacks import LearningRateScheduler
from kerasedu.exercises import call_student, fail, passed
from kerasedu.layers import Dense
from kerasedu.models import Sequential
from kerasedu.optimizers import SGD

MESSAGES = {
    "not_pair": (
        "best_epoch returned {got!r}: return a pair (epoch, val_loss).",
        "best_epoch 返回了 {got!r}：请返回一对值 (epoch, val_loss)。",
    ),
    "zero_based": (
        "best_epoch returned epoch {got}, one too low: epochs are counted from 1 "
        "(the first entry of the list is epoch 1).",
        "best_epoch 返回的轮次是 {got}，少了 1：轮次从 1 开始数（列表的第一个数是第 1 轮）。",
    ),
    "used_loss": (
        "best_epoch picked the epoch of the lowest training loss; the best epoch is the "
        "one with the lowest *validation* loss, `val_loss`.",
        "best_epoch 选的是训练损失最低的一轮；最好的一轮应该看*验证*损失 `val_loss`。",
    ),
    "wrong_epoch": (
        "best_epoch returned {got}; that is not the epoch with the lowest val_loss in the file.",
        "best_epoch 返回了 {got}；这不是文件中 val_loss 最低的那一轮。",
    ),
    "best_ok": (
        "best_epoch reads the saved history and finds the best epoch.",
        "best_epoch 读出了保存的训练历史，找到了最好的一轮。",
    ),
    "not_callable": (
        "make_step_decay returned {got!r}: return a function schedule(epoch, lr).",
        "make_step_decay 返回了 {got!r}：请返回一个函数 schedule(epoch, lr)。",
    ),
    "schedule_wrong": (
        "make_step_decay({initial}, {drop}, {every}): in fit, the epochs started with the "
        "rates {got}. {hint}",
        "make_step_decay({initial}, {drop}, {every})：fit 中各轮开始时的学习率是 {got}。{hint}",
    ),
    "every_epoch": (
        "The rate changes every epoch: a step decay stays flat for `every` epochs "
        "(integer division, //).",
        "学习率每一轮都在变：阶梯衰减应该在 `every` 轮内保持不变（用整除 //）。",
    ),
    "early_drop": (
        "The first drop comes one epoch early: epochs are counted from 0, so the first "
        "drop is at epoch `every`.",
        "第一次下降早了一轮：轮次从 0 开始数，第一次下降应该在第 `every` 轮。",
    ),
    "schedule_hint": (
        "The rate should start at `initial` and be multiplied by `drop` every `every` epochs.",
        "学习率应从 `initial` 开始，每过 `every` 轮乘以一次 `drop`。",
    ),
    "schedule_ok": (
        "make_step_decay builds a step decay that LearningRateScheduler follows.",
        "make_step_decay 生成的阶梯衰减能被 LearningRateScheduler 正确执行。",
    ),
    "gen_pairs": (
        "Samples and labels no longer match: shuffle x and y with the *same* permutation.",
        "样本和标签对不上了：x 和 y 要用*同一个*排列来打乱。",
    ),
    "gen_stops": (
        "The generator stopped after {count} batches: fit asks for batches epoch after epoch, "
        "so loop forever (while True).",
        "生成器产生 {count} 个批次后就停止了：fit 一轮接一轮地要批次，"
        "所以要无限循环（while True）。",
    ),
    "gen_batch": (
        "Batch {index} has {size} samples; with batch_size={batch_size} every batch but the "
        "last of a pass has batch_size samples.",
        "第 {index} 个批次有 {size} 个样本；batch_size={batch_size} 时，"
        "每一遍中除最后一个批次外都应有 batch_size 个样本。",
    ),
    "gen_cover": (
        "One pass of {steps} batches (ceil(n / batch_size)) should hold every sample exactly "
        "once; {missing} are missing. Did you drop the last, smaller batch?",
        "一遍共 {steps} 个批次（ceil(n / batch_size)），应该恰好包含每个样本一次；"
        "却少了 {missing} 个。是不是丢掉了最后那个较小的批次？",
    ),
    "gen_same_order": (
        "Every pass comes in the same order: shuffle at the start of each pass.",
        "每一遍的顺序都一样：请在每一遍开始时打乱。",
    ),
    "gen_ok": (
        "batch_generator covers every sample once per pass, shuffled, and fit trains on it.",
        "batch_generator 每一遍恰好覆盖每个样本一次并打乱顺序，fit 也能用它训练。",
    ),
    "frozen_learned": (
        "After freeze_all_but_last, fit still changed the weights of {names}: a change of "
        "`trainable` counts only after a new compile(...).",
        "调用 freeze_all_but_last 之后，fit 仍然改变了 {names} 的权重：修改 `trainable` "
        "之后要重新 compile(...) 才生效。",
    ),
    "last_frozen": (
        "The last layer did not learn: compile with the loss given and an optimizer that can "
        "train it, e.g. optimizer='adam'.",
        "最后一层没有学习：编译时请用传入的 loss，"
        "以及一个能训练它的优化器，例如 optimizer='adam'。",
    ),
    "frozen_flags": (
        "After freeze_all_but_last, the layers' `trainable` flags are {got}; expected {expected}.",
        "调用 freeze_all_but_last 之后，各层的 `trainable` 是 {got}；应该是 {expected}。",
    ),
    "frozen_ok": (
        "freeze_all_but_last freezes the base, compiles again, and only the head learns.",
        "freeze_all_but_last 冻结了前面的层并重新编译，只有最后一层在学习。",
    ),
}


def say(key, lang="en", **values):
    """The message ``key`` in ``lang`` ("en" or "zh"), filled with ``values``."""
    english, chinese = MESSAGES[key]
    return (chinese if lang == "zh" else english).format(**values)


def check_best_epoch(best_epoch, lang="en"):
    """Exercise 1: ``best_epoch(path)`` reads a JSON history, returns ``(epoch, val_loss)``."""
    rng = np.random.default_rng(5)
    with tempfile.TemporaryDirectory() as folder:
        for case in range(3):
            loss = sorted(rng.uniform(0.1, 1.0, 12), reverse=True)  # training loss keeps falling
            val_loss = list(rng.uniform(0.3, 1.0, 12))
            history = {"loss": loss, "accuracy": list(rng.uniform(0, 1, 12)), "val_loss": val_loss}
            path = os.path.join(folder, f"history_{case}.json")
            with open(path, "w") as f:
                json.dump(history, f)
            got = call_student(best_epoch, "best_epoch", path, lang=lang)
            if not (isinstance(got, tuple | list) and len(got) == 2):
                fail(say("not_pair", lang, got=got))
            epoch, value = got
            best = int(np.argmin(val_loss))
            if epoch == best and value == val_loss[best]:
                fail(say("zero_based", lang, got=epoch))
            if epoch == len(loss) and value == loss[-1]:
                fail(say("used_loss", lang))
            if epoch != best + 1 or not np.isclose(value, val_loss[best]):
                fail(say("wrong_epoch", lang, got=tuple(got)))
    passed(say("best_ok", lang))


def _rates_in_fit(schedule, initial, epochs):
    """The rates that ``LearningRateScheduler(schedule)`` sets in a real fit, epoch by epoch."""
    rates = []

    def recorded(epoch, lr):
        rates.append(float(schedule(epoch, lr)))
        return rates[-1]

    model = Sequential([Dense(1, input_shape=(2,))])
    model.compile(optimizer=SGD(learning_rate=initial), loss="mse")
    x, y = np.zeros((4, 2), dtype="float32"), np.zeros(4, dtype="float32")
    model.fit(x, y, epochs=epochs, verbose=0, callbacks=[LearningRateScheduler(recorded)])
    return rates


def check_step_decay(make_step_decay, lang="en"):
    """Exercise 2: ``make_step_decay(initial, drop, every)`` returns a step-decay schedule."""
    for initial, drop, every in [(0.1, 0.5, 5), (0.02, 0.1, 3)]:
        schedule = call_student(make_step_decay, "make_step_decay", initial, drop, every, lang=lang)
        if not callable(schedule):
            fail(say("not_callable", lang, got=schedule))
        epochs = 3 * every + 1
        rates = call_student(_rates_in_fit, "schedule", schedule, initial, epochs, lang=lang)
        expected = [initial * drop ** (e // every) for e in range(epochs)]
        if np.allclose(rates, expected, rtol=1e-5):
            continue
        if len(set(np.round(rates, 10))) == epochs:
            hint = "every_epoch"
        elif np.allclose(rates, [initial * drop ** ((e + 1) // every) for e in range(epochs)]):
            hint = "early_drop"
        else:
            hint = "schedule_hint"
        got = [float(f"{r:.4g}") for r in rates]
        text = say(hint, lang)
        fail(
            say("schedule_wrong", lang, initial=initial, drop=drop, every=every, got=got, hint=text)
        )
    passed(say("schedule_ok", lang))


def _sorted_data(n, classes):
    """Sorted by label; column 0 repeats the label, column 1 numbers the sample."""
    y = np.repeat(np.arange(classes), n // classes)
    x = np.stack([y, np.arange(n)], axis=1).astype("float32")
    return x, y


def _one_pass(generator, steps, batch_size, n, lang):
    """Take one pass of batches; return the sample ids (column 1) in the order they came."""
    ids = []
    for index in range(steps):
        # next(generator, None) gives None when the generator has stopped
        batch = call_student(next, "batch_generator", generator, None, lang=lang)
        if batch is None:
            fail(say("gen_stops", lang, count=index))
        x_batch, y_batch = (np.asarray(part) for part in batch)
        full = index < steps - 1
        if (full and len(x_batch) != batch_size) or not 0 < len(x_batch) <= batch_size:
            fail(say("gen_batch", lang, index=index, size=len(x_batch), batch_size=batch_size))
        if not np.array_equal(x_batch[:, 0], y_batch):
            fail(say("gen_pairs", lang))
        ids.extend(x_batch[:, 1].astype(int).tolist())
    missing = n - len(set(ids))
    if missing or len(ids) != n:
        fail(say("gen_cover", lang, steps=steps, missing=max(missing, 1)))
    return ids


def check_batch_generator(batch_generator, lang="en"):
    """Exercise 3: ``batch_generator(x, y, batch_size)`` yields shuffled batches forever."""
    n, batch_size = 30, 8
    x, y = _sorted_data(n, 3)
    steps = math.ceil(n / batch_size)
    generator = call_student(batch_generator, "batch_generator", x, y, batch_size, lang=lang)
    passes = [_one_pass(generator, steps, batch_size, n, lang) for _ in range(3)]
    if passes[0] == passes[1] == passes[2]:
        fail(say("gen_same_order", lang))
    np.random.seed(0)
    model = Sequential([Dense(3, activation="softmax", input_shape=(2,))])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    scaled = x / n  # fit on scaled inputs: kerasedu would warn about 0..29
    data = call_student(batch_generator, "batch_generator", scaled, y, batch_size, lang=lang)
    model.fit(data, steps_per_epoch=steps, epochs=2, verbose=0)
    if int(model.optimizer.iterations) != 2 * steps:
        fail(say("gen_stops", lang, count=int(model.optimizer.iterations)))
    passed(say("gen_ok", lang))


def _three_layers(seed):
    np.random.seed(seed)
    model = Sequential(
        [
            Dense(8, activation="relu", input_shape=(4,)),
            Dense(8, activation="relu"),
            Dense(3, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


def check_freeze_all_but_last(freeze_all_but_last, lang="en"):
    """Exercise 4: ``freeze_all_but_last(model, loss)`` freezes all but the head and recompiles."""
    rng = np.random.default_rng(7)
    x = rng.normal(size=(64, 4)).astype("float32")
    y = rng.integers(0, 3, size=64)
    model = _three_layers(seed=4)
    model.fit(x, y, epochs=1, verbose=0)  # trained once: the student freezes a compiled model
    loss = "sparse_categorical_crossentropy"
    call_student(freeze_all_but_last, "freeze_all_but_last", model, loss, lang=lang)
    flags = [layer.trainable for layer in model.layers]
    if flags != [False, False, True]:
        fail(say("frozen_flags", lang, got=flags, expected=[False, False, True]))
    before = [layer.get_weights()[0].copy() for layer in model.layers]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the check's own message explains a missing compile
        model.fit(x, y, epochs=2, verbose=0)
    after = [layer.get_weights()[0] for layer in model.layers]
    changed = [not np.array_equal(old, new) for old, new in zip(before, after)]
    learned = [layer.name for layer, moved in zip(model.layers[:-1], changed) if moved]
    if learned:
        fail(say("frozen_learned", lang, names=learned))
    if not changed[-1]:
        fail(say("last_frozen", lang))
    passed(say("frozen_ok", lang))
