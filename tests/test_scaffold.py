"""`kbgen init`: a new help-site project that builds out of the box and is never overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kbgen.config import load_site_config
from kbgen.errors import KbgenError
from kbgen.scaffold import init_project
from kbgen.site.build import build_site

REPO = Path(__file__).resolve().parent.parent
FILES = ["content/index.md", "mkdocs.yml", "site_config/kbgen.yml", "survey_templates/README.md"]


def test_init_writes_a_project(tmp_path):
    result = init_project(tmp_path / "help")
    assert sorted(p.relative_to(tmp_path / "help").as_posix() for p in result.created) == FILES
    assert result.skipped == ()


def test_a_new_project_builds_without_a_warning(tmp_path):
    init_project(tmp_path / "help", site_name="Acme Help")
    site = build_site(tmp_path / "help" / "mkdocs.yml", strict=True)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Acme Help</title>" in home
    assert (site / "survey" / "csat" / "index.html").is_file()


def test_site_name_and_language_are_filled_in(tmp_path):
    init_project(tmp_path / "hulp", site_name='Acme: "Hulp" & meer', language="nl")
    mkdocs = yaml.safe_load((tmp_path / "hulp" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert mkdocs["site_name"] == 'Acme: "Hulp" & meer'
    assert mkdocs["theme"]["language"] == "nl"
    assert mkdocs["plugins"] == [{"search": {"lang": ["nl"]}}, "kbgen"]
    assert load_site_config(tmp_path / "hulp" / "site_config").language == "nl"
    home = (tmp_path / "hulp" / "content" / "index.md").read_text(encoding="utf-8")
    assert yaml.safe_load(home.split("---\n")[1])["title"] == 'Acme: "Hulp" & meer'


def test_polish_sites_search_in_english(tmp_path):
    # The search index has no Polish stemmer; asking for one would only log a fallback.
    init_project(tmp_path / "pomoc", language="pl")
    mkdocs = yaml.safe_load((tmp_path / "pomoc" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert mkdocs["plugins"][0] == {"search": {"lang": ["en"]}}


def test_init_again_keeps_edited_files_and_adds_missing_ones(tmp_path):
    project = tmp_path / "help"
    init_project(project)
    index = project / "content" / "index.md"
    index.write_text("# Our own home page\n", encoding="utf-8")
    (project / "site_config" / "kbgen.yml").unlink()

    result = init_project(project, site_name="Other name")

    assert index.read_text(encoding="utf-8") == "# Our own home page\n"
    assert [p.relative_to(project).as_posix() for p in result.created] == ["site_config/kbgen.yml"]
    assert sorted(p.relative_to(project).as_posix() for p in result.skipped) == [
        "content/index.md",
        "mkdocs.yml",
        "survey_templates/README.md",
    ]


def test_init_into_a_file_is_refused(tmp_path):
    (tmp_path / "help").write_text("not a folder", encoding="utf-8")
    with pytest.raises(KbgenError, match=r"help: exists and is not a folder"):
        init_project(tmp_path / "help")


def test_an_unknown_language_is_refused(tmp_path):
    with pytest.raises(KbgenError, match=r"language: 'fr' is not one of en, nl, sv, de, pl"):
        init_project(tmp_path / "help", language="fr")
    assert not (tmp_path / "help").exists()


def test_the_sample_project_has_the_scaffolds_survey_readme():
    scaffold = REPO / "kbgen" / "site" / "project_template" / "survey_templates" / "README.md"
    assert (REPO / "survey_templates" / "README.md").read_text(encoding="utf-8") == scaffold.read_text(encoding="utf-8")
