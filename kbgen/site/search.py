"""Pagefind: the site's search index, written after MkDocs has written the pages.

Pagefind (the ``pagefind`` package ships its indexer binary) reads the built HTML and writes an
index split into small chunks, one index per page language (``<html lang>``), with stemming
where it has a stemmer for the language. A reader's browser fetches only the chunks a query
needs, where Material's built-in search fetches the whole index before the first result
(the comparison is in the README). Only article bodies are indexed (``data-pagefind-body`` in
the theme; ``kbgen.site.plugin.is_searchable``), so home, category and survey pages never crowd
out the answers. An article's ``search_phrasings`` (its customers' own words) are indexed with
it, hidden from readers.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from html import escape, unescape
from pathlib import Path

from kbgen import words
from kbgen.errors import KbgenError

# Theme folder whose partials/search.html replaces Material's search box with Pagefind's.
PAGEFIND_THEME_DIR = Path(__file__).parent / "theme_pagefind"
BUNDLE = "pagefind"  # folder of the index in the site
# A word most articles hold narrows no search, and its index chunk is among the largest to
# download: the search box leaves it out of a question (kbgen-search.js). Counted only where a
# language has enough articles for "most" to mean something.
COMMON_SHARE = 0.5
COMMON_MIN_ARTICLES = 20
COMMON_MOST = 300
# A customer phrasing counts for less than the article's own text (weight 1; its title 7): many
# phrasings of one article outweigh a word its text holds once.
PHRASING_WEIGHT = 0.5
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W_]{2,}")
# Pagefind's ready-made interfaces, which the site does not use (kbgen-search.js talks to
# pagefind.js): left out of the site, with their translators' names.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


def search_phrasings_html(phrasings: object) -> str:
    """The customers' phrasings of an article as HTML for the search index only: hidden from
    readers and screen readers, and weighted below the article's own words."""
    if not isinstance(phrasings, list):
        return ""
    items = "".join(f"<li>{escape(text)}</li>" for text in phrasings if isinstance(text, str) and text.strip())
    if not items:
        return ""
    return f'\n<ul class="kbgen-asked" hidden data-pagefind-weight="{PHRASING_WEIGHT}">{items}</ul>'


def index_site(site_dir: Path) -> None:
    """Write the Pagefind index of the built site into <site_dir>/pagefind/."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE, "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise KbgenError(f"search index: cannot run Pagefind ({exc}); reinstall kbgen") from None
    if done.returncode != 0:
        lines = [line for line in (done.stderr or done.stdout).splitlines() if line.strip()]
        raise KbgenError(f"search index: Pagefind failed: {lines[-1] if lines else f'exit code {done.returncode}'}")
    for pattern in UNUSED:
        for path in (site_dir / BUNDLE).glob(pattern):
            path.unlink()


def words_of(html: str) -> set[str]:
    """The distinct lowercase words of an HTML fragment's text."""
    return set(_WORD.findall(unescape(_TAG.sub(" ", html)).lower()))


def common_words(holders: Counter, articles: int) -> list[str]:
    """Words held by at least COMMON_SHARE of a language's articles, commonest first."""
    if articles < COMMON_MIN_ARTICLES:
        return []
    least = COMMON_SHARE * articles
    return [word for word, n in holders.most_common(COMMON_MOST) if n >= least]


def write_common_words(site_dir: Path, language: str, words: list[str]) -> None:
    """<site_dir>/pagefind/kbgen-common-<language>.json, which the search box reads."""
    bundle = site_dir / BUNDLE
    bundle.mkdir(exist_ok=True)
    (bundle / f"kbgen-common-{language}.json").write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")


# -- Dictionary forms, for languages whose stemmer misses forms (Language.search_lemmas) --------
# Pagefind stems Polish, but a stem cannot join forms whose letters change ("haseł", "haśle" and
# "hasło"; "błędów" and "błąd"). simplemma's dictionary can: each article is indexed with the
# dictionary forms (lemmas) of its words, and the search box looks up the lemma of each word a
# customer types in a map the build writes: the forms of the site's lemmas that Pagefind's own
# stemming does not reach. The map is split in LEMMA_BUCKETS files by a hash of the form
# (kbgen-lemmas-<language>/<n>.json), so a search fetches the few it needs: for a site of 12,000
# lemmas the whole map is about 250 KB compressed.
LEMMA_WEIGHT = PHRASING_WEIGHT  # a lemma the text does not hold counts as a customer's phrasing
LEMMA_BUCKETS = 64  # the same in kbgen-search.js


class Lemmas:
    """One language's lemmatiser, and the lemmas of the articles it has seen."""

    def __init__(self, language: str) -> None:
        import simplemma  # loaded where a site has such a language: its dictionary takes seconds

        self.language = language
        self._lemmatize = simplemma.lemmatize
        self.seen: set[str] = set()
        self._cache: dict[str, str] = {}

    def lemma(self, word: str) -> str:
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = self._lemmatize(word, lang=self.language).lower()
        return found

    def html(self, words: set[str]) -> str:
        """The lemmas of an article's words (lowercase) that its text does not hold, as HTML for
        the search index only; the article's lemmas join the site's."""
        lemmas = {self.lemma(word) for word in words}
        self.seen |= lemmas
        missing = sorted(lemmas - words)
        if not missing:
            return ""
        return f'\n<p class="kbgen-lemmas" hidden data-pagefind-weight="{LEMMA_WEIGHT}">{escape(" ".join(missing))}</p>'

    def forms(self) -> dict[str, list[str]]:
        """lemma -> its other forms, for the lemmas seen, leaving out the forms Pagefind finds
        on its own: those whose stem starts the lemma's stem."""
        from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

        stem = _pagefind_stem(self.language)
        stems = {lemma: stem(lemma) for lemma in self.seen}
        found: dict[str, list[str]] = {}
        for form, lemma in DEFAULT_DICTIONARY_FACTORY.get_dictionary(self.language).items():
            if lemma not in stems:
                continue
            form = form.lower()
            # Only forms the search box can be asked (one word: _WORD, as kbgen-search.js splits).
            if form != lemma and _WORD.fullmatch(form) and not stems[lemma].startswith(stem(form)):
                found.setdefault(lemma, []).append(form)
        return {lemma: sorted(set(forms)) for lemma, forms in sorted(found.items())}


def _pagefind_stem(language: str) -> Callable[[str], str]:
    """The stem Pagefind indexes a word under: Snowball's, of the word without diacritics."""

    def stem(word: str) -> str:
        plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
        return words.stem(plain, language)

    return stem


def lemma_bucket(form: str) -> int:
    """The file of the lemma map a form is in: 32-bit FNV-1a of its code points (as
    kbgen-search.js computes it), modulo LEMMA_BUCKETS."""
    value = 0x811C9DC5
    for char in form:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value % LEMMA_BUCKETS


def write_lemmas(site_dir: Path, lemmas: Lemmas) -> None:
    """<site_dir>/pagefind/kbgen-lemmas-<language>/<n>.json: form -> lemma, by lemma_bucket (every
    file written, empty ones too: the search box asks for them)."""
    folder = site_dir / BUNDLE / f"kbgen-lemmas-{lemmas.language}"
    folder.mkdir(parents=True, exist_ok=True)
    buckets: list[dict[str, str]] = [{} for _ in range(LEMMA_BUCKETS)]
    for lemma, forms in lemmas.forms().items():
        for form in forms:
            buckets[lemma_bucket(form)][form] = lemma
    for number, bucket in enumerate(buckets):
        (folder / f"{number}.json").write_text(json.dumps(bucket, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
