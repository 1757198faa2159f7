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
        ("Thanks Daniel! We want to pay yearly.", "Thanks [name]! We want to pay yearly.", "name"),
        ("Fakturan är fel.\n\nTack på förhand!\nJohan", "Fakturan är fel.\n\nTack på förhand!\n[name]", "name"),
        ("Beste Grüße aus Amsterdam\nJulia Weber", "Beste Grüße aus Amsterdam\n[name]", "name"),
        ("Bitte anpassen.\n\nLG Sabine", "Bitte anpassen.\n\nLG [name]", "name"),
        ("Many thanks, Mr Thompson +44 7700 900123", "Many thanks, Mr [name] [phone]", "name"),
        ("Dziękuję, Anna tel. 601 234 567", "Dziękuję, [name] tel. [phone]", "name"),
        ("Telefon: 070-123 45 67 Vänliga hälsningar, Gustav Nyström", "Telefon: [phone] Vänliga hälsningar, [name]", "name"),
        ("Is that safe to send?\n\nAmelia Morgan", "Is that safe to send?\n\n[name]", "name"),
        ("Call me.\n\nEthan Hayes\nMobile: +44 7700 900123", "Call me.\n\n[name]\nMobile: [phone]", "name"),
        ("Neue Adresse: Schillerstraße 189 b, 50545 Köln.", "Neue Adresse: [address].", "address"),
        ("Adresse: Lindenallee 31, 60059 Frankfurt am Main", "Adresse: [address]", "address"),
        ("till Östra Hamngatan 21, lgh 1116, 115 64 Stockholm.", "till [address].", "address"),
        ("to Flat 10, 23 Church Lane, Manchester M1 1AE.", "to [address].", "address"),
        ("to 1624 Maple Drive, Apt 6, Springfield, IL 62732.", "to [address].", "address"),
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
        "It works now.\n\nKind Regards",
        "Thanks Tasklane Support!\n\nBest wishes",
    ],
)
def test_company_contacts_and_look_alikes_are_kept(redactor, text):
    counts = Counter()
    assert redactor.redact_text(text, counts=counts) == text
    assert not counts


# Phone numbers as written inside their own country: area code in brackets, hyphens, dots,
# slashes and spaces, no country code. "(555) 123-4567" is fictional: phonenumbers does not hold it
# valid, but it is possible in the US and grouped as the US writes its numbers.
NATIONAL_PHONES = [
    "(020) 555 1234", "020-5551234", "(0)20 555 12 34",  # NL
    "08-123 456 78", "(08) 123 45 67",  # SE
    "22 123 45 67", "(22) 123-45-67",  # PL
    "(030) 1234567", "030/1234567",  # DE
    "(020) 7946 0958", "01632 960123",  # GB
    "(555) 123-4567", "555.123.4567", "555-123-4567",  # US
]
# A sentence around a number in each language: where the number comes from plays no part.
PHONE_SENTENCES = {
    "en": "You can call me on {} after lunch.",
    "nl": "Je kunt me bellen op {} na de lunch.",
    "sv": "Du kan ringa mig på {} efter lunch.",
    "de": "Sie erreichen mich unter {} nach dem Mittag.",
    "pl": "Proszę dzwonić pod numer {} po obiedzie.",
}


@pytest.mark.parametrize("number", NATIONAL_PHONES)
@pytest.mark.parametrize("lang", sorted(PHONE_SENTENCES))
def test_a_national_phone_number_is_redacted_in_a_message_of_any_language(redactor, lang, number):
    counts = Counter()
    assert redactor.redact_text(PHONE_SENTENCES[lang].format(number), counts=counts) == PHONE_SENTENCES[lang].format("[phone]")
    assert counts == Counter(phone=1)


@pytest.mark.parametrize(
    "text",
    [
        "The update from 2026-08-03 10:00 and 03.08.2026 14:30 went out at 09:00-17:30.",
        "Order 123-456-7890 and ticket 5512345 are in invoice 2026-0042-1187.",
        "It costs EUR 1.249.000,00 or 1 249 000 kr, in total 12.345.678.",
        "Windows 10.0.19045.3803 and version 2.14.3.1001 (build 20260803) are supported.",
        "Reference 555-0147 is the old one; ISBN 978-3-16-148410-0.",
    ],
)
def test_dates_amounts_order_and_version_numbers_are_no_phone_numbers(redactor, text):
    assert redactor.redact_text(text) == text


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
