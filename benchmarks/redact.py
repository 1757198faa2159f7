"""Redaction time against reading time, on tickets full of personal data.

    python benchmarks/redact.py                   # 100,000 tickets, 3 runs
    python benchmarks/redact.py --tickets 20000 --runs 5

Writes a generic CSV export (cached in --work) whose conversations carry names, e-mail
addresses, phone numbers, IBANs and order numbers, with the requester and agent named in their
columns (so the known-name pass runs too); each run, in a fresh process, reads all
tickets, then redacts them all, and reports both times. Target: redaction takes at most twice
the time of reading (median ratio of the runs).
"""

from __future__ import annotations

import csv
import json
import random
import statistics
from datetime import datetime, timedelta, timezone
from pathlib import Path

from common import cached_export, fresh_runs, options

TARGET_RATIO = 2.0
# 1,600 requester names: more than Python's cache of compiled patterns holds, as in a real export.
FIRST = [
    "Anna", "Pieter", "Sanne", "Erik", "Karin", "Marek", "Jan", "Emma", "Tom", "Olivia", "Daan", "Sofie", "Lars",
    "Ingrid", "Piotr", "Zofia", "Jonas", "Lena", "Felix", "Hanna", "Oliver", "Grace", "Noah", "Mila", "Bram",
    "Elin", "Nils", "Maja", "Tomasz", "Agnieszka", "Lukas", "Greta", "James", "Chloe", "Ruben", "Fleur", "Oskar",
    "Astrid", "Kacper", "Julia",
]
LAST = [
    "de Vries", "Jansen", "van den Berg", "Lindqvist", "Johansson", "Nowak", "Müller", "Smith", "Brown", "Kowalska",
    "Bakker", "Visser", "Smit", "Meijer", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Wiśniewski", "Wójcik",
    "Kamiński", "Lewandowska", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Wagner", "Taylor", "Wilson",
    "Davies", "Evans", "Mulder", "de Boer", "Persson", "Zieliński", "Hoffmann", "Schulz", "Walker", "Wright",
]
AGENTS = ["Sam Carter", "Lotte Bos", "Sara Holm", "Ewa Nowicka", "Jonas Keller"]
# Phone shapes; the digits are drawn per ticket so that no two tickets share a number.
PHONES = ["06 {d8}", "+31 6 {d4} {d4}", "070-{d3} {d2} {d2}", "+46 70 {d3} {d2} {d2}", "+48 601 {d3} {d3}", "030 {d8}", "+44 20 7946 {d4}"]
QUESTIONS = [
    "Hi, I can't log in since yesterday. My email is {email}, please call me on {phone}.",
    "Hello, the invoice TL-{order} is wrong. Our IBAN is NL91 ABNA 0417 1643 00, can you refund it?",
    "Hej! Appen synkar inte längre. Ring mig på {phone}. Mvh {name}",
    "Beste, ik wil mijn abonnement opzeggen. Groet, {name} ({email})",
    "I forgot my password and the reset link has expired. Can you send a new one?\n\nKind regards,\n{name}",
    "Dzień dobry, nie mogę się zalogować. Proszę o kontakt: {phone}.\nPozdrawiam, {name}",
    "Guten Tag, bitte senden Sie die Rechnung an Goethestraße {house}, 10115 Berlin.\nMit freundlichen Grüßen\n{name}",
]
ANSWER = "Hi {first},\n\nThanks for reaching out. I have reset the session: please sign in again.\n1. Open the app\n2. Sign in with {email}\n\nBest regards,\n{agent}"

READER = """
import json, sys, time
from collections import Counter
from kbgen.config import SiteConfig
from kbgen.exports import iter_exports
from kbgen.redact import Redactor
start = time.perf_counter()
tickets = list(iter_exports([sys.argv[1]], "csv"))
read_s = time.perf_counter() - start
redactor, counts = Redactor(SiteConfig(patterns={"order-number": r"TL-\\d{6}"})), Counter()
start = time.perf_counter()
for ticket in tickets:
    redactor.redact_ticket(ticket, counts)
redact_s = time.perf_counter() - start
print(json.dumps({"tickets": len(tickets), "read_s": read_s, "redact_s": redact_s, "items": sum(counts.values())}))
"""


def write_export(path: Path, tickets: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with open(path, "w", encoding="utf-8", newline="") as fp:
        writer = csv.writer(fp)
        writer.writerow(
            ["ticket_id", "subject", "description", "status", "created_at", "requester_name", "requester_email", "agent_name", "conversation"]
        )
        for n in range(tickets):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            values = {
                "name": f"{first} {last}",
                "first": first,
                "email": f"{first.lower()}.{last.lower().replace(' ', '')}@example.com",
                "phone": rng.choice(PHONES).format(
                    **{f"d{n}": "".join(rng.choice("0123456789") for _ in range(n)) for n in (2, 3, 4, 8)}
                ),
                "order": rng.randint(100000, 999999),
                "agent": rng.choice(AGENTS),
                "house": rng.randint(1, 200),
            }
            question = rng.choice(QUESTIONS).format(**values)
            created = start + timedelta(minutes=n)
            conversation = [
                {"role": "customer", "text": question, "at": created.isoformat()},
                {"role": "agent", "text": ANSWER.format(**values), "at": (created + timedelta(hours=1)).isoformat()},
            ]
            writer.writerow(
                [n, question[:40], question, "solved", created.isoformat(), values["name"], values["email"], values["agent"], json.dumps(conversation)]
            )


def main() -> None:
    args = options(__doc__, tickets=100_000)
    export = cached_export(args.work, f"personal-{args.tickets}-v3.csv", args.tickets, write_export)
    results = fresh_runs(
        READER, export, args.runs,
        lambda r: f"read {r['read_s']:.1f} s, redact {r['redact_s']:.1f} s ({r['redact_s'] / r['read_s']:.2f}x), {r['items']:,} items replaced",
    )
    ratio = statistics.median(r["redact_s"] / r["read_s"] for r in results)
    rate = statistics.median(r["tickets"] / r["redact_s"] for r in results)
    print(f"{args.tickets:,} tickets, median of {args.runs} runs:")
    print(f"  redaction: {rate:,.0f} tickets/s, {ratio:.2f}x the reading time (target <= {TARGET_RATIO}) {'ok' if ratio <= TARGET_RATIO else 'MISSED'}")


if __name__ == "__main__":
    main()
