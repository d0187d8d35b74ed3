"""Data-quality checks on the real corpus in data/."""
import json

from conftest import DATA, read_jsonl, run_cli
from gainsay.corpus import stats
from gainsay.corpus.validate import SIGNAL_ELSEWHERE
from gainsay.corpus.labels import LABELS
from gainsay.annotate.segment import split_article
from gainsay.corpus.splits import split_of

SPLITS = ("train", "validation", "test")


def all_records():
    return {s: read_jsonl(DATA / f"{s}.jsonl") for s in SPLITS}


def test_corpus_validates():
    r = run_cli("validate", DATA)
    assert r.returncode == 0, r.stdout[-3000:]
    assert "no problems" in r.stdout


def test_broken_copy_names_lines_3_and_5(tmp_path):
    lines = (DATA / "test.jsonl").read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[2])
    row["label"] = "Maybe"
    lines[2] = json.dumps(row)
    lines[4] = lines[4][: len(lines[4]) // 2]
    bad = tmp_path / "test.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run_cli("validate", bad)
    assert r.returncode == 1
    assert "Traceback" not in r.stdout + r.stderr
    assert f"{bad}:3: label: 'Maybe' is not one of: claim, denial, attribution" in r.stdout
    assert f"{bad}:5: record: not valid JSON" in r.stdout


def test_seed_document_is_the_article_in_test():
    seed = [r for r in read_jsonl(DATA / "test.jsonl") if r["doc_id"] == "seed"]
    article = (DATA / "seed" / "article.txt").read_text(encoding="utf-8")
    assert [r["text"] for r in seed] == split_article(article)
    assert len(seed) == 14
    assert {r["origin"] for r in seed} == {"seed"}
    assert [r["position"] for r in seed] == list(range(14))
    for r in seed:
        names = [a["annotator"] for a in r["annotations"]]
        assert len(names) == len(set(names)) >= 2, r["id"]
    # the scheme: the seed holds denials and attributions but no writer-voice claim
    assert {r["label"] for r in seed} == {"denial", "attribution"}


def test_documents_sit_in_their_deterministic_split():
    for split, rows in all_records().items():
        for r in rows:
            assert split_of(r["doc_id"]) == split, (r["id"], split)


def test_ids_are_derived_from_document_and_position():
    for rows in all_records().values():
        for r in rows:
            assert r["id"] == f"{r['doc_id']}-{r['position']:02d}"


def test_no_near_duplicates_beyond_one_percent():
    s = json.loads(stats.stats_path(DATA).read_text(encoding="utf-8"))
    assert s["near_duplicates"]["share"] <= 0.01


def test_committed_stats_file_is_up_to_date():
    committed = json.loads(stats.stats_path(DATA).read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(stats.compute(DATA)))


def test_spans_point_into_their_text():
    for rows in all_records().values():
        for r in rows:
            for name in ("source", "cue"):
                span = r.get(name)
                if span:
                    assert r["text"][span["start"]:span["end"]] == span["text"]
            if r["label"] != "claim":  # a cue, unless the signal stands in another sentence
                assert r["cue"] or SIGNAL_ELSEWHERE & set(r["phenomena"]), r["id"]


def test_every_label_holds_at_least_a_tenth_of_every_split():
    for split, rows in all_records().items():
        n = len(rows)
        for label in LABELS:
            share = sum(r["label"] == label for r in rows) / n
            assert share >= 0.10, (split, label, share)


def test_every_record_names_its_portion():
    for split, rows in all_records().items():
        for r in rows:
            want = "natural" if r["origin"] == "seed" or r["doc_id"].startswith("n") else "enriched"
            assert r.get("portion") == want, r["id"]
    assert {r["portion"] for r in read_jsonl(DATA / "challenge.jsonl")} == {"challenge"}


def test_release_size_and_coverage():
    rows = [r for rs in all_records().values() for r in rs]
    assert len(rows) >= 4000
    assert len({r["doc_id"] for r in rows}) >= 300
    assert len({r["topic"] for r in rows}) >= 12
    assert len({r["genre"] for r in rows if r["origin"] == "authored"}) >= 5
    assert sum(bool(r["phenomena"]) for r in rows) / len(rows) >= 0.25
    assert len({stats.cue_key(r) for r in rows if r.get("cue")}) >= 150


def test_near_duplicates_recomputed_stay_under_one_percent():
    rows = [r for rs in all_records().values() for r in rs]
    pairs = stats.near_duplicates([r["text"] for r in rows])
    involved = {i for i, _, _ in pairs} | {j for _, j, _ in pairs}
    assert len(involved) / len(rows) <= 0.01


def test_every_sentence_has_two_independent_labels_and_disagreements_are_adjudicated():
    for rows in all_records().values():
        for r in rows:
            anns = r["annotations"]
            assert len(anns) >= 2, r["id"]
            assert len({a["annotator"] for a in anns}) == len(anns)
            if len({a["label"] for a in anns}) > 1:
                assert r.get("adjudication") and r["adjudication"]["reason"], r["id"]
                assert r["adjudication"]["label"] == r["label"]
            else:
                assert r["label"] == anns[0]["label"], r["id"]


def test_denial_tags_only_on_denials():
    rejecting = {"attributed_denial", "writer_denial", "implicit_denial", "denial_of_denial", "partial_rejection"}
    for rows in all_records().values():
        for r in rows:
            if rejecting & set(r["phenomena"]):
                assert r["label"] == "denial", r["id"]


def test_challenge_groups_hold_the_minimal_pairs():
    rows = read_jsonl(DATA / "challenge.jsonl")
    assert len(rows) >= 300
    groups = {}
    for r in rows:
        groups.setdefault(r["group"], []).append(r)
    required = {"claim": "claim", "attribution": "attribution", "denial": "denial",
                "reported_negative": "attribution", "non_answer": "claim"}
    for name, items in groups.items():
        variants = {r["variant"]: r["label"] for r in items}
        assert len(items) >= 6, name
        for variant, label in required.items():
            assert variants.get(variant) == label, (name, variant)
        for r in items:
            assert r["phenomena"] or r["variant"] in ("claim", "attribution"), r["id"]
    assert run_cli("validate", DATA / "challenge.jsonl").returncode == 0


def test_committed_profile_file_is_up_to_date_and_matches_the_reference_keys():
    from gainsay.corpus import profile

    result = profile.compute(DATA)
    committed = json.loads(profile.profile_path(DATA).read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps({"portions": result["portions"]}))
    ref = result["reference"]
    assert ref["source"] and ref["method"]
    keys = set(result["portions"]["natural"])
    assert set(ref["figures"]) <= keys and set(ref["targets"]) <= keys


def test_profile_command_prints_each_portion_beside_real_news():
    r = run_cli("profile", DATA)
    assert r.returncode == 0, r.stderr
    head = r.stdout.splitlines()[0]
    assert "enriched" in head and "natural" in head and "real news" in head
    j = json.loads(run_cli("profile", DATA, "--json").stdout)
    assert j["portions"]["natural"]["docs"] >= 1
