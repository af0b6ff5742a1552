"""Lesson 07's checks: pass a right answer, fail with their own hint on the stub and wrong ones."""

import json

import numpy as np
import pytest

from kerasedu.exercises import ExerciseFailed, lesson07
from kerasedu.optimizers import Adam


def stub(*args, **kwargs):
    raise NotImplementedError()


def fails(check, answer, *args, lang="en"):
    with pytest.raises(ExerciseFailed) as error:
        check(answer, *args, lang=lang)
    return str(error.value)


def best_epoch_from(key, first=1):
    def best_epoch(path):
        with open(path) as f:
            values = json.load(f)[key]
        best = int(np.argmin(values))
        return best + first, values[best]

    return best_epoch


def test_best_epoch(capsys):
    lesson07.check_best_epoch(best_epoch_from("val_loss"))
    assert "✔" in capsys.readouterr().out
    assert "not written yet" in fails(lesson07.check_best_epoch, stub)
    assert "counted from 1" in fails(lesson07.check_best_epoch, best_epoch_from("val_loss", 0))
    message = fails(lesson07.check_best_epoch, best_epoch_from("loss"), lang="zh")
    assert "验证*损失" in message


def step_decay_maker(shift=0, integer=True):
    def make_step_decay(initial, drop, every):
        def schedule(epoch, lr):
            steps = (epoch + shift) // every if integer else (epoch + shift) / every
            return initial * drop**steps

        return schedule

    return make_step_decay


def test_step_decay(capsys):
    lesson07.check_step_decay(step_decay_maker())
    assert "✔" in capsys.readouterr().out
    assert "not written yet" in fails(lesson07.check_step_decay, stub)
    assert "integer division" in fails(lesson07.check_step_decay, step_decay_maker(integer=False))
    assert "one epoch early" in fails(lesson07.check_step_decay, step_decay_maker(shift=1))


def test_step_decay_that_is_no_function_or_crashes():
    assert "return a function" in fails(lesson07.check_step_decay, lambda i, d, e: i)
    crashing = lesson07.check_step_decay, lambda i, d, e: lambda epoch, lr: 1 / 0
    assert "ZeroDivisionError" in fails(*crashing)


def generator_of(forever=True, drop_last=False, shuffle=True):
    def batch_generator(x, y, batch_size):
        while True:
            order = np.random.permutation(len(x)) if shuffle else np.arange(len(x))
            stop = len(x) - len(x) % batch_size if drop_last else len(x)
            for start in range(0, stop, batch_size):
                batch = order[start : start + batch_size]
                yield x[batch], y[batch]
            if not forever:
                return

    return batch_generator


def generator_stub(x, y, batch_size):
    raise NotImplementedError()
    yield


def test_batch_generator(capsys):
    lesson07.check_batch_generator(generator_of())
    assert "✔" in capsys.readouterr().out
    assert "not written yet" in fails(lesson07.check_batch_generator, generator_stub)
    assert "while True" in fails(lesson07.check_batch_generator, generator_of(forever=False))
    assert "same order" in fails(lesson07.check_batch_generator, generator_of(shuffle=False))


def test_batch_generator_that_drops_the_last_batch():
    message = fails(lesson07.check_batch_generator, generator_of(drop_last=True))
    assert "last, smaller batch" in message or "stopped" in message


def freezer(layers=slice(None, -1), compile_again=True, learning_rate=0.001):
    def freeze_all_but_last(model, loss):
        for layer in model.layers[layers]:
            layer.trainable = False
        if compile_again:
            model.compile(optimizer=Adam(learning_rate=learning_rate), loss=loss)

    return freeze_all_but_last


def test_freeze_all_but_last(capsys):
    lesson07.check_freeze_all_but_last(freezer())
    assert "✔" in capsys.readouterr().out
    assert "not written yet" in fails(lesson07.check_freeze_all_but_last, stub)
    message = fails(lesson07.check_freeze_all_but_last, freezer(compile_again=False))
    assert "only after a new compile" in message
    assert "[False, True, True]" in fails(lesson07.check_freeze_all_but_last, freezer(slice(0, 1)))
    assert "[False, False, False]" in fails(
        lesson07.check_freeze_all_but_last, freezer(slice(None))
    )
    message = fails(lesson07.check_freeze_all_but_last, freezer(learning_rate=0.0), lang="zh")
    assert "最后一层没有学习" in message
