"""Write corpus.json: the redaction test corpus.

Support-ticket messages in English, Dutch, Swedish, Polish and German with personal data planted
in them (every planted value listed with its type and the form it was written in), and clean
help texts full of look-alikes (versions, prices, dates, error codes, the company's own contacts)
that redaction must leave alone. tests/test_redact_corpus.py measures redaction against it.

The output is deterministic: the same file on every run, so a diff of corpus.json shows exactly
what a change to this generator did. Checksummed numbers (IBANs, cards, national id numbers) are
valid, phone numbers pass ``phonenumbers.is_valid_number``: a redactor that validates them must
still find them. All people are invented.

    python tests/redaction_corpus/make_corpus.py
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.de import idnr
from stdnum.nl import bsn
from stdnum.pl import pesel
from stdnum.se import personnummer
from stdnum.us import ssn

SEED = 20260803
OUTPUT = Path(__file__).with_name("corpus.json")
LANGUAGES = ("en", "nl", "sv", "pl", "de")
PLANTED_MESSAGES_PER_LANGUAGE = 60
CLEAN_MESSAGES_PER_LANGUAGE = 25

# What a planted message is: a customer's question, an agent's reply, or the customer writing back.
STYLES = {"question": 0.4, "reply": 0.4, "follow-up": 0.2}
# Body sentences per language, one per item, dealt from shuffled decks so every type lands in
# every kind of message. Greetings, sign-offs and signature blocks add names, phones, emails and
# addresses on top.
DECK = {
    "email": 26, "phone": 40, "iban": 12, "card": 10, "id-number": 18, "ip": 8, "url": 9,
    "handle": 7, "address": 17, "secret": 10, "order-number": 6, "third-person": 12, "username": 8,
}

# -- people ----------------------------------------------------------------------------------------

# (first name, gender) and last names per language; combinations are random, nobody real is meant.
FIRST_NAMES = {
    "en": [("Emma", "f"), ("Oliver", "m"), ("Charlotte", "f"), ("Harry", "m"), ("Amelia", "f"), ("George", "m"),
           ("Olivia", "f"), ("Jack", "m"), ("Sophie", "f"), ("Thomas", "m"), ("Megan", "f"), ("Daniel", "m"),
           ("Hannah", "f"), ("Ryan", "m"), ("Chloe", "f"), ("Nathan", "m"), ("Laura", "f"), ("Ethan", "m")],
    "nl": [("Anna", "f"), ("Sanne", "f"), ("Lotte", "f"), ("Femke", "f"), ("Daan", "m"), ("Joris", "m"),
           ("Pieter", "m"), ("Thijs", "m"), ("Eva", "f"), ("Lieke", "f"), ("Bram", "m"), ("Ruben", "m"),
           ("Maaike", "f"), ("Niels", "m"), ("Anouk", "f"), ("Wouter", "m"), ("Inge", "f"), ("Koen", "m")],
    "sv": [("Erik", "m"), ("Karin", "f"), ("Johan", "m"), ("Sofia", "f"), ("Anders", "m"), ("Ingrid", "f"),
           ("Oskar", "m"), ("Elin", "f"), ("Magnus", "m"), ("Linnea", "f"), ("Fredrik", "m"), ("Ebba", "f"),
           ("Gustav", "m"), ("Astrid", "f"), ("Henrik", "m"), ("Maja", "f"), ("Nils", "m"), ("Frida", "f")],
    "pl": [("Anna", "f"), ("Katarzyna", "f"), ("Magdalena", "f"), ("Agnieszka", "f"), ("Joanna", "f"),
           ("Ewa", "f"), ("Marta", "f"), ("Zofia", "f"), ("Marek", "m"), ("Piotr", "m"), ("Tomasz", "m"),
           ("Paweł", "m"), ("Krzysztof", "m"), ("Michał", "m"), ("Jakub", "m"), ("Łukasz", "m")],
    "de": [("Jan", "m"), ("Lukas", "m"), ("Felix", "m"), ("Jonas", "m"), ("Tobias", "m"), ("Stefan", "m"),
           ("Sabine", "f"), ("Julia", "f"), ("Katrin", "f"), ("Lena", "f"), ("Miriam", "f"), ("Anja", "f"),
           ("Claudia", "f"), ("Matthias", "m"), ("Sebastian", "m"), ("Johanna", "f")],
}
LAST_NAMES = {
    "en": ["Thompson", "Walsh", "Patel", "Clarke", "Hughes", "Bennett", "Fletcher", "Morgan", "Doyle",
           "Reynolds", "Sullivan", "Whitfield", "Hayes", "Barnes", "Palmer", "Griffiths", "Ashworth", "Okafor"],
    "nl": ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
           "Hendriks", "van Dijk", "van den Berg", "Dekker", "Brouwer", "van Leeuwen", "Kuipers", "Verhoeven"],
    "sv": ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
           "Svensson", "Gustafsson", "Lindqvist", "Bergström", "Lindberg", "Sandberg", "Ekström", "Forsberg",
           "Lundgren", "Nyström"],
    # Polish surnames ending in -ski/-cki take -ska/-cka for women.
    "pl": ["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
           "Woźniak", "Dąbrowski", "Kozłowski", "Mazur", "Krawczyk", "Jankowski", "Wieczorek", "Zawadzki"],
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
           "Hoffmann", "Schäfer", "Richter", "Schröder", "Neumann", "Zimmermann", "Braun", "Krüger"],
}
EMAIL_DOMAINS = {
    "en": ["example.com", "example.co.uk", "mail.example.com", "example.org", "brightside.example"],
    "nl": ["example.nl", "kpnmail.example.nl", "bakkerij-visser.example", "example.com", "ziggo.example"],
    "sv": ["example.se", "telia.example.se", "example.com", "bredband.example", "lindqvist-bygg.example"],
    "pl": ["example.pl", "poczta.example.pl", "wp.example.pl", "example.com", "firma-mazur.example"],
    "de": ["example.de", "web.example.de", "gmx.example.de", "example.com", "praxis-weber.example"],
}
TITLES = {
    "en": {"m": "Mr", "f": "Ms"},
    "nl": {"m": "meneer", "f": "mevrouw"},
    "de": {"m": "Herr", "f": "Frau"},
    "pl": {"m": "Panie", "f": "Pani"},  # as addressed: "Szanowny Panie", "Dzień dobry Pani"
    "sv": {"m": "", "f": ""},
}


@dataclass(frozen=True)
class Someone:
    first: str
    last: str
    gender: str
    email: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def last_titled(self) -> str:
        """The surname as written after a title: "meneer De Vries"."""
        return self.last[:1].upper() + self.last[1:]


def ascii_fold(text: str, lang: str = "") -> str:
    """The name as people write it in an email address: "Müller" -> "mueller", "Łukasz" -> "lukasz"."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
    if lang == "de":
        text = text.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def make_person(rng: random.Random, lang: str, agent: bool = False) -> Someone:
    first, gender = rng.choice(FIRST_NAMES[lang])
    last = rng.choice(LAST_NAMES[lang])
    if lang == "pl" and gender == "f" and last[-1] == "i":
        last = last[:-1] + "a"
    local_first = ascii_fold(first, lang).lower()
    local_last = ascii_fold(last, lang).lower().replace(" ", "")
    if agent:
        email = f"{local_first}.{local_last}@tasklane.example"
    else:
        local = rng.choice([
            f"{local_first}.{local_last}", f"{local_first[0]}.{local_last}", f"{local_first}{local_last}{rng.randint(70, 99)}",
            f"{local_first}_{local_last}", f"{local_first}.{local_last}",
        ])
        email = f"{local}@{rng.choice(EMAIL_DOMAINS[lang])}"
    return Someone(first, last, gender, email)


def other_email(rng: random.Random, lang: str, person: Someone) -> tuple[str, str]:
    """A second address of the same person, not the one the helpdesk knows."""
    first = ascii_fold(person.first, lang).lower()
    last = ascii_fold(person.last, lang).lower().replace(" ", "")
    domain = rng.choice(EMAIL_DOMAINS[lang])
    return rng.choice([
        (f"{first}+tasklane@{domain}", "plus-address"),
        (f"{first[0]}{last}@{last}-consulting.example", "work-domain"),
        (f"{person.first}.{person.last.replace(' ', '')}@{domain.capitalize()}", "mixed-case"),
        (f"{last}.{first}{rng.randint(1, 9)}@{domain}", "other-address"),
        (f"info@{last}-{first}.example", "shop-address"),
    ])


# -- numbers ----------------------------------------------------------------------------------------


def digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


# Each format: (form, region used to parse it, function of a digit source -> text).
PHONE_FORMATS = {
    "nl": [
        ("nl-mobile", "NL", lambda d: f"06 {d(8)}"),
        ("nl-mobile-dash", "NL", lambda d: f"06-{d(8)}"),
        ("nl-mobile-intl", None, lambda d: f"+31 6 {d(4)} {d(4)}"),
        ("nl-landline", "NL", lambda d: f"0{random_area_nl(d)}-{d(3)} {d(4)}"),
        ("nl-landline-intl", None, lambda d: f"+31 (0)20 {d(3)} {d(4)}"),
        ("nl-compact", "NL", lambda d: f"06{d(8)}"),
        ("nl-landline-brackets", "NL", lambda d: f"(0{random_area_nl(d)}) {d(3)} {d(4)}"),
        ("nl-landline-one-dash", "NL", lambda d: f"0{random_area_nl(d)}-{d(7)}"),
        ("nl-landline-trunk-brackets", "NL", lambda d: f"(0){random_area_nl(d)} {d(3)} {d(2)} {d(2)}"),
    ],
    "sv": [
        ("se-mobile", "SE", lambda d: f"07{d(1)}-{d(3)} {d(2)} {d(2)}"),
        ("se-mobile-intl", None, lambda d: f"+46 7{d(1)} {d(3)} {d(2)} {d(2)}"),
        ("se-landline", "SE", lambda d: f"08-{d(3)} {d(3)} {d(2)}"),
        ("se-compact", "SE", lambda d: f"07{d(8)}"),
        ("se-landline-brackets", "SE", lambda d: f"(08) {d(3)} {d(2)} {d(2)}"),
        ("se-landline-area", "SE", lambda d: f"0{random_area_se(d)}-{d(3)} {d(2)} {d(2)}"),
    ],
    "pl": [
        ("pl-mobile-intl", None, lambda d: f"+48 {random_mobile_pl(d)} {d(3)} {d(3)}"),
        ("pl-mobile", "PL", lambda d: f"{random_mobile_pl(d)} {d(3)} {d(3)}"),
        ("pl-mobile-dash", "PL", lambda d: f"{random_mobile_pl(d)}-{d(3)}-{d(3)}"),
        ("pl-landline-intl", None, lambda d: f"+48 22 {d(3)} {d(2)} {d(2)}"),
        ("pl-landline", "PL", lambda d: f"{random_area_pl(d)} {d(3)} {d(2)} {d(2)}"),
        ("pl-landline-brackets", "PL", lambda d: f"({random_area_pl(d)}) {d(3)}-{d(2)}-{d(2)}"),
    ],
    "de": [
        ("de-landline-intl", None, lambda d: f"+49 30 {d(7)}"),
        ("de-landline", "DE", lambda d: f"030 {d(8)}"),
        ("de-mobile", "DE", lambda d: f"015{d(1)} {d(8)}"),
        ("de-mobile-intl", None, lambda d: f"+49 (0)15{d(1)} {d(8)}"),
        ("de-landline-slash", "DE", lambda d: f"089/{d(7)}"),
        ("de-landline-brackets", "DE", lambda d: f"(030) {d(7)}"),
        ("de-landline-dash", "DE", lambda d: f"0221-{d(7)}"),
    ],
    "en": [
        ("gb-landline-intl", None, lambda d: f"+44 20 7{d(3)} {d(4)}"),
        ("gb-landline", "GB", lambda d: f"020 7{d(3)} {d(4)}"),
        ("gb-mobile", "GB", lambda d: f"07{d(3)} {d(6)}"),
        ("gb-mobile-intl", None, lambda d: f"+44 7{d(3)} {d(6)}"),
        ("us-parentheses", "US", lambda d: f"({random_area_us(d)}) {d(3)}-{d(4)}"),
        ("us-intl", None, lambda d: f"+1 {random_area_us(d)} {d(3)} {d(4)}"),
        ("us-dashes", "US", lambda d: f"{random_area_us(d)}-{d(3)}-{d(4)}"),
        ("us-dots", "US", lambda d: f"{random_area_us(d)}.{d(3)}.{d(4)}"),
        ("gb-landline-brackets", "GB", lambda d: f"(020) 7{d(3)} {d(4)}"),
        ("gb-landline-area-brackets", "GB", lambda d: f"(0161) {d(3)} {d(4)}"),
        ("gb-landline-long-area", "GB", lambda d: f"01223 {d(6)}"),
    ],
}


# How most people write their number: these come up three times as often.
COMMON_PHONE_FORMS = {
    "nl-mobile", "nl-mobile-intl", "nl-landline", "se-mobile", "se-mobile-intl", "pl-mobile", "pl-mobile-intl",
    "de-landline-intl", "de-landline", "de-mobile", "gb-landline-intl", "gb-mobile", "us-parentheses", "us-intl",
}


def random_area_nl(d) -> str:
    return ["20", "10", "30", "70", "40", "50"][int(d(1)) % 6]


def random_mobile_pl(d) -> str:
    return ["501", "601", "602", "691", "512", "790", "880", "725"][int(d(1)) % 8]


def random_area_se(d) -> str:
    return ["31", "40", "18", "13", "90", "60"][int(d(1)) % 6]


def random_area_pl(d) -> str:
    return ["22", "12", "58", "61", "71", "42"][int(d(1)) % 6]


def random_area_us(d) -> str:
    return ["212", "415", "646", "312", "617", "206", "303", "512"][int(d(1)) % 8]


def phone(rng: random.Random, lang: str) -> tuple[str, str]:
    """A valid phone number written as people write them in that country (sometimes abroad)."""
    if rng.random() < 0.85:
        formats = PHONE_FORMATS[lang]
        form, region, write = rng.choices(formats, weights=[3 if f[0] in COMMON_PHONE_FORMS else 1 for f in formats])[0]
    else:  # a number from abroad: written the international way, or as at home
        abroad = rng.choice([x for x in LANGUAGES if x != lang])
        international = rng.random() < 0.5
        form, region, write = rng.choice([f for f in PHONE_FORMATS[abroad] if (f[1] is None) == international])
    for _ in range(1000):
        text = write(lambda n: digits(rng, n))
        number = phonenumbers.parse(text, region)
        if phonenumbers.is_valid_number(number) and "7941100" not in re.sub(r"\D", "", text):
            return text, form
    raise AssertionError(f"no valid phone number for {form}")


IBAN_LAYOUTS = {
    "NL": lambda rng: rng.choice(["ABNA", "RABO", "INGB", "SNSB", "TRIO", "KNAB", "ASNB"]) + digits(rng, 10),
    "DE": lambda rng: rng.choice(["10070000", "37040044", "50010517", "20041133", "76026000"]) + digits(rng, 10),
    "SE": lambda rng: rng.choice(["500", "800", "600", "300"]) + digits(rng, 17),
    "PL": lambda rng: rng.choice(["10500099", "11402004", "10901014", "24901044"]) + digits(rng, 16),
    "GB": lambda rng: rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + digits(rng, 14),
}
IBAN_COUNTRY = {"en": "GB", "nl": "NL", "sv": "SE", "pl": "PL", "de": "DE"}


def iban(rng: random.Random, lang: str) -> tuple[str, str]:
    country = IBAN_COUNTRY[lang] if rng.random() < 0.75 else rng.choice(sorted(IBAN_LAYOUTS))
    for _ in range(1000):
        bban = IBAN_LAYOUTS[country](rng)
        number = country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban
        if stdnum_iban.is_valid(number):
            break
    else:
        raise AssertionError(f"no valid IBAN for {country}")
    if rng.random() < 0.6:
        return stdnum_iban.format(number), f"iban-{country.lower()}-spaced"
    return number, f"iban-{country.lower()}-compact"


def card(rng: random.Random) -> tuple[str, str]:
    prefix = rng.choice(["4", "4", "51", "52", "53", "55"])
    body = prefix + digits(rng, 15 - len(prefix))
    number = body + luhn.calc_check_digit(body)
    style = rng.choice(["spaces", "spaces", "dashes", "compact"])
    groups = [number[i : i + 4] for i in range(0, 16, 4)]
    text = {"spaces": " ".join(groups), "dashes": "-".join(groups), "compact": number}[style]
    return text, f"card-{style}"


def birth_date(rng: random.Random) -> date:
    return date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 54))


def id_number(rng: random.Random, lang: str) -> tuple[str, str]:
    """A checksum-valid national id number of the language's country."""
    for _ in range(10000):
        if lang == "nl":
            number = str(rng.randint(1, 9)) + digits(rng, 8)
            if not bsn.is_valid(number):
                continue
            style = rng.choice(["compact", "compact", "dotted", "spaced"])
            text = {"compact": number, "dotted": bsn.format(number), "spaced": f"{number[:4]} {number[4:6]} {number[6:]}"}[style]
            return text, f"bsn-{style}"
        if lang == "sv":
            born = birth_date(rng)
            serial = born.strftime("%y%m%d") + digits(rng, 3)
            number = serial + luhn.calc_check_digit(serial)
            style = rng.choice(["short", "short", "long"])
            text = f"{number[:6]}-{number[6:]}" if style == "short" else born.strftime("%Y") + number[2:]
            if not personnummer.is_valid(text):
                continue
            return text, f"personnummer-{style}"
        if lang == "pl":
            born = birth_date(rng)
            month = born.month + (20 if born.year >= 2000 else 0)
            serial = f"{born:%y}{month:02d}{born:%d}" + digits(rng, 4)
            number = serial + pesel.calc_check_digit(serial)
            if pesel.is_valid(number):
                return number, "pesel"
            continue
        if lang == "de":
            serial = str(rng.randint(1, 9)) + digits(rng, 9)
            number = serial + idnr.mod_11_10.calc_check_digit(serial)
            if not idnr.is_valid(number):
                continue
            style = rng.choice(["compact", "spaced"])
            return (idnr.format(number) if style == "spaced" else number), f"steuer-idnr-{style}"
        area = rng.randint(1, 899)
        if area == 666:
            continue
        text = f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
        if ssn.is_valid(text):
            return text, "ssn"
    raise AssertionError(f"no id number for {lang}")


def ip_address(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(["v4-doc", "v4-private", "v4-public", "v4-public", "v6", "v6-full"])
    if kind == "v4-doc":
        prefix = rng.choice(["203.0.113", "198.51.100", "192.0.2"])
        return f"{prefix}.{rng.randint(2, 254)}", "ipv4"
    if kind == "v4-private":
        return f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}", "ipv4-private"
    if kind == "v4-public":
        return f"{rng.choice([84, 85, 62, 91, 145, 188, 217])}.{rng.randint(1, 254)}.{rng.randint(0, 254)}.{rng.randint(1, 254)}", "ipv4"
    groups = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(4)]
    if kind == "v6":
        return f"2001:db8:{groups[0]}::{groups[1]}:{groups[2]}", "ipv6-compressed"
    return "2a02:a46f:" + ":".join(f"{rng.randint(0, 0xFFFF):04x}" for _ in range(6)), "ipv6-full"


def token(rng: random.Random, n: int = 24) -> str:
    return "".join(rng.choice("abcdef0123456789") for _ in range(n))


def url(rng: random.Random, person: Someone) -> tuple[str, str]:
    user = ascii_fold(person.first).lower()
    local = person.email.split("@")[0]
    choices = [
        (f"https://{user}:{url_password(rng)}@files.{rng.choice(['example.nl', 'example.com', 'example.de'])}/export/latest.csv", "url-credentials"),
        (f"ftp://{user}:{url_password(rng)}@ftp.example.net/backups/", "url-credentials-ftp"),
        (f"https://app.tasklane.example/password/reset?token={token(rng)}", "url-token-own-domain"),
        (f"https://tasklane.example/account/reset?reset_token={token(rng, 32)}", "url-reset-token-own-domain"),
        (f"https://app.tasklane.example/login?email={local}%40{person.email.split('@')[1]}", "url-email-encoded"),
        (f"https://app.tasklane.example/unsubscribe?email={person.email}&list=news", "url-email"),
        (f"https://calendar.example.com/feeds/{token(rng, 12)}/basic.ics?session={token(rng)}", "url-session"),
        (f"https://api.tasklane.example/v2/export?key={token(rng, 32)}", "url-key-own-domain"),
        (f"https://app.tasklane.example/invite?team=48&token={token(rng)}", "url-second-parameter"),
        (f"https://share.example.org/s/{token(rng, 10)}?key={token(rng, 16)}", "url-key"),
    ]
    return rng.choice(choices)


PASSWORD_WORDS = ["Zomer", "Winter", "Sommar", "Sonne", "Kwiatek", "Tulpen", "Hunter", "Banaan", "Katze", "Lato", "Fika", "Dragon"]


def password(rng: random.Random) -> str:
    return f"{rng.choice(PASSWORD_WORDS)}{rng.randint(10, 2030)}{rng.choice('!#?$*')}"


def url_password(rng: random.Random) -> str:
    return f"{rng.choice(PASSWORD_WORDS)}{rng.randint(10, 2030)}{rng.choice(['', '!', '*', '$'])}"


def handle(rng: random.Random, person: Someone) -> tuple[str, str]:
    first = ascii_fold(person.first).lower()
    last = ascii_fold(person.last).lower().replace(" ", "")
    return rng.choice([
        (f"@{first}_{last}", "handle-underscore"),
        (f"@{first}{last}{rng.randint(80, 99)}", "handle-digits"),
        (f"@{first}.{last}", "handle-dotted"),
        (f"@{last}_{first[0]}", "handle-underscore"),
        (f"@{first}{last[:3]}", "handle-short"),
    ])


# Invented game and forum names: no word of any of the five languages.
FANTASY_NAMES = ["Shadowfax", "Quibblefox", "Zephyrion", "Mossbeard", "Thornwick", "Glimmerjack", "Vortexa", "Nimbrel"]


def username(rng: random.Random, person: Someone) -> tuple[str, str]:
    """An account name the customer types out; person is whose it is."""
    first = ascii_fold(person.first).lower()
    last = ascii_fold(person.last).lower().replace(" ", "")
    return rng.choice([
        (f"{first[0]}{last}", "username-initial-last"),
        (f"{first}.{last}", "username-dotted"),
        (f"xX_{rng.choice(['gamer', 'ninja', 'pixel', 'wolf'])}_{rng.randint(10, 99)}", "username-gamer"),
        (rng.choice(FANTASY_NAMES), "username-invented"),
        (f"{first}{rng.randint(1970, 2009)}", "username-first-year"),
    ])


def order_number(rng: random.Random) -> tuple[str, str]:
    return f"TL-{rng.randint(100000, 999999)}", "order-number"


# -- addresses --------------------------------------------------------------------------------------

# (street, city, postcode pattern): "9" a digit, "A" a letter.
ADDRESS_PARTS = {
    "nl": (["Keizersgracht", "Prinsengracht", "Kerkstraat", "Dorpsstraat", "Stationsweg", "Julianalaan", "Molenweg", "Beatrixstraat"],
           [("Amsterdam", "10"), ("Utrecht", "35"), ("Rotterdam", "30"), ("Groningen", "97"), ("Eindhoven", "56"), ("Den Haag", "25")]),
    "sv": (["Storgatan", "Drottninggatan", "Kungsgatan", "Vasagatan", "Skolgatan", "Östra Hamngatan", "Järnvägsgatan"],
           [("Stockholm", "11"), ("Göteborg", "41"), ("Malmö", "21"), ("Uppsala", "75"), ("Västerås", "72")]),
    "pl": (["ul. Marszałkowska", "ul. Długa", "ul. Kwiatowa", "ul. Lipowa", "al. Jerozolimskie", "ul. Piotrkowska", "ul. Słoneczna"],
           [("Warszawa", "00"), ("Kraków", "31"), ("Gdańsk", "80"), ("Wrocław", "50"), ("Poznań", "60"), ("Łódź", "90")]),
    "de": (["Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Gartenweg", "Lindenallee", "Goethestraße", "Bahnhofstr."],
           [("Berlin", "10"), ("München", "80"), ("Hamburg", "20"), ("Köln", "50"), ("Frankfurt am Main", "60"), ("Leipzig", "04")]),
}
GB_ADDRESSES = [("Baker Street", "London", "NW1 6XE"), ("High Street", "Leeds", "LS1 4AP"), ("Station Road", "Bristol", "BS1 5TR"),
                ("Church Lane", "Manchester", "M1 1AE"), ("Victoria Road", "Edinburgh", "EH1 1YZ"), ("Mill Lane", "Cambridge", "CB2 1RX")]
US_ADDRESSES = [("Pennsylvania Ave NW", "Washington, DC", "205"), ("Maple Drive", "Springfield, IL", "627"), ("Oak Avenue", "Austin, TX", "787"),
                ("Elm Street", "Portland, OR", "972"), ("Main Street", "Boston, MA", "021"), ("Evergreen Terrace", "Columbus, OH", "432")]


def address(rng: random.Random, lang: str) -> tuple[str, str]:
    """A street address with postcode and town, as one value."""
    n = rng.randint(1, 240)
    if lang == "en":
        if rng.random() < 0.5:
            street, city, code = rng.choice(GB_ADDRESSES)
            house = rng.choice([str(n), f"{n}B", f"Flat {rng.randint(1, 12)}, {n}"])
            return f"{house} {street}, {city} {code}", "gb-address"
        street, city, code = rng.choice(US_ADDRESSES)
        zip_code = code + digits(rng, 2)
        if rng.random() < 0.3:
            return f"{n * 7} {street}, Apt {rng.randint(1, 30)}, {city} {zip_code}", "us-address-apartment"
        return f"{n * 7} {street}, {city} {zip_code}", "us-address"
    streets, cities = ADDRESS_PARTS[lang]
    street = rng.choice(streets)
    city, _ = rng.choice(cities)
    code = postcode(rng, lang, city)
    if lang == "nl":
        house = rng.choice([str(n), f"{n}a", f"{n}-2", f"{n} III"])
        if rng.random() < 0.2:
            return f"{street} {house}, {code.replace(' ', '')} {city.upper()}", "nl-address-compact-postcode"
        return f"{street} {house}, {code} {city}", "nl-address"
    if lang == "sv":
        house = rng.choice([str(n), f"{n}B", f"{n}, lgh {rng.randint(1001, 1304)}"])
        return f"{street} {house}, {code} {city}", "se-address"
    if lang == "pl":
        house = rng.choice([str(n), f"{n}/{rng.randint(1, 60)}", f"{n} m. {rng.randint(1, 60)}"])
        return f"{street} {house}, {code} {city}", "pl-address"
    house = rng.choice([str(n), f"{n}a", f"{n} b"])
    return f"{street} {house}, {code} {city}", "de-address"


def postcode(rng: random.Random, lang: str, city: str = "") -> str:
    if lang == "en":
        return rng.choice(GB_ADDRESSES)[2] if rng.random() < 0.5 else rng.choice(US_ADDRESSES)[2] + digits(rng, 2)
    _, cities = ADDRESS_PARTS[lang]
    prefix = dict(cities)[city] if city else rng.choice(cities)[1]
    if lang == "nl":
        return f"{prefix}{digits(rng, 2)} {rng.choice('BCDEHJKLMNPRTVWXZ')}{rng.choice('BCDEHJKLMNPRTVWXZ')}"
    if lang == "sv":
        return f"{prefix}{digits(rng, 1)} {digits(rng, 2)}"
    if lang == "pl":
        return f"{prefix}-{digits(rng, 3)}"
    return f"{prefix}{digits(rng, 3)}"


# -- messages ---------------------------------------------------------------------------------------

# Templates. Slots: {email} {email2} {a_email} {phone} {iban} {card} {id} {ip} {url} {handle} {address}
# {postcode} {secret} {pin} {code} {order} plant one value each; {first} {full} {Last} {first_lc} {full_lc} name
# the customer, {a_first} {a_full} the agent, {title} is the customer's title ("meneer", "Frau").
GREET_SUPPORT = {
    "en": ["Hi,", "Hello,", "Hi there,", "Hello Tasklane team,", "Good morning,", "Hey,", ""],
    "nl": ["Hallo,", "Goedemorgen,", "Beste Tasklane,", "Hoi,", "Goedemiddag,", "Beste klantenservice,", ""],
    "sv": ["Hej!", "Hej,", "Hejsan,", "Hej Tasklane!", "God morgon,", ""],
    "pl": ["Dzień dobry,", "Witam,", "Cześć,", "Dzień dobry!", "Szanowni Państwo,", ""],
    "de": ["Hallo,", "Guten Tag,", "Sehr geehrte Damen und Herren,", "Hallo zusammen,", "Moin,", ""],
}
# (template, form of the name it plants)
GREET_CUSTOMER = {
    "en": [("Hi {first},", "greeting-first"), ("Hello {first},", "greeting-first"), ("Dear {title} {Last},", "greeting-title-last"),
           ("Hi {full},", "greeting-full"), ("Dear {first},", "greeting-first"), ("Hey {first}!", "greeting-first"),
           ("hi {first_lc},", "greeting-lowercase"), ("Good morning {first},", "greeting-first")],
    "nl": [("Beste {first},", "greeting-first"), ("Hoi {first},", "greeting-first"), ("Beste {title} {Last},", "greeting-title-last"),
           ("Goedemorgen {first},", "greeting-first"), ("Dag {full},", "greeting-full"), ("Hallo {first}!", "greeting-first"),
           ("Beste {full},", "greeting-full"), ("hoi {first_lc},", "greeting-lowercase")],
    "sv": [("Hej {first}!", "greeting-first"), ("Hej {first},", "greeting-first"), ("Hejsan {first}!", "greeting-first"),
           ("God morgon {first},", "greeting-first"), ("Hej {full}!", "greeting-full"), ("hej {first_lc}!", "greeting-lowercase")],
    "pl": [("Dzień dobry {title} {Last},", "greeting-title-last"), ("Cześć {first}!", "greeting-first"),
           ("Szanown{ya} {title} {Last},", "greeting-title-last"), ("Witam, {first}!", "greeting-first"),
           ("Hej {first},", "greeting-first"), ("Dzień dobry {first},", "greeting-first")],
    "de": [("Sehr geehrte{r} {title} {Last},", "greeting-title-last"), ("Hallo {first},", "greeting-first"),
           ("Liebe{r} {first},", "greeting-first"), ("Guten Tag {title} {Last},", "greeting-title-last"),
           ("Hallo {title} {Last}!", "greeting-title-last"), ("Hallo {full},", "greeting-full"), ("Moin {first},", "greeting-first")],
}
GREET_AGENT = {
    "en": [("Hi {a_first},", "greeting-first"), ("Thanks {a_first}!", "greeting-first"), ("Hello again {a_first},", "greeting-first")],
    "nl": [("Hoi {a_first},", "greeting-first"), ("Beste {a_first},", "greeting-first"), ("Dank je {a_first}!", "greeting-first")],
    "sv": [("Hej {a_first}!", "greeting-first"), ("Tack {a_first}!", "greeting-first")],
    "pl": [("Dzień dobry {a_first},", "greeting-first"), ("Dziękuję {a_first}!", "greeting-first")],
    "de": [("Hallo {a_first},", "greeting-first"), ("Danke {a_first}!", "greeting-first")],
}
SIGN_CUSTOMER = {
    "en": [("Thanks,\n{first}", "signoff-first"), ("Best regards,\n{full}", "signoff-full"), ("Cheers, {first}", "signoff-first"),
           ("Kind regards,\n{full}", "signoff-full"), ("Thank you!\n{first}", "signoff-first"), ("thanks, {first_lc}", "signoff-lowercase"),
           ("{full}", "signoff-bare-full"), ("Many thanks,\n{title} {Last}", "signoff-title-last")],
    "nl": [("Met vriendelijke groet,\n{full}", "signoff-full"), ("Met vriendelijke groet,\n{first}", "signoff-first"),
           ("Groetjes,\n{first}", "signoff-first"), ("Mvg,\n{full}", "signoff-full"), ("Groet, {first}", "signoff-first"),
           ("Hartelijke groet,\n{full}", "signoff-full"), ("Alvast bedankt!\n{first}", "signoff-first"), ("groetjes {first_lc}", "signoff-lowercase")],
    "sv": [("Med vänliga hälsningar\n{first}", "signoff-first"), ("Mvh {full}", "signoff-full"), ("Vänliga hälsningar,\n{full}", "signoff-full"),
           ("Hälsningar\n{first}", "signoff-first"), ("Tack på förhand!\n{first}", "signoff-first"), ("/{first}", "signoff-slash-first"),
           ("mvh {first_lc}", "signoff-lowercase")],
    "pl": [("Pozdrawiam,\n{full}", "signoff-full"), ("Pozdrawiam serdecznie,\n{first}", "signoff-first"), ("Z poważaniem,\n{full}", "signoff-full"),
           ("Dziękuję,\n{first}", "signoff-first"), ("Z wyrazami szacunku\n{full}", "signoff-full"), ("pozdrawiam, {first_lc}", "signoff-lowercase")],
    "de": [("Mit freundlichen Grüßen\n{full}", "signoff-full"), ("Mit freundlichen Grüßen, {full}", "signoff-full"),
           ("Viele Grüße\n{first}", "signoff-first"), ("Beste Grüße,\n{full}", "signoff-full"), ("LG {first}", "signoff-first"),
           ("Gruß\n{first}", "signoff-first"), ("Danke und viele Grüße\n{full}", "signoff-full"), ("vg {first_lc}", "signoff-lowercase")],
}
SIGN_AGENT = {
    "en": [("Kind regards,\n{a_full}\nTasklane Support", "signoff-full"), ("Best,\n{a_first}", "signoff-first"),
           ("Cheers,\n{a_first} | Tasklane", "signoff-first"), ("Thanks,\n{a_full}", "signoff-full"), ("All the best,\n{a_first}", "signoff-first")],
    "nl": [("Met vriendelijke groet,\n{a_full}\nKlantenservice Tasklane", "signoff-full"), ("Groet,\n{a_first}", "signoff-first"),
           ("Fijne dag!\n{a_first} van Tasklane", "signoff-first"), ("Met vriendelijke groet,\n{a_first}", "signoff-first")],
    "sv": [("Med vänliga hälsningar\n{a_full}\nTasklane Support", "signoff-full"), ("Ha en fin dag!\n{a_first}", "signoff-first"),
           ("Vänliga hälsningar,\n{a_first}", "signoff-first"), ("Mvh\n{a_full}", "signoff-full")],
    "pl": [("Pozdrawiam,\n{a_full}\nZespół Tasklane", "signoff-full"), ("Pozdrawiam serdecznie\n{a_first}", "signoff-first"),
           ("Z poważaniem,\n{a_full}", "signoff-full"), ("Miłego dnia!\n{a_first}", "signoff-first")],
    "de": [("Mit freundlichen Grüßen\n{a_full}\nTasklane Kundenservice", "signoff-full"), ("Viele Grüße\n{a_first}", "signoff-first"),
           ("Beste Grüße aus Amsterdam\n{a_full}", "signoff-full"), ("Freundliche Grüße,\n{a_first}", "signoff-first")],
}
# The block under a customer's name in an email: each line plants one more value.
SIGNATURE_LINES = {
    "en": ["{address}", "Mobile: {phone}", "{phone}", "{email}", "Twitter: {handle}"],
    "nl": ["{address}", "Tel: {phone}", "{phone}", "{email}", "Mob. {phone}"],
    "sv": ["{address}", "Tel: {phone}", "Mobil: {phone}", "{email}"],
    "pl": ["{address}", "tel. {phone}", "kom. {phone}", "{email}"],
    "de": ["{address}", "Tel.: {phone}", "Mobil: {phone}", "{email}"],
}

CUSTOMER_BODY = {
    "en": {
        "email": ["Please send the invoice to {email} instead.", "My login is {email} but it keeps saying the account does not exist.",
                  "Can you change the account email from {email} to {email2}?", "You can reply to {email}, I don't check the other inbox.",
                  "{email} is the admin of our workspace now.", "Could you add my colleague ({email2}) as a billing contact?"],
        "phone": ["You can call me on {phone} between 9 and 5.", "My mobile number changed to {phone}, please update it.",
                  "Phone: {phone}", "Could someone ring me back? {phone}", "The SMS codes still go to my old number {phone}.",
                  "{phone} is the best number to reach me."],
        "iban": ["The refund should go to {iban} (account holder {full}).", "Our IBAN is {iban}, please update the direct debit.",
                 "IBAN:\n{iban}", "Please pay the credit back to {iban} instead of the card."],
        "card": ["I was charged twice on my card {card}.", "Please remove the card {card} from our account, it has expired.",
                 "Card number: {card}, expiry 09/27.", "The payment with {card} failed with error E-2210."],
        "id-number": ["My social security number is {id} if you need it for the tax form.", "SSN: {id}",
                      "For the W-9 form, my SSN is {id}.", "The tax form asks for an SSN, mine is {id}, is that safe to send?"],
        "ip": ["The login attempts came from {ip}, which is not me.", "Our office IP is {ip}, can you add it to the allow list?",
               "I'm connecting from {ip} and get HTTP 403.", "The audit log shows {ip} for every failed sign-in."],
        "url": ["The reset link {url} says it has expired.", "Here is the link I got: {url}", "Our calendar feed ({url}) stopped syncing.",
                "Clicking {url} just shows a blank page."],
        "handle": ["I also sent you a DM on Twitter, I'm {handle}.", "my Instagram is {handle} if that's easier",
                   "You can find our shop on Instagram as {handle}.", "Please reply on X instead, {handle}, I'm travelling."],
        "address": ["Please send the replacement card reader to {address}.", "Our new billing address is {address}.",
                    "The invoice still shows our old address ({address}).", "Address:\n{address}", "I've moved to {address}, can you update the invoices?",
                    "The postcode on the invoice should be {postcode}, not the old one."],
        "secret": ["I tried password: {secret} but it doesn't work.", "My password is {secret}, can you check what is wrong?",
                   "my pin is {pin}", "The verification code {code} was rejected three times.", "The code from the SMS is {code} but it says invalid."],
        "order-number": ["This is about order {order}.", "The invoice for {order} shows the wrong VAT number."],
        "third-person": ["{My_colleague} {other} can't log in since the update.",
                         "I invited {other} ({other_email}) three days ago but the invitation never arrived.",
                         "Could you give {my_colleague} {other_full} admin rights?", "{My_partner} {other} uses the same account on the tablet.",
                         "A user named {other} keeps getting error 429.", "{Other_title} {other_Last} from our finance team needs copies of the invoices.",
                         "Since Monday only {other} can see the invoices."],
        "username": ["My username is {username}, in case you need it.", "my user name is {username}", "My Game Tag Is {username}.",
                     "Login: {username}"],
    },
    "nl": {
        "email": ["Kunnen jullie de factuur naar {email} sturen?", "Ik log in met {email} maar krijg steeds een foutmelding.",
                  "Graag het e-mailadres wijzigen van {email} naar {email2}.", "Mijn mailadres is {email}.",
                  "{email} moet beheerder worden van ons account.", "Mijn collega ({email2}) krijgt de uitnodiging niet."],
        "phone": ["Jullie kunnen me bellen op {phone}.", "Mijn nieuwe nummer is {phone}, willen jullie dat aanpassen?",
                  "Telefoon: {phone}", "Bel me gerust terug op {phone} na 14:00.", "De sms-codes gaan nog naar mijn oude nummer {phone}.",
                  "{phone} is het beste nummer om mij te bereiken."],
        "iban": ["Het geld mag terug naar {iban} t.n.v. {full}.", "Ons nieuwe rekeningnummer is {iban}, graag de incasso aanpassen.",
                 "IBAN:\n{iban}", "Kunnen jullie het bedrag storten op {iban}?"],
        "card": ["Er is twee keer afgeschreven van mijn creditcard {card}.", "Wilt u kaart {card} verwijderen? Die is verlopen.",
                 "Kaartnummer: {card}, geldig tot 09/27.", "De betaling met {card} mislukt steeds."],
        "id-number": ["Mijn BSN is {id}, hebben jullie dat nodig voor de loonstrook?", "BSN: {id}",
                      "Mijn burgerservicenummer is {id}.", "Voor de verificatie: BSN {id}."],
        "ip": ["De inlogpogingen kwamen van {ip}, dat ben ik niet.", "Ons kantoor-IP is {ip}, kan dat op de allowlist?",
               "Ik verbind vanaf {ip} en krijg HTTP 403.", "In het auditlog staat {ip} bij elke mislukte login."],
        "url": ["De resetlink {url} zegt dat hij verlopen is.", "Dit is de link die ik kreeg: {url}", "Onze agenda-feed ({url}) synchroniseert niet meer.",
                "Als ik op {url} klik krijg ik een lege pagina."],
        "handle": ["Ik heb jullie ook een DM gestuurd op Twitter, ik ben {handle}.", "mijn Instagram is {handle} als dat makkelijker is",
                   "Onze winkel staat op Instagram als {handle}."],
        "address": ["Wilt u de nieuwe kaartlezer naar {address} sturen?", "Ons nieuwe factuuradres is {address}.",
                    "Op de factuur staat nog ons oude adres ({address}).", "Adres:\n{address}", "Ik ben verhuisd naar {address}.", "Mijn postcode is {postcode}, niet die van het oude adres."],
        "secret": ["Ik heb wachtwoord: {secret} geprobeerd maar dat werkt niet.", "Mijn wachtwoord is {secret}, kunnen jullie kijken wat er mis is?",
                   "mijn pincode is {pin}", "De verificatiecode {code} wordt steeds afgewezen.", "De code uit de sms is {code} maar die klopt niet."],
        "order-number": ["Het gaat om bestelling {order}.", "Op de factuur van {order} staat het verkeerde btw-nummer."],
        "third-person": ["{My_colleague} {other} kan sinds de update niet inloggen.",
                         "Ik heb {other} ({other_email}) drie dagen geleden uitgenodigd, maar de uitnodiging kwam nooit aan.",
                         "Kunnen jullie {my_colleague} {other_full} beheerdersrechten geven?", "{My_partner} {other} gebruikt hetzelfde account op de tablet.",
                         "Een gebruiker genaamd {other} krijgt steeds foutmelding 429.", "{Other_title} {other_Last} van de administratie wil kopieën van de facturen.",
                         "Sinds maandag kan alleen {other} de facturen zien."],
        "username": ["Mijn gebruikersnaam is {username}, mocht dat helpen.", "Inlognaam: {username}", "mijn gebruikersnaam is {username}"],
    },
    "sv": {
        "email": ["Kan ni skicka fakturan till {email} i stället?", "Jag loggar in med {email} men det står att kontot inte finns.",
                  "Kan ni byta e-postadress från {email} till {email2}?", "Min e-post är {email}.",
                  "{email} ska vara administratör för vårt konto.", "Min kollega ({email2}) får ingen inbjudan."],
        "phone": ["Ni kan ringa mig på {phone}.", "Mitt nya nummer är {phone}, kan ni uppdatera det?", "Telefon: {phone}",
                  "Ring gärna tillbaka på {phone} efter lunch.", "SMS-koderna går fortfarande till mitt gamla nummer {phone}.",
                  "{phone} är bästa numret att nå mig på."],
        "iban": ["Återbetalningen kan gå till {iban} (kontoinnehavare {full}).", "Vårt IBAN är {iban}, kan ni ändra autogirot?",
                 "IBAN:\n{iban}", "Sätt in pengarna på {iban}, tack."],
        "card": ["Jag har blivit debiterad två gånger på kortet {card}.", "Ta bort kortet {card} från kontot, det har gått ut.",
                 "Kortnummer: {card}, giltigt till 09/27.", "Betalningen med {card} misslyckas hela tiden."],
        "id-number": ["Mitt personnummer är {id} om ni behöver det för fakturan.", "Personnummer: {id}",
                      "Ni bad om personnummer för kreditkontrollen: {id}.", "Pnr {id}"],
        "ip": ["Inloggningsförsöken kom från {ip}, det är inte jag.", "Vår kontors-IP är {ip}, kan ni lägga till den i listan?",
               "Jag ansluter från {ip} och får HTTP 403.", "Granskningsloggen visar {ip} vid varje misslyckad inloggning."],
        "url": ["Återställningslänken {url} säger att den har gått ut.", "Här är länken jag fick: {url}",
                "Vårt kalenderflöde ({url}) synkar inte längre.", "När jag klickar på {url} blir sidan tom."],
        "handle": ["Jag skickade även ett DM på Twitter, jag heter {handle} där.", "min Instagram är {handle} om det är enklare",
                   "Vår butik finns på Instagram som {handle}."],
        "address": ["Skicka den nya kortläsaren till {address}.", "Vår nya fakturaadress är {address}.",
                    "Fakturan visar fortfarande vår gamla adress ({address}).", "Adress:\n{address}", "Jag har flyttat till {address}.", "Postnumret på fakturan ska vara {postcode}."],
        "secret": ["Jag provade lösenord: {secret} men det fungerar inte.", "Mitt lösenord är {secret}, kan ni se vad som är fel?",
                   "min pinkod är {pin}", "Verifieringskoden {code} godkänns inte.", "Koden från sms:et är {code} men den är ogiltig."],
        "order-number": ["Det gäller order {order}.", "Fakturan för {order} har fel momsnummer."],
        "third-person": ["{My_colleague} {other} kan inte logga in sedan uppdateringen.",
                         "Jag bjöd in {other} ({other_email}) för tre dagar sedan men inbjudan kom aldrig fram.",
                         "Kan ni ge {my_colleague} {other_full} administratörsrättigheter?", "{My_partner} {other} använder samma konto på surfplattan.",
                         "En användare som heter {other} får hela tiden fel 429.", "Sedan i måndags kan bara {other} se fakturorna."],
        "username": ["Mitt användarnamn är {username} om ni behöver det.", "Användarnamn: {username}"],
    },
    "pl": {
        "email": ["Proszę wysłać fakturę na adres {email}.", "Loguję się jako {email}, ale system twierdzi, że konto nie istnieje.",
                  "Proszę zmienić adres e-mail z {email} na {email2}.", "Mój e-mail to {email}.",
                  "{email} ma być administratorem naszego konta.", "Moja koleżanka ({email2}) nie dostała zaproszenia."],
        "phone": ["Można do mnie dzwonić pod numer {phone}.", "Mój nowy numer to {phone}, proszę go zaktualizować.", "Telefon: {phone}",
                  "Proszę o kontakt telefoniczny: {phone}.", "Kody SMS nadal przychodzą na stary numer {phone}.",
                  "{phone} to najlepszy numer kontaktowy."],
        "iban": ["Zwrot proszę przelać na konto {iban} (właściciel: {full}).", "Nasz nowy numer konta to {iban}, proszę zmienić polecenie zapłaty.",
                 "IBAN:\n{iban}", "Proszę przelać pieniądze na {iban}."],
        "card": ["Pobrano opłatę dwa razy z mojej karty {card}.", "Proszę usunąć kartę {card}, straciła ważność.",
                 "Numer karty: {card}, ważna do 09/27.", "Płatność kartą {card} ciągle się nie udaje."],
        "id-number": ["Mój PESEL to {id}, czy jest potrzebny do faktury?", "PESEL: {id}", "Podaję numer PESEL {id} do weryfikacji.",
                      "Do umowy: PESEL {id}."],
        "ip": ["Próby logowania pochodziły z {ip}, to nie ja.", "IP naszego biura to {ip}, czy można je dodać do listy dozwolonych?",
               "Łączę się z {ip} i dostaję HTTP 403.", "W logu widać {ip} przy każdym nieudanym logowaniu."],
        "url": ["Link do resetu {url} jest nieaktualny.", "Oto link, który dostałem: {url}", "Nasz kalendarz ({url}) przestał się synchronizować.",
                "Po kliknięciu {url} widzę pustą stronę."],
        "handle": ["Napisałam też na Twitterze, jestem tam {handle}.", "mój Instagram to {handle}, jeśli tak będzie łatwiej",
                   "Nasz sklep jest na Instagramie jako {handle}."],
        "address": ["Proszę wysłać nowy czytnik na adres {address}.", "Nasz nowy adres do faktur: {address}.",
                    "Na fakturze jest stary adres ({address}).", "Adres:\n{address}", "Przeprowadziłem się na {address}.", "Kod pocztowy na fakturze powinien być {postcode}."],
        "secret": ["Próbowałem hasło: {secret}, ale nie działa.", "Moje hasło to {secret}, czy możecie sprawdzić, co jest nie tak?",
                   "kod: {code}", "Kod weryfikacyjny {code} jest odrzucany.", "mój PIN to {pin}"],
        "order-number": ["Chodzi o zamówienie {order}.", "Faktura do {order} ma zły NIP."],
        "third-person": ["{My_colleague} {other} nie może się zalogować od aktualizacji.",
                         "Trzy dni temu wysłałam zaproszenie, ale {other} ({other_email}) nadal nie ma dostępu.",
                         "Proszę nadać uprawnienia administratora: {my_colleague} {other_full}.", "{My_partner} {other} korzysta z tego samego konta na tablecie.",
                         "Użytkownik o imieniu {other} ciągle dostaje błąd 429.", "{Other_title} {other_Last} z księgowości potrzebuje kopii faktur.",
                         "Od poniedziałku tylko {other} widzi faktury."],
        "username": ["Mój login to {username}, jeśli to pomoże.", "Nazwa użytkownika: {username}", "mój login to {username}"],
    },
    "de": {
        "email": ["Bitte schicken Sie die Rechnung an {email}.", "Ich melde mich mit {email} an, aber das Konto wird nicht gefunden.",
                  "Bitte ändern Sie die E-Mail-Adresse von {email} auf {email2}.", "Meine E-Mail ist {email}.",
                  "{email} soll Administrator unseres Kontos werden.", "Mein Kollege ({email2}) bekommt keine Einladung."],
        "phone": ["Sie erreichen mich unter {phone}.", "Meine neue Nummer ist {phone}, bitte aktualisieren.", "Telefon: {phone}",
                  "Rufen Sie mich gern zurück: {phone}", "Die SMS-Codes gehen noch an meine alte Nummer {phone}.",
                  "{phone} ist die beste Nummer für Rückfragen."],
        "iban": ["Die Erstattung bitte auf {iban} (Kontoinhaber {full}).", "Unsere neue IBAN lautet {iban}, bitte das Lastschriftmandat anpassen.",
                 "IBAN:\n{iban}", "Bitte überweisen Sie den Betrag auf {iban}."],
        "card": ["Meine Kreditkarte {card} wurde doppelt belastet.", "Bitte entfernen Sie die Karte {card}, sie ist abgelaufen.",
                 "Kartennummer: {card}, gültig bis 09/27.", "Die Zahlung mit {card} schlägt immer fehl."],
        "id-number": ["Meine Steuer-ID ist {id}, brauchen Sie die für die Rechnung?", "Steuer-IdNr.: {id}",
                      "Meine Steueridentifikationsnummer lautet {id}.", "Für die Abrechnung: Steuer-ID {id}."],
        "ip": ["Die Anmeldeversuche kamen von {ip}, das war nicht ich.", "Unsere Büro-IP ist {ip}, können Sie die freischalten?",
               "Ich verbinde mich von {ip} und bekomme HTTP 403.", "Im Protokoll steht {ip} bei jedem fehlgeschlagenen Login."],
        "url": ["Der Link zum Zurücksetzen {url} ist abgelaufen.", "Das ist der Link, den ich bekommen habe: {url}",
                "Unser Kalender-Feed ({url}) synchronisiert nicht mehr.", "Wenn ich auf {url} klicke, bleibt die Seite leer."],
        "handle": ["Ich habe Ihnen auch auf Twitter geschrieben, ich bin {handle}.", "mein Instagram ist {handle}, falls das einfacher ist",
                   "Unser Laden ist auf Instagram als {handle} zu finden."],
        "address": ["Bitte schicken Sie das neue Kartenlesegerät an {address}.", "Unsere neue Rechnungsadresse ist {address}.",
                    "Auf der Rechnung steht noch die alte Adresse ({address}).", "Adresse:\n{address}", "Ich bin umgezogen: {address}.", "Die PLZ auf der Rechnung muss {postcode} sein."],
        "secret": ["Ich habe Passwort: {secret} probiert, aber es geht nicht.", "Mein Passwort ist {secret}, können Sie prüfen, was nicht stimmt?",
                   "meine PIN ist {pin}", "Der Bestätigungscode {code} wird abgelehnt.", "Der Code aus der SMS lautet {code}, er wird nicht akzeptiert."],
        "order-number": ["Es geht um Bestellung {order}.", "Die Rechnung zu {order} hat die falsche USt-IdNr."],
        "third-person": ["{My_colleague} {other} kann sich seit dem Update nicht anmelden.",
                         "Ich habe {other} ({other_email}) vor drei Tagen eingeladen, aber die Einladung kam nie an.",
                         "Können Sie {my_colleague_dative} {other_full} Adminrechte geben?", "{My_partner} {other} nutzt dasselbe Konto auf dem Tablet.",
                         "Ein Nutzer namens {other} bekommt ständig Fehler 429.", "{Other_title} {other_Last} aus der Buchhaltung braucht Kopien der Rechnungen.",
                         "Seit Montag sieht nur {other} die Rechnungen."],
        "username": ["Mein Benutzername ist {username}, falls Sie ihn brauchen.", "Benutzername: {username}", "Mein Login lautet {username}."],
    },
}

AGENT_BODY = {
    "en": {
        "email": ["I've changed the login email to {email} for you.", "We've sent a confirmation to {email}.",
                  "> On 3 Aug 2026, at 09:12, {full} <{email}> wrote:\n> The export still fails.", "You can reach me directly at {a_email}."],
        "phone": ["I tried calling you on {phone} but couldn't get through.", "We've updated your number to {phone}.",
                  "A colleague will call you on {phone} tomorrow morning."],
        "iban": ["The refund of €49.00 has been sent to {iban}.", "The direct debit now uses {iban}."],
        "card": ["I've removed {card} from your billing profile.", "The duplicate charge on {card} has been reversed."],
        "id-number": ["We don't need your SSN ({id}) for this, please don't send it by email."],
        "ip": ["I've added {ip} to your allow list.", "The sign-ins came from {ip}, so we locked the account."],
        "url": ["Here's a fresh reset link: {url} (valid for 24 hours).", "Please use this link to join: {url}"],
        "handle": ["We replied to {handle} on Twitter as well."],
        "address": ["We've shipped the card reader to {address}.", "Your billing address is now {address}."],
        "secret": ["Your temporary password is {secret}, please change it after logging in.", "The one-time code is {code}."],
        "order-number": ["Order {order} has been refunded."],
        "third-person": ["I've given your colleague {other} admin rights.", "Your colleague {other_full} can now see the invoices too."],
        "username": ["The username {username} is unlocked again."],
    },
    "nl": {
        "email": ["Ik heb het inlogadres gewijzigd naar {email}.", "We hebben een bevestiging gestuurd naar {email}.",
                  "> Op 3 aug 2026 om 09:12 schreef {full} <{email}>:\n> De export mislukt nog steeds.", "Je kunt mij direct mailen op {a_email}."],
        "phone": ["Ik heb je geprobeerd te bellen op {phone}, maar kreeg geen gehoor.", "Je nummer is aangepast naar {phone}.",
                  "Een collega belt je morgen op {phone}."],
        "iban": ["Het bedrag van € 49,00 is teruggestort op {iban}.", "De automatische incasso loopt nu via {iban}."],
        "card": ["Ik heb kaart {card} uit je account verwijderd.", "De dubbele afschrijving op {card} is teruggedraaid."],
        "id-number": ["Je BSN ({id}) hebben we hiervoor niet nodig, stuur dat liever niet per mail."],
        "ip": ["Ik heb {ip} aan de allowlist toegevoegd.", "De logins kwamen van {ip}, daarom hebben we het account geblokkeerd."],
        "url": ["Hier is een nieuwe resetlink: {url} (24 uur geldig).", "Via deze link kun je deelnemen: {url}"],
        "handle": ["We hebben ook op Twitter gereageerd naar {handle}."],
        "address": ["De kaartlezer is verstuurd naar {address}.", "Je factuuradres is nu {address}."],
        "secret": ["Je tijdelijke wachtwoord is {secret}, wijzig het na het inloggen.", "De eenmalige code is {code}."],
        "order-number": ["Bestelling {order} is terugbetaald."],
        "third-person": ["Ik heb je collega {other} beheerdersrechten gegeven.", "Je collega {other_full} kan nu ook de facturen zien."],
        "username": ["De gebruikersnaam {username} is weer ontgrendeld."],
    },
    "sv": {
        "email": ["Jag har ändrat inloggningsadressen till {email}.", "Vi har skickat en bekräftelse till {email}.",
                  "> Den 3 aug. 2026 kl. 09:12 skrev {full} <{email}>:\n> Exporten misslyckas fortfarande.", "Du når mig direkt på {a_email}."],
        "phone": ["Jag försökte ringa dig på {phone} men fick inget svar.", "Ditt nummer är nu ändrat till {phone}.",
                  "En kollega ringer dig på {phone} i morgon."],
        "iban": ["Återbetalningen på 349 kr har skickats till {iban}.", "Autogirot går nu via {iban}."],
        "card": ["Jag har tagit bort kortet {card} från kontot.", "Den dubbla debiteringen på {card} är återförd."],
        "id-number": ["Vi behöver inte ditt personnummer ({id}) för detta, skicka det helst inte via e-post."],
        "ip": ["Jag har lagt till {ip} i listan över tillåtna adresser.", "Inloggningarna kom från {ip}, så vi har låst kontot."],
        "url": ["Här är en ny återställningslänk: {url} (giltig i 24 timmar).", "Använd den här länken för att gå med: {url}"],
        "handle": ["Vi har svarat {handle} på Twitter också."],
        "address": ["Kortläsaren har skickats till {address}.", "Din fakturaadress är nu {address}."],
        "secret": ["Ditt tillfälliga lösenord är {secret}, byt det efter inloggningen.", "Engångskoden är {code}."],
        "order-number": ["Order {order} har återbetalats."],
        "third-person": ["Jag har gett din kollega {other} administratörsrättigheter.", "Din kollega {other_full} kan nu också se fakturorna."],
        "username": ["Användarnamnet {username} är upplåst igen."],
    },
    "pl": {
        "email": ["Zmieniłem adres logowania na {email}.", "Wysłaliśmy potwierdzenie na {email}.",
                  "> W dniu 3.08.2026 o 09:12 {full} <{email}> napisał(a):\n> Eksport nadal nie działa.", "Można pisać do mnie bezpośrednio: {a_email}."],
        "phone": ["Próbowałem dzwonić pod numer {phone}, ale nikt nie odebrał.", "Zmieniliśmy numer na {phone}.",
                  "Jutro zadzwoni do Pani/Pana konsultant pod numer {phone}."],
        "iban": ["Zwrot 99 zł został przelany na {iban}.", "Polecenie zapłaty obsługuje teraz konto {iban}."],
        "card": ["Usunąłem kartę {card} z profilu płatności.", "Podwójne obciążenie karty {card} zostało cofnięte."],
        "id-number": ["Numer PESEL ({id}) nie jest nam potrzebny, proszę go nie wysyłać mailem."],
        "ip": ["Dodałem {ip} do listy dozwolonych adresów.", "Logowania pochodziły z {ip}, dlatego zablokowaliśmy konto."],
        "url": ["Oto nowy link do resetu: {url} (ważny 24 godziny).", "Proszę dołączyć przez ten link: {url}"],
        "handle": ["Odpowiedzieliśmy też na Twitterze do {handle}."],
        "address": ["Czytnik został wysłany na adres {address}.", "Adres do faktur to teraz {address}."],
        "secret": ["Tymczasowe hasło: {secret}, proszę je zmienić po zalogowaniu.", "Jednorazowy kod: {code}."],
        "order-number": ["Zamówienie {order} zostało zwrócone."],
        "third-person": ["Użytkownik o imieniu {other} ma już uprawnienia administratora.", "Konto, z którego korzysta {your_colleague} {other_full}, jest już aktywne."],
        "username": ["Login {username} jest znowu odblokowany."],
    },
    "de": {
        "email": ["Ich habe die Login-Adresse auf {email} geändert.", "Wir haben eine Bestätigung an {email} geschickt.",
                  "> Am 03.08.2026 um 09:12 schrieb {full} <{email}>:\n> Der Export schlägt immer noch fehl.", "Sie erreichen mich direkt unter {a_email}."],
        "phone": ["Ich habe versucht, Sie unter {phone} anzurufen.", "Ihre Nummer ist jetzt {phone}.",
                  "Ein Kollege ruft Sie morgen unter {phone} an."],
        "iban": ["Die Erstattung über 49,00 € wurde auf {iban} überwiesen.", "Das Lastschriftmandat läuft jetzt über {iban}."],
        "card": ["Ich habe die Karte {card} aus Ihrem Konto entfernt.", "Die doppelte Belastung auf {card} wurde storniert."],
        "id-number": ["Ihre Steuer-ID ({id}) brauchen wir dafür nicht, bitte schicken Sie sie nicht per E-Mail."],
        "ip": ["Ich habe {ip} zur Liste der erlaubten Adressen hinzugefügt.", "Die Anmeldungen kamen von {ip}, deshalb haben wir das Konto gesperrt."],
        "url": ["Hier ist ein neuer Link zum Zurücksetzen: {url} (24 Stunden gültig).", "Bitte treten Sie über diesen Link bei: {url}"],
        "handle": ["Wir haben {handle} auch auf Twitter geantwortet."],
        "address": ["Das Kartenlesegerät wurde an {address} verschickt.", "Ihre Rechnungsadresse lautet jetzt {address}."],
        "secret": ["Ihr vorläufiges Passwort ist {secret}, bitte ändern Sie es nach der Anmeldung.", "Der Einmalcode lautet {code}."],
        "order-number": ["Bestellung {order} wurde erstattet."],
        "third-person": ["Ich habe {your_colleague_dative} {other} Adminrechte gegeben.", "{Your_colleague} {other_full} kann jetzt auch die Rechnungen sehen."],
        "username": ["Der Benutzername {username} ist wieder entsperrt."],
    },
}
# A sentence that introduces the customer by name in the body (only when the helpdesk knows them).
SELF_INTRODUCTION = {
    "en": ["This is {full} from the finance team.", "{first} here again.", "{full_lc} here, I wrote last week."],
    "nl": ["Met {full} van de administratie.", "{first} hier nog even.", "ik ben {full_lc} en ik mailde vorige week al."],
    "sv": ["Det är {full} på ekonomiavdelningen.", "{first} här igen.", "jag heter {full_lc} och mejlade förra veckan."],
    "pl": ["Z tej strony {full} z działu księgowości.", "Tu {first}, piszę ponownie.", "nazywam się {full_lc}, pisałam w zeszłym tygodniu."],
    "de": ["Hier ist {full} aus der Buchhaltung.", "{first} hier, nochmal wegen der Rechnung.", "ich bin {full_lc} und hatte letzte Woche geschrieben."],
}
# What the message is about, so a body reads like a ticket and not a list of values.
OPENERS = {
    "en": ["I can't log in since this morning.", "We want to change how we pay for Tasklane.", "Our invoice for August looks wrong.",
           "I need help with my account details.", "Thanks for the quick reply yesterday.", "The mobile app keeps logging me out."],
    "nl": ["Ik kan sinds vanochtend niet meer inloggen.", "We willen onze betaalgegevens wijzigen.", "Onze factuur van augustus klopt niet.",
           "Ik heb hulp nodig met mijn accountgegevens.", "Bedankt voor de snelle reactie gisteren.", "De app logt me steeds uit."],
    "sv": ["Jag kan inte logga in sedan i morse.", "Vi vill ändra hur vi betalar för Tasklane.", "Vår faktura för augusti ser fel ut.",
           "Jag behöver hjälp med mina kontouppgifter.", "Tack för det snabba svaret i går.", "Appen loggar ut mig hela tiden."],
    "pl": ["Od rana nie mogę się zalogować.", "Chcemy zmienić sposób płatności za Tasklane.", "Faktura za sierpień wygląda na błędną.",
           "Potrzebuję pomocy z danymi konta.", "Dziękuję za szybką odpowiedź wczoraj.", "Aplikacja ciągle mnie wylogowuje."],
    "de": ["Ich kann mich seit heute Morgen nicht anmelden.", "Wir möchten unsere Zahlungsart ändern.", "Unsere Rechnung für August stimmt nicht.",
           "Ich brauche Hilfe mit meinen Kontodaten.", "Danke für die schnelle Antwort gestern.", "Die App meldet mich ständig ab."],
}
AGENT_OPENERS = {
    "en": ["Thanks for getting in touch.", "Sorry for the trouble with your account.", "I've looked into this for you."],
    "nl": ["Bedankt voor je bericht.", "Sorry voor het ongemak.", "Ik heb het voor je uitgezocht."],
    "sv": ["Tack för att du hörde av dig.", "Förlåt för krånglet.", "Jag har kollat upp det åt dig."],
    "pl": ["Dziękuję za wiadomość.", "Przepraszamy za kłopot.", "Sprawdziłem to."],
    "de": ["Vielen Dank für Ihre Nachricht.", "Entschuldigen Sie die Umstände.", "Ich habe mir das angesehen."],
}


# How a third person is named in the running text: after a relation word ("my colleague"), by
# gender; a capitalised slot name capitalises the words.
RELATIONS = {
    "my_colleague": {"en": ("my colleague", "my colleague"), "nl": ("mijn collega", "mijn collega"), "sv": ("min kollega", "min kollega"),
                     "pl": ("mój kolega", "moja koleżanka"), "de": ("mein Kollege", "meine Kollegin")},
    "my_colleague_dative": {"de": ("meinem Kollegen", "meiner Kollegin")},
    "my_partner": {"en": ("my husband", "my wife"), "nl": ("mijn man", "mijn vrouw"), "sv": ("min man", "min fru"),
                   "pl": ("mój mąż", "moja żona"), "de": ("mein Mann", "meine Frau")},
    "your_colleague": {"pl": ("Pana kolega", "Pana koleżanka"), "de": ("Ihr Kollege", "Ihre Kollegin")},
    "your_colleague_dative": {"de": ("Ihrem Kollegen", "Ihrer Kollegin")},
}
# A third person's title in the running text (nominative: "Pan", not the "Panie" of a greeting).
THIRD_TITLES = {"en": ("Mr", "Ms"), "nl": ("meneer", "mevrouw"), "de": ("Herr", "Frau"), "pl": ("Pan", "Pani")}
# Words that name a person by their name ("a user named"): the name after them is in context.
NAMING_WORDS = ("named", "genaamd", "som heter", "namens", "o imieniu")


def third_person_form(template: str) -> str:
    """How a template names its third person: after a title, a relation word, or on its own."""
    if "{other_Last}" in template:
        return "third-person-title"
    related = any(f"{{{slot}}}" in template.lower() for slot in RELATIONS) or any(w in template for w in NAMING_WORDS)
    return ("third-person-relation" if related else "third-person-bare") + ("-full" if "{other_full}" in template else "")


class Planter:
    """Fills one message's templates, remembering every value planted in it."""

    def __init__(self, rng: random.Random, lang: str, customer: Someone, agent: Someone, third: Someone) -> None:
        self.rng = rng
        self.lang = lang
        self.customer = customer
        self.agent = agent
        self.third = third  # someone the message names who is not in the helpdesk's export
        self.planted: list[dict] = []

    def plant(self, kind: str, value: str, form: str) -> str:
        if not any(p["type"] == kind and p["value"] == value for p in self.planted):
            self.planted.append({"type": kind, "value": value, "form": form})
        return value

    def fill(self, template: str, name_form: str = "body") -> str:
        third_form = third_person_form(template)
        return re.sub(r"\{(\w+)\}", lambda m: self.slot(m.group(1), name_form, third_form), template)

    def slot(self, slot: str, name_form: str, third_form: str = "") -> str:
        rng, lang, c, a, t = self.rng, self.lang, self.customer, self.agent, self.third
        if slot.lower() in RELATIONS:
            words = RELATIONS[slot.lower()][lang][t.gender == "f"]
            return words[0].upper() + words[1:] if slot[0].isupper() else words
        if slot == "Other_title":
            return THIRD_TITLES[lang][t.gender == "f"].capitalize()
        if slot in ("other", "other_full", "other_Last"):
            value = {"other": t.first, "other_full": t.full, "other_Last": t.last_titled}[slot]
            return self.plant("name", value, third_form)
        names = {
            "first": c.first, "full": c.full, "Last": c.last_titled, "first_lc": c.first.lower(), "full_lc": c.full.lower(),
            "a_first": a.first, "a_full": a.full,
        }
        if slot in names:
            return self.plant("name", names[slot], name_form)
        if slot == "title":
            return TITLES[lang][c.gender]
        if slot == "r":  # German adjective ending: "Sehr geehrter Herr", "Liebe Anna"
            return "r" if c.gender == "m" else ""
        if slot == "ya":  # Polish: "Szanowny Panie", "Szanowna Pani"
            return "y" if c.gender == "m" else "a"
        values = {
            "email": lambda: (c.email, "customer-address"),
            "email2": lambda: other_email(rng, lang, c),
            "a_email": lambda: (a.email, "agent-address"),
            "phone": lambda: phone(rng, lang),
            "iban": lambda: iban(rng, lang),
            "card": lambda: card(rng),
            "id": lambda: id_number(rng, lang),
            "ip": lambda: ip_address(rng),
            "url": lambda: url(rng, c),
            "handle": lambda: handle(rng, c),
            "address": lambda: address(rng, lang),
            "postcode": lambda: (postcode(rng, lang), f"{lang}-postcode"),
            "secret": lambda: (password(rng), "password"),
            "pin": lambda: (str(rng.randint(1000, 9999)), "pin"),
            "code": lambda: (digits(rng, 6), "one-time-code"),
            "order": lambda: order_number(rng),
            "other_email": lambda: (t.email, "third-person-address"),
            "username": lambda: username(rng, c),
        }
        kinds = {"email2": "email", "a_email": "email", "other_email": "email", "id": "id-number", "pin": "secret", "code": "secret", "order": "order-number",
                 "postcode": "address"}
        value, form = values[slot]()
        return self.plant(kinds.get(slot, slot), value, form)


NAME_SLOTS = re.compile(r"\{(first|full|Last|first_lc|full_lc|title)\}")


class Rotation:
    """Picks the option used least so far (ties at random), so every template gets its turn."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: Counter = Counter()

    def pick(self, options: list):
        fewest = min(self.used[o] for o in options)
        choice = self.rng.choice([o for o in options if self.used[o] == fewest])
        self.used[choice] += 1
        return choice

    def bodies(self, pools: dict[str, list[str]], kinds: list[str], customer_known: bool) -> list[str]:
        """One sentence per kind, never the same sentence twice in a message."""
        chosen: list[str] = []
        for kind in kinds:
            # A name in the running text can only be found when the helpdesk knows the person.
            usable = [t for t in pools[kind] if customer_known or not NAME_SLOTS.search(t)]
            chosen.append(self.pick([t for t in usable if t not in chosen] or usable))
        return chosen


def planted_message(rng: random.Random, turns: Rotation, lang: str, number: int, style: str, kinds: list[str]) -> dict:
    customer = make_person(rng, lang)
    agent = make_person(rng, lang, agent=True)
    while agent.first == customer.first or agent.last == customer.last:
        agent = make_person(rng, lang, agent=True)
    # Who the helpdesk export names: usually the customer, the agent less often.
    customer_known = rng.random() < 0.85
    agent_known = rng.random() < 0.6
    third = make_person(rng, lang)
    while third.first in (customer.first, agent.first) or third.last in (customer.last, agent.last):
        third = make_person(rng, lang)
    p = Planter(rng, lang, customer, agent, third)
    lines: list[str] = []

    if style == "reply":
        forms = GREET_CUSTOMER[lang] if customer_known else [g for g in GREET_CUSTOMER[lang] if "lowercase" not in g[1]]
        greeting, form = turns.pick(forms)
        lines.append(p.fill(greeting, form + ("" if customer_known else "-not-in-people")))
        body = [rng.choice(AGENT_OPENERS[lang])]
        body += [p.fill(t) for t in turns.bodies(AGENT_BODY[lang], kinds, customer_known)]
        signoff, form = turns.pick(SIGN_AGENT[lang])
        lines += [" ".join(body) if rng.random() < 0.5 else "\n".join(body), p.fill(signoff, form + ("" if agent_known else "-not-in-people"))]
    else:
        if style == "follow-up":
            greeting, form = turns.pick(GREET_AGENT[lang])
            lines.append(p.fill(greeting, form + ("" if agent_known else "-not-in-people")))
        elif greeting := turns.pick(GREET_SUPPORT[lang]):
            lines.append(greeting)
        body = [rng.choice(OPENERS[lang])]
        if customer_known and rng.random() < 0.25:
            body.insert(0, p.fill(turns.pick(SELF_INTRODUCTION[lang]), "body"))
        body += [p.fill(t) for t in turns.bodies(CUSTOMER_BODY[lang], kinds, customer_known)]
        lines.append(" ".join(body) if rng.random() < 0.6 else "\n".join(body))
        forms = SIGN_CUSTOMER[lang] if customer_known else [s for s in SIGN_CUSTOMER[lang] if "lowercase" not in s[1]]
        signoff, form = turns.pick(forms)
        signature = p.fill(signoff, form + ("" if customer_known else "-not-in-people"))
        if rng.random() < 0.3:
            extra = rng.sample(SIGNATURE_LINES[lang], k=rng.randint(1, 2))
            signature += "\n" + "\n".join(p.fill(line) for line in extra)
        lines.append(signature)

    text = "\n\n".join(lines)
    if rng.random() < 0.15:  # chat and web-form messages come on one line
        text = re.sub(r"\s*\n\s*", " ", text)
    people = []
    if customer_known:
        people.append({"name": customer.full, "email": customer.email})
    if agent_known and any(p_["value"] in (agent.full, agent.first, agent.email) for p_ in p.planted):
        people.append({"name": agent.full, "email": agent.email})
    return {"id": f"{lang}-{number:03d}", "lang": lang, "text": text, "people": people, "planted": p.planted}


# -- clean help texts -------------------------------------------------------------------------------

MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
}


class LookAlikes:
    """Values that look like personal data and are not: they must come out unchanged."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng = rng
        self.lang = lang

    def fill(self, template: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: getattr(self, m.group(1))(), template)

    def date(self) -> str:
        rng, lang = self.rng, self.lang
        day = date(2026, 1, 1) + timedelta(days=rng.randint(0, 364))
        month = MONTHS[lang][day.month - 1]
        forms = {
            "en": [day.isoformat(), f"{day.day} {month} {day.year}", f"{day:%d/%m/%Y}", f"{month} {day.day}, {day.year}"],
            "nl": [f"{day:%d-%m-%Y}", f"{day.day} {month} {day.year}", day.isoformat()],
            "sv": [day.isoformat(), f"{day.day} {month} {day.year}"],
            "pl": [f"{day:%d.%m.%Y}", f"{day.day} {month} {day.year}", day.isoformat()],
            "de": [f"{day:%d.%m.%Y}", f"{day.day}. {month} {day.year}", day.isoformat()],
        }
        return rng.choice(forms[lang])

    def version(self) -> str:
        rng = self.rng
        a, b, c = rng.randint(2, 6), rng.randint(0, 14), rng.randint(0, 9)
        return rng.choice([f"{a}.{b}.{c}", f"v{a}.{b}.{c}", f"{a}.{b}", f"{a}.{b}.{c} (build 2026{rng.randint(1, 12):02d}{rng.randint(1, 28):02d})"])

    def build(self) -> str:
        return f"build 2026{self.rng.randint(1, 12):02d}{self.rng.randint(1, 28):02d}"

    def price(self) -> str:
        rng = self.rng
        small, cents = rng.randint(5, 49), rng.choice(["00", "50", "99", "95"])
        forms = {
            "en": [f"${small}.{cents}", f"€{small}.{cents}", f"£{small}.{cents}", f"EUR {small}.{cents}"],
            "nl": [f"€ {small},{cents}", f"€{small},-", f"EUR {small},{cents}"],
            "sv": [f"{small * 10 + 9} kr", f"{small},{cents} SEK"],
            "pl": [f"{small} zł", f"{small},{cents} PLN"],
            "de": [f"{small},{cents} €", f"EUR {small},{cents}"],
        }
        return rng.choice(forms[self.lang])

    def total(self) -> str:
        rng = self.rng
        big, rest, cents = rng.randint(1, 9), rng.randint(100, 999), rng.choice(["00", "50", "20"])
        forms = {
            "en": [f"${big},{rest}.{cents}", f"€{big},{rest}.{cents}", f"EUR {big},{rest}.00"],
            "nl": [f"EUR {big}.{rest},00", f"€ {big}.{rest},{cents}"],
            "sv": [f"{big} {rest} kr", f"{big}{rest},{cents} SEK"],
            "pl": [f"{big} {rest},{cents} zł", f"{big}{rest},00 PLN"],
            "de": [f"EUR {big}.{rest},00", f"{big}.{rest},{cents} €"],
        }
        return rng.choice(forms[self.lang])

    def time(self) -> str:
        return f"{self.rng.randint(7, 22):02d}:{self.rng.choice(['00', '15', '30', '45'])}"

    def error(self) -> str:
        return self.rng.choice(["E-1042", "ERR_CONNECTION_RESET", "0x80070005", "HTTP 503", "error 429", "ERR_CERT_DATE_INVALID",
                                "E-2210", "0x800CCC0E", "HTTP 401", "SSL_ERROR_RX_RECORD_TOO_LONG"])

    def vat(self) -> str:
        rate = {"en": "20%", "nl": "21%", "sv": "25 %", "pl": "23%", "de": "19 %"}[self.lang]
        return rate

    def opening(self) -> str:
        return self.rng.choice(["08:30", "09:00", "8:00"])

    def percent(self) -> str:
        n = self.rng.choice(["10", "15", "16.7", "20", "25"])
        return f"{n}%" if self.lang == "en" else self.rng.choice([f"{n.replace('.', ',')}%", f"{n.replace('.', ',')} %"])

    def size(self) -> str:
        n = self.rng.choice(["25", "2", "500", "10", "1.5", "250"])
        unit = self.rng.choice(["MB", "GB", "KB"])
        return f"{n if self.lang == 'en' else n.replace('.', ',')} {unit}"

    def ticket(self) -> str:
        return str(self.rng.randint(10000, 99999))

    def count(self) -> str:
        return str(self.rng.choice([3, 5, 12, 25, 50, 100, 250, 1000, 10000, 50000]))


CLEAN_GREETINGS = {
    "en": ["Hi there,", "Hello everyone,", "Hi all,", "Hello team,", "Dear customer,", "Good morning,", "Hi,"],
    "nl": ["Hallo allemaal,", "Beste klant,", "Hoi!", "Beste gebruiker,", "Goedemorgen,", "Hallo,"],
    "sv": ["Hej alla!", "Hej!", "Hej och välkommen!", "Hejsan,", "Hej,"],
    "pl": ["Dzień dobry,", "Witamy!", "Szanowni Państwo,", "Cześć!", "Dzień dobry!"],
    "de": ["Hallo zusammen,", "Guten Tag,", "Sehr geehrte Damen und Herren,", "Liebe Kundinnen und Kunden,", "Hallo,"],
}
CLEAN_SIGNOFFS = {
    "en": ["Best regards,\nThe Tasklane team", "Thanks,\nTasklane Support", "Cheers!", "Kind regards,\nTasklane Customer Success"],
    "nl": ["Met vriendelijke groet,\nHet Tasklane-team", "Groeten,\nTasklane Support", "Fijne dag!"],
    "sv": ["Med vänliga hälsningar\nTasklane Support", "Hälsningar,\nTasklane-teamet", "Ha en bra dag!"],
    "pl": ["Pozdrawiamy,\nZespół Tasklane", "Pozdrawiam,\nZespół Tasklane", "Miłego dnia!"],
    "de": ["Mit freundlichen Grüßen\nIhr Tasklane-Team", "Viele Grüße\nDas Tasklane-Team", "Beste Grüße,\nTasklane Support"],
}
CLEAN_SENTENCES = {
    "en": [
        "Tasklane {version} is rolling out to all workspaces since {date}.",
        "The Pro plan costs {price} per seat per month; annual billing saves {percent}.",
        "If you see {error}, clear the browser cache and sign in again.",
        "Attachments can be up to {size} each, and an export holds up to {count} rows.",
        "Invoices are created on the first day of each month at {time} CET.",
        "Write to support@tasklane.example or call +31 20 794 1100 (Monday to Friday, {opening} to 17:30).",
        "Our help centre at https://tasklane.example/help has step-by-step guides.",
        "Syncing with Google Calendar and Outlook works on iPhone 15 and newer with iOS 17.4.",
        "Ticket #{ticket} was merged into ticket #{ticket}.",
        "Your order of {count} seats for {total} was confirmed on {date}.",
        "Error 0x80070005 means Windows blocked the installer; run it as administrator.",
        "The status page reported HTTP 503 errors between {time} and {time} on {date}.",
        "Two-factor authentication uses a six-digit code from your authenticator app.",
        "Prices exclude {vat} VAT; the uptime target is 99.9%.",
        "Go to Settings > Billing > Payment method and click Edit.",
        "Release notes for {version} ({build}) are on https://tasklane.example/changelog.",
        "Monday, Tuesday and Friday are the busiest days; answers take about {count} minutes.",
        "The Starter plan includes {count} projects and {size} of storage.",
        "Outlook 2019 and Microsoft 365 are supported; Outlook 2013 is not since {date}.",
        "Paris, Berlin and Warsaw data centres were upgraded to {version} on {date}.",
        "Call us on 020 794 1100 if the chat is unavailable.",
        "Windows build 10.0.19045.3803 and macOS 14.6 are the oldest versions we support.",
        "Keyboard shortcuts: Ctrl+K opens search, Ctrl+Shift+E exports the current view.",
        # First names that are words too: none of them names anyone here.
        "Will the export keep its filters? It will, and Mark as read works in every list.",
        "The Max plan includes priority support; upgrades made in May or August are billed pro rata.",
        "Open Settings, choose Grant access and then click Edit or Save.",
        "Bill payments are listed under Billing, and every user can see the Summer release notes.",
    ],
    "nl": [
        "Tasklane {version} wordt sinds {date} uitgerold naar alle werkruimtes.",
        "Het Pro-abonnement kost {price} per gebruiker per maand; jaarlijks betalen scheelt {percent}.",
        "Zie je {error}? Leeg dan de cache van je browser en log opnieuw in.",
        "Bijlagen mogen maximaal {size} zijn; een export bevat tot {count} regels.",
        "Facturen worden op de eerste van de maand om {time} aangemaakt.",
        "Mail naar support@tasklane.example of bel +31 20 794 1100 (maandag t/m vrijdag, {opening} tot 17:30).",
        "In ons helpcentrum op https://tasklane.example/help staan stappenplannen.",
        "Synchroniseren met Google Calendar en Outlook werkt op iPhone 15 en nieuwer.",
        "Ticket #{ticket} is samengevoegd met ticket #{ticket}.",
        "Je bestelling van {count} licenties voor {total} is bevestigd op {date}.",
        "Foutcode 0x80070005 betekent dat Windows de installatie blokkeert.",
        "Op {date} gaf de statuspagina HTTP 503 tussen {time} en {time}.",
        "Tweestapsverificatie gebruikt een code van zes cijfers uit je authenticator-app.",
        "Alle prijzen zijn exclusief {vat} btw; de beschikbaarheid is 99,9%.",
        "Ga naar Instellingen > Facturatie > Betaalmethode en klik op Wijzigen.",
        "De release notes van {version} ({build}) staan op https://tasklane.example/changelog.",
        "Het Starter-abonnement bevat {count} projecten en {size} opslag.",
        "Maandag en vrijdag zijn de drukste dagen; een antwoord duurt gemiddeld {count} minuten.",
        "Bel 020 794 1100 als de chat niet beschikbaar is.",
        "Tasklane B.V. staat ingeschreven onder KvK-nummer 81234567.",
        "Sneltoetsen: Ctrl+K opent het zoeken, Ctrl+Shift+E exporteert de huidige weergave.",
        "Amsterdam, Utrecht en Rotterdam hebben sinds {date} een eigen supportteam.",
        "Hoe werkt het Max-abonnement? Dit abonnement kost {price} per maand.",
        "Per gebruiker betaal je {price}; kies Jaarlijks of Maandelijks onder Abonnement.",
        "Ben je ingelogd, dan zie je onder Mijn account ook de facturen van mei.",
    ],
    "sv": [
        "Tasklane {version} rullas ut till alla arbetsytor sedan {date}.",
        "Pro-planen kostar {price} per användare och månad; årsbetalning sparar {percent}.",
        "Ser du {error}? Töm webbläsarens cache och logga in igen.",
        "Bilagor får vara upp till {size} och en export rymmer {count} rader.",
        "Fakturor skapas den första varje månad kl. {time}.",
        "Mejla support@tasklane.example eller ring +31 20 794 1100 (måndag till fredag, {opening} till 17:30).",
        "I hjälpcentret på https://tasklane.example/help finns steg-för-steg-guider.",
        "Synkning med Google Calendar och Outlook fungerar på iPhone 15 och senare.",
        "Ärende #{ticket} har slagits ihop med ärende #{ticket}.",
        "Din beställning av {count} licenser för {total} bekräftades {date}.",
        "Felkod 0x80070005 betyder att Windows blockerade installationen.",
        "Statussidan visade HTTP 503 mellan {time} och {time} den {date}.",
        "Tvåstegsverifiering använder en sexsiffrig kod från din autentiseringsapp.",
        "Alla priser är exklusive {vat} moms; tillgängligheten är 99,9 %.",
        "Gå till Inställningar > Fakturering > Betalningssätt och klicka på Ändra.",
        "Versionsinformation för {version} ({build}) finns på https://tasklane.example/changelog.",
        "Startplanen innehåller {count} projekt och {size} lagring.",
        "Måndag och fredag har flest ärenden; svarstiden är cirka {count} minuter.",
        "Tasklane AB har organisationsnummer 559123-4561.",
        "Kortkommandon: Ctrl+K öppnar sökningen, Ctrl+Shift+E exporterar vyn.",
        "Stockholm, Göteborg och Malmö har haft egen support sedan {date}.",
        "Per användare kostar Max-planen {price} i månaden.",
        "Vill du byta plan klickar du på Ändra och väljer Bas eller Plus.",
        "Dag för dag ser du under Aktivitet vad som har ändrats.",
    ],
    "pl": [
        "Tasklane {version} jest wdrażany we wszystkich obszarach roboczych od {date}.",
        "Plan Pro kosztuje {price} za użytkownika miesięcznie; płatność roczna to {percent} taniej.",
        "Jeśli widzisz {error}, wyczyść pamięć podręczną przeglądarki i zaloguj się ponownie.",
        "Załączniki mogą mieć do {size}, a eksport zawiera do {count} wierszy.",
        "Faktury są tworzone pierwszego dnia miesiąca o {time}.",
        "Napisz na support@tasklane.example lub zadzwoń pod +31 20 794 1100 (od poniedziałku do piątku, {opening}–17:30).",
        "W centrum pomocy https://tasklane.example/help znajdziesz instrukcje krok po kroku.",
        "Synchronizacja z Google Calendar i Outlook działa na iPhone 15 i nowszych.",
        "Zgłoszenie #{ticket} zostało połączone ze zgłoszeniem #{ticket}.",
        "Zamówienie {count} licencji za {total} potwierdzono {date}.",
        "Kod błędu 0x80070005 oznacza, że Windows zablokował instalację.",
        "Strona statusu pokazywała HTTP 503 między {time} a {time} w dniu {date}.",
        "Weryfikacja dwuetapowa używa sześciocyfrowego kodu z aplikacji uwierzytelniającej.",
        "Ceny nie zawierają {vat} VAT; dostępność usługi to 99,9%.",
        "Przejdź do Ustawienia > Płatności > Metoda płatności i kliknij Edytuj.",
        "Informacje o wersji {version} ({build}) są na https://tasklane.example/changelog.",
        "Plan Starter obejmuje {count} projektów i {size} miejsca.",
        "Poniedziałek i piątek to najbardziej pracowite dni; odpowiedź zajmuje około {count} minut.",
        "Dane firmy do faktury: Tasklane Sp. z o.o., NIP 525-234-56-75.",
        "Skróty klawiszowe: Ctrl+K otwiera wyszukiwanie, Ctrl+Shift+E eksportuje widok.",
        "Warszawa, Kraków i Gdańsk mają własny zespół wsparcia od {date}.",
        "Czy Pan otrzymał fakturę? Plan Max kosztuje {price} miesięcznie.",
        "Od maja plan Basic obejmuje {count} projektów, a plan Max nielimitowane projekty.",
    ],
    "de": [
        "Tasklane {version} wird seit {date} für alle Arbeitsbereiche ausgerollt.",
        "Der Pro-Tarif kostet {price} pro Nutzer und Monat; jährliche Zahlung spart {percent}.",
        "Wenn Sie {error} sehen, leeren Sie den Browser-Cache und melden Sie sich neu an.",
        "Anhänge dürfen bis zu {size} groß sein, ein Export enthält bis zu {count} Zeilen.",
        "Rechnungen werden am Monatsersten um {time} Uhr erstellt.",
        "Schreiben Sie an support@tasklane.example oder rufen Sie +31 20 794 1100 an (Montag bis Freitag, {opening} bis 17:30 Uhr).",
        "Im Hilfecenter unter https://tasklane.example/help finden Sie Schritt-für-Schritt-Anleitungen.",
        "Die Synchronisierung mit Google Calendar und Outlook funktioniert ab iPhone 15.",
        "Ticket #{ticket} wurde mit Ticket #{ticket} zusammengeführt.",
        "Ihre Bestellung über {count} Lizenzen für {total} wurde am {date} bestätigt.",
        "Fehlercode 0x80070005 bedeutet, dass Windows die Installation blockiert hat.",
        "Die Statusseite meldete am {date} zwischen {time} und {time} Uhr HTTP 503.",
        "Die Zwei-Faktor-Authentifizierung nutzt einen sechsstelligen Code aus Ihrer Authenticator-App.",
        "Alle Preise zzgl. {vat} MwSt.; die Verfügbarkeit liegt bei 99,9 %.",
        "Gehen Sie zu Einstellungen > Abrechnung > Zahlungsart und klicken Sie auf Bearbeiten.",
        "Die Versionshinweise zu {version} ({build}) stehen unter https://tasklane.example/changelog.",
        "Der Starter-Tarif enthält {count} Projekte und {size} Speicher.",
        "Montag und Freitag sind die stärksten Tage; eine Antwort dauert etwa {count} Minuten.",
        "Tasklane GmbH, Amtsgericht Charlottenburg, HRB 212345 B.",
        "Tastenkürzel: Strg+K öffnet die Suche, Strg+Umschalt+E exportiert die Ansicht.",
        "Berlin, München und Hamburg haben seit dem {date} ein eigenes Support-Team.",
        "Wenn kein Ton zu hören ist, prüfen Sie die Lautsprecher; der Tarif Max enthält {count} Projekte.",
        "Im Menü Ansicht wählen Sie Symbol und Iris als Darstellung.",
        "Will ich nicht? Dann klicken Sie auf Abbestellen, die Mark-Funktion bleibt erhalten.",
    ],
}


def clean_message(rng: random.Random, turns: Rotation, lang: str, number: int) -> dict:
    looks = LookAlikes(rng, lang)
    parts = []
    if rng.random() < 0.5:
        parts.append(turns.pick(CLEAN_GREETINGS[lang]))
    sentences: list[str] = []
    for _ in range(rng.randint(2, 4)):
        sentences.append(turns.pick([s for s in CLEAN_SENTENCES[lang] if s not in sentences]))
    parts.append(" ".join(looks.fill(s) for s in sentences))
    if rng.random() < 0.4:
        parts.append(turns.pick(CLEAN_SIGNOFFS[lang]))
    return {"id": f"{lang}-{number:03d}", "lang": lang, "text": "\n\n".join(parts), "people": [], "planted": []}


# -- the corpus ------------------------------------------------------------------------------------


def deal(rng: random.Random, deck: list[str], hands: int) -> list[list[str]]:
    """The shuffled deck dealt into ``hands`` hands as even as can be (two or three cards each)."""
    deck = deck[:]
    rng.shuffle(deck)
    return [deck[i::hands] for i in range(hands)]


def make_corpus(seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    turns = Rotation(rng)
    corpus = []
    for lang in LANGUAGES:
        styles = [style for style, share in STYLES.items() for _ in range(round(share * PLANTED_MESSAGES_PER_LANGUAGE))]
        rng.shuffle(styles)
        # Agent replies take the agent's sentences, the rest the customer's: a deck for each voice,
        # big enough that every sentence gets its turn.
        agent_deck, customer_deck = [], []
        for kind, n in DECK.items():
            for_agent = max(len(AGENT_BODY[lang][kind]), round(n * STYLES["reply"]))
            agent_deck += [kind] * for_agent
            customer_deck += [kind] * max(len(CUSTOMER_BODY[lang][kind]), n - for_agent)
        hands = {
            "reply": deal(rng, agent_deck, styles.count("reply")),
            "customer": deal(rng, customer_deck, len(styles) - styles.count("reply")),
        }
        for number, style in enumerate(styles, start=1):
            kinds = hands["reply" if style == "reply" else "customer"].pop()
            corpus.append(planted_message(rng, turns, lang, number, style, kinds))
        for number in range(len(styles) + 1, len(styles) + CLEAN_MESSAGES_PER_LANGUAGE + 1):
            corpus.append(clean_message(rng, turns, lang, number))
    for message in corpus:
        for planted in message["planted"]:
            assert planted["value"] in message["text"], (message["id"], planted)
    return corpus


def main() -> None:
    corpus = make_corpus()
    OUTPUT.write_text(json.dumps(corpus, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for message in corpus:
        for planted in message["planted"]:
            counts[planted["type"]] = counts.get(planted["type"], 0) + 1
    clean = sum(1 for m in corpus if not m["planted"])
    print(f"wrote {OUTPUT}: {len(corpus)} messages ({clean} clean)")
    print(", ".join(f"{kind} {n}" for kind, n in sorted(counts.items())))


if __name__ == "__main__":
    main()
