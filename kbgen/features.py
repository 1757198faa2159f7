"""Word features of tickets' texts, the default topic engine's vectors.

TF-IDF of words and word pairs (a topic's terms) and of character 2- to 4-grams inside words
(which catch inflections and typos), reduced by LSA on larger sets. A ticket's vector is its
question's, joined with its answer's at a weight measured on the export (answer_weight). For a large export the
vocabularies and the LSA are fitted on a sample of FIT_SAMPLE texts (kbgen.sampling) and the texts are
turned into vectors VECTOR_BATCH at a time: memory follows these settings, not the export's
size, but for the vectors themselves (LSA_DIMENSIONS floats a ticket).

A later run reuses a fitted Features (Features.arrays, restore): its vocabularies are kept as
64-bit hashes of the words and n-grams with their IDF, so no ticket's words are stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer, strip_accents_unicode
from sklearn.preprocessing import normalize
from stop_words import AVAILABLE_LANGUAGES, LANGUAGE_MAPPING, get_stop_words

from kbgen.progress import Progress, silent
from kbgen.sampling import sample, stable_key

# Character n-grams weigh three times the words: they carry the inflections and typos that
# word features split apart.
CHAR_WEIGHT = 3.0
LSA_DIMENSIONS = 200
LSA_MIN_TICKETS = 1000  # below, LSA blurs more than it merges: the TF-IDF vectors are used
# Power iterations of the randomized SVD, scikit-learn's default. 2 take 45% of the time and
# scored as well on Banking77, but lost purity on a generated year of tickets (0.687 against
# 0.693 at 1M; 0.030 below 100k's instead of 0.017).
LSA_ITERATIONS = 5
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

    terms: TfidfVectorizer | HashedTerms  # words and word pairs (fitted here: the topics' terms)
    chars: CharGrams | None  # None where no character n-gram occurs twice
    lsa: Projection | None  # None: small sets keep the sparse TF-IDF vectors
    answer_weight: float = 0.0  # what an answer adds to its question's vector (answer_weight)

    def arrays(self) -> dict[str, np.ndarray]:
        """What restore needs to make the same vectors: hashes, IDF and the LSA, no words."""
        terms = self.terms if isinstance(self.terms, HashedTerms) else HashedTerms.of(self.terms)
        found = {"terms_keys": terms.keys, "terms_idf": terms.idf, "answer_weight": np.float64(self.answer_weight)}
        if self.chars is not None:
            found |= {"chars_keys": self.chars.keys(), "chars_idf": self.chars.idf}
        if self.lsa is not None:
            found["lsa"] = self.lsa.components
        return found

    @classmethod
    def restore(cls, arrays, lang: str) -> Features:
        """The Features whose arrays() these are (arrays: a mapping such as numpy's NpzFile)."""
        chars = CharGrams.restore(arrays["chars_keys"], arrays["chars_idf"]) if "chars_keys" in arrays else None
        lsa = Projection(arrays["lsa"]) if "lsa" in arrays else None
        return cls(HashedTerms(lang, arrays["terms_keys"], arrays["terms_idf"]), chars, lsa, float(arrays["answer_weight"]))

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
        terms = self.terms.width if isinstance(self.terms, HashedTerms) else len(self.terms.vocabulary_)
        return terms + (self.chars.width if self.chars else 0)


@dataclass(frozen=True)
class Projection:
    """The LSA's reduction: rows times its components (what TruncatedSVD.transform does)."""

    components: np.ndarray  # LSA_DIMENSIONS x features, float32

    @property
    def n_components(self) -> int:
        return self.components.shape[0]

    def transform(self, rows) -> np.ndarray:
        return np.asarray(rows @ self.components.T)


class HashedTerms:
    """A fitted term_vectorizer's transform, from hashes of its terms and their IDF: the same
    rows, without the words."""

    def __init__(self, lang: str, keys: np.ndarray, idf: np.ndarray) -> None:
        self.keys, self.idf = np.asarray(keys, dtype=np.int64), np.asarray(idf, dtype=np.float64)
        self._analyse = term_vectorizer(lang).build_analyzer()
        self._column = dict(zip(self.keys.tolist(), range(len(self.keys))))
        self._column_of: dict[str, int] = {}  # term -> column (-1: not in the vocabulary)

    @classmethod
    def of(cls, fitted: TfidfVectorizer) -> HashedTerms:
        keys = np.zeros(len(fitted.vocabulary_), dtype=np.int64)
        for term, column in fitted.vocabulary_.items():
            keys[column] = stable_key(term)
        found = cls("", keys, fitted.idf_)
        found._analyse = fitted.build_analyzer()
        return found

    @property
    def width(self) -> int:
        return len(self.keys)

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        columns, ends = [], [0]
        for text in texts:
            for term in self._analyse(text):
                column = self._column_of.get(term)
                if column is None:
                    column = self._column.get(stable_key(term), -1)
                    if len(self._column_of) < WORD_CACHE:
                        self._column_of[term] = column
                if column >= 0:
                    columns.append(column)
            ends.append(len(columns))
        return _tfidf(np.asarray(columns, dtype=np.int32), np.asarray(ends, dtype=np.int64), len(texts), self.idf)


def _tfidf(columns: np.ndarray, ends: np.ndarray, rows: int, idf: np.ndarray) -> sparse.csr_matrix:
    """Rows of sublinear TF-IDF, of unit length, from each row's columns (ends: CSR's indptr)."""
    counts = sparse.csr_matrix((np.ones(len(columns), dtype=np.float32), columns, ends), shape=(rows, len(idf)))
    counts.sum_duplicates()
    np.log(counts.data, counts.data)
    counts.data += 1.0  # sublinear: 1 + log(count)
    counts.data *= idf[counts.indices]
    return normalize(counts)


def fit_features(questions: Sequence[str], lang: str, answers: Sequence[str] | None = None, order: np.ndarray | None = None) -> Features:
    """The language's word features, fitted on the questions and their answers (a sample of
    FIT_SAMPLE of them at most, kbgen.sampling.sample by order); ValueError where no word occurs
    twice."""
    answers = answers or [""] * len(questions)
    if len(questions) > FIT_SAMPLE:
        chosen = sample(np.arange(len(questions)), FIT_SAMPLE, order)
        questions, answers = [questions[i] for i in chosen], [answers[i] for i in chosen]
        order = order[chosen] if order is not None else None
    texts = [*questions, *(a for a in answers if a)]
    terms = term_vectorizer(lang).fit(texts)
    chars = CharGrams()
    try:
        chars.fit(texts)
    except ValueError:  # no character n-gram occurs twice
        chars = None
    features = Features(terms, chars, None)
    asked, answered = features._sparse(questions), features._sparse(answers)
    features = replace(features, answer_weight=answer_weight(asked, answered, order))
    if len(questions) <= LSA_MIN_TICKETS or features._width() <= LSA_DIMENSIONS:
        return features
    # In float32 (_sparse), the SVD takes a third of the time it takes in float64.
    lsa = TruncatedSVD(LSA_DIMENSIONS, n_iter=LSA_ITERATIONS, random_state=0).fit(features._with_answers(asked, answered))
    return replace(features, lsa=Projection(lsa.components_.astype(np.float32)))


def answer_weight(questions: sparse.csr_matrix, answers: sparse.csr_matrix, order: np.ndarray | None = None) -> float:
    """What an answer adds to its question's vector, measured on the tickets themselves: up to
    ANSWER_WEIGHT where tickets that ask alike are answered alike (an agent's reply for one
    question), nothing where their answers are no more alike than any two (a greeting, a
    signature, one reply for every question).

    For each ticket, the one whose question is nearest: where between how alike any two answers
    are and how alike an answer and its nearest one are do their answers lie?"""
    answered = sample(np.flatnonzero(answers.getnnz(axis=1) > 0), ANSWER_SAMPLE, order)
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
        self._ids_of: dict[str, np.ndarray] = {}  # word -> its n-grams' columns
        self._columns: dict = {}  # n-gram (or its stable_key, restored) -> column
        self._hashed = False
        self.idf = np.zeros(0, dtype=np.float32)

    @classmethod
    def restore(cls, keys: np.ndarray, idf: np.ndarray) -> CharGrams:
        """The fitted CharGrams whose keys() and idf these are."""
        grams = cls()
        grams._columns = dict(zip(np.asarray(keys).tolist(), range(len(keys))))
        grams._hashed, grams.idf = True, np.asarray(idf, dtype=np.float32)
        return grams

    @property
    def width(self) -> int:
        return len(self.idf)

    def keys(self) -> np.ndarray:
        """Each column's n-gram, as its stable_key."""
        keys = np.zeros(self.width, dtype=np.int64)
        for gram, column in self._columns.items():
            keys[column] = gram if self._hashed else stable_key(gram)
        return keys

    def fit(self, texts: Sequence[str]) -> CharGrams:
        """The n-grams at least two texts hold, in sorted order (scikit-learn's columns), with
        scikit-learn's smooth IDF; ValueError where there are none."""
        self._columns, self._hashed, self._ids_of = {}, False, {}
        indices, indptr = self._column_ids(texts, self._every_id)  # every n-gram its own column
        seen = sparse.csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(texts), len(self._columns)))
        seen.sum_duplicates()
        texts_with = np.bincount(seen.indices, minlength=len(self._columns))
        kept = sorted(gram for gram, column in self._columns.items() if texts_with[column] >= 2)
        if not kept:
            raise ValueError("no character n-gram occurs in two texts")
        frequency = texts_with[[self._columns[gram] for gram in kept]]
        self.idf = (np.log((1 + len(texts)) / (1 + frequency)) + 1).astype(np.float32)
        self._columns, self._ids_of = {gram: column for column, gram in enumerate(kept)}, {}
        return self

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        return _tfidf(*self._column_ids(texts, self._ids), len(texts), self.idf)

    def _column_ids(self, texts: Sequence[str], ids_of: Callable[[str], np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """The columns of each text's n-grams, as CSR's indices and indptr; ids_of works out a
        word's columns where _ids_of does not hold them yet."""
        ids, ends = [], [0]
        for text in texts:
            for word in text.split():
                found = self._ids_of.get(word)
                if found is None:
                    found = ids_of(word)
                ids.append(found)
                ends[-1] += len(found)
            ends.append(ends[-1])
        indices = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int32)
        return indices, np.asarray([0, *ends[:-1]], dtype=np.int64)

    def _every_id(self, word: str) -> np.ndarray:
        columns = self._columns
        return self._cached(word, np.asarray([columns.setdefault(g, len(columns)) for g in self._word_grams(word)], dtype=np.int32))

    def _ids(self, word: str) -> np.ndarray:
        columns, grams = self._columns, self._word_grams(word)
        if self._hashed:
            grams = [stable_key(g) for g in grams]
        return self._cached(word, np.asarray([columns[g] for g in grams if g in columns], dtype=np.int32))

    def _cached(self, word: str, found: np.ndarray) -> np.ndarray:
        if len(self._ids_of) >= WORD_CACHE:
            self._ids_of.clear()
        self._ids_of[word] = found
        return found

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
