"""Clean message text: HTML to plain text, quoted email history and signatures cut."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

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


# "On Tue, 4 Aug 2026 at 10:02, Sam <sam@x> wrote:" and its Dutch, Swedish, German and
# Polish forms; the reply above such a line is the message, everything below is history.
# One multi-line pattern, so a message is searched once rather than line by line.
_QUOTE_HEADER = re.compile(
    "|".join(
        [
            r"^[ \t]*On\b.{0,200}\bwrote:[ \t]*$",
            r"^[ \t]*Op\b.{0,200}\bschreef\b.{0,120}:[ \t]*$",
            r"^[ \t]*(?:Den|On|Mån|Tis|Ons|Tors|Fre|Lör|Sön)\b.{0,200}\bskrev\b.{0,120}:[ \t]*$",
            r"^[ \t]*Am\b.{0,200}\bschrieb\b.{0,120}:[ \t]*$",
            r"^[ \t]*(?:W dniu|Dnia)\b.{0,200}\bnapisał(?:a)?\b.{0,120}:[ \t]*$",
            r"^[ \t]*-{2,}[ \t]*(?:Original Message|Oorspronkelijk bericht|Ursprüngliche Nachricht"
            r"|Ursprungligt meddelande|Wiadomość oryginalna|Originalmeddelande)[ \t]*-{2,}[ \t]*$",
            r"^[ \t]*(?:From|Van|Från|Von|Od):[ \t].+$",
            # Outlook's rule above the quoted headers, and the marker helpdesks put above a reply.
            r"^[ \t]*_{10,}[ \t]*$",
            r"^[ \t]*##-.*-##[ \t]*$",
        ]
    ),
    re.I | re.M,
)
_QUOTED_LINE = re.compile(r"^[ \t]*>.*(?:\n|$)", re.M)

# Sign-offs after which only a name and a signature follow, "--" and "Sent from my phone".
_SIGNATURE_START = re.compile(
    r"^(?:[ \t]*(?:best regards|kind regards|regards|best wishes|best|cheers|thanks|thank you|many thanks|thanks again"
    r"|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groet(?:en|jes)?|hartelijke groet(?:en)?|mvg"
    r"|med vänliga hälsningar|vänliga hälsningar|mvh|hälsningar|tack"
    r"|mit freundlichen grüßen|viele grüße|beste grüße|freundliche grüße|lg|mfg"
    r"|z poważaniem|pozdrawiam|pozdrowienia|dziękuję)\b[ \t,.!]*$"
    r"|--[ \t]*$"
    r"|[ \t]*(?:sent from|verzonden (?:vanaf|met)|skickat från|gesendet (?:von|mit)|wysłane z)\b.*$)",
    re.I | re.M,
)
# A sign-off counts only in a message's last lines: a "Thanks," that opens a message stays.
SIGNATURE_LINES = 8
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*\n+")


def strip_quoted(text: str) -> str:
    """Cut quoted email history: header lines like "On ... wrote:" and '>' blocks."""
    header = _QUOTE_HEADER.search(text)
    if header:
        text = text[: header.start()]
    if ">" in text:
        text = _QUOTED_LINE.sub("", text)
    return text.rstrip("\n")


def strip_signature(text: str) -> str:
    """Cut a sign-off ("Kind regards," / "Met vriendelijke groet,") and what follows it."""
    for match in _SIGNATURE_START.finditer(text):
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
