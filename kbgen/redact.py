"""Redaction: the gate between ticket text and anything kbgen writes.

Personal data is replaced by typed placeholders (``[email]``, ``[phone]``, ``[name]``, ...) that
keep articles readable. The company's own public contacts listed in ``site_config`` are kept.
Counts per placeholder type are reported; redacted values never are.
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn

from kbgen.config import SiteConfig
from kbgen.records import Message, Ticket

# Countries whose national phone formats are recognised; international "+.." formats match anywhere.
PHONE_REGIONS = ("NL", "GB", "US", "SE", "DE", "PL")

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]*[^\s<>\"')\].,;:!?]", re.I)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b")
_CARD = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
_DATE_LIKE = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$")
_DIGITS7 = re.compile(r"\d(?:[\s().\-/]*\d){6}")
_SECRET = re.compile(
    r"\b(password|passwd|wachtwoord|lösenord|losenord|passwort|kennwort|hasło|haslo|pin|kod|"
    r"verification code|verificatiecode|bevestigingscode|verifieringskod|bestätigungscode)"
    r"(\s*(?:is|was|:|=)\s*)(\S+)",
    re.I,
)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z_][A-Za-z0-9_]{2,30}\b")

_NAME = r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ][\w'’-]+"
_PARTICLE = r"(?:van|de|der|den|von|van der|van den|af|la|le|di|da|du|ter|ten)"
_TITLE = r"(?i:meneer|mevrouw|mevr\.?|dhr\.?|mr\.?|mrs\.?|ms\.?|miss|herr|frau|pan|pani|dr\.?)"
# Only the greeting word ignores case: the name after it must be capitalised.
_GREETING = re.compile(
    r"\b((?i:hi|hello|hey|dear|beste|hoi|hallo|dag|goedemorgen|goedemiddag|hej|hejsan|god morgon|"
    r"liebe|lieber|sehr geehrte|sehr geehrter|guten tag|dzień dobry|witam|szanowna|szanowny|cześć))"
    # The name stands on the greeting's line and ends it ("Hi Anna," / "Hej Erik!"), so the
    # first word of a sentence after "Hallo,\n" is not taken for one.
    rf"(,?[ \t]+(?:{_TITLE}[ \t]+)?)({_NAME}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME})?)(?=[ \t]*(?:[,!.:;\n]|$))",
)
_SIGN_OFF_NAME = re.compile(
    r"\b((?i:thanks|thank you|cheers|regards|best|groeten|groet|mvg|bedankt|dank je|tack|mvh|hälsningar|"
    r"grüße|grüßen|gruß|danke|pozdrawiam|pozdrowienia|dziękuję))"
    rf"([,!.]?\s+)({_NAME}(?:\s+(?:{_PARTICLE}\s+)?{_NAME})?)\s*[.!]?\s*$",
    re.M,
)
# Words that follow a greeting without being a name.
_NOT_NAMES = {
    "team", "support", "there", "all", "everyone", "allemaal", "iedereen", "alla", "zusammen",
    "again", "folks", "guys", "sir", "madam", "tack", "thanks",
}


class Redactor:
    """Finds personal data in text and replaces it by typed placeholders."""

    def __init__(self, config: SiteConfig | None = None) -> None:
        config = config or SiteConfig()
        self._keep_text = {k.lower() for k in config.keep}
        self._keep_domains = {k.lower().lstrip("@") for k in config.keep if "@" not in k and "." in k and not any(c.isdigit() for c in k)}
        self._keep_phones = {_e164(k) for k in config.keep if _e164(k)}
        self._patterns = [(name, re.compile(p)) for name, p in config.patterns.items()]

    def redact_ticket(self, ticket: Ticket, counts: Counter | None = None) -> Ticket:
        """A copy of the ticket with personal data replaced and the people dropped."""
        counts = Counter() if counts is None else counts
        names = _name_forms(p.name for p in ticket.people)
        emails = [p.email for p in ticket.people if p.email]

        def clean(text: str) -> str:
            return self.redact_text(text, names=names, emails=emails, counts=counts)

        return replace(
            ticket,
            subject=clean(ticket.subject),
            question=clean(ticket.question),
            messages=tuple(Message(m.role, clean(m.text), m.at) for m in ticket.messages),
            resolution=clean(ticket.resolution),
            people=(),
        )

    def redact_text(
        self,
        text: str,
        names: Sequence[str] = (),
        emails: Sequence[str] = (),
        counts: Counter | None = None,
    ) -> str:
        counts = Counter() if counts is None else counts
        if not text:
            return text

        def sub(pattern: re.Pattern, kind: str, text: str, keep=lambda m: False, group: int = 0) -> str:
            def repl(m: re.Match) -> str:
                if keep(m):
                    return m.group(0)
                counts[kind] += 1
                if group:
                    return m.group(0)[: m.start(group) - m.start(0)] + f"[{kind}]" + m.group(0)[m.end(group) - m.start(0) :]
                return f"[{kind}]"

            return pattern.sub(repl, text)

        for kind, pattern in self._patterns:
            text = sub(pattern, kind, text)
        text = sub(_SECRET, "secret", text, group=3)
        text = sub(_URL, "url", text, keep=lambda m: self._kept_url(m.group(0)))
        text = sub(_EMAIL, "email", text, keep=lambda m: self._kept_email(m.group(0)))
        if emails:
            known_emails = re.compile("|".join(re.escape(e) for e in emails), re.I)
            text = sub(known_emails, "email", text, keep=lambda m: self._kept_email(m.group(0)))
        text = sub(_IBAN, "iban", text, keep=lambda m: not stdnum_iban.is_valid(m.group(0)))
        text = sub(_CARD, "card", text, keep=lambda m: not _is_card(m.group(0)))
        text = sub(_IPV4, "ip", text, keep=lambda m: not _is_ip(m.group(0)))
        if _DIGITS7.search(text):
            text = self._redact_phones(text, counts)
        text = sub(_HANDLE, "handle", text)
        text = sub(_GREETING, "name", text, keep=lambda m: m.group(3).lower() in _NOT_NAMES, group=3)
        text = sub(_SIGN_OFF_NAME, "name", text, keep=lambda m: m.group(3).lower() in _NOT_NAMES, group=3)
        if names:
            # Longest forms first in the alternation, so "Anna de Vries" wins over "Anna".
            known_names = re.compile(rf"(?<![\w\[])(?:{'|'.join(re.escape(n) for n in names)})(?![\w\]])", re.I)
            text = sub(known_names, "name", text)
        return text

    def _kept_email(self, email: str) -> bool:
        return email.lower() in self._keep_text

    def _kept_url(self, url: str) -> bool:
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).split("/")[0].split("?")[0]
        if "@" in host:  # credentials in the URL
            return False
        return any(host == d or host.endswith("." + d) for d in self._keep_domains) and "?" not in url

    def _redact_phones(self, text: str, counts: Counter) -> str:
        spans: list[tuple[int, int]] = []
        for region in PHONE_REGIONS:
            for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
                # A national number must be valid for its country; an international "+.." one
                # is taken as written (fictional and new ranges fail the validity check).
                if not (phonenumbers.is_valid_number(match.number) or match.raw_string.startswith("+")):
                    continue
                if _DATE_LIKE.match(match.raw_string):
                    continue
                if phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164) in self._keep_phones:
                    continue
                if "[" in match.raw_string:
                    continue
                spans.append((match.start, match.end))
        if not spans:
            return text
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        out, last = [], 0
        for start, end in merged:
            out.append(text[last:start])
            out.append("[phone]")
            counts["phone"] += 1
            last = end
        out.append(text[last:])
        return "".join(out)


def redact_tickets(tickets: Iterable[Ticket], redactor: Redactor, counts: Counter) -> list[Ticket]:
    """Redact every ticket; ``counts`` gathers how many items of each type were replaced."""
    return [redactor.redact_ticket(t, counts) for t in tickets]


def _name_forms(names: Iterable[str]) -> list[str]:
    """Full names and their parts, longest first, so "Anna de Vries" goes before "Anna"."""
    forms = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        forms.add(name)
        forms.update(part for part in re.split(r"\s+", name) if len(part) >= 3 and part.lower() not in {"van", "der", "den", "von"})
    return sorted(forms, key=len, reverse=True)


def _e164(value: str) -> str:
    if sum(c.isdigit() for c in value) < 7 or "@" in value:
        return ""
    try:
        number = phonenumbers.parse(value, None if value.strip().startswith("+") else "NL")
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _is_card(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    return 13 <= len(digits) <= 19 and luhn.is_valid(digits)


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
