"""Checks for lesson 03 (transfer learning): count, freeze, a binary head, a few-label target.

Each check takes the student's function, tries it on cases whose answer it
computes with the library, and prints a "✔" line or raises `ExerciseFailed`
with a hint (in English, or Chinese with ``lang="zh"``).

Example:
    >>> from kerasedu.exercises import ExerciseFailed, lesson03
    >>> try:
    ...     lesson03.check_vgg_params(lambda blocks, channels, kernel_size=3: 0)
    ... except ExerciseFailed as error:
    ...     print(str(error).splitlines()[0])
    vgg_params([(1, 4)], channels=1) returned 0, too few.
"""

import functools

import numpy as np

from kerasedu.datasets import mnist
from kerasedu.exercises import call_student, fail, passed
from kerasedu.layers import Conv2D, Dense, Flatten, Input, MaxPooling2D
from kerasedu.models import Model, Sequential

TARGET_ACCURACY = 0.935  # exercise 4: above the lesson's own frozen-base model (about 0.93)

MESSAGES = {
    "count": (
        "vgg_params({blocks}, channels={channels}{kernel}) returned {got}, too {way}.",
        "vgg_params({blocks}, channels={channels}{kernel}) 返回了 {got}，太{way}了。",
    ),
    "few": ("few", "少"),
    "many": ("many", "多"),
    "no_bias": (
        "Hint: you left out the biases, one per filter of every convolution.",
        "提示：你漏掉了偏置，每个卷积的每个卷积核都有一个。",
    ),
    "not_chained": (
        "Hint: a convolution's input channels are the filters of the convolution before it "
        "(only the first one sees the image's channels).",
        "提示：一个卷积的输入通道数等于前一个卷积的卷积核个数（只有第一个卷积看到的是图像的通道）。",
    ),
    "count_hint": (
        "Hint: each convolution has kernel_size x kernel_size x input channels x filters "
        "weights in its kernel, plus its biases; pooling layers have none.",
        "提示：每个卷积的卷积核有 kernel_size x kernel_size x 输入通道数 x 卷积核个数 个权重，"
        "再加上偏置；池化层没有参数。",
    ),
    "count_ok": (
        "vgg_params counts every case right, VGG16's 14,714,688 included.",
        "vgg_params 每种情况都数对了，包括 VGG16 的 14,714,688。",
    ),
    "not_returned": (
        "{name} returned {got!r}: return the model it was given.",
        "{name} 返回了 {got!r}：请返回传进来的那个模型。",
    ),
    "model_frozen": (
        "The model has no trainable weights: `base.trainable = False` freezes every layer "
        "inside it, whatever the layers' own flags say. Leave the model trainable and "
        "freeze layer by layer.",
        "模型没有任何可训练的权重：`base.trainable = False` 会冻结它里面的每一层，"
        "不管各层自己的设置是什么。请让模型本身保持可训练，逐层冻结。",
    ),
    "wrong_trainable": (
        "freeze_for_fine_tuning(base, {block!r}): trainable weights are {got}, expected "
        "those of the layers whose name starts with {block!r} only.",
        "freeze_for_fine_tuning(base, {block!r})：可训练的权重是 {got}，"
        "应该只有名字以 {block!r} 开头的那些层的权重。",
    ),
    "frozen_moved": (
        "After compile and one training step, the frozen layer {layer!r} changed.",
        "compile 并训练一步之后，本应冻结的层 {layer!r} 变了。",
    ),
    "freeze_ok": (
        "freeze_for_fine_tuning freezes all but the chosen block, and training respects it.",
        "freeze_for_fine_tuning 冻结了所选块以外的所有层，训练时也确实如此。",
    ),
    "not_model": (
        "{name} returned {got!r}, not a compiled model.",
        "{name} 返回的是 {got!r}，不是编译好的模型。",
    ),
    "not_compiled": (
        "{name}: the model is not compiled: call model.compile(...) before returning it.",
        "{name}：模型还没有编译：返回之前请调用 model.compile(...)。",
    ),
    "binary_shape": (
        "The model's output shape is {got}; a yes/no answer with 0/1 labels needs one "
        "number per image, (None, 1).",
        "模型的输出形状是 {got}；用 0/1 标签回答“是/否”，每张图只需要一个数，即 (None, 1)。",
    ),
    "all_ones": (
        "Every output is exactly 1.0: softmax over a single unit is e^z / e^z = 1. Use a sigmoid.",
        "所有输出都恰好是 1.0：对单个单元做 softmax 就是 e^z / e^z = 1。请改用 sigmoid。",
    ),
    "not_probability": (
        "Outputs range over [{low:.3g}, {high:.3g}], not probabilities in [0, 1]: the "
        "output layer needs an activation that maps a score to a probability.",
        "输出范围是 [{low:.3g}, {high:.3g}]，不是 [0, 1] 之间的概率：输出层需要一个"
        "把得分变成概率的激活函数。",
    ),
    "base_changed": (
        "Training changed the pretrained base's weights: keep `base` frozen "
        "(base.trainable = False) so that only your new head learns.",
        "训练改变了预训练卷积基的权重：请保持 `base` 冻结（base.trainable = False），"
        "只让新的头学习。",
    ),
    "too_low": (
        "Validation accuracy {got:.4f}, below the target {target}. {hint}",
        "验证准确率 {got:.4f}，低于目标 {target}。{hint}",
    ),
    "binary_hint": (
        "Is the loss binary_crossentropy, and did the model train for a few epochs?",
        "损失函数是 binary_crossentropy 吗？模型训练了几轮吗？",
    ),
    "target_hint": (
        "Try a hidden Dense layer in the head, Dropout, or more epochs.",
        "试试在头部加一个隐藏的 Dense 层、加 Dropout，或者多训练几轮。",
    ),
    "binary_ok": (
        "The binary head works: validation accuracy {got:.4f} on odd/even digits.",
        "二分类的头正常工作：奇偶数字的验证准确率为 {got:.4f}。",
    ),
    "target_ok": (
        "Target reached: validation accuracy {got:.4f} from 250 labelled images.",
        "达到目标：只用 250 张标注图片，验证准确率为 {got:.4f}。",
    ),
}


def say(key, lang="en", **values):
    """The message ``key`` in ``lang`` ("en" or "zh"), filled with ``values``."""
    english, chinese = MESSAGES[key]
    return (chinese if lang == "zh" else english).format(**values)


def vgg_style_base(blocks, channels, kernel_size=3, size=32):
    """A VGG-style convolutional base: per block, ``convs`` convolutions then a 2x2 pooling.

    Args:
        blocks: ``[(convs, filters), ...]``, one pair per block.
        channels: Channels of the input image.
        kernel_size: Side of the square kernels.
        size: Side of the input image (pooling needs ``size >= 2 ** len(blocks)``).

    Returns:
        A `Sequential` whose layers are named ``block{b}_conv{c}``.
    """
    layers = [Input(shape=(size, size, channels))]
    for b, (convs, filters) in enumerate(blocks, start=1):
        for c in range(1, convs + 1):
            layers.append(
                Conv2D(
                    filters,
                    kernel_size,
                    padding="same",
                    activation="relu",
                    name=f"block{b}_conv{c}",
                )
            )
        layers.append(MaxPooling2D(2, name=f"block{b}_pool"))
    return Sequential(layers)


def _count_variants(blocks, channels, kernel_size):
    """Typical wrong counts: without biases, and with unchained input channels."""
    no_bias, not_chained, c_in = 0, 0, channels
    for convs, filters in blocks:
        for _ in range(convs):
            no_bias += kernel_size * kernel_size * c_in * filters
            not_chained += (kernel_size * kernel_size * channels + 1) * filters
            c_in = filters
    return {"no_bias": no_bias, "not_chained": not_chained}


def check_vgg_params(vgg_params, lang="en"):
    """Exercise 1: ``vgg_params(blocks, channels, kernel_size=3)`` counts a base's parameters."""
    vgg16 = [(2, 64), (2, 128), (3, 256), (3, 512), (3, 512)]
    cases = [([(1, 4)], 1, 3), ([(2, 8), (2, 16)], 1, 3), ([(3, 5), (1, 7)], 2, 5), (vgg16, 3, 3)]
    for blocks, channels, kernel_size in cases:
        kernel = "" if kernel_size == 3 else f", kernel_size={kernel_size}"
        got = call_student(
            vgg_params, "vgg_params", blocks, channels, kernel_size=kernel_size, lang=lang
        )
        expected = vgg_style_base(blocks, channels, kernel_size).count_params()
        if got == expected:
            continue
        way = say("few" if got < expected else "many", lang)
        text = say("count", lang, blocks=blocks, channels=channels, kernel=kernel, got=got, way=way)
        variants = _count_variants(blocks, channels, kernel_size)
        hint = next((key for key, value in variants.items() if value == got), "count_hint")
        fail(f"{text}\n{say(hint, lang)}")
    passed(say("count_ok", lang))


def _weight_names(weights):
    return sorted(w.name for w in weights)


def check_freeze_for_fine_tuning(freeze_for_fine_tuning, lang="en"):
    """Exercise 2: ``freeze_for_fine_tuning(base, block)`` leaves only ``block`` trainable."""
    for block in ("block3", "block2"):
        base = vgg_style_base([(1, 2), (2, 3), (1, 4)], channels=1, size=8)
        got = call_student(freeze_for_fine_tuning, "freeze_for_fine_tuning", base, block, lang=lang)
        if got is not base:
            fail(say("not_returned", lang, name="freeze_for_fine_tuning", got=got))
        if not base.trainable_weights:
            fail(say("model_frozen", lang))
        wanted = [w for layer in base.layers if layer.name.startswith(block) for w in layer.weights]
        if _weight_names(base.trainable_weights) != _weight_names(wanted):
            names = _weight_names(base.trainable_weights)
            fail(say("wrong_trainable", lang, block=block, got=names))
    model = Sequential([base, Flatten(), Dense(2, activation="softmax")])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    frozen = [layer for layer in base.layers if layer.weights and not layer.name.startswith(block)]
    before = [layer.get_weights()[0].copy() for layer in frozen]
    x = np.random.default_rng(0).random((4, 8, 8, 1)).astype("float32")
    model.train_on_batch(x, np.array([0, 1, 0, 1]))
    for layer, kernel in zip(frozen, before, strict=True):
        if not np.array_equal(layer.get_weights()[0], kernel):
            fail(say("frozen_moved", lang, layer=layer.name))
    passed(say("freeze_ok", lang))


@functools.lru_cache(maxsize=1)
def target_task_data():
    """Lesson 03's target task, digits 5-9: 250 labelled images and 1,000 validation images.

    Returns:
        ``(x_few, y_few), (x_val, y_val)``: images ``(N, 28, 28, 1)`` scaled to
        [0, 1] and labels 0-4 (the digit minus 5); ``N`` is 250 and 1,000. As in
        the lesson, the validation images are the first 1,000 digits 5-9 of
        MNIST's test part; the lesson keeps the next 1,000 as its test set.
    """
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    x_train = x_train.reshape(-1, 28, 28, 1).astype("float32") / 255
    x_test = x_test.reshape(-1, 28, 28, 1).astype("float32") / 255
    rng = np.random.default_rng(0)
    digits = range(5, 10)
    few = np.concatenate(
        [rng.choice(np.flatnonzero(y_train == d), 50, replace=False) for d in digits]
    )
    val = np.flatnonzero(y_test >= 5)[:1000]
    return (x_train[few], y_train[few] - 5), (x_test[val], y_test[val] - 5)


def _checked_model(model, name, lang):
    if not isinstance(model, Model):
        fail(say("not_model", lang, name=name, got=model))
    if getattr(model, "optimizer", None) is None:
        fail(say("not_compiled", lang, name=name))
    return model


def _base_weights(base):
    return [w.copy() for w in base.get_weights()]


def _base_unchanged(base, before, lang):
    if any(not np.array_equal(a, b) for a, b in zip(base.get_weights(), before, strict=True)):
        fail(say("base_changed", lang))


def check_binary_model(build_binary_model, base, lang="en"):
    """Exercise 3: ``build_binary_model(base)`` answers "is this digit odd?" with a sigmoid."""
    (x_few, y_few), (x_val, y_val) = target_task_data()
    odd, odd_val = (y_few % 2 == 0).astype("float32"), (y_val % 2 == 0).astype("float32")  # 5, 7, 9
    before = _base_weights(base)
    model = call_student(build_binary_model, "build_binary_model", base, lang=lang)
    model = _checked_model(model, "build_binary_model", lang)
    if tuple(model.output_shape) != (None, 1):
        fail(say("binary_shape", lang, got=tuple(model.output_shape)))
    p = model.predict(x_val[:200], verbose=0)
    if np.all(p == 1.0):
        fail(say("all_ones", lang))
    if p.min() < 0 or p.max() > 1:
        fail(say("not_probability", lang, low=float(p.min()), high=float(p.max())))
    model.fit(x_few, odd, batch_size=25, epochs=5, verbose=0)
    _base_unchanged(base, before, lang)
    accuracy = float(np.mean((model.predict(x_val, verbose=0).ravel() > 0.5) == odd_val))
    if accuracy < 0.8:
        fail(say("too_low", lang, got=accuracy, target=0.8, hint=say("binary_hint", lang)))
    passed(say("binary_ok", lang, got=accuracy))


def check_few_label_model(train_on_few_labels, base, lang="en", target=TARGET_ACCURACY):
    """Exercise 4: ``train_on_few_labels(base, x, y)`` trains a head to ``target`` accuracy."""
    (x_few, y_few), (x_val, y_val) = target_task_data()
    before = _base_weights(base)
    model = call_student(train_on_few_labels, "train_on_few_labels", base, x_few, y_few, lang=lang)
    model = _checked_model(model, "train_on_few_labels", lang)
    _base_unchanged(base, before, lang)
    accuracy = float(np.mean(model.predict(x_val, verbose=0).argmax(axis=-1) == y_val))
    if accuracy < target:
        fail(say("too_low", lang, got=accuracy, target=target, hint=say("target_hint", lang)))
    passed(say("target_ok", lang, got=accuracy))
