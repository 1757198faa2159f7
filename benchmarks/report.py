"""The improvement report at scale: 1,000,000 feedback records and 200,000 tickets.

    python benchmarks/report.py                       # 3 runs, each in a fresh process
    python benchmarks/report.py --records 200000 --tickets 40000 --runs 1

Writes (once, cached in --work) collector files for 60 days from two collector processes
(votes, some with comments, survey answers with ticket ids, searches without results and searches
that opened an article), a generic ticket export with service times and reopens, a content folder
of 300 published articles, an assignments file and three service standards, then times
`kbgen report ... --format json` for the last 30 days against the 30 before, and its peak RSS.
Target (issue #8): <= 30 s and <= 2 GB on the 2-core machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ARTICLES = 300
DAYS = 60
START = datetime(2026, 9, 1, tzinfo=timezone.utc)
COMMENTS = ["The link had expired", "Too many steps", "Screenshots are outdated", "Did not work on my phone", "Thanks!"]
QUERIES = ["gantt colours", "export to excel", "delete workspace", "sso login", "dark mode", "invoice vat number"]
WORDS = [f"{a}{b}" for a in ("ex", "im", "re", "de", "un", "pre", "co", "sub") for b in ("port", "load", "set", "sync", "link", "view", "form", "mark", "list", "plan", "tag", "task")]


def write_data(work: Path, records: int, tickets: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    feedback = work / "feedback"
    feedback.mkdir(parents=True)
    content = work / "content" / "help"
    content.mkdir(parents=True)
    for n in range(ARTICLES):
        (content / f"article-{n}.md").write_text(f"---\ntitle: Article {n}\nkbgen_topic: t-{n}\npublished: 2026-09-{1 + n % 28:02d}\n---\n\nText.\n", encoding="utf-8")
    per_day = records // DAYS
    for day in range(DAYS):
        date = START + timedelta(days=day)
        files = [open(feedback / f"feedback-{date:%Y-%m-%d}-bench-{pid}.jsonl", "w", encoding="utf-8") for pid in (101, 102)]
        for n in range(per_day):
            moment = date + timedelta(seconds=rng.randrange(86_400))
            page = f"/help/article-{int(rng.paretovariate(1.2)) % ARTICLES}/"
            kind = rng.random()
            record = {"v": 1, "received_at": f"{moment:%Y-%m-%dT%H:%M:%SZ}", "client": f"{rng.getrandbits(48):012x}", "lang": "en"}
            if kind < 0.7:
                record.update(kind="feedback", page=page, helpful=rng.random() < 0.7, submission=f"f{day}-{n}")
                if rng.random() < 0.1:  # comments are mostly unique
                    record["comment"] = f"{rng.choice(COMMENTS)} (step {rng.randrange(1, 9)}, {rng.choice(WORDS)} {rng.randrange(10**6)})"
            elif kind < 0.85:
                survey = rng.choice(["csat", "nps", "ces"])
                low, high = {"csat": (1, 5), "nps": (0, 10), "ces": (1, 7)}[survey]
                record.update(kind="survey", survey=survey, score=rng.randint(low, high), ticket=str(rng.randrange(tickets)), page=f"/survey/{survey}/")
            else:
                # Searches repeat, with a long tail of rarer wordings; some lead to an article.
                query = rng.choice(QUERIES) if rng.random() < 0.6 else f"{rng.choice(WORDS)} {rng.choice(WORDS)}"
                record.update(kind="search", query=query, results=0, page=page)
                if rng.random() < 0.4:
                    record.update(results=rng.randint(1, 8), opened=f"/help/article-{int(rng.paretovariate(1.2)) % ARTICLES}/")
            files[n % 2].write(json.dumps(record, separators=(",", ":")) + "\n")
        for fp in files:
            fp.close()
    with open(work / "tickets.csv", "w", encoding="utf-8", newline="") as fp:
        out = csv.writer(fp)
        out.writerow(["ticket_id", "subject", "description", "status", "created_at", "first_response_at", "solved_at", "reopens"])
        for n in range(tickets):
            created = START + timedelta(minutes=rng.randrange(DAYS * 1440))
            first = created + timedelta(minutes=rng.randrange(5, 3000))
            solved = first + timedelta(minutes=rng.randrange(10, 8000))
            out.writerow([n, f"Question {n % 977}", "How do I do this?", "solved", created.isoformat(), first.isoformat(),
                          solved.isoformat(), int(rng.random() < 0.08)])
    with open(work / "assignments.csv", "w", encoding="utf-8", newline="") as fp:
        out = csv.writer(fp)
        out.writerow(["ticket_id", "topic_id", "article"])
        for n in range(tickets):
            article = int(rng.paretovariate(1.2)) % ARTICLES
            out.writerow([n, f"t-{article}", f"help/article-{article}.md"])


STANDARDS = """\
standards:
  - {name: First reply within 24 hours, measure: first_response, hours: 24, target: 0.9}
  - {name: Solved within 3 days, measure: resolution, hours: 72, target: 0.9}
  - {name: CSAT at least 85%, measure: csat, target: 0.85}
"""


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants now, in MB (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as fp:
                total += next((int(line.split()[1]) for line in fp if line.startswith("VmRSS:")), 0)
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total / 1024


def run_once(work: Path) -> tuple[float, float]:
    """Wall time and peak RSS of one report: the sum over kbgen and the process it reads tickets in."""
    kbgen = Path(sys.executable).with_name("kbgen")
    (work / "site_config").mkdir(exist_ok=True)
    (work / "site_config" / "kbgen.yml").write_text(STANDARDS, encoding="utf-8")
    command = [str(kbgen), "report", str(work / "feedback"), "--tickets", str(work / "tickets.csv"),
               "--config-dir", str(work / "site_config"),
               "--assignments", str(work / "assignments.csv"), "--content", str(work / "content"), "--format", "json",
               "--since", f"{START + timedelta(days=DAYS // 2):%Y-%m-%d}", "--until", f"{START + timedelta(days=DAYS - 1):%Y-%m-%d}",
               "--out", str(work / "report.json")]
    start = time.perf_counter()
    peak = 0.0
    with open(os.devnull, "w") as quiet:
        process = subprocess.Popen(command, stdout=quiet, stderr=quiet)
        while process.poll() is None:
            peak = max(peak, tree_rss_mb(process.pid))
            time.sleep(0.05)
    if process.returncode != 0:
        sys.exit(f"kbgen report failed: {' '.join(command)}")
    return time.perf_counter() - start, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--tickets", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kbgen-bench-report")
    args = parser.parse_args()
    work = args.work / f"{args.records}-{args.tickets}-v3"
    if not (work / "assignments.csv").exists():
        print(f"writing {args.records:,} records and {args.tickets:,} tickets into {work} ...", file=sys.stderr)
        write_data(work, args.records, args.tickets)
    walls, peaks = [], []
    for run in range(1, args.runs + 1):
        wall, peak = run_once(work)
        walls.append(wall)
        peaks.append(peak)
        print(f"run {run}: {wall:.1f} s, {peak:.0f} MB", file=sys.stderr)
    print(f"{args.records:,} records + {args.tickets:,} tickets: report in {statistics.median(walls):.1f} s "
          f"(median of {args.runs}), peak RSS {statistics.median(peaks):.0f} MB; target <= 30 s, <= 2048 MB")


if __name__ == "__main__":
    main()
