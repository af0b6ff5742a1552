"""Every public module, class, function and method of kerasedu has a docstring.

The API reference is generated from the docstrings, so a public name without
one would be a hole in the documentation. "Public" means: its name does not
start with ``_`` and it is defined in a module under ``kerasedu`` (a name that
a module only imports is checked where it is defined). A method that overrides
a documented base-class method inherits that documentation
(``inspect.getdoc``), as in the rendered reference.
"""

import importlib
import inspect
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[2] / "kerasedu"


def module_names():
    """Dotted names of every public module file under kerasedu/."""
    names = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if any(part.startswith("_") for part in parts):
            continue
        names.append(".".join(parts))
    return names


def class_members(cls):
    """Public methods and properties defined in the class body itself."""
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, (staticmethod, classmethod)):
            value = value.__func__
        if inspect.isfunction(value) or isinstance(value, property):
            yield name, getattr(cls, name) if not isinstance(value, property) else value


def missing_docstrings(module_name):
    """Names in one module lacking a docstring, or an import error message."""
    try:
        module = importlib.import_module(module_name)
    except Exception as err:  # others' unfinished modules: report, don't crash
        return [f"{module_name}: cannot import ({type(err).__name__}: {err})"]
    missing = []
    if not inspect.getdoc(module):
        missing.append(f"{module_name} (module)")
    for name, obj in vars(module).items():
        if name.startswith("_"):
            continue
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        if getattr(obj, "__module__", None) != module_name:
            continue  # imported here, checked where it is defined
        if not inspect.getdoc(obj):
            missing.append(f"{module_name}.{name}")
        if inspect.isclass(obj):
            for member_name, member in class_members(obj):
                if not inspect.getdoc(member):
                    missing.append(f"{module_name}.{name}.{member_name}")
    return missing


def test_module_walk_finds_the_library():
    names = module_names()
    assert "kerasedu" in names
    assert "kerasedu.autograd.tensor" in names


def test_every_public_name_has_a_docstring():
    missing = []
    for name in module_names():
        missing.extend(missing_docstrings(name))
    assert not missing, f"{len(missing)} public names without a docstring:\n" + "\n".join(missing)
