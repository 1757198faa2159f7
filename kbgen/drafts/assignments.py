"""The assignments file: which topic and article each ticket of a `kbgen draft` run went to.

``kbgen report --assignments`` reads it to count tickets per topic; it holds ids, paths and the
title each topic's draft got (the question a missing article would answer), no ticket text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from kbgen.drafts.write import DraftOutcome
from kbgen.errors import KbgenError
from kbgen.files import atomic_target
from kbgen.records import Assignment, Topic


def assignments_rows(
    ticket_ids: Iterable[str], topics: Sequence[Topic], outcomes: Sequence[DraftOutcome], earlier: Mapping[str, tuple[str, str]] | None = None
) -> list[tuple[str, str, str, str]]:
    """One (ticket_id, topic_id, article, question) row per input ticket id; empty fields when it
    joined none. earlier: (topic id, article) of the tickets an earlier run placed, where this
    one did not (their question is not known here)."""
    placed = {topic.id: (outcome, topic.title) for topic, outcome in zip(topics, outcomes, strict=True)}
    topic_of = {tid: topic.id for topic in topics for tid in topic.ticket_ids}
    earlier = earlier or {}
    rows = []
    for ticket_id in ticket_ids:
        outcome, title = placed.get(topic_of.get(ticket_id, ""), (None, ""))
        topic_id, article = (outcome.topic_id, outcome.article) if outcome else earlier.get(ticket_id, ("", ""))
        rows.append((ticket_id, topic_id, article, title))
    return rows


def write_assignments(path: str | Path, rows: Sequence[tuple[str, str, str, str]]) -> None:
    target = Path(path)
    with atomic_target(target) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as fp:
            writer = csv.writer(fp)
            writer.writerow(["ticket_id", "topic_id", "article", "question"])
            writer.writerows(rows)


def read_assignments(path: str | Path) -> dict[str, Assignment]:
    """ticket id -> its topic and article ("" when it joined none), from a file `draft` wrote."""
    source = Path(path)
    try:
        with open(source, encoding="utf-8-sig", newline="") as fp:
            reader = csv.DictReader(fp)
            if not {"ticket_id", "article"} <= set(reader.fieldnames or []):
                raise KbgenError(f"{source}: expected columns ticket_id,topic_id,article")
            return {
                row["ticket_id"]: Assignment(row.get("topic_id") or "", row["article"] or "", row.get("question") or "") for row in reader
            }
    except FileNotFoundError:
        raise KbgenError(f"{source}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KbgenError(f"{source}: cannot read: {exc}") from None
