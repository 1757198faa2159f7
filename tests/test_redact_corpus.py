"""Redaction measured on a multilingual corpus: the acceptance measure of kbgen/redact.py.

tests/redaction_corpus/corpus.json (written by make_corpus.py next to it) holds support messages
in English, Dutch, Swedish, Polish and German with personal data planted in them, and clean help
texts full of look-alikes. Every message goes through ``Redactor.redact_ticket`` with its people
as ``Person`` records, the path production takes.

- recall of a type: the share of its planted values whose text is gone from the output
  (case-insensitive, as a whole word; a value with spaces must also be gone without them);
- alteration: the share of the clean texts' whitespace tokens that redaction changed.

A failing test prints the table per type and language, up to five missed values per type with
the redacted text around them, and every altered clean token. For the whole report at any time,
or on a fresh corpus from other random values (same sentences) to check a change generalises:

    python tests/test_redact_corpus.py
    python tests/test_redact_corpus.py --seed 7
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pytest

from kbgen.config import SiteConfig
from kbgen.records import Person, Ticket
from kbgen.redact import Redactor

CORPUS = Path(__file__).resolve().parent / "redaction_corpus" / "corpus.json"
CONFIG = SiteConfig(
    keep=("support@tasklane.example", "+31 20 794 1100", "tasklane.example"),
    patterns={"order-number": r"TL-\d{6}"},
)
LANGUAGES = ("en", "nl", "sv", "pl", "de")

# What the corpus must hold to measure anything: messages, and planted values per type.
MIN_MESSAGES = 360
MIN_MESSAGES_PER_LANGUAGE = 60
MIN_CLEAN_MESSAGES = 120
MIN_PLANTED = {
    "email": 120, "phone": 150, "iban": 50, "card": 40, "id-number": 80, "ip": 30, "url": 40,
    "handle": 30, "name": 200, "address": 80, "secret": 30, "username": 30,
}

# The bar. Names and addresses have no checksum or fixed shape, so they get a little room.
MIN_RECALL = {"name": 0.95, "address": 0.95}
DEFAULT_MIN_RECALL = 0.99
MAX_ALTERED = 0.01

WORD = re.compile(r"\[[a-z][a-z0-9-]*\]|\w+|[^\w\s]")  # a placeholder, a word or a sign
SHOWN_MISSES = 5
SHOWN_PARTLY = 3


@dataclass(frozen=True)
class Finding:
    """A planted value left (fully or partly) in the output, or a clean token that changed."""

    message: str  # corpus id, e.g. "nl-017"
    lang: str
    kind: str
    form: str
    value: str
    seen: str  # the redacted text around it


@dataclass
class Measurement:
    planted: Counter = field(default_factory=Counter)  # type -> values
    missed: list[Finding] = field(default_factory=list)
    partly: list[Finding] = field(default_factory=list)  # gone as a whole, but a piece is left
    clean_tokens: int = 0
    altered: list[tuple[Finding, int]] = field(default_factory=list)  # (finding, tokens altered)

    def recall(self, kind: str) -> float:
        missed = sum(1 for m in self.missed if m.kind == kind)
        return 1 - missed / self.planted[kind] if self.planted[kind] else 1.0

    @property
    def altered_tokens(self) -> int:
        return sum(n for _, n in self.altered)

    @property
    def alteration(self) -> float:
        return self.altered_tokens / self.clean_tokens if self.clean_tokens else 0.0


def load_corpus() -> list[dict]:
    return json.loads(CORPUS.read_text(encoding="utf-8"))


def redact(message: dict, redactor: Redactor) -> str:
    ticket = Ticket(
        id=message["id"],
        subject="",
        question=message["text"],
        people=tuple(Person(p["name"], p.get("email", "")) for p in message["people"]),
    )
    return redactor.redact_ticket(ticket).question


def occurrences(value: str, text: str) -> list[re.Match]:
    """Where the value stands in the text as a whole word, ignoring case; also without its spaces."""
    forms = {value, re.sub(r"\s+", "", value)}
    found = []
    for form in forms:
        found += re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE)
    return found


def around(text: str, start: int, end: int, width: int = 45) -> str:
    left = max(0, start - width)
    right = min(len(text), end + width)
    snippet = ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
    return snippet.replace("\n", "⏎")


class Alignment:
    """Which words of a message survived redaction, and where they went.

    Words and placeholders are the units, so a placeholder is never taken apart ("mail" of
    "[email]" is not a surviving piece of "anna@mail.example").
    """

    def __init__(self, original: str, output: str) -> None:
        self.before = list(WORD.finditer(original))
        self.after = list(WORD.finditer(output))
        self.output = output
        self.opcodes = difflib.SequenceMatcher(
            None, [w.group() for w in self.before], [w.group() for w in self.after], autojunk=False
        ).get_opcodes()

    def kept_piece(self, start: int, end: int, pieces: set[str]) -> str | None:
        """The output where original[start:end] stood, if one of ``pieces`` survived there."""
        inside = [i for i, w in enumerate(self.before) if w.start() < end and start < w.end()]
        if not inside:
            return None
        first, last = inside[0], inside[-1] + 1
        survived = [
            self.before[k].group().lower()
            for tag, i1, i2, _, _ in self.opcodes
            if tag == "equal"
            for k in range(max(i1, first), min(i2, last))
        ]
        if not any(word in pieces for word in survived):
            return None
        out_first, out_last = self._where(first, end=False), self._where(last, end=True)
        out_start = self.after[out_first].start() if out_first < len(self.after) else len(self.output)
        out_end = self.after[out_last - 1].end() if out_last > 0 else 0
        return around(self.output, out_start, max(out_start, out_end), width=15)

    def _where(self, i: int, end: bool) -> int:
        for tag, i1, i2, j1, j2 in self.opcodes:
            if (i1 < i <= i2) if end else (i1 <= i < i2):
                return j1 + (i - i1) if tag == "equal" else (j2 if end else j1)
        return len(self.after)


def value_pieces(value: str, kind: str) -> set[str]:
    """Words of a value that give it away on their own."""
    return {w.lower() for w in re.findall(r"\w{3,}" if kind == "name" else r"\w{4,}", value)}


def measure(corpus: list[dict]) -> Measurement:
    redactor = Redactor(CONFIG)
    result = Measurement()
    for message in corpus:
        output = redact(message, redactor)
        if message["planted"]:
            measure_planted(message, output, result)
        else:
            measure_clean(message, output, result)
    return result


def measure_planted(message: dict, output: str, result: Measurement) -> None:
    alignment = None
    for planted in message["planted"]:
        kind, value, form = planted["type"], planted["value"], planted.get("form", "")
        result.planted[kind] += 1
        if left := occurrences(value, output):
            seen = around(output, left[0].start(), left[0].end())
            result.missed.append(Finding(message["id"], message["lang"], kind, form, value, seen))
            continue
        alignment = alignment or Alignment(message["text"], output)
        for where in re.finditer(re.escape(value), message["text"]):
            if piece := alignment.kept_piece(where.start(), where.end(), value_pieces(value, kind)):
                result.partly.append(Finding(message["id"], message["lang"], kind, form, value, piece))
                break


def measure_clean(message: dict, output: str, result: Measurement) -> None:
    before, after = message["text"].split(), output.split()
    result.clean_tokens += len(before)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            became = " ".join(after[j1:j2]) or "(removed)"
            context = " ".join(after[max(0, j1 - 5) : j2 + 5])
            finding = Finding(message["id"], message["lang"], "clean", "", " ".join(before[i1:i2]), f"{became}   in: {context}")
            result.altered.append((finding, max(i2 - i1, 1)))


@lru_cache(maxsize=1)
def measured() -> Measurement:
    return measure(load_corpus())


def needed(kind: str) -> float:
    return MIN_RECALL.get(kind, DEFAULT_MIN_RECALL)


def recall_report(m: Measurement, source: str = "") -> str:
    kinds = sorted(m.planted, key=lambda k: (-m.planted[k], k))
    missed_by = defaultdict(Counter)
    for f in m.missed:
        missed_by[f.kind][f.lang] += 1
    partly_by = Counter(f.kind for f in m.partly)
    lines = [
        f"Redaction recall on {source or CORPUS.relative_to(CORPUS.parents[2])}: {sum(m.planted.values())} planted values",
        "",
        f"{'type':<14}{'planted':>8}{'missed':>8}{'recall':>8}{'needed':>8}      "
        + "".join(f"{lang:>5}" for lang in LANGUAGES)
        + "   partly left",
        f"{'':<14}{'':>8}{'':>8}{'':>8}{'':>8}      {'(missed per language)':>25}",
    ]
    for kind in kinds:
        recall = m.recall(kind)
        verdict = "FAIL" if recall < needed(kind) else "ok"
        per_lang = "".join(f"{missed_by[kind][lang] or '.':>5}" for lang in LANGUAGES)
        lines.append(
            f"{kind:<14}{m.planted[kind]:>8}{sum(missed_by[kind].values()):>8}{recall:>8.3f}{needed(kind):>8.2f}  {verdict:<4}"
            f"{per_lang}   {partly_by[kind] or ''}"
        )
    for kind in kinds:
        misses = [f for f in m.missed if f.kind == kind]
        if not misses:
            continue
        forms = Counter(f.form for f in misses)
        lines += ["", f"{kind}: {len(misses)} missed; by form: " + ", ".join(f"{form} {n}" for form, n in forms.most_common())]
        lines += [f"  {f.message:<8}{f.form:<32}{f.value!r}\n{'':10}{f.seen}" for f in _varied(misses, SHOWN_MISSES)]
    if m.partly:
        lines += ["", "Counted as redacted, but a piece of the value is left where it stood (not part of the bar):"]
        for kind in kinds:
            partly = [f for f in m.partly if f.kind == kind]
            if partly:
                lines.append(f"{kind}: {len(partly)} partly left")
                lines += [f"  {f.message:<8}{f.form:<32}{f.value!r}\n{'':10}{f.seen}" for f in _varied(partly, SHOWN_PARTLY)]
    return "\n".join(lines)


def _varied(findings: list[Finding], limit: int) -> list[Finding]:
    """Up to ``limit`` findings, one of each form first (the most frequent forms first)."""
    by_form = Counter(f.form for f in findings)
    chosen: list[Finding] = []
    for form, _ in by_form.most_common():
        chosen.append(next(f for f in findings if f.form == form))
    chosen += [f for f in findings if f not in chosen]
    return chosen[:limit]


def alteration_report(m: Measurement) -> str:
    share = f"{m.alteration:.2%}, needed < {MAX_ALTERED:.0%}"
    lines = [f"Clean help texts: {m.altered_tokens} of {m.clean_tokens} tokens altered ({share})"]
    lines += [f"  {f.message:<8}{f.value!r:<30} -> {f.seen}" for f, _ in m.altered]
    return "\n".join(lines)


def test_corpus_meets_its_size_requirements():
    corpus = load_corpus()
    per_language = Counter(m["lang"] for m in corpus)
    planted = Counter(p["type"] for m in corpus for p in m["planted"])
    clean = [m for m in corpus if not m["planted"]]
    assert len(corpus) >= MIN_MESSAGES
    assert set(per_language) == set(LANGUAGES)
    assert min(per_language.values()) >= MIN_MESSAGES_PER_LANGUAGE, per_language
    assert len(clean) >= MIN_CLEAN_MESSAGES and all(not m["people"] for m in clean)
    short = {kind: planted[kind] for kind, n in MIN_PLANTED.items() if planted[kind] < n}
    assert not short, f"too few planted values: {short}"
    assert len({m["id"] for m in corpus}) == len(corpus)
    misplaced = [(m["id"], p["value"]) for m in corpus for p in m["planted"] if p["value"] not in m["text"]]
    assert not misplaced, misplaced


def test_recall_per_type_meets_the_bar():
    m = measured()
    failing = [kind for kind in sorted(m.planted) if m.recall(kind) < needed(kind)]
    if failing:
        pytest.fail(f"recall below the bar for {', '.join(failing)}\n\n{recall_report(m)}", pytrace=False)


def test_clean_help_text_is_left_alone():
    m = measured()
    if m.alteration >= MAX_ALTERED:
        pytest.fail(alteration_report(m), pytrace=False)


if __name__ == "__main__":
    import argparse
    import sys

    parser = argparse.ArgumentParser(description="Print the redaction report on the corpus.")
    parser.add_argument("--seed", type=int, help="measure a fresh corpus made with this seed instead (not written)")
    args = parser.parse_args()
    if args.seed is None:
        result = measured()
    else:
        sys.path.insert(0, str(CORPUS.parent))
        from make_corpus import make_corpus

        result = measure(make_corpus(args.seed))
    print(recall_report(result, source="" if args.seed is None else f"a fresh corpus (seed {args.seed})"))
    print()
    print(alteration_report(result))
