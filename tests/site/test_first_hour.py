"""A newcomer's first hour: README's two commands, the same everywhere, and what they need.

The commands make a virtual environment because the system Python of Debian and Ubuntu
refuses ``pip install`` (PEP 668). The home and installation pages repeat them, and
``.ci/run`` runs the test command verbatim.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
VENV = 'python3 -m venv .venv && .venv/bin/python -m pip install -e ".[dev]" && '
SERVE = VENV + ".venv/bin/mkdocs serve"
TEST = (
    VENV + ".venv/bin/python -m pytest --doctest-modules --nbval --nbval-current-env "
    "--nbval-sanitize-with lessons/nbval_sanitize.cfg"
)
PAGES = ["index.md", "index.en.md", "installation.md", "installation.en.md"]


def test_readme_gives_the_two_commands_in_both_languages():
    assert README.count(SERVE) == 2 and README.count(TEST) == 2
    assert README.count("apt install python3-venv") == 2


@pytest.mark.parametrize("page", PAGES)
def test_pages_repeat_the_readme_commands(page):
    text = (ROOT / "site" / page).read_text(encoding="utf-8")
    assert SERVE in text and TEST in text
    assert "python3-venv" in text


def test_ci_runs_the_readme_test_command_verbatim():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert TEST in lines


def site_pages():
    """The Markdown sources of the site (not the lesson pages generated at build time)."""
    return sorted(p for p in (ROOT / "site").rglob("*.md") if "lessons" not in p.parts)


@pytest.mark.parametrize("path", site_pages(), ids=lambda p: p.name)
def test_commands_say_python3(path):
    # A stock Debian/Ubuntu machine has no `python` command, only `python3`.
    text = path.read_text(encoding="utf-8")
    bare = re.findall(r"(?<![\w/.\\-])python(?= -[mc] )", text)
    assert not bare, f"{path.name}: `python -m`/`python -c` (write python3 or .venv/bin/python)"
    assert "<repository URL>" not in text and "<仓库地址>" not in text


def test_installation_lists_every_dependency():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = pyproject.split("dependencies = [", 1)[1].split("]", 1)[0]
    names = re.findall(r'"([A-Za-z0-9_-]+)', block)
    spelled = {"numpy": "NumPy", "h5py": "h5py", "matplotlib": "matplotlib", "mplfonts": "mplfonts"}
    for page in ("installation.md", "installation.en.md"):
        text = (ROOT / "site" / page).read_text(encoding="utf-8")
        for name in names:
            assert spelled.get(name, name) in text, f"{page} does not name {name}"


def test_license_is_mit_as_pyproject_says():
    assert 'license = { text = "MIT" }' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "the kerasedu authors" in text
