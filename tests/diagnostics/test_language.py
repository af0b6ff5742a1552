"""set_language: a TeachingWarning reads in one language (or both), and names its check."""

import subprocess
import sys
import warnings

import pytest

import kerasedu.diagnostics as diagnostics
from kerasedu.diagnostics import TeachingWarning, checks


@pytest.fixture(autouse=True)
def both_languages_after():
    yield
    diagnostics.set_language("both")


def caught_softmax_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        checks.check_single_unit_softmax("out", 1, "softmax")
    (warning,) = caught
    return warning


def test_default_is_both_languages_with_the_english_link():
    assert diagnostics.get_language() == "both"
    lines = str(caught_softmax_warning().message).splitlines()
    assert lines[0].startswith("[single_unit_softmax] Layer 'out' applies softmax")
    assert lines[1].strip().startswith("层 'out' 对 1 个单元做 softmax")
    assert lines[2].strip().startswith("See lesson 05")
    assert lines[2].endswith("section #softmax-on-one-unit")


def test_english_only():
    diagnostics.set_language("en")
    message = str(caught_softmax_warning().message)
    assert message.startswith("[single_unit_softmax] Layer 'out'")
    assert "层" not in message and "lessons/en/05-pitfalls.ipynb" in message
    assert len(message.splitlines()) == 2


def test_chinese_only_links_the_chinese_lesson():
    diagnostics.set_language("zh")
    message = str(caught_softmax_warning().message)
    assert message.startswith("[single_unit_softmax] 层 'out'")
    assert "applies" not in message and "See" not in message
    assert message.splitlines()[1].strip() == (
        "参见第 05 课（lessons/zh/05-pitfalls.ipynb；课程网站：lessons/05-pitfalls/）"
        "的 #softmax-on-one-unit 一节"
    )


def test_the_warning_names_its_check():
    warning = caught_softmax_warning()
    assert warning.category is TeachingWarning
    assert warning.message.check == "single_unit_softmax"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="Valid"):
        diagnostics.set_language("fr")
    assert diagnostics.get_language() == "both"


def test_environment_variable_sets_the_language():
    code = "import kerasedu.diagnostics as d; print(d.get_language())"
    env = {"KERASEDU_LANG": "zh", "PYTHONPATH": ":".join(sys.path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "zh", out.stderr
