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
import os
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


REPO = Path(__file__).resolve().parent.parent


def kbgen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    # This checkout's kbgen, whichever one the environment has installed (a git worktree's tests
    # would otherwise run another checkout's code).
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "kbgen", *args], cwd=cwd, capture_output=True, text=True, check=False, env=env)


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


# National phone numbers as written inside their countries, dealt to tickets of every language: a
# Dutch ticket may carry an American number. "(555) 123-4567" is a fictional range.
NATIONAL_PHONES = [
    "(020) 555 1234", "020-5551234", "(0)20 555 12 34", "08-123 456 78", "(08) 123 45 67", "22 123 45 67",
    "(22) 123-45-67", "(030) 1234567", "030/1234567", "(020) 7946 0958", "01632 960123", "(555) 123-4567",
    "555.123.4567", "555-123-4567",
]  # fmt: skip
# One recurring question per language, six ways. {rel} is a third person after a relation word,
# {other} one named without ("I invited Olivia"); the Polish forms are declined as Polish needs.
FIVE_LANGUAGES = {
    "en": {
        "third": {"rel": "Jessica", "rel_acc": "Jessica", "rel_dat": "Jessica", "other": "Olivia"},
        "questions": [
            "How do I export my projects to Excel? My colleague {rel} needs the file too, call me on {phone}.",
            "Where can I export projects to Excel? I invited {other} yesterday and she needs the export. My number is {phone}.",
            "How can I export my projects as an Excel file? You can reach me on {phone}.",
            "Export to Excel does not work for my projects, how do I export them? My colleague {rel} tried too. Phone: {phone}",
            "Can I export all projects to Excel at once? Please call {phone}, or ask my colleague {rel_acc}.",
            "How do I export the project list to Excel? My username is {username}, call me on {phone}.",
        ],
        "reply": (
            "Hi,\n\nTo export your projects to Excel:\n1. Open Projects\n2. Click Export and choose Excel\n\n"
            "I've also sent the file to your colleague {rel_dat} and tried to call you on {phone}.\n\nKind regards,\nTasklane Support"
        ),
    },
    "nl": {
        "third": {"rel": "Pieter", "rel_acc": "Pieter", "rel_dat": "Pieter", "other": "Daan"},
        "questions": [
            "Hoe exporteer ik mijn projecten naar Excel? Mijn collega {rel} heeft het bestand ook nodig, bel me op {phone}.",
            "Waar kan ik projecten naar Excel exporteren? Sinds gisteren kan alleen {other} de export openen. Mijn nummer is {phone}.",
            "Hoe kan ik mijn projecten als Excel-bestand exporteren? Je kunt me bereiken op {phone}.",
            "Exporteren naar Excel werkt niet voor mijn projecten, hoe exporteer ik ze? Mijn collega {rel} probeerde het ook. Telefoon: {phone}",
            "Kan ik alle projecten tegelijk naar Excel exporteren? Bel {phone}, of vraag het mijn collega {rel_acc}.",
            "Hoe exporteer ik de projectenlijst naar Excel? Mijn gebruikersnaam is {username}, bel me op {phone}.",
        ],
        "reply": (
            "Hoi,\n\nZo exporteer je je projecten naar Excel:\n1. Open Projecten\n2. Klik op Exporteren en kies Excel\n\n"
            "Ik heb het bestand ook naar je collega {rel_dat} gestuurd en je geprobeerd te bellen op {phone}.\n\n"
            "Met vriendelijke groet,\nTasklane Support"
        ),
    },
    "sv": {
        "third": {"rel": "Sofia", "rel_acc": "Sofia", "rel_dat": "Sofia", "other": "Elin"},
        "questions": [
            "Hur exporterar jag mina projekt till Excel? Min kollega {rel} behöver också filen, ring mig på {phone}.",
            "Var kan jag exportera projekt till Excel? Sedan i går kan bara {other} öppna exporten. Mitt nummer är {phone}.",
            "Hur kan jag exportera mina projekt som Excel-fil? Du når mig på {phone}.",
            "Export till Excel fungerar inte för mina projekt, hur exporterar jag dem? Min kollega {rel} försökte också. Telefon: {phone}",
            "Kan jag exportera alla projekt till Excel på en gång? Ring {phone}, eller fråga min kollega {rel_acc}.",
            "Hur exporterar jag projektlistan till Excel? Mitt användarnamn är {username}, ring mig på {phone}.",
        ],
        "reply": (
            "Hej,\n\nSå exporterar du dina projekt till Excel:\n1. Öppna Projekt\n2. Klicka på Exportera och välj Excel\n\n"
            "Jag har också skickat filen till din kollega {rel_dat} och försökt ringa dig på {phone}.\n\n"
            "Vänliga hälsningar,\nTasklane Support"
        ),
    },
    "de": {
        "third": {"rel": "Anna", "rel_acc": "Anna", "rel_dat": "Anna", "other": "Katrin"},
        "questions": [
            "Wie exportiere ich meine Projekte nach Excel? Meine Kollegin {rel} braucht die Datei auch, rufen Sie mich unter {phone} an.",
            "Wo kann ich Projekte nach Excel exportieren? Ich habe {other} gestern eingeladen und sie braucht den Export. Meine Nummer ist {phone}.",
            "Wie kann ich meine Projekte als Excel-Datei exportieren? Sie erreichen mich unter {phone}.",
            "Der Export nach Excel funktioniert für meine Projekte nicht, wie exportiere ich sie? Meine Kollegin {rel} hat es auch versucht. Telefon: {phone}",
            "Kann ich alle Projekte auf einmal nach Excel exportieren? Rufen Sie {phone} an oder fragen Sie meine Kollegin {rel_acc}.",
            "Wie exportiere ich die Projektliste nach Excel? Mein Benutzername ist {username}, rufen Sie mich unter {phone} an.",
        ],
        "reply": (
            "Hallo,\n\nSo exportieren Sie Ihre Projekte nach Excel:\n1. Öffnen Sie Projekte\n2. Klicken Sie auf Exportieren und wählen Sie Excel\n\n"
            "Ich habe die Datei auch an Ihre Kollegin {rel_dat} geschickt und versucht, Sie unter {phone} anzurufen.\n\n"
            "Mit freundlichen Grüßen\nTasklane Support"
        ),
    },
    "pl": {
        "third": {"rel": "Katarzyna", "rel_acc": "Katarzynę", "rel_dat": "Katarzynie", "other": "Agnieszka"},
        "questions": [
            "Jak wyeksportować projekty do Excela? Moja koleżanka {rel} też potrzebuje pliku, proszę dzwonić pod {phone}.",
            "Gdzie mogę wyeksportować projekty do Excela? Od wczoraj tylko {other} może otworzyć eksport. Mój numer to {phone}.",
            "Jak mogę wyeksportować projekty jako plik Excel? Można do mnie dzwonić pod {phone}.",
            "Eksport do Excela nie działa dla moich projektów, jak je wyeksportować? Moja koleżanka {rel} też próbowała. Telefon: {phone}",
            "Czy mogę wyeksportować wszystkie projekty do Excela naraz? Proszę dzwonić pod {phone} albo zapytać koleżankę {rel_acc}.",
            "Jak wyeksportować listę projektów do Excela? Mój login to {username}, proszę dzwonić pod {phone}.",
        ],
        "reply": (
            "Dzień dobry,\n\nAby wyeksportować projekty do Excela:\n1. Otwórz Projekty\n2. Kliknij Eksportuj i wybierz Excel\n\n"
            "Wysłałem plik także koleżance {rel_dat} i próbowałem dzwonić pod {phone}.\n\nPozdrawiam,\nZespół Tasklane"
        ),
    },
}
USERNAMES = ["xX_gamer_99", "jdevries", "sofia_k1990", "hans.mueller", "jkowalski"]


def five_language_export(planted: list[tuple[str, str]]) -> dict:
    """A Zendesk export of one recurring question in each language; every planted value goes into
    planted as (type, value). Requesters are known users; the third persons are not."""
    phones = itertools.cycle(NATIONAL_PHONES)
    users = [{"id": 800001, "name": "Sam Carter", "email": "sam.carter@tasklane.example", "role": "agent"}]
    tickets, number = [], itertools.count(2001)
    for group_id, (lang, topic) in enumerate(FIVE_LANGUAGES.items(), start=1):
        third = topic["third"]
        planted.extend(("name", name) for name in third.values())
        for i, question in enumerate(topic["questions"]):
            ticket_id = next(number)
            values = {**third, "phone": next(phones), "username": USERNAMES[group_id - 1]}
            planted += [("phone", values["phone"])] + ([("username", values["username"])] if "{username}" in question else [])
            requester = {"id": 900000 + ticket_id, "name": f"Requester {ticket_id}", "email": f"r{ticket_id}@example.com", "role": "end-user"}
            users.append(requester)
            ticket = zendesk_ticket(
                ticket_id, question.split("?")[0] + "?", question.format(**values), topic["reply"].format(**values),
                requester=requester["id"], group_id=group_id, created=f"2026-08-{3 + i:02d}T09:00:00Z",
            )  # fmt: skip
            tickets.append(ticket)
    groups = [{"id": i, "name": f"Export ({lang})"} for i, lang in enumerate(FIVE_LANGUAGES, start=1)]
    return zendesk_export(tickets, users, groups)


def test_national_phones_and_third_persons_of_five_languages_reach_neither_drafts_nor_site(tmp_path):
    planted: list[tuple[str, str]] = []
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps(five_language_export(planted), ensure_ascii=False, indent=1), encoding="utf-8")
    assert set(find(planted, {export: readable_text(export)}, tmp_path)) == set(planted)
    project = tmp_path / "help"
    assert kbgen("init", str(project), "--site-name", "Tasklane Help", cwd=tmp_path).returncode == 0
    (project / "site_config" / "kbgen.yml").write_text(KBGEN_YML, encoding="utf-8")
    draft = kbgen("draft", str(export), "--min-topic-size", "3", cwd=project)
    assert draft.returncode == 0, draft.stderr
    build = kbgen("build", "--drafts", cwd=project)

    drafts = [p for p in (project / "content").rglob("*.md") if "status: draft" in p.read_text(encoding="utf-8")]
    languages_drafted = {p.relative_to(project / "content").parts[0] for p in drafts}
    assert {"nl", "sv", "de", "pl"} <= languages_drafted and len(drafts) >= 5, [str(p) for p in drafts]
    written = [p for root in ("content", "site") for p in sorted((project / root).rglob("*")) if p.is_file()]
    written = [p for p in written if not (p.is_relative_to(project / "site") and shipped_by_a_theme(p, project / "site"))]
    files = {p: text for p in written if (text := readable_text(p)) is not None}
    leaks = find(planted, files, project)
    if leaks or build.returncode:
        lines = [f"{len(leaks)} personal values reached content/ or site/:"] + [line for found in leaks.values() for line in found]
        if build.returncode:
            lines.append(f"kbgen build --drafts exited with {build.returncode}: {build.stderr.strip()}")
        pytest.fail("\n".join(lines), pytrace=False)
    # The search can find things: the drafts' own words are in the built pages, in every language.
    pages = " ".join(text for p, text in files.items() if p.suffix == ".html").lower()
    assert all(word in pages for word in ("export", "exporteer", "exportera", "exportieren", "wyeksportować"))
