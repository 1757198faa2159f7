"""The command line: every command teaches with an example; every mistake is one line and exit 2."""

import json
import subprocess
import sys

import pytest
from conftest import REPO, zendesk_export, zendesk_ticket

from kbgen.cli import cli, main
from kbgen.errors import KbgenError

COMMANDS = sorted(cli.commands)


def run_main(monkeypatch, capsys, *args):
    monkeypatch.setattr(sys, "argv", ["kbgen", *args])
    try:
        main()
        code = 0
    except SystemExit as exit_info:
        code = exit_info.code
    out, err = capsys.readouterr()
    return code, out, err


def test_the_commands_are_the_documented_ones():
    assert COMMANDS == ["build", "collect", "demo", "draft", "init", "report", "serve"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(monkeypatch, capsys, command):
    code, out, _ = run_main(monkeypatch, capsys, command, "--help")
    assert code == 0
    assert "Example:" in out and f"kbgen {command}" in out


def test_draft_of_a_missing_file_is_one_error_line(monkeypatch, capsys, tmp_path):
    code, out, err = run_main(monkeypatch, capsys, "draft", str(tmp_path / "missing.csv"))
    assert code == 2
    assert err == f"Error: {tmp_path / 'missing.csv'}: no such file\n"


def test_draft_of_a_file_that_is_no_export_is_one_error_line(monkeypatch, capsys, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Meeting notes\nnothing to see\n", encoding="utf-8")
    code, _, err = run_main(monkeypatch, capsys, "draft", str(notes))
    assert code == 2
    assert err.startswith(f"Error: {notes}: not a ticket export kbgen recognises")
    assert err.count("\n") == 1


def test_bad_option_value_is_one_error_line(monkeypatch, capsys, tmp_path):
    code, _, err = run_main(monkeypatch, capsys, "draft", "x.csv", "--format", "excel")
    assert code == 2
    assert err.startswith("Error: Invalid value for '--format': 'excel' is not one of")
    assert err.endswith("(see 'kbgen draft --help')\n") and err.count("\n") == 1


def test_unreadable_config_is_one_error_line(monkeypatch, capsys, tmp_path, write_json):
    export = write_json("z.json", zendesk_export([zendesk_ticket(1, "a?", "b", "c")]))
    config = tmp_path / "site_config"
    config.mkdir()
    (config / "kbgen.yml").write_text("site:\n  language: xx\ndrafts:\n  min_topic_size: 0\n", encoding="utf-8")
    code, _, err = run_main(monkeypatch, capsys, "draft", str(export), "--config-dir", str(config))
    assert code == 2
    assert err == (
        f"Error: {config / 'kbgen.yml'}:2: site.language: 'xx' is not one of en, nl, sv, de, pl; "
        "kbgen.yml:4: drafts.min_topic_size: expected a whole number >= 2, got 0\n"
    )


def test_draft_writes_drafts_and_assignments_and_a_summary(monkeypatch, capsys, tmp_path, write_json):
    questions = [
        "How do I download my invoice?",
        "Where can I download an invoice as PDF?",
        "I need to download last month's invoice",
        "Invoice download is not working, where is my invoice?",
        "Can I download the invoice for my company?",
    ]
    export = write_json(
        "z.json",
        zendesk_export(
            [zendesk_ticket(i, q, q, "1. Open Billing\n2. Click Download") for i, q in enumerate(questions)]
            + [zendesk_ticket(99, "Office address?", "Where is your office in Berlin?", "Not in Berlin.")],
            [{"id": 900001, "name": "Anna de Vries", "email": "anna@example.nl", "role": "end-user"}],
        ),
    )
    content = tmp_path / "content"
    assignments = tmp_path / "assignments.csv"
    code, out, err = run_main(
        monkeypatch, capsys, "draft", str(export), "--content", str(content), "--assignments", str(assignments), "--lang", "en"
    )
    assert (code, err) == (0, "")
    assert "tickets read: 6" in out and "topics found: 1" in out and "new drafts: 1" in out
    assert "unassigned tickets (one-off questions): 1" in out
    assert len(list(content.rglob("*.md"))) == 1
    assert len(assignments.read_text(encoding="utf-8").splitlines()) == 7


def test_the_installed_command_reports_errors_without_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kbgen", "report", str(tmp_path / "nothing-here")],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_report_redacts_personal_data_customers_typed_into_comments(monkeypatch, capsys, tmp_path):
    feedback = tmp_path / "feedback-2026-10-01-a.jsonl"
    feedback.write_text(
        '{"v": 1, "kind": "feedback", "received_at": "2026-10-01T12:00:00Z", "page": "/a/", "helpful": false,'
        ' "comment": "Call me on 06 12345678 or mail anna.devries@example.nl", "client": "c1"}\n'
        '{"v": 1, "kind": "search", "received_at": "2026-10-01T12:01:00Z", "page": "/", "query": "anna.devries@example.nl",'
        ' "results": 0, "client": "c2"}\n',
        encoding="utf-8",
    )
    code, out, err = run_main(monkeypatch, capsys, "report", str(feedback), "--format", "json", "--content", str(tmp_path))
    assert code == 0, err
    assert "anna.devries" not in out and "12345678" not in out
    assert "[email]" in out and "[phone]" in out


def test_report_period_is_whole_days_and_must_run_forward(monkeypatch, capsys, tmp_path):
    feedback = tmp_path / "feedback-2026-10-01-a.jsonl"
    feedback.write_text(
        "".join(
            f'{{"v": 1, "kind": "feedback", "received_at": "2026-10-{day:02d}T23:59:00Z", "page": "/a/", "helpful": true}}\n'
            for day in (1, 2, 3)
        ),
        encoding="utf-8",
    )
    code, out, err = run_main(monkeypatch, capsys, "report", str(feedback), "--format", "json", "--content", str(tmp_path),
                              "--since", "2026-10-02", "--until", "2026-10-02")
    assert code == 0, err
    assert json.loads(out)["inputs"]["records"] == 1  # the 2nd, to its last minute
    code, _, err = run_main(monkeypatch, capsys, "report", str(feedback), "--since", "2026-10-03", "--until", "2026-10-01")
    assert (code, err) == (2, "Error: --since 2026-10-03 is after --until 2026-10-01\n")
    # The comparison period: the one before by default, or the days named.
    code, out, err = run_main(monkeypatch, capsys, "report", str(feedback), "--format", "json", "--content", str(tmp_path),
                              "--since", "2026-10-03", "--until", "2026-10-03")
    assert json.loads(out)["periods"]["previous"]["since"] == "2026-10-02T00:00:00Z"
    assert json.loads(out)["periods"]["previous"]["submissions"] == 1
    code, out, err = run_main(monkeypatch, capsys, "report", str(feedback), "--format", "json", "--content", str(tmp_path),
                              "--since", "2026-10-03", "--compare-since", "2026-10-01", "--compare-until", "2026-10-02")
    assert json.loads(out)["periods"]["previous"]["submissions"] == 2
    code, _, err = run_main(monkeypatch, capsys, "report", str(feedback), "--since", "2026-10-02",
                            "--compare-since", "2026-10-01", "--compare-until", "2026-10-02")
    assert code == 2 and "overlap the period reported on" in err
    code, _, err = run_main(monkeypatch, capsys, "report", str(feedback), "--compare-since", "2026-10-01")
    assert (code, err) == (2, "Error: --compare-since and --compare-until go together (without them: the period before --since)\n")


def test_report_reads_large_ticket_exports_in_a_second_process_with_the_same_result(monkeypatch, capsys, tmp_path, write_json):
    import kbgen.pipeline

    export = write_json(
        "tickets.json",
        zendesk_export([zendesk_ticket(n, "Invoice", "Where is my invoice?", "Under Billing.", created=f"2026-10-0{1 + n % 9}T09:00:00Z") for n in range(1, 40)]),
    )
    feedback = tmp_path / "feedback-2026-10-01-a.jsonl"
    feedback.write_text('{"v": 1, "kind": "feedback", "received_at": "2026-10-01T12:00:00Z", "page": "/a/", "helpful": false}\n')
    args = ("report", str(feedback), "--tickets", str(export), "--format", "json", "--content", str(tmp_path))
    code, inline, err = run_main(monkeypatch, capsys, *args)
    assert code == 0, err
    monkeypatch.setattr(kbgen.pipeline, "PARALLEL_READ_BYTES", 0)
    code, parallel, err = run_main(monkeypatch, capsys, *args)
    assert code == 0, err
    drop_time = lambda text: {k: v for k, v in json.loads(text).items() if k != "generated_at"}  # noqa: E731
    assert drop_time(parallel) == drop_time(inline)
    assert json.loads(parallel)["tickets"]["count"] == 39
    # The progress bar hears every byte of both, in either process.
    for parallel_from in (0, 2**40):
        monkeypatch.setattr(kbgen.pipeline, "PARALLEL_READ_BYTES", parallel_from)
        heard = []
        kbgen.pipeline.run_report([str(feedback)], tickets=[export], content_dir=tmp_path, on_bytes=heard.append)
        assert sum(heard) == export.stat().st_size + feedback.stat().st_size
    # A feedback error while the tickets are read elsewhere stops that reading and is the error shown.
    monkeypatch.setattr(kbgen.pipeline, "PARALLEL_READ_BYTES", 0)
    with pytest.raises(KbgenError, match="nothing-here: no such file or directory"):
        kbgen.pipeline.run_report([str(tmp_path / "nothing-here")], tickets=[export], content_dir=tmp_path)
    # An error in the second process is the same one line.
    broken = tmp_path / "broken.json"
    broken.write_text('{"tickets": [', encoding="utf-8")
    code, _, err = run_main(monkeypatch, capsys, "report", str(feedback), "--tickets", str(broken))
    assert code == 2 and err.startswith(f"Error: {broken}") and "Traceback" not in err


def test_report_reads_feedback_collected_elsewhere(monkeypatch, capsys, tmp_path):
    ga4 = tmp_path / "ga4.csv"
    ga4.write_text("# End date: 20261031\nPage path,data,Event count\n/a/,0,4\n/a/,1,1\n", encoding="utf-8")
    code, out, err = run_main(monkeypatch, capsys, "report", "--import", f"ga4:{ga4}", "--format", "json", "--content", str(tmp_path))
    assert code == 0, err
    [article] = json.loads(out)["articles"]
    assert (article["page"], article["votes"], article["not_helpful"]) == ("/a/", 5, 4)
    code, _, err = run_main(monkeypatch, capsys, "report")
    assert code == 2 and "give collector files (FEEDBACK) or --import FORMAT:FILE" in err


def test_report_takes_a_project_surveys_scales_from_its_templates_and_otherwise_from_the_answers(monkeypatch, capsys, tmp_path):
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text(
        "".join(
            f'{{"v": 1, "kind": "survey", "received_at": "2026-10-01T12:0{n}:00Z", "survey": "onboarding", "score": {score}, "client": "c{n}"}}\n'
            for n, score in enumerate((2, 3, 3))
        ),
        encoding="utf-8",
    )
    (tmp_path / "survey_templates").mkdir()
    (tmp_path / "survey_templates" / "onboarding.html").write_text(
        '{% extends "_survey.html" %}{% block questions %}{{ scale(min=1, max=5) }}{% endblock %}', encoding="utf-8"
    )
    args = ("report", str(feedback), "--content", str(tmp_path))
    code, out, err = run_main(monkeypatch, capsys, *args, "--project", str(tmp_path))
    assert code == 0, err
    assert "| ONBOARDING | mean answer (1-5) |" in out
    # Without --project, and even beside a template the report cannot use, the answers give the scale.
    (tmp_path / "survey_templates" / "broken.html").write_text("{% extends", encoding="utf-8")
    (tmp_path / "site_config").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, err = run_main(monkeypatch, capsys, *args)
    assert code == 0, err
    assert "| ONBOARDING | mean answer (2-3) |" in out


def test_long_work_shows_a_bar_per_stage_with_its_count_on_a_terminal(tmp_path, monkeypatch):
    import io

    import kbgen.cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(kbgen.cli.sys, "stderr", terminal)
    progress = kbgen.cli._Progress()
    for done in (0, 500, 1000):
        progress("redacting tickets", done, 1000)
    progress("suggesting categories")
    progress.close()
    shown = terminal.getvalue()
    assert "redacting tickets" in shown and "1000/1000" in shown
    assert "… suggesting categories" in shown


def test_report_outside_a_project_names_the_missing_folder_instead_of_ranking_without_it(tmp_path, monkeypatch, capsys):
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text('{"v": 1, "kind": "feedback", "received_at": "2026-10-01T12:00:00Z", "page": "/a/", "helpful": false}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_main(monkeypatch, capsys, "report", str(feedback))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "Error: --content: no folder content (run in the project folder, give --content DIR, or --no-content to rank without articles)"
    ]
    code, _, err = run_main(monkeypatch, capsys, "report", str(feedback), "--content", str(tmp_path / "elsewhere"), "--no-content")
    assert code == 2 and err.splitlines()[0].startswith("Error: --config-dir: no folder site_config (")
    (tmp_path / "site_config").mkdir()
    code, out, err = run_main(monkeypatch, capsys, "report", str(feedback), "--no-content")
    assert code == 0, err
    assert "articles not read (--no-content)" in out
