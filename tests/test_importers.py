"""The PolNeAR importer, on a small split folder in PolNeAR's layout that the test writes
from the project's own text (no PolNeAR text is committed), and the transfer suites of
`gainsay benchmark`."""
import json
import re

import pytest

from conftest import FIXTURES, read_jsonl, run_cli

TEXT = """Harbour Board Backs Dredging Plan

The Tarnmouth harbour board voted on Monday to dredge the inner channel, two members said.

"We cannot keep turning ships away," the chair told reporters.

Work will begin in March.
"""
SENTENCES = ["Harbour Board Backs Dredging Plan",
             "The Tarnmouth harbour board voted on Monday to dredge the inner channel, two members said.",
             "\"We cannot keep turning ships away,\" the chair told reporters.", "Work will begin in March."]
STEM = "wire_2016-01-01_harbour-vote"


def corenlp(text: str) -> str:
    out = ["<root><document><sentences>"]
    for i, s in enumerate(SENTENCES, 1):
        start = text.index(s)
        tokens = "".join(f"<token><word>w</word><CharacterOffsetBegin>{start + m.start()}</CharacterOffsetBegin>"
                         f"<CharacterOffsetEnd>{start + m.end()}</CharacterOffsetEnd></token>" for m in re.finditer(r"\S+", s))
        out.append(f'<sentence id="{i}"><tokens>{tokens}</tokens></sentence>')
    return "".join(out) + "</sentences></document></root>\n"


def brat(text: str) -> str:
    content = "The Tarnmouth harbour board voted on Monday to dredge the inner channel"
    c, cue = text.index(content), text.index("said")
    q, told = text.index("We cannot keep turning ships away"), text.index("told")
    return "\n".join([f"T1\tCue {cue} {cue + 4}\tsaid", f"T2\tContent {c} {c + len(content)}\t{content}",
                      f"T3\tCue {told} {told + 4}\ttold", f"T4\tContent {q} {q + 33}\tWe cannot keep turning ships away",
                      "E1\tAttribution:T1 Content:T2"]) + "\n"


@pytest.fixture
def split(tmp_path):
    folder = tmp_path / "test"
    for part in ("text", "attributions", "corenlp"):
        (folder / part).mkdir(parents=True)
    (folder / "text" / f"{STEM}.txt").write_text(TEXT, encoding="utf-8")
    (folder / "corenlp" / f"{STEM}.txt.xml").write_text(corenlp(TEXT), encoding="utf-8")
    (folder / "attributions" / f"{STEM}_ab12.ann").write_text(brat(TEXT), encoding="utf-8")
    return folder


def test_polnear_sentences_overlapping_a_cue_or_content_are_attribution(split, tmp_path):
    out = tmp_path / "out.jsonl"
    r = run_cli("import", "polnear", split, "--out", out)
    assert r.returncode == 0, r.stderr
    rows = read_jsonl(out)
    assert [x["text"] for x in rows] == SENTENCES
    assert [x["label"] for x in rows] == ["claim", "attribution", "attribution", "claim"]
    assert rows[0]["phenomena"] == ["headline"] and rows[1]["id"] == f"polnear-{STEM}-01"


def test_polnear_errors(split, tmp_path):
    out = tmp_path / "out.jsonl"
    r = run_cli("import", "polnear", tmp_path, "--out", out)
    assert r.returncode == 1 and not out.exists()
    assert "not a PolNeAR split folder: no text, attributions, corenlp subfolder" in r.stderr
    (split / "corenlp" / f"{STEM}.txt.xml").unlink()
    r = run_cli("import", "polnear", split, "--out", out)
    assert r.returncode == 1 and "corenlp: missing: every article needs its CoreNLP file" in r.stderr
    r = run_cli("import", "polnear", split, "--out", out, "--skip-missing")
    assert r.returncode == 0 and f"left out 1 article(s) with no CoreNLP file: {STEM}" in r.stderr
    assert "Traceback" not in r.stderr


def test_benchmark_scores_transfer_suites_and_keeps_them(checkout, split, tmp_path, monkeypatch):
    from gainsay import benchmark

    monkeypatch.setenv("GAINSAY_CACHE", str(tmp_path / "cache"))
    external = {"emergent": str(FIXTURES / "emergent" / "sample.csv"), "polnear": str(split)}
    rows = benchmark.run(("rules",), root=checkout, log=lambda *_: None, external=external)
    rules = next(r for r in rows if r["system"] == "rules")
    assert set(rules["scores"]) >= {"test", "challenge", "transfer-emergent", "transfer-polnear"}
    assert rules["scores"]["transfer-polnear"]["macro_f1_gold_labels"] == 1.0  # the rules get this one right
    report = json.loads((checkout / "eval" / "transfer" / "polnear" / "rules" / "report.json").read_text())
    assert report["n"] == 4 and not list((checkout / "eval" / "transfer").rglob("predictions.jsonl"))
    board = (checkout / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert "## Transfer to real news" in board and "| rules |" in board.split("## Transfer")[1]
    # a run without the corpora keeps the published transfer scores
    rows = benchmark.run(("rules",), root=checkout, log=lambda *_: None)
    again = next(r for r in rows if r["system"] == "rules")
    assert again["scores"]["transfer-polnear"] == rules["scores"]["transfer-polnear"]


def test_benchmark_external_usage_errors(tmp_path):
    r = run_cli("benchmark", "--only", "rules", "--external", "emergent")
    assert r.returncode == 2 and "--external emergent: give NAME=PATH" in r.stderr
