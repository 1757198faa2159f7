"""Words as kbgen compares them: a text's words in its language, stemmed, with or without the
language's stop words. Greetings and the words that address support ("Hi", "team", "support")
count as stop words: they never say what a question is about.

Stems are Snowball's (en, nl, sv, de, pl and most European languages); stop words the
stop-words package's. Both are cached: titles compare thousands of sentences.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from stop_words import AVAILABLE_LANGUAGES, LANGUAGE_MAPPING, get_stop_words

from kbgen import languages

# A redaction placeholder: "[email]", "[phone]".
PLACEHOLDER = re.compile(r"\[[a-z-]+\]")


@cache
def _stemmer(lang: str):
    """The Snowball stemmer of the language, None where Snowball has none."""
    import snowballstemmer

    name = LANGUAGE_MAPPING.get(lang, "")
    return snowballstemmer.stemmer(name) if name in snowballstemmer.algorithms() else None


def _courtesy_words(lang: str) -> frozenset[str]:
    """The language's one-word greetings and the words that address support, never what a
    question is about ("Hej support")."""
    return frozenset(w.lower() for w in languages.words("greetings", "addressees", "support_words", of=lang) if " " not in w)


@lru_cache(maxsize=200_000)
def _stem(lang: str, word: str) -> str:
    stemmer = _stemmer(lang)
    return stemmer.stemWord(word) if stemmer else word


def stem(word: str, lang: str) -> str:
    """word's Snowball stem in lang; the word itself where Snowball has no stemmer for lang."""
    return _stem(lang, word)


@languages.registry_cache
def _stop_lists() -> dict[str, frozenset[str]]:
    """Language -> its stop words, filled as asked; emptied when the registry changes."""
    return {}


def stop_words(lang: str) -> frozenset[str]:
    """The language's stop words, one-word greetings and addressees, lowercase."""
    lists = _stop_lists()
    if lang not in lists:
        name = LANGUAGE_MAPPING.get(lang, "")
        stop = {w.lower() for w in get_stop_words(name)} if name in AVAILABLE_LANGUAGES else set()
        lists[lang] = frozenset(stop | _courtesy_words(lang))
    return lists[lang]


def all_words(text: str, lang: str) -> list[str]:
    """Every word of the text, stop words too, stemmed."""
    return [_stem(lang, token) for token in re.findall(r"[^\W\d_]{2,}", PLACEHOLDER.sub(" ", text).lower())]


def content_words(text: str, lang: str) -> list[str]:
    """The text's words that say something (no stop words, digits or placeholders), stemmed."""
    stop = stop_words(lang)
    return [_stem(lang, w) for w in re.findall(r"[^\W\d_]{2,}", PLACEHOLDER.sub(" ", text).lower()) if w not in stop]
