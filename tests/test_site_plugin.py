"""The kbgen MkDocs plugin on real builds: drafts, the feedback form, widget words and assets, search."""

from __future__ import annotations

import json

import pytest

from kbgen.errors import KbgenError
from kbgen.site.build import build_site
from site_cases import ARTICLE, COLLECTOR, LANGUAGES, TEXTS, Elements, make_project, page


def test_draft_articles_are_left_out_of_a_build(site):
    assert not (site / "billing" / "ask-for-a-refund").exists()
    assert "ask-for-a-refund" not in (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Ask for a refund" not in page(site, "/")


def test_drafts_are_built_with_a_banner_when_asked(site_with_drafts):
    draft = Elements(page(site_with_drafts, "/billing/ask-for-a-refund/"))
    assert draft.one("p", class_="kbgen-draft")["role"] == "note"
    assert "Draft — not published" in page(site_with_drafts, "/billing/ask-for-a-refund/")
    assert Elements(page(site_with_drafts, "/account/reset-your-password/")).all("p", class_="kbgen-draft") == []


def test_article_status_is_not_taken_for_materials_page_status(site_with_drafts):
    # Material would put an icon next to every article in the navigation.
    assert "md-status" not in page(site_with_drafts, "/")


def test_every_article_has_the_feedback_form_posting_to_the_collector(site):
    html = Elements(page(site, "/account/reset-your-password/"))
    form = html.one("form", id="kbgen-feedback")
    assert form["method"] == "post"
    assert form["action"] == f"{COLLECTOR}/v1/feedback"
    assert html.one("input", name="page")["value"] == "/account/reset-your-password/"
    assert html.one("input", name="lang")["value"] == "en"
    assert html.one("input", name="return")["value"] == ""  # no site_url: kbgen.js fills it in
    assert html.one("button", data_kbgen_vote="yes").items() >= {"type": "submit", "name": "helpful", "value": "yes"}.items()
    assert html.one("button", data_kbgen_vote="no").items() >= {"type": "submit", "name": "helpful", "value": "no"}.items()
    assert html.one("textarea", name="comment")["id"] == html.one("label", **{"for": "kbgen-feedback-comment"})["for"]
    assert "hidden" in html.one("button", data_kbgen_send=None)
    assert html.one("p", aria_live="polite")["data-kbgen-thanks"] == "Thanks for your feedback!"
    assert html.one("input", name="website")["tabindex"] == "-1"
    assert html.one("legend", class_="kbgen-feedback__question") is not None


def test_the_feedback_form_comes_back_to_the_page_when_site_url_is_set(tmp_path):
    config = make_project(tmp_path / "help")
    config.write_text(config.read_text().replace("# site_url:", "site_url:"), encoding="utf-8")
    site = build_site(config, collector_url=COLLECTOR)
    html = Elements(page(site, "/account/reset-your-password/"))
    assert html.one("input", name="return")["value"] == "https://help.example.com/account/reset-your-password/"


def test_the_home_page_has_no_feedback_form(site):
    assert Elements(page(site, "/")).all("form", id="kbgen-feedback") == []


def test_the_collector_url_comes_from_site_config_by_default(project):
    site = build_site(project)
    form = Elements(page(site, "/account/reset-your-password/")).one("form", id="kbgen-feedback")
    assert form["action"] == "http://127.0.0.1:8765/v1/feedback"


def test_an_empty_collector_url_turns_forms_and_surveys_off(project):
    kbgen_yml = project.parent / "site_config" / "kbgen.yml"
    kbgen_yml.write_text("site:\n  collector_url: ''\n", encoding="utf-8")
    site = build_site(project)
    assert Elements(page(site, "/account/reset-your-password/")).all("form", id="kbgen-feedback") == []
    assert not (site / "survey").exists()


def test_the_widget_speaks_the_site_language(tmp_path):
    site = build_site(make_project(tmp_path / "hulp", language="nl"), collector_url=COLLECTOR)
    html = page(site, "/account/reset-your-password/")
    assert "Was deze pagina nuttig?" in html
    assert Elements(html).one("input", name="lang")["value"] == "nl"
    assert "Hoe tevreden ben je over de hulp die je hebt gekregen?" in page(site, "/survey/csat/")


def test_the_widget_assets_are_copied_and_linked(site):
    assert (site / "assets" / "kbgen.js").is_file()
    assert (site / "assets" / "kbgen.css").is_file()
    html = Elements(page(site, "/account/reset-your-password/"))
    assert html.one("script", src="../../assets/kbgen.js")
    assert html.one("script", src="../../assets/kbgen-search.js")
    assert html.one("link", href="../../assets/kbgen.css")
    settings = json.loads(page(site, "/").split('<script id="__kbgen" type="application/json">')[1].split("</script>")[0])
    assert settings["texts"].pop("search_none") == TEXTS["en"]["search_none"]
    assert {k: v for k, v in settings.items() if k != "texts"} == {"collector": COLLECTOR, "lang": "en", "reportSearches": True, "lemmas": False}


def test_texts_exist_for_every_interface_language():
    assert set(TEXTS) == set(LANGUAGES)
    for language in LANGUAGES:
        assert TEXTS[language].keys() == TEXTS["en"].keys(), language


def test_markup_in_front_matter_is_shown_as_text(project):
    article = project.parent / "content" / "account" / "reset-your-password.md"
    article.write_text(
        ARTICLE.replace(
            "title: Reset your password",
            "title: Reset <img src=x onerror=alert(2)>\ndescription: 'Reset\" onfocus=\"alert(3)'",
        )
    )
    site = build_site(project)
    for url in ("/", "/account/reset-your-password/"):
        assert "onerror=alert(2)>" not in page(site, url)
        assert "Reset &lt;img src=x onerror=alert(2)&gt;" in page(site, url)
    assert Elements(page(site, "/account/reset-your-password/")).one("meta", name="description") == {
        "name": "description",
        "content": 'Reset" onfocus="alert(3)',
    }


def test_pagefind_indexes_the_articles_and_materials_index_stays_empty(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == 1  # the one published article; not home, categories, surveys
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []
    header = Elements(page(site, "/account/reset-your-password/"))
    assert header.one("input", data_kbgen_search=None)
    assert not header.all("form", name="search")  # Material's script would fetch its own index


def test_materials_search_stays_when_chosen(project):
    config_file = project.parent / "site_config" / "kbgen.yml"
    config_file.write_text(config_file.read_text(encoding="utf-8").replace("engine: pagefind", "engine: material"), encoding="utf-8")
    site = build_site(project)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "account/reset-your-password/" in [doc["location"] for doc in index["docs"]]
    assert not (site / "pagefind").exists()
    assert Elements(page(site, "/account/reset-your-password/")).one("form", name="search")


def test_a_theme_language_other_than_the_sites_fails_a_strict_build(project):
    project.write_text(project.read_text().replace("language: en", "language: de"), encoding="utf-8")
    with pytest.raises(KbgenError, match=r"mkdocs\.yml: Aborted with 1 warnings in strict mode! \(kbgen: theme\.language is 'de' but .*site_config/kbgen\.yml says 'en'"):
        build_site(project, strict=True)


def test_the_plugin_needs_material(project):
    project.write_text(project.read_text().replace("name: material", "name: mkdocs"), encoding="utf-8")
    with pytest.raises(KbgenError, match=r"^the kbgen plugin needs Material for MkDocs"):
        build_site(project)
