"""Word features of tickets' texts, the default topic engine's vectors.

TF-IDF of words and word pairs (a topic's terms) and of character 2- to 4-grams inside words
(which catch inflections and typos), reduced by LSA on larger sets. A ticket's vector is its
question's, joined with its answer's at a weight measured on the export (answer_weight). For a large export the
vocabularies and the LSA are fitted on a seeded sample of FIT_SAMPLE texts and the texts are
turned into vectors VECTOR_BATCH at a time: memory follows these settings, not the export's
size, but for the vectors themselves (LSA_DIMENSIONS floats a ticket).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer, strip_accents_unicode
from sklearn.preprocessing import normalize
from stop_words import AVAILABLE_LANGUAGES, LANGUAGE_MAPPING, get_stop_words

from kbgen.progress import Progress, silent

# Character n-grams weigh three times the words: they carry the inflections and typos that
# word features split apart.
CHAR_WEIGHT = 3.0
LSA_DIMENSIONS = 200
LSA_MIN_TICKETS = 1000  # below, LSA blurs more than it merges: the TF-IDF vectors are used
# A large set's features are fitted on a sample of this many texts: a question too rare to
# appear twice in it still groups by the words and n-grams it shares with others.
FIT_SAMPLE = 20_000
VECTOR_BATCH = 10_000  # texts turned into vectors at a time
WORD_CACHE = 500_000  # words whose character n-grams are kept once worked out
# An answer weighs up to one and a half times its question: where agents answer each question
# with its own few replies, the reply joins tickets whose customers worded it differently (on
# the sample export, 1.0 covers 87% of the tickets with a draft, 1.5 91%, as before the weight
# was measured).
ANSWER_WEIGHT = 1.5
ANSWER_SAMPLE = 3_000  # answered tickets the answers' weight is measured on
# Fewer answered tickets than this tell too little either way: an answer weighs half the most.
ANSWER_MIN_TICKETS = 50

_TOKEN = re.compile(r"(?u)\b[^\W\d_]{2,}\b")


@dataclass(frozen=True)
class Features:
    """A language's word features, fitted on its texts or a sample of them."""

    terms: TfidfVectorizer  # words and word pairs: the topics' terms
    chars: CharGrams | None  # None where no character n-gram occurs twice
    lsa: TruncatedSVD | None  # None: small sets keep the sparse TF-IDF vectors
    answer_weight: float = 0.0  # what an answer adds to its question's vector (answer_weight)

    def term_weights(self, texts: Sequence[str]):
        """The texts' TF-IDF of words and word pairs (sparse rows)."""
        return self.terms.transform(texts)

    def vectors(self, questions: Sequence[str], answers: Sequence[str] | None = None, progress: Progress = silent):
        """The default engine's unit vectors of the questions, each with its answer at the
        measured weight: dense float32 rows after LSA, else sparse rows."""
        parts = []
        for start in range(0, len(questions), VECTOR_BATCH):
            batch = self._joined(questions[start : start + VECTOR_BATCH], answers[start : start + VECTOR_BATCH] if answers else None)
            parts.append(batch if self.lsa is None else normalize(self.lsa.transform(batch)).astype(np.float32))
            progress("word features", start + batch.shape[0], len(questions))
        if self.lsa is None:
            return sparse.vstack(parts).tocsr() if parts else sparse.csr_matrix((0, self._width()))
        return np.vstack(parts) if parts else np.zeros((0, self.lsa.n_components), dtype=np.float32)

    def _joined(self, questions: Sequence[str], answers: Sequence[str] | None):
        if answers is None or not self.answer_weight:
            return self._sparse(questions)
        return self._with_answers(self._sparse(questions), self._sparse(answers))

    def _with_answers(self, questions: sparse.csr_matrix, answers: sparse.csr_matrix) -> sparse.csr_matrix:
        """Each question's row joined with its answer's at the measured weight."""
        return normalize(questions + self.answer_weight * answers) if self.answer_weight else questions

    def _sparse(self, texts: Sequence[str]):
        parts = [normalize(self.terms.transform(texts))]
        if self.chars is not None:
            parts.append(CHAR_WEIGHT * self.chars.transform(texts))
        return normalize(sparse.hstack(parts, format="csr", dtype=np.float32))

    def _width(self) -> int:
        return len(self.terms.vocabulary_) + (self.chars.width if self.chars else 0)


def fit_features(questions: Sequence[str], lang: str, answers: Sequence[str] | None = None) -> Features:
    """The language's word features, fitted on the questions and their answers (a seeded sample
    of FIT_SAMPLE of them at most); ValueError where no word occurs twice."""
    answers = answers or [""] * len(questions)
    if len(questions) > FIT_SAMPLE:
        chosen = np.sort(np.random.default_rng(0).choice(len(questions), FIT_SAMPLE, replace=False))
        questions, answers = [questions[i] for i in chosen], [answers[i] for i in chosen]
    texts = [*questions, *(a for a in answers if a)]
    terms = term_vectorizer(lang).fit(texts)
    chars = CharGrams()
    try:
        chars.fit(texts)
    except ValueError:  # no character n-gram occurs twice
        chars = None
    features = Features(terms, chars, None)
    asked, answered = features._sparse(questions), features._sparse(answers)
    features = replace(features, answer_weight=answer_weight(asked, answered))
    if len(questions) <= LSA_MIN_TICKETS or features._width() <= LSA_DIMENSIONS:
        return features
    # In float32 (_sparse), the SVD takes a third of the time it takes in float64.
    lsa = TruncatedSVD(LSA_DIMENSIONS, random_state=0).fit(features._with_answers(asked, answered))
    return replace(features, lsa=lsa)


def answer_weight(questions: sparse.csr_matrix, answers: sparse.csr_matrix) -> float:
    """What an answer adds to its question's vector, measured on the tickets themselves: up to
    ANSWER_WEIGHT where tickets that ask alike are answered alike (an agent's reply for one
    question), nothing where their answers are no more alike than any two (a greeting, a
    signature, one reply for every question).

    For each ticket, the one whose question is nearest: where between how alike any two answers
    are and how alike an answer and its nearest one are do their answers lie?"""
    answered = np.flatnonzero(answers.getnnz(axis=1) > 0)
    if len(answered) > ANSWER_SAMPLE:
        answered = np.sort(np.random.default_rng(0).choice(answered, ANSWER_SAMPLE, replace=False))
    if len(answered) < ANSWER_MIN_TICKETS:
        return ANSWER_WEIGHT / 2 if len(answered) else 0.0
    alike_answers = (answers[answered] @ answers[answered].T).toarray()
    alike_questions = (questions[answered] @ questions[answered].T).toarray()
    np.fill_diagonal(alike_questions, -np.inf)
    any_two = (alike_answers.sum() - np.trace(alike_answers)) / (len(answered) * (len(answered) - 1))
    np.fill_diagonal(alike_answers, -np.inf)
    nearest = alike_answers.max(axis=1).mean()
    asked_alike = alike_answers[np.arange(len(answered)), alike_questions.argmax(axis=1)].mean()
    if nearest <= any_two:  # every answer the same
        return 0.0
    return float(ANSWER_WEIGHT * np.clip((asked_alike - any_two) / (nearest - any_two), 0.0, 1.0))


def term_vectorizer(lang: str) -> TfidfVectorizer:
    """TF-IDF of the words and word pairs that occur in two texts at least, stop words left out."""
    return TfidfVectorizer(
        ngram_range=(1, 2),
        min_df=2,
        sublinear_tf=True,
        strip_accents="unicode",
        stop_words=_stop_words(lang),
        token_pattern=_TOKEN.pattern,
    )


def _stop_words(lang: str) -> list[str] | None:
    """The language's stop words, spelled as the vectorizer sees tokens (no accents, split)."""
    name = LANGUAGE_MAPPING.get(lang, "")
    if name not in AVAILABLE_LANGUAGES:
        return None
    words = {token for word in get_stop_words(name) for token in _TOKEN.findall(strip_accents_unicode(word.lower()))}
    return sorted(words)


class CharGrams:
    """TF-IDF of character 2- to 4-grams inside words, as scikit-learn's ``char_wb`` analyzer
    counts them (lowercase, accents stripped, each word padded with a space), sublinear and of
    unit length. Each word's n-grams are worked out once: a large export says the same words
    millions of times, and the counting runs in scipy rather than in a Python loop per n-gram."""

    SIZES = (2, 4)

    def __init__(self) -> None:
        self._vectorizer = TfidfVectorizer(analyzer=self._grams, min_df=2, sublinear_tf=True, dtype=np.float32)
        self._grams_of: dict[str, list[str]] = {}
        self._ids_of: dict[str, np.ndarray] = {}

    @property
    def width(self) -> int:
        return len(self._vectorizer.vocabulary_)

    def fit(self, texts: Sequence[str]) -> CharGrams:
        self._vectorizer.fit(texts)
        self._grams_of.clear()
        return self

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        ids, ends = [], [0]
        for text in texts:
            for word in text.split():
                found = self._ids_of.get(word)
                if found is None:
                    found = self._ids(word)
                ids.append(found)
                ends[-1] += len(found)
            ends.append(ends[-1])
        indices = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int32)
        counts = sparse.csr_matrix(
            (np.ones(len(indices), dtype=np.float32), indices, np.asarray([0, *ends[:-1]], dtype=np.int64)),
            shape=(len(texts), self.width),
        )
        counts.sum_duplicates()
        np.log(counts.data, counts.data)
        counts.data += 1.0  # sublinear: 1 + log(count)
        counts.data *= self._vectorizer.idf_[counts.indices]
        return normalize(counts)

    def _ids(self, word: str) -> np.ndarray:
        vocabulary = self._vectorizer.vocabulary_
        found = np.asarray([vocabulary[g] for g in self._word_grams(word) if g in vocabulary], dtype=np.int32)
        if len(self._ids_of) >= WORD_CACHE:
            self._ids_of.clear()
        self._ids_of[word] = found
        return found

    def _grams(self, text: str) -> list[str]:
        grams: list[str] = []
        for word in text.split():
            found = self._grams_of.get(word)
            if found is None:
                found = self._word_grams(word)
                if len(self._grams_of) < WORD_CACHE:
                    self._grams_of[word] = found
            grams.extend(found)
        return grams

    def _word_grams(self, word: str) -> list[str]:
        """The n-grams of one whitespace-free piece of text, as char_wb makes them."""
        low, high = self.SIZES
        grams = []
        for part in strip_accents_unicode(word.lower()).split():
            padded = f" {part} "
            for size in range(low, high + 1):
                grams.extend(padded[at : at + size] for at in range(max(len(padded) - size + 1, 1)))
                if len(padded) <= size:  # a short word counts once, as itself
                    break
        return grams
