"""The exercise checks' shared helpers: a failed check says why, a stub or a crash is explained."""

import pytest

from kerasedu.exercises import ExerciseFailed, call_student, fail, passed


def test_fail_raises_an_assertion_error_with_the_message():
    with pytest.raises(ExerciseFailed, match="shape is wrong") as caught:
        fail("shape is wrong")
    assert isinstance(caught.value, AssertionError)


def test_passed_says_so_plainly(capsys):
    passed("sigmoid_grad is right")
    assert capsys.readouterr().out == "✔ sigmoid_grad is right\n"


def test_call_student_returns_the_result_and_passes_arguments():
    assert call_student(lambda a, b=0: a + b, "add", 2, b=3) == 5


def test_an_unwritten_stub_and_a_crash_become_exercise_failed():
    def stub():
        raise NotImplementedError()

    def crash(x):
        return x["missing"]

    with pytest.raises(ExerciseFailed, match=r"my_fn is not written yet: replace `raise"):
        call_student(stub, "my_fn")
    with pytest.raises(ExerciseFailed, match="crash raised TypeError"):
        call_student(crash, "crash", 3)


def test_a_failed_inner_check_is_not_rewrapped():
    def checks_itself():
        fail("inner message")

    with pytest.raises(ExerciseFailed, match="^inner message$"):
        call_student(checks_itself, "f")
