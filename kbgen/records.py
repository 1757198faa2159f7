"""Typed records passed between stages.

exports -> Ticket -> (redacted) Ticket -> Topic -> Draft -> Article -> site
feedback files -> FeedbackRecord -> Improvement

Field names carry units: ``*_at`` is a timezone-aware datetime, ``*_s`` is seconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

CUSTOMER = "customer"
AGENT = "agent"


@dataclass(frozen=True)
class Message:
    """One public message of a ticket conversation."""

    role: str  # CUSTOMER or AGENT
    text: str
    at: datetime | None = None


@dataclass(frozen=True)
class Person:
    """A requester or agent named in an export. Kept only to feed redaction, never written."""

    name: str = ""
    email: str = ""


@dataclass(frozen=True)
class Ticket:
    """One resolved-ticket record, normalized from any helpdesk export."""

    id: str
    subject: str
    question: str  # the customer's first message
    messages: tuple[Message, ...] = ()
    resolution: str = ""  # the agent reply that solved it
    status: str = ""
    created_at: datetime | None = None
    first_response_at: datetime | None = None
    solved_at: datetime | None = None
    reopens: int = 0
    agent_replies: int = 0
    customer_replies: int = 0
    channel: str = ""
    group: str = ""
    tags: tuple[str, ...] = ()
    priority: str = ""
    language: str = ""
    satisfaction: str = ""  # "good", "bad" or "" when the export has none
    people: tuple[Person, ...] = field(default=(), repr=False)
    source: str = ""  # "file:record" for messages about this ticket

    @property
    def first_response_s(self) -> float | None:
        if self.created_at and self.first_response_at:
            return (self.first_response_at - self.created_at).total_seconds()
        return None

    @property
    def resolution_s(self) -> float | None:
        if self.created_at and self.solved_at:
            return (self.solved_at - self.created_at).total_seconds()
        return None


@dataclass(frozen=True)
class Topic:
    """A question customers keep asking: tickets of one language grouped together."""

    id: str  # stable "kbgen_topic" id
    language: str
    ticket_ids: tuple[str, ...]
    terms: tuple[str, ...]  # the words that characterise the topic, most telling first
    title: str  # the question, phrased as customers ask it
    answer: str  # Markdown distilled from the most representative resolution
    phrasings: tuple[str, ...]  # representative, redacted ways customers ask it
    first_seen_at: datetime | None = None
    last_seen_at: datetime | None = None
    tags: tuple[str, ...] = ()
    category: str = ""  # the category's title; "" until one is known
    folder: str = ""  # the category's folder below the language folder; "" for slugify(category)
    # More of the customers' own ways to ask it (redacted, neither the title nor a phrasing): the
    # site's search finds the article by them
    asked: tuple[str, ...] = ()


@dataclass(frozen=True)
class Draft:
    """What `kbgen draft` does for one topic, decided before anything is written."""

    action: str  # kbgen.drafts.plan: NEW, REFRESH, RECOUNT, PROTECTED (evidence only) or MERGED
    topic: Topic  # with the tickets of the topics merged into it (MERGED: the topic as found)
    topic_id: str  # the id the article carries: an existing article keeps its own
    article: str  # path relative to the content directory


@dataclass(frozen=True)
class Article:
    """A Markdown article in the content directory, as far as kbgen needs to know it."""

    path: str  # relative to the content directory, "/"-separated
    title: str
    status: str  # "draft", "published", ... ("published" when the front matter says nothing)
    topic_id: str = ""
    url: str = ""  # site path of the page, e.g. "/billing/download-invoice/"
    edited: bool = False  # a writer changed it since kbgen wrote it
    language: str = ""  # from front matter "lang" or the first folder; "" means the site's language
    published_on: date | None = None  # front matter "published"; None when the writer did not say


@dataclass(frozen=True)
class Assignment:
    """Where `kbgen draft` put one ticket: its topic and the article answering it ("" for none)."""

    topic_id: str
    article: str  # article path relative to the content directory
    question: str = ""  # the title kbgen gave the topic's draft ("" where unknown)


@dataclass(frozen=True, slots=True)  # a report holds a million of them
class FeedbackRecord:
    """One submission stored by the collector (or imported from elsewhere)."""

    kind: str  # "feedback", "survey" or "search"
    received_at: datetime
    page: str = ""  # site path the submission came from
    lang: str = ""
    helpful: bool | None = None  # feedback
    comment: str = ""  # feedback or survey
    survey: str = ""  # survey name: csat, nps, ces or a custom template
    score: int | None = None  # survey: the answer to its "score" question
    answers: tuple[tuple[str, int], ...] = ()  # survey: (question, answer) of its other scale questions
    ticket: str = ""  # survey, from the ?ticket= link
    query: str = ""  # search
    opened: str = ""  # search: the result page the visitor opened; "" when none
    results: int | None = None  # search
    client: str = ""  # salted daily hash of the client, never a raw address
    submission: str = ""  # id the page made for one answer; a later record with it supersedes


@dataclass(frozen=True)
class Improvement:
    """One item of the ranked improvement list."""

    kind: str  # "fix-article", "write-article", "service-standard", ...
    target: str  # page path, topic id or standard name
    title: str
    action: str  # what to do, in one sentence
    score: float
    evidence: tuple[str, ...]  # numbers that back the item
    sample_size: int
    # Where several signals make the score: (what that signal asks for, its part of the score).
    parts: tuple[tuple[str, float], ...] = ()
