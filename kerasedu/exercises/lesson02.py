"""Checks for lesson 02 (MNIST): a data pipeline, the cross-entropy, RMSprop, a model's target.

Every check computes the right answer with the library (`to_categorical`, the loss, the
optimizer) or by training the student's model itself; it never stores the answer.

Example:
    >>> from kerasedu.exercises import ExerciseFailed
    >>> try:
    ...     check_crossentropy(lambda probs, one_hot: 0.0)
    ... except ExerciseFailed as error:
    ...     print(str(error).split(":")[0])
    crossentropy gave 0 for 4 samples, but the library's categorical_crossentropy gives 4.53562.
"""

import functools
import random

import numpy as np

from kerasedu.autograd import Variable
from kerasedu.datasets import mnist
from kerasedu.exercises import call_student, fail, passed
from kerasedu.losses import CategoricalCrossentropy
from kerasedu.optimizers import RMSprop
from kerasedu.utils import set_random_seed, to_categorical

TARGET_ACCURACY = 0.95  # exercise 4: above what an MLP reaches with so little data
TRAIN_IMAGES, EPOCHS, BATCH_SIZE = 5000, 2, 32  # exercise 4: the training budget
VALIDATION = slice(54000, 60000)  # the lesson's validation set: the last 6,000 training images
MAX_PARAMS = 1_000_000  # exercise 4: bigger models would make the check slow

EN = {
    "not_pair": "{name} should return two arrays {what}, got {got}.",
    "x_shape": "x has shape {shape}, expected {want}: flatten each image into a row of 784.",
    "x_dtype": "x has dtype {dtype}, expected float32 (the library computes in float32).",
    "x_range": "x goes up to {top:g}: scale the pixels 0-255 into [0, 1].",
    "x_floor": "x holds only 0s and 1s: integer division (//) threw the grey levels away.",
    "x_values": "x[{i}] is not image {i}'s pixels, row by row, divided by 255.",
    "y_shape": "y has shape {shape}, expected {want}: one one-hot row of 10 per label.",
    "y_values": "y[{i}] is {row} for the label {label}: the 1 belongs at index {label}.",
    "prepare_ok": "prepare gives flat float32 pixels in [0, 1] and one-hot labels.",
    "not_number": "{name} should return one number, got shape {shape}: average over the samples.",
    "ce_value": (
        "crossentropy gave {got:.6g} for {n} samples, but the library's "
        "categorical_crossentropy gives {want:.6g}."
    ),
    "ce_negative": "Hint: the loss is MINUS the log-probability of the right class.",
    "ce_sum": "Hint: you summed over the samples; the loss is their mean.",
    "ce_classes": "Hint: you averaged over the 10 classes too: sum over them, average over rows.",
    "ce_ok": "crossentropy equals the library's categorical_crossentropy.",
    "rms_value": "step {step}: your {which} differs from kerasedu's RMSprop by up to {diff:.3g}.",
    "rms_eps_outside": "Hint: epsilon goes INSIDE the square root, sqrt(v + epsilon), as in Keras.",
    "rms_no_decay": "Hint: the new gradient enters v with weight (1 - rho), not 1.",
    "rms_old_v": "Hint: update v first, then divide by the root of the NEW v.",
    "rms_no_root": "Hint: divide by the square ROOT of v + epsilon.",
    "rms_ok": "rmsprop_step follows kerasedu's RMSprop for {steps} steps.",
    "not_model": "build_model() should return a compiled model, got {got}.",
    "not_compiled": "the model is not compiled: call model.compile(...) in build_model.",
    "bad_input": (
        "the model takes samples of shape {shape}: start with Input(shape=(784,)) "
        "or Input(shape=(28, 28, 1))."
    ),
    "too_big": "the model has {params:,} parameters; keep it under {most:,} for a quick check.",
    "fit_failed": (
        "training failed with {error_type}: {error}. The labels are one-hot rows of 10: use "
        "loss='categorical_crossentropy' and end with Dense(10, activation='softmax')."
    ),
    "too_low": (
        "validation accuracy {acc:.4f} after {epochs} epochs on {n:,} images, below {target}. "
        "An MLP stops near 0.93 with so few images: what did section 5 use instead?"
    ),
    "model_ok": "validation accuracy {acc:.4f} after {epochs} epochs on {n:,} images.",
}
ZH = {
    "not_pair": "{name} 应该返回两个数组 {what}，实际返回的是 {got}。",
    "x_shape": "x 的形状是 {shape}，应该是 {want}：把每张图片展平成一行 784 个数。",
    "x_dtype": "x 的数据类型是 {dtype}，应该是 float32（库用 float32 计算）。",
    "x_range": "x 的最大值是 {top:g}：要把 0-255 的像素值缩放到 [0, 1]。",
    "x_floor": "x 里只有 0 和 1：整数除法（//）把灰度信息丢掉了。",
    "x_values": "x[{i}] 不是第 {i} 张图片逐行排列、再除以 255 的像素值。",
    "y_shape": "y 的形状是 {shape}，应该是 {want}：每个标签一行 10 个数的独热编码。",
    "y_values": "标签 {label} 的 y[{i}] 是 {row}：1 应该在下标 {label} 处。",
    "prepare_ok": "prepare 得到了展平的 float32 像素（[0, 1] 之间）和独热标签。",
    "not_number": "{name} 应该返回一个数，实际形状是 {shape}：要对样本取平均。",
    "ce_value": (
        "对 {n} 个样本，crossentropy 得到 {got:.6g}，"
        "而库的 categorical_crossentropy 得到 {want:.6g}。"
    ),
    "ce_negative": "提示：损失是正确类别的对数概率再取负号。",
    "ce_sum": "提示：你对样本求了和，损失应该是对样本取平均。",
    "ce_classes": "提示：你把 10 个类别也平均了：对类别求和，对样本取平均。",
    "ce_ok": "crossentropy 与库的 categorical_crossentropy 一致。",
    "rms_value": "第 {step} 步：你的 {which} 与 kerasedu 的 RMSprop 最多相差 {diff:.3g}。",
    "rms_eps_outside": "提示：epsilon 要放在平方根里面，即 sqrt(v + epsilon)，与 Keras 一致。",
    "rms_no_decay": "提示：新的梯度平方进入 v 时要乘以 (1 - rho)，而不是 1。",
    "rms_old_v": "提示：先更新 v，再除以 *新的* v 的平方根。",
    "rms_no_root": "提示：要除以 v + epsilon 的 *平方根*。",
    "rms_ok": "rmsprop_step 连续 {steps} 步都与 kerasedu 的 RMSprop 一致。",
    "not_model": "build_model() 应该返回一个编译好的模型，实际返回的是 {got}。",
    "not_compiled": "模型还没有编译：请在 build_model 里调用 model.compile(...)。",
    "bad_input": (
        "模型的输入形状是 {shape}：请以 Input(shape=(784,)) 或 Input(shape=(28, 28, 1)) 开头。"
    ),
    "too_big": "模型有 {params:,} 个参数；请少于 {most:,} 个，检查才跑得快。",
    "fit_failed": (
        "训练出错，{error_type}：{error}。标签是一行 10 个数的独热编码："
        "请用 loss='categorical_crossentropy'，最后一层用 Dense(10, activation='softmax')。"
    ),
    "too_low": (
        "在 {n:,} 张图片上训练 {epochs} 轮后，验证准确率 {acc:.4f}，低于 {target}。"
        "图片这么少时 MLP 大约停在 0.93：第 5 节用的是什么？"
    ),
    "model_ok": "在 {n:,} 张图片上训练 {epochs} 轮，验证准确率为 {acc:.4f}。",
}

MESSAGES = {"en": EN, "zh": ZH}


def _say(key, lang, **values):
    """The message ``key`` in ``lang`` ("en" or "zh"), filled in with ``values``."""
    return MESSAGES[lang][key].format(**values)


@functools.lru_cache(maxsize=1)
def _mnist():
    return mnist.load_data()


def _pair(result, name, what, lang):
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(_say("not_pair", lang, name=name, what=what, got=type(result).__name__))
    return [np.asarray(part) for part in result]


def check_prepare(prepare, lang="en"):
    """Exercise 1: ``prepare(images, labels)`` returns (x, y) ready for the lesson's MLP.

    ``x``: ``(N, 784)`` float32 in [0, 1]; ``y``: ``(N, 10)`` one-hot. Tried on 100 MNIST images.
    """
    (images, labels), _ = _mnist()
    images, labels = images[:100], labels[:100]
    result = call_student(prepare, "prepare", images.copy(), labels.copy(), lang=lang)
    x, y = _pair(result, "prepare", "(x, y)", lang)
    if x.shape != (100, 784):
        fail(_say("x_shape", lang, shape=x.shape, want=(100, 784)))
    if x.dtype != np.float32:
        fail(_say("x_dtype", lang, dtype=x.dtype))
    if x.max() > 1:
        fail(_say("x_range", lang, top=float(x.max())))
    if np.isin(x, (0, 1)).all():
        fail(_say("x_floor", lang))
    wrong = np.flatnonzero(np.abs(x - images.reshape(100, 784) / 255).max(axis=1) > 1e-6)
    if wrong.size:
        fail(_say("x_values", lang, i=int(wrong[0])))
    if y.shape != (100, 10):
        fail(_say("y_shape", lang, shape=y.shape, want=(100, 10)))
    wrong = np.flatnonzero((y != to_categorical(labels, 10)).any(axis=1))
    if wrong.size:
        i = int(wrong[0])
        fail(_say("y_values", lang, i=i, row=y[i].tolist(), label=int(labels[i])))
    passed(_say("prepare_ok", lang))


def _crossentropy_hint(got, want, n, lang):
    """The hint for the usual mistakes, or an empty string."""
    for factor, key in ((-1, "ce_negative"), (n, "ce_sum"), (0.1, "ce_classes")):
        if np.isclose(got, factor * want, rtol=1e-4):
            return "\n" + _say(key, lang)
    return ""


def check_crossentropy(crossentropy, lang="en"):
    """Exercise 2: ``crossentropy(probs, one_hot)``: the mean categorical cross-entropy.

    Compared with `kerasedu.losses.CategoricalCrossentropy` on batches of 4 and 50 samples.
    """
    rng = np.random.RandomState(2)
    for n in (4, 50):
        scores = rng.normal(0, 2, (n, 10))
        probs = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
        one_hot = np.eye(10)[rng.randint(0, 10, n)]
        got = np.asarray(
            call_student(crossentropy, "crossentropy", probs.copy(), one_hot.copy(), lang=lang)
        )
        if got.size != 1:
            fail(_say("not_number", lang, name="crossentropy", shape=got.shape))
        got = float(got.reshape(()))
        want = float(CategoricalCrossentropy()(one_hot, probs).numpy())
        if not np.isclose(got, want, rtol=1e-5):
            message = _say("ce_value", lang, got=got, want=want, n=n)
            fail(message + _crossentropy_hint(got, want, n, lang))
    passed(_say("ce_ok", lang))


def _rmsprop_mistakes(w, g, v, lr, rho, eps):
    """What the usual wrong versions of one RMSprop step give: {hint key: (w, v)}."""
    new_v = rho * v + (1 - rho) * g * g
    return {
        "rms_eps_outside": (w - lr * g / (np.sqrt(new_v) + eps), new_v),
        "rms_no_decay": (w - lr * g / np.sqrt(rho * v + g * g + eps), rho * v + g * g),
        "rms_old_v": (w - lr * g / np.sqrt(v + eps), new_v),
        "rms_no_root": (w - lr * g / (new_v + eps), new_v),
    }


def check_rmsprop_step(rmsprop_step, lang="en"):
    """Exercise 3: ``rmsprop_step(w, g, v, learning_rate, rho, epsilon)`` returns (new_w, new_v).

    Three steps from ``v = 0`` are compared with `kerasedu.optimizers.RMSprop`, on gradients
    from large to tiny (where the place of epsilon shows).
    """
    lr, rho, eps = 0.01, 0.8, 1e-7
    rng = np.random.RandomState(3)
    variable = Variable(rng.normal(size=5))
    optimizer = RMSprop(learning_rate=lr, rho=rho, epsilon=eps)
    w, v = variable.numpy().copy(), np.zeros(5)
    for step in (1, 2, 3):
        g = rng.normal(size=5) * np.array([10, 1, 0.1, 1e-3, 1e-4])
        args = (w.copy(), g.copy(), v.copy(), lr, rho, eps)
        result = call_student(rmsprop_step, "rmsprop_step", *args, lang=lang)
        got_w, got_v = _pair(result, "rmsprop_step", "(new_w, new_v)", lang)
        mistakes = _rmsprop_mistakes(w, g, v, lr, rho, eps)
        optimizer.apply_gradients([(g, variable)])
        want_w, want_v = variable.numpy(), optimizer.slot(variable, "velocity")
        for which, got, want in (("new_v", got_v, want_v), ("new_w", got_w, want_w)):
            if got.shape != want.shape or not np.allclose(got, want, rtol=1e-6, atol=1e-12):
                diff = np.max(np.abs(got - want)) if got.shape == want.shape else np.inf
                message = _say("rms_value", lang, step=step, which=which, diff=diff)
                for key, (bad_w, bad_v) in mistakes.items():
                    if np.allclose(got_w, bad_w, rtol=1e-6) and np.allclose(got_v, bad_v):
                        message += "\n" + _say(key, lang)
                        break
                fail(message)
        w, v = want_w.copy(), want_v.copy()
    passed(_say("rms_ok", lang, steps=3))


def _input_shape(model, lang):
    """The shape of one sample that ``model`` takes; fail unless it fits an MNIST image."""
    shape = tuple(model.input_shape[1:]) if len(model.input_shape) else ()
    if shape not in {(784,), (28, 28), (28, 28, 1)}:
        fail(_say("bad_input", lang, shape=shape or None))
    return shape


def _validation_accuracy(model, shape, lang):
    """Validation accuracy of ``model`` after the exercise's training budget."""
    (images, labels), _ = _mnist()
    x = (images.astype("float32") / 255).reshape((-1, *shape))
    y = to_categorical(labels, 10)
    try:
        model.fit(
            x[:TRAIN_IMAGES], y[:TRAIN_IMAGES], batch_size=BATCH_SIZE, epochs=EPOCHS, verbose=0
        )
        probs = model.predict(x[VALIDATION], batch_size=1000, verbose=0)
    except Exception as error:  # the model or its compile settings do not fit the data
        fail(_say("fit_failed", lang, error_type=type(error).__name__, error=error))
    return float(np.mean(np.argmax(probs, axis=1) == labels[VALIDATION]))


def check_model(build_model, lang="en"):
    """Exercise 4: ``build_model()`` returns a compiled model that reaches the target.

    The check trains it for 2 epochs on the first 5,000 training images (batch 32) and measures
    its accuracy on the lesson's validation set, the last 6,000 training images.
    """
    saved = np.random.get_state(), random.getstate()
    try:
        set_random_seed(0)  # the same result at every run
        model = call_student(build_model, "build_model", lang=lang)
        if not hasattr(model, "fit"):
            fail(_say("not_model", lang, got=type(model).__name__))
        if getattr(model, "optimizer", None) is None:
            fail(_say("not_compiled", lang))
        shape = _input_shape(model, lang)
        if model.count_params() > MAX_PARAMS:
            fail(_say("too_big", lang, params=model.count_params(), most=MAX_PARAMS))
        acc = _validation_accuracy(model, shape, lang)
    finally:
        np.random.set_state(saved[0])
        random.setstate(saved[1])
    values = dict(acc=acc, epochs=EPOCHS, n=TRAIN_IMAGES, target=TARGET_ACCURACY)
    if acc < TARGET_ACCURACY:
        fail(_say("too_low", lang, **values))
    passed(_say("model_ok", lang, **values))
