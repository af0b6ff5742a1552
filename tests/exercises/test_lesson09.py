"""Lesson 09's checks: pass on a right answer, fail with a precise hint on stubs and slips."""

import pytest

from kerasedu.exercises import ExerciseFailed, lesson09
from kerasedu.layers import Activation, Add, Conv2D


def stub(*args, **kwargs):
    raise NotImplementedError()


def conv_params(kernel_size, in_channels, filters):
    return (kernel_size * kernel_size * in_channels + 1) * filters


def bn_steps(coverage, momentum=0.99):
    n = 0
    while 1 - momentum**n < coverage:
        n += 1
    return n


def residual_block(x):
    channels = x.shape[-1]
    f = Conv2D(channels, (3, 3), padding="same", activation="relu")(x)
    return Add()([x, Conv2D(channels, (3, 3), padding="same")(f)])


def test_right_answers_pass(capsys):
    lesson09.check_conv_params(conv_params)
    lesson09.check_bn_steps(bn_steps)
    lesson09.check_residual_block(residual_block, lang="zh")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all(line.startswith("✔ ") for line in lines)


@pytest.mark.parametrize("check", ["check_conv_params", "check_bn_steps", "check_residual_block"])
def test_stubs_fail_in_both_languages(check):
    with pytest.raises(ExerciseFailed, match="is not written yet"):
        getattr(lesson09, check)(stub)
    with pytest.raises(ExerciseFailed, match="还没有写"):
        getattr(lesson09, check)(stub, lang="zh")


def test_conv_params_without_bias():
    with pytest.raises(ExerciseFailed, match="one bias"):
        lesson09.check_conv_params(lambda k, c, f: k * k * c * f)


def test_bn_steps_one_too_many():
    with pytest.raises(ExerciseFailed, match="one step off"):
        lesson09.check_bn_steps(lambda cov, m=0.99: bn_steps(cov, m) + 1)


def test_residual_block_slips():
    def relu_after_add(x):
        return Activation("relu")(residual_block(x))

    def no_add(x):
        f = Conv2D(x.shape[-1], (3, 3), padding="same", activation="relu")(x)
        return Conv2D(x.shape[-1], (3, 3), padding="same")(f)

    def valid_padding(x):
        f = Conv2D(x.shape[-1], (3, 3), activation="relu")(x)
        return Conv2D(x.shape[-1], (3, 3))(f)

    with pytest.raises(ExerciseFailed, match="unchanged"):
        lesson09.check_residual_block(relu_after_add)
    with pytest.raises(ExerciseFailed, match="unchanged"):
        lesson09.check_residual_block(no_add)
    with pytest.raises(ExerciseFailed, match="keeps x's shape"):
        lesson09.check_residual_block(valid_padding)
    with pytest.raises(ExerciseFailed, match="must return the symbolic tensor"):
        lesson09.check_residual_block(lambda x: None)
