"""Write the sample Tasklane helpdesk export: examples/tickets.zendesk.json and examples/topics_truth.csv.

    python examples/make_sample_export.py

Everything is fictional (Tasklane, its customers and its agents). The words live in
ticket_text.py; this file only decides who asks, when, in which channel, and how each
conversation unfolds. Standard library only, fixed seed: running it twice gives the same bytes.
"""

from __future__ import annotations

import csv
import json
import math
import random
import re
import string
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.dont_write_bytecode = True  # keep examples/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
from ticket_text import CONVERSATION, INTERNAL_NOTES, ONE_OFFS, TOPICS  # noqa: E402

HERE = Path(__file__).resolve().parent
EXPORT_FILE = HERE / "tickets.zendesk.json"
TRUTH_FILE = HERE / "topics_truth.csv"

SEED = 20261102
EXPORT_AT = datetime(2026, 11, 2, 7, 30, tzinfo=timezone.utc)  # when the export was taken
PERIOD_START = datetime(2026, 8, 1, tzinfo=timezone.utc)
PERIOD_END = datetime(2026, 10, 31, 23, 59, tzinfo=timezone.utc)
EU_DST_END = datetime(2026, 10, 25, 1, 0, tzinfo=timezone.utc)
US_DST_END = datetime(2026, 11, 1, 6, 0, tzinfo=timezone.utc)
CLOSE_AFTER = timedelta(days=4)  # Zendesk's default automation closes solved tickets after 4 days

# Share of tickets per topic and language that are still open or pending at export time.
UNRESOLVED_SHARE = 0.14
INTERNAL_NOTE_SHARE = 0.24

# ---------------------------------------------------------------------------------------------
# The support team
# ---------------------------------------------------------------------------------------------

AGENTS = [
    {"id": 800011, "name": "Sam Carter", "locale": "en-GB", "role": "agent", "languages": ["en"]},
    {"id": 800012, "name": "Priya Shah", "locale": "en-GB", "role": "admin", "languages": ["en"]},
    {"id": 800013, "name": "Jordan Ellis", "locale": "en-US", "role": "agent", "languages": ["en"]},
    {"id": 800014, "name": "Lotte Bakker", "locale": "nl", "role": "agent", "languages": ["nl", "en"]},
    {"id": 800015, "name": "Daan Visser", "locale": "nl", "role": "agent", "languages": ["nl", "en"]},
    {"id": 800016, "name": "Elin Berg", "locale": "sv", "role": "agent", "languages": ["sv"]},
]
TEAM_LEAD = 800012

GROUPS = [
    {"id": 360001, "name": "Account"},
    {"id": 360002, "name": "Billing"},
    {"id": 360003, "name": "Integrations"},
    {"id": 360004, "name": "Mobile app"},
    {"id": 360005, "name": "Data & privacy"},
    {"id": 360006, "name": "General"},
]
GROUP_IDS = {g["name"]: g["id"] for g in GROUPS}

# Median minutes to the first reply, per group: Billing is the slow queue in this story.
FIRST_REPLY_MEDIAN = {"Account": 70, "Billing": 280, "Integrations": 120, "Mobile app": 110, "Data & privacy": 180, "General": 200}
SWEDISH_SLOWDOWN = 1.8  # one Swedish-speaking agent

# ---------------------------------------------------------------------------------------------
# Customers
# ---------------------------------------------------------------------------------------------

FIRST_NAMES = {
    "GB": ["Tom", "Emma", "James", "Olivia", "Daniel", "Sophie", "Michael", "Hannah", "Chris", "Laura", "Ben", "Rachel", "David", "Amy", "Ryan", "Lucy", "Mark", "Grace", "Sarah", "Matt", "Kevin", "Megan", "Alex", "Natalie", "Josh", "Zoe", "Ian", "Fiona", "Aisha", "Raj", "Chloe", "Liam", "Maya", "Callum", "Niamh", "Imran"],
    "US": ["Tyler", "Jessica", "Jason", "Ashley", "Carlos", "Keisha", "Brandon", "Megan", "Kyle", "Lauren", "Marcus", "Nicole", "Andrew", "Rosa", "Derek", "Brittany", "Sean", "Monica", "Trevor", "Dana"],
    "NL": ["Anna", "Pieter", "Sanne", "Jeroen", "Lisa", "Mark", "Eva", "Bas", "Femke", "Thijs", "Marloes", "Ruben", "Iris", "Koen", "Linda", "Joost", "Esther", "Wouter", "Mirjam", "Niels", "Fleur", "Sven", "Annelies", "Martijn", "Noor", "Hanneke", "Gijs", "Yvonne", "Sem", "Maaike", "Rik", "Ilse"],
    "SE": ["Erik", "Karin", "Anders", "Maria", "Johan", "Eva", "Lars", "Sofia", "Mikael", "Emma", "Fredrik", "Linnea", "Oskar", "Ida", "Henrik", "Sara", "Gustav", "Maja", "Per", "Frida"],
}
LAST_NAMES = {
    "GB": ["Baker", "Hughes", "Patel", "Wilson", "Clarke", "Turner", "Morgan", "Reid", "Walsh", "Khan", "Foster", "Bennett", "Price", "Lloyd", "Murphy", "Hall", "Ward", "Fletcher", "Campbell", "Shaw", "Barnes", "Cole", "Grant", "Holmes", "O'Brien", "MacLeod"],
    "US": ["Johnson", "Miller", "Rodriguez", "Nguyen", "Okafor", "Brooks", "Sullivan", "Ramirez", "Coleman", "Park", "Fischer", "Henderson", "Ortiz", "Washington"],
    "NL": ["de Vries", "Jansen", "van den Berg", "Bakker", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van Dijk", "Schouten", "Willems", "Hoekstra", "Koster", "Verhoeven", "Prins", "Postma"],
    "SE": ["Lindqvist", "Johansson", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Holm", "Bergström", "Sjöberg", "Nyström", "Ekström", "Wallin"],
}
# Colleagues named in tickets: the phrasings say "she" and "her".
COLLEAGUE_NAMES = {
    "GB": ["Emma", "Olivia", "Sophie", "Hannah", "Laura", "Rachel", "Amy", "Lucy", "Grace", "Sarah", "Megan", "Natalie", "Zoe", "Fiona", "Aisha", "Chloe", "Niamh"],
    "US": ["Jessica", "Ashley", "Keisha", "Megan", "Lauren", "Nicole", "Rosa", "Brittany", "Monica", "Dana"],
    "NL": ["Anna", "Sanne", "Lisa", "Eva", "Femke", "Marloes", "Iris", "Linda", "Esther", "Mirjam", "Fleur", "Annelies", "Noor", "Hanneke", "Yvonne", "Maaike", "Ilse"],
    "SE": ["Karin", "Maria", "Eva", "Sofia", "Emma", "Linnea", "Ida", "Sara", "Maja", "Frida"],
}
COMPANIES = {
    "GB": ["Brightfield Logistics", "Harbour & Vine Studio", "Northgate Dental Group", "Copperleaf Marketing", "Pine Street Architects", "Kestrel Events", "Bluebell Nursery", "Summit Ridge Consulting", "Oakmoor Joinery", "Tidewater Surveys", "Little Fox Films", "Greyfriars Accountancy"],
    "US": ["Red Mesa Builders", "Hudson Lane Media", "Cedar & Stone Interiors", "Lakeshore Family Clinic", "Brightpath Tutoring", "Ironwood Software", "Maple Row Realty"],
    "NL": ["Van Dijk Installatietechniek", "Bakkerij De Korenbloem", "Studio Noordlicht", "Groen & Co Hoveniers", "Kinderopvang Het Klavertje", "Jansen Bouw", "Fietsenmakerij De Spaak", "Adviesbureau Waterland", "Drukkerij Het Anker", "Tandartspraktijk Oost", "Vastgoedbeheer Rijnmond", "Eventbureau Zomerzin"],
    "SE": ["Lindqvist Bygg AB", "Norrsken Design", "Fjällbacka Event AB", "Östra Redovisning AB", "Skärgårdens Måleri", "Ekdal Arkitekter", "Vasa Tandvård"],
}
ADDRESSES = {
    "GB": ["14 Park Road, Leeds LS6 2AB", "Unit 3, Riverside Works, Bristol BS1 6UE", "221 Deansgate, Manchester M3 4EN", "7 Albion Street, Glasgow G1 1LH", "48 Kings Road, Brighton BN1 1NA", "Flat 2, 19 Mill Lane, Cambridge CB2 1RX"],
    "US": ["350 Hudson Street, Suite 4, New York, NY 10014", "1200 Pine Street, Seattle, WA 98101", "48 Congress Avenue, Austin, TX 78701", "77 Water Street, Floor 9, New York, NY 10005"],
    "NL": ["Keizersgracht 221, 1016 DV Amsterdam", "Oudegracht 118, 3511 AV Utrecht", "Stationsplein 4, 2011 LR Haarlem", "Westblaak 92, 3012 KM Rotterdam", "Vismarkt 7, 9712 CB Groningen", "Industrieweg 15, 5683 CN Best", "Dorpsstraat 33, 1721 BA Broek op Langedijk"],
    "SE": ["Sveavägen 44, 111 34 Stockholm", "Kungsgatan 12, 411 19 Göteborg", "Stortorget 3, 211 22 Malmö", "Storgatan 21, 903 26 Umeå"],
}
PERSONAL_DOMAINS = {"GB": ["example.co.uk", "mail.example"], "US": ["example.com", "mail.example"], "NL": ["example.nl", "mail.example"], "SE": ["example.se", "mail.example"]}
LOCALES = {"GB": "en-GB", "US": "en-US", "NL": "nl", "SE": "sv"}
COUNTRY_OF_LANGUAGE = {"nl": "NL", "sv": "SE"}

IOS_DEVICES = ["iPhone 15", "iPhone 13 mini", "iPhone 16 Pro", "iPad Air"]
ANDROID_DEVICES = ["Pixel 8", "Samsung Galaxy S23", "Galaxy A54", "OnePlus 12"]
PASSWORDS = ["Tulpen!2026", "Harbour#Lights77", "Gr33nTea!Sept", "Fietsbel-4821", "Kanelbulle!99", "Brighton2026$"]

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
}
MONTHS_SHORT = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "nl": ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."],
    "sv": ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "sv": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
}
WEEKDAYS_SHORT = {
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "nl": ["ma", "di", "wo", "do", "vr", "za", "zo"],
    "sv": ["mån", "tis", "ons", "tors", "fre", "lör", "sön"],
}


@dataclass
class Person:
    id: int
    name: str
    first: str
    email: str
    country: str
    locale: str
    company: str
    domain: str
    title: str
    phone: str
    address: str


@dataclass
class Plan:
    """What one ticket is about, before its conversation is written."""

    topic: dict | None
    lang: str
    subject: str
    body: str
    answer_key: str | None
    resolved: bool
    one_off: dict | None = None
    not_before: datetime | None = None
    created_at: datetime | None = None
    requester: Person | None = None
    channel: str = "email"
    id: int = 0
    subject_filled: str = ""


@dataclass
class Comment:
    author_id: int
    body: str
    public: bool
    at: datetime


@dataclass
class Thread:
    comments: list[Comment] = field(default_factory=list)
    reopens: int = 0
    solved_at: datetime | None = None
    status: str = ""


rng = random.Random(SEED)


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------

def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_offset(country: str, moment: datetime) -> timedelta:
    if country == "US":
        return timedelta(hours=-4 if moment < US_DST_END else -5)
    base = 0 if country == "GB" else 1
    return timedelta(hours=base + (1 if moment < EU_DST_END else 0))


def local(country: str, moment: datetime) -> datetime:
    return (moment + utc_offset(country, moment)).replace(tzinfo=None)


def minutes(start: datetime, end: datetime) -> int:
    return round((end - start).total_seconds() / 60)


def lognormal_minutes(median: float, spread: float = 0.8, low: float = 2, high: float = 60 * 24 * 4) -> timedelta:
    value = median * math.exp(rng.gauss(0, spread))
    return timedelta(seconds=round(min(max(value, low), high) * 60) + rng.randint(0, 59))


def working_time(moment: datetime) -> datetime:
    """The support team works weekdays 08:00-18:00 Amsterdam time; later work waits for the morning."""
    amsterdam = local("NL", moment)
    if amsterdam.weekday() < 5 and 8 <= amsterdam.hour < 18:
        return moment
    day = amsterdam.date()
    if amsterdam.hour >= 18 or amsterdam.weekday() >= 5:
        day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    start_local = datetime(day.year, day.month, day.day, 8, 0) + timedelta(minutes=rng.randint(0, 100), seconds=rng.randint(0, 59))
    guess = start_local.replace(tzinfo=timezone.utc) - utc_offset("NL", moment)
    return guess


def pick(items: list, weights: list | None = None):
    return rng.choices(items, weights=weights, k=1)[0] if weights else rng.choice(items)


def weighted_key(weights: dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)[0]


def slug(text: str) -> str:
    table = str.maketrans("åäöéëüï", "aaoeeui")
    text = text.lower().replace("&", "and").translate(table)
    text = re.sub(r"\b(ab|bv|ltd)\b", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def email_local(first: str, last: str, style: int) -> str:
    last_clean = re.sub(r"[^a-z]", "", last.lower().translate(str.maketrans("åäöéëü", "aaoeeu")))
    first_clean = first.lower().translate(str.maketrans("åäöéëü", "aaoeeu"))
    return [f"{first_clean}.{last_clean}", f"{first_clean[0]}.{last_clean}", f"{first_clean}", f"{first_clean}{last_clean[0]}"][style]


# ---------------------------------------------------------------------------------------------
# Personal data, formatted the way people in each country write it
# ---------------------------------------------------------------------------------------------

def digits(n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def phone_number(country: str) -> str:
    if country == "NL":
        mobile = "6" + digits(8)
        area = pick(["20", "30", "10", "70", "50", "40"])
        landline = digits(7)
        while landline.startswith(("0", "7941")):
            landline = digits(7)
        return pick([
            f"06 {mobile[1:]}",
            f"06-{mobile[1:]}",
            f"+31 6 {mobile[1:5]} {mobile[5:]}",
            f"+31 (0)6 {mobile[1:3]} {mobile[3:5]} {mobile[5:7]} {mobile[7:]}",
            f"0{area}-{landline}",
            f"0{area} {landline[:3]} {landline[3:]}",
        ])
    if country == "GB":
        tail = digits(3)
        return pick([f"+44 7700 900{tail}", f"07700 900 {tail}", f"07700 900{tail}", f"+44 (0)20 7946 0{tail}", f"020 7946 0{tail}"])
    if country == "US":
        tail = digits(2)
        area = pick(["212", "646", "206", "512", "415"])
        return pick([f"({area}) 555-01{tail}", f"{area}-555-01{tail}", f"+1 {area} 555 01{tail}"])
    mobile = digits(7)
    return pick([f"070-{mobile[:3]} {mobile[3:5]} {mobile[5:]}", f"+46 70 {mobile[:3]} {mobile[3:5]} {mobile[5:]}", f"08-{digits(3)} {digits(3)} {digits(2)}", f"073 {mobile[:3]} {mobile[3:5]} {mobile[5:]}"])


def money(country: str) -> str:
    value = pick([48.0, 72.0, 96.0, 112.0, 134.4, 168.0, 210.0, 336.0, 1152.0])
    if country == "GB":
        return f"£{value:,.2f}"
    if country == "US":
        return f"${value * 1.1:,.2f}"
    euro = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {euro}" if country == "NL" else f"{euro.replace('.', ' ')} euro"


def date_words(lang: str, country: str, moment: datetime, year: bool = False) -> str:
    day, month = moment.day, moment.month - 1
    if lang == "en" and country == "US":
        text = f"{MONTHS['en'][month]} {day}"
        return f"{text}, {moment.year}" if year else text
    text = f"{day} {MONTHS[lang][month]}"
    return f"{text} {moment.year}" if year else text


_used_invoices: set[str] = set()


def invoice_number() -> str:
    while True:
        number = f"TL-{rng.randint(400000, 499999)}"
        if number not in _used_invoices:
            _used_invoices.add(number)
            return number


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------

_used_user_ids: set[int] = set()
_used_names: set[str] = set()


def new_person(country: str, lang: str) -> Person:
    while True:
        first, last = pick(FIRST_NAMES[country]), pick(LAST_NAMES[country])
        if f"{first} {last}" not in _used_names:
            _used_names.add(f"{first} {last}")
            break
    while True:
        user_id = rng.randint(900100, 999999)
        if user_id not in _used_user_ids:
            _used_user_ids.add(user_id)
            break
    company = pick(COMPANIES[country])
    company_domain = f"{slug(company)}.example"
    domain = company_domain if rng.random() < 0.75 else pick(PERSONAL_DOMAINS[country])
    style = pick([0, 0, 0, 1, 2, 3]) if domain == company_domain else pick([0, 3])
    email = f"{email_local(first, last, style)}@{domain}"
    if domain == "mail.example":
        email = f"{email_local(first, last, 0)}{rng.randint(70, 99)}@{domain}"
    locale = LOCALES[country]
    return Person(
        id=user_id, name=f"{first} {last}", first=first, email=email, country=country, locale=locale,
        company=company, domain=company_domain, title=pick(CONVERSATION[lang]["titles"]),
        phone=phone_number(country), address=pick(ADDRESSES[country]),
    )


def colleague_of(person: Person) -> tuple[str, str]:
    while True:
        first = pick(COLLEAGUE_NAMES[person.country])
        if first != person.first:
            break
    last = pick(LAST_NAMES[person.country])
    return first, f"{email_local(first, last, pick([0, 0, 1]))}@{person.domain}"


# ---------------------------------------------------------------------------------------------
# Planning: which tickets exist
# ---------------------------------------------------------------------------------------------

def plan_topic_tickets() -> list[Plan]:
    plans: list[Plan] = []
    for topic in TOPICS:
        for lang, count in topic["tickets"].items():
            phrasings = list(topic["phrasings"][lang])
            answers = topic["answers"][lang]
            for p in phrasings:
                assert p.answer is None or p.answer in answers, (topic["key"], lang, p.answer)
            order: list = []
            while len(order) < count:
                batch = phrasings[:]
                rng.shuffle(batch)
                order.extend(batch)
            unresolved = max(1, round(count * UNRESOLVED_SHARE))
            states = [False] * unresolved + [True] * (count - unresolved)
            rng.shuffle(states)
            for phrasing, resolved in zip(order[:count], states):
                key = phrasing.answer or pick([k for k in topic["generic_answers"] if k in answers] or list(answers))
                not_before = phrasing.after or topic.get("answer_after", {}).get(key)
                plans.append(Plan(
                    topic=topic, lang=lang, subject=phrasing.subject, body=phrasing.body, answer_key=key,
                    resolved=resolved,
                    not_before=datetime.fromisoformat(not_before).replace(tzinfo=timezone.utc) if not_before else None,
                ))
    return plans


def plan_one_offs() -> list[Plan]:
    return [
        Plan(topic=None, lang=o["lang"], subject=o["subject"], body=o["body"], answer_key=None,
             resolved=o.get("status") is None, one_off=o,
             not_before=datetime.fromisoformat(o["after"]).replace(tzinfo=timezone.utc) if o.get("after") else None)
        for o in ONE_OFFS
    ]


def pick_created_at(plan: Plan) -> datetime:
    """A believable moment in the customer's day, inside the period (and any peak window)."""
    start, end = PERIOD_START, PERIOD_END
    if not plan.resolved and rng.random() < 0.8:
        start = datetime(2026, 10, 19, tzinfo=timezone.utc)
    peak = plan.topic.get("peak") if plan.topic else None
    if peak and rng.random() < peak[2]:
        peak_start = max(start, datetime.fromisoformat(peak[0]).replace(tzinfo=timezone.utc))
        peak_end = min(end, datetime.fromisoformat(peak[1]).replace(tzinfo=timezone.utc) + timedelta(hours=23))
        if peak_start < peak_end:
            start, end = peak_start, peak_end
    if plan.not_before:
        start = max(start, plan.not_before)
    if start >= end:
        raise ValueError(f"no room for a ticket about {plan.subject!r} between {start} and {end}")
    while True:
        day = start + timedelta(days=rng.randint(0, max((end - start).days, 0)))
        weekend = day.weekday() >= 5
        if weekend and rng.random() < 0.75:
            continue
        hour = pick(list(range(7, 23)), [2, 5, 8, 9, 8, 6, 7, 8, 8, 7, 5, 3, 2, 2, 2, 1])
        if plan.channel == "chat":
            hour = rng.randint(9, 16)
        local_moment = datetime(day.year, day.month, day.day, hour, rng.randint(0, 59), rng.randint(0, 59))
        moment = local_moment.replace(tzinfo=timezone.utc) - utc_offset(plan.requester.country, local_moment.replace(tzinfo=timezone.utc))
        if start <= moment <= end:
            return moment


def pick_channel(plan: Plan) -> str:
    if plan.topic and plan.topic["key"] == "mobile_sync":
        return pick(["email", "web", "chat", "mobile"], [35, 20, 10, 35])
    return pick(["email", "web", "chat", "mobile"], [55, 22, 15, 8])


# ---------------------------------------------------------------------------------------------
# Writing messages
# ---------------------------------------------------------------------------------------------

def fill(text: str, values: dict) -> str:
    return text.format_map(values)


def ticket_values(plan: Plan, agent: dict) -> dict:
    person, lang, created = plan.requester, plan.lang, plan.created_at
    colleague, colleague_email = colleague_of(person)
    first_last = person.name.split(" ", 1)
    last = first_last[1] if len(first_last) > 1 else first_last[0]
    new_domain = pick([f"{slug(pick(COMPANIES[person.country]))}.example", pick(PERSONAL_DOMAINS[person.country])])
    old_domain = pick([f"{slug(pick(COMPANIES[person.country]))}.example", pick(PERSONAL_DOMAINS[person.country])])
    if re.search(r"iPhone|iPad|iOS", plan.body):
        device = pick(IOS_DEVICES)
    elif re.search(r"Android|Samsung|Galaxy|Pixel", plan.body):
        device = pick(ANDROID_DEVICES)
    else:
        device = pick(IOS_DEVICES + ANDROID_DEVICES)
    last_month = (created.replace(day=1) - timedelta(days=1)).month - 1
    return {
        "email": person.email,
        "phone": person.phone,
        "company": person.company,
        "address": person.address,
        "first": person.first,
        "colleague": colleague,
        "colleague_email": colleague_email,
        "old_email": f"{email_local(person.first, last, 0)}@{old_domain}",
        "new_email": f"{email_local(person.first, last, pick([0, 1]))}@{new_domain}",
        "invoice": invoice_number(),
        "invoice2": invoice_number(),
        "po": f"PO-2026-{digits(4)}",
        "amount": money(person.country),
        "card4": digits(4),
        "seats": rng.randint(10, 40),
        "date": date_words(lang, person.country, created - timedelta(days=rng.randint(1, 9))),
        "end_date": date_words(lang, person.country, created + timedelta(days=rng.randint(12, 300)), year=True),
        "last_month": MONTHS[lang][last_month],
        "this_month": MONTHS[lang][created.month - 1],
        "device": device,
        "app_version": "5.12.0" if created >= datetime(2026, 9, 28, tzinfo=timezone.utc) else pick(["5.11.2", "5.11.3"]),
        "fake_password": pick(PASSWORDS),
        "test_card": "4111 1111 1111 1111",
        "iban": "NL91 ABNA 0417 1643 00",
        "agent": agent["name"].split()[0],
        "agent_first": agent["name"].split()[0],
        "agent_full": agent["name"],
        "jira": rng.randint(3800, 4999),
        "stripe": "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(14)),
        "account": rng.randint(100000, 299999),
        "account2": rng.randint(300000, 399999),
        "tenant": f"{digits(8)}-{digits(4)}-{digits(4)}-{digits(4)}-{digits(12)}",
        "job": f"job_{digits(6)}",
        "inc": rng.randint(200, 260),
    }


def signature(plan: Plan, values: dict) -> str:
    """Sign-off, name and (sometimes) a full email signature, as the customer's mail client adds it."""
    person, words = plan.requester, CONVERSATION[plan.lang]
    if plan.channel == "chat":
        return ""
    if plan.channel == "mobile":
        platform = "Android" if values["device"] in ANDROID_DEVICES else "iOS"
        return f"--\nTasklane for {platform} {values['app_version']} · {values['device']}"
    roll = rng.random()
    if roll < 0.12:
        return ""
    if roll < 0.35:
        return fill(pick(words["inline_signoffs"]), values)
    lines = [pick(words["signoffs"]), person.name if rng.random() < 0.7 else person.first]
    if plan.channel == "email" and rng.random() < 0.6:
        lines.append(person.title)
        lines.append(person.company)
        label = {"en": pick(["", "T: ", "M: ", "Mob: ", "Tel: "]), "nl": pick(["", "T ", "M: ", "Tel.: ", "Mob. "]), "sv": pick(["", "Tel: ", "Mobil: "])}[plan.lang]
        lines.append(label + person.phone)
        if rng.random() < 0.35:
            lines.append(person.address)
        if rng.random() < 0.3:
            lines.append(f"www.{person.domain}")
    elif rng.random() < 0.2:
        lines.append(pick(words["device_footers"]))
    return "\n".join(lines)


def first_message(plan: Plan, values: dict) -> str:
    words = CONVERSATION[plan.lang]
    body = fill(plan.body, values)
    if plan.channel == "chat":
        opener = pick(["", "", "hi, ", "Hi! ", "hello - "]) if plan.lang == "en" else pick(["", "", "Hoi, ", "Hallo! "]) if plan.lang == "nl" else pick(["", "Hej! "])
        return opener + body
    greeting = pick(words["greetings"])
    parts = [greeting, body] if greeting else [body]
    sig = signature(plan, values)
    if sig:
        parts.append(sig)
    return "\n\n".join(parts)


def agent_message(plan: Plan, values: dict, text: str, opener: str | None = "", closer: bool = True) -> str:
    """An agent's public reply; opener "" picks a usual first line, None leaves it out."""
    words = CONVERSATION[plan.lang]
    text = fill(text, values)
    if plan.channel == "chat":
        lead = f"{opener} " if opener else ""
        return fill(pick(words["chat_greetings"]), values) + " " + lead + text
    greetings = [g for g in words["agent_greetings"] if opener == "" or not g.endswith(".")]
    parts = [fill(pick(greetings), values)]
    openers = words["agent_openers"] + (words["agent_openers_problem"] * 2 if is_problem(plan) else [])
    line = fill(pick(openers), values) if opener == "" else opener
    if line and not parts[0].endswith("touch."):
        parts.append(line)
    parts.append(text)
    if closer:
        line = pick(words["agent_closers"] + (words["agent_closers_problem"] * 2 if is_problem(plan) else []))
        if line:
            parts.append(line)
    parts.append(fill(pick(words["agent_signoffs"]), values))
    return "\n\n".join(parts)


def is_problem(plan: Plan) -> bool:
    kind = plan.topic["type"] if plan.topic else plan.one_off["type"]
    return kind in ("problem", "incident")


def quote_header(plan: Plan, author: str, author_email: str, moment: datetime) -> str:
    lang, country = plan.lang, plan.requester.country
    when = local(country, moment)
    dow, mon = when.weekday(), when.month - 1
    if lang == "en" and country == "US":
        hour12 = when.strftime("%I:%M %p").lstrip("0")
        return f"On {WEEKDAYS_SHORT['en'][dow]}, {MONTHS_SHORT['en'][mon]} {when.day}, {when.year} at {hour12} {author} <{author_email}> wrote:"
    if lang == "en":
        return f"On {WEEKDAYS_SHORT['en'][dow]}, {when.day} {MONTHS_SHORT['en'][mon]} {when.year} at {when:%H:%M}, {author} <{author_email}> wrote:"
    if lang == "nl":
        return f"Op {WEEKDAYS_SHORT['nl'][dow]} {when.day} {MONTHS_SHORT['nl'][mon]} {when.year} om {when:%H:%M} schreef {author} <{author_email}>:"
    return f"Den {WEEKDAYS_SHORT['sv'][dow]} {when.day} {MONTHS_SHORT['sv'][mon]} {when.year} kl {when:%H:%M} skrev {author} <{author_email}>:"


def outlook_header(plan: Plan, author: str, author_email: str, moment: datetime, subject: str) -> str:
    lang, person = plan.lang, plan.requester
    when = local(person.country, moment)
    if lang == "nl":
        sent = f"{WEEKDAYS['nl'][when.weekday()]} {when.day} {MONTHS['nl'][when.month - 1]} {when.year} {when:%H:%M}"
        return f"Van: {author} <{author_email}>\nVerzonden: {sent}\nAan: {person.name} <{person.email}>\nOnderwerp: RE: {subject}"
    if lang == "sv":
        sent = f"den {when.day} {MONTHS['sv'][when.month - 1]} {when.year} {when:%H:%M}"
        return f"Från: {author} <{author_email}>\nSkickat: {sent}\nTill: {person.name} <{person.email}>\nÄmne: SV: {subject}"
    sent = f"{WEEKDAYS['en'][when.weekday()]}, {MONTHS['en'][when.month - 1]} {when.day}, {when.year} {when.strftime('%I:%M %p').lstrip('0')}"
    return f"________________________________\nFrom: {author} <{author_email}>\nSent: {sent}\nTo: {person.name} <{person.email}>\nSubject: RE: {subject}"


def customer_reply(plan: Plan, values: dict, text: str, previous: Comment, agent: dict, earlier: Comment | None) -> str:
    """A follow-up as a mail client writes it: greeting, text, sign-off, then the quoted thread."""
    words = CONVERSATION[plan.lang]
    text = fill(text, values)
    if plan.channel in ("chat", "mobile"):
        return text
    greeting = fill(pick(words["greetings_to_agent"]), values)
    parts = [greeting, text] if greeting else [text]
    if rng.random() < 0.75:
        parts.append(fill(pick(words["inline_signoffs"]), values))
    if rng.random() < 0.15:
        parts.append(pick(words["device_footers"]))
    if rng.random() < 0.2:
        return "\n\n".join(parts)  # some people delete the history
    agent_email = f"{email_local(*agent['name'].split(), 0)}@tasklane.example"
    if rng.random() < 0.3:
        header = outlook_header(plan, agent["name"], agent_email, previous.at, plan.subject_filled)
        quoted = "##- Please type your reply above this line -##\n\n" + previous.body if rng.random() < 0.5 else previous.body
        return "\n\n".join(parts) + "\n\n" + header + "\n\n" + quoted
    lines = [quote_header(plan, agent["name"], agent_email, previous.at)]
    if rng.random() < 0.5:
        lines.append("> ##- Please type your reply above this line -##")
        lines.append(">")
    lines.extend(f"> {line}" if line else ">" for line in previous.body.splitlines())
    if earlier is not None and rng.random() < 0.4:
        lines.append(">")
        lines.append("> " + quote_header(plan, plan.requester.name, plan.requester.email, earlier.at))
        lines.extend(f">> {line}" if line else ">>" for line in earlier.body.splitlines())
    return "\n\n".join(parts) + "\n\n" + "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Conversations
# ---------------------------------------------------------------------------------------------

def agent_delay(plan: Plan, first: bool) -> timedelta:
    if plan.channel == "chat":
        return timedelta(minutes=rng.randint(1, 7), seconds=rng.randint(0, 59))
    group = plan.topic["group"] if plan.topic else plan.one_off["group"]
    median = FIRST_REPLY_MEDIAN[group] * (1 if first else 0.7)
    if plan.lang == "sv":
        median *= SWEDISH_SLOWDOWN
    return lognormal_minutes(median)


def customer_delay(plan: Plan) -> timedelta:
    if plan.channel == "chat":
        return timedelta(minutes=rng.randint(1, 6), seconds=rng.randint(0, 59))
    return lognormal_minutes(100, spread=1.0, low=4, high=60 * 24 * 3)


def answer_text(plan: Plan, key: str | None) -> str:
    if plan.one_off:
        return plan.one_off["answer"]
    return plan.topic["answers"][plan.lang][key]


def build_thread(plan: Plan, agent: dict, values: dict) -> Thread:
    """The public conversation of one ticket, with consistent timestamps and status."""
    words = CONVERSATION[plan.lang]
    person = plan.requester
    thread = Thread()
    comments = thread.comments
    question = Comment(person.id, first_message(plan, values), True, plan.created_at)
    comments.append(question)
    now = plan.created_at

    def agent_says(text: str, first: bool = False, **kw) -> Comment:
        nonlocal now
        now = working_time(now + agent_delay(plan, first)) if plan.channel != "chat" else now + agent_delay(plan, first)
        comment = Comment(agent["id"], agent_message(plan, values, text, **kw), True, now)
        comments.append(comment)
        return comment

    def customer_says(text: str, previous: Comment, earlier: Comment | None = None) -> Comment:
        nonlocal now
        now = now + customer_delay(plan)
        comment = Comment(person.id, customer_reply(plan, values, text, previous, agent, earlier), True, now)
        comments.append(comment)
        return comment

    final_key = plan.answer_key
    has_answer = bool(answer_text(plan, final_key)) if (plan.one_off or final_key) else False

    if not plan.resolved:
        thread.status = plan.one_off.get("status", "open") if plan.one_off else pick(["open", "pending"])
        if not has_answer or (thread.status == "open" and (plan.one_off or rng.random() < 0.4)):
            # Nobody has answered yet; after a few days the customer chases.
            if EXPORT_AT - now > timedelta(days=3):
                now = now + timedelta(days=rng.randint(2, 4), minutes=rng.randint(0, 600))
                comments.append(Comment(person.id, fill(pick(words["nudges"]), values), True, now))
            thread.status = "open"
            return thread
        if thread.status == "pending":
            if rng.random() < 0.5 and not plan.one_off:
                agent_says(pick(words["clarify"]), first=True, closer=False)
            else:
                agent_says(answer_text(plan, final_key), first=True)
            return thread
        # open: the usual answer did not fit, and the customer is waiting for the next one
        standard = next(iter(plan.topic["answers"][plan.lang]))
        if final_key == standard:
            reply = agent_says(pick(words["clarify"]), first=True, closer=False)
            customer_says(pick(words["clarify_replies"]), reply, question)
        else:
            reply = agent_says(answer_text(plan, standard), first=True)
            customer_says(pick(words["still_broken" if is_problem(plan) else "not_answered"]), reply, question)
        return thread

    flow = pick(["direct", "thanks", "clarify", "clarify_thanks", "reopen", "again", "reopen_twice", "welcome"], [38, 24, 13, 5, 8, 5, 4, 3])
    standard = next(iter(plan.topic["answers"][plan.lang])) if plan.topic else None
    if plan.one_off:
        flow = pick(["direct", "thanks", "clarify"], [60, 30, 10])
    if flow in ("reopen", "reopen_twice") and final_key == standard:
        flow = "again"
    if flow == "reopen_twice" and not is_problem(plan):
        flow = "reopen"
    if (flow == "again" and not is_problem(plan)) or (plan.channel == "chat" and flow in ("reopen", "again", "reopen_twice")):
        flow = "thanks"

    previous, earlier = None, question
    if flow.startswith("clarify"):
        ask = agent_says(pick(words["clarify"]), first=True, closer=False)
        previous = customer_says(pick(words["clarify_replies"]), ask, question)
        earlier = None
    if flow.startswith("reopen"):
        # The agent first sends the usual answer; it does not fit, the customer says so.
        reply = agent_says(answer_text(plan, standard), first=True)
        previous = customer_says(pick(words["still_broken" if is_problem(plan) else "not_answered"]), reply, question)
        thread.reopens += 1
        earlier = None
    if previous is None:
        lead = ""
    elif flow.startswith("reopen"):
        lead = pick(words["retry_openers"])
    else:
        lead = pick(words["after_clarify"])
    answer = agent_says(answer_text(plan, final_key), first=(len(comments) == 1), opener=lead)
    thread.solved_at = answer.at
    if flow in ("again", "reopen_twice"):
        # Days later the problem is back and the solved ticket is reopened.
        now = answer.at + timedelta(days=rng.randint(2, 12), minutes=rng.randint(0, 600), seconds=rng.randint(0, 59))
        comments.append(Comment(person.id, customer_reply(plan, values, pick(words["again"]), answer, agent, None), True, now))
        thread.reopens += 1
        answer = agent_says(answer_text(plan, final_key), opener=pick(words["again_openers"]))
        thread.solved_at = answer.at
    if flow in ("thanks", "clarify_thanks", "welcome") or (flow.startswith("reopen") and rng.random() < 0.5):
        thanks = customer_says(pick(words["thanks" if is_problem(plan) else "thanks_question"]), answer, earlier)
        if flow == "welcome":
            now = working_time(now + timedelta(minutes=rng.randint(5, 90), seconds=rng.randint(0, 59)))
            comments.append(Comment(agent["id"], agent_message(plan, values, pick(words["welcome"]), opener=None, closer=False), True, now))
            thread.solved_at = now
        else:
            thread.solved_at = working_time(thanks.at + timedelta(minutes=rng.randint(3, 120), seconds=rng.randint(0, 59)))
    return thread


def person_id(plan: Plan) -> int:
    return plan.requester.id


def add_internal_note(plan: Plan, thread: Thread, agent: dict, values: dict) -> None:
    group = plan.topic["group"] if plan.topic else plan.one_off["group"]
    note_lang = "en"
    if plan.lang in ("nl", "sv") and rng.random() < 0.5:
        note_lang = plan.lang
    choices = [text for groups, lang, text in INTERNAL_NOTES if lang == note_lang and (groups is None or group in groups)]
    if not choices:
        choices = [text for groups, lang, text in INTERNAL_NOTES if lang == "en" and groups is None]
    author = agent["id"] if rng.random() < 0.7 else TEAM_LEAD
    comments = thread.comments
    position = rng.randint(1, len(comments))
    before = comments[position - 1].at
    after = comments[position].at if position < len(comments) else EXPORT_AT
    gap = (after - before).total_seconds()
    if position < len(comments) and comments[position].author_id != person_id(plan):
        # Agents write notes while working on the ticket: just before a reply of theirs.
        at = after - timedelta(seconds=round(min(gap * 0.5, rng.randint(60, 1800))))
    else:
        at = before + timedelta(seconds=round(min(gap * 0.5, rng.randint(120, 3600))))
        during_work = working_time(at)
        if during_work < after:
            at = during_work
    note = Comment(author, fill(pick(choices), values), False, at)
    comments.insert(position, note)


# ---------------------------------------------------------------------------------------------
# Assembling the export
# ---------------------------------------------------------------------------------------------

def choose_agent(lang: str) -> dict:
    if lang == "sv":
        return AGENTS[5]
    if lang == "nl":
        return pick([AGENTS[3], AGENTS[4]])
    return pick(AGENTS[:5], [30, 15, 30, 6, 6])


def satisfaction(plan: Plan, thread: Thread) -> str:
    if not thread.solved_at:
        return "unoffered"
    good, bad, offered, unoffered = 50, 8, 25, 17
    if thread.reopens:
        good, bad = 25, 35
    if plan.topic and plan.topic["key"] in ("reset_password", "double_charge_refund"):
        bad += 12
    if plan.channel == "chat":
        offered, unoffered = 10, 40
    return pick(["good", "bad", "offered", "unoffered"], [good, bad, offered, unoffered])


def assign_people(plans: list[Plan]) -> dict[int, Person]:
    people: dict[int, Person] = {}
    returning: dict[str, list[Person]] = {"en": [], "nl": [], "sv": []}
    for plan in plans:
        if returning[plan.lang] and rng.random() < 0.08:
            person = pick(returning[plan.lang])
        else:
            if plan.lang == "en":
                # Some Dutch and Swedish customers write to us in English.
                country = pick(["GB", "US", "NL", "SE"], [58, 36, 4, 2])
            else:
                country = COUNTRY_OF_LANGUAGE[plan.lang]
            person = new_person(country, plan.lang)
            returning[plan.lang].append(person)
        people[person.id] = person
        plan.requester = person
        plan.channel = pick_channel(plan)
    return people


def build_ticket(plan: Plan) -> tuple[dict, Thread]:
    agent = choose_agent(plan.lang)
    values = ticket_values(plan, agent)
    plan.subject_filled = fill(plan.subject, values)
    thread = build_thread(plan, agent, values)
    if rng.random() < INTERNAL_NOTE_SHARE:
        add_internal_note(plan, thread, agent, values)
    public_agent = [c for c in thread.comments if c.public and c.author_id == agent["id"]]
    last_at = max(c.at for c in thread.comments)
    if thread.solved_at:
        closed_at = thread.solved_at + CLOSE_AFTER + timedelta(minutes=rng.randint(0, 59))
        thread.status = "closed" if closed_at < EXPORT_AT else "solved"
        updated_at = closed_at if thread.status == "closed" else max(thread.solved_at, last_at)
    else:
        updated_at = last_at
    group = plan.topic["group"] if plan.topic else plan.one_off["group"]
    tags = list(plan.topic["tags"] if plan.topic else plan.one_off["tags"])
    if rng.random() < 0.08:
        tags.append("vip")
    if plan.lang != "en":
        tags.append(f"lang_{plan.lang}")
    priority = weighted_key(plan.topic["priority"]) if plan.topic else plan.one_off["priority"]
    ticket_type = plan.topic["type"] if plan.topic else plan.one_off["type"]
    if plan.topic and plan.topic["key"] == "mobile_sync" and plan.answer_key == "known_bug" and rng.random() < 0.5:
        ticket_type = "incident"
    first_reply = public_agent[0].at if public_agent else None
    ticket = {
        "id": plan.id,
        "subject": plan.subject_filled,
        "description": thread.comments[0].body,
        "status": thread.status,
        "priority": priority,
        "type": ticket_type,
        "tags": tags,
        "via": {"channel": plan.channel},
        "group_id": GROUP_IDS[group],
        "requester_id": plan.requester.id,
        "assignee_id": agent["id"] if public_agent or len(thread.comments) > 1 or rng.random() < 0.5 else None,
        "created_at": iso(plan.created_at),
        "updated_at": iso(updated_at),
        "satisfaction_rating": {"score": satisfaction(plan, thread)},
        "metric_set": {
            "reopens": thread.reopens,
            "replies": len(public_agent),
            "solved_at": iso(thread.solved_at) if thread.solved_at else None,
            "reply_time_in_minutes": {"calendar": minutes(plan.created_at, first_reply) if first_reply else None},
            "full_resolution_time_in_minutes": {"calendar": minutes(plan.created_at, thread.solved_at) if thread.solved_at else None},
        },
        "comments": [],
    }
    return ticket, thread


def main() -> None:
    plans = plan_topic_tickets() + plan_one_offs()
    rng.shuffle(plans)
    people = assign_people(plans)

    tickets: list[tuple[Plan, dict, Thread]] = []
    for plan in plans:
        for _ in range(50):
            plan.created_at = pick_created_at(plan)
            ticket, thread = build_ticket(plan)
            if max(c.at for c in thread.comments) < EXPORT_AT and (not thread.solved_at or thread.solved_at < EXPORT_AT):
                break
        else:
            raise SystemExit(f"could not fit a ticket about {plan.subject!r} before the export time")
        tickets.append((plan, ticket, thread))

    # Ticket ids grow with time, with gaps where spam and merged tickets were deleted.
    tickets.sort(key=lambda item: item[0].created_at)
    next_id, next_comment = 48013, 27180040011
    for plan, ticket, thread in tickets:
        next_id += pick([1, 1, 1, 2, 3])
        plan.id = ticket["id"] = next_id
        thread.comments.sort(key=lambda c: c.at)
        for comment in thread.comments:
            next_comment += rng.randint(3, 40)
            ticket["comments"].append({
                "id": next_comment, "author_id": comment.author_id, "body": comment.body,
                "public": comment.public, "created_at": iso(comment.at),
            })
        ticket["description"] = ticket["comments"][0]["body"]

    users = [
        {"id": a["id"], "name": a["name"], "email": f"{email_local(*a['name'].split(), 0)}@tasklane.example", "role": a["role"], "locale": a["locale"]}
        for a in AGENTS
    ] + [
        {"id": p.id, "name": p.name, "email": p.email, "role": "end-user", "locale": p.locale}
        for p in sorted(people.values(), key=lambda p: p.id)
    ]
    export = {"tickets": [t for _, t, _ in tickets], "users": users, "groups": GROUPS}
    EXPORT_FILE.write_text(json.dumps(export, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    with open(TRUTH_FILE, "w", newline="", encoding="utf-8") as fp:
        writer = csv.writer(fp, lineterminator="\n")
        writer.writerow(["ticket_id", "topic_key", "language"])
        for plan, ticket, _ in tickets:
            writer.writerow([ticket["id"], plan.topic["key"] if plan.topic else "", plan.lang])
    print(f"wrote {len(tickets)} tickets, {len(users)} users to {EXPORT_FILE.name}; truth in {TRUTH_FILE.name}")


if __name__ == "__main__":
    main()
