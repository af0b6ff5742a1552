"""Lesson 05's checks: pass a right answer, fail with their own hint on the stub and wrong ones."""

import numpy as np
import pytest

from kerasedu.exercises import ExerciseFailed, lesson05


def stub(*args, **kwargs):
    raise NotImplementedError()


def fails(check, answer, *args, lang="en"):
    with pytest.raises(ExerciseFailed) as error:
        check(answer, *args, lang=lang)
    return str(error.value)


def prepare_images(images):
    return images.reshape(len(images), -1).astype("float32") / 255


def test_prepare_images(capsys):
    lesson05.check_prepare_images(prepare_images)
    assert "✔" in capsys.readouterr().out
    assert "not written yet" in fails(lesson05.check_prepare_images, stub)
    assert "return a NumPy array" in fails(lesson05.check_prepare_images, lambda im: None)


@pytest.mark.parametrize(
    "wrong, hint",
    [
        (lambda im: im.reshape(len(im), -1) / 255, "astype('float32')"),
        (lambda im: im.reshape(len(im), -1).astype("float32"), "dividing by 255"),
        (lambda im: im.astype("float32") / 255, "expected (5, 784)"),
        (lambda im: (im / im.max()).reshape(len(im), -1).astype("float32"), "largest value"),
        (lambda im: prepare_images(im.transpose(0, 2, 1)), "keep the pixels in their order"),
    ],
)
def test_prepare_images_explains_the_mistake(wrong, hint):
    assert hint in fails(lesson05.check_prepare_images, wrong)


def test_prepare_images_answers_in_chinese():
    message = fails(lesson05.check_prepare_images, lambda im: im.reshape(len(im), -1), lang="zh")
    assert "数据类型" in message


def splitter(shuffle="together"):
    def shuffled_split(x, y, validation_fraction=0.25, seed=0):
        rng = np.random.default_rng(seed)
        if shuffle == "together":
            order = rng.permutation(len(x))
            x, y = x[order], y[order]
        elif shuffle == "apart":
            x, y = x[rng.permutation(len(x))], y[rng.permutation(len(y))]
        split = int(len(x) * (1 - validation_fraction))
        return (x[:split], y[:split]), (x[split:], y[split:])

    return shuffled_split


def test_shuffled_split(capsys):
    lesson05.check_shuffled_split(splitter())
    assert "✔" in capsys.readouterr().out
    assert "not written yet" in fails(lesson05.check_shuffled_split, stub)
    assert "only the classes [3]" in fails(lesson05.check_shuffled_split, splitter("no"))
    assert "same* permutation" in fails(lesson05.check_shuffled_split, splitter("apart"))


def chooser(by="validation", report="test", test_all=False):
    def choose_and_test(models, validation, test):
        on = {"validation": validation, "test": test}
        scores = {name: m.evaluate(*on[by], verbose=0)[1] for name, m in models.items()}
        if test_all:
            for model in models.values():
                model.evaluate(*test, verbose=0)
        best = max(scores, key=scores.get)
        return best, models[best].evaluate(*on[report], verbose=0)[1]

    return choose_and_test


def test_choose_and_test(capsys):
    lesson05.check_choose_and_test(chooser())
    assert "✔" in capsys.readouterr().out
    assert "not written yet" in fails(lesson05.check_choose_and_test, stub)
    assert "*test* accuracy" in fails(lesson05.check_choose_and_test, chooser(by="test"))
    assert "used on 3 models" in fails(lesson05.check_choose_and_test, chooser(test_all=True))
    message = fails(lesson05.check_choose_and_test, chooser(report="validation"))
    assert "on the *test* set" in message
    assert "return a pair" in fails(lesson05.check_choose_and_test, lambda m, v, t: "model_p")


def test_choose_and_test_catches_a_model_that_is_not_the_best():
    def worst(models, validation, test):
        scores = {name: m.evaluate(*validation, verbose=0)[1] for name, m in models.items()}
        name = sorted(scores, key=scores.get)[len(scores) // 2 - 1]
        return name, models[name].evaluate(*test, verbose=0)[1]

    message = fails(lesson05.check_choose_and_test, worst, lang="zh")
    assert "测试" in message or "验证准确率更高" in message
