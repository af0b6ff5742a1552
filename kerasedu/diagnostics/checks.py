"""The individual teaching checks: each is small, named after the mistake, silent on correct code.

The training loop calls them at the right moments (compile, the first batch,
the end of the first epoch); they take plain values so each can be tested alone.

Example:
    >>> import numpy as np
    >>> check_input_scale(np.zeros((2, 4), dtype="float32"))  # scaled data: silent
"""

import numpy as np

from kerasedu.diagnostics import teach

CATEGORICAL_LOSSES = ("categorical_crossentropy", "CategoricalCrossentropy")
SPARSE_LOSSES = ("sparse_categorical_crossentropy", "SparseCategoricalCrossentropy")
BINARY_LOSSES = ("binary_crossentropy", "BinaryCrossentropy")


def check_single_unit_softmax(layer_name, units, activation_name):
    """1. softmax over one unit always outputs 1.0: the model can never learn."""
    if units == 1 and activation_name == "softmax":
        teach(
            "single_unit_softmax",
            f"Layer '{layer_name}' applies softmax to 1 unit, so it always outputs 1.0. For a "
            "yes/no output use Dense(1, activation='sigmoid') with binary_crossentropy.",
            f"层 '{layer_name}' 对 1 个单元做 softmax，输出永远是 1.0。二分类请用 Dense(1, "
            "activation='sigmoid') 配合 binary_crossentropy。",
            anchor="softmax-on-one-unit",
        )


def check_labels(loss_name, y_true, output_units, output_activation):
    """2. Labels that do not fit the loss (one-hot vs integer; binary loss on a softmax)."""
    y = np.asarray(y_true)
    if loss_name in CATEGORICAL_LOSSES and y.ndim >= 2 and y.shape[-1] == output_units > 1:
        row_sums = y.reshape(-1, output_units).sum(axis=1)
        if not np.allclose(row_sums, 1.0, atol=1e-3):
            teach(
                "label_format",
                "categorical_crossentropy expects one-hot labels whose rows sum to 1; some rows "
                f"sum to {float(row_sums.min()):g}..{float(row_sums.max()):g}. Build them with "
                "kerasedu.utils.to_categorical(y, num_classes).",
                "categorical_crossentropy 需要每行之和为 1 的 one-hot 标签；请用 "
                "kerasedu.utils.to_categorical(y, num_classes) 生成。",
                anchor="labels",
            )
    if loss_name in SPARSE_LOSSES and y.ndim >= 2 and y.shape[-1] == output_units > 1:
        teach(
            "label_format",
            "sparse_categorical_crossentropy expects integer class labels of shape (N,), but the "
            f"labels have shape {y.shape}, which looks one-hot. Use categorical_crossentropy for "
            "one-hot labels, or pass y.argmax(axis=-1).",
            "sparse_categorical_crossentropy 需要形状为 (N,) 的整数类别标签，而这些标签看起来是 "
            "one-hot。one-hot 标签请用 categorical_crossentropy，或传入 y.argmax(axis=-1)。",
            anchor="labels",
        )
    if loss_name in BINARY_LOSSES and output_activation == "softmax" and output_units > 1:
        teach(
            "label_format",
            f"binary_crossentropy on a softmax output of {output_units} units treats each unit as "
            "its own yes/no question. For one class out of several use categorical_crossentropy; "
            "for independent labels use sigmoid.",
            f"在 {output_units} 个单元的 softmax 输出上用 binary_crossentropy，会把每个单元当作独"
            "立的二分类。多选一请用 categorical_crossentropy；相互独立的标签请用 sigmoid。",
            anchor="labels",
        )


def check_input_scale(x_batch):
    """3. Images in 0..255 fed to a network without scaling."""
    x = np.asarray(x_batch)
    if x.dtype.kind not in "uif" or x.size == 0:
        return
    largest = float(x.max())
    integer_valued = x.dtype.kind in "ui" or bool(np.all(x == np.round(x)))
    if 10 < largest <= 255 and float(x.min()) >= 0 and integer_valued:
        teach(
            "input_scale",
            f"The first batch has values up to {largest:g}, like raw 0..255 pixels. Large inputs "
            "make training slow or unstable: scale them first, e.g. x = x.astype('float32') / "
            "255.",
            f"第一个批次的数值最大为 {largest:g}，像是未缩放的 0..255 像素。过大的输入会让训练变慢"
            "或不稳定：请先缩放，例如 x = x.astype('float32') / 255。",
            anchor="scale-inputs",
        )


def check_trainable_changed(compiled_flags, current_flags):
    """4. ``trainable`` changed after ``compile``: the change only counts after a new compile."""
    if current_flags == compiled_flags:  # the usual case: nothing changed
        return
    changed = [
        name for name, flag in current_flags.items() if compiled_flags.get(name, flag) != flag
    ]
    if changed:
        teach(
            "trainable_after_compile",
            f"trainable was changed on {changed} after compile(). As in Keras, the change takes "
            "effect only at the next compile(): call model.compile(...) again before fit().",
            f"compile() 之后修改了 {changed} 的 trainable。与 Keras 一样，这个修改要到下一次 "
            "compile() 才生效：请在 fit() 之前重新调用 model.compile(...)。",
            anchor="freezing-layers",
        )


def _class_ids(y):
    y = np.asarray(y)
    if y.ndim >= 2 and y.shape[-1] > 1:
        return y.argmax(axis=-1).ravel()
    return y.ravel()


def check_sorted_validation_split(y_train_part, y_val_part):
    """5. validation_split on data sorted by label: the validation set holds a single class."""
    val_classes = np.unique(_class_ids(y_val_part))
    train_classes = np.unique(_class_ids(y_train_part))
    if len(val_classes) == 1 and len(train_classes) > 1 and len(_class_ids(y_val_part)) > 1:
        teach(
            "sorted_validation_split",
            "validation_split took the LAST part of the data, and it holds only class "
            f"{val_classes[0].item()!r}: the data looks sorted by label. Shuffle it before fit "
            "(e.g. idx = np.random.permutation(len(x)); x, y = x[idx], y[idx]).",
            f"validation_split 取的是数据的最后一部分，而其中只有类别 {val_classes[0].item()!r}："
            "数据似乎按标签排好了序。请在 fit 之前打乱数据。",
            anchor="validation-split",
        )


def check_loss_health(step, loss, first_loss):
    """6a. Loss NaN, or exploding during the first steps: the learning rate is probably too high.

    Returns ``True`` if it warned, so the caller can stop watching.
    """
    if not np.isfinite(loss):
        return teach(
            "training_health",
            f"The loss became {loss} at step {step}. Usually the learning rate is too high or the "
            "inputs are not scaled; try a learning rate 10x lower. TerminateOnNaN stops such a "
            "run.",
            f"第 {step} 步损失变成了 {loss}。通常是学习率太大或输入没有缩放；试试把学习率降低 10 "
            "倍。",
            anchor="learning-rate",
        )
    if step <= 20 and first_loss > 0 and loss > 100 * first_loss:
        return teach(
            "training_health",
            f"The loss grew from {first_loss:.4g} to {loss:.4g} within {step} steps: training is "
            "diverging. Try a learning rate 10x lower.",
            f"损失在 {step} 步内从 {first_loss:.4g} 增长到 {loss:.4g}：训练正在发散。试试把学习率"
            "降低 10 倍。",
            anchor="learning-rate",
        )
    return False


def check_dead_relu(layer_names_all_zero):
    """6b. ReLU layers whose outputs are zero for every sample: the network has died."""
    if layer_names_all_zero:
        teach(
            "training_health",
            f"Every activation of {layer_names_all_zero} is 0 for a whole batch: these ReLU units "
            "are 'dead' and pass no gradient. Lower the learning rate, or use LeakyReLU / "
            "he_normal.",
            f"{layer_names_all_zero} 在整个批次上的激活全为 0：这些 ReLU 单元已经“死亡”，不再传递"
            "梯度。请降低学习率，或改用 LeakyReLU / he_normal 初始化。",
            anchor="learning-rate",
        )


def check_learning_rate_zero(learning_rate):
    """6c. A learning rate of 0: the weights never change, so the loss cannot go down."""
    if learning_rate == 0:
        teach(
            "training_health",
            "The learning rate is 0, so the weights never change and the loss cannot decrease. "
            "Check the optimizer's learning_rate and any LearningRateScheduler.",
            "学习率为 0，权重不会改变，损失也就不可能下降。请检查优化器的 learning_rate 和学习率"
            "调度器。",
            anchor="learning-rate",
        )


def output_label_mismatch(output_shape, y_shape, loss_name):
    """7. Why labels of ``y_shape`` cannot fit outputs of ``output_shape`` (``None``: they can)."""
    out = tuple(output_shape[1:])
    lab = tuple(y_shape[1:])
    if loss_name in SPARSE_LOSSES:
        ok = lab in ((), (1,)) or lab == out[:-1] or lab == out[:-1] + (1,)
    else:
        ok = out == lab or _strip_ones(out) == _strip_ones(lab)  # size-1 axes do not matter
    if ok:
        return None
    hint = ""
    if loss_name in CATEGORICAL_LOSSES and _strip_ones(lab) == ():
        hint = (
            " The labels look like integer classes: use kerasedu.utils.to_categorical(y) or "
            "loss='sparse_categorical_crossentropy'."
        )
    return (
        f"The model outputs shape {tuple(output_shape)} but the labels have shape "
        f"{tuple(y_shape)}; with loss {loss_name!r} they cannot match.{hint}\n  模型输出形状为 "
        f"{tuple(output_shape)}，标签形状为 {tuple(y_shape)}，二者无法对应。"
    )


def _strip_ones(shape):
    return tuple(d for d in shape if d != 1)


def check_from_logits(loss_name, from_logits, output_activation, y_pred_sample=None):
    """8. ``from_logits`` that contradicts the model's output.

    ``y_pred_sample`` (outputs for one batch) is needed only when no softmax or
    sigmoid ends the model; ``None`` skips the check of its range.
    """
    if from_logits and output_activation in ("softmax", "sigmoid"):
        teach(
            "from_logits",
            f"{loss_name} has from_logits=True, but the model already ends in "
            f"{output_activation}: the loss would apply it twice. Remove the {output_activation} "
            "or set from_logits=False.",
            f"{loss_name} 设置了 from_logits=True，但模型最后已经是 {output_activation}：相当于做"
            f"了两次。请去掉 {output_activation}，或设 from_logits=False。",
            anchor="from-logits",
        )
        return
    if y_pred_sample is None:  # a softmax/sigmoid output: its values are probabilities
        return
    y = np.asarray(y_pred_sample)
    if not from_logits and y.size and (float(y.min()) < 0 or float(y.max()) > 1):
        teach(
            "from_logits",
            f"{loss_name} expects probabilities in [0, 1] (from_logits=False), but the model "
            f"outputs values in [{float(y.min()):.3g}, {float(y.max()):.3g}]. Add a "
            "softmax/sigmoid activation, or pass from_logits=True to the loss.",
            f"{loss_name} 需要 [0, 1] 之间的概率（from_logits=False），而模型输出超出了这个范围。"
            "请加上 softmax/sigmoid 激活，或给损失函数传入 from_logits=True。",
            anchor="from-logits",
        )
