"""TF-IDF word (1-2) and character (2-5, within word bounds) n-grams with a logistic
regression; C chosen on validation."""
from __future__ import annotations

from pathlib import Path

from .base import (Baseline, full_proba, load_arrays, load_logistic, logistic, read_json, save_arrays,
                   save_logistic, texts_labels, tune_c, write_json)

WORD = dict(analyzer="word", ngram_range=(1, 2), min_df=2, lowercase=True, sublinear_tf=True)
CHAR = dict(analyzer="char_wb", ngram_range=(2, 5), min_df=2, lowercase=True, sublinear_tf=True)


class Tfidf(Baseline):
    name = "tfidf"

    def __init__(self, word=None, char=None, model=None):
        self.word, self.char, self.model = word, char, model

    def _features(self, texts):
        from scipy.sparse import hstack

        return hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()

    def fit(self, train, validation):
        from sklearn.feature_extraction.text import TfidfVectorizer

        x_tr, y_tr = texts_labels(train)
        x_va, y_va = texts_labels(validation)
        self.word = TfidfVectorizer(**WORD).fit(x_tr)
        self.char = TfidfVectorizer(**CHAR).fit(x_tr)
        self.model, info = tune_c(logistic, self._features(x_tr), y_tr, self._features(x_va), y_va)
        return info

    def predict_proba(self, texts):
        return full_proba(self.model, self._features(texts))

    def save(self, folder: Path):
        for name, vec in (("word", self.word), ("char", self.char)):
            vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
            write_json(folder / f"{name}_vocabulary.json", vocab)
            save_arrays(folder / f"{name}_idf.npz", idf=vec.idf_)
        save_logistic(folder / "logistic.npz", self.model)

    @classmethod
    def load(cls, folder: Path):
        from sklearn.feature_extraction.text import TfidfVectorizer

        vecs = []
        for name, params in (("word", WORD), ("char", CHAR)):
            vocab = read_json(folder / f"{name}_vocabulary.json")
            vec = TfidfVectorizer(**params, vocabulary={t: i for i, t in enumerate(vocab)})
            vec.idf_ = load_arrays(folder / f"{name}_idf.npz")["idf"]
            vecs.append(vec)
        return cls(vecs[0], vecs[1], load_logistic(folder / "logistic.npz"))
