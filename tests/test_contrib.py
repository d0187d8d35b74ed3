"""Contributing: segment, the plain-text format, Label Studio, agreement, combine, merge."""
import hashlib
import json
import shutil

import pytest

from conftest import DATA, FIXTURES, ROOT, read_jsonl, run_cli

EVAL = FIXTURES
ARTICLE = DATA / "seed" / "article.txt"


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*")) if p.is_file()}


def write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_segment_seed_article(tmp_path):
    out = tmp_path / "b.jsonl"
    r = run_cli("segment", ARTICLE, "--doc-id", "contrib-seed", "--out", out, "--topic", "defence", "--genre", "online_news")
    assert r.returncode == 0, r.stderr
    rows = read_jsonl(out)
    assert len(rows) == 14
    assert [x["id"] for x in rows] == [f"contrib-seed-{i:02d}" for i in range(14)]
    assert rows[0] == {"id": "contrib-seed-00", "doc_id": "contrib-seed", "position": 0, "origin": "contributed",
                       "portion": "natural", "phenomena": ["headline"],
                       "text": "Iran denies reports it is to deliver ballistic missiles to Russia",
                       "topic": "defence", "genre": "online_news"}
    assert all("phenomena" not in x for x in rows[1:])
    bad = run_cli("segment", ARTICLE, "--doc-id", "no spaces allowed", "--out", tmp_path / "x.jsonl")
    assert bad.returncode == 2 and "--doc-id" in bad.stderr and not (tmp_path / "x.jsonl").exists()


def test_segment_leaves_out_metadata_unwraps_and_warns(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Harbour Board Backs Dredging Plan\nBy Dana Holt\nUpdated 14:32 GMT\n"
                       "The harbour board voted on Monday to dredge the\ninner channel, two members said, after a long\n"
                       "meeting that ran past midnight.\n\nWork will begin in March, the chair told\n"
                       "reporters outside the building.\nFollow us on Chirp\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run_cli("segment", article, "--doc-id", "harb", "--out", out)
    assert r.returncode == 0 and "look hard-wrapped" in r.stderr and "left out 3 metadata line(s)" in r.stderr
    r = run_cli("segment", article, "--doc-id", "harb", "--out", out, "--unwrap")
    assert r.returncode == 0 and "hard-wrapped" not in r.stderr
    assert [x["text"] for x in read_jsonl(out)] == [
        "Harbour Board Backs Dredging Plan",
        "The harbour board voted on Monday to dredge the inner channel, two members said, after a long meeting that ran past midnight.",
        "Work will begin in March, the chair told reporters outside the building."]


def test_segment_limits(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Headline\n" + "A short sentence here. " * 60_000, encoding="utf-8")
    r = run_cli("segment", big, "--doc-id", "big", "--out", tmp_path / "out.jsonl")
    assert r.returncode == 1 and "an article is at most 1,000,000" in r.stderr
    many = tmp_path / "many.txt"
    many.write_text("Headline\n" + "\n".join(f"Line {i} ends here." for i in range(10_050)), encoding="utf-8")
    r = run_cli("segment", many, "--doc-id", "many", "--out", tmp_path / "out.jsonl")
    assert r.returncode == 1 and "a document holds at most 10,001" in r.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_render_then_compile_is_the_identity(tmp_path):
    batch = tmp_path / "b.jsonl"
    assert run_cli("segment", ARTICLE, "--doc-id", "contrib-seed", "--out", batch).returncode == 0
    for source in (batch, None):
        if source is None:  # a labelled batch: the seed records
            source = write(tmp_path / "labelled.jsonl", [{k: v for k, v in r.items() if k not in ("annotations",)}
                                                         for r in read_jsonl(DATA / "test.jsonl") if r["doc_id"] == "seed"])
        txt, back = tmp_path / "a.txt", tmp_path / "back.jsonl"
        assert run_cli("render", source, "--out", txt).returncode == 0
        r = run_cli("compile", txt, "--out", back, "--allow-undecided")
        assert r.returncode == 0, r.stderr
        assert read_jsonl(back) == read_jsonl(source)


def test_compile_errors_name_file_line_and_field(tmp_path):
    out = tmp_path / "x.jsonl"
    r = run_cli("compile", "bad.txt", "--out", out, cwd=EVAL / "contrib")
    assert r.returncode == 1 and not out.exists() and "Traceback" not in r.stderr
    lines = [l for l in r.stderr.splitlines() if not l.startswith("gainsay compile:")]
    assert lines == (EVAL / "contrib" / "bad.expected").read_text(encoding="utf-8").splitlines()


def test_labelstudio_config_and_tasks(tmp_path):
    r = run_cli("export", "labelstudio", "--config")
    assert r.returncode == 0
    for piece in ('<Choices name="label" toName="text"', '<Choice value="denial"/>', '<Labels name="spans" toName="text"',
                  '<Label value="source"', '<Label value="cue"'):
        assert piece in r.stdout
    batch = tmp_path / "b.jsonl"
    assert run_cli("compile", EVAL / "contrib" / "seed-annotated.txt", "--out", batch, "--annotator", "ann-a").returncode == 0
    tasks_path = tmp_path / "tasks.json"
    assert run_cli("export", "labelstudio", batch, "--out", tasks_path).returncode == 0
    tasks = json.loads(tasks_path.read_text())
    assert len(tasks) == 14
    first = tasks[0]
    assert first["data"]["text"].startswith("Iran denies") and first["data"]["gainsay_id"] == "contrib-seed-00"
    regions = first["predictions"][0]["result"]
    assert {"from_name": "label", "to_name": "text", "type": "choices", "value": {"choices": ["denial"]}}.items() <= regions[0].items()
    assert regions[1]["value"] == {"start": 0, "end": 4, "text": "Iran", "labels": ["source"]}
    assert run_cli("export", "labelstudio", batch).returncode == 2


def test_labelstudio_import_keeps_every_annotator_and_takes_the_latest(tmp_path):
    out = tmp_path / "ls.jsonl"
    r = run_cli("import", "labelstudio", EVAL / "labelstudio" / "export.json", "--out", out)
    assert r.returncode == 0, r.stderr
    a, b = read_jsonl(out)
    assert a["annotations"] == [{"annotator": "ls-mara.osk", "label": "denial"}, {"annotator": "ls-user-9", "label": "denial"}]
    assert a["source"]["text"] == "Harbour board" and a["cue"]["text"] == "denies"
    # mara's later annotation (11:45) replaces her earlier one; the cancelled one is ignored
    assert b["label"] == "attribution" and b["source"]["text"] == "The board"
    assert b["annotations"] == [{"annotator": "ls-mara.osk", "label": "attribution"}, {"annotator": "ls-user-9", "label": "attribution"}]
    r = run_cli("import", "labelstudio", EVAL / "labelstudio" / "export.json", "--out", out, "--prefer", "ls-user-9")
    assert r.returncode == 0
    assert read_jsonl(out)[1]["source"] is None and read_jsonl(out)[1]["cue"]["text"] == "said"


def test_labelstudio_import_errors(tmp_path):
    out = tmp_path / "ls.jsonl"
    r = run_cli("import", "labelstudio", "bad_export.json", "--out", out, cwd=EVAL / "labelstudio")
    assert r.returncode == 1 and not out.exists()
    lines = [l for l in r.stderr.splitlines() if not l.startswith("gainsay import:")]
    assert lines == (EVAL / "labelstudio" / "bad_export.expected").read_text(encoding="utf-8").splitlines()
    (tmp_path / "x.json").write_text('{"data": 1', encoding="utf-8")
    r = run_cli("import", "labelstudio", tmp_path / "x.json", "--out", out)
    assert r.returncode == 1 and "not valid JSON" in r.stderr


def simulate_labelstudio(tasks, email, change=None):
    """What Label Studio exports after an annotator submits each task, accepting the
    pre-annotation (and changing the label of the task at index `change`)."""
    export = []
    for i, t in enumerate(tasks):
        result = json.loads(json.dumps(t["predictions"][0]["result"]))
        if i == change:
            result = [{"id": "x", "from_name": "label", "to_name": "text", "type": "choices", "value": {"choices": ["attribution"]}},
                      *[r for r in result if r["type"] == "labels"]]
        export.append({"id": 1000 + i, "data": t["data"], "predictions": t["predictions"], "project": 1,
                       "annotations": [{"id": 2000 + i, "completed_by": {"id": 5, "email": email}, "result": result,
                                        "was_cancelled": False, "ground_truth": False, "task": 1000 + i,
                                        "created_at": "2026-11-30T10:00:00Z", "updated_at": f"2026-11-30T10:{i:02d}:00Z"}]})
    return export


def test_labelstudio_round_trip_keeps_ids_labels_and_spans(tmp_path):
    batch = tmp_path / "b.jsonl"
    assert run_cli("compile", EVAL / "contrib" / "seed-annotated.txt", "--out", batch).returncode == 0
    assert run_cli("export", "labelstudio", batch, "--out", tmp_path / "t.json").returncode == 0
    export = simulate_labelstudio(json.loads((tmp_path / "t.json").read_text()), "kit@example.org")
    (tmp_path / "e.json").write_text(json.dumps(export))
    assert run_cli("import", "labelstudio", tmp_path / "e.json", "--out", tmp_path / "back.jsonl").returncode == 0
    before, after = read_jsonl(batch), read_jsonl(tmp_path / "back.jsonl")
    for x, y in zip(before, after, strict=True):
        for key in ("id", "doc_id", "position", "text", "label", "source", "cue", "phenomena", "origin", "topic", "genre"):
            assert x.get(key) == y.get(key), (x["id"], key)


def corpus_without_seed(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    rows = [r for r in read_jsonl(data / "test.jsonl") if r["doc_id"] != "seed"]
    write(data / "test.jsonl", rows)
    return data


def test_end_to_end_from_article_to_merged_batch(tmp_path):
    """Segment the seed article, label it in the plain-text format (annotator A), round-trip it
    through Label Studio (annotator B changes one label), measure agreement, adjudicate, combine,
    and merge into a copy of the corpus."""
    w = tmp_path
    assert run_cli("segment", ARTICLE, "--doc-id", "contrib-seed", "--out", w / "batch.jsonl",
                   "--topic", "defence", "--genre", "online_news").returncode == 0
    assert run_cli("render", w / "batch.jsonl", "--out", w / "blank.txt").returncode == 0
    annotated = (EVAL / "contrib" / "seed-annotated.txt").read_text(encoding="utf-8")
    blank = (w / "blank.txt").read_text(encoding="utf-8")
    strip = lambda t: [l.split(" | ")[1].split(" || ")[0].replace("[[", "").replace("]]", "").replace("{{", "").replace("}}", "")
                       for l in t.splitlines() if " | " in l]
    assert strip(annotated) == strip(blank)  # the annotated file is the segmented article, labelled
    (w / "a.txt").write_text(annotated, encoding="utf-8")
    assert run_cli("compile", w / "a.txt", "--out", w / "a.jsonl", "--annotator", "ann-a").returncode == 0
    assert run_cli("export", "labelstudio", w / "a.jsonl", "--out", w / "tasks.json").returncode == 0
    export = simulate_labelstudio(json.loads((w / "tasks.json").read_text()), "ann-b@example.org", change=12)
    (w / "export.json").write_text(json.dumps(export))
    assert run_cli("import", "labelstudio", w / "export.json", "--out", w / "b.jsonl").returncode == 0

    r = run_cli("agree", w / "a.jsonl", w / "b.jsonl", "--json", w / "agree.json", "--disagreements", w / "dis.jsonl")
    assert r.returncode == 0, r.stderr
    report = json.loads((w / "agree.json").read_text())
    assert report["annotators"] == ["ann-a", "ls-ann-b"] and report["disagreements"] == 1
    assert report["pairwise"][0]["observed"] == pytest.approx(13 / 14)
    assert 0.8 < report["krippendorff_alpha_nominal"] < 1
    dis = read_jsonl(w / "dis.jsonl")
    assert [d["id"] for d in dis] == ["contrib-seed-12"]

    # without an adjudication, combine refuses
    r = run_cli("combine", w / "a.jsonl", w / "b.jsonl", "--out", w / "final.jsonl")
    assert r.returncode == 1 and "contrib-seed-12: annotators disagree" in r.stderr and not (w / "final.jsonl").exists()
    dis[0].update(label="denial", reason="Dismisses the linking as politically motivated: an implicit denial (3.1).")
    write(w / "adj.jsonl", dis)
    r = run_cli("combine", w / "a.jsonl", w / "b.jsonl", "--adjudication", w / "adj.jsonl", "--adjudicator", "lead-c",
                "--out", w / "final.jsonl")
    assert r.returncode == 0, r.stderr
    final = read_jsonl(w / "final.jsonl")
    assert final[12]["label"] == "denial" and final[12]["adjudication"]["annotator"] == "lead-c"
    assert all(len(x["annotations"]) == 2 for x in final)

    data = corpus_without_seed(w)
    r = run_cli("merge", w / "final.jsonl", "--data", data)
    assert r.returncode == 0, r.stderr
    assert "merged 14 records (14 to test)" in r.stdout
    assert [x["id"] for x in read_jsonl(data / "test.jsonl")][-14:] == [f"contrib-seed-{i:02d}" for i in range(14)]
    assert run_cli("validate", data).returncode == 0
    stats = json.loads((data / "stats.json").read_text())
    assert stats["origin"]["contributed"] == 14
    before = digest(data)
    r = run_cli("merge", w / "final.jsonl", "--data", data)
    assert r.returncode == 0 and "nothing to do" in r.stdout
    assert digest(data) == before


def test_merge_refuses_with_every_problem_and_changes_nothing(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = digest(data)
    seed = [r for r in read_jsonl(DATA / "test.jsonl") if r["doc_id"] == "seed"]
    rows = []
    for r in seed[:3]:
        r = dict(r, doc_id="dup-doc", id=f"dup-doc-{r['position']:02d}", origin="contributed")
        rows.append(r)
    rows[1]["annotations"] = rows[1]["annotations"][:1]
    rows.append({"id": "dup-doc-03", "doc_id": "dup-doc", "position": 4, "text": "A brand new sentence about harbour fees in Osk.",
                 "origin": "contributed"})
    batch = write(tmp_path / "batch.jsonl", rows)
    r = run_cli("merge", batch, "--data", data)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"{batch}:4: label: missing: annotate the batch (and adjudicate) before merging" in r.stderr
    assert digest(data) == before
    rows = rows[:3]
    write(batch, rows)
    r = run_cli("merge", batch, "--data", data)
    assert r.returncode == 1
    err = r.stderr
    assert f"{batch}:1: text: same text as {data / 'test.jsonl'}:1" in err
    assert f"{batch}:2: annotations: 1 annotator(s); a contribution needs 2 independent passes (see CONTRIBUTING.md)" in err
    assert digest(data) == before


CONTRIB = sorted((ROOT / "contrib").glob("*.jsonl"))


@pytest.mark.parametrize("batch", CONTRIB, ids=[p.name for p in CONTRIB])
def test_contributed_batches_would_merge(batch):
    """CI: every batch placed in contrib/ passes every check merge makes."""
    r = run_cli("merge", "--check", batch)
    assert r.returncode == 0, r.stderr


def test_merge_check_writes_nothing(tmp_path):
    w = tmp_path
    assert run_cli("compile", EVAL / "contrib" / "seed-annotated.txt", "--out", w / "a.jsonl", "--annotator", "ann-a").returncode == 0
    assert run_cli("compile", EVAL / "contrib" / "seed-annotated.txt", "--out", w / "b.jsonl", "--annotator", "ann-b").returncode == 0
    assert run_cli("combine", w / "a.jsonl", w / "b.jsonl", "--out", w / "final.jsonl").returncode == 0
    data = corpus_without_seed(w)
    before = digest(data)
    r = run_cli("merge", "--check", w / "final.jsonl", "--data", data)
    assert r.returncode == 0 and "ok: 14 records would merge (14 to test); nothing was written" in r.stdout
    assert digest(data) == before
    r = run_cli("merge", "--check", w / "final.jsonl")  # the real corpus holds the seed already
    assert r.returncode == 1 and "same text as" in r.stderr


def test_render_and_export_refuse_unsound_batches(tmp_path):
    bad = write(tmp_path / "bad.jsonl", [{"id": "x-00", "position": 0, "text": "The ferry left at dawn."},
                                         {"id": "x-01", "doc_id": "x", "position": 1, "text": "It rained.",
                                          "cue": {"text": "sun", "start": 3, "end": 6}}])
    for args in (("render", bad, "--out", tmp_path / "o.txt"), ("export", "labelstudio", bad, "--out", tmp_path / "o.json")):
        r = run_cli(*args)
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert f"{bad}:1: doc_id: missing (required)" in r.stderr
        assert f"{bad}:2: cue: offsets 3-6 point at 'rai', not 'sun'" in r.stderr
        assert not (tmp_path / "o.txt").exists() and not (tmp_path / "o.json").exists()
