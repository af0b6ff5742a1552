"""Checks for lesson 05 (common pitfalls, part one): scaled inputs, a shuffled split, the test set.

Each check takes the student's function, tries it on cases whose answer it
computes itself, and prints a "✔" line or raises `ExerciseFailed` with a hint
(in English, or Chinese with ``lang="zh"``).

Example:
    >>> import numpy as np
    >>> from kerasedu.exercises import ExerciseFailed, lesson05
    >>> try:
    ...     lesson05.check_prepare_images(lambda images: None)
    ... except ExerciseFailed as error:
    ...     print(error)
    prepare_images returned None: return a NumPy array.
"""

import numpy as np

from kerasedu.exercises import call_student, fail, passed
from kerasedu.layers import Dense
from kerasedu.models import Sequential

MESSAGES = {
    "not_array": (
        "prepare_images returned {got}: return a NumPy array.",
        "prepare_images 返回了 {got}：请返回一个 NumPy 数组。",
    ),
    "image_shape": (
        "For {n} images of {h}x{w} pixels, prepare_images returned shape {got}; expected "
        "({n}, {hw}): one row of h * w values per image (reshape(len(images), -1)).",
        "{n} 张 {h}x{w} 像素的图片，prepare_images 返回的形状是 {got}；应该是 ({n}, {hw})："
        "每张图片一行，共 h * w 个值（reshape(len(images), -1)）。",
    ),
    "image_dtype": (
        "The result has dtype {got}; the network computes in float32: use .astype('float32').",
        "结果的数据类型是 {got}；网络用 float32 计算：请用 .astype('float32')。",
    ),
    "image_range": (
        "The values go up to {top:g}: pixels must be scaled into [0, 1] by dividing by 255.",
        "数值最大到 {top:g}：像素要除以 255，缩放到 [0, 1] 之间。",
    ),
    "image_by_max": (
        "Pixel 255 should become 1.0 and pixel 100 should become {expected:.4f}, in every batch; "
        "yours depend on the batch. Divide by 255, not by the batch's largest value.",
        "像素 255 应变成 1.0，像素 100 应变成 {expected:.4f}，在任何批次里都一样；"
        "你的结果却随批次而变。请除以 255，而不是除以批次中的最大值。",
    ),
    "image_values": (
        "The values are not pixel / 255 (the first wrong value: {got:.4f} instead of "
        "{expected:.4f}); keep the pixels in their order, each divided by 255.",
        "数值不等于像素 / 255（第一个不对的值是 {got:.4f}，应为 {expected:.4f}）；"
        "像素顺序保持不变，每个都除以 255。",
    ),
    "image_ok": (
        "prepare_images turns raw pixels into float32 rows in [0, 1].",
        "prepare_images 把原始像素变成了 [0, 1] 之间的 float32 行向量。",
    ),
    "split_shape": (
        "shuffled_split returned {got!r}: return ((x_train, y_train), (x_val, y_val)).",
        "shuffled_split 返回了 {got!r}：请返回 ((x_train, y_train), (x_val, y_val))。",
    ),
    "split_size": (
        "With {n} samples and validation_fraction={fraction}, the validation set should "
        "hold {expected} samples, and the training set the rest; got {n_val} and {n_train}.",
        "{n} 个样本、validation_fraction={fraction} 时，验证集应有 {expected} 个样本，"
        "其余是训练集；实际是 {n_val} 和 {n_train}。",
    ),
    "split_lost": (
        "Some samples are missing or appear twice: every sample must be in exactly one "
        "of the two sets.",
        "有的样本丢了或者出现了两次：每个样本必须恰好属于两个集合中的一个。",
    ),
    "split_pairs": (
        "Samples and labels no longer match: shuffle x and y with the *same* permutation.",
        "样本和标签对不上了：x 和 y 要用*同一个*排列来打乱。",
    ),
    "split_one_class": (
        "The validation set of sorted data holds only the classes {classes}: shuffle before "
        "splitting, as in pitfall 1.",
        "排好序的数据，验证集里只有类别 {classes}：先打乱再划分，见第 1 个坑。",
    ),
    "split_seed": (
        "The split does not depend on `seed` as it should: the same seed must give the same "
        "split, and another seed another split.",
        "划分没有正确地依赖 `seed`：同一个种子应得到同样的划分，换一个种子应得到不同的划分。",
    ),
    "split_ok": (
        "shuffled_split gives a validation set with every class, and keeps the pairs together.",
        "shuffled_split 得到的验证集包含所有类别，样本和标签也没有错位。",
    ),
    "choice_pair": (
        "choose_and_test returned {got}: return a pair (name, test_accuracy), the name being "
        "one of the keys of `models`.",
        "choose_and_test 返回了 {got}：请返回一对值 (name, test_accuracy)，"
        "name 是 `models` 的键之一。",
    ),
    "test_many": (
        "The test set was used on {count} models ({names}): it is for the chosen model only, "
        "once, at the very end. Choose on the validation set first.",
        "测试集被用在了 {count} 个模型上（{names}）：它只属于选定的那个模型，而且只在最后用一次。"
        "请先在验证集上做选择。",
    ),
    "chose_on_test": (
        "You chose {name}, the model with the best *test* accuracy: choose the one with the best "
        "*validation* accuracy; the test set only reports.",
        "你选了 {name}，它是*测试*准确率最高的模型：应该选*验证*准确率最高的那个；"
        "测试集只负责报告。",
    ),
    "wrong_choice": (
        "You chose {name}, but another model has a higher validation accuracy "
        "(evaluate(x_val, y_val) returns [loss, accuracy]).",
        "你选了 {name}，可是另一个模型的验证准确率更高"
        "（evaluate(x_val, y_val) 返回 [loss, accuracy]）。",
    ),
    "test_value": (
        "For {name} you returned the accuracy {got}; its accuracy on the *test* set is another "
        "number: evaluate the chosen model on (x_test, y_test).",
        "你为 {name} 返回的准确率是 {got}；它在*测试集*上的准确率不是这个数："
        "请用选定的模型在 (x_test, y_test) 上做评估。",
    ),
    "choice_ok": (
        "choose_and_test decides on the validation set and touches the test set once.",
        "choose_and_test 在验证集上做决定，测试集只用了一次。",
    ),
}


def say(key, lang="en", **values):
    """The message ``key`` in ``lang`` ("en" or "zh"), filled with ``values``."""
    english, chinese = MESSAGES[key]
    return (chinese if lang == "zh" else english).format(**values)


def _check_images(prepare_images, images, lang):
    got = call_student(prepare_images, "prepare_images", images.copy(), lang=lang)
    if not isinstance(got, np.ndarray):
        fail(say("not_array", lang, got=type(got).__name__ if got is not None else None))
    n, h, w = images.shape
    if got.shape != (n, h * w):
        fail(say("image_shape", lang, n=n, h=h, w=w, hw=h * w, got=got.shape))
    if got.dtype != np.float32:
        fail(say("image_dtype", lang, got=got.dtype))
    if float(got.max()) > 1:
        fail(say("image_range", lang, top=float(got.max())))
    return got


def check_prepare_images(prepare_images, lang="en"):
    """Exercise 1: ``prepare_images(images)`` turns (N, H, W) uint8 pixels into float32 rows."""
    rng = np.random.default_rng(3)
    for n, h, w, top in [(5, 28, 28, 255), (3, 4, 6, 255), (4, 5, 5, 200)]:
        images = rng.integers(0, top + 1, size=(n, h, w)).astype("uint8")
        images[0, 0, :2] = (100, top)  # a known pixel, and the batch's largest value
        got = _check_images(prepare_images, images, lang)
        expected = images.reshape(n, -1).astype("float32") / 255
        if not np.allclose(got, expected, atol=1e-6):
            if np.isclose(got[0, 1], 1.0) and top != 255:
                fail(say("image_by_max", lang, expected=100 / 255))
            first = np.flatnonzero(~np.isclose(got, expected, atol=1e-6))[0]
            fail(say("image_values", lang, got=got.flat[first], expected=expected.flat[first]))
    passed(say("image_ok", lang))


def _sorted_data(n, classes):
    """Sorted by label; column 0 repeats the label, column 1 numbers the sample."""
    y = np.repeat(np.arange(classes), n // classes)
    x = np.stack([y, np.arange(n)], axis=1).astype("float32")
    return x, y


def _split(shuffled_split, x, y, fraction, seed, lang):
    got = call_student(shuffled_split, "shuffled_split", x, y, fraction, seed, lang=lang)
    try:
        (x_train, y_train), (x_val, y_val) = got
    except (TypeError, ValueError):
        fail(say("split_shape", lang, got=type(got).__name__))
    return [np.asarray(a) for a in (x_train, y_train, x_val, y_val)]


def check_shuffled_split(shuffled_split, lang="en"):
    """Exercise 2: ``shuffled_split(x, y, validation_fraction, seed)`` shuffles, then splits."""
    for n, classes, fraction in [(1000, 4, 0.25), (300, 3, 0.1)]:
        x, y = _sorted_data(n, classes)
        x_train, y_train, x_val, y_val = _split(shuffled_split, x, y, fraction, 0, lang)
        sizes = {n - int(n * (1 - fraction)), int(n * fraction), round(n * fraction)}
        if len(x_val) not in sizes or len(x_train) + len(x_val) != n:
            expected = round(n * fraction)
            fail(say("split_size", lang, n=n, fraction=fraction, expected=expected,
                     n_val=len(x_val), n_train=len(x_train)))  # fmt: skip
        ids = np.concatenate([x_train[:, 1], x_val[:, 1]])
        if not np.array_equal(np.sort(ids), np.arange(n)):
            fail(say("split_lost", lang))
        if not (np.array_equal(x_train[:, 0], y_train) and np.array_equal(x_val[:, 0], y_val)):
            fail(say("split_pairs", lang))
        if len(np.unique(y_val)) < classes:
            fail(say("split_one_class", lang, classes=np.unique(y_val).tolist()))
        again = _split(shuffled_split, x, y, fraction, 0, lang)[2]
        other = _split(shuffled_split, x, y, fraction, 1, lang)[2]
        if not np.array_equal(again, x_val) or np.array_equal(other, x_val):
            fail(say("split_seed", lang))
    passed(say("split_ok", lang))


def _threshold_model(threshold):
    """A fixed classifier of 1-D points: class 1 above ``threshold``, class 0 below."""
    model = Sequential([Dense(2, activation="softmax", input_shape=(1,))])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    steep = 20.0
    model.set_weights([np.array([[0.0, steep]]), np.array([0.0, -steep * threshold])])
    return model


def _watch_test_set(models, x_test):
    """Record in ``touched`` the names of the models whose evaluate/predict saw ``x_test``."""
    touched = set()
    for name, model in models.items():
        for method in ("evaluate", "predict", "test_on_batch", "predict_on_batch"):
            original = getattr(model, method)

            def watched(x, *args, _original=original, _name=name, **kwargs):
                if np.shape(x) == x_test.shape and np.array_equal(x, x_test):
                    touched.add(_name)
                return _original(x, *args, **kwargs)

            setattr(model, method, watched)  # this model only: its class keeps the method
    return touched


def _choice_case(thresholds, val_boundary, test_boundary):
    """Models named after letters; validation and test sets whose best models differ."""
    x_val = np.linspace(-3, 3, 61, dtype="float32").reshape(-1, 1)
    x_test = x_val[:-1] + 0.05  # other points: the check recognises the test set by them
    validation = x_val, (x_val[:, 0] > val_boundary).astype("int64")
    test = x_test, (x_test[:, 0] > test_boundary).astype("int64")
    models = {f"model_{letter}": _threshold_model(t) for letter, t in zip("pqrs", thresholds)}
    return models, validation, test


def check_choose_and_test(choose_and_test, lang="en"):
    """Exercise 3: ``choose_and_test(models, validation, test)`` -> ``(name, test_accuracy)``."""
    for thresholds, val_boundary, test_boundary in [
        ((1.0, 0.0, -1.0), 0.05, 1.05),
        ((-1.5, 0.5, 1.5, -0.5), -1.45, 0.55),
    ]:
        models, validation, test = _choice_case(thresholds, val_boundary, test_boundary)
        val_acc = {n: m.evaluate(*validation, verbose=0)[1] for n, m in models.items()}
        test_acc = {n: m.evaluate(*test, verbose=0)[1] for n, m in models.items()}
        touched = _watch_test_set(models, test[0])
        got = call_student(choose_and_test, "choose_and_test", models, validation, test, lang=lang)
        if not (isinstance(got, tuple | list) and len(got) == 2 and got[0] in models):
            fail(say("choice_pair", lang, got=repr(got)))
        name, accuracy = got
        if name != max(val_acc, key=val_acc.get):
            key = "chose_on_test" if name == max(test_acc, key=test_acc.get) else "wrong_choice"
            fail(say(key, lang, name=name))
        if len(touched) > 1:
            fail(say("test_many", lang, count=len(touched), names=", ".join(sorted(touched))))
        if not np.isclose(float(accuracy), test_acc[name], atol=1e-4):
            fail(say("test_value", lang, name=name, got=accuracy))
    passed(say("choice_ok", lang))
