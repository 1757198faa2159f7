"""How generic draft titles are, as a writer would judge them, on real customer questions.

    python benchmarks/titles.py                       # Banking77 and the bundled sample
    python benchmarks/titles.py --engine semantic

Runs ``kbgen draft --assignments`` in a fresh content directory and scores each draft's title
against its topic's tickets, the measure of ``../shared/tools/title_metrics.py``:

- support: the mean, over the title's content words (stop words dropped, cut to 5 letters),
  of the share of the topic's tickets that hold the word;
- specific: the title holds a digit, a placeholder, or a word fewer than 5% of its topic's
  tickets hold.

Banking77 (``../shared/data/banking77``) is scored by that tool itself, with its English stop
words. The bundled sample (``examples/tickets.zendesk.json``: en, nl, sv) is scored here with
each language's stop words (the stop-words package), per language.
Targets: support median >= 0.80, specific share <= 0.05.
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from stop_words import get_stop_words

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "banking77"
TOOL = REPO.parent / "shared" / "tools" / "title_metrics.py"
SAMPLE = REPO / "examples" / "tickets.zendesk.json"
STOP_LISTS = {"en": "english", "nl": "dutch", "sv": "swedish", "de": "german", "pl": "polish"}


def draft(export: Path, work: Path, extra: list[str]) -> Path:
    """Run kbgen draft on export into work/content; the assignments file's path."""
    kbgen = Path(sys.executable).with_name("kbgen")
    assignments = work / "assignments.csv"
    subprocess.run(
        [str(kbgen), "draft", str(export), "--content", str(work / "content"), "--config-dir", str(work / "site_config"),
         "--assignments", str(assignments), *extra],
        check=True, capture_output=True,
    )
    return assignments


def front_matter(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    out = {}
    for line in text.split("---", 2)[1].splitlines():
        if ":" in line and not line.startswith(" "):
            key, value = line.split(":", 1)
            out[key.strip()] = value.strip().strip("'\"")
    return out


def sample_scores(work: Path, assignments: Path) -> dict[str, tuple[int, float, float, list[str]]]:
    """language -> (titles, support median, specific share, worst titles) for the sample."""
    sys.path.insert(0, str(REPO))
    from kbgen.exports import read_exports

    text_of = {t.id: f"{t.subject} {t.question}" for t in read_exports([SAMPLE], "auto", None).tickets}
    tickets = defaultdict(list)
    with open(assignments, encoding="utf-8", newline="") as fp:
        for row in csv.DictReader(fp):
            if row["topic_id"]:
                tickets[row["topic_id"]].append(text_of.get(row["ticket_id"], ""))
    rows = defaultdict(list)
    for path in sorted((work / "content").rglob("*.md")):
        meta = front_matter(path)
        lang, topic = meta.get("lang", ""), meta.get("kbgen_topic", "")
        if not topic or topic not in tickets:
            continue
        stop = {w.lower() for w in get_stop_words(STOP_LISTS.get(lang, "english"))}

        def words(text: str) -> set[str]:
            return {w[:5] for w in re.findall(r"[^\W_]+", text.lower()) if w not in stop and len(w) > 1}

        docs = [words(text) for text in tickets[topic]]
        title = meta.get("title", "")
        shares = [sum(w in d for d in docs) / len(docs) for w in words(title)] or [0.0]
        specific = bool(re.search(r"\d|\[[a-z-]+\]", title)) or min(shares) < 0.05
        rows[lang].append((sum(shares) / len(shares), specific, title))
    return {
        lang: (len(found), statistics.median(r[0] for r in found), sum(r[1] for r in found) / len(found),
               [f"{s:.2f} {t}" for s, _, t in sorted(found)[:3]])
        for lang, found in sorted(rows.items())
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=("default", "semantic"), default="default")
    args = parser.parse_args()
    extra = ["--engine", args.engine]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if (DATA / "tickets.csv").is_file() and TOOL.is_file():
            assignments = draft(DATA / "tickets.csv", work / "b77", extra)
            out = subprocess.run(
                [sys.executable, str(TOOL), str(work / "b77" / "content"), str(assignments), str(DATA / "tickets.csv"),
                 "ticket_id", "subject,description"],
                capture_output=True, text=True, check=True,
            ).stdout
            print(f"Banking77, {args.engine} engine (title_metrics.py):\n{out}")
        else:
            print("Banking77 or title_metrics.py not found in ../shared: skipped")
        assignments = draft(SAMPLE, work / "sample", extra)
        print(f"bundled sample, {args.engine} engine (each language's stop words):")
        for lang, (n, support, specific, worst) in sample_scores(work / "sample", assignments).items():
            print(f"  {lang}: titles={n} support_median={support:.2f} specific_share={specific:.2f}  worst: {'; '.join(worst)}")


if __name__ == "__main__":
    main()
