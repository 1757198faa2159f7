"""Internal notes of every export format reach neither a draft nor a built page."""

import subprocess
import sys

from conftest import REPO
from export_cases import INTERNAL_MARKER

FIXTURES = sorted((REPO / "tests" / "fixtures").iterdir())


def test_no_internal_note_from_any_fixture_reaches_drafts_or_site(tmp_path):
    assert sum(INTERNAL_MARKER.encode() in f.read_bytes() for f in FIXTURES) >= 5  # the formats that have notes
    project = tmp_path / "help"
    kbgen = [sys.executable, "-m", "kbgen"]
    subprocess.run([*kbgen, "init", str(project)], check=True, capture_output=True)
    drafted = subprocess.run(
        [*kbgen, "draft", *map(str, FIXTURES), "--content", str(project / "content"),
         "--config-dir", str(project / "site_config"), "--min-topic-size", "2", "--lang", "en"],
        check=True, capture_output=True, text=True,
    )
    assert "new drafts: 0," not in drafted.stdout, drafted.stdout
    drafts = list((project / "content").rglob("*.md"))
    assert any("Reset links work for 30 minutes" in p.read_text(encoding="utf-8") for p in drafts)
    subprocess.run([*kbgen, "build", "--config-file", str(project / "mkdocs.yml"), "--drafts"], check=True, capture_output=True, cwd=project)
    written = [p for folder in (project / "content", project / "site") for p in folder.rglob("*") if p.is_file()]
    leaks = [p for p in written if INTERNAL_MARKER.encode() in p.read_bytes()]
    assert leaks == []
