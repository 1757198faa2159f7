from datetime import timezone

import pytest
from conftest import zendesk_export, zendesk_ticket

from kbgen.errors import KbgenError
from kbgen.exports import FORMATS, detect_format, read_exports
from kbgen.exports.files import ExportFile
from kbgen.exports.text import clean_message, html_to_text
from kbgen.records import AGENT, CUSTOMER, Person
from kbgen.redact import Redactor

USERS = [
    {"id": 900001, "name": "Anna de Vries", "email": "anna@example.nl", "role": "end-user", "locale": "nl"},
    {"id": 800001, "name": "Sam Carter", "email": "sam@tasklane.example", "role": "agent"},
]


def test_zendesk_json_gives_the_public_conversation_without_internal_notes(write_json):
    path = write_json(
        "zendesk.json",
        zendesk_export(
            [
                zendesk_ticket(
                    1,
                    "Invoice?",
                    "<p>Hi, where is my <b>invoice</b>?</p><script>alert(1)</script>",
                    "Go to Settings &gt; Billing.",
                    note="INTERNAL-ONLY legacy plan",
                )
            ],
            USERS,
            [{"id": 1, "name": "Billing"}],
        ),
    )
    [ticket] = read_exports([path]).tickets
    assert ticket.id == "1"
    assert ticket.question == "Hi, where is my invoice?"
    assert ticket.resolution == "Go to Settings > Billing."
    assert [m.role for m in ticket.messages] == [CUSTOMER, AGENT]
    assert all("INTERNAL-ONLY" not in m.text for m in ticket.messages)
    assert ticket.group == "Billing"
    assert ticket.language == "nl"
    assert ticket.created_at.tzinfo == timezone.utc
    assert ticket.first_response_s == 3600
    assert ticket.resolution_s == 7200
    assert {p.email for p in ticket.people} == {"anna@example.nl", "sam@tasklane.example"}


def test_detection_picks_the_right_reader(tmp_path, write_json):
    zendesk = write_json("z.json", zendesk_export([zendesk_ticket(1, "a", "b", "c")]))
    listing = write_json("list.json", [{"id": 1, "subject": "a"}])
    lines = tmp_path / "t.jsonl"
    lines.write_text('{"ticket_id": 1, "subject": "a"}\n', encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("Ticket ID;Subject;Description\n1;a;b\n", encoding="utf-8")
    assert [detect_format(ExportFile(p)).name for p in (zendesk, listing, lines, table)] == ["zendesk-json", "json", "jsonl", "csv"]
    assert {"zendesk-json", "json", "jsonl", "csv"} <= set(FORMATS)


def test_generic_csv_with_semicolons_bom_and_embedded_newlines(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        '\ufeffticket_id;subject;description;status;created_at;resolved_at;tags\n'
        '7;Reset;"I forgot my password.\nHelp!";Solved;2026-08-01 10:00;2026-08-01T12:00:00+02:00;login, password\n',
        encoding="utf-8",
    )
    [ticket] = read_exports([path]).tickets
    assert ticket.question == "I forgot my password.\nHelp!"
    assert ticket.status == "solved"
    assert ticket.tags == ("login", "password")
    assert ticket.resolution_s == 0  # 10:00 UTC to 12:00+02:00
    assert ticket.source == f"{path}:2"


def test_generic_export_names_its_people_for_redaction(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "id,subject,description,customer name,customer email,assignee\n"
        "3,Login,Ingrid here: my login fails. Ingrid Svensson,Ingrid Svensson,ingrid@example.se,Sam Carter\n",
        encoding="utf-8",
    )
    [ticket] = read_exports([path]).tickets
    assert ticket.people == (Person("Ingrid Svensson", "ingrid@example.se"), Person("Sam Carter"))
    assert Redactor().redact_ticket(ticket).question == "[name] here: my login fails. [name]"


def test_newest_record_of_a_ticket_wins_across_files(tmp_path):
    old = tmp_path / "old.csv"
    new = tmp_path / "new.csv"
    old.write_text("id,subject,status,resolved_at\n5,Old subject,open,2026-08-01\n", encoding="utf-8")
    new.write_text("id,subject,status,resolved_at\n5,New subject,solved,2026-08-09\n", encoding="utf-8")
    load = read_exports([new, old])
    assert [t.subject for t in load.tickets] == ["New subject"]
    assert load.duplicates == 1


def test_missing_file_names_it(tmp_path):
    with pytest.raises(KbgenError, match=r"missing\.csv: no such file"):
        read_exports([tmp_path / "missing.csv"])


def test_file_that_is_no_export_names_it(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Meeting notes\nnothing to see here\n", encoding="utf-8")
    with pytest.raises(KbgenError, match=r"notes\.txt: not a ticket export"):
        read_exports([notes])


def test_missing_column_and_bad_row_are_named(tmp_path):
    no_id = tmp_path / "no_id.csv"
    no_id.write_text("subject,description\na,b\n", encoding="utf-8")
    with pytest.raises(KbgenError, match=r"no_id\.csv: missing required column"):
        read_exports([no_id], fmt="csv")
    bad_date = tmp_path / "bad_date.csv"
    bad_date.write_text("id,subject,created_at\n1,a,2026-08-01\n2,b,yesterday\n", encoding="utf-8")
    with pytest.raises(KbgenError, match=r"bad_date\.csv:3: field 'created_at': unreadable date 'yesterday'"):
        read_exports([bad_date])


def test_invalid_json_names_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"tickets": [\n {"id": 1, "comments": [}\n]}', encoding="utf-8")
    with pytest.raises(KbgenError, match=r"broken\.json:2: not valid JSON"):
        read_exports([path], fmt="zendesk-json")


@pytest.mark.parametrize(
    "text",
    [
        "That worked!\n\nOn Tue, 4 Aug 2026 at 10:02, Sam Carter <sam@x.example> wrote:\n> Try again",
        "That worked!\n\nOp di 4 aug. 2026 om 10:02 schreef Sam Carter <sam@x.example>:\n> Probeer opnieuw",
        "That worked!\n\nDen 4 aug. 2026 kl. 10:02 skrev Sam Carter <sam@x.example>:\n> Försök igen",
        "That worked!\n\nAm 04.08.2026 um 10:02 schrieb Sam Carter <sam@x.example>:\n> Nochmal",
        "That worked!\n\nW dniu 4.08.2026 o 10:02 Sam Carter <sam@x.example> napisał:\n> Spróbuj",
        "That worked!\n-----Original Message-----\nFrom: Sam",
        "That worked!\n\nMet vriendelijke groet,\nAnna de Vries\nOffice manager | Acme BV\n06 12345678",
    ],
)
def test_quoted_history_and_signatures_are_cut(text):
    assert clean_message(text) == "That worked!"


def test_html_bodies_lose_markup_and_scripts():
    text = html_to_text('<div>Steps:<ol><li>Open <a href="x">Settings</a></li><li>Save</li></ol></div><script>evil()</script><style>p{}</style>')
    assert "evil" not in text and "<" not in text and "p{}" not in text
    assert "- Open Settings" in text and "- Save" in text
