from collections import Counter

import pytest

from kbgen.config import SiteConfig
from kbgen.records import AGENT, CUSTOMER, Message, Person, Ticket
from kbgen.redact import Redactor

CONFIG = SiteConfig(
    keep=("support@tasklane.example", "+31 20 794 1100", "tasklane.example"),
    patterns={"order-number": r"TL-\d{6}"},
)


@pytest.fixture
def redactor():
    return Redactor(CONFIG)


@pytest.mark.parametrize(
    "text, expected, kind",
    [
        ("Mail me at anna.devries@example.nl please", "Mail me at [email] please", "email"),
        ("Call 06 12345678 today", "Call [phone] today", "phone"),
        ("Call +44 7700 900123 today", "Call [phone] today", "phone"),
        ("Call (212) 555-0147 today", "Call [phone] today", "phone"),
        ("Ring 070-123 45 67 idag", "Ring [phone] idag", "phone"),
        ("IBAN NL91ABNA0417164300 please", "IBAN [iban] please", "iban"),
        ("card 4111 1111 1111 1111 expired", "card [card] expired", "card"),
        ("from 192.168.1.20 yesterday", "from [ip] yesterday", "ip"),
        ("my password: hunter2 does not work", "my password: [secret] does not work", "secret"),
        ("mijn wachtwoord is Zomer2026! werkt niet", "mijn wachtwoord is [secret] werkt niet", "secret"),
        ("invoice TL-482913 is wrong", "invoice [order-number] is wrong", "order-number"),
        ("see https://evil.example/reset?token=abc123.", "see [url].", "url"),
        ("Hi Sam, thanks", "Hi [name], thanks", "name"),
        ("Beste meneer De Vries, dank", "Beste meneer [name], dank", "name"),
        ("Hej Erik! Tack", "Hej [name]! Tack", "name"),
        ("Dzień dobry Pani Kowalska,", "Dzień dobry Pani [name],", "name"),
        ("Mit freundlichen Grüßen, Jan Müller", "Mit freundlichen Grüßen, [name]", "name"),
    ],
)
def test_personal_data_becomes_a_typed_placeholder(redactor, text, expected, kind):
    counts = Counter()
    assert redactor.redact_text(text, counts=counts) == expected
    assert counts[kind] >= 1


@pytest.mark.parametrize(
    "text",
    [
        "Write to support@tasklane.example or call +31 20 794 1100.",
        "See https://tasklane.example/help/billing for the steps.",
        "Version 4.12.1 costs EUR 1,249.00 since 2026-08-03 (error E-1042).",
        "Hi there, the Pro plan is 12.50 per seat.",
        "Hallo, ik heb een vraag over mijn factuur.",
        "Card-like 4111 1111 1111 1112 fails the Luhn check.",
    ],
)
def test_company_contacts_and_look_alikes_are_kept(redactor, text):
    counts = Counter()
    assert redactor.redact_text(text, counts=counts) == text
    assert not counts


def test_ticket_people_are_found_in_any_form_and_then_dropped(redactor):
    ticket = Ticket(
        id="1",
        subject="Question from Anna de Vries",
        question="anna here. Can ANNA change plans?",
        messages=(Message(CUSTOMER, "anna here."), Message(AGENT, "Sure, de vries account is fine. Sam")),
        resolution="Sure, de vries account is fine. Sam",
        people=(Person("Anna de Vries", "anna@example.nl"), Person("Sam Carter", "sam@tasklane.example")),
    )
    counts = Counter()
    clean = redactor.redact_ticket(ticket, counts)
    text = " ".join([clean.subject, clean.question, clean.resolution, *(m.text for m in clean.messages)]).lower()
    assert "anna" not in text and "vries" not in text and "sam" not in text
    assert clean.people == ()
    assert counts["name"] >= 5
