"""The guided tour (site/tour.md, site/tour.en.md) points at code that exists, at the right lines.

Every step of the tour names a function and where it lives, in one fixed form::

    [`Trainer.fit`][kerasedu.models.trainer.Trainer.fit] `kerasedu/models/trainer.py:169-236`

The link target is an object the API reference renders (autorefs resolves it, and
``mkdocs build --strict`` fails if it cannot); the code span gives the function's
file and first-last lines, as an editor's "go to file:line" reads them. This test
imports each named function and compares those lines with ``inspect.getsourcelines``,
so the tour fails as soon as the code it describes moves.
"""

import importlib
import inspect
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"zh": ROOT / "site" / "tour.md", "en": ROOT / "site" / "tour.en.md"}
STEP = re.compile(
    r"\[`(?P<name>[\w.]+)`\]\[(?P<target>[\w.]+)\]\s+"
    r"`(?P<path>kerasedu/[\w/]+\.py):(?P<start>\d+)-(?P<end>\d+)`"
)


def steps(language):
    """The ``(name, target, path, start, end)`` of every step, in page order."""
    text = PAGES[language].read_text(encoding="utf-8")
    return [
        (m["name"], m["target"], m["path"], int(m["start"]), int(m["end"]))
        for m in STEP.finditer(text)
    ]


def resolve(module_name, qualname):
    """The object ``module_name`` + ``qualname`` (``Model.fit``), or an AssertionError."""
    obj = importlib.import_module(module_name)
    for part in qualname.split("."):
        assert hasattr(obj, part), f"{module_name} has no {qualname}"
        obj = getattr(obj, part)
    return obj


def module_of(path):
    """``kerasedu/models/model.py`` -> ``kerasedu.models.model``."""
    return path[: -len(".py")].replace("/", ".").removesuffix(".__init__")


ALL_STEPS = sorted({step for language in PAGES for step in steps(language)})


def test_both_languages_walk_the_same_steps_in_the_same_order():
    zh, en = steps("zh"), steps("en")
    assert len(zh) >= 15, "the tour should have its steps (did the link form change?)"
    assert zh == en


def test_the_tour_goes_from_fit_to_the_weight_update_and_through_conv2d_backward():
    names = [name for name, *_ in steps("en")]
    assert names[0].endswith(".fit")
    assert any(name.endswith("update_step") for name in names)
    assert "Tensor.backward" in names
    assert "Conv2D.backward" in names


@pytest.mark.parametrize("name, target, path, start, end", ALL_STEPS)
def test_step_names_a_function_at_the_lines_given(name, target, path, start, end):
    function = inspect.unwrap(resolve(module_of(path), name))
    lines, first = inspect.getsourcelines(function)
    assert (start, end) == (first, first + len(lines) - 1), (
        f"{name} is now at {path}:{first}-{first + len(lines) - 1}; check the step still "
        "describes it, then run python3 tools/update_tour.py"
    )


@pytest.mark.parametrize("name, target, path, start, end", ALL_STEPS)
def test_link_target_is_a_public_object_that_holds_the_function(name, target, path, start, end):
    # The API reference renders public objects only: link to the function when it is
    # public, otherwise to the public class or module that holds it.
    assert not any(part.startswith("_") for part in target.split(".")), target
    module = module_of(path)
    full_name = f"{module}.{name}"
    assert full_name == target or full_name.startswith(target + "."), (full_name, target)
    head = target.removeprefix(module).lstrip(".")
    if head:
        resolve(module, head)
    else:
        importlib.import_module(module)


def test_tour_is_in_the_navigation():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+- .+: tour\.md$", config, flags=re.MULTILINE)
    assert "How kerasedu works" in config
