"""TF-IDF word (1-2) and character (2-5, within word bounds) n-grams with a logistic
regression; C chosen on validation."""
from __future__ import annotations

from pathlib import Path

from gainsay.baselines.base import (Baseline, full_proba, load_arrays, load_logistic, logistic, read_json, save_arrays,
                   save_logistic, texts_labels, tune_c, write_json)



def _vectoriser(params: dict, **extra):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(**{**params, "ngram_range": tuple(params["ngram_range"])}, **extra)


class Tfidf(Baseline):
    name = "tfidf"

    def __init__(self, settings=None, word=None, char=None, model=None):
        super().__init__(settings)
        self.word, self.char, self.model = word, char, model

    def _features(self, texts):
        from scipy.sparse import hstack

        return hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()

    def fit(self, train, validation):
        x_tr, y_tr = texts_labels(train)
        x_va, y_va = texts_labels(validation)
        self.word = _vectoriser(self.settings["word"]).fit(x_tr)
        self.char = _vectoriser(self.settings["char"]).fit(x_tr)
        self.model, info = tune_c(logistic(self.settings), self._features(x_tr), y_tr, self._features(x_va), y_va,
                                  self.settings["C_grid"])
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
    def load(cls, folder: Path, settings: dict):
        vecs = []
        for name in ("word", "char"):
            vocab = read_json(folder / f"{name}_vocabulary.json")
            vec = _vectoriser(settings[name], vocabulary={t: i for i, t in enumerate(vocab)})
            vec.idf_ = load_arrays(folder / f"{name}_idf.npz")["idf"]
            vecs.append(vec)
        return cls(settings, vecs[0], vecs[1], load_logistic(folder / "logistic.npz"))
