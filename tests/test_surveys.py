"""The survey registry: each survey's scales and how its answers are summarised."""

from __future__ import annotations

import pytest

from kbgen.surveys import BUILTIN, SCORE, Surveys


def test_the_builtin_surveys_are_the_standard_ones_on_their_scales():
    assert {name: survey.scales for name, survey in BUILTIN.items()} == {
        "csat": {SCORE: (1, 5)}, "nps": {SCORE: (0, 10)}, "ces": {SCORE: (1, 7)},
    }  # fmt: skip
    assert Surveys().names() == ["ces", "csat", "nps"]


def test_a_project_template_adds_a_survey_and_one_named_like_a_builtin_keeps_its_measure():
    surveys = Surveys.with_templates({"csat": {SCORE: (1, 5)}, "onboarding": {SCORE: (1, 3), "ease": (1, 5)}})
    [csat] = surveys["csat"].summarize({SCORE: [5, 4, 2]})
    assert (csat.measure, csat.value) == ("share answering 4 or 5", pytest.approx(2 / 3))
    assert surveys.scales()["onboarding"] == {SCORE: (1, 3), "ease": (1, 5)}


def test_answers_off_a_questions_scale_are_not_counted():
    survey = Surveys.with_templates({"onboarding": {SCORE: (1, 3), "ease": (1, 5)}})["onboarding"]
    score, ease = survey.summarize({SCORE: [1, 3, 4], "ease": [0, 5], "colour": [2]})
    assert (score.n, score.value, ease.n, ease.value) == (2, 2.0, 1, 5.0)


def test_every_survey_with_answers_is_summarised_builtin_first_and_a_removed_one_on_its_answers_range():
    summaries = Surveys().summarize({"retired": {SCORE: [2, 4]}, "nps": {SCORE: [10]}, "csat": {SCORE: [5]}})
    assert [(s.key, s.measure) for s in summaries] == [
        ("csat", "share answering 4 or 5"),
        ("nps", "% promoters (9-10) minus % detractors (0-6)"),
        ("retired", "mean answer (2-4)"),
    ]


def test_a_removed_survey_with_wild_answers_counts_only_the_answers_given():
    [summary] = Surveys().summarize({"gone": {SCORE: [1, 20_000_000]}})
    assert summary.counts == (("1", 1), ("20000000", 1))
