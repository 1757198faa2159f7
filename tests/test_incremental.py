"""A later `kbgen draft` continues the grouping an earlier one kept in .kbgen/ (kbgen.state)."""

from __future__ import annotations

import copy
import csv
import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kbgen.articles import split_front_matter
from kbgen.cli import cli, main
from kbgen.samples import sample_root

# Written into a few tickets of each export: no file in .kbgen/ may hold them.
PLANTED = ("Quokkamarmalade", "Zanzibarite", "Vlinderkoffer")
# A question the sample never asks, three times in each export: five tickets make a topic.
LATE_QUESTION = (
    ("Can I print my Gantt chart on A3 paper?", "Printing the Gantt chart on A3 paper cuts off the last columns."),
    ("Gantt chart print on A3 paper?", "How do I print the whole Gantt chart on one A3 paper sheet?"),
    ("Print Gantt chart A3", "My Gantt chart does not fit when I print it on A3 paper."),
    ("Gantt chart printing on A3 paper", "Can the Gantt chart print on A3 paper instead of A4?"),
    ("A3 paper print of the Gantt chart", "I want to print our Gantt chart on A3 paper for the wall."),
    ("Printing a Gantt chart on A3", "Is there a way to print the Gantt chart on A3 paper?"),
)
LATE_ANSWER = "Open the Gantt chart, choose Print, then pick A3 under Paper size and Fit to width."


def _late_ticket(template: dict, number: int, subject: str, question: str, created: str) -> dict:
    ticket = copy.deepcopy(template)
    ticket.update(id=990000 + number, subject=subject, description=question, created_at=created, tags=["print"])
    customer, agent = ticket["comments"][0], ticket["comments"][1]
    ticket["comments"] = [{**customer, "body": question, "created_at": created}, {**agent, "body": LATE_ANSWER}]
    return ticket


@pytest.fixture(scope="module")
def weeks(tmp_path_factory) -> tuple[Path, Path]:
    """The sample export as two exports, split at its middle date, each with three tickets of
    LATE_QUESTION and planted words."""
    data = json.loads((sample_root() / "examples" / "tickets.zendesk.json").read_text(encoding="utf-8"))
    tickets = sorted(data["tickets"], key=lambda t: t["created_at"])
    half = len(tickets) // 2
    parts = [tickets[:half], tickets[half:]]
    folder = tmp_path_factory.mktemp("weeks")
    paths = []
    for week, part in enumerate(parts):
        part = copy.deepcopy(part)
        for at, word in enumerate(PLANTED):
            part[10 + 20 * at]["description"] += f" {word} {word.lower()} again."
        template = next(t for t in part if t["subject"] == "Invoice PDF" or t["tags"] == ["billing", "invoice"])
        created = part[-1]["created_at"]
        part += [_late_ticket(template, 3 * week + i, *LATE_QUESTION[3 * week + i], created) for i in range(3)]
        path = folder / f"week-{week + 1}.json"
        path.write_text(json.dumps({**data, "tickets": part}), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def draft(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["draft", *args, "--content", str(project / "content"), "--config-dir", str(project / "site_config"),
              "--assignments", str(project / "assignments.csv")],
    )  # fmt: skip
    return result.exit_code, result.output


def assignments(project: Path) -> dict[str, tuple[str, str]]:
    with open(project / "assignments.csv", encoding="utf-8", newline="") as fp:
        return {row["ticket_id"]: (row["topic_id"], row["article"]) for row in csv.DictReader(fp)}


def front(project: Path, article: str) -> dict:
    meta, _ = split_front_matter((project / "content" / article).read_text(encoding="utf-8"))
    return meta


@pytest.fixture(scope="module")
def two_runs(weeks, tmp_path_factory):
    """(project, assignments of the first run, of the second, the drafts' files after the first)."""
    project = tmp_path_factory.mktemp("project")
    code, output = draft(project, str(weeks[0]), "--min-topic-size", "5")
    assert code == 0, output
    first = assignments(project)
    before = {p.relative_to(project / "content").as_posix(): p.read_text(encoding="utf-8") for p in (project / "content").rglob("*.md")}
    code, output = draft(project, str(weeks[1]), "--min-topic-size", "5")
    assert code == 0, output
    assert "grouping continued from the last run" in output
    return project, first, assignments(project), before


def test_new_tickets_of_a_known_question_join_its_draft(two_runs):
    project, first, second, before = two_runs
    joined = {}
    for ticket_id, (topic_id, article) in second.items():
        if article in before and topic_id:
            joined.setdefault(article, []).append(ticket_id)
    assert len(joined) >= 5  # several of the first run's drafts took tickets of the second export
    for article, ids in joined.items():
        meta, old = front(project, article), split_front_matter(before[article])[0]
        assert meta["kbgen_topic"] == old["kbgen_topic"] == second[ids[0]][0]
        # The draft keeps the words a writer may have read, and counts its new tickets (and
        # tickets of the first export that fitted no question then).
        held = set(json.loads((project / ".kbgen" / "topics.json").read_text(encoding="utf-8"))["topics"][meta["kbgen_topic"]])
        waited = held - set(ids) - {t for t, (_, a) in first.items() if a == article}
        assert all(first[t] == ("", "") for t in waited)
        assert (meta["title"], meta["tickets"]) == (old["title"], old["tickets"] + len(ids) + len(waited))
        assert meta["last_seen"] >= old["last_seen"]
    assert not any(ticket_id in first for ticket_id in second)


def test_a_question_that_reaches_the_minimum_only_across_two_runs_gets_a_draft_on_the_second(two_runs):
    project, first, second, _ = two_runs
    late = [str(990000 + n) for n in range(6)]
    assert all(first[t] == ("", "") for t in late[:3])  # three tickets: no topic yet
    [(topic_id, article)] = {second[t] for t in late[3:]}
    meta = front(project, article)
    assert topic_id and meta["tickets"] == 6 and "gantt" in meta["title"].lower()


def test_a_rerun_on_an_export_it_has_seen_changes_nothing(two_runs, weeks, tmp_path):
    project, _, second, _ = two_runs
    copy_of = tmp_path / "project"
    shutil.copytree(project, copy_of)
    files = {p: p.read_bytes() for p in (copy_of / "content").rglob("*.md")}
    code, output = draft(copy_of, str(weeks[1]), "--min-topic-size", "5")
    assert code == 0, output
    assert {p: p.read_bytes() for p in (copy_of / "content").rglob("*.md")} == files
    assert assignments(copy_of) == second


def test_a_changed_setting_asks_for_full_in_one_line(two_runs, weeks, monkeypatch, capsys, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(two_runs[0], project)
    content = str(project / "content")
    monkeypatch.setattr(sys, "argv", ["kbgen", "draft", str(weeks[1]), "--content", content, "--min-topic-size", "4"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    error = capsys.readouterr().err
    assert exit_info.value.code == 2 and error.count("\n") == 1 and error.startswith("Error: ")
    assert "drafts.min_topic_size was '5'" in error and "--full" in error
    code, output = draft(project, str(weeks[1]), "--min-topic-size", "4", "--full")
    assert code == 0, output
    assert "grouping continued" not in output


def test_kbgen_keeps_no_ticket_text(two_runs):
    project, *_ = two_runs
    kept = [p for p in (project / ".kbgen").rglob("*") if p.is_file()]
    assert kept
    drafted = b"".join(p.read_bytes() for p in (project / "content").rglob("*.md")).lower()
    assert b"gantt" in drafted  # the planted words could reach the drafts: the check can fail
    for path in kept:
        data = path.read_bytes().lower()
        for word in (*PLANTED, "gantt", "invoice"):
            assert word.lower().encode() not in data, f"{path.name} holds {word!r}"


def test_a_damaged_grouping_file_is_named_with_the_way_out(tmp_path):
    from kbgen.errors import KbgenError
    from kbgen.state import read_state, settings_of, state_path

    path = state_path(tmp_path / "content")
    path.parent.mkdir()
    path.write_bytes(b"PK\x03\x04 half a file")
    with pytest.raises(KbgenError, match=r"grouping\.npz: unreadable .*--full"):
        read_state(tmp_path / "content", settings_of("0", "default", "", 5, None))


def test_the_latest_one_offs_wait_for_later_runs(monkeypatch):
    import numpy as np

    import kbgen.state

    monkeypatch.setattr(kbgen.state, "PENDING_LIMIT", 2)
    assert list(kbgen.state.waiting(np.array([5.0, np.nan, 9.0, 7.0]))) == [2, 3]
    assert list(kbgen.state.waiting(np.array([np.nan, 1.0]))) == [0, 1]
