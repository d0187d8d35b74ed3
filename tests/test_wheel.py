"""The built wheel works outside a checkout: every subpackage, the schemas and the baseline
configs are inside it, and the commands that need no corpus run from it.

The wheel is installed without dependencies into a fresh venv, which borrows the test
environment's packages through a .pth line (no network, a few seconds). Lines in a .pth
file only extend sys.path, so the test environment's editable install of gainsay is not
seen: every `gainsay` module comes from the wheel, which the test checks.
"""
import json
import shutil
import site
import subprocess
import sys
import zipfile

import pytest

from conftest import DATA, ROOT, read_jsonl


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    dist = tmp / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist),
                    str(ROOT)], check=True, capture_output=True, cwd=tmp)
    wheel = next(dist.glob("gainsay-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp / "venv")], check=True)
    venv_site = next((tmp / "venv" / "lib").glob("python*/site-packages"))
    (venv_site / "borrowed.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(tmp / "venv" / "bin" / "python"), "install",
                    "--no-deps", "-q", str(wheel)], check=True, capture_output=True)
    work = tmp / "elsewhere"  # not a checkout
    work.mkdir()
    return {"wheel": wheel, "bin": tmp / "venv" / "bin", "cwd": work}


def run(installed, *args, env=None):
    import os

    full = {k: v for k, v in os.environ.items() if not k.startswith("GAINSAY_")}
    full.update({"GAINSAY_CACHE": str(installed["cwd"] / "cache"), **(env or {})})
    return subprocess.run([str(installed["bin"] / "gainsay"), *map(str, args)], cwd=installed["cwd"],
                          capture_output=True, text=True, env=full, timeout=300)


def test_the_wheel_carries_every_subpackage_schemas_and_configs(installed):
    names = zipfile.ZipFile(installed["wheel"]).namelist()
    packages = {p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "gainsay").rglob("*.py")}
    assert all(f"{pkg}/__init__.py" in names for pkg in packages)
    assert {"gainsay/schemas/record.schema.json", "gainsay/schemas/prediction.schema.json"} <= set(names)
    for folder in (ROOT / "baselines").iterdir():
        if (folder / "config.json").exists():
            assert f"gainsay/baseline_configs/{folder.name}/config.json" in names


def test_the_installed_modules_come_from_the_wheel(installed):
    r = subprocess.run([str(installed["bin"] / "python"), "-c", "import gainsay.cli, gainsay.baselines; print(gainsay.cli.__file__)"],
                       cwd=installed["cwd"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert str(installed["bin"].parent) in r.stdout


def test_validate_score_and_predict_rules_run_from_the_wheel(installed, tmp_path):
    gold = tmp_path / "gold.jsonl"
    shutil.copy(DATA / "test.jsonl", gold)
    r = run(installed, "validate", gold)
    assert r.returncode == 0, r.stderr
    assert "no problems" in r.stdout
    out = tmp_path / "pred.jsonl"
    r = run(installed, "predict", "--model", "rules", "--input", gold, "--out", out)
    assert r.returncode == 0, r.stderr
    preds = read_jsonl(out)
    assert len(preds) == len(read_jsonl(gold))
    r = run(installed, "score", "--gold", gold, "--pred", out, "--json", tmp_path / "report.json")
    assert r.returncode == 0, r.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["n"] == len(preds) and 0.5 < report["macro_f1"] < 1


def test_without_a_corpus_the_error_says_where_data_comes_from(installed, tmp_path):
    r = run(installed, "stats")
    assert r.returncode == 2
    assert "gainsay stats: error: no Gainsay corpus found: this installation carries the code and the schemas, not the data." in r.stderr
    assert "Traceback" not in r.stderr
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    r = run(installed, "stats", env={"GAINSAY_DATA": str(data)})
    assert r.returncode == 0, r.stderr
    assert "Gainsay corpus:" in r.stdout


def test_load_from_the_wheel_says_where_the_data_comes_from(installed, tmp_path):
    code = ("import gainsay\n"
            "try:\n    gainsay.load()\nexcept Exception as e:\n    print(type(e).__name__, e)\n")
    r = subprocess.run([str(installed["bin"] / "python"), "-c", code], cwd=installed["cwd"], capture_output=True, text=True,
                       env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("UsageError no Gainsay corpus found")
