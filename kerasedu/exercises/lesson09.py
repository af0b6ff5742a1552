"""Checks for lesson 09 (the functional API): parameter counts, BN steps, a residual block.

Every check computes the right answer with the library (a layer's ``count_params``, a
real `BatchNormalization` layer, a reference model) and compares.

Example:
    >>> def conv_params(kernel_size, in_channels, filters):
    ...     raise NotImplementedError()
    >>> check_conv_params(conv_params)
    Traceback (most recent call last):
    ...
    kerasedu.exercises.ExerciseFailed: conv_params is not written yet: replace ...
"""

import numpy as np

from kerasedu.exercises import call_student, fail, passed, say
from kerasedu.layers import Add, BatchNormalization, Conv2D, Input
from kerasedu.models import Model

MESSAGES = {
    "conv_wrong": {
        "en": "conv_params({k}, {c}, {f}) returned {got!r}, but the layer has {want} "
        "parameters.{hint}",
        "zh": "conv_params({k}, {c}, {f}) 返回 {got!r}，而这一层有 {want} 个参数。{hint}",
    },
    "no_bias": {
        "en": " Each kernel also has one bias.",
        "zh": " 每个卷积核还有一个偏置。",
    },
    "conv_ok": {
        "en": "conv_params agrees with Conv2D.count_params() on {n} layers.",
        "zh": "conv_params 在 {n} 个卷积层上都与 Conv2D.count_params() 一致。",
    },
    "steps_wrong": {
        "en": "bn_steps({cov}, momentum={m}) returned {got!r}; a real BatchNormalization layer "
        "needs {want} steps to cover {cov} of the way.{hint}",
        "zh": "bn_steps({cov}, momentum={m}) 返回 {got!r}；一个真正的 BatchNormalization 层"
        "要 {want} 步才能走完 {cov} 的路。{hint}",
    },
    "off_by_one": {
        "en": " You are one step off: is it the smallest n with 1 - momentum**n >= coverage?",
        "zh": " 差了一步：它是满足 1 - momentum**n >= coverage 的最小 n 吗？",
    },
    "steps_ok": {
        "en": "bn_steps matches a real BatchNormalization layer on {n} cases.",
        "zh": "bn_steps 在 {n} 种情形下都与真正的 BatchNormalization 层一致。",
    },
    "not_tensor": {
        "en": "residual_block returned {got!r}; it must return the symbolic tensor of the block's "
        "output (call the layers on x).",
        "zh": "residual_block 返回了 {got!r}；它应返回块输出的符号张量（把各层作用在 x 上）。",
    },
    "res_shape": {
        "en": "the block's output has shape {got}, expected {want}: x + F(x) keeps x's shape "
        "(padding='same', as many kernels as channels).",
        "zh": "块输出的形状是 {got}，应为 {want}：x + F(x) 保持 x 的形状"
        "（padding='same'，卷积核个数等于通道数）。",
    },
    "res_params": {
        "en": "the block has {got} parameters, expected {want}: two 3x3 convolutions with C "
        "kernels each.",
        "zh": "这个块有 {got} 个参数，应为 {want}：两个 3x3 卷积，各有 C 个卷积核。",
    },
    "not_identity": {
        "en": "with every weight set to zero, the block should let x through unchanged "
        "(x + 0). Is x added with Add, and no activation after the Add?",
        "zh": "所有权重都设为零时，这个块应让 x 原样通过（x + 0）。x 是用 Add 加上去的吗？"
        "Add 之后没有再加激活吧？",
    },
    "res_values": {
        "en": "the block computes something else than x + conv(relu(conv(x))) "
        "(largest difference {err:.3g}).",
        "zh": "这个块算出的不是 x + conv(relu(conv(x)))（最大差异 {err:.3g}）。",
    },
    "res_ok": {
        "en": "residual_block keeps the shape, is the identity at zero weights and matches "
        "x + F(x).",
        "zh": "residual_block 保持了形状，权重为零时是恒等映射，并且与 x + F(x) 一致。",
    },
}


def check_conv_params(conv_params, lang="en"):
    """Check ``conv_params(kernel_size, in_channels, filters)`` against ``Conv2D.count_params``."""
    cases = [(7, 3, 32), (3, 16, 8), (1, 5, 4), (5, 1, 6)]
    for k, c, f in cases:
        layer = Conv2D(f, (k, k))
        layer(Input((k + 2, k + 2, c)))
        want = layer.count_params()
        got = call_student(conv_params, "conv_params", k, c, f, lang=lang)
        if got != want:
            hint = say(MESSAGES, "no_bias", lang) if got == k * k * c * f else ""
            fail(say(MESSAGES, "conv_wrong", lang, k=k, c=c, f=f, got=got, want=want, hint=hint))
    passed(say(MESSAGES, "conv_ok", lang, n=len(cases)))


def _bn_steps_needed(coverage, momentum):
    """Run a real BatchNormalization layer until its moving mean covers ``coverage`` of the way."""
    layer = BatchNormalization(momentum=momentum)
    batch = np.ones((4, 1), dtype="float64")  # data mean 1, moving mean starts at 0
    layer(batch)  # builds the layer; inference mode leaves the moving mean at 0
    steps = 0
    while float(layer.get_weights()[2][0]) < coverage - 1e-6:
        layer(batch, training=True)
        steps += 1
    return steps


def check_bn_steps(bn_steps, lang="en"):
    """Check ``bn_steps(coverage, momentum)`` by running a `BatchNormalization` layer."""
    cases = [(0.95, 0.99), (0.5, 0.9), (0.99, 0.9), (0.8, 0.95)]
    for coverage, momentum in cases:
        got = call_student(bn_steps, "bn_steps", coverage, momentum, lang=lang)
        n = _bn_steps_needed(coverage, momentum)  # the layer itself decides
        if got != n:
            hint = say(MESSAGES, "off_by_one", lang) if got in (n - 1, n + 1) else ""
            fail(
                say(
                    MESSAGES,
                    "steps_wrong",
                    lang,
                    cov=coverage,
                    m=momentum,
                    got=got,
                    want=n,
                    hint=hint,
                )
            )
    passed(say(MESSAGES, "steps_ok", lang, n=len(cases)))


def check_residual_block(residual_block, lang="en"):
    """Check ``residual_block(x)``: ``x + conv(relu(conv(x)))``, shape kept."""
    x = Input((6, 6, 3))
    out = call_student(residual_block, "residual_block", x, lang=lang)
    if not hasattr(out, "_keras_history"):
        fail(say(MESSAGES, "not_tensor", lang, got=out))
    if tuple(out.shape) != x.shape:
        fail(say(MESSAGES, "res_shape", lang, got=tuple(out.shape), want=x.shape))
    block = Model(x, out)
    want_params = 2 * (3 * 3 * 3 * 3 + 3)
    if block.count_params() != want_params:
        fail(say(MESSAGES, "res_params", lang, got=block.count_params(), want=want_params))
    data = np.random.default_rng(9).normal(size=(2, 6, 6, 3)).astype("float32")
    weights = block.get_weights()
    block.set_weights([np.zeros_like(w) for w in weights])
    if not np.allclose(block.predict(data, verbose=0), data, atol=1e-6):
        fail(say(MESSAGES, "not_identity", lang))
    block.set_weights(weights)
    ref_in = Input((6, 6, 3))
    f = Conv2D(3, (3, 3), padding="same", activation="relu")(ref_in)
    reference = Model(ref_in, Add()([ref_in, Conv2D(3, (3, 3), padding="same")(f)]))
    reference.set_weights(weights)
    error = np.abs(block.predict(data, verbose=0) - reference.predict(data, verbose=0)).max()
    if error > 1e-4:
        fail(say(MESSAGES, "res_values", lang, err=float(error)))
    passed(say(MESSAGES, "res_ok", lang))
