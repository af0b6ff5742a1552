"""The diagnostics switchboard: enable/disable by name, and teach()'s bilingual warning."""

import warnings

import pytest

import kerasedu.diagnostics as diagnostics
from kerasedu.diagnostics import TeachingWarning, teach


@pytest.fixture(autouse=True)
def all_checks_on():
    diagnostics.enable()
    yield
    diagnostics.enable()


def test_disable_one_all_and_enable_again():
    diagnostics.disable("input_scale")
    assert not diagnostics.is_enabled("input_scale") and diagnostics.is_enabled("from_logits")
    diagnostics.disable()
    assert not any(diagnostics.is_enabled(name) for name in diagnostics.CHECK_NAMES)
    diagnostics.enable("from_logits")
    assert diagnostics.is_enabled("from_logits") and not diagnostics.is_enabled("label_format")
    diagnostics.enable()
    assert all(diagnostics.is_enabled(name) for name in diagnostics.CHECK_NAMES)


def test_unknown_check_name_lists_the_valid_ones():
    with pytest.raises(ValueError, match=r"Unknown diagnostic\(s\) \['input_scal'\].*input_scale"):
        diagnostics.disable("input_scal")


def test_teach_warns_in_both_languages_with_the_lesson_and_section():
    with pytest.warns(TeachingWarning) as caught:
        assert teach("input_scale", "Scale your inputs.", "请缩放输入。", anchor="scale")
    message = str(caught[0].message)
    assert message.startswith("[input_scale] Scale your inputs.\n  请缩放输入。\n  See lesson 05")
    assert message.endswith("section #scale")
    assert caught[0].filename == __file__  # points at the caller, not at kerasedu


def test_teach_is_silent_when_its_check_is_disabled():
    diagnostics.disable("input_scale")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert teach("input_scale", "x", "y") is False
