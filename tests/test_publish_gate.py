"""The site build refuses to publish personal data that redaction or a writer let through."""

import pytest

from kbgen.errors import KbgenError
from kbgen.scaffold import init_project
from kbgen.site.build import build_site

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


def test_drafts_left_out_of_a_public_build_are_not_checked(project):
    path = write_article(project, "Her number is 06 12345678.")
    path.write_text(path.read_text(encoding="utf-8").replace("title: Billing help", "title: Billing help\nstatus: draft"), encoding="utf-8")
    build_site(project / "mkdocs.yml")
    with pytest.raises(KbgenError, match="a phone number"):
        build_site(project / "mkdocs.yml", drafts=True)
