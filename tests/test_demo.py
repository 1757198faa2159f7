"""`kbgen demo` on the bundled sample: the whole loop, and what must never reach the site."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

EXPORT = REPO / "examples" / "tickets.zendesk.json"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "kbgen-demo"
    result = subprocess.run(
        [sys.executable, "-m", "kbgen", "demo", "--out", str(out)], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    assert f"site:   {out / 'site' / 'index.html'}" in result.stdout
    assert f"report: {out / 'report.md'}" in result.stdout
    return out


def article_pages(project: Path) -> list[Path]:
    """Built page of every article (published or draft) in the demo's content."""
    pages = []
    for source in sorted((project / "content").rglob("*.md")):
        rel = source.relative_to(project / "content").with_suffix("")
        if rel.name != "index":
            pages.append(project / "site" / rel / "index.html")
    return pages


def all_text(*folders: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for folder in folders
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in {".md", ".html", ".json", ".yml", ".xml", ".txt"}
    )


def test_demo_builds_a_site_of_articles_each_with_a_feedback_form(demo):
    pages = article_pages(demo)
    assert len(pages) >= 12
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'id="kbgen-feedback"' in html, page
    # Search finds the articles and the home pages' contact sections (English and Dutch).
    entry = json.loads((demo / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(language["page_count"] for language in entry["languages"].values()) == len(pages) + 2


def test_demo_writes_a_report(demo):
    report = (demo / "report.md").read_text(encoding="utf-8")
    assert "reset" in report.lower()
    assert (demo / "report.html").read_text(encoding="utf-8").startswith("<!doctype html>")


def test_no_internal_note_or_personal_data_reaches_drafts_or_site(demo):
    export = json.loads(EXPORT.read_text(encoding="utf-8"))
    published = all_text(demo / "content", demo / "site")
    assert "INTERNAL-ONLY" in EXPORT.read_text(encoding="utf-8")
    assert "INTERNAL-ONLY" not in published
    customers = [u for u in export["users"] if u["role"] == "end-user"]
    for user in customers:
        assert user["email"] not in published
        assert user["name"] not in published, user["name"]


def test_rerunning_the_demo_keeps_what_a_writer_edited(demo):
    drafts = [p for p in (demo / "content").rglob("*.md") if "status: draft" in p.read_text(encoding="utf-8")]
    edited = drafts[0]
    text = edited.read_text(encoding="utf-8") + "\nA writer's own closing line.\n"
    edited.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kbgen", "demo", "--out", str(demo)], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    assert edited.read_text(encoding="utf-8") == text
    assert "protected articles with new evidence: " in result.stdout
