"""Building and serving with MkDocs: options, and every failure as one line naming file and line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

from kbgen.errors import KbgenError
from kbgen.site.build import build_site, plugins_with_options
from site_cases import COLLECTOR, REPO, strict_failure


def test_an_invalid_site_config_fails_the_build(project):
    (project.parent / "site_config" / "kbgen.yml").write_text("site:\n  language: fr\nsearch:\n  engine: lunr\n", encoding="utf-8")
    with pytest.raises(KbgenError) as error:
        build_site(project)
    assert str(error.value).endswith(
        "site_config/kbgen.yml:2: site.language: 'fr' is not one of en, nl, sv, de, pl; "
        "kbgen.yml:4: search.engine: 'lunr' is not one of pagefind, material"
    )


def test_an_invalid_collector_url_fails_the_build(project):
    with pytest.raises(KbgenError, match=r"collector_url: site\.collector_url: 'ftp://x' is not an http\(s\) URL"):
        build_site(project, collector_url="ftp://x")


def test_a_missing_config_file_fails(tmp_path):
    with pytest.raises(KbgenError, match=r"nothing\.yml: MkDocs configuration not found"):
        build_site(tmp_path / "nothing.yml")


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (("name: material", "name: no-such-theme"), r"mkdocs\.yml: Config value 'theme': Unrecognised theme name: 'no-such-theme'"),
        (("docs_dir: content", "docs_dir: [content"), r"mkdocs\.yml: MkDocs encountered an error parsing the configuration file"),
    ],
    ids=["bad-value", "bad-yaml"],
)
def test_an_invalid_mkdocs_config_names_the_file_and_the_problem_in_one_line(project, change, error):
    project.write_text(project.read_text().replace(*change), encoding="utf-8")
    with pytest.raises(KbgenError, match=error) as failure:
        build_site(project)
    assert "\n" not in str(failure.value)


def test_a_site_without_the_plugin_is_refused(project):
    project.write_text(project.read_text().replace("  - kbgen\n", ""), encoding="utf-8")
    with pytest.raises(KbgenError, match=r"mkdocs\.yml: the kbgen plugin is not enabled"):
        build_site(project)


def test_site_dir_overrides_mkdocs_yml(project, tmp_path):
    assert build_site(project, site_dir=tmp_path / "public") == tmp_path / "public"
    assert (tmp_path / "public" / "account" / "reset-your-password" / "index.html").is_file()


def test_a_relative_site_dir_is_taken_from_the_working_directory(project, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert build_site(project, site_dir=Path("public")) == tmp_path / "public"
    assert (tmp_path / "public" / "index.html").is_file()


def test_serve_sets_the_plugin_options_for_every_rebuild(project):
    plugins = plugins_with_options(project, drafts=True, collector_url=COLLECTOR)
    for rebuild in range(2):  # mkdocs serve loads the configuration again for each rebuild
        config = load_config(config_file=str(project), plugins=plugins)
        options = config.plugins["kbgen"].config
        assert (options.drafts, options.collector_url) == (True, COLLECTOR)
        assert config.plugins["material/search"].config.lang == ["en"]


def test_the_repository_root_builds_with_plain_mkdocs(tmp_path):
    if not (REPO / "content" / "index.md").is_file():
        pytest.skip("content/index.md is not written yet")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "-f", str(REPO / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "survey" / "csat" / "index.html").is_file()
    assert (tmp_path / "site" / "assets" / "kbgen.js").is_file()


def test_the_repository_sample_site_builds_strictly(tmp_path):
    build_site(REPO / "mkdocs.yml", strict=True, site_dir=tmp_path / "site")


def test_a_strict_build_names_the_line_of_a_broken_link(project):
    page = project.parent / "content" / "account" / "reset-your-password.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [billing](../billing/invoices.md).\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").splitlines().index("See [billing](../billing/invoices.md).") + 1
    assert f"content/account/reset-your-password.md:{line}: link to '../billing/invoices.md', but there is no billing/invoices.md" in strict_failure(project)


def test_a_strict_build_refuses_a_link_to_a_draft_it_leaves_out(project):
    page = project.parent / "content" / "account" / "reset-your-password.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Refunds](../billing/ask-for-a-refund.md)\n", encoding="utf-8")
    assert "link to '../billing/ask-for-a-refund.md', a draft that this build leaves out" in strict_failure(project)


def test_a_strict_build_refuses_a_link_to_an_unknown_survey(project):
    page = project.parent / "content" / "account" / "reset-your-password.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nRate us: [survey](/survey/csatt/?ticket=1)\n\n```\n[in code](/survey/nope/)\n```\n", encoding="utf-8")
    message = strict_failure(project)
    line = len(text.splitlines()) + 2
    assert f"reset-your-password.md:{line}: link to the survey 'csatt', but there is no such survey (known: ces, csat, nps" in message
    assert "nope" not in message  # links in code are examples, not links


def test_a_strict_build_names_the_line_of_invalid_front_matter(project):
    page = project.parent / "content" / "account" / "reset-your-password.md"
    page.write_text(page.read_text(encoding="utf-8").replace("status: published\n", "status: published\ntags: password\n"), encoding="utf-8")
    assert "content/account/reset-your-password.md:4: front matter 'tags': expected a list of words, got 'password'" in strict_failure(project)


def test_front_matter_that_is_not_yaml_fails_any_build_with_its_line(project):
    page = project.parent / "content" / "account" / "reset-your-password.md"
    page.write_text("---\ntitle: Reset\ntags: [a, b\n---\n\nText\n", encoding="utf-8")
    with pytest.raises(KbgenError, match=r"content/account/reset-your-password\.md:\d+: front matter is not valid YAML"):
        build_site(project)
