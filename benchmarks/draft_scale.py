"""`kbgen draft` at the scale of a year of tickets: time, memory and topic quality, 100k to 1M.

    python benchmarks/draft_scale.py                          # 100k (3 runs), 300k and 1M (1 run each)
    python benchmarks/draft_scale.py --sizes 100000 --runs 3
    python benchmarks/draft_scale.py --sizes 50000 --runs 1 --work /tmp/kbgen-bench
    python benchmarks/draft_scale.py --sizes 1000000 --generate-only
    python benchmarks/draft_scale.py --sizes 100000 --extra "--engine semantic" --keep /tmp/kept
    python benchmarks/draft_scale.py --sizes 1000000 --incremental 20000   # a week on top of a year

The export, ``draft-scale-<n>.csv`` (generic CSV: ticket_id, subject, description, status,
created_at, resolved_at, tags, conversation), and its truth, ``draft-scale-<n>.truth.csv``
(ticket_id, question; "" for a one-off), are written once per size into --work from a fixed
seed. Ticket k of n (ids 1..n) is created k/n of the way through 2026 and is, by one draw:

- 78% Banking77: a random query of --data's tickets.csv, question ``b77:<intent>`` from
  labels.csv. Varied by a greeting (30%); one more sentence of specifics (40%: an amount, a
  date, one of 30 fictional shops, a card's last four digits, a reference, or an email address
  or phone number for redaction to remove); two adjacent letters swapped in one word of 5+
  letters (8%); a sign-off with a first name (20%). Subject: the query's first 4-8 words (75%),
  else a generic one ("Card problem", "Question", ...).
- 17% Tasklane (examples/ticket_text.py): a topic and language drawn by the topic's ``tickets``
  counts, one of that language's phrasings allowed at the ticket's date (``after``), its
  {placeholders} filled from FILLERS (others: "it"), greeting (30%) and sign-off (20%) from
  its CONVERSATION words. Question ``tl:<key>:<lang>``: kbgen drafts each language apart.
- 5% one-offs, question "": one of 14 odd questions (ODD_FRAMES) with 3-4 slots filled from
  shared word lists (ODD_WORDS; about 2.6 million sentences), greeting and sign-off as above.
  ONE_OFFS is not used: its 33 tickets would recur hundreds of times at this scale and so be
  real topics.

Conversation: the customer's first message (= description); an agent reply (Banking77 and
one-offs: one of 25 generic replies that say nothing of the question; Tasklane: the
phrasing's answer, else one of the topic's generic answers, between the agent's greeting and
sign-off); 40% a customer follow-up in the ticket's language (thanks, or still broken), and
half of those a second agent reply to it. 90% are ``solved`` with resolved_at 1-48 h after the
last message, the rest ``open`` with none; tags are 0-2 of a small list.

Each size runs ``kbgen draft --assignments`` in a fresh process and a fresh temp dir per run
(default: 3 runs up to 100k tickets, 1 above) and reports the median wall time, the largest
peak RSS (os.wait4), the median step times kbgen prints and, from the last run's assignments,
counting only resolved tickets with a question:

- purity: the ticket-weighted share of each draft's majority question;
- coverage: the share of those tickets in a draft;
- drafts per question: drafts with such tickets / questions that are some draft's majority;
- questions found: the share of questions with >= 20 such tickets that are some draft's
  majority.

Drafts holding only one-offs and open tickets are counted apart ("one-off drafts"). Targets
(the 2-core machine): 1M tickets in <= 20 min and <= 6 GB peak RSS; 100k in <= 60 s; time per
ticket at 1M <= 1.5x that at 100k; drafts per question at 1M <= 100k's and <= 1.5; purity at
1M at most 0.02 below 100k's. A target whose sizes were not run is skipped.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import partial
from itertools import accumulate
from pathlib import Path

from common import cached_export

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "banking77"
SIZES = [100_000, 300_000, 1_000_000]
SEED = 20260101
MIN_QUESTION_TICKETS = 20
TAIL_LINES = 30
TARGET_1M_SECONDS = 20 * 60
TARGET_1M_RSS_MB = 6 * 1024
TARGET_100K_SECONDS = 60.0
TARGET_SLOWDOWN = 1.5  # seconds per ticket at 1M / at 100k
TARGET_DRAFTS_PER_QUESTION = 1.5
TARGET_PURITY_DROP = 0.02

HEADER = ["ticket_id", "subject", "description", "status", "created_at", "resolved_at", "tags", "conversation"]
YEAR_START = datetime(2026, 1, 1, tzinfo=timezone.utc)
YEAR_SECONDS = 365 * 86400
TAGS = ["card", "payments", "transfer", "account", "app", "billing", "web", "email", "chat", "vip", "urgent"]

FIRST_NAMES = {
    "en": ["Anna", "Tom", "Priya", "James", "Sophie", "Daniel", "Grace", "Omar", "Chloe", "Liam", "Maya", "Ben",
           "Olivia", "Sam", "Ella", "Noah", "Zoe", "Ravi", "Hannah", "Jack"],
    "nl": ["Sanne", "Daan", "Lotte", "Joris", "Femke", "Bram", "Eva", "Thijs", "Noor", "Ruben"],
    "sv": ["Elin", "Oskar", "Maja", "Erik", "Ebba", "Linnea", "Axel", "Saga", "Johan", "Klara"],
}
LAST_NAMES = ["Walker", "Patel", "de Vries", "Lindqvist", "Okafor", "Bakker", "Hughes", "Svensson", "Jansen", "Moreau",
              "Kowalski", "Nguyen", "Fischer", "Brennan", "Haddad"]
AGENTS = ["Sam Porter", "Priya Shah", "Lars Eklund", "Marieke Smit", "Jonas Berg", "Alex Reed"]
MAIL_DOMAINS = ["example.com", "example.org", "mail.example", "post.example.net"]
SHOPS = [
    "Harbour Lane Bakery", "Greenfield Grocers", "Pixel & Pine", "The Copper Kettle", "Northgate Books", "Bluebell Florist",
    "Riverside Cycles", "Maple Street Deli", "Orbit Electronics", "Sunny Side Cafe", "Lark & Co", "Quayside Fish Bar",
    "Brightwater Pharmacy", "Oak & Anchor", "Tallis Hardware", "Moonrise Cinema", "Cobble Hill Coffee",
    "Fernwood Garden Centre", "Starling Shoes", "The Velvet Ladle", "Hilltop Fuel", "Juniper Market", "Kestrel Travel",
    "Marlowe Music", "Nettle & Thyme", "Pebble Beach Surf", "Redbrick Pizza", "Saffron Spice", "Thistle Tea Rooms",
    "Wren's Toy Shop",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

GREETINGS = ["Hi,", "Hello,", "Hello team,", "Good morning,", "Good afternoon,", "Hi there,", "Dear support,", "Hey,",
             "Hiya,", "Morning,", "Hello support team,", "Dear Sir or Madam,"]
SIGNOFFS = ["Thanks,\n{first}", "Kind regards,\n{first}", "Cheers, {first}", "Best,\n{first}", "{first}",
            "Many thanks, {first}", "Regards,\n{first} {last}", "Thanks in advance,\n{first}"]
GENERIC_SUBJECTS = ["Card problem", "Question", "Help", "Help please", "Quick question", "Account query", "Payment issue",
                    "Urgent", "Problem with my account", "Query", "Need help", "Issue"]
SPECIFICS = [
    "The amount was {amount}.", "It was for {amount}.", "This happened on {date}.", "It was on {date} if that helps.",
    "It was at {shop}.", "The payment was to {shop}.", "I paid {amount} at {shop} on {date}.", "My card ends in {card4}.",
    "The card ending {card4} is the one.", "The reference is {ref}.", "Transaction reference: {ref}.",
    "You can reach me at {email}.", "My email is {email} if you need it.", "Please call me on {phone}.",
    "My number is {phone}.",
]

# Replies that say nothing of the question: the grouping has to come from the customer's words.
AGENT_REPLIES = [
    "Thanks for getting in touch, I've looked into your account and made a note of what you told us. A colleague from the right team will follow up if anything else is needed.",
    "Thank you for your message. I've checked this for you and everything should now be in order.",
    "Thanks for reaching out! I've passed this on to the team and updated your account.",
    "Sorry for the wait. I've had a look and sorted this out on our side; please let us know if anything still looks wrong.",
    "Thanks for your patience. I've reviewed your account and the details you sent.",
    "Thanks for contacting us. I've checked the details and replied to your question in the app as well.",
    "Thanks! Done.",
    "I've looked into this for you. Everything looks fine from our end now.",
    "Thank you for explaining. I've made the change you asked for; it can take a little while to show in the app.",
    "Good question! I've added some information to your account notes and sent you an email with more detail.",
    "Sorry to hear about this. I've raised it with the relevant team and they will be in touch within two working days.",
    "Thanks for your message. This is sorted now.",
    "I've checked our records and can confirm we have everything we need from you. Nothing else to do on your side.",
    "Thank you for your patience while I looked into this. I've updated your account and you should see the change shortly. If not, just reply to this message and I'll take another look.",
    "Thanks for letting us know. I've gone through your recent activity and everything is as it should be.",
    "Happy to help. I've sent the details to the email address on your account.",
    "Apologies for the trouble. I've fixed this on our side.",
    "Thanks for the information. I've forwarded your request and you'll get a notification in the app once it's done.",
    "I understand, and I'm sorry for the inconvenience. I've taken care of it and added a note to your profile so the team knows the history.",
    "Thanks for writing in. I've reviewed what you sent and answered in full by email; have a look in your inbox.",
    "Done - all sorted.",
    "Thanks for checking with us first, that was the right thing to do. I've confirmed everything on our side.",
    "Thanks for your message. I can see what happened and I've put it right. You don't need to do anything else.",
    "I've had a look at this with a colleague and we've resolved it. Thanks for bearing with us.",
    "Thank you. I've updated our records as requested.",
]
AGENT_GREETINGS = ["Hi {first},", "Hello {first},", "Dear {first},", "Hi {first}, thanks for your message."]
AGENT_SIGNOFFS = ["Kind regards,\n{agent}\nCustomer Support", "Best wishes,\n{agent}", "Thanks,\n{agent}", "{agent}, Support team"]
FOLLOW_UPS_EN = {
    "thanks": ["Thanks, that worked!", "Great, thank you.", "Perfect, all sorted now.", "Thanks for the quick help!",
               "That's done it, cheers."],
    "problem": ["Any update?", "I tried that and it still fails.", "Still not working, I'm afraid.",
                "Hello? Still waiting on this.", "That didn't help, it's the same as before.",
                "Sorry, that doesn't answer my question."],
}
SECOND_REPLIES_EN = {
    "thanks": ["Glad to hear it! Have a good day.", "You're welcome.", "Great, I'll close this now."],
    "problem": ["Sorry it's still not right. I've escalated this to a specialist who will contact you today.",
                "Apologies for the delay. I've checked again and made a further change; please try once more.",
                "Sorry about that. Could you send a screenshot of what you see? That will help us look further."],
}

# Tasklane placeholders -> fictional values, one drawn per occurrence.
FILLERS = {
    "email": ["jane.doe@example.com", "mark.jansen@example.org", "lisa.berg@mail.example", "o.patel@example.com"],
    "phone": ["+44 7700 900123", "+31 6 1234 5678", "+46 70 123 45 67", "020 794 1234"],
    "company": ["Brightside Studio", "Van Dijk Bouw", "Nordljus AB", "Harbour Events Ltd", "Kade & Co"],
    "address": ["12 Mill Lane, Bristol", "Keizersgracht 100, Amsterdam", "Storgatan 5, Uppsala"],
    "colleague": ["Emma", "Pieter", "Sara", "Tom"],
    "colleague_email": ["emma.reid@example.com", "pieter.smit@example.org", "sara.lund@mail.example"],
    "old_email": ["j.doe@oldmail.example", "mark@previous.example"],
    "new_email": ["jane@newmail.example", "mark.jansen@example.net"],
    "invoice": ["INV-2026-04817", "INV-2026-01123", "INV-2026-07745"],
    "invoice2": ["INV-2026-04818", "INV-2026-01190"],
    "po": ["PO-58213", "PO-10442"],
    "amount": ["€49.00", "€118.80", "$96.00", "£72.00"],
    "card4": ["4821", "0937", "5512", "7760"],
    "seats": ["8", "12", "25", "40"],
    "date": ["3 March", "14 May", "2 September", "21 November"],
    "end_date": ["31 March", "30 June", "31 December"],
    "last_month": ["February", "June", "October"],
    "this_month": ["March", "July", "November"],
    "device": ["iPhone 15", "Pixel 8", "Galaxy S23", "iPad Air"],
    "app_version": ["5.11.0", "5.12.1", "6.0.2"],
    "fake_password": ["Summer2026!", "Tulip#44", "Kaffe2026"],
    "test_card": ["4242 4242 4242 4242"],
    "iban": ["NL91 ABNA 0417 1643 00", "SE45 5000 0000 0583 9825 7466"],
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")
LONG_WORD = re.compile(r"[A-Za-z]{5,}")
SENTENCE_START = re.compile(r"(?:^|[.?!] )[a-z]")

# One-off questions: a frame whose slots come from word lists shared by all frames (about 2.6
# million sentences), so that the 50,000 one-offs of a million tickets hold few exact repeats.
ODD_WORDS = {
    "thing": ["grandfather clock", "rowing boat", "beehive", "church organ", "rocking horse", "vintage typewriter", "cello",
              "jukebox", "telescope", "sourdough starter", "canoe", "harp", "greenhouse", "pinball machine", "sewing machine",
              "tandem bicycle", "bread oven", "ship in a bottle", "kiln", "weather vane", "gramophone", "sundial", "loom",
              "tuba", "chess set", "dolls' house", "birdhouse", "wood stove", "model railway", "accordion", "hammock",
              "lighthouse lamp", "telephone box", "carousel horse", "ice cream cart", "narrowboat", "bonsai tree",
              "tractor", "barrel organ", "hot air balloon"],
    "group": ["youth club", "book group", "village choir", "student society", "rugby team", "allotment society",
              "drama group", "hiking club", "parish council", "knitting circle", "chess club", "scout troop",
              "community radio", "rowing club", "care home", "primary school", "sailing club", "brass band", "film society",
              "swimming club", "bee-keeping society", "history society", "repair cafe", "quiz team", "running club",
              "local museum", "ukulele group", "robotics team", "gardening club", "darts team"],
    "town": ["Lisbon", "Glasgow", "Rotterdam", "Gothenburg", "Dublin", "Krakow", "Leeds", "Porto", "Bruges", "Tromso",
             "Galway", "Utrecht", "Malmo", "Cardiff", "Ghent", "Bergen", "Aarhus", "Bilbao", "Turin", "Lyon", "Brno",
             "Tallinn", "Riga", "Innsbruck", "Salzburg", "Seville", "Nantes", "Inverness", "Plymouth", "Groningen"],
    "occasion": ["a summer fete", "our autumn tour", "a fundraiser in June", "the winter market", "our 50th anniversary",
                 "a wedding", "a school play", "a retirement party", "the harvest festival", "a charity auction",
                 "a street party", "an open day", "a christening", "a talent show", "a midsummer picnic",
                 "a New Year's dip", "a regatta", "a craft fair", "a memorial walk", "a film night"],
    "person": ["my neighbour", "my nephew", "my landlady", "my driving instructor", "my physiotherapist", "my grandson",
               "my flatmate", "a retired teacher", "my daughter", "my piano teacher", "our vicar", "my barber",
               "my old boss", "my godmother", "the postman", "my yoga teacher", "my brother-in-law", "a colleague of mine",
               "my dentist", "our caretaker"],
    "odd": ["has a rooftop beehive", "lets staff bring parrots", "was once a chocolate factory", "has a slide between floors",
            "plays whale songs all day", "is haunted", "grows its own tomatoes", "has a pub quiz every Friday",
            "keeps a tortoise in reception", "has a bowling lane", "was in a film", "runs on solar power",
            "has a library of board games", "has a choir", "lets dogs in on Fridays"],
    "help": ["judge a baking contest", "record a short video", "write a guest blog", "donate a raffle prize",
             "give a careers talk", "sign a birthday card", "lend us a gazebo", "print some posters", "sponsor a bench",
             "take part in a quiz", "give a short interview", "plant a tree with us"],
    "colour": ["purple", "golden", "blinking", "sideways", "dotted", "tiny", "upside-down", "striped"],
    "shape": ["owl", "teapot", "lighthouse", "pineapple", "compass", "kite", "snail", "umbrella", "anchor", "acorn"],
    "screen": ["settings", "statements", "home", "profile", "help", "login", "savings", "cards"],
    "day": ["Tuesdays", "rainy days", "my birthday", "bank holidays", "the first of the month", "full moons", "Sundays"],
    "feature": ["quiet mode", "left-handed layout", "braille export", "large-print theme", "sign language videos",
                "voice memos", "a tide table", "a recipe of the week", "a moon calendar", "a dark theme for e-ink"],
    "lost": ["umbrella", "scarf", "reading glasses", "water bottle", "notebook", "tote bag", "bicycle helmet", "thermos",
             "glove", "sketchbook", "hat", "phone charger"],
}
ODD_FRAMES = [
    "Do you sponsor a {group} like ours in {town}? We are looking for a partner for {occasion}.",
    "Could you help us find a {thing} for {occasion}? Our {group} in {town} would be very grateful.",
    "Can I name my savings pot after my {thing} from {town}? {person} says the app won't allow it.",
    "Is it true that your {town} office {odd}? {person} told me and I'm curious.",
    "{person} wants to know whether your {town} office {odd}. Our {group} had a bet about it.",
    "Why does the {screen} screen show a {colour} {shape} on {day}? {person} noticed it too.",
    "I left my {lost} at your stand at {occasion} in {town}. Has anyone handed it in?",
    "Would you consider {feature} in the app? {person} and our {group} in {town} would use it.",
    "Can your team {help} for our {group} in {town}? It's for {occasion}.",
    "Do you know anyone in {town} who could repair a {thing}? {person} says your staff might.",
    "Could I borrow your {town} meeting room for our {group}? We need space for a {thing} during {occasion}.",
    "I saw a {thing} in one of your adverts. Where can I get one? It would be perfect for {occasion} in {town}.",
    "My {group} would love to {help}. Is there anyone in {town} we can ask? {person} suggested you.",
    "Does your {screen} screen have a {colour} {shape} on {day}? I showed {person} and we can't work it out.",
]


def odd_question(rng: random.Random) -> str:
    question = PLACEHOLDER.sub(lambda m: rng.choice(ODD_WORDS[m.group(1)]), rng.choice(ODD_FRAMES))
    return SENTENCE_START.sub(lambda m: m.group().upper(), question)


def fill(text: str, rng: random.Random, extra: dict[str, str]) -> str:
    """text with each {name} replaced: extra first, then a FILLERS value, else "it"."""

    def value(match: re.Match) -> str:
        name = match.group(1)
        if name in extra:
            return extra[name]
        return rng.choice(FILLERS[name]) if name in FILLERS else "it"

    return PLACEHOLDER.sub(value, text) if "{" in text else text


def swap_letters(text: str, rng: random.Random) -> str:
    """text with two adjacent letters swapped in one word of 5+ letters (unchanged without one)."""
    words = list(LONG_WORD.finditer(text))
    if not words:
        return text
    word = rng.choice(words)
    i = word.start() + rng.randrange(len(word.group()) - 1)
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


def specifics(rng: random.Random, first: str, last: str) -> str:
    """One sentence of details a customer adds: amounts, dates, shops, card digits, contacts."""
    currency = rng.choice("£€$")
    amount = f"{currency}{rng.randint(1, 999)}" + (f".{rng.randrange(100):02d}" if rng.random() < 0.6 else "")
    return fill(rng.choice(SPECIFICS), rng, {
        "amount": amount,
        "date": (f"{rng.randint(1, 28)} {rng.choice(MONTHS)}" if rng.random() < 0.7
                 else f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"),
        "shop": rng.choice(SHOPS),
        "card4": f"{rng.randrange(10_000):04d}",
        "ref": f"{rng.choice(['TRX', 'REF', 'PAY'])}-{rng.randrange(10**7, 10**8)}",
        "email": f"{first.lower()}.{last.lower().replace(' ', '')}{rng.randrange(100)}@{rng.choice(MAIL_DOMAINS)}",
        "phone": rng.choice([f"+44 7700 900{rng.randrange(1000):03d}", f"07700 900{rng.randrange(1000):03d}",
                             f"+31 6 {rng.randrange(10**4):04d} {rng.randrange(10**4):04d}"]),
    })


def read_banking77(data: Path) -> list[tuple[str, str]]:
    """(query, intent) of every Banking77 ticket."""
    with open(data / "labels.csv", encoding="utf-8-sig", newline="") as fp:
        intent_of = {row["ticket_id"]: row["intent"] for row in csv.DictReader(fp)}
    with open(data / "tickets.csv", encoding="utf-8-sig", newline="") as fp:
        return [(" ".join(row["description"].split()), intent_of[row["ticket_id"]]) for row in csv.DictReader(fp)]


def read_tasklane() -> tuple[list[tuple[dict, str]], list[int], dict]:
    """(topic, language) pairs with cumulative weights from the topics' ticket counts, and the
    CONVERSATION words of examples/ticket_text.py."""
    sys.path.insert(0, str(REPO / "examples"))
    import ticket_text

    pairs, weights = [], []
    for topic in ticket_text.TOPICS:
        for lang in topic["phrasings"]:
            pairs.append((topic, lang))
            weights.append(topic["tickets"].get(lang, 1))
    return pairs, list(accumulate(weights)), ticket_text.CONVERSATION


@dataclass(frozen=True)
class Ticket:
    """What a generated ticket is about, before its conversation goes on."""

    question: str  # the truth's key, "" for a one-off
    subject: str
    body: str  # the customer's first message
    reply: str  # the agent's first reply
    voice: str  # whose follow-up words: "bank" (English) or a Tasklane language
    answer: str  # the Tasklane answer a second reply repeats, "" for none


class TicketMaker:
    """The rows of one export, one ticket at a time (see the module docstring)."""

    def __init__(self, data: Path, seed: int) -> None:
        self.rng = random.Random(seed)
        self.banking = read_banking77(data)
        self.tasklane, self.tasklane_weights, words = read_tasklane()
        self.words = {lang: {**w, "greetings": [g for g in w["greetings"] if g]} for lang, w in words.items()}
        self.follow_ups = {"bank": FOLLOW_UPS_EN}
        self.second_replies = {"bank": SECOND_REPLIES_EN}
        for lang, w in self.words.items():
            self.follow_ups[lang] = {"thanks": w["thanks"] + w["thanks_question"], "problem": w["still_broken"] + w["nudges"]}
            self.second_replies[lang] = {"thanks": w["welcome"], "problem": w["retry_openers"]}

    def banking_ticket(self) -> Ticket:
        rng = self.rng
        query, intent = rng.choice(self.banking)
        first, last = rng.choice(FIRST_NAMES["en"]), rng.choice(LAST_NAMES)
        if rng.random() < 0.08:
            query = swap_letters(query, rng)
        if rng.random() < 0.75:
            subject = " ".join(query.split()[: rng.randint(4, 8)]).rstrip(",.?!")
        else:
            subject = rng.choice(GENERIC_SUBJECTS)
        if rng.random() < 0.4:
            query = f"{query} {specifics(rng, first, last)}"
        body = self.dress(query, {"first": first, "last": last}, GREETINGS, SIGNOFFS)
        return Ticket(f"b77:{intent}", subject, body, self.generic_reply(first), "bank", "")

    def tasklane_ticket(self, day: str) -> Ticket:
        rng = self.rng
        topic, lang = rng.choices(self.tasklane, cum_weights=self.tasklane_weights)[0]
        words = self.words[lang]
        phrasing = rng.choice([p for p in topic["phrasings"][lang] if not p.after or p.after <= day])
        answer_after = topic.get("answer_after", {})
        if phrasing.answer and answer_after.get(phrasing.answer, "") <= day:
            key = phrasing.answer
        else:
            key = rng.choice([k for k in topic["generic_answers"] if answer_after.get(k, "") <= day])
        agent = rng.choice(AGENTS)
        people = {"first": rng.choice(FIRST_NAMES[lang]), "agent": agent.split()[0], "agent_first": agent.split()[0], "agent_full": agent}
        answer = fill(topic["answers"][lang][key], rng, people)
        body = self.dress(fill(phrasing.body, rng, people), people, words["greetings"], words["inline_signoffs"])
        reply = "\n\n".join(
            (fill(rng.choice(words["agent_greetings"]), rng, people), answer, fill(rng.choice(words["agent_signoffs"]), rng, people))
        )
        return Ticket(f"tl:{topic['key']}:{lang}", fill(phrasing.subject, rng, people), body, reply, lang, answer)

    def one_off_ticket(self) -> Ticket:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES["en"]), rng.choice(LAST_NAMES)
        question = odd_question(rng)
        subject = " ".join(question.split()[: rng.randint(4, 7)]).rstrip(",.?!")
        body = self.dress(question, {"first": first, "last": last}, GREETINGS, SIGNOFFS)
        return Ticket("", subject, body, self.generic_reply(first), "bank", "")

    def dress(self, text: str, people: dict[str, str], greetings: list[str], signoffs: list[str]) -> str:
        """text with a greeting (30%) and a sign-off (20%)."""
        rng = self.rng
        if rng.random() < 0.3:
            text = f"{rng.choice(greetings)}\n\n{text}"
        if rng.random() < 0.2:
            text = f"{text}\n\n{fill(rng.choice(signoffs), rng, people)}"
        return text

    def generic_reply(self, first: str) -> str:
        rng = self.rng
        reply = rng.choice(AGENT_REPLIES)
        if rng.random() < 0.6:
            reply = f"{rng.choice(AGENT_GREETINGS).format(first=first)}\n\n{reply}"
        if rng.random() < 0.5:
            reply = f"{reply}\n\n{rng.choice(AGENT_SIGNOFFS).format(agent=rng.choice(AGENTS).split()[0])}"
        return reply

    def row(self, number: int, tickets: int) -> tuple[list, str]:
        """(export row, question key) of ticket number (0-based) of tickets."""
        rng = self.rng
        created = YEAR_START + timedelta(seconds=number * YEAR_SECONDS // tickets)
        draw = rng.random()
        if draw < 0.78:
            ticket = self.banking_ticket()
        elif draw < 0.95:
            ticket = self.tasklane_ticket(created.date().isoformat())
        else:
            ticket = self.one_off_ticket()
        at = created + timedelta(minutes=rng.randint(10, 1440))
        conversation = [
            {"role": "customer", "text": ticket.body, "at": created.isoformat()},
            {"role": "agent", "text": ticket.reply, "at": at.isoformat()},
        ]
        if rng.random() < 0.4:
            kind = "thanks" if rng.random() < 0.5 else "problem"
            at += timedelta(minutes=rng.randint(30, 2880))
            follow_up = fill(rng.choice(self.follow_ups[ticket.voice][kind]), rng, {"agent": rng.choice(AGENTS).split()[0]})
            conversation.append({"role": "customer", "text": follow_up, "at": at.isoformat()})
            if rng.random() < 0.5:
                at += timedelta(minutes=rng.randint(10, 600))
                second = rng.choice(self.second_replies[ticket.voice][kind])
                if kind == "problem" and ticket.answer:
                    second = f"{second}\n\n{ticket.answer}"
                conversation.append({"role": "agent", "text": second, "at": at.isoformat()})
        solved = rng.random() < 0.9
        resolved = (at + timedelta(hours=rng.randint(1, 48))).isoformat() if solved else ""
        tags = ",".join(rng.sample(TAGS, rng.randrange(3)))
        status = "solved" if solved else "open"
        row = [number + 1, ticket.subject, ticket.body, status, created.isoformat(), resolved, tags, json.dumps(conversation)]
        return row, ticket.question


def write_export(path: Path, tickets: int, data: Path, first: int = 0, seed: int = SEED) -> None:
    """The export at path and its truth beside it, streamed; renamed into place when complete,
    so that an interrupted run is not taken for a cached export. first: the tickets of an
    export of `tickets` tickets to leave out (a later export holds the ones after them)."""
    maker = TicketMaker(data, seed)
    truth = truth_path(path)
    partial_export, partial_truth = path.with_name(path.name + ".part"), truth.with_name(truth.name + ".part")
    with open(partial_export, "w", encoding="utf-8", newline="") as fp, open(partial_truth, "w", encoding="utf-8", newline="") as tp:
        export_writer, truth_writer = csv.writer(fp), csv.writer(tp)
        export_writer.writerow(HEADER)
        truth_writer.writerow(["ticket_id", "question"])
        for number in range(first, tickets):
            row, question = maker.row(number, tickets)
            export_writer.writerow(row)
            truth_writer.writerow([row[0], question])
    partial_truth.replace(truth)
    partial_export.replace(path)


def truth_path(export: Path) -> Path:
    return export.with_name(export.stem + ".truth.csv")


@dataclass(frozen=True)
class Score:
    purity: float
    coverage: float
    drafts_per_question: float
    questions_found: float
    drafts: int  # every draft kbgen wrote
    one_off_drafts: int  # drafts without a resolved ticket that has a question


def score(topic_of: dict[str, str], question_of: dict[str, str], open_ids: set[str]) -> Score:
    """Writer-facing measures of an assignment (ticket id -> topic id, "" for none)."""
    counted = {tid: q for tid, q in question_of.items() if q and tid not in open_ids}
    members: dict[str, Counter] = defaultdict(Counter)
    drafts = set()
    for ticket_id, topic in topic_of.items():
        if topic:
            drafts.add(topic)
            if ticket_id in counted:
                members[topic][counted[ticket_id]] += 1
    majorities = [questions.most_common(1)[0] for questions in members.values()]
    covered = sum(sum(questions.values()) for questions in members.values())
    majority_questions = {question for question, _ in majorities}
    asked = Counter(counted.values())
    large = {question for question, n in asked.items() if n >= MIN_QUESTION_TICKETS}
    return Score(
        purity=sum(n for _, n in majorities) / covered if covered else 0.0,
        coverage=covered / len(counted) if counted else 0.0,
        drafts_per_question=len(members) / len(majority_questions) if majority_questions else 0.0,
        questions_found=len(large & majority_questions) / len(large) if large else 0.0,
        drafts=len(drafts),
        one_off_drafts=len(drafts) - len(members),
    )


def read_column(path: Path, key: str, value: str) -> dict[str, str]:
    with open(path, encoding="utf-8-sig", newline="") as fp:
        return {row[key]: row[value] or "" for row in csv.DictReader(fp)}


def open_ticket_ids(export: Path) -> set[str]:
    """Ids of the export's tickets that kbgen does not count as resolved."""
    with open(export, encoding="utf-8", newline="") as fp:
        rows = csv.reader(fp)
        next(rows)
        return {row[0] for row in rows if row[3] != "solved"}


@dataclass(frozen=True)
class Run:
    wall_s: float
    rss_mb: float
    steps: dict[str, float]  # "topics" (the whole topic step) and the steps kbgen names in it
    tail: list[str]
    score: Score | None  # None: kbgen draft failed
    exit_code: int


def draft(project: Path, exports: list[Path], extra: list[str]) -> tuple[float, float, int, str]:
    """`kbgen draft` of exports into project/content in a fresh process, with --assignments
    project/assignments.csv: (wall seconds, peak RSS in MB, exit code, output)."""
    kbgen = Path(sys.executable).with_name("kbgen")
    command = [
        str(kbgen), "draft", *map(str, exports), "--content", str(project / "content"), "--config-dir", str(project / "site_config"),
        "--assignments", str(project / "assignments.csv"), *extra,
    ]  # fmt: skip
    output = project / "output.txt"
    start = time.perf_counter()
    with open(output, "w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        # wait4 gives this child's own peak memory, not the largest of all runs so far.
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), output.read_text(errors="replace")


def run_once(export: Path, work: Path, extra: list[str], question_of: dict[str, str], open_ids: set[str], keep: Path | None) -> Run:
    """One `kbgen draft` run in a fresh process and a fresh temp dir."""
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        content, assignments, output = Path(tmp) / "content", Path(tmp) / "assignments.csv", Path(tmp) / "output.txt"
        wall, rss, returncode, text = draft(Path(tmp), [export], extra)
        # One line per draft would crowd out the summary, which comes before them.
        lines = [line for line in text.splitlines() if not (line.startswith("  ") and str(content) in line)]
        steps = {}
        found = re.search(r"topics found: \d+ in ([\d.]+) s(.*)", text)
        if found:
            steps["topics"] = float(found.group(1))
            steps.update((name, float(s)) for name, s in re.findall(r", (\w+) ([\d.]+) s", found.group(2)))
        result = score(read_column(assignments, "ticket_id", "topic_id"), question_of, open_ids) if returncode == 0 else None
        if keep:
            kept = keep / export.stem
            shutil.rmtree(kept, ignore_errors=True)
            kept.mkdir(parents=True)
            for path in (content, assignments, output):
                if path.is_dir():
                    shutil.copytree(path, kept / path.name)
                elif path.exists():
                    shutil.copy2(path, kept / path.name)
        return Run(wall, rss, steps, lines[-TAIL_LINES:], result, returncode)


@dataclass(frozen=True)
class SizeResult:
    tickets: int
    runs: list[Run]

    @property
    def ok(self) -> bool:
        return all(run.score is not None for run in self.runs)

    @property
    def wall_s(self) -> float:
        return statistics.median(run.wall_s for run in self.runs)

    @property
    def rss_mb(self) -> float:
        return max(run.rss_mb for run in self.runs)

    @property
    def score(self) -> Score:
        return self.runs[-1].score

    def step(self, name: str) -> float | None:
        times = [run.steps[name] for run in self.runs if name in run.steps]
        return statistics.median(times) if times else None


def label(tickets: int) -> str:
    if tickets % 1_000_000 == 0:
        return f"{tickets // 1_000_000}M"
    return f"{tickets // 1000}k" if tickets % 1000 == 0 else str(tickets)


def print_table(results: list[SizeResult]) -> None:
    steps = sorted({name for result in results for run in result.runs for name in run.steps}, key=lambda s: s != "topics")
    columns = ["size", "tickets", "wall s", "s/1k", "RSS MB", "drafts", "one-off", "per q", "purity", "coverage", "found"]
    columns += [f"{name} s" for name in steps]
    print("  ".join(f"{c:>9}" for c in columns))
    for result in results:
        seconds_per_1k = result.wall_s / result.tickets * 1000
        cells = [label(result.tickets), f"{result.tickets:,}", f"{result.wall_s:.1f}", f"{seconds_per_1k:.3f}", f"{result.rss_mb:,.0f}"]
        if result.ok:
            found = result.score
            cells += [f"{found.drafts}", f"{found.one_off_drafts}", f"{found.drafts_per_question:.2f}", f"{found.purity:.3f}",
                      f"{found.coverage:.3f}", f"{found.questions_found:.3f}"]
        else:
            cells += ["failed", f"rc {result.runs[-1].exit_code}", "", "", "", ""]
        cells += [f"{result.step(name):.1f}" if result.step(name) is not None else "?" for name in steps]
        print("  ".join(f"{c:>9}" for c in cells))


CHECKS = {  # name: target, as printed when its sizes were not run
    "1M wall": f"<= {TARGET_1M_SECONDS} s",
    "1M peak RSS": f"<= {TARGET_1M_RSS_MB:,} MB",
    "100k wall": f"<= {TARGET_100K_SECONDS:.0f} s",
    "time/ticket 1M vs 100k": f"<= {TARGET_SLOWDOWN}x",
    "drafts/question 1M": f"<= 100k's and {TARGET_DRAFTS_PER_QUESTION}",
    "purity 1M": f">= 100k's - {TARGET_PURITY_DROP}",
}


def checks(by_size: dict[int, SizeResult]) -> dict[str, tuple[str, str, bool]]:
    """name -> (value, target, ok) of each target in CHECKS whose sizes were run; a failed run
    misses its targets."""
    small, large = by_size.get(100_000), by_size.get(1_000_000)
    found: dict[str, tuple[str, str, bool]] = {}
    if large:
        found["1M wall"] = (f"{large.wall_s:.0f} s", CHECKS["1M wall"], large.ok and large.wall_s <= TARGET_1M_SECONDS)
        found["1M peak RSS"] = (f"{large.rss_mb:,.0f} MB", CHECKS["1M peak RSS"], large.ok and large.rss_mb <= TARGET_1M_RSS_MB)
    if small:
        found["100k wall"] = (f"{small.wall_s:.1f} s", CHECKS["100k wall"], small.ok and small.wall_s <= TARGET_100K_SECONDS)
    if small and large:
        slowdown = (large.wall_s / large.tickets) / (small.wall_s / small.tickets)
        ok = small.ok and large.ok and slowdown <= TARGET_SLOWDOWN
        found["time/ticket 1M vs 100k"] = (f"{slowdown:.2f}x", CHECKS["time/ticket 1M vs 100k"], ok)
    if small and large and small.ok and large.ok:
        most = min(small.score.drafts_per_question, TARGET_DRAFTS_PER_QUESTION)
        value = large.score.drafts_per_question
        found["drafts/question 1M"] = (f"{value:.2f}", f"<= {most:.2f}", value <= most)
        least = small.score.purity - TARGET_PURITY_DROP
        found["purity 1M"] = (f"{large.score.purity:.3f}", f">= {least:.3f}", large.score.purity >= least)
    elif small and large:
        found["drafts/question 1M"] = ("failed", CHECKS["drafts/question 1M"], False)
        found["purity 1M"] = ("failed", CHECKS["purity 1M"], False)
    return found


def incremental(tickets: int, new: int, work: Path, data: Path, extra: list[str], runs: int, reuse: bool) -> None:
    """The export of `tickets` drafted once (its grouping kept in .kbgen/), then `new` later
    tickets drafted on top of it, runs times from a copy of that project; then everything
    drafted with --full. Prints the times, peak RSS and the share of the new resolved tickets
    whose topic matches the --full run's (each incremental topic maps to the --full topic that
    holds most of its new tickets; no topic matches no topic). reuse: the first project and the
    --full run of an earlier call stand (when only the incremental code changed)."""
    base = cached_export(work, f"draft-scale-{tickets}.csv", tickets, partial(write_export, data=data))
    week = cached_export(work, f"draft-scale-{tickets}+{new}.csv", tickets + new, partial(write_export, data=data, first=tickets, seed=SEED + 1))
    first = work / f"incremental-{tickets}"
    if not (reuse and (first / "assignments.csv").is_file()):
        shutil.rmtree(first, ignore_errors=True)
        first.mkdir()
        wall, rss, code, text = draft(first, [base], extra)
        print(f"{label(tickets)} drafted: {wall:.1f} s, {rss:,.0f} MB, exit {code}", file=sys.stderr)
    walls, peaks = [], []
    for run in range(1, runs + 1):
        project = work / f"incremental-{tickets}+{new}"
        shutil.rmtree(project, ignore_errors=True)
        shutil.copytree(first, project)
        wall, rss, code, text = draft(project, [week], extra)
        walls.append(wall)
        peaks.append(rss)
        summary = [line for line in text.splitlines() if not line.startswith("  ")]
        print(f"{new:,} more, run {run}: {wall:.1f} s, {rss:,.0f} MB, exit {code}", file=sys.stderr)
    later = read_column(project / "assignments.csv", "ticket_id", "topic_id")
    whole = work / f"full-{tickets}+{new}"
    if not (reuse and (whole / "assignments.csv").is_file()):
        shutil.rmtree(whole, ignore_errors=True)
        whole.mkdir()
        wall_full, rss_full, code, _ = draft(whole, [base, week], [*extra, "--full"])
        print(f"{label(tickets)} + {new:,} with --full: {wall_full:.1f} s, {rss_full:,.0f} MB, exit {code}", file=sys.stderr)
    full = read_column(whole / "assignments.csv", "ticket_id", "topic_id")
    resolved = set(later) - open_ticket_ids(week)
    maps: dict[str, Counter] = defaultdict(Counter)
    for ticket_id in resolved:
        maps[later[ticket_id]][full.get(ticket_id, "")] += 1
    mapped = {topic: found.most_common(1)[0][0] for topic, found in maps.items() if topic}
    mapped[""] = ""
    same = sum(full.get(t, "") == mapped[later[t]] for t in resolved) / len(resolved)
    print(f"kbgen draft of {new:,} tickets on top of {label(tickets)} ({', '.join(extra) or 'default options'}):")
    print(f"  median of {runs}: {statistics.median(walls):.1f} s ({', '.join(f'{w:.1f}' for w in walls)}), peak RSS {max(peaks):,.0f} MB")
    print(f"  the same topic as --full for {same:.1%} of its {len(resolved):,} resolved tickets")
    print("  kbgen output, last run (without the per-draft lines):")
    for line in summary[-TAIL_LINES:]:
        print(f"  | {line}")
    print(f"  target: <= 60 s {'ok' if statistics.median(walls) <= 60 else 'MISSED'}; >= 95% {'ok' if same >= 0.95 else 'MISSED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES, metavar="N", help="tickets per export (default: 100000 300000 1000000)")
    parser.add_argument("--runs", type=int, metavar="N", help="runs per size (default: 3 up to 100k tickets, 1 above)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kbgen-bench", metavar="DIR", help="cached exports and run folders")
    parser.add_argument("--data", type=Path, default=DATA, metavar="DIR", help="folder with Banking77's tickets.csv and labels.csv")
    parser.add_argument("--extra", default="", metavar="ARGS", help='more kbgen draft options, one string (e.g. "--engine semantic")')
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep each size's last content, assignments and output in DIR/draft-scale-<n>/")
    parser.add_argument("--generate-only", action="store_true", help="write the exports and truths, run nothing")
    parser.add_argument(
        "--incremental", type=int, metavar="N", help="instead: N more tickets drafted on top of the first size's (see incremental())"
    )
    parser.add_argument("--reuse", action="store_true", help="--incremental: keep the first and the --full project of an earlier call")
    args = parser.parse_args()
    if not (args.data / "tickets.csv").is_file():
        sys.exit(f"{args.data}: no tickets.csv (see ../shared/data/README.md)")
    extra = shlex.split(args.extra)
    if args.incremental:
        incremental(args.sizes[0], args.incremental, args.work, args.data, extra, args.runs or 3, args.reuse)
        return

    results = []
    for tickets in args.sizes:
        start = time.perf_counter()
        export = cached_export(args.work, f"draft-scale-{tickets}.csv", tickets, partial(write_export, data=args.data))
        print(f"{export}: {export.stat().st_size / 1e6:,.0f} MB, ready in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        if args.generate_only:
            continue
        question_of = read_column(truth_path(export), "ticket_id", "question")
        open_ids = open_ticket_ids(export)
        runs = []
        for run in range(1, (args.runs or (3 if tickets <= 100_000 else 1)) + 1):
            result = run_once(export, args.work, extra, question_of, open_ids, args.keep)
            runs.append(result)
            found = result.score
            quality = (
                f"purity {found.purity:.3f}, coverage {found.coverage:.3f}, {found.drafts} drafts, "
                f"{found.drafts_per_question:.2f} per question" if found else f"FAILED (exit code {result.exit_code})"
            )
            print(f"{tickets:,} tickets, run {run}: {result.wall_s:.1f} s, {result.rss_mb:,.0f} MB; {quality}", file=sys.stderr)
        results.append(SizeResult(tickets, runs))
    if not results:
        return

    print(f"kbgen draft {args.extra or '(default options)'}; median of each size's runs, largest peak RSS:")
    print_table(results)
    for result in results:
        print(f"\nkbgen output, {label(result.tickets)}, last run (without the per-draft lines):")
        for line in result.runs[-1].tail:
            print(f"  | {line}")
    print("\nchecks:")
    found = checks({r.tickets: r for r in results})
    for name, target in CHECKS.items():
        value, target, ok = found.get(name, ("-", target, None))
        print(f"  {name:<24} {value:>10}  {target:<20} {'skipped' if ok is None else 'ok' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
