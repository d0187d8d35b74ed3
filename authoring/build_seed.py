"""Build the seed document's records from data/seed/article.txt and the annotation passes."""
import json, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gainsay.annotate.segment import split_article
from gainsay.corpus.spans import find_span
from seed_labels import LEAD

def seed_records(second=None):
    text = Path(__file__).resolve().parent.parent.joinpath("data/seed/article.txt").read_text(encoding="utf-8")
    sents = split_article(text)
    assert len(sents) == len(LEAD) == 14
    out = []
    for i, (s, (label, src, cue, tags)) in enumerate(zip(sents, LEAD)):
        anns = [{"annotator": "lead", "label": label}]
        if second:
            anns.append({"annotator": second[0], "label": second[1][i]})
        r = {"id": f"seed-{i:02d}", "doc_id": "seed", "position": i, "text": s, "label": label,
             "source": find_span(s, src), "cue": find_span(s, cue), "phenomena": tags,
             "annotations": anns, "origin": "seed", "portion": "natural", "topic": "defence", "genre": "online_news"}
        assert (src is None) == (r["source"] is None) and (cue is None) == (r["cue"] is None), (i, src, cue)
        out.append(r)
    return out

if __name__ == "__main__":
    for r in seed_records():
        print(json.dumps(r, ensure_ascii=False))
