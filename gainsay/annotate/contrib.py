"""From annotated batches to the corpus: agreement between annotators, combining their
passes with adjudications, and merging a finished batch into the split files."""
from __future__ import annotations

from pathlib import Path

from gainsay.corpus import agreement, stats
from gainsay.corpus.records import read_challenge, read_records
from gainsay.corpus.derived import derived_files
from gainsay.corpus.io import dumps, iter_jsonl, write_jsonl_atomic
from gainsay.corpus.transaction import commit, locked
from gainsay.corpus.labels import LABELS
from gainsay.corpus.splits import SPLITS
from gainsay.problems import Problem, ProblemsFound
from gainsay.corpus.splits import split_of
from gainsay.corpus.validate import SIGNAL_ELSEWHERE, CorpusIndex, check_record, normalise_text, validate_files


def pooled(paths: list[Path]) -> tuple[list[dict], list[Problem]]:
    """Records of several batches of the same sentences, their annotations pooled by id
    (each file may hold one annotator's pass, or several)."""
    by_id: dict[str, dict] = {}
    order: list[str] = []
    problems: list[Problem] = []
    spans_by_label: dict[str, dict[str, dict]] = {}
    for path in paths:
        for lineno, rec, problem in iter_jsonl(path):
            if problem:
                problems.append(problem)
                continue
            rid, text = rec.get("id"), rec.get("text")
            anns = rec.get("annotations")
            if not isinstance(rid, str) or not isinstance(text, str):
                problems.append(Problem(str(path), lineno, "id", "a record needs a string id and text"))
                continue
            if not isinstance(anns, list) or not anns or not all(isinstance(a, dict) and isinstance(a.get("annotator"), str)
                                                     and a.get("label") in LABELS for a in anns):
                problems.append(Problem(str(path), lineno, "annotations", "missing, or an entry lacks an annotator or a valid label"))
                continue
            if rid not in by_id:
                by_id[rid] = {**rec, "annotations": []}
                order.append(rid)
                spans_by_label[rid] = {}
            elif by_id[rid]["text"] != text:
                problems.append(Problem(str(path), lineno, "text", f"{rid!r} has another text in an earlier record"))
                continue
            # the spans and tags this file gives, kept under the label they go with
            if rec.get("label") in LABELS:
                spans_by_label[rid].setdefault(rec["label"], {k: rec.get(k) for k in ("source", "cue", "phenomena")})
            have = {a["annotator"]: a for a in by_id[rid]["annotations"]}
            for a in anns:
                if a["annotator"] in have and have[a["annotator"]]["label"] != a["label"]:
                    problems.append(Problem(str(path), lineno, "annotations", f"{a['annotator']!r} labels {rid!r} twice, differently"))
                elif a["annotator"] not in have:
                    by_id[rid]["annotations"].append({"annotator": a["annotator"], "label": a["label"]})
                    have[a["annotator"]] = a
    for rid in order:
        by_id[rid]["_spans"] = spans_by_label[rid]
    return [by_id[i] for i in order], problems


def agree(paths: list[Path]) -> tuple[dict, list[dict]]:
    """Agreement report and the disagreements, ready for adjudication."""
    records, problems = pooled(paths)
    if problems:
        raise ProblemsFound(problems, f"{len(problems)} problem(s) in the batches")
    annotators, _ = agreement.annotator_table(records)
    if len(annotators) < 2:
        raise ProblemsFound([Problem(str(paths[0]), None, "annotations",
                                     f"only {len(annotators)} annotator(s) found; agreement needs two or more")])
    pairs = agreement.pairwise_kappa(records)
    disagreements = [{"id": r["id"], "text": r["text"], "labels": {a["annotator"]: a["label"] for a in r["annotations"]},
                      "label": None, "reason": None}
                     for r in records if len({a["label"] for a in r["annotations"]}) > 1]
    report = {"items": len(records), "annotators": annotators,
              "items_with_two_or_more": sum(len(r["annotations"]) >= 2 for r in records),
              "krippendorff_alpha_nominal": agreement.alpha(records), "pairwise": pairs,
              "disagreements": len(disagreements), "labels": list(LABELS)}
    return report, disagreements


def render_agreement(report: dict) -> str:
    a = report["krippendorff_alpha_nominal"]
    lines = [f"{report['items']} sentences, annotators: {', '.join(report['annotators'])}",
             f"Krippendorff's alpha (nominal, all annotators): {'n/a' if a is None else f'{a:.3f}'}"]
    for p in report["pairwise"]:
        k = p["kappa"]
        lines.append(f"{p['a']} vs {p['b']}: {p['items']} shared items, observed {p['observed']:.1%}, "
                     f"Cohen's kappa {'n/a' if k is None else f'{k:.3f}'}")
        lines.append("  confusion (rows " + p["a"] + ", columns " + p["b"] + "; " + ", ".join(LABELS) + "):")
        lines += ["    " + " ".join(f"{n:>5}" for n in row) for row in p["confusion_rows_a_cols_b"]]
    lines.append(f"disagreements: {report['disagreements']}")
    return "\n".join(lines)


def combine(paths: list[Path], adjudication: Path | None, adjudicator: str) -> list[dict]:
    """One batch from several annotation passes: the agreed label where all agree, the
    adjudicated label (with its reason) where they do not. Spans and tags come from a file
    whose label is the final one (an annotator who chose it); a denial or attribution whose
    choosers gave no cue is refused, never written without the span its label needs."""
    records, problems = pooled(paths)
    decisions: dict[str, dict] = {}
    if adjudication:
        for lineno, rec, problem in iter_jsonl(adjudication):
            if problem:
                problems.append(problem)
            elif not isinstance(rec.get("id"), str):
                problems.append(Problem(str(adjudication), lineno, "id", "missing or not a string"))
            elif rec.get("label") not in LABELS or not isinstance(rec.get("reason"), str) or not rec["reason"].strip():
                problems.append(Problem(str(adjudication), lineno, "label" if rec.get("label") not in LABELS else "reason",
                                        "an adjudication needs a label from " + ", ".join(LABELS) + " and a reason"))
            else:
                decisions[rec.get("id")] = rec
    out = []
    for r in records:
        labels = {a["label"] for a in r["annotations"]}
        r = dict(r)
        r.pop("adjudication", None)
        if len(labels) == 1:
            r["label"] = labels.pop()
        elif r["id"] in decisions:
            d = decisions[r["id"]]
            r["label"] = d["label"]
            r["adjudication"] = {"annotator": adjudicator, "label": d["label"], "reason": d["reason"].strip()}
        else:
            problems.append(Problem(str(paths[0]), None, "label", f"{r['id']}: annotators disagree "
                                    f"({', '.join(f'{a}={l}' for a, l in ((x['annotator'], x['label']) for x in r['annotations']))}) "
                                    "and there is no adjudication for it"))
            continue
        spans = r.pop("_spans", {})
        chosen = spans.get(r["label"])
        if r["label"] == "claim":
            r["source"] = r["cue"] = None
            if chosen:
                r["phenomena"] = chosen.get("phenomena") or []
        elif chosen and (chosen.get("cue") or SIGNAL_ELSEWHERE & set(chosen.get("phenomena") or ())):
            r.update(source=chosen.get("source"), cue=chosen.get("cue"), phenomena=chosen.get("phenomena") or [])
        else:
            problems.append(Problem(str(paths[0]), None, "cue", f"{r['id']}: the final label is {r['label']}, but no file "
                                    f"labelling it {r['label']} gives the cue that label needs; add the spans to the pass "
                                    "of an annotator who chose it"))
            continue
        out.append(r)
    for r in records:
        r.pop("_spans", None)
    if problems:
        raise ProblemsFound(problems, f"{len(problems)} problem(s); nothing was written")
    return out


def merge(batch: Path, data: Path, min_annotators: int = 2, check_only: bool = False, log=None) -> dict:
    """Check a finished batch on its own and against the corpus (every split and the
    challenge set), then add it to the split files (each document to its deterministic
    split) and refresh the files derived from them, all in one commit under the data
    folder's lock.

    Every problem is listed and the corpus is left byte for byte unchanged on refusal.
    Merging a batch that is already in the corpus changes nothing."""
    name = str(batch)
    problems: list[Problem] = []
    rows = []
    for lineno, rec, problem in iter_jsonl(batch):
        if problem:
            problems.append(problem)
            continue
        if "label" not in rec:
            problems.append(Problem(name, lineno, "label", "missing: annotate the batch (and adjudicate) before merging"))
            continue
        problems += [Problem(name, lineno, f, m) for f, m in check_record(rec)]
        rows.append((lineno, rec))
    if not rows and not problems:
        problems.append(Problem(name, None, "file", "holds no records"))
    if problems:
        raise ProblemsFound(problems, f"{name}: {len(problems)} problem(s); the corpus is unchanged")
    if check_only:
        return _merge_locked(name, rows, data, min_annotators, True)
    with locked(data, log=log):
        return _merge_locked(name, rows, data, min_annotators, False)


def _merge_locked(name: str, rows: list, data: Path, min_annotators: int, check_only: bool) -> dict:
    problems: list[Problem] = []
    corpus = {s: read_records(data / f"{s}.jsonl") for s in SPLITS}
    challenge = read_challenge(data)
    by_id = {r["id"]: r for rs in corpus.values() for r in rs}
    if all(by_id.get(r["id"]) == r for _, r in rows):
        return {"merged": 0, "already_present": len(rows), "splits": {}}

    for lineno, r in rows:
        if len(r.get("annotations") or []) < min_annotators:
            problems.append(Problem(name, lineno, "annotations", f"{len(r.get('annotations') or [])} annotator(s); "
                                    f"a contribution needs {min_annotators} independent passes (see CONTRIBUTING.md)"))
        if r.get("origin") != "contributed":
            problems.append(Problem(name, lineno, "origin", f"{r.get('origin')!r}: a contributed batch has origin 'contributed'"))
    corpus_docs = {r["doc_id"]: s for s, rs in corpus.items() for r in rs}
    for lineno, r in rows:
        if r["id"] in by_id:
            problems.append(Problem(name, lineno, "id", f"{r['id']!r} is already in the corpus ({split_of(by_id[r['id']]['doc_id'])})"))
        elif r["doc_id"] in corpus_docs:
            problems.append(Problem(name, lineno, "doc_id", f"document {r['doc_id']!r} is already in the corpus ({corpus_docs[r['doc_id']]})"))
    # ids, positions and duplicate texts within the batch and against every corpus file,
    # the challenge set included: no sentence already in the corpus may come in again
    index = CorpusIndex()
    for s in SPLITS:
        for lineno, r in enumerate(corpus[s], 1):  # corpus files hold no blank lines
            index.add(f"{data / s}.jsonl", lineno, r)
    for lineno, r in enumerate(challenge, 1):
        index.add(f"{data / 'challenge'}.jsonl", lineno, r)
    for lineno, r in rows:
        problems += [p for p in index.add(name, lineno, r) if p.field == "text" or (p.field == "id" and r["id"] not in by_id)]
    problems += [p for p in index.position_problems() if p.path == name]
    texts = [r["text"] for rs in (*corpus.values(), challenge) for r in rs]
    new = [r["text"] for _, r in rows]
    for i, j, sim in stats.near_duplicates(texts + new):
        if i < len(texts) <= j:
            lineno = rows[j - len(texts)][0]
            if normalise_text(texts[i]) != normalise_text(new[j - len(texts)]):
                problems.append(Problem(name, lineno, "text", f"near duplicate (cosine {sim:.2f}) of a corpus sentence: {texts[i][:70]!r}"))
    if problems:
        problems.sort(key=lambda p: p.line or 0)
        raise ProblemsFound(problems, f"{name}: {len(problems)} problem(s); the corpus is unchanged")

    added: dict[str, int] = {}
    for _, r in rows:
        s = split_of(r["doc_id"])
        corpus[s].append(r)
        added[s] = added.get(s, 0) + 1
    if check_only:
        return {"merged": 0, "would_merge": len(rows), "already_present": 0, "splits": added}
    files = {f"{s}.jsonl": "".join(dumps(r) + "\n" for r in corpus[s]).encode("utf-8") for s in added}
    files.update(derived_files(corpus, challenge))

    def check(staged: dict[str, Path]) -> None:  # the merged corpus must validate before anything is replaced
        result = validate_files([staged.get(f"{s}.jsonl", data / f"{s}.jsonl") for s in SPLITS])
        if not result.ok:
            raise ProblemsFound(result.problems, "the merged corpus would not validate; the corpus is unchanged")

    commit(data, files, check)
    return {"merged": len(rows), "already_present": 0, "splits": added}
