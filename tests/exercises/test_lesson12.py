"""Lesson 12's checks: pass on a right answer, fail with a precise hint on stubs and slips."""

import numpy as np
import pytest

from kerasedu.exercises import ExerciseFailed, lesson12


def stub(*args, **kwargs):
    raise NotImplementedError()


def per_replica_batch_size(global_batch_size, num_replicas):
    if global_batch_size % num_replicas:
        raise ValueError("uneven")
    return global_batch_size // num_replicas


def all_reduce_mean(grads_per_replica):
    return [np.mean(per_weight, axis=0) for per_weight in zip(*grads_per_replica)]


def combine_shard_gradients(grads_per_replica, shard_sizes):
    total = sum(shard_sizes)
    return [
        sum(n / total * g for n, g in zip(shard_sizes, per_weight))
        for per_weight in zip(*grads_per_replica)
    ]


def make_step(combine=combine_shard_gradients, clear=True, same_update=True):
    """A data-parallel step; the flags introduce a student's typical slips."""

    def step(replicas, x, y):
        shards = zip(np.array_split(x, len(replicas)), np.array_split(y, len(replicas)))
        grads, sizes = [], []
        for replica, (xs, ys) in zip(replicas, shards):
            if clear:
                for variable in replica.trainable_weights:
                    variable.grad = None
            replica.compute_loss(y=ys, y_pred=replica(xs, training=True)).backward()
            grads.append([v.grad.copy() for v in replica.trainable_weights])
            sizes.append(len(xs))
        combined = combine(grads, sizes)
        for k, replica in enumerate(replicas):
            update = combined if same_update else grads[k]
            replica.optimizer.apply_gradients(zip(update, replica.trainable_weights))

    return step


def test_right_answers_pass(capsys):
    lesson12.check_per_replica_batch_size(per_replica_batch_size)
    lesson12.check_all_reduce_mean(all_reduce_mean)
    lesson12.check_combine_shard_gradients(combine_shard_gradients)
    lesson12.check_data_parallel_step(make_step())
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and all(line.startswith("✔ ") for line in lines)


@pytest.mark.parametrize(
    "check",
    [
        "check_per_replica_batch_size",
        "check_all_reduce_mean",
        "check_combine_shard_gradients",
        "check_data_parallel_step",
    ],
)
def test_stubs_fail_in_both_languages(check):
    with pytest.raises(ExerciseFailed, match="is not written yet"):
        getattr(lesson12, check)(stub)
    with pytest.raises(ExerciseFailed, match="还没有写"):
        getattr(lesson12, check)(stub, lang="zh")


def test_per_replica_batch_size_slips():
    with pytest.raises(ExerciseFailed, match=r"return an int"):
        lesson12.check_per_replica_batch_size(lambda n, k: n / k)
    with pytest.raises(ExerciseFailed, match=r"divide it by the number"):
        lesson12.check_per_replica_batch_size(lambda n, k: n * k)
    with pytest.raises(ExerciseFailed, match=r"\(50, 4\) returned 12.*raise a ValueError"):
        lesson12.check_per_replica_batch_size(lambda n, k: n // k)
    with pytest.raises(ExerciseFailed, match="应抛出 ValueError"):
        lesson12.check_per_replica_batch_size(lambda n, k: n // k, lang="zh")


def test_all_reduce_mean_slips():
    with pytest.raises(ExerciseFailed, match=r"2 times too large.*sum"):
        lesson12.check_all_reduce_mean(lambda g: [np.sum(w, axis=0) for w in zip(*g)])
    with pytest.raises(ExerciseFailed, match="must return a list with one array per weight"):
        lesson12.check_all_reduce_mean(lambda g: np.mean(g[0][0]))

    def in_place(grads):
        for replica in grads[1:]:
            for total, g in zip(grads[0], replica):
                total += g
        return [g / len(grads) for g in grads[0]]

    with pytest.raises(ExerciseFailed, match="changed the gradients it was given"):
        lesson12.check_all_reduce_mean(in_place)
    with pytest.raises(ExerciseFailed, match="形状"):
        lesson12.check_all_reduce_mean(lambda g: [np.mean(w) for w in g[0]], lang="zh")


def test_combine_shard_gradients_plain_mean_is_caught():
    def plain(grads, sizes):
        return all_reduce_mean(grads)

    with pytest.raises(ExerciseFailed, match="weight each replica by its share"):
        lesson12.check_combine_shard_gradients(plain)
    with pytest.raises(ExerciseFailed, match="按每个副本所占的样本比例加权"):
        lesson12.check_combine_shard_gradients(plain, lang="zh")


def test_data_parallel_step_slips():
    with pytest.raises(ExerciseFailed, match="same combined gradient"):
        lesson12.check_data_parallel_step(make_step(same_update=False))
    with pytest.raises(ExerciseFailed, match=r"After step 2 .*clear each variable's .grad"):
        lesson12.check_data_parallel_step(make_step(clear=False))
    plain_step = make_step(combine=lambda grads, sizes: all_reduce_mean(grads))
    with pytest.raises(ExerciseFailed, match="After step 1 .*weighting"):
        lesson12.check_data_parallel_step(plain_step)
    with pytest.raises(ExerciseFailed, match="没有改变副本的权重"):
        lesson12.check_data_parallel_step(lambda replicas, x, y: None, lang="zh")
