"""The shared Optimizer loop: clipping, learning rate, legacy arguments, constraints, state."""

import warnings

import numpy as np
import pytest

from kerasedu import optimizers
from kerasedu.autograd import Tensor, Variable
from kerasedu.optimizers import SGD, Adam, Nadam, RMSprop
from kerasedu.optimizers.schedules import ExponentialDecay


def sgd_update(lr):
    def update(w, g, s, t):
        w -= lr * g

    return update


def test_clipnorm_clips_each_gradient(problem):
    def update(w, g, s, t):
        w -= 0.1 * g * 0.5 / max(np.linalg.norm(g), 0.5)

    problem.check(SGD(0.1, clipnorm=0.5), update)


def test_global_clipnorm_clips_jointly(problem):
    scales = []
    for step in problem.grads:
        norm = np.sqrt(sum((g.astype("float64") ** 2).sum() for g in step))
        scales.append(1.0 / max(norm, 1.0))

    def update(w, g, s, t):
        w -= 0.1 * g * scales[t - 1]

    problem.check(SGD(0.1, global_clipnorm=1.0), update)


def test_clipvalue_clips_elements(problem):
    def update(w, g, s, t):
        w -= 0.1 * np.clip(g, -0.3, 0.3)

    problem.check(SGD(0.1, clipvalue=0.3), update)


def test_only_one_clipping_option():
    with pytest.raises(ValueError, match="Only one of"):
        SGD(clipnorm=1.0, clipvalue=1.0)


def test_legacy_decay_and_lr_keyword(problem):
    def update(w, g, s, t):
        w -= 0.1 / (1 + 0.5 * (t - 1)) * g

    with pytest.warns(DeprecationWarning) as record:
        opt = SGD(lr=0.1, decay=0.5)
    messages = " ".join(str(r.message) for r in record)
    assert "learning_rate" in messages and "decay" in messages
    problem.check(opt, update)
    assert opt.get_config()["decay"] == 0.5


def test_schedule_is_evaluated_at_each_step(problem):
    schedule = ExponentialDecay(0.1, decay_steps=2, decay_rate=0.5)

    def update(w, g, s, t):
        w -= 0.1 * 0.5 ** ((t - 1) / 2) * g

    opt = SGD(schedule)
    problem.check(opt, update)
    assert opt.learning_rate == pytest.approx(schedule(5))
    rebuilt = optimizers.deserialize(optimizers.serialize(opt))
    assert isinstance(rebuilt._learning_rate, ExponentialDecay)
    assert rebuilt._learning_rate.get_config() == schedule.get_config()


def test_learning_rate_is_settable(problem):
    opt = Adam()
    assert opt.learning_rate == 0.001
    opt.learning_rate = 0.5
    assert opt.learning_rate == 0.5 and opt.get_config()["learning_rate"] == 0.5
    opt.learning_rate = np.float32(0.25)
    assert type(opt.learning_rate) is float
    opt.learning_rate = Tensor(0.125)
    assert opt.learning_rate == 0.125
    with pytest.warns(DeprecationWarning):
        assert opt.lr == 0.125
    with pytest.raises(TypeError, match="learning_rate"):
        opt.learning_rate = "fast"
    sgd = SGD(0.1)
    variables = problem.run(sgd, grads=problem.grads[:1])
    sgd.learning_rate = 0.0
    before = [v.numpy().copy() for v in variables]
    problem.run(sgd, variables, problem.grads[1:])
    for v, b in zip(variables, before):
        np.testing.assert_array_equal(v.numpy(), b)


def test_constraint_applied_after_update(problem):
    variables = problem.variables()
    variables[0].constraint = lambda w: np.clip(w, -0.1, 0.1)
    problem.run(SGD(0.1), variables)
    assert np.abs(variables[0].numpy()).max() <= 0.1 + 1e-7
    assert np.abs(variables[1].numpy()).max() > 0.1


@pytest.mark.parametrize("name", sorted(optimizers.OPTIMIZERS))
def test_float32_preserved_and_iterations_counted(problem, name):
    opt = optimizers.get(name)
    grads = [[g.astype("float64") for g in step] for step in problem.grads]
    variables = problem.run(opt, grads=grads)
    assert opt.iterations == len(grads)
    assert all(v.dtype == np.float32 for v in variables)
    assert all(array.dtype == np.float32 for _, array in opt.get_state()[1:] if array.ndim)


@pytest.mark.parametrize(
    "opt_factory",
    [
        lambda: SGD(0.1, momentum=0.9, nesterov=True),
        lambda: RMSprop(centered=True, momentum=0.5),
        lambda: Adam(amsgrad=True),
        lambda: Nadam(),
        lambda: optimizers.get("adamax"),
        lambda: optimizers.get("adadelta"),
        lambda: optimizers.get("adagrad"),
    ],
)
def test_state_save_restore_gives_identical_continued_steps(problem, opt_factory):
    first, rest = problem.grads[:2], problem.grads[2:]
    original = opt_factory()
    variables = problem.run(original, grads=first)
    saved_weights = [v.numpy().copy() for v in variables]
    state = original.get_state()
    problem.run(original, variables, rest)

    resumed = opt_factory()
    resumed.set_state(state)  # before the first build: kept until variables are seen
    restored = [Variable(w, name=f"layer/v{i}") for i, w in enumerate(saved_weights)]
    problem.run(resumed, restored, rest)
    for a, b in zip(variables, restored):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    assert [n for n, _ in resumed.get_state()] == [n for n, _ in original.get_state()]

    built = opt_factory()
    built.build(restored)
    built.set_state([array for _, array in state])  # bare arrays work too
    for (_, a), (_, b) in zip(built.get_state(), state):
        np.testing.assert_array_equal(a, b)


def test_set_state_rejects_mismatched_slots(problem):
    opt = Adam()
    opt.build(problem.variables())
    with pytest.raises(ValueError, match="slot arrays"):
        opt.set_state([("iterations", np.array(3))])
    with pytest.raises(ValueError, match="does not fit"):
        opt.set_state([np.array(3)] + [np.zeros(2)] * 4)


def test_gradient_errors(problem):
    variables = problem.variables()
    with pytest.raises(ValueError, match="No gradients"):
        SGD().apply_gradients([(None, variables[0])])
    with pytest.raises(ValueError, match=r"shape \(4,\).*layer/v0"):
        SGD().apply_gradients([(np.zeros(4), variables[0])])


def test_none_gradients_are_skipped_and_tensor_gradients_accepted(problem):
    variables = problem.variables()
    SGD(1.0).apply_gradients([(None, variables[0]), (Tensor(np.ones(4, "float32")), variables[1])])
    np.testing.assert_array_equal(variables[0].numpy(), problem.weights[0])
    np.testing.assert_allclose(variables[1].numpy(), problem.weights[1] - 1)


def test_unknown_keyword_raises():
    with pytest.raises(TypeError):
        Adam(beta_3=0.5)


def test_no_warning_without_legacy_arguments():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        SGD(learning_rate=0.1, momentum=0.9)


def test_gradients_may_be_lists_or_tensors_and_none_ones_are_skipped():
    w, frozen = Variable(np.ones(2, dtype="float32")), Variable(np.ones(2, dtype="float32"))
    optimizer = SGD(0.5)
    optimizer.apply_gradients([([1.0, 2.0], w), (None, frozen)])
    optimizer.apply_gradients([(Tensor(np.array([1.0, 0.0])), w)])
    np.testing.assert_allclose(w.numpy(), [0.0, 0.0])
    assert w.dtype == np.float32 and frozen.numpy().tolist() == [1.0, 1.0]
    with pytest.raises(ValueError, match=r"Gradient of shape \(3,\) does not match"):
        optimizer.apply_gradients([(np.ones(3), w)])
    with pytest.raises(ValueError, match="No gradients provided"):
        optimizer.apply_gradients([(None, w)])
