"""Links between pages, with the line they are on, for a strict build's file:line messages.

MkDocs validates links too, but names no line; a writer fixing 40 articles wants the line.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

_INLINE = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*(?:<([^>]*)>|([^)\s]+))(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_SURVEY = re.compile(r"(?:^|/)survey/([^/#?]+)/?$")


@dataclass(frozen=True)
class Link:
    line: int  # 1-based, in the whole file (front matter included)
    target: str  # as written


def find_links(markdown: str, first_line: int = 1) -> list[Link]:
    """Link and image targets of a Markdown text, outside code; first_line numbers its first line."""
    found: list[Link] = []
    fence = ""
    for number, line in enumerate(markdown.splitlines(), start=first_line):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        if line.startswith(("    ", "\t")) and not line.strip().startswith(("-", "*", "[", "!")):
            continue  # an indented code block (or a list item's continuation, which rarely links)
        text = _CODE_SPAN.sub("", line)
        found += [Link(number, match.group(1) or match.group(2)) for match in _INLINE.finditer(text)]
        reference = _REFERENCE.match(text)
        if reference:
            found.append(Link(number, reference.group(1)))
    return found


def local_target(page_uri: str, target: str) -> str | None:
    """The docs-relative path a link points to ("account/x.md", "survey/csat/"), or None for
    links that leave the site (http:, mailto:), stay on the page (#part) or are absolute paths
    MkDocs does not resolve."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return path.lstrip("/") if _SURVEY.search(path) else None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))


def survey_name(path: str) -> str | None:
    """The survey a site path leads to ("survey/csat/" -> "csat"), None for other paths."""
    match = _SURVEY.search(path.rstrip("/") + "/")
    return match.group(1) if match else None
