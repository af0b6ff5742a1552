"""Checks for lesson 12 (many devices): batch splitting, the all-reduce, a data-parallel step.

Every check computes the right answer itself, with kerasedu models (their real
gradients, `train_on_batch`) or NumPy, on cases the student has not seen.

Example:
    >>> def per_replica_batch_size(global_batch_size, num_replicas):
    ...     raise NotImplementedError()
    >>> check_per_replica_batch_size(per_replica_batch_size)
    Traceback (most recent call last):
    ...
    kerasedu.exercises.ExerciseFailed: per_replica_batch_size is not written yet: replace ...
"""

import numpy as np

from kerasedu.exercises import ExerciseFailed, call_student, fail, passed, say
from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential
from kerasedu.optimizers import SGD
from kerasedu.utils import set_random_seed

MESSAGES = {
    "size_wrong": {
        "en": "per_replica_batch_size({n}, {k}) returned {got!r}, expected {want}.{hint}",
        "zh": "per_replica_batch_size({n}, {k}) 返回了 {got!r}，应为 {want}。{hint}",
    },
    "size_float": {
        "en": " A batch size counts samples: return an int (// divides without a remainder).",
        "zh": " 批次大小是样本的个数：应返回整数（// 是不留余数的除法）。",
    },
    "size_inverted": {
        "en": " Each replica gets a share of the global batch: divide it by the number "
        "of replicas.",
        "zh": " 每个副本分到全局批次的一部分：应该用批次大小除以副本数。",
    },
    "no_error": {
        "en": "per_replica_batch_size({n}, {k}) returned {got!r}, but {n} samples cannot be "
        "split evenly over {k} replicas: raise a ValueError.",
        "zh": "per_replica_batch_size({n}, {k}) 返回了 {got!r}，"
        "但 {n} 个样本无法平均分给 {k} 个副本：应抛出 ValueError。",
    },
    "size_ok": {
        "en": "per_replica_batch_size splits {n} batches correctly and refuses uneven ones.",
        "zh": "per_replica_batch_size 对 {n} 种批次都分得正确，不能均分时也会拒绝。",
    },
    "not_list": {
        "en": "{name} must return a list with one array per weight ({want} here); "
        "it returned {got}.",
        "zh": "{name} 应返回一个列表，每个权重一个数组（这里共 {want} 个），它却返回了 {got}。",
    },
    "shape": {
        "en": "{name}: the gradient of weight {i} has shape {got}, expected {want}. Average over "
        "the replicas, not over the elements of a gradient.",
        "zh": "{name}：第 {i} 个权重的梯度形状是 {got}，应为 {want}。要对各副本求平均，"
        "而不是对一个梯度内部的元素求平均。",
    },
    "values": {
        "en": "{name}: the gradient of weight {i} is wrong (largest error {err:.3g}).{hint}",
        "zh": "{name}：第 {i} 个权重的梯度不对（最大误差 {err:.3g}）。{hint}",
    },
    "summed": {
        "en": " It is {k} times too large: that is the sum of the replicas' gradients, "
        "not their mean.",
        "zh": " 它大了 {k} 倍：这是各副本梯度之和，而不是均值。",
    },
    "plain_mean": {
        "en": " It is the plain mean of the replicas' gradients: with unequal shards, weight each "
        "replica by its share of the samples.",
        "zh": " 这是各副本梯度的简单平均：切分不均匀时，要按每个副本所占的样本比例加权。",
    },
    "mutated": {
        "en": "all_reduce_mean changed the gradients it was given: compute new arrays instead "
        "(another replica may still need them).",
        "zh": "all_reduce_mean 改动了传入的梯度：请另外生成新数组（别的副本可能还要用它们）。",
    },
    "mean_ok": {
        "en": "all_reduce_mean averages {n} replicas correctly and leaves their gradients alone.",
        "zh": "all_reduce_mean 对 {n} 个副本求平均都正确，也没有改动它们的梯度。",
    },
    "combine_ok": {
        "en": "combine_shard_gradients gives the full batch's gradient for shards of "
        "sizes {sizes}.",
        "zh": "combine_shard_gradients 在各份大小为 {sizes} 时都得到了整个批次的梯度。",
    },
    "replicas_differ": {
        "en": "After data_parallel_step the replicas no longer have the same weights: every "
        "replica must apply the same combined gradient.",
        "zh": "data_parallel_step 之后各副本的权重不再相同：每个副本都必须应用同一个合并后的梯度。",
    },
    "not_trained": {
        "en": "data_parallel_step left the replicas' weights unchanged: apply the combined "
        "gradient with each replica's optimizer.",
        "zh": "data_parallel_step 没有改变副本的权重：要用每个副本的优化器应用合并后的梯度。",
    },
    "step_wrong": {
        "en": "After step {step} the replicas' weights differ from train_on_batch on the full "
        "batch (largest error {err:.3g}).{hint}",
        "zh": "第 {step} 步之后，副本的权重与在整个批次上 train_on_batch 的结果不同"
        "（最大误差 {err:.3g}）。{hint}",
    },
    "step_accumulated": {
        "en": " The first step was right: gradients accumulate, so clear each variable's .grad "
        "before backward().",
        "zh": " 第一步是对的：梯度会累加，所以在 backward() 之前要先清空每个变量的 .grad。",
    },
    "step_hint": {
        "en": " Check the split (np.array_split), the loss of each shard and the weighting.",
        "zh": " 请检查切分（np.array_split）、每一份的损失以及加权方式。",
    },
    "step_ok": {
        "en": "data_parallel_step with {k} replicas matches train_on_batch on the full batch.",
        "zh": "{k} 个副本的 data_parallel_step 与在整个批次上 train_on_batch 的结果一致。",
    },
}


def check_per_replica_batch_size(per_replica_batch_size, lang="en"):
    """Check ``per_replica_batch_size(global_batch_size, num_replicas)``."""
    name = "per_replica_batch_size"
    cases = [(64, 2), (96, 8), (32, 1), (120, 3)]
    for n, k in cases:
        got = call_student(per_replica_batch_size, name, n, k, lang=lang)
        if isinstance(got, bool) or not isinstance(got, (int, np.integer)) or got != n // k:
            hint = ""
            if isinstance(got, float) and got == n // k:
                hint = say(MESSAGES, "size_float", lang)
            elif got == k // n or got == n * k:
                hint = say(MESSAGES, "size_inverted", lang)
            fail(say(MESSAGES, "size_wrong", lang, n=n, k=k, got=got, want=n // k, hint=hint))
    for n, k in [(50, 4), (7, 2)]:
        try:
            got = per_replica_batch_size(n, k)
        except ValueError:
            continue  # the right answer: the batch cannot be split evenly
        except Exception:
            call_student(per_replica_batch_size, name, n, k, lang=lang)  # says what went wrong
            raise
        fail(say(MESSAGES, "no_error", lang, n=n, k=k, got=got))
    passed(say(MESSAGES, "size_ok", lang, n=len(cases)))


def compare_gradients(name, got, want, lang, hints=()):
    """Fail unless list ``got`` equals list ``want``; ``hints``: (candidate list, key, values)."""
    if not isinstance(got, (list, tuple)) or len(got) != len(want):
        shown = f"{type(got).__name__} of length {len(got)}" if hasattr(got, "__len__") else got
        fail(say(MESSAGES, "not_list", lang, name=name, want=len(want), got=shown))
    for i, (g, w) in enumerate(zip(got, want)):
        g = np.asarray(g, dtype="float64")
        if g.shape != w.shape:
            fail(say(MESSAGES, "shape", lang, name=name, i=i, got=g.shape, want=w.shape))
        if not np.allclose(g, w, rtol=1e-5, atol=1e-7):
            hint = next(
                (
                    say(MESSAGES, key, lang, **values)
                    for candidate, key, values in hints
                    if np.allclose(g, candidate[i], rtol=1e-5, atol=1e-7)
                ),
                "",
            )
            err = float(np.abs(g - w).max())
            fail(say(MESSAGES, "values", lang, name=name, i=i, err=err, hint=hint))


def random_replica_grads(rng, num_replicas, shapes):
    """``num_replicas`` lists of random gradients, one array per shape."""
    return [[rng.normal(size=s) for s in shapes] for _ in range(num_replicas)]


def check_all_reduce_mean(all_reduce_mean, lang="en"):
    """Check ``all_reduce_mean(grads_per_replica)``: per weight, the mean over the replicas."""
    name = "all_reduce_mean"
    rng = np.random.default_rng(12)
    for num_replicas in (2, 3, 4):
        grads = random_replica_grads(rng, num_replicas, [(5, 3), (3,), (3, 2)])
        before = [[g.copy() for g in replica] for replica in grads]
        want = [np.mean(per_weight, axis=0) for per_weight in zip(*before)]
        got = call_student(all_reduce_mean, name, grads, lang=lang)
        if any(not np.array_equal(a, b) for r, s in zip(grads, before) for a, b in zip(r, s)):
            fail(say(MESSAGES, "mutated", lang))
        summed = [w * num_replicas for w in want]
        compare_gradients(name, got, want, lang, [(summed, "summed", {"k": num_replicas})])
    passed(say(MESSAGES, "mean_ok", lang, n="2, 3, 4"))


def small_model(seed, optimizer="sgd"):
    """A compiled 6-5-3 softmax classifier; equal seeds give equal weights."""
    set_random_seed(seed)
    model = Sequential([Input(shape=(6,)), Dense(5, activation="tanh"), Dense(3, "softmax")])
    opt = SGD(learning_rate=0.5, momentum=0.9) if optimizer == "sgd" else optimizer
    model.compile(optimizer=opt, loss="sparse_categorical_crossentropy")
    return model


def true_gradients(model, x, y):
    """The gradients of the model's compiled (mean) loss on ``(x, y)``, by backward()."""
    for variable in model.trainable_weights:
        variable.grad = None
    model.compute_loss(y=y, y_pred=model(x, training=True)).backward()
    return [np.array(v.grad, dtype="float64") for v in model.trainable_weights]


def check_combine_shard_gradients(combine_shard_gradients, lang="en"):
    """Check ``combine_shard_gradients(grads_per_replica, shard_sizes)`` on real gradients."""
    name = "combine_shard_gradients"
    rng = np.random.default_rng(7)
    model = small_model(3)
    all_sizes = [[10, 6], [7, 7, 2], [4, 9, 1, 5]]
    for sizes in all_sizes:
        x = rng.normal(size=(sum(sizes), 6)).astype("float32")
        y = rng.integers(0, 3, size=sum(sizes))
        bounds = np.cumsum([0] + sizes)
        shards = [true_gradients(model, x[a:b], y[a:b]) for a, b in zip(bounds, bounds[1:])]
        want = true_gradients(model, x, y)
        got = call_student(combine_shard_gradients, name, shards, list(sizes), lang=lang)
        plain = [np.mean(per_weight, axis=0) for per_weight in zip(*shards)]
        compare_gradients(name, got, want, lang, [(plain, "plain_mean", {})])
    passed(say(MESSAGES, "combine_ok", lang, sizes=", ".join(map(str, all_sizes))))


def check_data_parallel_step(data_parallel_step, lang="en"):
    """Check ``data_parallel_step(replicas, x, y)`` against ``train_on_batch`` on the full batch."""
    name = "data_parallel_step"
    rng = np.random.default_rng(5)
    num_replicas = 3
    reference = small_model(11)
    replicas = [small_model(11) for _ in range(num_replicas)]
    start = reference.get_weights()
    for step in (1, 2):
        x = rng.normal(size=(20, 6)).astype("float32")  # 20 = 7 + 7 + 6: uneven shards
        y = rng.integers(0, 3, size=20)
        call_student(data_parallel_step, name, replicas, x, y, lang=lang)
        reference.train_on_batch(x, y)
        weights = [r.get_weights() for r in replicas]
        if any(not np.allclose(a, b) for w in weights[1:] for a, b in zip(w, weights[0])):
            fail(say(MESSAGES, "replicas_differ", lang))
        if step == 1 and all(np.array_equal(a, b) for a, b in zip(weights[0], start)):
            fail(say(MESSAGES, "not_trained", lang))
        err = max(float(np.abs(a - b).max()) for a, b in zip(weights[0], reference.get_weights()))
        if err > 1e-5:
            hint = say(MESSAGES, "step_accumulated" if step == 2 else "step_hint", lang)
            fail(say(MESSAGES, "step_wrong", lang, step=step, err=err, hint=hint))
    passed(say(MESSAGES, "step_ok", lang, k=num_replicas))


__all__ = [
    "ExerciseFailed",
    "check_all_reduce_mean",
    "check_combine_shard_gradients",
    "check_data_parallel_step",
    "check_per_replica_batch_size",
]
