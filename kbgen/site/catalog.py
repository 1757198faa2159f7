"""What a customer browses: articles by language and category, related articles, the home lists.

Pure helpers of the kbgen plugin. An article's language is its top folder when that names an
interface language (``nl/account/x.md``) and the site's language otherwise; its category is the
next folder (``account``), titled by the articles' ``category`` front matter, the folder's
``index.md`` or the folder name. The navigation holds the home pages and the categories only:
a category page lists its articles, and an article shows where it belongs. Every page carrying
every article is what makes large MkDocs sites slow (the cost grows with the square of the
number of pages).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from kbgen import languages
from kbgen.articles import front_matter_date

RELATED = 5  # related articles shown under an article
POPULAR = 8  # articles on a home page
_WORD = re.compile(r"(?u)[^\W\d_]{3,}")


@dataclass(frozen=True)
class Entry:
    """One published page as the catalog sees it."""

    src_uri: str  # "nl/account/reset.md"
    title: str
    language: str
    category: str  # folder below the language folder; "" for pages at its top
    prefix: str = ""  # the language folder, "nl/", or "" for pages outside one
    description: str = ""
    tags: tuple[str, ...] = ()
    tickets: int = 0  # tickets behind a kbgen draft (front matter), a measure of demand
    updated: date | None = None
    topic: str = ""  # kbgen_topic: the question it answers, shared by its translations

    @property
    def is_index(self) -> bool:
        return self.src_uri == "index.md" or self.src_uri.endswith("/index.md")


@dataclass(frozen=True)
class Category:
    language: str
    slug: str
    title: str
    index_uri: str  # its page, written by a writer or generated
    articles: tuple[Entry, ...]
    description: str = ""  # its index.md's description: what a home page's card says of it


@dataclass
class Catalog:
    site_language: str
    entries: dict[str, Entry] = field(default_factory=dict)  # by src_uri
    categories: list[Category] = field(default_factory=list)
    related: dict[str, list[Entry]] = field(default_factory=dict)  # src_uri -> related entries
    topics: dict[str, dict[str, str]] = field(default_factory=dict)  # kbgen_topic -> language -> src_uri

    def category_of(self, src_uri: str) -> Category | None:
        entry = self.entries.get(src_uri)
        if entry is None:
            return None
        for category in self.categories:
            if (category.language, category.slug) == (entry.language, entry.category) and category.slug:
                return category
        return None

    def languages(self) -> list[str]:
        """The site's language first, then every other language with articles (each has a home
        category: asked for on every page, so counted over the few categories, not the pages)."""
        others = sorted({c.language for c in self.categories} - {self.site_language})
        return [self.site_language, *others]

    def home_uri(self, language: str) -> str:
        homes = [c.index_uri for c in self.categories if c.language == language and not c.slug]
        return min(homes, key=len) if homes else "index.md"

    def translations(self, src_uri: str) -> dict[str, str]:
        """language -> src_uri of the article answering the same question (kbgen_topic) in each
        language that has one."""
        entry = self.entries.get(src_uri)
        return self.topics.get(entry.topic, {}) if entry and entry.topic else {}

    def categories_in(self, language: str) -> list[Category]:
        return [c for c in self.categories if c.language == language and c.slug]

    def popular(self, language: str, helpful: dict[str, tuple[float, float]] | None = None) -> list[Entry]:
        """Articles for a home page, from readers' votes (the Wilson 95% interval of the helpful
        share per src_uri) and demand: first the articles surely helpful (by the interval's lower
        bound), then the unvoted and the undecided by the tickets asking about them, and last the
        surely unhelpful (upper bound below one half)."""
        helpful = helpful or {}

        def rank(entry: Entry) -> tuple:
            low, high = helpful.get(entry.src_uri, (0.0, 1.0))
            tier = 2 if high < 0.5 else 0 if low >= 0.5 else 1
            return (tier, -low if tier == 0 else 0.0, -entry.tickets, entry.title.casefold())

        articles = [e for e in self.entries.values() if e.language == language and not e.is_index]
        return sorted(articles, key=rank)[:POPULAR]


def page_language(src_uri: str, meta: dict, site_language: str) -> str:
    """An interface language named by the page's top folder or its ``lang``; else the site's."""
    first = src_uri.split("/", 1)[0]
    if "/" in src_uri and first in languages.codes():
        return first
    lang = str(meta.get("lang", "")).strip().lower()
    return lang if lang in languages.codes() else site_language


def make_entry(src_uri: str, meta: dict, heading: str, site_language: str, updated: date | None = None) -> Entry:
    """The catalog's view of one page; heading is its first "# " heading, the title when the
    front matter has none."""
    language = page_language(src_uri, meta, site_language)
    parts = src_uri.split("/")
    prefix = f"{parts[0]}/" if len(parts) > 1 and parts[0] in languages.codes() else ""
    if prefix:
        parts = parts[1:]
    category = parts[0] if len(parts) > 1 else ""
    tags = meta.get("tags") or ()
    tickets = meta.get("tickets", 0)
    return Entry(
        src_uri=src_uri,
        title=str(meta.get("title") or heading or _humane(parts[-1].removesuffix(".md"))),
        language=language,
        category=category,
        prefix=prefix,
        description=str(meta.get("description") or ""),
        tags=tuple(str(t) for t in tags) if isinstance(tags, (list, tuple)) else (),
        tickets=tickets if isinstance(tickets, int) and not isinstance(tickets, bool) else 0,
        updated=front_matter_date(meta.get("updated")) or updated,
        topic=str(meta.get("kbgen_topic") or ""),
    )


def build_catalog(
    entries: list[Entry],
    site_language: str,
    category_titles: dict[str, str] | None = None,
    translations: Mapping[str, Mapping[str, str]] | None = None,
) -> Catalog:
    """Group entries into categories and find each article's related articles.

    A category's title is its index.md's, else translations' (slug -> language -> title, the
    site's settings: a draft's ``category`` is its helpdesk group's name, in whatever language
    that is), else a front matter ``category`` value seen in it (category_titles, per
    "language/slug"), else its folder's name.
    """
    catalog = Catalog(site_language, {e.src_uri: e for e in entries})
    grouped: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        grouped[(entry.language, entry.category, entry.prefix)].append(entry)
    for language, prefix in {(e.language, e.prefix) for e in entries}:
        grouped.setdefault((language, "", prefix), [])  # every language section has a home page
    for (language, slug, prefix), members in sorted(grouped.items()):
        index_uri = f"{prefix}{slug}/index.md" if slug else f"{prefix}index.md"
        index = catalog.entries.get(index_uri)
        title = (
            (index.title if index else "")
            or (translations or {}).get(slug, {}).get(language, "")
            or (category_titles or {}).get(f"{language}/{slug}", "")
            or (_humane(slug) if slug else languages.get(language).name)
        )
        articles = sorted((e for e in members if not e.is_index), key=lambda e: e.title.casefold())
        catalog.categories.append(Category(language, slug, title, index_uri, tuple(articles), index.description if index else ""))
    for entry in sorted(entries, key=lambda e: e.src_uri):
        if entry.topic and not entry.is_index:
            catalog.topics.setdefault(entry.topic, {}).setdefault(entry.language, entry.src_uri)
    for language in {e.language for e in entries}:
        catalog.related.update(_related([e for e in entries if e.language == language and not e.is_index]))
    return catalog


def _related(entries: list[Entry]) -> dict[str, list[Entry]]:
    """For each article, the articles sharing its rarest title words and tags (IDF-weighted
    overlap; same category breaks ties), best first."""
    words = {e.src_uri: _words(e) for e in entries}
    holders: dict[str, list[str]] = defaultdict(list)
    for uri, found in words.items():
        for word in found:
            holders[word].append(uri)
    n = len(entries)
    idf = {word: math.log(n / len(uris)) for word, uris in holders.items()}
    by_uri = {e.src_uri: e for e in entries}
    by_category: dict[str, list[Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.title.casefold()):
        by_category[entry.category].append(entry)
    related: dict[str, list[Entry]] = {}
    for entry in entries:
        scores: Counter[str] = Counter()
        for word in words[entry.src_uri]:
            # A word every other article has says nothing; skipping common words also keeps
            # this linear in practice.
            if idf[word] <= 0 or len(holders[word]) > max(50, n // 20):
                continue
            for other in holders[word]:
                if other != entry.src_uri:
                    scores[other] += idf[word]
        ranked = sorted(
            scores.items(),
            key=lambda item: (-(item[1] + 0.5 * (by_uri[item[0]].category == entry.category)), item[0]),
        )
        chosen = [by_uri[uri] for uri, _ in ranked[:RELATED]]
        # Too few shared words: the rest of its category is the next best guess.
        for other in by_category[entry.category]:
            if len(chosen) >= RELATED:
                break
            if other is not entry and other not in chosen:
                chosen.append(other)
        related[entry.src_uri] = chosen
    return related


def _words(entry: Entry) -> set[str]:
    text = " ".join([entry.title, *entry.tags])
    return {w.casefold() for w in _WORD.findall(text)} | {f"#{t.casefold()}" for t in entry.tags}


def _humane(slug: str) -> str:
    text = slug.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:]
