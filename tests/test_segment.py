from conftest import DATA
from gainsay.annotate.segment import split_article


def test_seed_article_gives_fourteen_sentences():
    sentences = split_article((DATA / "seed" / "article.txt").read_text(encoding="utf-8"))
    assert len(sentences) == 14
    assert sentences[0] == "Iran denies reports it is to deliver ballistic missiles to Russia"
    assert sentences[7] == "Iran dismissed such claims before"


def test_headline_is_kept_whole_and_paragraphs_split():
    text = "Mayor of Tolven quits. Council stunned\n\nShe left on Monday. Nobody knew why.\nA vote follows in 2025...\n"
    assert split_article(text) == ["Mayor of Tolven quits. Council stunned", "She left on Monday.",
                                   "Nobody knew why.", "A vote follows in 2025..."]
