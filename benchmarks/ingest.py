"""Reading speed and memory of a large generic CSV export with conversations.

    python benchmarks/ingest.py                   # 1,000,000 tickets, 3 runs
    python benchmarks/ingest.py --tickets 100000 --runs 5

Writes the export once (cached beside --work), then reads it in a fresh process per run,
streaming every ticket through kbgen's reader without keeping them, and reports the median
tickets/s and peak resident memory. Targets (the 2-core machine): >= 20,000 tickets/s and
<= 500 MB peak RSS.
"""

from __future__ import annotations

import csv
import json
import random
import statistics
from datetime import datetime, timedelta, timezone
from pathlib import Path

from common import cached_export, fresh_runs, options

TARGET_RATE = 20_000
TARGET_RSS_MB = 500

QUESTIONS = [
    "Hi, how do I reset my password? The link in the email says it has expired.",
    "Where can I download the invoice for last month? I need it for our accounts.",
    "The mobile app stopped syncing after the update, tasks are missing on my phone.",
    "Can I add a colleague to our workspace without paying for another seat?",
    "How do I export a project to CSV including the comments?",
]
ANSWERS = [
    "Hi,\n\nReset links work for 30 minutes. Request a new one:\n1. Go to the sign-in page\n2. Click Forgot password?\n\nBest regards,\nSam",
    "Go to Settings > Billing > Invoices and click Download PDF next to the month you need.",
    "Please update to version 5.12.1 and pull down on the task list to sync again.",
    "Guests are free: invite them from Settings > Members > Invite guest.",
    "Open the project, choose Export > CSV and tick Include comments.",
]

READER = """
import json, resource, sys, time
from kbgen.exports import iter_exports
start = time.perf_counter()
count = sum(1 for _ in iter_exports([sys.argv[1]], "csv"))
elapsed = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"tickets": count, "seconds": elapsed, "peak_rss_mb": peak_mb}))
"""


def write_export(path: Path, tickets: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with open(path, "w", encoding="utf-8", newline="") as fp:
        writer = csv.writer(fp)
        writer.writerow(["ticket_id", "subject", "description", "status", "created_at", "resolved_at", "tags", "conversation"])
        for n in range(tickets):
            topic = rng.randrange(len(QUESTIONS))
            created = start + timedelta(minutes=n)
            answered = created + timedelta(minutes=rng.randint(5, 600))
            conversation = [
                {"role": "customer", "text": QUESTIONS[topic], "at": created.isoformat()},
                {"role": "agent", "text": "INTERNAL-ONLY check the plan", "internal": True},
                {"role": "agent", "text": ANSWERS[topic], "at": answered.isoformat()},
                {"role": "customer", "text": "Thanks, that worked!", "at": (answered + timedelta(hours=1)).isoformat()},
            ]
            writer.writerow(
                [
                    100_000 + n,
                    QUESTIONS[topic][:40],
                    QUESTIONS[topic],
                    "solved",
                    created.isoformat(),
                    (answered + timedelta(hours=2)).isoformat(),
                    "billing,web",
                    json.dumps(conversation),
                ]
            )


def main() -> None:
    args = options(__doc__, tickets=1_000_000)
    export = cached_export(args.work, f"tickets-{args.tickets}.csv", args.tickets, write_export)
    size_mb = export.stat().st_size / 1e6
    results = fresh_runs(
        READER, export, args.runs, lambda r: f"{r['tickets'] / r['seconds']:,.0f} tickets/s, {r['peak_rss_mb']:.0f} MB peak RSS"
    )
    for result in results:
        assert result["tickets"] == args.tickets, result
    rate = statistics.median(r["tickets"] / r["seconds"] for r in results)
    rss = statistics.median(r["peak_rss_mb"] for r in results)
    print(f"{args.tickets:,} tickets, {size_mb:,.0f} MB CSV, median of {args.runs} runs:")
    print(f"  reading: {rate:,.0f} tickets/s (target >= {TARGET_RATE:,}) {'ok' if rate >= TARGET_RATE else 'MISSED'}")
    print(f"  peak RSS: {rss:,.0f} MB (target <= {TARGET_RSS_MB}) {'ok' if rss <= TARGET_RSS_MB else 'MISSED'}")


if __name__ == "__main__":
    main()
