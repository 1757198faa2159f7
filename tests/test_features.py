"""Word features: fitted on a sample, counted as scikit-learn counts them, answers weighed."""

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

import kbgen.features
from kbgen.features import CharGrams, Features, answer_weight, fit_features

TEXTS = [
    "Café crème\u00a0please, how do I reset my password?",
    "I forgot my password — ΟΔΟΣ Straße ﬁle a b",
    "Where can I download my invoice? Invoices, invoicing.",
    "x",
    "",
    "Reset my password please",
    "Straße café invoice",
]


def test_character_ngrams_are_those_of_scikit_learns_char_wb():
    expected = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=2, sublinear_tf=True, strip_accents="unicode")
    wanted = expected.fit_transform(TEXTS)
    grams = CharGrams().fit(TEXTS)
    got = grams.transform(TEXTS)
    assert grams._columns == expected.vocabulary_
    assert abs(grams.idf - expected.idf_).max() < 1e-6
    assert abs(wanted - got).max() < 1e-6


def test_a_large_set_is_fitted_on_a_sample(monkeypatch):
    monkeypatch.setattr(kbgen.features, "FIT_SAMPLE", 40)
    monkeypatch.setattr(kbgen.features, "LSA_MIN_TICKETS", 10)
    monkeypatch.setattr(kbgen.features, "LSA_DIMENSIONS", 5)
    questions = [f"How do I reset password number {n} for {w}?" for n in range(60) for w in ("anna", "bob")]
    seen = []
    fit = TfidfVectorizer.fit

    def counting(self, texts, *args):
        seen.append(len(texts))
        return fit(self, texts, *args)

    monkeypatch.setattr(TfidfVectorizer, "fit", counting)
    features = fit_features(questions, "en")
    assert seen and max(seen) == 40
    vectors = features.vectors(questions)
    assert vectors.shape == (120, 5) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)


def _unit(rows):
    rows = np.asarray(rows, dtype=np.float32)
    return sparse.csr_matrix(rows / np.linalg.norm(rows, axis=1, keepdims=True))


def test_an_answer_weighs_as_much_as_it_says_which_question_it_answers():
    rng = np.random.default_rng(0)
    asked = rng.integers(0, 10, 200)  # ten questions
    questions = _unit(np.eye(10)[asked] + 0.3 * rng.random((200, 10)))
    # One reply per question: the answer tells the question.
    own = answer_weight(questions, _unit(np.eye(10)[asked] + 0.1 * rng.random((200, 10))))
    # One of three replies whatever was asked: the answer tells nothing.
    canned = answer_weight(questions, _unit(np.eye(3)[rng.integers(0, 3, 200)] + 0.1 * rng.random((200, 3))))
    assert own > 1.0 and canned < 0.2
    assert answer_weight(questions, sparse.csr_matrix((200, 4))) == 0.0  # no answers at all


def test_kept_features_make_the_same_vectors_and_hold_no_words(monkeypatch):
    monkeypatch.setattr(kbgen.features, "LSA_MIN_TICKETS", 10)
    monkeypatch.setattr(kbgen.features, "LSA_DIMENSIONS", 5)
    questions = [f"{q} {n}" for n in range(6) for q in TEXTS] + ["reset the password", "download invoices"]
    answers = [f"answer {len(q) % 3}: open settings" for q in questions]
    fitted = fit_features(questions, "en", answers)
    assert fitted.lsa is not None
    arrays = fitted.arrays()
    assert all(array.dtype.kind in "fi" for array in arrays.values())  # numbers only: hashes, IDF, LSA
    kept = Features.restore(arrays, "en")
    unseen = ["How do I reset my pasword?", "invoice café", ""]
    for texts in (questions, unseen):
        assert np.abs(kept.vectors(texts, [""] * len(texts)) - fitted.vectors(texts, [""] * len(texts))).max() < 1e-5
    assert np.abs(kept.vectors(questions, answers) - fitted.vectors(questions, answers)).max() < 1e-5
