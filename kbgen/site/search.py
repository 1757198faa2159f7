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
from collections import Counter
from html import escape, unescape
from pathlib import Path

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
