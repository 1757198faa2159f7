import csv
from pathlib import Path
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from kbgen.articles import read_articles, split_front_matter
from kbgen.drafts.assignments import assignments_rows, write_assignments
from kbgen.drafts.plan import NEW as NEW_DRAFT
from kbgen.drafts.plan import plan_drafts
from kbgen.drafts.escape import markdown_block
from kbgen.drafts.markers import NO_ANSWER, find_markers
from kbgen.drafts.render import render_draft
from kbgen.drafts.write import MERGED, NEW, PROTECTED, REFRESHED, UNCHANGED, write_drafts
from kbgen.errors import KbgenError
from kbgen.records import Article, Ticket, Topic

SEEN = datetime(2026, 8, 3, tzinfo=timezone.utc)


@pytest.fixture
def content(tmp_path):
    """A content folder of its own: kbgen keeps its records in .kbgen/ beside it."""
    return tmp_path / "content"


def topic(key="invoice", title="Where can I download my invoice?", n=6, language="en", answer=None) -> Topic:
    return Topic(
        id=f"t-{key}",
        language=language,
        ticket_ids=tuple(f"{key}-{i}" for i in range(n)),
        terms=(key, "download"),
        title=title,
        answer=answer or "Open Settings > Billing.\n1. Choose Invoices\n2. Click Download",
        phrasings=("How do I get my invoice as a PDF?", "I need a copy of my invoice"),
        first_seen_at=SEEN,
        last_seen_at=SEEN,
        tags=("billing",),
        category="Billing",
    )


def test_a_draft_has_front_matter_answer_steps_and_phrasings(content):
    [outcome] = write_drafts([topic()], content)
    assert (outcome.action, outcome.article) == (NEW, "billing/where-can-i-download-my-invoice.md")
    meta, body = split_front_matter((content / outcome.article).read_text(encoding="utf-8"))
    assert meta["status"] == "draft" and meta["kbgen_topic"] == "t-invoice" and meta["tickets"] == 6
    assert meta["first_seen"] == "2026-08-03" and meta["lang"] == "en" and meta["category"] == "Billing"
    assert "kbgen_hash" in meta
    assert "Open Settings > Billing.\n\n1. Choose Invoices\n2. Click Download" in body
    assert "## Customers also ask it as\n\n- How do I get my invoice as a PDF?" in body


def test_rerun_refreshes_untouched_drafts_only(content):
    [first] = write_drafts([topic()], content)
    assert write_drafts([topic()], content)[0].action == UNCHANGED
    refreshed = write_drafts([topic(n=9)], content)[0]
    assert (refreshed.action, refreshed.article, refreshed.topic_id) == (REFRESHED, first.article, "t-invoice")
    assert "tickets: 9" in (content / first.article).read_text(encoding="utf-8")


def test_a_draft_whose_earlier_topic_grew_keeps_its_words_and_takes_the_new_counts(content):
    [first] = write_drafts([topic()], content)
    later = replace(topic(n=9, title="Invoice download?"), last_seen_at=datetime(2026, 9, 1, tzinfo=timezone.utc), phrasings=("Bill copy?",))
    [again] = write_drafts([later], content, grown=frozenset({"t-invoice"}))
    assert (again.action, again.article) == (REFRESHED, first.article)
    [article] = read_articles(content)
    meta, body = split_front_matter((content / first.article).read_text(encoding="utf-8"))
    assert (meta["title"], meta["tickets"], meta["first_seen"], meta["last_seen"]) == (topic().title, 9, "2026-08-03", "2026-09-01")
    assert "I need a copy of my invoice" in body and "Bill copy?" not in body
    assert article.status == "draft" and not article.edited  # still kbgen's to refresh
    assert write_drafts([later], content, grown=frozenset({"t-invoice"}))[0].action == UNCHANGED


def test_two_topics_asking_what_one_draft_answers_go_to_it_together(content):
    [first] = write_drafts([topic()], content)
    split = [topic(n=7), topic(key="invoices", title="Where can I download my invoice as a PDF?", n=4)]
    outcomes = write_drafts(split, content)
    assert [(o.article, o.topic_id, o.action) for o in outcomes] == [
        (first.article, "t-invoice", REFRESHED),
        (first.article, "t-invoice", MERGED),
    ]
    assert "tickets: 11" in (content / first.article).read_text(encoding="utf-8")
    assert len(list(content.rglob("*.md"))) == 1


def test_a_topic_regrouped_under_other_words_finds_its_draft_by_its_tickets(tmp_path):
    content = tmp_path / "content"
    [first] = write_drafts([topic()], content)
    regrouped = replace(
        topic(key="pdf", title="Is there a PDF copy of what I paid?", n=9),
        ticket_ids=tuple(f"invoice-{i}" for i in range(3, 9)) + ("new-1", "new-2", "new-3"),
        phrasings=("Copy of payment?",),
        terms=("pdf", "payment"),
    )
    [again] = write_drafts([regrouped], content)
    assert (again.article, again.topic_id, again.action) == (first.article, "t-invoice", REFRESHED)
    assert len(list(content.rglob("*.md"))) == 1


def test_an_unreadable_topics_record_is_named(tmp_path):
    (tmp_path / ".kbgen").mkdir()
    (tmp_path / ".kbgen" / "topics.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(KbgenError, match=r"topics\.json: unreadable .*delete it"):
        write_drafts([topic()], tmp_path / "content")


def test_an_edited_draft_survives_byte_for_byte(content):
    [first] = write_drafts([topic()], content)
    path = content / first.article
    edited = path.read_text(encoding="utf-8").replace("Choose Invoices", "Choose **Invoices** in the menu")
    path.write_text(edited, encoding="utf-8")
    [again] = write_drafts([replace(topic(n=12), id="t-regrouped")], content)
    # Found by the tickets it shares, and counted under the article's own topic id.
    assert (again.action, again.article, again.topic_id) == (PROTECTED, first.article, "t-invoice")
    assert path.read_text(encoding="utf-8") == edited
    evidence = content.parent / "evidence" / "billing__where-can-i-download-my-invoice.yml"
    assert "tickets: 12" in evidence.read_text(encoding="utf-8")


def test_a_published_article_gets_the_tickets_instead_of_a_new_draft(content):
    published = content / "billing" / "invoices.md"
    published.parent.mkdir(parents=True)
    text = "---\ntitle: How do I download an invoice?\nstatus: published\n---\n\nGo to Billing and download your invoice.\n"
    published.write_text(text, encoding="utf-8")
    [outcome] = write_drafts([topic()], content)
    assert (outcome.action, outcome.article) == (PROTECTED, "billing/invoices.md")
    assert published.read_text(encoding="utf-8") == text
    assert [a.path for a in read_articles(content)] == ["billing/invoices.md"]


def test_the_plan_says_what_each_topic_gets():
    published = Article("billing/invoices.md", "How do I download an invoice?", "published", "t-invoice", "/billing/invoices/")
    texts = {published.path: "---\ntitle: How do I download an invoice?\n---\n\nGo to Billing and download your invoice.\n"}
    refund = replace(
        topic("refund", "How do I get a refund?", answer="Open Billing > Refunds."),
        terms=("refund", "money"),
        phrasings=("Can I get my money back?", "Refund for a double charge"),
    )
    split = topic("invoices", "Where can I download my invoice as a PDF?", n=3)
    # The split topic's tickets were the article's topic's in an earlier run.
    drafts = plan_drafts([topic(), split, refund], [published], texts, held={"t-invoice": list(split.ticket_ids)})
    assert [(d.action, d.article, d.topic_id, len(d.topic.ticket_ids)) for d in drafts] == [
        (PROTECTED, "billing/invoices.md", "t-invoice", 9),  # both invoice topics' tickets
        (MERGED, "billing/invoices.md", "t-invoice", 3),
        (NEW_DRAFT, "billing/how-do-i-get-a-refund.md", "t-refund", 6),
    ]


def test_other_languages_go_to_their_own_folder_and_never_match_across_languages(content):
    write_drafts([topic()], content)
    [dutch] = write_drafts([topic("factuur", "Waar download ik mijn factuur?", language="nl")], content)
    assert dutch.action == NEW and dutch.article == "nl/billing/waar-download-ik-mijn-factuur.md"
    assert "Klanten vragen het ook zo" in (content / dutch.article).read_text(encoding="utf-8")


def test_ticket_text_cannot_inject_markup():
    hostile = topic(title="<script>alert(1)</script> [click](javascript:alert(1))", answer="<img src=x onerror=alert(1)>")
    text = render_draft(hostile)
    assert "<script>" not in text and "<img" not in text
    assert "\\[click](javascript:alert(1))" in text  # no link without its "["


def test_a_topic_without_an_agent_answer_gets_the_placeholder_the_build_refuses():
    text = render_draft(replace(topic(), answer=""))
    assert f"\n\n{NO_ANSWER.markdown}\n\n## Customers also ask it as" in text
    assert [marker for _, marker in find_markers(text)] == [NO_ANSWER]
    assert find_markers(render_draft(topic())) == []


def test_markdown_block_keeps_steps_as_a_list():
    assert markdown_block("Do this:\n1) Open\n2) Save\nDone.") == "Do this:\n\n1. Open\n2. Save\n\nDone."
    assert markdown_block("- a\n* b") == "- a\n- b"


def test_assignments_list_every_input_ticket_once(tmp_path):
    topics = [topic()]
    outcomes = write_drafts(topics, tmp_path / "content")
    tickets = [Ticket(id=f"invoice-{i}", subject="", question="") for i in range(6)] + [Ticket(id="lonely", subject="", question="")]
    path = tmp_path / "assignments.csv"
    write_assignments(path, assignments_rows([t.id for t in tickets], topics, outcomes))
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [r["ticket_id"] for r in rows] == [t.id for t in tickets]
    # The question its draft was given: what to write should the writer delete the draft.
    assert rows[0] == {
        "ticket_id": "invoice-0", "topic_id": "t-invoice", "article": "billing/where-can-i-download-my-invoice.md",
        "question": "Where can I download my invoice?",
    }  # fmt: skip
    assert rows[-1] == {"ticket_id": "lonely", "topic_id": "", "article": "", "question": ""}


def test_a_topic_with_a_folder_is_drafted_there_under_its_category(content):
    # A writer renamed the category's folder: kbgen.categories gives new topics of it that folder.
    [outcome] = write_drafts([replace(topic(), category="Card payments", folder="payments")], content)
    assert outcome.article == "payments/where-can-i-download-my-invoice.md"
    meta, _ = split_front_matter((content / outcome.article).read_text(encoding="utf-8"))
    assert meta["category"] == "Card payments"


def test_a_question_a_published_article_answers_under_another_file_name_gets_no_new_draft(content):
    published = content / "account" / "password-help.md"
    published.parent.mkdir(parents=True)
    # The sample project's own article, long and worded otherwise than the tickets.
    text = (Path(__file__).parent.parent / "content" / "account" / "reset-your-password.md").read_text(encoding="utf-8")
    published.write_text(text, encoding="utf-8")
    forgot = replace(
        topic("forgot", "Forgot my password, how do I reset it?"),
        terms=("password", "reset", "link", "forgot"),
        phrasings=("Reset link says expired", "I forgot my passwords and the resetting email never came"),
        answer="Request a new reset link.",
    )
    [outcome] = write_drafts([forgot], content)
    assert (outcome.action, outcome.article) == (PROTECTED, "account/password-help.md")
    assert published.read_text(encoding="utf-8") == text


def test_topics_split_only_by_specifics_become_one_draft():
    # The grouping split one question by its specifics; the titles, generic to each topic, agree.
    at_shops = replace(topic("shops", "Why was my card declined?", n=8), phrasings=("My card got declined at Zales",))
    yesterday = replace(topic("yesterday", "Why was my card declined?", n=5), phrasings=("Card declined yesterday",))
    area = topic("app", "Mobile app", n=6)  # a shared phrase names an area: never merged by it
    other_area = topic("app2", "Mobile app", n=5)
    drafts = plan_drafts([at_shops, area, yesterday, other_area], [], {}, held={})
    assert [(d.action, d.topic_id, len(d.topic.ticket_ids)) for d in drafts] == [
        (NEW_DRAFT, "t-shops", 13),
        (NEW_DRAFT, "t-app", 6),
        (MERGED, "t-shops", 5),
        (NEW_DRAFT, "t-app2", 5),
    ]
    assert drafts[0].topic.phrasings == ("My card got declined at Zales", "Card declined yesterday")


def test_search_phrasings_stay_current_in_a_draft_and_a_writers_list_is_never_rewritten(content):
    asked = ("Invoice PDF download?", "Where are my old invoices?")
    [first] = write_drafts([replace(topic(), asked=asked)], content)
    path = content / first.article
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    assert meta["search_phrasings"] == list(asked)
    assert "old invoices" not in body  # the page does not show them; search finds the article by them
    # A new run with new tickets refreshes kbgen's own draft ...
    write_drafts([replace(topic(n=9), asked=(*asked, "Receipt for March?"))], content)
    assert split_front_matter(path.read_text(encoding="utf-8"))[0]["search_phrasings"][-1] == "Receipt for March?"
    # ... but once a writer pruned the list, it is theirs: the new phrasings go to the evidence.
    pruned = path.read_text(encoding="utf-8").replace("- Receipt for March?\n", "")
    path.write_text(pruned, encoding="utf-8")
    [again] = write_drafts([replace(topic(n=12), asked=(*asked, "Receipt for March?", "Invoice in Dutch?"))], content)
    assert again.action == PROTECTED and path.read_text(encoding="utf-8") == pruned
    evidence = content.parent / "evidence" / "billing__where-can-i-download-my-invoice.yml"
    assert "- Invoice in Dutch?" in evidence.read_text(encoding="utf-8")


def test_merged_topics_keep_every_phrasing_findable():
    one = replace(topic("shops", "Why was my card declined?", n=8), phrasings=("Declined at Zales",), asked=("Card refused?",))
    two = replace(topic("again", "Why was my card declined?", n=5), phrasings=("Declined again",), asked=("Refused twice",))
    [merged, _] = plan_drafts([one, two], [], {}, held={})
    assert merged.topic.phrasings == ("Declined at Zales", "Declined again")
    assert merged.topic.asked == ("Card refused?", "Refused twice")
