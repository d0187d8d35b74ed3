"""`gainsay benchmark` end to end with the fast baselines, on a copy of the checkout."""
import json

from gainsay import benchmark
from gainsay.benchmark import END, START


def test_benchmark_writes_predictions_reports_and_leaderboard(checkout, tmp_path, monkeypatch):
    monkeypatch.setenv("GAINSAY_CACHE", str(tmp_path / "cache"))
    readme = checkout / "README.md"
    text = readme.read_text(encoding="utf-8")
    assert START in text and END in text
    rows = benchmark.run(("majority", "rules"), root=checkout, log=lambda *_: None)
    names = [r["system"] for r in rows]
    assert names == ["majority", "rules", "human (pass 2)", "human (pass 1, author)"]
    for name in ("majority", "rules"):
        for split in ("test", "challenge"):
            assert (checkout / "results" / name / f"{split}.predictions.jsonl").exists()
            rep = json.loads((checkout / "results" / name / f"{split}.report.json").read_text())
            assert 0 <= rep["macro_f1"] <= 1
    board = (checkout / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert "| rules |" in board and "| human (pass 2) |" in board
    assert "| rules |" in readme.read_text(encoding="utf-8")
    human = [r for r in rows if r["system"] == "human (pass 2)"][0]
    assert human["macro_f1"] > rows[0]["macro_f1"]
    assert json.loads((checkout / "results" / "leaderboard.json").read_text())["rows"] == json.loads(json.dumps(rows))
