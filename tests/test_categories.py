"""Categories: an export's groups where it has them; otherwise the existing folders a new topic
belongs to, then new categories of related topics, named after the words they share."""

from __future__ import annotations

import csv
import random
import re
from dataclasses import replace
from pathlib import Path

import yaml
from category_cases import AREAS, LATER, area_of, write_export
from click.testing import CliRunner
from stop_words import get_stop_words

from kbgen.articles import read_article_files, split_front_matter
from kbgen.categories import GENERAL, categorise_topics
from kbgen.cli import cli
from kbgen.pages import page_url
from kbgen.records import Article, Topic

ENGLISH_STOP_WORDS = set(get_stop_words("english"))


def topic(key: str, title: str, terms: tuple[str, ...], answer: str = "", language: str = "en", category: str = "") -> Topic:
    return Topic(
        id=f"t-{key}",
        language=language,
        ticket_ids=tuple(f"{key}-{n}" for n in range(5)),
        terms=terms,
        title=title,
        answer=answer,
        phrasings=(),
        category=category,
    )


INVOICES = [
    topic("download", "Where do I download my invoice?", ("invoice", "download", "pdf"), "Open Billing > Invoices and download the PDF."),
    topic("address", "How do I change the address on my invoice?", ("invoice", "address", "company"), "Change the company address under Billing; new invoices show it."),
    topic("refund", "Can I get a refund for an invoice I paid twice?", ("refund", "invoice", "paid twice"), "We refund the second payment; the refund shows on the invoice under Billing > Invoices."),
]
PASSWORDS = [
    topic("reset", "How do I reset my password?", ("password", "reset", "link"), "Click 'Forgot password' and follow the reset link."),
    topic("locked", "My account is locked after wrong passwords", ("locked", "password", "attempts"), "Wait 15 minutes after five wrong password attempts."),
    topic("expired", "The password reset link has expired", ("password", "expired", "reset link"), "Request a new password reset link; each one lasts an hour."),
]
APP = [
    topic("crash", "The mobile app crashes on start", ("app", "crash", "mobile app"), "Update the mobile app from the store."),
    topic("sync", "The mobile app does not sync", ("app", "sync", "mobile app"), "Pull down in the app to sync again."),
    topic("notify", "No notifications from the mobile app", ("notifications", "app", "phone"), "Allow the app's notifications in your phone settings."),
]


def article(path: str, title: str, body: str, category: str = "", topic_id: str = "") -> tuple[Article, str]:
    """An (Article, file text) pair as kbgen.articles.read_article_files gives it."""
    meta = {"title": title, **({"category": category} if category else {})}
    text = f"---\n{yaml.safe_dump(meta)}---\n\n{body}\n"
    return Article(path, title, "published", topic_id=topic_id, url=page_url(path)), text


def by_category(topics) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for t in topics:
        found.setdefault(t.category, set()).add(t.id)
    return found


def test_related_topics_share_a_category_and_unrelated_ones_do_not():
    placed = categorise_topics([*APP, *INVOICES, *PASSWORDS])
    groups = sorted(sorted(ids) for ids in by_category(placed).values())
    assert groups == sorted(sorted(t.id for t in area) for area in (INVOICES, PASSWORDS, APP))
    assert {t.category for t in placed} == {"Invoice", "Password", "App"}
    assert all(t.folder == t.category.lower() for t in placed)


def test_the_same_topics_get_the_same_categories_in_any_order():
    topics = [*INVOICES, *PASSWORDS, *APP]
    first = {t.id: (t.category, t.folder) for t in categorise_topics(topics)}
    shuffled = topics[:]
    random.Random(7).shuffle(shuffled)
    again = categorise_topics(shuffled)
    assert [t.id for t in again] == [t.id for t in shuffled]  # in the order given
    assert {t.id: (t.category, t.folder) for t in again} == first


def test_an_exports_groups_win():
    grouped = [t if t.id != "t-download" else topic("download", t.title, t.terms, t.answer, category="Billing") for t in INVOICES]
    placed = {t.id: t for t in categorise_topics([*grouped, *PASSWORDS])}
    assert (placed["t-download"].category, placed["t-download"].folder) == ("Billing", "billing")
    assert placed["t-address"].category == placed["t-refund"].category != "Billing"


def test_names_hold_no_stop_words_digits_or_placeholders():
    # What a redacted ticket's terms may hold besides the subject: stop words, greetings, numbers.
    noisy = [
        topic("a", "Hello, is my [name] invoice for 2026 ready?", ("the", "hello", "2026", "invoice", "ready")),
        topic("b", "Where is the invoice [email] asked for in 2026?", ("the", "hello", "2026", "invoice", "asked")),
        topic("c", "Hi, the 2026 invoice has the wrong [name]", ("the", "hello", "2026", "invoice", "wrong")),
    ]
    [name] = {t.category for t in categorise_topics(noisy)}
    assert name == "Invoice"


def test_a_word_every_topic_uses_names_no_category():
    product = [replace(t, terms=("tasklane", *t.terms)) for t in [*INVOICES, *PASSWORDS, *APP]]
    assert {t.category for t in categorise_topics(product)} == {"Invoice", "Password", "App"}


def test_a_lone_topic_gets_no_category_of_its_own():
    [alone] = categorise_topics([INVOICES[0]])
    assert (alone.category, alone.folder) == (GENERAL, "general")
    # Topics that share no word share no name either.
    unrelated = categorise_topics([INVOICES[0], APP[0]])
    assert {t.category for t in unrelated} == {GENERAL}
    # Among more, a topic alone joins the category it is nearest to.
    card = topic("card", "Can I pay by card?", ("card", "pay", "invoice"), "Billing takes every card.")
    assert {t.category for t in categorise_topics([*INVOICES, card])} == {"Invoice"}


def test_few_topics_stay_in_one_category_many_get_a_handful():
    assert len({t.category for t in categorise_topics(INVOICES)}) == 1
    areas = ["invoice", "password", "calendar", "export", "member", "report", "project", "notification"]
    verbs = ["find", "change", "delete", "share", "restore"]
    many = [
        topic(f"{area}-{verb}", f"How do I {verb} a {area}?", (area, verb, f"{verb} {area}"), f"Open {area.title()}s and choose {verb.title()}.")
        for area in areas
        for verb in verbs
    ]
    placed = categorise_topics(many)
    groups = by_category(placed)
    assert 4 <= len(groups) <= 8  # about sqrt(40), and never an area split
    assert all(len(ids) >= 2 for ids in groups.values())
    for area in areas:
        assert len({t.category for t in placed if t.id.startswith(f"t-{area}-")}) == 1


def test_a_new_topic_joins_the_folder_its_nearest_articles_are_in_under_its_title():
    existing = [
        article("payments/download-an-invoice.md", "Download an invoice", "Open Billing > Invoices and download the PDF invoice.", "Payments"),
        article("payments/invoice-address.md", "Change the address on an invoice", "Change the company address on the invoice under Billing.", "Payments"),
        article("login/reset-password.md", "Reset your password", "Click 'Forgot password' and follow the reset link.", "Login"),
    ]
    placed = {t.id: t for t in categorise_topics([INVOICES[2], PASSWORDS[2], *APP], existing)}
    assert (placed["t-refund"].category, placed["t-refund"].folder) == ("Payments", "payments")
    assert (placed["t-expired"].category, placed["t-expired"].folder) == ("Login", "login")
    assert {placed[t.id].folder for t in APP} == {"app"}  # far from both: a category of their own


def test_a_topic_stays_in_the_folder_of_its_own_article():
    existing = [article("odds-and-ends/notes.md", "Notes", "Nothing about invoices here.", topic_id="t-refund")]
    placed = {t.id: t for t in categorise_topics(INVOICES, existing)}
    assert (placed["t-refund"].category, placed["t-refund"].folder) == ("Odds and ends", "odds-and-ends")


def test_a_folder_is_titled_by_its_index_page_else_its_articles_category_else_its_name():
    body = "Open Billing > Invoices and download the PDF invoice."
    index = article("payments/index.md", "Invoices and payments", "")
    agreeing = [article(f"payments/a{n}.md", f"Invoice {n}", body, "Money") for n in range(2)]
    disagreeing = [article(f"payments/a{n}.md", f"Invoice {n}", body, category) for n, category in enumerate(["Money", "Cash"])]

    def title(articles) -> str:
        return categorise_topics([INVOICES[0]], articles)[0].category

    assert title([index, *agreeing]) == "Invoices and payments"
    assert title(agreeing) == "Money"
    assert title(disagreeing) == "Payments"


def test_a_new_category_does_not_take_the_name_of_a_folder_of_another_area():
    # A writer keeps password articles in a folder called "invoice".
    existing = [article("invoice/reset.md", "Reset your password", "Follow the reset link.")]
    placed = categorise_topics(INVOICES, existing)
    assert {t.folder for t in placed} != {"invoice"} and len({t.folder for t in placed}) == 1


def test_an_exports_category_follows_the_folder_a_writer_renamed():
    existing = [article("payments/download.md", "Download an invoice", "Open Billing.", "Billing")]
    [placed] = categorise_topics([topic("x", "Invoice?", ("invoice",), category="Billing")], existing)
    assert (placed.category, placed.folder) == ("Billing", "payments")


def test_each_language_gets_its_own_categories_in_its_own_words():
    dutch = [
        topic("nl-download", "Waar download ik mijn factuur?", ("factuur", "downloaden", "pdf"), "Open Facturatie en download de factuur.", "nl"),
        topic("nl-adres", "Hoe wijzig ik het adres op mijn factuur?", ("factuur", "adres", "bedrijf"), "Wijzig het adres onder Facturatie.", "nl"),
    ]
    existing = [article("invoice/download.md", "Download an invoice", "Open Billing > Invoices and download the PDF invoice.", "Invoice")]
    placed = categorise_topics([*INVOICES, *dutch], existing, site_language="en")
    assert {(t.category, t.folder) for t in placed if t.language == "nl"} == {("Factuur", "factuur")}
    assert {(t.category, t.folder) for t in placed if t.id == "t-download"} == {("Invoice", "invoice")}


# Through `kbgen draft`: the drafts of a generic CSV export, their folders and categories.


def draft(tmp_path: Path, export: Path) -> dict[str, str]:
    """Run `kbgen draft`; ticket id -> the article its topic's draft is."""
    assignments = tmp_path / "assignments.csv"
    result = CliRunner().invoke(
        cli, ["draft", str(export), "--content", str(tmp_path / "content"), "--assignments", str(assignments), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    with assignments.open(encoding="utf-8") as fp:
        return {row["ticket_id"]: row["article"] for row in csv.DictReader(fp)}


def categories(content: Path) -> dict[str, str]:
    """Article path -> its front matter's category."""
    return {a.path: split_front_matter(text)[0]["category"] for a, text in read_article_files(content)}


def folders_by_area(articles: dict[str, str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for ticket, path in articles.items():
        found.setdefault(area_of(ticket), set()).add(path.split("/")[0])
    return found


def test_drafts_of_an_export_without_groups_get_a_category_per_area(tmp_path):
    articles = draft(tmp_path, write_export(tmp_path / "tickets.csv"))
    assert len(set(articles.values())) == 9  # a draft per question
    folders = folders_by_area(articles)
    assert all(len(found) == 1 for found in folders.values())  # an area's questions share one
    assert len(set.union(*folders.values())) == len(AREAS) > 1  # and no other area's
    named = categories(tmp_path / "content")
    for path, name in named.items():
        assert not re.search(r"[\d\[\]]", name) and name != GENERAL
        assert not {word.lower() for word in re.findall(r"\w+", name)} & ENGLISH_STOP_WORDS
        assert len({n for p, n in named.items() if p.split("/")[0] == path.split("/")[0]}) == 1


def test_drafts_of_an_export_with_groups_keep_the_groups(tmp_path):
    articles = draft(tmp_path, write_export(tmp_path / "tickets.csv", groups=True))
    assert folders_by_area(articles) == {area: {area} for area in AREAS}
    assert set(categories(tmp_path / "content").values()) == set(AREAS)


def test_a_folder_a_writer_renamed_receives_the_new_drafts_of_its_area(tmp_path):
    articles = draft(tmp_path, write_export(tmp_path / "tickets.csv"))
    [suggested] = folders_by_area(articles)["invoices"]
    content = tmp_path / "content"
    (content / suggested).rename(content / "payments")
    for path in (content / "payments").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^category: .*$", "category: Payments", text), encoding="utf-8")

    later = write_export(tmp_path / "later.csv", {**AREAS, "invoices": AREAS["invoices"] + LATER["invoices"]})
    articles = draft(tmp_path, later)
    [new] = {path for ticket, path in articles.items() if ticket.startswith("invoices-3-")}
    assert new.startswith("payments/") and categories(content)[new] == "Payments"
    assert not (content / suggested).exists()


def test_a_rerun_on_the_same_export_moves_nothing(tmp_path):
    export = write_export(tmp_path / "tickets.csv")
    first = draft(tmp_path, export)
    assert draft(tmp_path, export) == first


def test_a_new_question_goes_to_the_folder_of_its_area_as_a_whole():
    # Each article is about another invoice matter; the folder as a whole is about invoices.
    existing = [
        article("payments/download.md", "Where can I download my invoice?", "Open Billing > Invoices and click Download: the invoice comes as a PDF file, last month's and older ones too."),
        article("payments/address.md", "Billing address", "Change the company address under Billing > Company details; every new invoice shows it, and we reissue older invoices on request."),
        article("payments/refund.md", "Invoice paid twice", "Charged twice for one invoice? We refund the duplicate payment to the same card within five business days."),
        article("account/password.md", "How do I reset my password?", "Click 'Forgot password' on the sign-in page and follow the reset link."),
        article("account/locked.md", "My account is locked", "After five failed sign-in attempts your account is locked for 15 minutes."),
    ]
    emailed = topic("email", "Email the invoices to accounting", ("accounting", "email", "invoices"), "Add your accounting team under Billing > Invoice recipients; they get every invoice by email.")
    synced = topic("sync", "The mobile app does not sync my tasks", ("sync", "app", "tasks"), "Pull down the task list in the app to sync it.")
    placed = {t.id: t.folder for t in categorise_topics([emailed, synced], existing)}
    assert placed["t-email"] == "payments"
    assert placed["t-sync"] not in {"payments", "account"}
