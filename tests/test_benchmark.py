"""`gainsay benchmark` end to end with the fast baselines, on a copy of the checkout."""
import json
import shutil

from conftest import ROOT, read_jsonl

from gainsay import benchmark
from gainsay.eval.leaderboard import END, START


def test_benchmark_writes_predictions_reports_cards_and_leaderboard(checkout, tmp_path, monkeypatch):
    monkeypatch.setenv("GAINSAY_CACHE", str(tmp_path / "cache"))
    readme = checkout / "README.md"
    text = readme.read_text(encoding="utf-8")
    assert START in text and END in text
    third = checkout / "eval" / "test" / "annotators-pass3"
    third.mkdir(parents=True)
    shutil.copy(ROOT / "eval" / "test" / "annotators-pass3" / "predictions.jsonl", third / "predictions.jsonl")
    rows = benchmark.run(("majority", "rules"), root=checkout, log=lambda *_: None)
    names = [r["system"] for r in rows]
    assert names[-5:] == ["majority", "rules", "annotators: pass 1 (authors)", "annotators: pass 2 (blind)",
                          "annotators: pass 3 (independent)"]
    for name in ("majority", "rules"):
        for suite in ("test", "challenge"):
            folder = checkout / "eval" / suite / name
            assert (folder / "predictions.jsonl").exists() and (folder / "confusion.png").exists()
            rep = json.loads((folder / "report.json").read_text())
            assert 0 <= rep["macro_f1"] <= 1
        card = (checkout / "baselines" / name / "README.md").read_text(encoding="utf-8")
        assert "## Settings" in card and "## Results" in card and "| test |" in card
    board = (checkout / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert "| rules |" in board and "| annotators: pass 3 (independent) |" in board
    assert board.index("annotators: pass 3") < board.index("| rules |")  # the annotators' rows come first
    assert "| rules |" in readme.read_text(encoding="utf-8")
    by = {r["system"]: r for r in rows}
    third_report = json.loads((third / "report.json").read_text())
    assert third_report["n"] == len(read_jsonl(third / "predictions.jsonl"))
    assert by["annotators: pass 3 (independent)"]["scores"]["test"]["macro_f1"] > by["rules"]["scores"]["test"]["macro_f1"]
    assert json.loads((checkout / "eval" / "leaderboard.json").read_text())["rows"] == json.loads(json.dumps(rows))


def test_benchmark_only_keeps_the_other_rows(checkout, tmp_path, monkeypatch):
    monkeypatch.setenv("GAINSAY_CACHE", str(tmp_path / "cache"))
    before = {r["system"] for r in json.loads((checkout / "eval" / "leaderboard.json").read_text())["rows"]}
    assert {"finetune", "tfidf", "embed"} <= before
    rows = benchmark.run(("rules",), root=checkout, log=lambda *_: None)
    after = {r["system"] for r in rows}
    assert before <= after  # every published row is kept (the annotators' rows are refreshed too)
    board = (checkout / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert all(f"| {name} |" in board for name in before)


def test_benchmark_add_scores_an_outside_system_and_keeps_the_rest(checkout, tmp_path):
    test = read_jsonl(checkout / "data" / "test.jsonl")
    pred = tmp_path / "mine.jsonl"
    pred.write_text("".join(json.dumps({"id": r["id"], "label": r["label"]}) + "\n" for r in test))
    before = {r["system"] for r in json.loads((checkout / "eval" / "leaderboard.json").read_text())["rows"]}
    rows = benchmark.add_system("my-model", pred, None, root=checkout, log=lambda *_: None)
    mine = next(r for r in rows if r["system"] == "my-model")
    assert mine["scores"]["test"]["macro_f1"] == 1.0 and mine["kind"] == "submitted"
    assert before <= {r["system"] for r in rows}
    assert (checkout / "eval" / "test" / "my-model" / "report.md").exists()
    assert "| my-model |" in (checkout / "LEADERBOARD.md").read_text(encoding="utf-8")


def test_benchmark_add_refuses_bad_predictions_and_writes_nothing(checkout, tmp_path):
    from conftest import run_cli

    pred = tmp_path / "bad.jsonl"
    pred.write_text('{"id": "nope", "label": "claim"}\n')
    r = run_cli("benchmark", "--add", "bad-model", "--test", pred, env={"GAINSAY_ROOT": str(checkout)})
    assert r.returncode == 1 and "is not in the gold file" in r.stderr
    assert not (checkout / "eval" / "test" / "bad-model").exists()
    r = run_cli("benchmark", "--add", "rules", "--test", pred, env={"GAINSAY_ROOT": str(checkout)})
    assert r.returncode == 2 and "not a baseline's name" in r.stderr
