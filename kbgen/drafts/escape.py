"""Ticket text as Markdown that the help site shows exactly as it was typed.

A character is escaped only where the site's Markdown would read it as markup: Python-Markdown
with MkDocs' toc, tables and fenced_code and the kbgen plugin's SafeMarkdown (SITE_EXTENSIONS;
tests/test_escape.py fails if the site gets another, such as attr_list or admonition, whose
syntax ticket text could then form). So "Settings > Billing", "lukt!" and "file_name_v2.txt"
stay as they were, while "<script>", "[x](javascript:...)", "*really*" and a line starting with
"#" cannot form markup. "<" before a tag stays escaped although SafeMarkdown would show it as
text: the site's SafeMarkdown is the second guard, not the only one.

Each function returns Markdown for one place: a heading, a paragraph or list item, or a reply
of several paragraphs and steps. Escaping is decided per paragraph, as emphasis, code and links
can pair across its lines.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from itertools import groupby

# The site's Markdown extensions these rules are written for: MkDocs' own and the kbgen plugin's.
SITE_EXTENSIONS = ("toc", "tables", "fenced_code", "SafeMarkdown")
# The characters a backslash escapes (Markdown.ESCAPED_CHARS, "|" added by the tables
# extension); before any other character a backslash is shown as typed ("C:\Users").
ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!|")
# Characters with markup meaning that no backslash escapes: written as character references.
_REFERENCE = {"<": "&lt;", "&": "&amp;", "=": "&#61;", ":": "&#58;", "~": "&#126;"}

_LIST_ITEM = re.compile(r"^\s*(\d{1,2}[.)]|[-*•])\s+(.*)$")
# Block markup at the start of a paragraph's or list item's first line: a list.
_LIST_MARKER = re.compile(r"[*+-][ \t]|\d+\.[ \t]")
# On any line: a rule (three or more -, _ or *, at most two spaces apart).
_RULE = re.compile(r"(?:-+ {0,2}){3,}|(?:_+ {0,2}){3,}|(?:\*+ {0,2}){3,}")
# On any line: a link definition, Python-Markdown's own pattern (ReferenceProcessor.RE): the
# address and title may follow on the next lines.
_DEFINITION = re.compile(
    # Python-Markdown expands tabs to spaces before it looks: a tab counts as spaces here.
    r"""^[ \t]{0,3}\[([^\[\]]*)\]:[ \t]*(?:\n[ \t]*)?([^\s]+)[ \t]*(?:\n[ \t]*)?((["'])(.*)\4[ \t]*|\((.*)\)[ \t]*)?$""",
    re.MULTILINE,
)
# On a paragraph's second line: a heading's underline, or a table's separator row.
_UNDERLINE = re.compile(r"=+|-+")
_SEPARATOR = re.compile(r"[|: -]+")
_FENCE = re.compile(r"`{3,}|~{3,}")
# What forms raw HTML or an autolink after "<" (a tag, closing tag, comment, processing
# instruction, <http://...>), or an e-mail autolink; and a character reference after "&".
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_AUTOMAIL = re.compile(r"<[^> !]+@[^@> ]+>")
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);")
_WORD = re.compile(r"\w")
_SPACE = re.compile(r"\s")
# The toc extension replaces a paragraph or list item holding only this with a table of contents.
_TOC_MARKER = "[TOC]"


def markdown_text(text: str) -> str:
    """One line of ticket text for a paragraph, or for a list item after "- " (a question's
    wording, a step)."""
    return _inert(_one_line(text), item=True)


def markdown_heading(text: str) -> str:
    """One line of ticket text for after "# "."""
    line = _one_line(text)
    swaps: dict[int, str] = {}
    if line.endswith(("#", "\\")):
        # Closing hashes would be dropped ("C#"), and a final backslash undoes the heading.
        swaps[len(line) - 1] = "\\" + line[-1]
    return _apply(line, _inline(line, swaps))


def markdown_block(text: str) -> str:
    """A reply as Markdown paragraphs, keeping its numbered or bulleted steps as a list."""
    lines = [line.strip() for line in text.splitlines()]
    items = [_LIST_ITEM.match(line) for line in lines]
    fences = _fence_openers([line if not item else "" for line, item in zip(lines, items)])
    out: list[str] = []
    kinds = groupby(range(len(lines)), key=lambda n: "item" if items[n] else "text" if lines[n] else "blank")
    for kind, group in kinds:
        numbers = list(group)
        if kind == "blank":
            out.append("")
            continue
        if out and out[-1]:
            out.append("")  # between a paragraph and a list, or the second would continue the first
        if kind == "item":
            for number in numbers:
                marker, item = items[number].groups()
                marker = f"{marker[:-1]}." if marker[0].isdigit() else "-"
                out.append(f"{marker} {_inert(item.strip(), item=True)}")
        else:
            paragraph = "\n".join(lines[n] for n in numbers)
            out.append(_inert(paragraph, fences={n - numbers[0] for n in numbers if n in fences}))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def _one_line(text: str) -> str:
    return re.sub(r"[ \t]*(?:\r\n|\r|\n)[ \t]*", " ", text).strip(" \t\r\n")


def _inert(block: str, *, item: bool = False, fences: Collection[int] = ()) -> str:
    """A paragraph (lines joined by newlines, each stripped) or a list item's text (item), with
    every character escaped that would form markup; fences: the lines that open fenced code."""
    swaps: dict[int, str] = {}
    if block.strip() == _TOC_MARKER:
        swaps[block.index("[")] = "\\["
    offset = 0
    lines = block.split("\n")
    for number, line in enumerate(lines):
        at = _block_markup(line, number, lines[number - 1] if number else "", item)
        if number in fences or _DEFINITION.match(block, offset):
            at = 0
        if at is not None:
            # The whole run: what stayed of "***" or "```" could still pair with a later run.
            end = at + len(line[at:]) - len(line[at:].lstrip(line[at])) if line[at] in "*_`" else at + 1
            swaps.update((offset + n, _escaped(line[n])) for n in range(at, end))
        offset += len(line) + 1
    return _apply(block, _inline(block, swaps))


def _block_markup(line: str, number: int, previous: str, item: bool) -> int | None:
    """Where line, of a paragraph or a list item's text (number in it, after previous), would
    start block markup: the index of the character to escape, or None."""
    if line[:1] in ("#", ">") or _RULE.fullmatch(line):
        return 0
    if number == 0 and item and _RULE.fullmatch(f"- {line}"):
        return 0  # "--" after a list item's "- " would make the line a rule
    marker = _LIST_MARKER.match(line) if number == 0 else None
    if marker:
        return marker.end() - 2  # "*", "+" or "-", or the "." after the number
    if number == 1 and (_UNDERLINE.fullmatch(line) or ("|" in previous and _SEPARATOR.fullmatch(line))):
        return 0
    return None


def _fence_openers(lines: Sequence[str]) -> set[int]:
    """Numbers of the lines that open fenced code: a fence with the same fence on a later line."""
    openers = set()
    for number, line in enumerate(lines):
        fence = _FENCE.match(line)
        if fence and fence.group() in lines[number + 1 :]:
            openers.add(number)
    return openers


def _inline(text: str, swaps: dict[int, str]) -> dict[int, str]:
    """swaps (index -> replacement, the block markup already escaped) with what else of text (one
    paragraph, list item or heading) would form code, a link, emphasis, HTML or a character
    reference, and the backslashes that would escape the character after them."""
    swaps = dict(swaps)
    # Code: Python-Markdown pairs a run of n backticks with a later run of n, or else with the
    # longest later run if that is shorter. An escaped run is seen as runs of one.
    later: list[int] = []
    for run in reversed(list(re.finditer(r"`+", text))):
        length = run.end() - run.start()
        if run.start() in swaps or length in later or (later and max(later) < length):
            swaps.update((n, "\\`") for n in range(run.start(), run.end()))
            later += [1] * length
        else:
            later.append(length)
    # Links and images: "[" starts one only when a "](" and a ")" follow it.
    last_link = text.rfind("](", 0, max(text.rfind(")"), 0))
    swaps.update((n, "\\[") for n, char in enumerate(text[: max(last_link, 0)]) if char == "[")
    # Emphasis: a run that can open it and has a run after it that can close it.
    for token in "*_":
        runs = [(run.start(), run.end()) for run in re.finditer(re.escape(token) + "+", text) if run.start() not in swaps]
        last_closer = max((start for start, end in runs if _can_close(text, start, end, token)), default=-1)
        for start, end in runs:
            if start < last_closer and _can_open(text, start, end, token):
                swaps.update((n, "\\" + token) for n in range(start, end))
    for n, char in enumerate(text):
        if char == "<" and (_TAG_START.match(text, n) or _AUTOMAIL.match(text, n)):
            swaps[n] = _REFERENCE["<"]
        elif char == "\\" and text[n + 1 : n + 2] in ESCAPABLE:
            swaps[n] = "\\\\"
    swaps.update((entity.start(), _REFERENCE["&"]) for entity in _ENTITY.finditer(text))
    return swaps


# Python-Markdown's emphasis delimiters: "*" opens before a non-space and closes after one; "_"
# also needs no letter or digit on its outer side, so snake_case never forms emphasis. The text's
# start and end count as space.
def _can_open(text: str, start: int, end: int, token: str) -> bool:
    after_space = end == len(text) or _SPACE.match(text, end) is not None
    before_word = start > 0 and _WORD.match(text, start - 1) is not None
    return not after_space and not (token == "_" and before_word)


def _can_close(text: str, start: int, end: int, token: str) -> bool:
    before_space = start == 0 or _SPACE.match(text, start - 1) is not None
    after_word = end < len(text) and _WORD.match(text, end) is not None
    return not before_space and not (token == "_" and after_word)


def _escaped(char: str) -> str:
    return "\\" + char if char in ESCAPABLE else _REFERENCE[char]


def _apply(text: str, swaps: dict[int, str]) -> str:
    return "".join(swaps.get(n, char) for n, char in enumerate(text))
