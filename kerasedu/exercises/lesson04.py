"""Checks for lesson 04 (concatenate and axes): shapes, channels, the gradient's split, a model.

Every check computes the right answer itself, with NumPy or kerasedu, and compares.

Example:
    >>> check_concat_shape(lambda shapes, axis: (2, 4, 2))
    Traceback (most recent call last):
    ...
    kerasedu.exercises.ExerciseFailed: concat_shape([(2, 2, 2), (2, 2, 2)], axis=0) ...
"""

import numpy as np

from kerasedu.autograd import Tensor, concatenate
from kerasedu.exercises import call_student, fail, passed, say
from kerasedu.layers import Concatenate
from kerasedu.models import Model

TARGET_MSE = 0.01  # the two-input model's goal on fresh data; a linear model stays near 0.3

MESSAGES = {
    "shape_wrong": {
        "en": "concat_shape({shapes}, axis={axis}) returned {got}, expected {want}.{hint}",
        "zh": "concat_shape({shapes}, axis={axis}) 返回 {got}，应为 {want}。{hint}",
    },
    "negative": {
        "en": " For a tensor with n axes, axis -k is axis n - k.",
        "zh": " 对有 n 个轴的张量，-k 号轴就是 n - k 号轴。",
    },
    "no_error": {
        "en": "concat_shape({shapes}, axis={axis}) returned {got}, but these tensors cannot be "
        "concatenated: raise a ValueError ({why}).",
        "zh": "concat_shape({shapes}, axis={axis}) 返回了 {got}，但这些张量无法拼接："
        "应该抛出 ValueError（{why}）。",
    },
    "why_axes": {
        "en": "every axis but the joined one must match",
        "zh": "除了拼接的轴，其余各轴必须相同",
    },
    "why_range": {"en": "there is no such axis", "zh": "不存在这个轴"},
    "shape_ok": {
        "en": "concat_shape predicts all {n} shapes and refuses the {m} impossible joins.",
        "zh": "concat_shape 预测对了全部 {n} 个形状，并拒绝了 {m} 个无法进行的拼接。",
    },
    "rgb_shape": {
        "en": "to_rgb on channels of shape {inp} returned shape {got}, expected {want}.{hint}",
        "zh": "输入通道形状为 {inp} 时，to_rgb 返回的形状是 {got}，应为 {want}。{hint}",
    },
    "channels_first": {
        "en": " The colour channels go last (channels_last, Keras's default).",
        "zh": " 颜色通道应放在最后（channels_last，Keras 的默认）。",
    },
    "batch_axis": {
        "en": " It works for one image but not for a batch: an axis counted from the end "
        "stays the same when a batch axis is added in front.",
        "zh": " 对一张图可以，对一批图就不行了：从后往前数的轴，在前面加上批次轴之后仍指同一个轴。",
    },
    "rgb_values": {
        "en": "to_rgb returns the right shape, but [..., {k}] is not the {name} channel.",
        "zh": "to_rgb 的形状对了，但 [..., {k}] 不是{name}通道。",
    },
    "rgb_ok": {
        "en": "to_rgb works for one image and for a batch.",
        "zh": "to_rgb 对单张图和一批图都正确。",
    },
    "pieces": {
        "en": "concat_backward returned {got} pieces for {n} inputs: one gradient per input.",
        "zh": "concat_backward 对 {n} 个输入返回了 {got} 段：每个输入要有一个梯度。",
    },
    "piece_shape": {
        "en": "For inputs of shapes {shapes} joined on axis {axis}, the gradient of input {i} "
        "has shape {got}, expected {want}: each piece has the shape of its input. Did you "
        "cut along the right axis?",
        "zh": "形状为 {shapes} 的输入沿 {axis} 号轴拼接时，第 {i} 个输入的梯度形状是 {got}，"
        "应为 {want}：每一段的形状都和它的输入相同。是不是沿错了轴去切？",
    },
    "piece_values": {
        "en": "For inputs of shapes {shapes} joined on axis {axis}, the gradient of input {i} "
        "has the right shape but holds the wrong part of grad.",
        "zh": "形状为 {shapes} 的输入沿 {axis} 号轴拼接时，第 {i} 个输入的梯度形状对了，"
        "但取错了 grad 中的那一段。",
    },
    "backward_ok": {
        "en": "concat_backward splits the gradient exactly as autograd does.",
        "zh": "concat_backward 切分梯度的方式与自动求导完全一致。",
    },
    "two_inputs": {
        "en": "build_model must return a Model with two inputs, of shapes (None, 3) and "
        "(None, 2); it returned {got}.",
        "zh": "build_model 应返回一个有两个输入的 Model，形状分别为 (None, 3) 和 (None, 2)；"
        "它返回的是 {got}。",
    },
    "no_concat": {
        "en": "Your model has no Concatenate layer: join the two inputs with Concatenate().",
        "zh": "你的模型里没有 Concatenate 层：请用 Concatenate() 把两个输入接起来。",
    },
    "mse_high": {
        "en": "After {epochs} epochs the test MSE is {mse:.4f}, above the target {target}. The "
        "target multiplies one input by the other, which a linear model cannot do (its MSE "
        "stays near 0.3): after the join you need a hidden layer with a nonlinear activation. "
        "If you have one, a larger learning rate (Adam(0.01)) may learn faster.",
        "zh": "训练 {epochs} 轮后，测试集上的 MSE 是 {mse:.4f}，高于目标 {target}。目标值是"
        "一个输入乘以另一个输入，线性模型做不到（MSE 停在 0.3 左右）：拼接之后需要一个带非线性"
        "激活函数的隐藏层。如果已经有了，更大的学习率（Adam(0.01)）可能学得更快。",
    },
    "model_ok": {
        "en": "Test MSE {mse:.4f} after {epochs} epochs (target < {target}).",
        "zh": "训练 {epochs} 轮后测试集 MSE 为 {mse:.4f}（目标 < {target}）。",
    },
}


def as_array(value):
    """A NumPy array from the student's result (a Tensor, an array or a list)."""
    return np.asarray(value.data if isinstance(value, Tensor) else value)


SHAPE_CASES = [  # (input shapes, axis): the answers come from np.concatenate
    ([(2, 2, 2), (2, 2, 2)], 0),
    ([(2, 2, 2), (2, 2, 2)], -2),
    ([(2, 3), (2, 5)], -1),
    ([(4, 8, 8, 1), (4, 8, 8, 2), (4, 8, 8, 3)], -1),
    ([(1, 3), (6, 3)], 0),
    ([(5,), (2,)], -1),
    ([(2, 3, 1), (2, 4, 1)], -2),
]
IMPOSSIBLE = [  # (input shapes, axis, why the join is impossible)
    ([(2, 3), (2, 5)], 0, "why_axes"),
    ([(2, 3), (4, 3)], -1, "why_axes"),
    ([(2, 3), (2, 3)], 2, "why_range"),
    ([(2, 3), (2, 3)], -3, "why_range"),
]


def check_concat_shape(concat_shape, lang="en"):
    """Check ``concat_shape(shapes, axis)``: the shape of a concatenation, or ValueError."""
    for shapes, axis in SHAPE_CASES:
        want = np.concatenate([np.zeros(s) for s in shapes], axis=axis).shape
        got = call_student(concat_shape, "concat_shape", shapes, axis, lang=lang)
        if not isinstance(got, (tuple, list)) or tuple(got) != want:
            hint = say(MESSAGES, "negative", lang) if axis < 0 else ""
            values = dict(shapes=shapes, axis=axis, got=got, want=want, hint=hint)
            fail(say(MESSAGES, "shape_wrong", lang, **values))
    for shapes, axis, why in IMPOSSIBLE:
        got = None
        try:
            got = concat_shape(shapes, axis)
        except ValueError:
            continue
        except Exception:  # another error: call_student describes it
            call_student(concat_shape, "concat_shape", shapes, axis, lang=lang)
        why = say(MESSAGES, why, lang)
        fail(say(MESSAGES, "no_error", lang, shapes=shapes, axis=axis, got=got, why=why))
    passed(say(MESSAGES, "shape_ok", lang, n=len(SHAPE_CASES), m=len(IMPOSSIBLE)))


def check_to_rgb(to_rgb, lang="en"):
    """Check ``to_rgb(red, green, blue)``: channels ``(..., H, W)`` into ``(..., H, W, 3)``."""
    rng = np.random.default_rng(4)
    names = {"en": ("red", "green", "blue"), "zh": ("红色", "绿色", "蓝色")}[lang]
    for shape in [(2, 3), (4, 2, 3)]:  # one image, then a batch of 4
        channels = [rng.uniform(size=shape).astype("float32") for _ in range(3)]
        got = as_array(call_student(to_rgb, "to_rgb", *channels, lang=lang))
        want = np.stack(channels, axis=-1)
        if got.shape != want.shape:
            hint = ""
            if got.shape == (3, *shape):
                hint = say(MESSAGES, "channels_first", lang)
            elif len(shape) == 3:
                hint = say(MESSAGES, "batch_axis", lang)
            values = dict(inp=shape, got=got.shape, want=want.shape, hint=hint)
            fail(say(MESSAGES, "rgb_shape", lang, **values))
        for k, name in enumerate(names):
            if not np.allclose(got[..., k], channels[k]):
                hint = say(MESSAGES, "batch_axis", lang) if len(shape) == 3 else ""
                fail(say(MESSAGES, "rgb_values", lang, k=k, name=name) + hint)
    passed(say(MESSAGES, "rgb_ok", lang))


def check_concat_backward(concat_backward, lang="en"):
    """Check ``concat_backward(grad, sizes, axis)``: the gradient split back among the inputs."""
    rng = np.random.default_rng(5)
    cases = [
        ([(2, 2, 2), (2, 2, 2)], 1),
        ([(2, 3), (2, 5)], -1),
        ([(1, 4), (3, 4), (2, 4)], 0),
        ([(2, 1, 3), (2, 2, 3)], -2),
    ]
    for shapes, axis in cases:
        inputs = [Tensor(rng.normal(size=s), requires_grad=True) for s in shapes]
        joined = concatenate(inputs, axis=axis)
        grad = rng.normal(size=joined.shape)
        joined.backward(grad)
        sizes = [s[axis] for s in shapes]
        pieces = call_student(concat_backward, "concat_backward", grad, sizes, axis, lang=lang)
        if not isinstance(pieces, (tuple, list)) or len(pieces) != len(shapes):
            count = len(pieces) if isinstance(pieces, (tuple, list)) else type(pieces).__name__
            fail(say(MESSAGES, "pieces", lang, got=count, n=len(shapes)))
        for i, (piece, tensor) in enumerate(zip(pieces, inputs)):
            piece = as_array(piece)
            values = dict(shapes=shapes, axis=axis, i=i, got=piece.shape, want=tensor.shape)
            if piece.shape != tensor.shape:
                fail(say(MESSAGES, "piece_shape", lang, **values))
            if not np.allclose(piece, tensor.grad):
                fail(say(MESSAGES, "piece_values", lang, **values))
    passed(say(MESSAGES, "backward_ok", lang))


def join_data(n, rng):
    """``([left (n, 3), right (n, 2)], y (n, 1))``: y multiplies the two inputs together."""
    left = rng.uniform(-1, 1, size=(n, 3)).astype("float32")
    right = rng.uniform(-1, 1, size=(n, 2)).astype("float32")
    y = np.sin(2 * left[:, 0]) * right[:, 0] + left[:, 1] * right[:, 1] + 0.5 * left[:, 2]
    return [left, right], y.reshape(-1, 1).astype("float32")


def check_build_model(build_model, lang="en", epochs=30):
    """Train the compiled two-input model of ``build_model()``; check its test MSE."""
    np.random.seed(0)  # the same initial weights in every run
    model = call_student(build_model, "build_model", lang=lang)
    shapes = [tuple(t.shape) for t in model.inputs] if isinstance(model, Model) else None
    if shapes != [(None, 3), (None, 2)]:
        fail(say(MESSAGES, "two_inputs", lang, got=shapes or type(model).__name__))
    if not any(isinstance(layer, Concatenate) for layer in model.layers):
        fail(say(MESSAGES, "no_concat", lang))
    rng = np.random.default_rng(10)
    (x, y), (x_test, y_test) = join_data(1024, rng), join_data(512, rng)
    fit = lambda: model.fit(x, y, epochs=epochs, batch_size=32, verbose=0)  # noqa: E731
    call_student(fit, "model.fit", lang=lang)
    mse = float(np.mean((model.predict(x_test, verbose=0) - y_test) ** 2))
    values = dict(mse=mse, epochs=epochs, target=TARGET_MSE)
    if not mse < TARGET_MSE:  # also catches nan
        fail(say(MESSAGES, "mse_high", lang, **values))
    passed(say(MESSAGES, "model_ok", lang, **values))
