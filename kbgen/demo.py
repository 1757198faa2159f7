"""`kbgen demo`: the whole loop on the bundled Tasklane sample, in a folder of its own."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from kbgen.config import load_site_config
from kbgen.files import atomic_write
from kbgen.pipeline import DraftSummary, run_draft, run_report
from kbgen.progress import Progress, silent
from kbgen.samples import sample_root
from kbgen.scaffold import init_project
from kbgen.site.build import build_site
from kbgen.site.survey_pages import project_surveys

SAMPLE_EXPORT = "examples/tickets.zendesk.json"
SAMPLE_FEEDBACK = "examples/feedback"


@dataclass(frozen=True)
class DemoResult:
    project: Path
    draft: DraftSummary
    site_dir: Path
    report_md: Path
    report_html: Path


def run_demo(out_dir: str | Path, progress: Progress = silent) -> DemoResult:
    """Project from the sample -> drafts from the sample export -> site with drafts -> report."""
    project = Path(out_dir)
    samples = sample_root()
    progress(f"setting up {project}", 0, 0)
    # The sample's curated articles and settings first, then the scaffold fills the rest;
    # neither replaces a file that is already there.
    _copy_missing(samples / "content", project / "content")
    _copy_missing(samples / "site_config", project / "site_config")
    init_project(project, site_name="Tasklane Help Centre (demo)", language="en")
    export = samples / SAMPLE_EXPORT
    assignments = project / "assignments.csv"
    config = load_site_config(project / "site_config")
    summary = run_draft(
        [export],
        content_dir=project / "content",
        config=config,
        assignments=assignments,
        progress=progress,
    )
    progress("building the site (drafts shown)", 0, 0)
    site_dir = build_site(project / "mkdocs.yml", drafts=True, site_dir=project / "site")
    progress("ranking improvements", 0, 0)
    reports = {}
    for fmt in ("md", "html"):
        text = run_report(
            [str(samples / SAMPLE_FEEDBACK)],
            tickets=[export],
            assignments=assignments,
            content_dir=project / "content",
            fmt=fmt,
            config=config,
            surveys=project_surveys(project),
        )
        reports[fmt] = project / f"report.{fmt}"
        atomic_write(reports[fmt], text)
    return DemoResult(project, summary, site_dir, reports["md"], reports["html"])


def _copy_missing(source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            if not destination.exists():
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, destination)
