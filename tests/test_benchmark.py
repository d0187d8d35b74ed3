"""`gainsay benchmark` end to end with the fast baselines, on a copy of the checkout."""
import json

from gainsay import benchmark
from gainsay.eval.leaderboard import END, START


def test_benchmark_writes_predictions_reports_cards_and_leaderboard(checkout, tmp_path, monkeypatch):
    monkeypatch.setenv("GAINSAY_CACHE", str(tmp_path / "cache"))
    readme = checkout / "README.md"
    text = readme.read_text(encoding="utf-8")
    assert START in text and END in text
    rows = benchmark.run(("majority", "rules"), root=checkout, log=lambda *_: None)
    names = [r["system"] for r in rows]
    assert names[-4:] == ["majority", "rules", "human (pass 2)", "human (pass 1, author)"]
    for name in ("majority", "rules"):
        for suite in ("test", "challenge"):
            folder = checkout / "eval" / suite / name
            assert (folder / "predictions.jsonl").exists() and (folder / "confusion.png").exists()
            rep = json.loads((folder / "report.json").read_text())
            assert 0 <= rep["macro_f1"] <= 1
        card = (checkout / "baselines" / name / "README.md").read_text(encoding="utf-8")
        assert "## Settings" in card and "## Results" in card and "| test |" in card
    board = (checkout / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert "| rules |" in board and "| human (pass 2) |" in board
    assert "| rules |" in readme.read_text(encoding="utf-8")
    by = {r["system"]: r for r in rows}
    assert by["human (pass 2)"]["scores"]["test"]["macro_f1"] > by["majority"]["scores"]["test"]["macro_f1"]
    assert json.loads((checkout / "eval" / "leaderboard.json").read_text())["rows"] == json.loads(json.dumps(rows))


def test_benchmark_only_keeps_the_other_rows(checkout, tmp_path, monkeypatch):
    monkeypatch.setenv("GAINSAY_CACHE", str(tmp_path / "cache"))
    before = {r["system"] for r in json.loads((checkout / "eval" / "leaderboard.json").read_text())["rows"]}
    assert {"finetune", "tfidf", "embed"} <= before
    rows = benchmark.run(("rules",), root=checkout, log=lambda *_: None)
    after = {r["system"] for r in rows}
    assert after == before
    board = (checkout / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert all(f"| {name} |" in board for name in before)
