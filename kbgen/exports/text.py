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
_QUOTE_HEADERS = [
    re.compile(r"^\s*On\b.{0,200}\bwrote:\s*$", re.I),
    re.compile(r"^\s*Op\b.{0,200}\bschreef\b.{0,120}:\s*$", re.I),
    re.compile(r"^\s*(Den|On|Mån|Tis|Ons|Tors|Fre|Lör|Sön)\b.{0,200}\bskrev\b.{0,120}:\s*$", re.I),
    re.compile(r"^\s*Am\b.{0,200}\bschrieb\b.{0,120}:\s*$", re.I),
    re.compile(r"^\s*(W dniu|Dnia)\b.{0,200}\bnapisał(a)?\b.{0,120}:\s*$", re.I),
    re.compile(r"^\s*-{2,}\s*(Original Message|Oorspronkelijk bericht|Ursprüngliche Nachricht|Ursprungligt meddelande|Wiadomość oryginalna|Originalmeddelande)\s*-{2,}\s*$", re.I),
    re.compile(r"^\s*(From|Van|Från|Von|Od):\s.+$", re.I),
    # Outlook's rule above the quoted headers, and the marker helpdesks put above a reply.
    re.compile(r"^\s*_{10,}\s*$"),
    re.compile(r"^\s*##-.*-##\s*$"),
]

# Sign-offs after which only a name and a signature follow.
_SIGN_OFFS = re.compile(
    r"^\s*(best regards|kind regards|regards|best wishes|best|cheers|thanks|thank you|many thanks|thanks again"
    r"|met vriendelijke groet(en)?|vriendelijke groet(en)?|groet(en|jes)?|hartelijke groet(en)?|mvg"
    r"|med vänliga hälsningar|vänliga hälsningar|mvh|hälsningar|tack"
    r"|mit freundlichen grüßen|viele grüße|beste grüße|freundliche grüße|lg|mfg"
    r"|z poważaniem|pozdrawiam|pozdrowienia|dziękuję)\b[\s,.!]*$",
    re.I,
)
_SIGNATURE_DASHES = re.compile(r"^--\s*$")
_SENT_FROM = re.compile(r"^\s*(sent from|verzonden (vanaf|met)|skickat från|gesendet (von|mit)|wysłane z)\b", re.I)


def strip_quoted(text: str) -> str:
    """Cut quoted email history: header lines like "On ... wrote:" and '>' blocks."""
    kept: list[str] = []
    for line in text.splitlines():
        if any(p.match(line) for p in _QUOTE_HEADERS):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept)


def strip_signature(text: str) -> str:
    """Cut a sign-off ("Kind regards," / "Met vriendelijke groet,") and what follows it."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        # Only near the end: a "Thanks," in the first lines opens a message, not a signature.
        if (_SIGN_OFFS.match(line) or _SIGNATURE_DASHES.match(line) or _SENT_FROM.match(line)) and len(lines) - i <= 8 and i > 0:
            return "\n".join(lines[:i])
    return text


def clean_message(text: str) -> str:
    """Plain text of one message without markup, quoted history or signature."""
    text = html_to_text(text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = strip_signature(strip_quoted(text))
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n\s*\n\s*\n+", "\n\n", text)
    return "\n".join(line.strip() for line in text.strip().splitlines())
