"""The two pipelines: what the commands' settings and project files change in their results."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from kbgen.config import load_site_config
from kbgen.feedback.line import encode
from kbgen.pipeline import run_report
from kbgen.records import FeedbackRecord
from kbgen.site.survey_pages import project_surveys

ONBOARDING = """{% extends "_survey.html" %}
{% block questions %}
{{ scale(min=1, max=3, question="How was setting up your workspace?", low="Hard", high="Easy") }}
{{ scale(name="ease", min=1, max=5, question="How clear was the guide?", low="Unclear", high="Clear") }}
{% endblock %}
"""


def test_the_report_counts_the_ticket_statuses_kbgen_yml_calls_resolved(tmp_path):
    export = tmp_path / "tickets.jsonl"
    conversation = [{"role": "customer", "text": "Hello?"}, {"role": "agent", "text": "Done."}]
    export.write_text(
        "".join(
            json.dumps({"id": n + 1, "subject": "Export", "status": "Beantwoord", "created_at": "2026-10-01T09:00:00Z", "conversation": conversation}) + "\n"
            for n in range(3)
        ),
        encoding="utf-8",
    )
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / "kbgen.yml").write_text("drafts:\n  statuses: [beantwoord]\n", encoding="utf-8")

    def replies(config) -> int:
        text = run_report([], tickets=[export], content_dir=tmp_path / "content", fmt="json", config=config)
        return json.loads(text)["tickets"]["agent_replies_n"]

    assert replies(load_site_config(tmp_path / "site_config")) == 3
    assert replies(load_site_config(tmp_path / "nothing")) == 0


def test_a_project_surveys_answers_in_stored_lines_reach_the_report(tmp_path):
    (tmp_path / "survey_templates").mkdir()
    (tmp_path / "survey_templates" / "onboarding.html").write_text(ONBOARDING, encoding="utf-8")
    moment = datetime(2026, 10, 1, 9, tzinfo=timezone.utc)
    lines = [
        encode(FeedbackRecord("survey", moment, survey="onboarding", score=score, answers=(("ease", ease),), client=f"c{n}"))
        for n, (score, ease) in enumerate([(3, 5), (2, 4), (3, 5)])
    ]
    (tmp_path / "feedback.jsonl").write_bytes(b"".join(lines))
    surveys = project_surveys(tmp_path)
    text = run_report([str(tmp_path / "feedback.jsonl")], content_dir=tmp_path, fmt="md", surveys=surveys)
    assert "| ONBOARDING | mean answer (1-3) |" in text
    assert "| ONBOARDING: ease | mean answer (1-5) | 4.7 (95% CI 3.2 to 5.0) | 3 |" in text


def test_drafting_reports_each_stage_to_its_end(tmp_path):
    from kbgen.config import SiteConfig
    from kbgen.pipeline import run_draft
    from kbgen.samples import sample_root

    heard: dict[str, tuple[int, int]] = {}
    run_draft(
        [sample_root() / "examples" / "tickets.zendesk.json"], content_dir=tmp_path / "content", config=SiteConfig(),
        progress=lambda stage, done, total: heard.__setitem__(stage, (done, total)),
    )  # fmt: skip
    counted = {stage for stage, (_, total) in heard.items() if total}
    assert {"redacting tickets", "telling languages", "word features", "grouping", "describing topics (en)", "writing drafts"} <= counted
    assert all(done == total for done, total in heard.values())
