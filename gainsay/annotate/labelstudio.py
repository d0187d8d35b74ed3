"""Label Studio: tasks with pre-annotations out, its JSON export back in.

Follows Label Studio's documented formats: a task is {"data": {...}, "predictions":
[{"model_version", "result": [...]}]}; an export is a list of tasks, each with
"annotations": [{"id", "completed_by", "result", "was_cancelled", "created_at",
"updated_at", ...}]. A result region is {"from_name", "to_name", "type", "value"}: type
"choices" with value {"choices": [label]} for the label, type "labels" with value
{"start", "end", "text", "labels": ["source" | "cue"]} for a span.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from gainsay.corpus.io import read_text, write_jsonl_atomic, write_text_atomic
from gainsay.corpus.labels import LABELS
from gainsay.corpus.records import DOC_FIELDS
from gainsay.problems import Problem, ProblemsFound

FROM_LABEL, FROM_SPANS, TO_TEXT = "label", "spans", "text"
SPAN_KINDS = ("source", "cue")
KEPT = ("id", "doc_id", "position", *DOC_FIELDS)  # carried through data.*
MODEL_VERSION = "gainsay-batch"


def labelling_config() -> str:
    """The Label Studio labelling configuration matching the tasks this module writes."""
    choices = "\n".join(f'    <Choice value="{l}"/>' for l in LABELS)
    return f"""<View>
  <Header value="Does the sentence make a claim, deny one, or report what someone else says? (GUIDELINES.md)"/>
  <Text name="{TO_TEXT}" value="$text"/>
  <Labels name="{FROM_SPANS}" toName="{TO_TEXT}">
    <Label value="source" background="#1f77b4"/>
    <Label value="cue" background="#ff7f0e"/>
  </Labels>
  <Choices name="{FROM_LABEL}" toName="{TO_TEXT}" choice="single-radio" showInline="true" required="true">
{choices}
  </Choices>
  <Header value="The sentence in its document" size="6"/>
  <Text name="context" value="$context"/>
</View>
"""


def _results(record: dict) -> list[dict]:
    out = []
    if record.get("label"):
        out.append({"id": f"{record['id']}-label", "from_name": FROM_LABEL, "to_name": TO_TEXT, "type": "choices",
                    "value": {"choices": [record["label"]]}})
    for kind in SPAN_KINDS:
        span = record.get(kind)
        if span:
            out.append({"id": f"{record['id']}-{kind}", "from_name": FROM_SPANS, "to_name": TO_TEXT, "type": "labels",
                        "value": {"start": span["start"], "end": span["end"], "text": span["text"], "labels": [kind]}})
    return out


def to_tasks(records: list[dict]) -> list[dict]:
    """One task per sentence; the document as context; labels and spans as pre-annotations."""
    docs: dict[str, list[dict]] = {}
    for r in records:
        docs.setdefault(r["doc_id"], []).append(r)
    tasks = []
    for r in records:
        context = "\n".join(("» " if o["id"] == r["id"] else "  ") + o["text"] for o in docs[r["doc_id"]])
        data = {"text": r["text"], "context": context, **{f"gainsay_{k}": r[k] for k in KEPT if k in r}}
        if r.get("phenomena"):
            data["gainsay_phenomena"] = r["phenomena"]
        task = {"data": data}
        if r.get("label") or r.get("source") or r.get("cue"):
            task["predictions"] = [{"model_version": MODEL_VERSION, "result": _results(r)}]
        tasks.append(task)
    return tasks


def export_file(batch: str | Path, out: str | Path) -> int:
    from gainsay.corpus.records import read_batch

    tasks = to_tasks(read_batch(Path(batch)))
    write_text_atomic(out, json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
    return len(tasks)


_ANNOTATOR = re.compile(r"[^A-Za-z0-9._-]+")


def annotator_id(completed_by) -> str | None:
    """A stable annotator id from Label Studio's completed_by (a user id, or a user object)."""
    if isinstance(completed_by, dict):
        completed_by = completed_by.get("email") or completed_by.get("username") or completed_by.get("id")
    if isinstance(completed_by, bool) or completed_by is None:
        return None
    if isinstance(completed_by, int):
        return f"ls-user-{completed_by}"
    if isinstance(completed_by, str) and completed_by.strip():
        name = _ANNOTATOR.sub("-", completed_by.split("@")[0]).strip("-.")
        return f"ls-{name}"[:64] if name else None
    return None


def _read_annotation(ann: dict, text: str, where: str, problems: list[Problem], path: str) -> dict | None:
    """label, source, cue of one annotation, or None (with problems) when unusable."""
    label, spans = None, {}
    result = ann.get("result")
    if not isinstance(result, list):
        problems.append(Problem(path, None, f"{where}.result", "missing or not a list"))
        return None
    for k, region in enumerate(result):
        rw = f"{where}.result[{k}]"
        if not isinstance(region, dict) or not isinstance(region.get("value"), dict):
            problems.append(Problem(path, None, rw, "not a result region with a value"))
            return None
        value = region["value"]
        if region.get("type") == "choices" and region.get("from_name") == FROM_LABEL:
            chosen = value.get("choices")
            if not isinstance(chosen, list) or len(chosen) != 1 or chosen[0] not in LABELS:
                problems.append(Problem(path, None, f"{rw}.value.choices", f"{chosen!r} is not one of: {', '.join(LABELS)}"))
                return None
            label = chosen[0]
        elif region.get("type") == "labels" and region.get("from_name") == FROM_SPANS:
            kinds = value.get("labels")
            start, end = value.get("start"), value.get("end")
            if not isinstance(kinds, list) or len(kinds) != 1 or kinds[0] not in SPAN_KINDS:
                problems.append(Problem(path, None, f"{rw}.value.labels", f"{kinds!r} is not one of: {', '.join(SPAN_KINDS)}"))
                return None
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                problems.append(Problem(path, None, f"{rw}.value", f"offsets {start}-{end} do not fit the sentence ({len(text)} characters)"))
                return None
            if "text" in value and value["text"] != text[start:end]:
                problems.append(Problem(path, None, f"{rw}.value.text", f"{value['text']!r} is not the sentence's text at {start}-{end} ({text[start:end]!r})"))
                return None
            if kinds[0] in spans:
                problems.append(Problem(path, None, rw, f"a second {kinds[0]} span: mark one per sentence"))
                return None
            spans[kinds[0]] = {"text": text[start:end], "start": start, "end": end}
    if label is None:
        problems.append(Problem(path, None, f"{where}.result", "no label chosen (a 'choices' region from 'label')"))
        return None
    return {"label": label, **{k: spans.get(k) for k in SPAN_KINDS}}


def from_export(tasks, path: str, prefer: str | None = None) -> list[dict]:
    """Records from a Label Studio JSON export: every annotator's label in `annotations`;
    the record's label and spans from the most recent annotation (or from `prefer`)."""
    problems: list[Problem] = []
    if not isinstance(tasks, list):
        raise ProblemsFound([Problem(path, None, "export", "not a JSON list of tasks (export as 'JSON' from Label Studio)")])
    records = []
    seen: dict[str, int] = {}
    for i, task in enumerate(tasks):
        where = f"task[{i}]"
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict):
            problems.append(Problem(path, None, where, "not a task with a data object"))
            continue
        rid, text = data.get("gainsay_id"), data.get("text")
        doc, pos = data.get("gainsay_doc_id"), data.get("gainsay_position")
        if not (isinstance(rid, str) and isinstance(text, str) and isinstance(doc, str) and type(pos) is int):
            problems.append(Problem(path, None, f"{where}.data", "lacks text, gainsay_id, gainsay_doc_id or gainsay_position: "
                                    "was the task made by `gainsay export labelstudio`?"))
            continue
        if rid in seen:
            problems.append(Problem(path, None, f"{where}.data.gainsay_id", f"{rid!r} already in task[{seen[rid]}]"))
            continue
        seen[rid] = i
        latest: dict[str, tuple] = {}
        before = len(problems)
        anns = task.get("annotations") or []
        if not isinstance(anns, list):
            problems.append(Problem(path, None, f"{where}.annotations", "not a list"))
            continue
        for j, ann in enumerate(anns):
            aw = f"{where}.annotations[{j}]"
            if not isinstance(ann, dict):
                problems.append(Problem(path, None, aw, "not an object"))
                continue
            if ann.get("was_cancelled"):
                continue  # a skipped task is no judgement
            who = annotator_id(ann.get("completed_by"))
            if who is None:
                problems.append(Problem(path, None, f"{aw}.completed_by", "missing: every annotation needs its annotator"))
                continue
            got = _read_annotation(ann, text, aw, problems, path)
            if got is None:
                continue
            when = str(ann.get("updated_at") or ann.get("created_at") or "")
            if who not in latest or when >= latest[who][0]:
                latest[who] = (when, got)
        if not latest:
            if len(problems) == before:
                problems.append(Problem(path, None, f"{where}.annotations", f"{rid}: no completed annotation"))
            continue
        if prefer and prefer not in latest:
            problems.append(Problem(path, None, f"{where}.annotations", f"{rid}: no annotation by {prefer!r} (annotators: {', '.join(sorted(latest))})"))
            continue
        chosen = dict(latest[prefer][1] if prefer else max(latest.values(), key=lambda wg: wg[0])[1])
        if not (chosen["source"] or chosen["cue"]):
            # the deciding annotation marks no span: take the spans of the most recent
            # annotation with the same label that does
            marked = [wg for wg in latest.values() if wg[1]["label"] == chosen["label"] and (wg[1]["source"] or wg[1]["cue"])]
            if marked:
                got = max(marked, key=lambda wg: wg[0])[1]
                chosen.update(source=got["source"], cue=got["cue"])
        rec = {"id": rid, "doc_id": doc, "position": pos, "text": text,
               "label": chosen["label"], "source": chosen["source"], "cue": chosen["cue"],
               "phenomena": data.get("gainsay_phenomena") or [],
               "annotations": [{"annotator": who, "label": got["label"]} for who, (_, got) in sorted(latest.items())]}
        rec.update({k: data[f"gainsay_{k}"] for k in DOC_FIELDS if data.get(f"gainsay_{k}")})
        records.append(rec)
    if problems:
        raise ProblemsFound(problems, f"{path}: {len(problems)} problem(s); nothing was written")
    return records


def import_file(src: str | Path, out: str | Path, prefer: str | None = None) -> int:
    name = str(src)
    text = read_text(src)
    try:
        tasks = json.loads(text)
    except RecursionError:
        raise ProblemsFound([Problem(name, None, "file", "nested too deeply to be a Label Studio export")])
    except ValueError as e:
        raise ProblemsFound([Problem(name, getattr(e, "lineno", None), "file", f"not valid JSON: {getattr(e, 'msg', e)}")])
    records = from_export(tasks, name, prefer)
    write_jsonl_atomic(out, records)
    return len(records)
