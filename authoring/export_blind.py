"""Write unlabelled documents for blind annotation: /work/blind/docs/<doc>.txt, numbered
sentences only (no labels, spans or tags)."""
import json, sys
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from gainsay.annotate.segment import split_article
OUT = Path("/work/blind/docs")

def write(doc, topic, genre, texts):
    OUT.mkdir(parents=True, exist_ok=True)
    lines = [f"document {doc} (topic: {topic}; register: {genre})"] + [f"[{i}] {t}" for i, t in enumerate(texts)]
    (OUT / f"{doc}.txt").write_text("\n".join(lines) + "\n")

if __name__ == "__main__":
    for doc in sys.argv[1:]:
        if doc == "seed":
            write("seed", "defence", "online_news", split_article((ROOT / "data/seed/article.txt").read_text()))
            continue
        rows = [json.loads(l) for l in (ROOT / "authoring/pass1" / f"{doc}.jsonl").read_text().splitlines() if l.strip()]
        write(doc, rows[0]["topic"], rows[0]["genre"], [r["text"] for r in rows])
