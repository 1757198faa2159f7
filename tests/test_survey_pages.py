"""Survey pages: the built-in surveys and a project's own templates, built for real."""

from __future__ import annotations


import pytest

from kbgen.errors import KbgenError
from kbgen.surveys import BUILTIN
from kbgen.site.build import build_site
from site_cases import COLLECTOR, Elements, page


@pytest.mark.parametrize("name", sorted(BUILTIN))
def test_builtin_surveys_offer_the_collectors_scale(site, name):
    html = Elements(page(site, f"/survey/{name}/"))
    form = html.one("form", id="kbgen-survey")
    assert form["action"] == f"{COLLECTOR}/v1/survey"
    assert html.one("input", name="survey")["value"] == name
    low, high = BUILTIN[name].scales["score"]
    assert [int(radio["value"]) for radio in html.all("input", name="score")] == list(range(low, high + 1))
    assert html.one("fieldset", class_="kbgen-scale")
    assert html.one("input", name="ticket")["type"] == "hidden"
    assert html.one("input", name="website")["tabindex"] == "-1"


def test_builtin_surveys_ask_the_standard_questions(site):
    assert "How satisfied are you with the support you received?" in page(site, "/survey/csat/")
    assert "How likely are you to recommend us to a friend or colleague?" in page(site, "/survey/nps/")
    ces = page(site, "/survey/ces/")
    assert "The company made it easy for me to handle my issue." in ces
    assert "1 = Strongly disagree" in ces and "7 = Strongly agree" in ces


def test_survey_pages_have_no_feedback_form_and_stay_out_of_nav_and_search(site):
    assert Elements(page(site, "/survey/csat/")).all("form", id="kbgen-feedback") == []
    assert "survey/" not in (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert [a for a in Elements(page(site, "/")).all("a") if "survey" in a.get("href", "")] == []


def test_a_project_survey_template_becomes_a_page(project):
    (project.parent / "survey_templates" / "onboarding.html").write_text(
        '{% extends "_survey.html" %}\n'
        "{% block title %}Your first week{% endblock %}\n"
        "{% block questions %}\n"
        '{{ scale(min=1, max=4, question="How easy was it to get started?", low="Hard", high="Easy") }}\n'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    site = build_site(project)
    html = page(site, "/survey/onboarding/")
    assert "<h1>Your first week</h1>" in html
    assert "How easy was it to get started?" in html
    assert [r["value"] for r in Elements(html).all("input", name="score")] == ["1", "2", "3", "4"]
    assert Elements(html).one("input", name="survey")["value"] == "onboarding"


def test_a_project_template_replaces_the_builtin_of_the_same_name(project):
    (project.parent / "survey_templates" / "csat.html").write_text(
        '{% extends "_survey.html" %}{% block questions %}{{ scale(question="Happy with Acme?") }}{% endblock %}',
        encoding="utf-8",
    )
    html = page(build_site(project), "/survey/csat/")
    assert "Happy with Acme?" in html
    assert "How satisfied are you" not in html


@pytest.mark.parametrize(
    ("template", "error"),
    [
        ('{% extends "_survey.html" %}\n{% block questions %}\n{{ scale(min=1 max=5) }}\n{% endblock %}\n', ":3: "),
        ('{% extends "_survey.html" %}\n{% block questions %}\n\n{{ stars(5) }}\n{% endblock %}\n', ":4: 'stars' is undefined"),
        ("<p>{{ t.no_such_text }}</p>\n", ":1: "),
    ],
    ids=["syntax", "undefined-macro", "undefined-text"],
)
def test_a_broken_survey_template_fails_the_build_naming_file_and_line(project, template, error):
    (project.parent / "survey_templates" / "broken.html").write_text(template, encoding="utf-8")
    with pytest.raises(KbgenError) as failure:
        build_site(project)
    assert str(failure.value).startswith("survey_templates/broken.html" + error)


def test_a_survey_name_that_is_no_address_is_refused(project):
    (project.parent / "survey_templates" / "First Week.html").write_text("<p>Hi</p>", encoding="utf-8")
    with pytest.raises(KbgenError, match=r"^survey_templates/First Week\.html: survey names"):
        build_site(project)
