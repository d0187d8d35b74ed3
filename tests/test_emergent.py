"""Importing Emergent-format CSV (fixtures written by the project; no Emergent text is shipped)."""
from conftest import FIXTURES, ROOT, read_jsonl, run_cli

FIX = FIXTURES / "emergent"


def test_import_maps_stances_and_handles_index_column_and_quoted_commas(tmp_path):
    out = tmp_path / "em.jsonl"
    r = run_cli("import", "emergent", FIX / "sample.csv", "--out", out)
    assert r.returncode == 0, r.stderr
    rows = read_jsonl(out)
    assert [x["label"] for x in rows] == ["claim", "denial", "attribution", "attribution", "claim", "denial"]
    assert rows[0]["text"] == "Brindlemoor zoo will rehome Tova, its last polar bear, in spring"
    assert rows[5]["text"] == 'Mayor denies congestion-fee plan: "There is no such scheme"'
    assert rows[0]["id"] == "emergent-a101"
    from gainsay.corpus.schema import schema_problems

    assert all(schema_problems(x) == [] for x in rows)


def test_unknown_stance_is_a_clear_error_and_writes_nothing(tmp_path):
    out = tmp_path / "em.jsonl"
    r = run_cli("import", "emergent", FIX / "unknown_stance.csv", "--out", out)
    assert r.returncode == 1 and not out.exists()
    assert f"{FIX / 'unknown_stance.csv'}:4: articleHeadlineStance: 'neutral' is not one of: for, against, observing" in r.stderr
    assert "Traceback" not in r.stderr


def test_missing_column_and_bad_rows(tmp_path):
    src = tmp_path / "x.csv"
    src.write_text("claimHeadline,articleHeadline,articleId\nA,B,1\n", encoding="utf-8")
    r = run_cli("import", "emergent", src, "--out", tmp_path / "o.jsonl")
    assert r.returncode == 1
    assert "missing column(s) articleHeadlineStance, claimId" in r.stderr
    src.write_text("claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId\n"
                   'A,"B, b",for,1,c\nA,C,against,1,c\nA,,for,2,c\n', encoding="utf-8")
    r = run_cli("import", "emergent", src, "--out", tmp_path / "o.jsonl")
    assert r.returncode == 1
    assert f"{src}:3: articleId: '1' already at line 2" in r.stderr
    assert f"{src}:4: articleHeadline: is empty" in r.stderr


def test_predict_and_score_take_imported_records(tmp_path):
    out, pred = tmp_path / "em.jsonl", tmp_path / "p.jsonl"
    assert run_cli("import", "emergent", FIX / "sample.csv", "--out", out).returncode == 0
    r = run_cli("predict", "--model", "rules", "--input", out, "--out", pred, env={"GAINSAY_CACHE": str(tmp_path)})
    assert r.returncode == 0, r.stderr
    r = run_cli("score", "--gold", out, "--pred", pred)
    assert r.returncode == 0, r.stderr
    assert "items: 6" in r.stdout
