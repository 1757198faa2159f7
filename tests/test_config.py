"""Settings: kbgen.yml read and validated at once, with the command line's overrides."""

from __future__ import annotations

import pytest

from kbgen.config import SiteConfig, Standard, load_site_config
from kbgen.errors import KbgenError


def test_a_missing_file_gives_the_defaults(tmp_path):
    assert load_site_config(tmp_path) == SiteConfig(source=str(tmp_path / "kbgen.yml"))


def test_every_problem_is_listed_with_its_line(tmp_path):
    (tmp_path / "kbgen.yml").write_text(
        "site:\n  language: xx\ndrafts:\n  min_topic_size: 0\n  search_phrasings: -1\n  engine: magic\n", encoding="utf-8"
    )
    with pytest.raises(KbgenError) as error:
        load_site_config(tmp_path)
    assert str(error.value) == (
        f"{tmp_path / 'kbgen.yml'}:2: site.language: 'xx' is not one of en, nl, sv, de, pl; "
        "kbgen.yml:4: drafts.min_topic_size: expected a whole number >= 2, got 0; "
        "kbgen.yml:5: drafts.search_phrasings: expected a whole number >= 0, got -1; "
        "kbgen.yml:6: drafts.engine: 'magic' is not one of default, semantic"
    )


def test_overrides_replace_the_files_settings_and_none_keeps_them(tmp_path):
    (tmp_path / "kbgen.yml").write_text("drafts:\n  min_topic_size: 4\n  statuses: [done]\n", encoding="utf-8")
    config = load_site_config(tmp_path, {"drafts.engine": "semantic", "drafts.min_topic_size": None, "site.collector_url": "https://c.example/"})
    assert (config.engine, config.min_topic_size, config.resolved_statuses) == ("semantic", 4, ("done",))
    assert config.collector_url == "https://c.example"  # normalized like the file's value
    assert load_site_config(tmp_path, {"drafts.min_topic_size": 9}).min_topic_size == 9


def test_an_override_is_checked_like_the_file_and_named_by_where_it_came_from(tmp_path):
    (tmp_path / "kbgen.yml").write_text("site:\n  language: xx\n", encoding="utf-8")
    with pytest.raises(KbgenError) as error:
        load_site_config(tmp_path, {"site.collector_url": "ftp://x", "drafts.min_topic_size": 1}, overridden_by="--collector-url")
    assert str(error.value) == (
        f"{tmp_path / 'kbgen.yml'}:2: site.language: 'xx' is not one of en, nl, sv, de, pl; "
        "--collector-url: site.collector_url: 'ftp://x' is not an http(s) URL; "
        "--collector-url: drafts.min_topic_size: expected a whole number >= 2, got 1"
    )


def test_service_standards_are_read_from_kbgen_yml_with_their_problems_lines(tmp_path):
    (tmp_path / "kbgen.yml").write_text(
        "standards:\n"
        "  - name: Reply within a day\n    measure: first_response\n    hours: 24\n    target: 0.9\n"
        "  - measure: csat\n    target: 85\n"
        "  - measure: speed\n    target: 0.5\n",
        encoding="utf-8",
    )
    with pytest.raises(KbgenError) as error:
        load_site_config(tmp_path)
    assert str(error.value) == (
        f"{tmp_path / 'kbgen.yml'}:7: standards.1.target: expected a share above 0 and at most 1 (0.9 for 90%), got 85; "
        "kbgen.yml:8: standards.2.measure: 'speed' is not one of first_response, resolution, csat, not_reopened"
    )
    (tmp_path / "kbgen.yml").write_text("standards:\n  - {measure: csat, target: 0.85}\n", encoding="utf-8")
    assert load_site_config(tmp_path).standards == (Standard("csat 85%", "csat", 0.85),)


@pytest.mark.parametrize("section", ["drafts:\n", "drafts: []\n", "drafts: ''\n"])
def test_an_override_holds_over_an_empty_section(tmp_path, section):
    (tmp_path / "kbgen.yml").write_text(section, encoding="utf-8")
    config = load_site_config(tmp_path, {"drafts.engine": "semantic", "drafts.min_topic_size": 9})
    assert (config.engine, config.min_topic_size) == ("semantic", 9)


def test_an_override_leaves_a_section_that_is_no_mapping_to_be_reported(tmp_path):
    (tmp_path / "kbgen.yml").write_text("drafts: [a]\n", encoding="utf-8")
    with pytest.raises(KbgenError, match=r"kbgen\.yml:1: 'drafts' must be a mapping"):
        load_site_config(tmp_path, {"drafts.engine": "semantic"})


def test_category_titles_per_language_are_read_and_checked(tmp_path):
    (tmp_path / "kbgen.yml").write_text("site:\n  categories:\n    billing: {nl: ' Facturen ', sv: Fakturor}\n", encoding="utf-8")
    assert load_site_config(tmp_path).categories == {"billing": {"nl": "Facturen", "sv": "Fakturor"}}
    (tmp_path / "kbgen.yml").write_text(
        "site:\n  categories:\n    billing: {xx: Rechnung}\n    account: Konto\n    team: {nl: ''}\n", encoding="utf-8"
    )
    with pytest.raises(KbgenError) as error:
        load_site_config(tmp_path)
    assert str(error.value) == (
        f"{tmp_path / 'kbgen.yml'}:3: site.categories.billing: 'xx' is not one of en, nl, sv, de, pl; "
        "kbgen.yml:4: site.categories.account: expected language code -> title ({nl: Facturen}); "
        "kbgen.yml:5: site.categories.team: expected language code -> title ({nl: Facturen})"
    )
