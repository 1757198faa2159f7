"""Clean message text: HTML to plain text, quoted email history and signatures cut."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from itertools import pairwise

from kbgen import languages

_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table"}
_DROP_TAGS = {"script", "style", "head", "title", "template", "noscript", "iframe", "object", "svg"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _DROP_TAGS:
            self._dropping += 1
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _DROP_TAGS:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._dropping:
            self.parts.append(data)


_LOOKS_LIKE_HTML = re.compile(r"<\s*(/?\s*[a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*)?/?>")


def html_to_text(text: str) -> str:
    """Plain text of an HTML body; text without tags is returned with entities decoded."""
    if not _LOOKS_LIKE_HTML.search(text):
        return html.unescape(text)
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


_QUOTED_LINE = re.compile(r"^[ \t]*>.*(?:\n|$)", re.M)


def _header_line(template: str) -> str:
    """The pattern of a quote header: "Op ... schreef ...:" is "Op", up to 200 characters (date
    and sender), "schreef", up to 120, then ":"; each word whole."""
    parts = [part.strip() for part in template.split("...")]
    pattern = re.escape(parts[0])
    for n, (before, after) in enumerate(pairwise(parts)):
        pattern += (r"\b" if before[-1:].isalnum() else "") + (".{0,200}" if n == 0 else ".{0,120}")
        pattern += (r"\b" if after[:1].isalnum() else "") + re.escape(after)
    return pattern


@languages.registry_cache
def _quote_header() -> re.Pattern[str]:
    """A line that opens quoted history: the reply above it is the message, what follows is not.
    One multi-line pattern, so a message is searched once rather than line by line."""
    words, one_of = languages.words, languages.one_of
    lines = [
        # "On Tue, 4 Aug 2026 at 10:02, Sam <sam@x> wrote:" and its forms in other languages
        *(_header_line(template) for template in words("quote_headers")),
        rf"-{{2,}}[ \t]*{one_of(words('original_message'))}[ \t]*-{{2,}}",
        rf"{one_of(words('from_labels'))}:[ \t].+",
        # Outlook's rule above the quoted headers, and the marker helpdesks put above a reply.
        r"_{10,}",
        r"##-.*-##",
    ]
    return re.compile(rf"^[ \t]*(?:{'|'.join(lines)})[ \t]*$", re.I | re.M)


@languages.registry_cache
def _signature_start() -> re.Pattern[str]:
    """Sign-offs after which only a name and a signature follow, "--" and "Sent from my phone"."""
    words, one_of = languages.words, languages.one_of
    return re.compile(
        rf"^(?:[ \t]*{one_of(words('signature_starts'))}\b[ \t,.!]*$"
        r"|--[ \t]*$"
        rf"|[ \t]*{one_of(words('sent_from'))}\b.*$)",
        re.I | re.M,
    )


# A sign-off counts only in a message's last lines: a "Thanks," that opens a message stays.
SIGNATURE_LINES = 8
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*\n+")


def strip_quoted(text: str) -> str:
    """Cut quoted email history: header lines like "On ... wrote:" and '>' blocks."""
    header = _quote_header().search(text)
    if header:
        text = text[: header.start()]
    if ">" in text:
        text = _QUOTED_LINE.sub("", text)
    return text.rstrip("\n")


def strip_signature(text: str) -> str:
    """Cut a sign-off ("Kind regards," / "Met vriendelijke groet,") and what follows it."""
    for match in _signature_start().finditer(text):
        if match.start() == 0:
            continue  # the first line opens the message
        if text.count("\n", match.start()) < SIGNATURE_LINES:
            return text[: match.start()]
    return text


def clean_message(text: str) -> str:
    """Plain text of one message without markup, quoted history or signature."""
    if not text:
        return ""
    # Each step runs only when its character occurs: most messages are plain text.
    if "<" in text or "&" in text:
        text = html_to_text(text)
    if "\r" in text or "\u00a0" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = strip_quoted(text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    if "\n" not in text:
        return text.strip()
    text = _BLANK_LINES.sub("\n\n", strip_signature(text))
    return "\n".join(line.strip() for line in text.strip().splitlines())
