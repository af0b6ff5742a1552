"""Checks for lesson 00 (getting started): steps, parameters, batches, and a model that fits.

Every check computes the right answer itself, by running kerasedu or NumPy, and compares.

Example:
    >>> check_count_steps(lambda n_samples, batch_size, epochs: n_samples // batch_size * epochs)
    Traceback (most recent call last):
    ...
    kerasedu.exercises.ExerciseFailed: count_steps(1000, 32, 1) returned 31, ...
"""

import numpy as np

from kerasedu.exercises import call_student, fail, passed, say
from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential

TARGET_MSE = 0.01  # build_model's goal against the true curve; the lesson's model gets about 0.06
EPOCHS = 40

MESSAGES = {
    "steps_wrong": {
        "en": "count_steps({n}, {b}, {e}) returned {got}, but fit makes {want} weight "
        "updates.{hint}",
        "zh": "count_steps({n}, {b}, {e}) 返回 {got}，而 fit 实际更新了 {want} 次权重。{hint}",
    },
    "last_batch": {
        "en": " The last, smaller batch is a step too.",
        "zh": " 最后那个较小的批次也算一步。",
    },
    "steps_ok": {
        "en": "count_steps agrees with what fit does in {n} cases.",
        "zh": "count_steps 在 {n} 种情形下都与 fit 的实际步数一致。",
    },
    "params_wrong": {
        "en": "count_params({sizes}) returned {got}, but that model has {want} parameters.{hint}",
        "zh": "count_params({sizes}) 返回 {got}，而这个模型有 {want} 个参数。{hint}",
    },
    "no_bias": {
        "en": " Each unit also has a bias.",
        "zh": " 每个单元还有一个偏置。",
    },
    "params_ok": {
        "en": "count_params agrees with model.count_params() for {n} models.",
        "zh": "count_params 在 {n} 个模型上都与 model.count_params() 一致。",
    },
    "not_pairs": {
        "en": "make_batches must return a list of (x_batch, y_batch) pairs; got {got}.",
        "zh": "make_batches 应返回由 (x_batch, y_batch) 组成的列表；得到的是 {got}。",
    },
    "sizes": {
        "en": "With {n} samples and batch_size={b}, the batches have sizes {got}, expected "
        "{want}.{hint}",
        "zh": "{n} 个样本、batch_size={b} 时，各批次大小是 {got}，应为 {want}。{hint}",
    },
    "order": {
        "en": "Without rng the batches must keep the samples in their order.",
        "zh": "不传 rng 时，批次要保持样本原来的顺序。",
    },
    "once": {
        "en": "With rng, every sample must appear exactly once (shuffle, do not draw with "
        "replacement).",
        "zh": "传入 rng 时，每个样本必须恰好出现一次（是打乱，不是有放回地抽取）。",
    },
    "not_shuffled": {
        "en": "With rng the samples come out in their original order: shuffle them.",
        "zh": "传入 rng 时样本还是原来的顺序：请把它们打乱。",
    },
    "pairs_broken": {
        "en": "After shuffling, x and y no longer match (sample {i}'s target went elsewhere): "
        "shuffle both with the same permutation.",
        "zh": "打乱之后 x 和 y 对不上了（第 {i} 个样本的目标值跑到了别处）："
        "要用同一个排列打乱两者。",
    },
    "batches_ok": {
        "en": "make_batches keeps every sample once, in order or shuffled, with its target.",
        "zh": "make_batches 让每个样本恰好出现一次，顺序或打乱都对，且与目标值一一对应。",
    },
    "not_model": {
        "en": "build_model must return a compiled model with one input of shape (None, 1); "
        "it returned {got}.",
        "zh": "build_model 应返回一个已编译、输入形状为 (None, 1) 的模型；它返回的是 {got}。",
    },
    "mse_high": {
        "en": "After {epochs} epochs the mean squared error against sin(2x) is {mse:.4f}, above "
        "the target {target}. The lesson's model learns too slowly for this curve: try a "
        "larger learning rate (e.g. Adam(learning_rate=0.005)), more units, or relu.",
        "zh": "训练 {epochs} 轮后，与 sin(2x) 的均方误差是 {mse:.4f}，高于目标 {target}。"
        "课上的模型学这条曲线太慢了：试试更大的学习率（例如 Adam(learning_rate=0.005)）、"
        "更多的单元，或者 relu。",
    },
    "model_ok": {
        "en": "Mean squared error against sin(2x): {mse:.4f} after {epochs} epochs "
        "(target < {target}).",
        "zh": "训练 {epochs} 轮后与 sin(2x) 的均方误差：{mse:.4f}（目标 < {target}）。",
    },
}


def steps_of_fit(n_samples, batch_size, epochs):
    """Train a one-weight model with ``fit`` and return how many updates it made."""
    model = Sequential([Input(shape=(1,)), Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    data = np.zeros((n_samples, 1), dtype="float32")
    model.fit(data, data, batch_size=batch_size, epochs=epochs, verbose=0)
    return int(model.optimizer.iterations)


def check_count_steps(count_steps, lang="en"):
    """Check ``count_steps(n_samples, batch_size, epochs)`` against the updates ``fit`` makes."""
    cases = [(1000, 32, 1), (1000, 32, 60), (1000, 1000, 60), (64, 32, 3), (10, 32, 5), (7, 2, 4)]
    for n, b, e in cases:
        want = steps_of_fit(n, b, e)
        got = call_student(count_steps, "count_steps", n, b, e, lang=lang)
        if got != want:
            hint = say(MESSAGES, "last_batch", lang) if got == n // b * e else ""
            fail(say(MESSAGES, "steps_wrong", lang, n=n, b=b, e=e, got=got, want=want, hint=hint))
    passed(say(MESSAGES, "steps_ok", lang, n=len(cases)))


def check_count_params(count_params, lang="en"):
    """Check ``count_params(sizes)``: the parameters of a stack of Dense layers of these sizes."""
    cases = [[1, 32, 32, 1], [784, 128, 10], [3, 1], [5, 4, 3, 2]]
    for sizes in cases:
        model = Sequential([Input(shape=(sizes[0],))] + [Dense(units) for units in sizes[1:]])
        want = model.count_params()
        got = call_student(count_params, "count_params", list(sizes), lang=lang)
        if got != want:
            weights_only = sum(a * b for a, b in zip(sizes, sizes[1:]))
            hint = say(MESSAGES, "no_bias", lang) if got == weights_only else ""
            fail(say(MESSAGES, "params_wrong", lang, sizes=sizes, got=got, want=want, hint=hint))
    passed(say(MESSAGES, "params_ok", lang, n=len(cases)))


def batches_of(make_batches, x, y, batch_size, rng, lang):
    """Call the student's ``make_batches``; return its batches as two lists of arrays."""
    batches = call_student(make_batches, "make_batches", x, y, batch_size, rng=rng, lang=lang)
    if not isinstance(batches, (list, tuple)) or not all(
        isinstance(pair, (list, tuple)) and len(pair) == 2 for pair in batches
    ):
        fail(say(MESSAGES, "not_pairs", lang, got=type(batches).__name__))
    return [np.asarray(bx) for bx, _ in batches], [np.asarray(by) for _, by in batches]


def check_make_batches(make_batches, lang="en"):
    """Check ``make_batches(x, y, batch_size, rng=None)``: a list of ``(x_batch, y_batch)``."""
    n, batch_size = 10, 4
    x = np.arange(n, dtype="float32").reshape(n, 1)
    y = 10 * x  # sample i's target is 10 i, so a broken pair shows
    want = [min(batch_size, n - start) for start in range(0, n, batch_size)]
    for rng in (None, np.random.default_rng(0)):
        xs, ys = batches_of(make_batches, x, y, batch_size, rng, lang)
        got = [len(bx) for bx in xs]
        if got != want:
            hint = say(MESSAGES, "last_batch", lang) if got == want[:-1] else ""
            fail(say(MESSAGES, "sizes", lang, n=n, b=batch_size, got=got, want=want, hint=hint))
        seen_x, seen_y = np.concatenate(xs).ravel(), np.concatenate(ys).ravel()
        if rng is None and not np.array_equal(seen_x, x.ravel()):
            fail(say(MESSAGES, "order", lang))
        if sorted(seen_x.tolist()) != x.ravel().tolist():
            fail(say(MESSAGES, "once", lang))
        if rng is not None and np.array_equal(seen_x, x.ravel()):
            fail(say(MESSAGES, "not_shuffled", lang))
        broken = np.flatnonzero(seen_y != 10 * seen_x)
        if broken.size:
            fail(say(MESSAGES, "pairs_broken", lang, i=int(seen_x[broken[0]])))
    passed(say(MESSAGES, "batches_ok", lang))


def check_build_model(build_model, lang="en", epochs=EPOCHS):
    """Train the compiled model of ``build_model()`` on ``sin(2x)`` plus noise; check its curve."""
    rng = np.random.default_rng(3)
    x = rng.uniform(-3, 3, size=(1000, 1)).astype("float32")
    y = (np.sin(2 * x) + rng.normal(0, 0.05, size=x.shape)).astype("float32")
    np.random.seed(0)  # the same initial weights in every run
    model = call_student(build_model, "build_model", lang=lang)
    if getattr(model, "input_shape", None) != (None, 1):
        fail(say(MESSAGES, "not_model", lang, got=type(model).__name__))
    fit = lambda: model.fit(x, y, batch_size=32, epochs=epochs, verbose=0)  # noqa: E731
    call_student(fit, "model.fit", lang=lang)
    grid = np.linspace(-3, 3, 200, dtype="float32").reshape(-1, 1)
    mse = float(np.mean((model.predict(grid, verbose=0) - np.sin(2 * grid)) ** 2))
    values = dict(mse=mse, epochs=epochs, target=TARGET_MSE)
    if not mse < TARGET_MSE:  # also catches nan
        fail(say(MESSAGES, "mse_high", lang, **values))
    passed(say(MESSAGES, "model_ok", lang, **values))
