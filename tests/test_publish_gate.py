"""The site build refuses to publish personal data that redaction or a writer let through, and
a page that still holds what kbgen wrote for its writer."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kbgen.cli import main
from kbgen.errors import KbgenError
from kbgen.scaffold import init_project
from kbgen.site.build import build_site

REPO = Path(__file__).resolve().parent.parent

ARTICLE = """---
title: Billing help
---

# Billing help

Call our team on +31 20 794 1100 or write to support@tasklane.example.
{extra}
Version 4.12.1 costs EUR 1,249.00 since 2026-08-03 (error E-1042).
"""


@pytest.fixture
def project(tmp_path):
    init_project(tmp_path / "help")
    config = tmp_path / "help" / "site_config" / "kbgen.yml"
    config.write_text(
        "redaction:\n  keep: [support@tasklane.example, '+31 20 794 1100']\n", encoding="utf-8"
    )
    return tmp_path / "help"


def write_article(project, extra: str):
    path = project / "content" / "billing.md"
    path.write_text(ARTICLE.format(extra=extra), encoding="utf-8")
    return path


def test_company_contacts_and_look_alikes_are_published(project):
    write_article(project, "")
    site = build_site(project / "mkdocs.yml")
    assert "+31 20 794 1100" in (site / "billing" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "extra, found",
    [
        ("Anna wrote from anna.devries@example.nl.", "an e-mail address"),
        ("Her number is 06 12345678.", "a phone number"),
        ("Her number is (020) 555 1234.", "a phone number"),
        ("Her number is (0)20 555 12 34.", "a phone number"),
        ("Ring him on (08) 123 45 67.", "a phone number"),
        ("Zadzwoń pod (22) 123-45-67.", "a phone number"),
        ("Rufen Sie uns an: (030) 1234567.", "a phone number"),
        ("Call 555.123.4567.", "a phone number"),
        ("Pay to NL91 ABNA 0417 1643 00 please.", "an IBAN"),
        ("Card 4111 1111 1111 1111 was declined.", "a payment card number"),
        ("Her BSN is 111222333.", "a national identity number"),
    ],
)
def test_personal_data_stops_the_build_naming_file_and_line(project, extra, found):
    write_article(project, extra)
    with pytest.raises(KbgenError) as error:
        build_site(project / "mkdocs.yml")
    message = str(error.value)
    assert f"content/billing.md:8: {found}" in message
    assert extra.split()[-1].rstrip(".") not in message  # the value itself is never printed
    assert not (project / "site" / "billing" / "index.html").exists()


def test_a_content_hash_that_looks_like_a_card_number_is_no_personal_data(project):
    # 4111111111111111 is hex, and its digits pass a card number's checksum.
    path = write_article(project, "")
    path.write_text(path.read_text(encoding="utf-8").replace("---\n\n", "kbgen_hash: 4111111111111111\n---\n\n", 1), encoding="utf-8")
    build_site(project / "mkdocs.yml")
    # ... but the same line in the page's body is no hash: it is refused.
    path.write_text(path.read_text(encoding="utf-8") + "\nkbgen_hash: 4111111111111111\n", encoding="utf-8")
    with pytest.raises(KbgenError, match="billing.md:.*card"):
        build_site(project / "mkdocs.yml")


def test_drafts_left_out_of_a_public_build_are_not_checked(project):
    path = write_article(project, "Her number is 06 12345678.")
    path.write_text(path.read_text(encoding="utf-8").replace("title: Billing help", "title: Billing help\nstatus: draft"), encoding="utf-8")
    build_site(project / "mkdocs.yml")
    with pytest.raises(KbgenError, match="a phone number"):
        build_site(project / "mkdocs.yml", drafts=True)


UNFINISHED = """---
title: Get a refund
{status}---

# Get a refund

_No agent answer in these tickets yet: write the answer here._

## Customers also ask it as

- Can I have my money back?
"""
REFUSED = (
    "content/billing/get-a-refund.md:8: kbgen's placeholder \"No agent answer in these tickets yet\" "
    "(write the page's own text in its place, or keep it a draft: status: draft)"
)


def write_unfinished(project, status: str) -> None:
    path = project / "content" / "billing" / "get-a-refund.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(UNFINISHED.format(status=status), encoding="utf-8")


# Without a status line an article is published.
@pytest.mark.parametrize("status", ["status: published\n", "category: Billing\n"], ids=["published", "no status"])
def test_a_published_page_with_the_no_answer_placeholder_stops_the_build(project, monkeypatch, capsys, status):
    write_unfinished(project, status)
    monkeypatch.chdir(project)
    monkeypatch.setattr(sys, "argv", ["kbgen", "build"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == f"Error: {REFUSED}\n"
    assert not (project / "site" / "billing" / "get-a-refund" / "index.html").exists()


def test_a_draft_may_hold_the_placeholder(project):
    write_unfinished(project, "status: draft\n")
    site = build_site(project / "mkdocs.yml")
    assert not (site / "billing" / "get-a-refund").exists()
    site = build_site(project / "mkdocs.yml", drafts=True)
    assert "No agent answer in these tickets yet" in (site / "billing" / "get-a-refund" / "index.html").read_text(encoding="utf-8")


def test_plain_mkdocs_refuses_the_placeholder_too(project, tmp_path):
    write_unfinished(project, "status: published\n")
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},  # this checkout's plugin, not an installed one
    )
    assert done.returncode == 1
    assert REFUSED in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "site" / "billing" / "get-a-refund" / "index.html").exists()


def test_personal_data_and_the_placeholder_are_refused_in_one_line(project):
    write_unfinished(project, "status: published\n")
    write_article(project, "Her number is 06 12345678.")
    with pytest.raises(KbgenError) as error:
        build_site(project / "mkdocs.yml")
    message = str(error.value)
    assert "content/billing.md:8: a phone number (remove it" in message and REFUSED in message
    assert "\n" not in message
