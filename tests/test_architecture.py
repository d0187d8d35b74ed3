"""Imports flow one way through the package's layers (docs/ARCHITECTURE.md), and the
quick commands import no heavy library."""
import ast
import subprocess
import sys

from conftest import ROOT

LAYERS = {"problems": 0, "progress": 0, "corpus": 1, "eval": 2, "baselines": 3, "annotate": 3, "importers": 3, "predictors": 4,
          "benchmark": 4, "api": 4, "cli": 5, "__main__": 6}


def layer_of(module: str) -> tuple[int, str]:
    part = module.split(".")[1] if "." in module else "__init__"
    return LAYERS.get(part, 6 if part == "__init__" else -1), part


def test_imports_go_down_the_layers_only():
    bad = []
    for path in (ROOT / "gainsay").rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
        if rel == "gainsay.__init__":
            continue  # the package's front door: lazy imports of the API only
        level, part = layer_of(rel)
        assert level >= 0, f"{rel}: not in a known layer"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("gainsay"):
                targets = [node.module] if node.module != "gainsay" else [f"gainsay.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("gainsay")]
            else:
                continue
            for t in targets:
                t_level, t_part = layer_of(t)
                if t_level > level or (t_level == level and t_part != part and level > 0):
                    bad.append(f"{rel} imports {t}")
    assert not bad, "\n".join(bad)


def test_quick_commands_load_no_heavy_library():
    code = ("import sys; from gainsay.cli import build_parser; build_parser(); "
            "from gainsay.cli.data import cmd_validate; import gainsay.corpus.validate; "
            "heavy = [m for m in ('torch', 'transformers', 'datasets', 'matplotlib', 'sklearn', 'pandas', 'jsonschema') "
            "if m in sys.modules]; print(heavy)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
