"""Nothing planted in a helpdesk export reaches the drafts or the built site.

A Zendesk API export of recurring questions carries personal data from the redaction corpus in
questions, agent replies and follow-ups; its requesters and agents are sideloaded users. The real
command line initialises a project, drafts and builds the site with drafts; then every file under
content/ and site/ (but the theme files copied unchanged) is searched for every planted value and
every person's name, parts of the name and email.
"""

from __future__ import annotations

import gzip
import html
import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import material
import pytest
from conftest import zendesk_export, zendesk_ticket

import kbgen.site as kbgen_site

CORPUS = Path(__file__).resolve().parent / "redaction_corpus" / "corpus.json"
KBGEN_YML = """\
site:
  language: en
redaction:
  keep: [support@tasklane.example, "+31 20 794 1100", tasklane.example]
  patterns:
    order-number: 'TL-\\d{6}'
"""

# Three questions customers keep asking, six tickets each. Slots take corpus values; {first},
# {full}, {email} are the requester's, {agent} and {agent_first} the agent's.
TOPICS = {
    "Billing": {
        "questions": [
            "How do I download the invoice for order {order}? Our billing address is {address} and it should be on the PDF.",
            "Where can I download my invoice as a PDF? I'm logged in as {email} and cannot find it.",
            "How can I download last month's invoice? Please post a copy to {address}.",
            "I need to download the invoice for {order}, can you help? Call me on {phone} if needed.",
            "Invoice download is not working for me ({email}), where do I download my invoice?",
            "Can I download the invoice with our new address {address} on it?",
        ],
        "reply": (
            "Hi {first},\n\nYou can download every invoice yourself:\n1. Open Settings > Billing\n2. Choose Invoices\n"
            "3. Click Download next to {order}\n\nI've also changed the billing address to {address} and sent a copy "
            "of the invoice to {email}.\n\nKind regards,\n{agent}\nTasklane Support"
        ),
    },
    "Account": {
        "questions": [
            "How do I reset my password? My password is {secret} and it no longer works.",
            "I forgot my password, how do I reset it? The reset link {url} has expired.",
            "How can I reset my password? I tried password: {secret} from my office at {ip}.",
            "Password reset does not work, the email never arrives at {email}. How do I reset my password?",
            "Can you reset my password? You can call me on {phone}.",
            "Where do I reset my password? My old password was {secret}.",
        ],
        "reply": (
            "Hi {first},\n\nTo reset your password:\n1. Go to the sign-in page\n2. Click Forgot password\n"
            "3. Follow the link in the email we send to {email}\n\nHere is a fresh reset link: {url}\n"
            "The failed sign-ins came from {ip}, so I've added that address to the allow list. "
            "I also tried to call you on {phone}.\n\nBest,\n{agent_first}"
        ),
    },
    "Payments": {
        "questions": [
            "How do I change the bank account for the direct debit? Our new IBAN is {iban}.",
            "Can I change the bank account of our direct debit to {iban}? The account holder is {full}.",
            "How do I change the IBAN for the direct debit? My SSN is {id} if you need it.",
            "The direct debit still uses our old bank account, how do I change it to {iban}?",
            "How can I change the bank account for direct debit instead of my card {card}?",
            "Where do I change the bank account for the direct debit? Card {card} was charged instead.",
        ],
        "reply": (
            "Hi {first},\n\nYou can change the bank account for the direct debit yourself:\n"
            "1. Open Settings > Billing > Payment method\n2. Click Edit and enter the new IBAN\n\n"
            "I've already changed it to {iban} and removed the card {card}. We don't need your SSN ({id}) "
            "for this.\n\nKind regards,\n{agent}"
        ),
    },
}
FOLLOW_UP = "Thanks {agent_first}! That worked. For the record, my new mobile number is {phone} and we moved to {address}.\n\n{full}"
QUESTION = "Hi,\n\n{question}\n\nThanks,\n{first}\n{phone}"
CLOSING = "You're welcome, {first}!"


def corpus_values() -> dict[str, itertools.cycle]:
    """Planted corpus values by type, in corpus order, endlessly."""
    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    pools: dict[str, list[str]] = {}
    for message in corpus:
        for planted in message["planted"]:
            # Secrets need a keyword in front of them: take passwords, which the templates announce.
            if planted["type"] == "secret" and planted["form"] != "password":
                continue
            # So does a postcode alone ("PLZ 10115"): the templates' {address} is a whole address.
            if planted["type"] == "address" and planted["form"].endswith("-postcode"):
                continue
            pools.setdefault(planted["type"], []).append(planted["value"])
    return {kind: itertools.cycle(values) for kind, values in pools.items()}


def corpus_people(corpus: list[dict], agents: bool) -> list[dict]:
    seen, people = set(), []
    for message in corpus:
        if message["lang"] != "en":
            continue
        for person in message["people"]:
            first, last = person["name"].split(" ", 1)
            if person["email"].endswith("@tasklane.example") == agents and first not in seen and last not in seen:
                seen |= {first, last}
                people.append(person)
    return people


def build_export(planted: list[tuple[str, str]]) -> dict:
    """The Zendesk export; every value written into it goes into ``planted`` as (type, value)."""
    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    requesters = corpus_people(corpus, agents=False)[:9]
    agents = corpus_people(corpus, agents=True)[:3]
    values = corpus_values()
    users = [{"id": 900001 + i, "name": p["name"], "email": p["email"], "role": "end-user", "locale": "en-GB"} for i, p in enumerate(requesters)]
    users += [{"id": 800001 + i, "name": p["name"], "email": p["email"], "role": "agent"} for i, p in enumerate(agents)]
    for person in requesters + agents:
        planted += [("name", person["name"]), ("email", person["email"])]

    kinds = {"order": "order-number", "id": "id-number"}

    def fill(template: str, requester: dict, agent: dict) -> str:
        def slot(match: re.Match) -> str:
            name = match.group(1)
            people = {
                "first": requester["name"].split()[0], "full": requester["name"], "email": requester["email"],
                "agent": agent["name"], "agent_first": agent["name"].split()[0],
            }
            if name in people:
                return people[name]
            value = next(values[kinds.get(name, name)])
            planted.append((kinds.get(name, name), value))
            return value

        return re.sub(r"\{(\w+)\}", slot, template)

    tickets = []
    number = itertools.count(1001)
    for group_id, topic in enumerate(TOPICS.values(), start=1):
        for i, question in enumerate(topic["questions"]):
            ticket_id = next(number)
            requester = requesters[(ticket_id + i) % len(requesters)]
            agent = agents[ticket_id % len(agents)]
            requester_id = users[requesters.index(requester)]["id"]
            agent_id = 800001 + agents.index(agent)
            text = fill(QUESTION.replace("{question}", question), requester, agent)
            ticket = zendesk_ticket(
                ticket_id,
                fill(question.split("?")[0] + "?", requester, agent),
                text,
                fill(topic["reply"], requester, agent),
                requester=requester_id,
                agent=agent_id,
                group_id=group_id,
                created=f"2026-08-{3 + i:02d}T09:00:00Z",
            )
            ticket["comments"] += [
                {"id": 4, "author_id": requester_id, "body": fill(FOLLOW_UP, requester, agent), "public": True, "created_at": f"2026-08-{3 + i:02d}T10:30:00Z"},
                {"id": 5, "author_id": agent_id, "body": fill(CLOSING, requester, agent), "public": True, "created_at": f"2026-08-{3 + i:02d}T10:45:00Z"},
            ]
            tickets.append(ticket)
    groups = [{"id": i, "name": name} for i, name in enumerate(TOPICS, start=1)]
    return zendesk_export(tickets, users, groups)


def kbgen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kbgen", *args], cwd=cwd, capture_output=True, text=True, check=False)


THEMES = (Path(material.__file__).parent / "templates", Path(kbgen_site.__file__).parent / "theme")


def shipped_by_a_theme(path: Path, site: Path) -> bool:
    """A file the themes copy into the site as is (scripts, styles, fonts): no ticket text in it.

    Material's bundled scripts carry their authors' names in licence headers.
    """
    relative = path.relative_to(site)
    return any((theme / relative).is_file() and (theme / relative).read_bytes() == path.read_bytes() for theme in THEMES)


def readable_text(path: Path) -> str | None:
    """A file's text as a reader would see it: unzipped, with and without HTML tags, HTML and
    JSON unescaped, Markdown escapes removed, whitespace collapsed. None for binary files."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    variants = [text]
    if path.suffix == ".json":
        variants.append(" ".join(_strings(json.loads(text))))
    variants += [re.sub(r"<[^>]+>", "", v) for v in variants]
    variants = [html.unescape(html.unescape(v)) for v in variants]
    variants += [re.sub(r"\\(.)", r"\1", v) for v in variants]
    return re.sub(r"\s+", " ", "\n".join(variants))


def _strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


def searched_forms(kind: str, value: str) -> set[str]:
    """What must not appear: the value, without its spaces, and for people each part of the name."""
    value = re.sub(r"\s+", " ", value)
    forms = {value, value.replace(" ", "")}
    if kind == "name":
        forms |= {part for part in value.split() if len(part) >= 3}
    return forms


def find(planted: list[tuple[str, str]], files: dict[Path, str], root: Path) -> dict[tuple[str, str], list[str]]:
    """For each planted (type, value) found in the files: which form stands where, in context."""
    lowered = {path: text.lower() for path, text in files.items()}
    found: dict[tuple[str, str], list[str]] = {}
    for kind, value in sorted(set(planted)):
        for form in sorted(searched_forms(kind, value)):
            pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", re.IGNORECASE)
            hits = [(path, m) for path, text in files.items() if form.lower() in lowered[path] and (m := pattern.search(text))]
            if hits:
                m = hits[0][1]
                where = ", ".join(str(path.relative_to(root)) for path, _ in hits)
                context = m.string[max(0, m.start() - 60) : m.end() + 60]
                found.setdefault((kind, value), []).append(f"{kind:<13}{form!r}\n    in {where}\n    …{context}…")
    return found


def test_no_planted_value_reaches_drafts_or_site(tmp_path):
    planted: list[tuple[str, str]] = []
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps(build_export(planted), ensure_ascii=False, indent=1), encoding="utf-8")
    # The search finds what is there: every planted value in the export itself.
    assert len(planted) > 100 and set(find(planted, {export: readable_text(export)}, tmp_path)) == set(planted)
    project = tmp_path / "help"
    init = kbgen("init", str(project), "--site-name", "Tasklane Help", cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    (project / "site_config" / "kbgen.yml").write_text(KBGEN_YML, encoding="utf-8")
    draft = kbgen("draft", str(export), "--lang", "en", "--min-topic-size", "3", cwd=project)
    assert draft.returncode == 0, draft.stderr
    # A build that refuses to publish personal data is a failure too, but content/ is searched first.
    build = kbgen("build", "--drafts", cwd=project)

    drafts = [p for p in (project / "content").rglob("*.md") if "status: draft" in p.read_text(encoding="utf-8")]
    assert len(drafts) >= 3, [p.name for p in drafts]
    written = [p for root in ("content", "site") for p in sorted((project / root).rglob("*")) if p.is_file()]
    written = [p for p in written if not (p.is_relative_to(project / "site") and shipped_by_a_theme(p, project / "site"))]
    files = {p: text for p in written if (text := readable_text(p)) is not None}
    leaks = find(planted, files, project)
    if leaks or build.returncode:
        lines = [f"{len(leaks)} personal values reached content/ or site/:"] + [line for found in leaks.values() for line in found]
        if build.returncode:
            lines.append(f"kbgen build --drafts exited with {build.returncode}: {build.stderr.strip()}")
        pytest.fail("\n".join(lines), pytrace=False)
    # The search can find things: the drafts' own words are in the built pages.
    assert any("direct debit" in text.lower() for p, text in files.items() if p.suffix == ".html")
