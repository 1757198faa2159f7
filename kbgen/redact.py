"""Redaction: the gate between ticket text and anything kbgen writes.

Personal data is replaced by typed placeholders (``[email]``, ``[phone]``, ``[name]``, ...) that
keep articles readable. Detectors run in a fixed order (most specific first, so an IBAN is not
taken for a phone number); numbers with a checksum are replaced only when the checksum holds
(python-stdnum), phone numbers are found by phonenumbers. The company's own public contacts
listed in ``site_config`` are kept. Counts per placeholder type are reported; redacted values
never are. The words detectors look for (greetings, sign-offs, secret words, street names) are
each language's, in ``kbgen/languages/``; the formats of numbers and addresses are countries'
and stay here.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources

import phonenumbers
from stdnum import luhn
from stdnum.de import idnr
from stdnum.iso7064 import mod_97_10
from stdnum.nl import bsn
from stdnum.pl import pesel
from stdnum.se import personnummer
from stdnum.us import ssn
from stop_words import get_stop_words

from kbgen import languages
from kbgen.config import SiteConfig
from kbgen.records import Message, Ticket

# Types the site build refuses to publish (defence in depth after redaction).
PUBLISH_BLOCKERS = ("email", "phone", "iban", "card", "id-number")


@dataclass(frozen=True)
class Detector:
    """One kind of personal data: a pattern, and a check a match must pass to be replaced."""

    kind: str  # placeholder name
    pattern: re.Pattern
    valid: Callable[[str], bool] = lambda value: True
    group: int = 0  # replace only this group of the match (0: all of it)
    # A cheap test the lowercased text must pass for the pattern to be worth running (None: always
    # run). Lowercased once for every gate.
    gate: Callable[[str], bool] | None = None
    # Where a match can be: the pattern then runs only in windows around this pattern's matches,
    # not over the whole text (for long patterns whose every attempt is costly).
    anchors: re.Pattern | None = None


def _valid_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def _valid_iban(value: str) -> bool:
    """The IBAN's check digits hold (ISO 13616: the first four characters moved to the end,
    letters as numbers, ISO 7064 mod 97-10). stdnum.iban.validate does this too, but consults
    its bank-code tables first, which makes it the slowest step of redaction."""
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    return mod_97_10.is_valid("".join(str(int(c, 36)) for c in compact[4:] + compact[:4]))


def _valid_card(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    return 13 <= len(digits) <= 19 and luhn.is_valid(digits)


def _looks_like_secret(value: str) -> bool:
    """A password or code, not a word: "is too short", "was reset" and "vergeten?" (a question's
    last word) stay."""
    value = value.removesuffix("?")
    return len(value) >= 4 and (
        any(c.isdigit() for c in value) or not value.isalnum() or (value.lower() != value and value.upper() != value and not value.istitle())
    )


def _valid_id_number(value: str) -> bool:
    """A national identity number whose checksum holds: BSN, personnummer, PESEL, Steuer-IdNr, SSN."""
    compact = re.sub(r"[\s.]", "", value)
    if re.fullmatch(r"\d{3}-\d{2}-\d{4}", value):
        return ssn.is_valid(value)
    if re.fullmatch(r"(\d{2})?\d{6}[-+]\d{4}", compact) or re.fullmatch(r"\d{12}", compact):
        return personnummer.is_valid(compact)
    if len(compact) == 9 and compact.isdigit():
        return bsn.is_valid(compact)
    if len(compact) == 11 and compact.isdigit():
        return pesel.is_valid(compact) or idnr.is_valid(compact)
    return False


# Country formats, not words: house numbers and flats, postcodes and the shape of a city's name.
# The words of addresses (street suffixes, "ul.", "Street", "aan den") are each language's own
# (kbgen/languages/); _address_pattern joins the two.
_HOUSE_NUMBER = (
    # "12", "12a", "12 b", "12-14", "12/3"
    r"\s+\d{1,4}(?:[a-zA-Z]|\s[a-hA-H]\b(?![.'’-]))?(?:\s?[-/]\s?\d{1,4}[a-zA-Z]?)?"
    # floor or flat: "191 III", "94 m. 1", "211, lgh 1177", "12 apt 4"
    r"(?:\s(?:[IVX]{1,4}|hs|bis)\b|,?\s(?:m\.|lgh|apt\.?|apartment|unit|flat)\s?\d{1,5})?"
)
_FLAT_EN = r"(?:Flat|Apartment|Apt\.?|Unit|Suite|Ste\.?|#)\s?\w{1,5}"


def _city(particles: str) -> str:
    """A city's name: "Berlin", "Den Haag", "Frankfurt am Main", "Alphen aan den Rijn"."""
    return rf"[A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ][\wà-ÿąćęłńóśźż-]+(?:\s+{particles}?\s*[A-ZÀ-ÖØ-Þ][\wà-ÿ-]+)?"


def _address_pattern() -> re.Pattern[str]:
    """A street and house number (then maybe a postcode and city), or a postcode alone."""
    every = languages.registered()
    city = _city(languages.one_of(languages.words("place_particles")))
    postcode_city = (
        r"(?:\d{4}\s?[A-Z]{2}|\d{3}\s\d{2}|\d{2}-\d{3}|\d{5})\s+" + city  # NL, SE, PL, DE
        + r"|" + city + r",\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?"  # US: city, state ZIP
        + r"|(?:" + city + r"\s+)?[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}"  # GB: (city) postcode
    )
    # "Keizersgracht 221", "Östra Hamngatan 5", "Alte Poststraße 3": each language's letters.
    openers = languages.one_of(languages.words("street_openers"))
    glued = "|".join(
        f"[{language.street_capitals}][{language.street_letters}]+{languages.one_of(language.street_suffixes)}"
        for language in every
        if language.street_suffixes
    )
    # "ul. Długa 5", "al. Jana Pawła II 12"
    named = "|".join(
        rf"{languages.one_of(language.street_types_before)}\s+[{language.street_capitals}][.{language.street_letters}]*"
        rf"(?:\s+[{language.street_capitals}][{language.street_letters}]*){{0,2}}"
        for language in every
        if language.street_types_before
    )
    # "23 Church Lane", "Flat 10, 23 Church Lane", "1624 Maple Drive, Apt 6"
    numbered = (
        rf"(?:{_FLAT_EN},?\s+)?\d{{1,5}}[A-Z]?\s+(?:[A-Z][a-z]+\s+){{1,3}}"
        + languages.one_of(languages.words("street_types_after"))
        + rf"(?:\s+[NS][EW]?\b)?(?:,?\s+{_FLAT_EN})?"
    )
    return re.compile(
        rf"\b(?:(?:{openers}\s+)?(?:{glued or '(?!)'}){_HOUSE_NUMBER}|(?:{named or '(?!)'}){_HOUSE_NUMBER}|{numbered})"
        rf"(?:,?\s+(?:{postcode_city}))?"
        + r"|\b(?:\d{4}\s?[A-Z]{2}(?:\s+" + city + r")?|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})\b",  # NL and GB postcodes alone
    )


_NAME = r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ][\w'’-]+"
# Family-name particles, whatever language the message is in: "de Vries", "von Trier", "af Klint".
_PARTICLE = r"(?:van|de|der|den|von|van der|van den|af|la|le|di|da|du|ter|ten)"
_PARTICLES = frozenset({"van", "de", "der", "den", "von", "af", "la", "le", "di", "da", "du", "ter", "ten"})
# The first word of the text, and of a line or a sentence ("[.!?] ") with where that starts.
_FIRST_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
# A placeholder ends what it replaced: "Telefon: [phone] Vänliga hälsningar, Gustav".
_OPENING = re.compile(r"[\n.!?\]](?:(?<=\n)| )()[ \t]*([^\W\d_]+)")
_LINE_OR_SENTENCE = r"(?:^|(?<=[.!?\]] ))[ \t]*"
# The Swedish way to sign: "/Sofia" at the end of a line.
_SLASH_SIGNATURE = re.compile(rf"(?<![^\s])/({_NAME})[ \t]*$", re.MULTILINE)
_WORD_GAP = re.compile(r"[\s-]+")
# URL query parameters that carry a person or a key.
_PERSONAL_PARAMS = re.compile(
    r"[?&#](?:[\w-]*(?:token|key|secret|sig|signature|auth|session|sid|password|passwd|pwd|code|email|mail|"
    r"user|uid|login|phone|name))=",
    re.IGNORECASE,
)

# Something shaped like a phone number: "+" or "(" or a digit, then at least 7 digits in all with
# a space, dot, dash, slash or bracket between them, or a bracket, dash or slash and a space ("(020)
# 555", "+31 (0)20"); not glued to letters or other digits. A dot and a space end a sentence:
# "HTTP 403. 018-119 71 88" is two numbers.
_PHONE_GAP = r"(?:[ .\-/()]|[ ][(\-/]|[)\-/][ ]|\)-)?"
_PHONE_CANDIDATE = re.compile(rf"(?<![\w+])(?:\+|\(\+?)?\d(?:{_PHONE_GAP}\d){{6,14}}(?![\w])")
# Where a number without "+" may come from, whatever the language of the text it stands in: a
# national number opens with the trunk "0" in NL, GB, SE and DE, and with none in PL and the US.
_TRUNK_REGIONS = ("NL", "GB", "SE", "DE")
_NO_TRUNK_REGIONS = ("PL", "US")
_DIGIT_GROUPS = re.compile(r"\d+")
_COMPANY_NUMBER = re.compile(r"(?i:\b(?:nip|regon|krs|kvk|btw|vat|ust-?idnr|org\.?\s?nr|cvr)\b)[\s:.#-]*$")
_NON_DIGIT = re.compile(r"\D")
# A date, alone or with the hour after it ("2026-08-03 10:00" is a candidate up to "10").
_DATE = r"(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})"
_DATE_LIKE = re.compile(rf"^{_DATE}(?!\d)|(?<!\d){_DATE}$")

# Gates: most texts hold no personal data of a kind, and these tests are far cheaper than the
# detectors' patterns (case-insensitive alternations are slow in Python's re).
_LONG_NUMBER = re.compile(r"\d(?:[ .\-+]?\d){8}")


def _gate(stems: Iterable[str]) -> Callable[[str], bool]:
    """Whether the lowercased text holds one of stems (lowercase words that are parts of the
    words a detector looks for)."""
    search = re.compile(languages.one_of(stems)).search
    return lambda lowercased: search(lowercased) is not None


# Every address has a house number after a capitalised word, a number before a capitalised
# word (English streets) or a postcode, and starts at most a few words before it. The anchor
# pattern opens with a character class, which lets the regex engine skip ahead to capitals and
# digits instead of trying every position of the text.
_ADDRESS_ANCHOR = re.compile(
    r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ\d](?:"
    r"(?<!\d)[^\W\d_]+\.? \d"  # street name and house number
    r"|(?<=\d)(?:(?<!\w\d)\d{0,4}[A-Z]? [A-Z][a-z]+ "  # English: number, then the street's name
    r"|\d{3} ?[A-Z]{2}\b|(?<!\w\d)\d-\d{3}\b|(?<!\w\d)\d{2} \d{2}\b"  # NL, PL, SE postcodes
    r"|(?<=[A-Z]\d)[A-Z\d]? \d[A-Z]{2}\b))"  # GB postcode, from its first digit
)
ADDRESS_REACH = 40  # characters an address may start before its anchor


def _has_at(text: str) -> bool:
    return "@" in text


_IPV4_HINT = re.compile(r"\d\.\d{1,3}\.\d")
_IPV6_HINT = re.compile(r":(?<=[0-9a-fA-F]:)[0-9a-fA-F]{0,4}:")  # opens with ":", found fast


def _looks_like_ip(text: str) -> bool:
    return _IPV4_HINT.search(text) is not None or (":" in text and _IPV6_HINT.search(text) is not None)


def _has_long_number(text: str) -> bool:
    """Nine digits or more, maybe spaced: the least an IBAN, card or identity number has."""
    return _LONG_NUMBER.search(text) is not None


def _detectors() -> tuple[Detector, ...]:
    """Every detector in the order they run (most specific first, so an IBAN is not taken for a
    phone number), with the words of every registered language."""
    secret_gate = _gate(languages.words("secret_stems"))
    is_words = languages.one_of(languages.words("is_words"))
    return (
        Detector(
            "secret",
            re.compile(
                rf"\b({languages.one_of(languages.words('secret_words'))})\b(\s*(?:{is_words}|:|=)?\s*)([^\s,;]+[^\s,;.])", re.IGNORECASE
            ),
            valid=_looks_like_secret,
            group=3,
            gate=secret_gate,
        ),
        # "the code from the text message is 041652": a few words between, a number of 4-8 digits.
        Detector(
            "secret",
            re.compile(
                rf"\b(?i:{languages.one_of(languages.words('code_words'))})\b(?:[ \t]+[^\s\d]+){{0,4}}?[ \t]+(?:{is_words}|:)[ \t]+(\d{{4,8}})\b"
            ),
            group=1,
            gate=secret_gate,
        ),
        Detector("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), gate=_has_at),
        # Groups of four, as IBANs are printed; the short last group is digits, so a capitalised
        # word after the number is not taken into it.
        Detector(
            "iban",
            # "[A-Z](?<!\w[A-Z])" is "\b[A-Z]" opening with a character class, which the regex
            # engine finds fast (as it finds the "@" that opens the handle pattern below).
            re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?\d{1,3})?\b"),
            valid=_valid_iban,
            gate=_has_long_number,
        ),
        Detector("card", re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])"), valid=_valid_card, gate=_has_long_number),
        Detector(
            "id-number",
            re.compile(
                r"(?<![\w-])(?:\d{3}-\d{2}-\d{4}"  # SSN
                r"|(?:\d{2})?\d{6}[-+]\d{4}|\d{12}"  # personnummer
                r"|\d{3}\.\d{2}\.\d{3}\.\d|\d{4}[. ]\d{2}[. ]\d{3}|\d{9}"  # BSN
                r"|\d{2} \d{3} \d{3} \d{3}|\d{11})(?![\w-])"  # Steuer-IdNr, PESEL
            ),
            valid=_valid_id_number,
            gate=_has_long_number,
        ),
        Detector(
            "ip",
            re.compile(r"(?<![\w.:])(?:(?:\d{1,3}\.){3}\d{1,3}|(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{1,4})*)(?![\w.:])"),
            valid=_valid_ip,
            gate=_looks_like_ip,
        ),
        Detector("handle", re.compile(r"@(?<![\w@/.]@)[A-Za-z_][A-Za-z0-9_.]{1,29}[A-Za-z0-9_]\b"), gate=_has_at),
        # An account name the customer types out: "my username is jdevries", "Benutzername: hans_m".
        Detector(
            "username",
            re.compile(
                rf"\b({languages.one_of(languages.words('username_words'))})\b(\s*(?:{is_words}|:|=)?\s*)([^\s,;]*[^\s,;.!?:])", re.IGNORECASE
            ),
            valid=_username_check(_stop_words(), _word_languages()),
            group=3,
            gate=_gate(languages.words("username_stems")),
        ),
        # A postcode the text names as one ("my postcode is 1022 HZ", "PLZ 10115").
        Detector(
            "address",
            re.compile(
                rf"\b(?i:{languages.one_of(languages.words('postcode_labels'))})\b\D{{0,40}}?"
                r"(\d{4} ?[A-Z]{2}|\d{2}-\d{3}|\d{3} ?\d{2}|\d{5}(?:-\d{4})?)\b"
            ),
            group=1,
            gate=_gate(languages.words("postcode_stems")),
        ),
        # Every address form has a house number or a postcode.
        Detector("address", _address_pattern(), anchors=_ADDRESS_ANCHOR),
    )


# Kinds found only inside runs of digits (see Redactor._redact_numbers), in this order.
NUMBER_KINDS = ("card", "id-number")
# Seven digits or more with the separators numbers are written with: every card, identity
# number and phone number is such a run (with the "+" or "(" before it: see _redact_numbers).
_NUMBER_RUN = re.compile(r"\d(?:[ .()\-/+]{0,3}\d){6,}\)?")


# Third persons' first names ("my colleague Pieter", "I invited Jessica") are found with a name
# list: the dictionary of Jörg Michael's "gender" program (nam_dict.txt, 2008: about 48,000 first
# names, each with how common it is in 55 countries), as the gender-guesser package ships it. Chosen
# over names-dataset (55 MB of pickles taken from a social network, 900 MB in memory, with "The" and
# "Click" among its names) and over a list of our own: 4 MB, curated, with a column for each of the
# six countries kbgen's tickets come from. Only the data file is read (GNU FDL; the package's code is
# GPLv3 and is not imported). It has not changed since 2016; first names change slowly.
_NAME_LIST = ("gender_guesser", "data/nam_dict.txt")
# Its frequency columns, counted from the 31st character: one hexadecimal digit each, from 1 (rare)
# to D (extremely common), for Great Britain, the USA, the Netherlands, Germany, Sweden and Poland.
_NAME_COLUMNS = {"GB": 0, "US": 2, "NL": 10, "DE": 12, "SE": 18, "PL": 23}
# A capitalised word mid-sentence is taken for a name on its own when it is a name first and a
# word second: at least this common as a name in one of the six countries ("Edit", "Grant" and
# "August" are rarer names), and rarer as a word in every registered language than _word_limit.
COMMON_NAME = 4
# After a first name or a title, a capitalised word is a surname unless it is a stop word or more
# common than this Zipf frequency, about 100 uses in a million words ("Support", "Team"): surnames
# are frequent in wordfreq's counts too ("smith" 4.9, "müller" 4.8).
SURNAME_ZIPF = 5.0
# Word frequencies: wordfreq (Apache 2.0, data CC BY-SA 4.0) has all five languages; its data
# stops in 2021, and everyday words change slowly. Its "small" lists hold every word used at least
# once in a million (Zipf 3), all the limits here need.
@functools.cache
def _wordfreq_languages() -> frozenset[str]:
    import wordfreq  # here: only names need it; the site build's gate and the report skip the import

    return frozenset(wordfreq.available_languages(wordlist="small"))


def _word_limit(common_as_name: int) -> float:
    """The Zipf frequency (log10 of uses per billion words, wordfreq's measure) a name of that
    frequency may reach as a word and still be taken for a name on its own: 4.0 (10 uses in a
    million words) at frequency 4, a quarter more for each step up, at most 5.0. wordfreq's counts
    mix the name with the word ("anna" counts Anna: 5.0), so a very common name may be a frequent
    "word". "Will" (6.5), "May" (6.0), "Mark" (5.0) and "Max" (5.0) stay words, and so do names as
    frequent as "Thomas" (5.0) and "Emma" (4.6, of frequency 6) unless a relation word or a title
    comes before them."""
    return min(4.0 + (common_as_name - COMMON_NAME) / 4, 5.0)

_CAPITALS = "A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ"
# The next item of a list: ", Bas", " eller Bas".
_NEXT_IN_LIST = re.compile(rf"(?:,[ \t]*|[ \t]+([^\W\d_]+)[ \t]+)([{_CAPITALS}][^\W\d_]*)")
_SURNAME = re.compile(rf"[ \t]+(?:{_PARTICLE}[ \t]+)?([{_CAPITALS}][^\W\d_]+(?:-[{_CAPITALS}][^\W\d_]+)?)(?![\w@])")


@functools.cache
def _first_names() -> dict[str, int]:
    """Every first name of the name list -> how common it is in the six countries (0: in none of
    them, else 1-13)."""
    names: dict[str, int] = {}
    package, path = _NAME_LIST
    for line in resources.files(package).joinpath(path).read_text(encoding="utf-8").splitlines():
        # "#" comments, "=" pairs of equivalent names; a "+" in column 30 repeats a name spelt with
        # expanded umlauts, a "+" in a name joins the parts of an Arabic, Chinese or Korean name.
        if not line or line[0] in "#=" or line[29:30] == "+":
            continue
        name, columns = line[3:29].strip(), line[30:]
        if "+" in name:
            continue
        common = max((int(columns[i], 16) for i in _NAME_COLUMNS.values() if columns[i : i + 1].strip()), default=0)
        names[name] = max(names.get(name, 0), common)
    return names


def _stop_words() -> frozenset[str]:
    """The stop words of every registered language, lowercase."""
    every = languages.registered()
    return frozenset(word.lower() for language in every if language.stop_word_list for word in get_stop_words(language.stop_word_list))


def _word_languages() -> tuple[str, ...]:
    """The registered languages wordfreq counts the words of."""
    return tuple(code for code in languages.codes() if code in _wordfreq_languages())


# A username is no word: rarer than 3 uses in a million words in every registered language
# ("gandalf" 3.2 is one, "admin" 3.9 and "gesperrt" 4.4 are words).
USERNAME_WORD_ZIPF = 3.5


def _username_check(stop_words: frozenset[str], codes: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether the value after a username word is an account name: it has a digit or "_", or is
    no word of the registered languages; never a placeholder or an acronym ("login SSO")."""

    def looks_like_username(value: str) -> bool:
        if "[" in value or (value.upper() == value and any(c.isalpha() for c in value)):
            return False
        if any(c.isdigit() or c == "_" for c in value):
            return True
        low = value.lower()
        return low not in stop_words and _zipf(low, codes) < USERNAME_WORD_ZIPF

    return looks_like_username


@functools.lru_cache(maxsize=1 << 16)
def _zipf(word: str, codes: tuple[str, ...]) -> float:
    """The highest Zipf frequency of the lowercase word in the languages of codes."""
    import wordfreq

    return max((wordfreq.zipf_frequency(word, code, wordlist="small") for code in codes), default=0.0)


def _capitalised_word(dotted_titles: Iterable[str]) -> re.Pattern[str]:
    """The pattern of _Grammar.capitalised_word; its first letter opens it, which the regex engine
    finds fast. A look-behind has one width: one for a word's last letter or a comma, one for each
    length of the titles with a full stop."""
    by_length: dict[int, list[str]] = {}
    for title in dotted_titles:
        by_length.setdefault(len(title), []).append(title)
    after = [rf"(?<=(?:[^\W\d_]|,)[ \t][{_CAPITALS}])"] + [
        rf"(?<=\b(?i:{languages.one_of(titles)})[ \t][{_CAPITALS}])" for _, titles in sorted(by_length.items())
    ]
    return re.compile(rf"[{_CAPITALS}](?:{'|'.join(after)})[^\W\d_]+(?:-[{_CAPITALS}][^\W\d_]+)?(?![\w@])")


def _words_before(text: str, start: int) -> tuple[str, str, int]:
    """The two words before start on its line, each without a full stop or comma after it, and
    where the second begins: ("my", "colleague", 4) before "Pieter" in "Ask my colleague Pieter";
    empty words at the line's start. Split, not searched: this runs for every capitalised word."""
    window = max(0, start - 40)
    line = text.rfind("\n", window, start) + 1 or window
    words = text[line:start].split()
    if not words:
        return "", "", start
    previous_start = text.rfind(words[-1], line, start)
    return (words[-2].rstrip(".,") if len(words) > 1 else ""), words[-1].rstrip(".,"), previous_start


def _title_case(word: str) -> bool:
    """"Anna", "Anne-Marie"; not "API" or "McDonald"."""
    return word[1:].islower() if "-" not in word else all(part[1:].islower() for part in word.split("-"))


def _declined_from(word: str) -> Iterator[str]:
    """The names word may be a declined form of: Polish declines first names ("Katarzyny",
    "Katarzynie", "Piotra", "Piotrowi")."""
    for cut in (1, 2, 3):
        stem = word[:-cut]
        if len(stem) >= 3:
            yield stem
            yield stem + "a"


@dataclass(frozen=True)
class _Grammar:
    """Redaction's patterns, compiled from the registered languages' words."""

    detectors: tuple[Detector, ...]
    number_detectors: tuple[Detector, ...]  # NUMBER_KINDS, in that order
    text_detectors: tuple[Detector, ...]  # the others: over the whole text, each when its gate passes
    gates: tuple[Callable[[str], bool], ...]
    greeting: re.Pattern[str]
    sign_off_name: re.Pattern[str]
    bare_signature: re.Pattern[str]
    # The first words of greetings and of sign-offs: a line that opens with none of them is not tried.
    greeting_openers: frozenset[str]
    sign_off_openers: frozenset[str]
    not_names: frozenset[str]
    team_words: frozenset[str]
    relations: frozenset[str]  # lowercase: "colleague", "som heter"
    conjunctions: frozenset[str]  # lowercase: "and", "or"
    name_joins: frozenset[str]  # between two names: the conjunctions, or only a comma or space ("")
    before_unlisted: frozenset[str]  # the titles, particles and relations' last words, lowercase
    articles: frozenset[str]  # lowercase: "the", "kein"
    titles: frozenset[str]  # lowercase, without a full stop: "mr", "herr", "pani"
    # A capitalised word after a word or a comma, or after a title with a full stop ("Dr. Weber"),
    # and a space or tab; not a sentence's first word. "Anne-Marie" whole.
    capitalised_word: re.Pattern[str]
    stop_words: frozenset[str]  # lowercase, of every registered language
    word_languages: tuple[str, ...]  # the registered languages wordfreq counts words of

    def common_word(self, word: str, zipf: float) -> bool:
        """A stop word, or a word at least zipf frequent, in a registered language."""
        low = word.lower()
        return low in self.stop_words or _zipf(low, self.word_languages) >= zipf

    def third_person_names(self, text: str) -> list[tuple[int, int]]:
        """Spans of first names (and the surname after one) in running text: a name the name list
        knows after a relation word ("my colleague Mark", "mojej żonie Katarzynie") or after a name
        and a comma or "and" ("Pieter en Anna"); a surname that is no common word after a title
        ("Frau Müller", "meneer de Vries"); a name common as a name and rare as a word, capitalised
        after a lowercase word that is no article, and not listed with labels ("I invited
        Jessica", not "kein Ton" or "Symbol und Iris")."""
        names = _first_names()
        spans: list[tuple[int, int]] = []
        for match in self.capitalised_word.finditer(text):
            word, start = match.group(), match.start()
            if (spans and start < spans[-1][1]) or not _title_case(word):
                continue  # "API", "McDonald": no first name of the list
            if word.split("-")[0] not in names:
                # Only a title, a particle or a relation word can make it a name: look at the word
                # before first, roughly, as most capitalised words are no name at all.
                tail = text[max(0, start - 20) : start].rsplit(None, 1)
                if not tail or tail[-1].rstrip(".,").lower() not in self.before_unlisted:
                    continue
            first, previous, previous_start = _words_before(text, start)
            if not previous:
                continue
            low = previous.lower()
            after_name = bool(spans) and text[spans[-1][1] : start].strip(" \t,").lower() in self.name_joins
            if low in self.titles:
                found = not self.common_word(word, SURNAME_ZIPF)
            elif low in _PARTICLES and (titled := self.title_before(text, previous_start)) is not None:
                found, start = not self.common_word(word, SURNAME_ZIPF), titled  # "meneer de Vries"
            elif low in self.relations or f"{first} {low}".lower() in self.relations or after_name:
                found = word.split("-")[0] in names or any(form in names for form in _declined_from(word))
            else:
                found = (
                    previous[0].islower()
                    and low not in self.articles
                    and self.name_on_its_own(word)
                    and not self.listed_with_labels(text, first, previous, match.end())
                )
            if not found:
                continue
            end = match.end()
            surname = _SURNAME.match(text, end)
            if surname and _title_case(surname.group(1)) and not self.common_word(surname.group(1), SURNAME_ZIPF):
                end = surname.end()
            spans.append((start, end))
        return spans

    def title_before(self, text: str, particle: int) -> int | None:
        """Where the family-name particles that begin at particle begin, when a title stands
        before them ("meneer van der Berg"); None when none does."""
        first, previous, previous_start = _words_before(text, particle)
        if previous.lower() in self.titles:
            return particle
        if previous.lower() in _PARTICLES and first.lower() in self.titles:
            return previous_start
        return None

    def name_on_its_own(self, word: str) -> bool:
        """A word taken for a first name without a relation word or title before it."""
        common_as_name = _first_names().get(word.split("-")[0], 0)
        return common_as_name >= COMMON_NAME and not self.common_word(word, _word_limit(common_as_name))

    def listed_with_labels(self, text: str, first: str, previous: str, end: int) -> bool:
        """Whether the word before "and" or "or" (first, previous), or the capitalised word after
        a comma, "and" or "or" (after end), is one the name list does not know: menu items, plans
        and places ("Max eller Bas", "Symbol und Iris") are listed so."""
        names = _first_names()
        if first[:1].isupper() and previous.lower() in self.conjunctions and first.split("-")[0] not in names:
            return True
        after = _NEXT_IN_LIST.match(text, end)
        if after and (after.group(1) is None or after.group(1).lower() in self.conjunctions):
            return after.group(2).split("-")[0] not in names
        return False

    def not_a_person(self, name: str) -> bool:
        """A word after a greeting that names no one, or a signature naming a team or starting
        with an article, which is the company's."""
        words = _WORD_GAP.split(name.lower())
        return name.lower() in self.not_names or any(w in self.team_words for w in words)

    def greeted_names(self, text: str) -> list[tuple[int, int]]:
        """Spans of the names in greetings ("Hi Anna,") and sign-offs ("Groeten,\nPieter")."""
        first = _FIRST_WORD.match(text)
        openings = [(0, first.group(1))] if first else []
        openings += [(opening.start(1), opening.group(2)) for opening in _OPENING.finditer(text)]
        spans: list[tuple[int, int]] = []
        done = 0
        for place, word in openings:
            if place < done:
                continue
            word = word.lower()
            for pattern, openers in ((self.greeting, self.greeting_openers), (self.sign_off_name, self.sign_off_openers)):
                match = pattern.match(text, place) if word in openers else None
                if match is not None and not self.not_a_person(match.group(3)):
                    spans.append(match.span(3))
                    done = match.end()
                    break
        return spans

    def bare_signature_names(self, text: str) -> list[tuple[int, int]]:
        """Spans of full names signing a message on their own line (not "Kind Regards")."""
        spans = []
        for match in self.bare_signature.finditer(text):
            name = match.group(1)
            first = name.split()[0].lower()
            if first not in self.sign_off_openers and first not in self.greeting_openers and not self.not_a_person(name):
                spans.append(match.span(1))
        return spans


@languages.registry_cache
def _grammar() -> _Grammar:
    words, one_of = languages.words, languages.one_of
    title = f"(?i:{one_of(words('titles'))})"
    contact = f"(?i:{one_of(words('contact_labels'))})"
    # Only the greeting word ignores case: the name after it must be capitalised.
    greeting = re.compile(
        _LINE_OR_SENTENCE
        + rf"((?i:{one_of(words('greetings', 'opening_thanks'))})(?: {one_of(words('greeting_again'))})?)"
        # The name stands on the greeting's line and ends it ("Hi Anna," / "Hej Erik!"), so the
        # first word of a sentence after "Hallo,\n" is not taken for one.
        rf"(,?[ \t]+(?:{title}[ \t]+)?)({_NAME}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME})?)(?=[ \t]*(?:[,!.:;\n]|$))",
        re.MULTILINE,
    )
    sign_off_name = re.compile(
        _LINE_OR_SENTENCE
        + rf"((?i:(?:{one_of(words('sign_off_leads'))} )?{one_of(words('sign_offs'))}))"
        + rf"(?:[ \t]+{one_of(words('sign_off_places'))}[ \t]+[A-ZÀ-ÖØ-Þ][\w-]+)?"  # "Beste Grüße aus Amsterdam"
        + rf"([,!.]?\s+(?:{title}[ \t]+)?)({_NAME}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME})?)"
        # After the name, the rest of the line may name the company ("| Tasklane", "van Tasklane",
        # "Tasklane Support") or hold what redaction already replaced ("Mr Thompson [phone]").
        + rf"[ \t]*(?:[.!]|[|,–-][^\n]*|[ \t]{one_of(words('sign_off_companies'))}\b[^\n]*|\[[a-z][a-z-]*\][^\n]*"
        + rf"|{contact}\b[^\n]*"
        + rf"|[ \t][^\n]*\b(?i:{one_of(words('support_words'))})\b[^\n]*)?[ \t]*$",
        re.MULTILINE,
    )
    # A full name alone after a blank line, ending the text or above a contact line:
    # "\n\nEthan Hayes\nMobile: ...".
    bare_signature = re.compile(
        rf"\n[ \t]*\n[ \t]*({_NAME}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME}){{1,2}})[ \t]*"
        rf"(?=\s*\Z|\n[ \t]*{contact}\b)"
    )
    every = _detectors()
    text_detectors = tuple(d for d in every if d.kind not in NUMBER_KINDS)
    return _Grammar(
        detectors=every,
        number_detectors=tuple(d for kind in NUMBER_KINDS for d in every if d.kind == kind),
        text_detectors=text_detectors,
        gates=tuple(dict.fromkeys(d.gate for d in text_detectors if d.gate is not None)),
        greeting=greeting,
        sign_off_name=sign_off_name,
        bare_signature=bare_signature,
        greeting_openers=frozenset(phrase.split()[0].lower() for phrase in words("greetings", "opening_thanks")),
        sign_off_openers=frozenset(phrase.split()[0].lower() for phrase in words("sign_off_leads", "sign_offs")),
        not_names=frozenset(word.lower() for word in words("not_names", "addressees")),
        team_words=frozenset(word.lower() for word in words("team_words")),
        relations=frozenset(word.lower() for word in words("relations")),
        conjunctions=frozenset(word.lower() for word in words("conjunctions")),
        name_joins=frozenset(word.lower() for word in words("conjunctions")) | {""},
        before_unlisted=frozenset(word.lower().rstrip(".").split()[-1] for word in words("titles", "relations")) | _PARTICLES,
        articles=frozenset(word.lower() for word in words("articles")),
        titles=frozenset(word.lower().rstrip(".") for word in words("titles")),
        capitalised_word=_capitalised_word(word for word in words("titles") if word.endswith(".")),
        stop_words=_stop_words(),
        word_languages=_word_languages(),
    )


class Redactor:
    """Finds personal data in text and replaces it by typed placeholders."""

    def __init__(self, config: SiteConfig | None = None) -> None:
        config = config or SiteConfig()
        self._keep_text = {k.lower() for k in config.keep}
        self._keep_phones = {_e164(k) for k in config.keep if _e164(k)}
        self._custom = tuple(Detector(name, re.compile(p)) for name, p in config.patterns.items())
        self._url = re.compile(r"\b(?:(?:https?|s?ftp|ssh)://|www\.)[^\s<>\"')\]]*[^\s<>\"')\].,;:!?]", re.IGNORECASE)
        # The languages registered now: one registered later is redacted by a new Redactor.
        self._grammar = _grammar()

    def redact_ticket(self, ticket: Ticket, counts: Counter | None = None) -> Ticket:
        """A copy of the ticket with personal data replaced and the people dropped."""
        counts = Counter() if counts is None else counts
        names = _Known(_name_forms(p.name for p in ticket.people))
        emails = _Known(p.email for p in ticket.people if p.email)

        done: dict[str, str] = {}

        def clean(text: str) -> str:
            # The question is also the first message, the resolution an agent message: each
            # text is redacted (and its items counted) once.
            if text not in done:
                done[text] = self.redact_text(text, names=names, emails=emails, counts=counts)
            return done[text]

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
        names: Sequence[str] | _Known = (),
        emails: Sequence[str] | _Known = (),
        counts: Counter | None = None,
    ) -> str:
        """text with personal data replaced; names and emails are the people's own (forms of
        names longest first, as _name_forms gives them), found wherever they stand."""
        counts = Counter() if counts is None else counts
        if not text:
            return text
        names = names if isinstance(names, _Known) else _Known(names)
        emails = emails if isinstance(emails, _Known) else _Known(emails)
        for detector in self._custom:
            text = self._apply(detector, text, counts)
        if "://" in text or "www." in text:
            personal = [m.span() for m in self._url.finditer(text) if self._personal_url(m.group(0))]
            text = _replace_spans(text, personal, "url", counts)
        if emails:
            text = _replace_spans(text, [s for s in emails.spans(text) if not self._kept(text[s[0] : s[1]])], "email", counts)
        grammar = self._grammar
        lowercased = text.lower()
        passed = {gate: gate(lowercased) for gate in grammar.gates}
        for detector in grammar.text_detectors:
            if detector.gate is None or passed[detector.gate]:
                text = self._apply(detector, text, counts)
        text = self._redact_numbers(text, counts)
        text = _replace_spans(text, grammar.greeted_names(text), "name", counts)
        if "\n\n" in text:
            text = _replace_spans(text, grammar.bare_signature_names(text), "name", counts)
        if "/" in text:
            signed = [m.span(1) for m in _SLASH_SIGNATURE.finditer(text) if not grammar.not_a_person(m.group(1))]
            text = _replace_spans(text, signed, "name", counts)
        if names:
            text = _replace_spans(text, names.spans(text), "name", counts)
        return _replace_spans(text, grammar.third_person_names(text), "name", counts)

    def find(self, text: str) -> Iterator[tuple[str, int]]:
        """(kind, offset) of every value the site must not publish: emails, phone numbers and
        checksum-valid IBANs, cards and identity numbers that are not in the keep list."""
        taken: list[tuple[int, int, str]] = []
        lowercased = text.lower()
        for detector in self._grammar.detectors:
            if detector.kind not in PUBLISH_BLOCKERS or not self._worth(detector, lowercased):
                continue
            for match in detector.pattern.finditer(text):
                value = match.group(detector.group)
                if detector.valid(value) and not self._kept(value):
                    taken.append((*match.span(), detector.kind))
                    yield detector.kind, match.start()
        # Digits inside an IBAN or card already reported are no second finding.
        for span in self._phone_spans_between(text, 0, len(text), sorted(taken)):
            yield "phone", span[0]

    @staticmethod
    def _worth(detector: Detector, lowercased: str) -> bool:
        return detector.gate is None or detector.gate(lowercased)

    def _apply(self, detector: Detector, text: str, counts: Counter) -> str:
        return _replace_spans(text, self._spans(detector, text), detector.kind, counts)

    def _spans(self, detector: Detector, text: str) -> list[tuple[int, int]]:
        """Sorted, disjoint spans of the values the detector finds and replaces in text."""
        if detector.anchors is not None:
            return self._spans_near_anchors(detector, text)
        spans = []
        for match in detector.pattern.finditer(text):
            value = match.group(detector.group)
            if detector.valid(value) and not self._kept(value):
                spans.append(match.span(detector.group))
        return spans

    def _spans_near_anchors(self, detector: Detector, text: str) -> list[tuple[int, int]]:
        """Matches found in windows around the detector's anchors, left to right."""
        spans: list[tuple[int, int]] = []
        done = 0
        for anchor in detector.anchors.finditer(text):
            anchor_start, anchor_end = anchor.span()
            if anchor_end <= done:
                continue
            start = max(done, anchor_start - ADDRESS_REACH)
            match = detector.pattern.search(text, start, min(len(text), anchor_end + 4 * ADDRESS_REACH))
            if match is None or match.start() > anchor_end or match.group(0) == "":
                continue
            if detector.valid(match.group(0)) and not self._kept(match.group(0)):
                spans.append(match.span())
                done = match.end()
        return spans

    def _kept(self, value: str) -> bool:
        return value.lower() in self._keep_text

    @staticmethod
    def _personal_url(url: str) -> bool:
        """A URL with credentials, an address, a token or a personal query parameter; plain
        links (documentation, status pages) stay."""
        return "@" in url or "%40" in url or bool(_PERSONAL_PARAMS.search(url))

    def _phone_spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Spans of phone numbers: candidates found by shape, each confirmed by phonenumbers."""
        spans = []
        for match in _PHONE_CANDIDATE.finditer(text, start, len(text) if end is None else end):
            raw = match.group(0).rstrip(" .-/")
            e164 = _phone_e164(raw)
            if not e164 or _DATE_LIKE.search(raw) or "[" in raw:
                continue
            # A company's tax or registry number ("NIP 525-234-56-75", "KvK 12345678") is public.
            if _COMPANY_NUMBER.search(text, max(0, match.start() - 16), match.start()):
                continue
            if e164 in self._keep_phones:
                continue
            spans.append((match.start(), match.start() + len(raw)))
        return spans

    def _redact_numbers(self, text: str, counts: Counter) -> str:
        """Cards, identity numbers and phone numbers, looked for only inside runs of seven or more
        digits: one cheap pass finds the runs, so the costly patterns never scan plain prose."""
        spans: list[tuple[int, int, str]] = []
        for run in _NUMBER_RUN.finditer(text):
            start, end = run.span()
            # The pattern opens with a digit, which the regex engine finds fast; "+" or "("
            # belongs to the number.
            if start and text[start - 1] in "+(":
                start -= 1
            for detector in self._grammar.number_detectors:
                for match in detector.pattern.finditer(text, start, end):
                    value = match.group(0)
                    if detector.valid(value) and not self._kept(value) and not _overlaps(spans, match.span()):
                        spans.append((*match.span(), detector.kind))
            taken = sorted(span for span in spans if start <= span[0] < end)
            spans += [(*span, "phone") for span in self._phone_spans_between(text, start, end, taken)]
        return _replace_typed(text, sorted(spans), counts)

    def _phone_spans_between(self, text: str, start: int, end: int, taken: list[tuple]) -> list[tuple[int, int]]:
        """Phone numbers in text[start:end] outside the taken (start, end, ...) spans (sorted): the
        digits of an identity number are no part of the phone number written after it."""
        found, here = [], start
        for taken_start, taken_end, *_ in taken + [(end, end)]:
            if here < taken_start:
                found += self._phone_spans(text, here, min(taken_start, end))
            here = max(here, taken_end)
        return found


def _phone_e164(raw: str) -> str:
    """The E.164 form of the phone number raw is, "" when it is none.

    An international "+.." number is taken as written, without asking phonenumbers (fictional
    and new ranges fail its validity check, and parsing is the slow part of redaction); a "00.."
    one must be valid. A national one, "(020) 555 1234" or "555.123.4567", must be valid in one of
    the regions its first digit allows (_TRUNK_REGIONS, _NO_TRUNK_REGIONS), or possible there and
    grouped as that region writes its numbers (_grouped_nationally).
    """
    if raw.startswith("+"):
        digits = _NON_DIGIT.sub("", raw.replace("(0)", ""))
        return "+" + digits if 8 <= len(digits) <= 15 else ""
    digits = _NON_DIGIT.sub("", raw)
    if digits.startswith("00"):
        return _valid_international(digits[2:])
    # A bare run of digits without trunk "0" is a build number or an id, not a phone.
    if raw.isdigit() and not raw.startswith("0"):
        return ""
    # Every region here writes national numbers as a trunk "0" (or nothing, in PL and the US)
    # before the national significant number, so each region's check needs no parse.
    trunk = digits[0] == "0"
    national = digits[1:] if trunk else digits
    if not national or national.startswith("0"):
        return ""
    numbers = [
        phonenumbers.PhoneNumber(country_code=phonenumbers.country_code_for_region(region), national_number=int(national))
        for region in (_TRUNK_REGIONS if trunk else _NO_TRUNK_REGIONS)
    ]
    for number in numbers:
        if phonenumbers.is_valid_number(number):
            return f"+{number.country_code}{national}"
    for number in numbers:
        if _grouped_nationally(raw, number):
            return f"+{number.country_code}{national}"
    return ""


def _valid_international(digits: str) -> str:
    """"+digits" if that is a valid phone number, else ""."""
    if not 8 <= len(digits) <= 15:
        return ""
    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return ""
    return "+" + digits if phonenumbers.is_valid_number(number) else ""


def _grouped_nationally(raw: str, number: phonenumbers.PhoneNumber) -> bool:
    """Whether number has a possible length for its region and raw groups its digits as
    phonenumbers lays out that region's national numbers: "(555) 123-4567" and "555.123.4567" as
    the US "(555) 123-4567". Fictional ranges (the US "555" of examples) and ranges newer than
    phonenumbers' metadata fail its validity check, yet are written as phone numbers; an order or
    version number is not grouped that way."""
    written = [len(group) for group in _DIGIT_GROUPS.findall(raw)]
    if len(written) < 2:
        return False
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        return False
    laid_out = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return written == [len(group) for group in _DIGIT_GROUPS.findall(laid_out)]


# A placeholder as redaction writes it ("[phone]", "[order-number]"), and the possessive after
# one; not a Markdown link's text ("[here](...)") nor a checkbox ("[x]").
_PLACEHOLDER = r"\[[a-z0-9][a-z0-9-]+\](?!\()(?:['’]s\b)?"


@dataclass(frozen=True)
class _Husks:
    """What removing placeholders would leave behind, compiled from one or every language's words."""

    bracketed: re.Pattern[str]  # "Jessica ([email]) wrote", "<[email]>"
    opening: re.Pattern[str]  # "[name], can you ..." at a line's start
    led: re.Pattern[str]  # "call me on [phone].", "Thanks, [name]!", "Tel: [phone] or [email]"


@languages.registry_cache
def _husks_by_language() -> dict[str, _Husks]:
    """Language code ("" for every registered language) -> its husks, built as asked."""
    return {}


def _husks(language: str = "") -> _Husks:
    built = _husks_by_language()
    code = language if language in languages.codes() else ""
    if code not in built:
        built[code] = _compile_husks(functools.partial(languages.words, of=code or None))
    return built[code]


def _compile_husks(words: Callable[..., tuple[str, ...]]) -> _Husks:
    one_of = languages.one_of
    leads = f"(?i:{one_of(words('value_leads', 'is_words'))})"
    # Placeholders one after another: "[name] [email]", "[phone] or [email]", "[email]/[phone]".
    join = rf"(?:[ \t]*[,/&+][ \t]*|[ \t]+(?i:{one_of(words('conjunctions'))})[ \t]+|[ \t]*)"
    run = rf"{_PLACEHOLDER}(?:{join}{_PLACEHOLDER})*"
    brackets = rf"[(\[{{<][ \t]*(?:{leads}[ \t]+)?{run}[ \t]*[)\]}}>]"
    return _Husks(
        bracketed=re.compile(rf"^[ \t]*{brackets}[ \t]*|[ \t]*{brackets}", re.MULTILINE),
        opening=re.compile(rf"^[ \t]*(?:{leads}[ \t]+)?{run}(?:[ \t]*[,;:–—-])?[ \t]*", re.MULTILINE),
        led=re.compile(rf"(?:[ \t]*[,;:–—-])?(?:[ \t]+{leads}\b)?[ \t]*{run}"),
    )


def without_placeholders(text: str, language: str = "") -> str:
    """text without its placeholders and what they leave dangling, for a title or a sentence that
    must read well without the values (kbgen.topics strips them from titles and phrasings):

    - placeholders in brackets go with the brackets: "Jessica ([email]) wrote" -> "Jessica wrote",
      "(on [phone])" -> "";
    - a word that leads to a placeholder (a preposition or an is-word of the text's language, of
      every registered one when none is given: "on", "op", "på", "unter", "pod numer", "is")
      goes with it, and so does a comma, colon,
      semicolon or dash right before it: "call me on [phone]." -> "call me.", "Thanks, [name]!"
      -> "Thanks!";
    - placeholders joined by a comma, slash or "and"/"or" go together: "mail [email] or [phone]"
      -> "mail";
    - placeholders that open a line take the punctuation after them: "[name], can you help?" ->
      "can you help?".

    Other text, spacing and punctuation stay as they are.
    """
    husks = _husks(language)
    for pattern in (husks.bracketed, husks.opening, husks.led):
        text = pattern.sub("", text)
    return text


def _overlaps(spans: Sequence[tuple], span: tuple[int, int]) -> bool:
    """Whether span overlaps one of spans ((start, end, ...) tuples)."""
    return any(taken[0] < span[1] and span[0] < taken[1] for taken in spans)


def _replace_spans(text: str, spans: list[tuple[int, int]], kind: str, counts: Counter) -> str:
    """text with each of the (sorted, disjoint) spans replaced by the placeholder of kind."""
    if not spans:  # the common case: kept cheap, this runs several times per text
        return text
    return _replace_typed(text, [(start, end, kind) for start, end in spans], counts)


def _replace_typed(text: str, spans: list[tuple[int, int, str]], counts: Counter) -> str:
    """text with each (start, end, kind) span (sorted, disjoint) replaced by its placeholder."""
    if not spans:
        return text
    out, last = [], 0
    for start, end, kind in spans:
        out.append(text[last:start])
        out.append(f"[{kind}]")
        counts[kind] += 1
        last = end
    out.append(text[last:])
    return "".join(out)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class _Known:
    """Values known to be personal in one ticket (its people's names and email addresses),
    found as whole words in any case. A plain search of the lowercased text: compiling a pattern
    for every ticket's people would cost more than all the other detectors together."""

    def __init__(self, values: Iterable[str]) -> None:
        # Longest first, so "Anna de Vries" is taken before "Anna".
        self.values = sorted({v.lower() for v in values if v}, key=len, reverse=True)

    def __bool__(self) -> bool:
        return bool(self.values)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sorted, disjoint spans of the values in text; not inside a word or a placeholder."""
        low = text.lower()
        if len(low) != len(text):  # a letter whose lowercase is longer ("İ"): offsets would shift
            pattern = re.compile("|".join(re.escape(v) for v in self.values), re.IGNORECASE)
            return self._whole([m.span() for m in pattern.finditer(text)], text)
        found = []
        for value in self.values:
            start = low.find(value)
            while start != -1:
                found.append((start, start + len(value)))
                start = low.find(value, start + 1)
        return self._whole(found, text)

    @staticmethod
    def _whole(found: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for start, end in found:  # longest values first: the first span at a place wins
            before, after = text[start - 1 : start], text[end : end + 1]
            if (before and (_is_word_char(before) or before == "[")) or (after and (_is_word_char(after) or after == "]")):
                continue
            if not _overlaps(spans, (start, end)):
                spans.append((start, end))
        return sorted(spans)


def _name_forms(names: Iterable[str]) -> list[str]:
    """Full names and their parts, longest first, so "Anna de Vries" goes before "Anna"."""
    forms = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        forms.add(name)
        forms.update(part for part in name.split() if len(part) >= 3 and part.lower() not in {"van", "der", "den", "von"})
    return sorted(forms, key=len, reverse=True)


def _e164(value: str) -> str:
    if sum(c.isdigit() for c in value) < 7 or "@" in value:
        return ""
    try:
        number = phonenumbers.parse(value, None if value.strip().startswith("+") else "NL")
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
