"""Converting a copy of PolNeAR (Newell, Margolin & Ruths 2018: attributions in US election
news, repository networkdynamics/PolNeAR) into records that `predict` and `score` take. The
project ships no PolNeAR text: users bring their own copy.

A split folder of PolNeAR (data/train, data/dev or data/test) holds, per article,
text/<article>.txt, corenlp/<article>.txt.xml (CoreNLP's sentences with character offsets)
and attributions/<article>_<annotator>.ann (brat standoff: Source, Cue and Content spans).
Each CoreNLP sentence becomes a record labelled `attribution` when it overlaps an
attribution's cue or content span, else `claim`. PolNeAR annotates attribution only, so
there is no `denial` (a source's rejection is an attribution there). Where an article has
several annotators' files, the first in name order is used, so the conversion is stable.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from gainsay.corpus.io import read_text, write_jsonl_atomic
from gainsay.problems import Problem, ProblemsFound

_SPAN = re.compile(r"^T\d+\t(Source|Cue|Content|Attribution) (\d+(?: \d+)*(?:;\d+ \d+)*)\t", re.M)
_ID = re.compile(r"[^A-Za-z0-9._-]+")
PARTS = ("text", "attributions", "corenlp")


def _spans(ann: str) -> list[tuple[int, int]]:
    """Character ranges of the cue and content spans (discontinuous spans split on ';')."""
    out = []
    for kind, ranges in _SPAN.findall(ann):
        if kind in ("Cue", "Content"):
            for part in ranges.split(";"):
                start, end = part.split()
                out.append((int(start), int(end)))
    return out


def _sentences(xml_path: Path, name: str) -> list[tuple[int, int]]:
    try:
        root = ET.parse(xml_path).getroot()
    except ET.ParseError as e:
        raise ProblemsFound([Problem(name, None, "corenlp", f"not valid CoreNLP XML ({e})")]) from None
    out = []
    for sentence in root.iter("sentence"):
        begins = [int(t.findtext("CharacterOffsetBegin")) for t in sentence.iter("token")]
        ends = [int(t.findtext("CharacterOffsetEnd")) for t in sentence.iter("token")]
        if begins:
            out.append((min(begins), max(ends)))
    return out


def read_polnear(folder: str | Path, skip_missing: bool = False, skipped: list | None = None) -> list[dict]:
    """Records of every article; an article without its CoreNLP file is an error, or, with
    `skip_missing`, left out and its name appended to `skipped`."""
    folder = Path(folder)
    name = str(folder)
    if not folder.is_dir():
        raise ProblemsFound([Problem(name, None, "folder", "not a folder")])
    missing = [p for p in PARTS if not (folder / p).is_dir()]
    if missing:
        raise ProblemsFound([Problem(name, None, "folder", f"not a PolNeAR split folder: no {', '.join(missing)} "
                                     f"subfolder; give data/train, data/dev or data/test of a PolNeAR copy")])
    records, problems = [], []
    texts = sorted((folder / "text").glob("*.txt"))
    if not texts:
        problems.append(Problem(name, None, "text", "holds no .txt articles"))
    for text_path in texts:
        stem = text_path.stem
        xml_path = folder / "corenlp" / f"{stem}.txt.xml"
        anns = sorted((folder / "attributions").glob(f"{stem}_*.ann"))
        if not xml_path.exists():
            if skip_missing:
                if skipped is not None:
                    skipped.append(stem)
                continue
            problems.append(Problem(str(xml_path), None, "corenlp", "missing: every article needs its CoreNLP file "
                                    "(--skip-missing leaves such articles out)"))
            continue
        if not anns:
            problems.append(Problem(str(text_path), None, "attributions", f"no {stem}_<annotator>.ann file"))
            continue
        try:
            text = read_text(text_path)
            spans = _spans(read_text(anns[0]))
            sentences = _sentences(xml_path, str(xml_path))
        except ProblemsFound as e:
            problems += e.problems
            continue
        doc = "polnear-" + _ID.sub("-", stem)[:80]
        for i, (start, end) in enumerate(sentences):
            sentence = " ".join(text[start:end].split())
            if not sentence:
                continue
            attributed = any(s < end and start < e for s, e in spans)
            records.append({"id": f"{doc}-{i:02d}", "doc_id": doc, "position": i, "text": sentence,
                            "label": "attribution" if attributed else "claim",
                            "phenomena": ["headline"] if i == 0 else []})
    if problems:
        raise ProblemsFound(problems, f"{name}: {len(problems)} problem(s); nothing was written")
    return records


def import_polnear(src: str | Path, out: str | Path, skip_missing: bool = False, log=print) -> int:
    skipped: list[str] = []
    records = read_polnear(src, skip_missing, skipped)
    if skipped:
        log(f"left out {len(skipped)} article(s) with no CoreNLP file: {', '.join(skipped)}")
    write_jsonl_atomic(out, records)
    return len(records)
