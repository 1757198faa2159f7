"""Articles in a content directory: front matter, status and the hash that tells edits apart."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import yaml

from kbgen.errors import KbgenError
from kbgen.pages import page_url
from kbgen.records import Article

HASH_KEY = "kbgen_hash"
# The customers' own ways to ask an article's question, which the site's search indexes but the
# page does not show (kbgen draft writes them; a writer prunes them).
SEARCH_PHRASINGS = "search_phrasings"
# libyaml's parser when PyYAML has it: a site build reads the front matter of every page.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(text: str, source: str = "") -> tuple[dict, str]:
    """Return (front matter mapping, body) of a Markdown text; {} when it has none."""
    if not text.startswith("---"):
        return {}, text
    lines = text.splitlines(keepends=True)
    if lines[0].strip() != "---":
        return {}, text
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            break
    else:
        raise KbgenError(f"{source}:1: front matter opened with '---' is never closed")
    try:
        meta = yaml.load("".join(lines[1:end]), Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line_no = mark.line + 2 if mark else 1
        raise KbgenError(f"{source}:{line_no}: front matter is not valid YAML") from None
    if not isinstance(meta, dict):
        raise KbgenError(f"{source}:2: front matter must be a mapping of fields")
    return meta, "".join(lines[end + 1 :])


# Front matter fields kbgen reads, with the types they must have.
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "title": (str,),
    "description": (str,),
    "status": (str,),
    "category": (str,),
    "lang": (str,),
    "kbgen_topic": (str,),
    "tags": (list,),
    "tickets": (int,),
    "updated": (date, str),
    "published": (date, str),
    SEARCH_PHRASINGS: (list,),
}


def front_matter_problems(meta: dict, text: str) -> list[str]:
    """"<line>: front matter '<field>': expected ..." for each field kbgen reads that has the
    wrong type (text is the whole file, for the line)."""
    problems = []
    for key, types in _FIELD_TYPES.items():
        if key not in meta or meta[key] is None:
            continue
        value = meta[key]
        wrong = not isinstance(value, types) or isinstance(value, bool)
        if key == "tags" and not wrong:
            wrong = not all(isinstance(tag, (str, int)) for tag in value)
        if key == SEARCH_PHRASINGS and not wrong:
            wrong = not all(isinstance(text, str) for text in value)
        if key in ("updated", "published") and not wrong:
            wrong = front_matter_date(value) is None
        if wrong:
            expected = {"tags": "a list of words", "tickets": "a whole number", SEARCH_PHRASINGS: "a list of texts"}
            expected.update(updated="a date (YYYY-MM-DD)", published="a date (YYYY-MM-DD)")
            match = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
            line = text.count("\n", 0, match.start()) + 1 if match else 1
            problems.append(f"{line}: front matter '{key}': expected {expected.get(key, 'text')}, got {value!r}")
    return problems


def front_matter_date(value) -> date | None:
    """A front matter date (YAML reads 2026-10-02 as a date; quoted, it is text); None if it is none."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def content_hash(text: str) -> str:
    """Hash of a whole article file without its own hash line.

    kbgen records it when it writes a draft; a file whose hash differs was edited by a writer.
    """
    lines = [line.rstrip() for line in text.strip().splitlines() if not line.startswith(f"{HASH_KEY}:")]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


def read_article(path: Path, content_dir: Path) -> tuple[Article, str]:
    """The article a Markdown file is, and the file's whole text."""
    rel = path.relative_to(content_dir).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KbgenError(f"{path}: cannot read: {exc}") from None
    meta, body = split_front_matter(text, source=str(path))
    title = str(meta.get("title") or first_heading(body) or Path(rel).stem.replace("-", " "))
    recorded = str(meta.get(HASH_KEY, ""))
    article = Article(
        path=rel,
        title=title,
        status=str(meta.get("status", "published")).lower(),
        topic_id=str(meta.get("kbgen_topic", "")),
        url=page_url(rel),
        edited=bool(recorded) and recorded != content_hash(text),
        language=str(meta.get("lang") or _path_language(rel)),
        published_on=front_matter_date(meta.get("published")),
    )
    return article, text


def read_articles(content_dir: str | Path) -> list[Article]:
    """Every Markdown article under the content directory, in path order."""
    return [article for article, _ in read_article_files(content_dir)]


def read_article_files(content_dir: str | Path) -> list[tuple[Article, str]]:
    """Every Markdown article under the content directory with its file's text, in path order."""
    root = Path(content_dir)
    if not root.is_dir():
        raise KbgenError(f"{root}: content directory not found")
    return [read_article(p, root) for p in sorted(root.rglob("*.md"))]


def _path_language(rel: str) -> str:
    """Language named by the first folder ("nl/account/x.md" -> "nl"), "" when none."""
    first = rel.split("/", 1)[0]
    return first if "/" in rel and re.fullmatch(r"[a-z]{2}", first) else ""


def first_heading(body: str) -> str:
    """The text of a Markdown body's first "# " heading; "" when it has none."""
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""
