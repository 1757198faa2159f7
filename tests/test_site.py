"""The help site: real MkDocs builds of small projects made with `kbgen init`."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.config import load_config

from kbgen import languages
from kbgen.errors import KbgenError
from kbgen.feedback import SURVEY_SCALES
from kbgen.scaffold import init_project
from kbgen.site.build import build_site, plugins_with_options
from kbgen.site.safe_markdown import is_safe_url

REPO = Path(__file__).resolve().parent.parent
COLLECTOR = "https://feedback.acme.example"

ARTICLE = """\
---
title: Reset your password
status: published
---

# Reset your password

Open **Settings** and choose *Reset password*.

The customer wrote: <script>alert(1)</script>

<img src=x onerror=alert(1)>

[Open the app](javascript:alert(1)) or [read the terms](https://acme.example/terms).
"""

DRAFT = """\
---
title: Ask for a refund
status: draft
kbgen_topic: refund
---

# Ask for a refund

Write to billing within 30 days.
"""


class Elements(HTMLParser):
    """Every start tag of a page as (tag, attributes)."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def all(self, tag: str, **wanted) -> list[dict]:
        """Tags with these attributes (name_with_underscores for data-...; None: present, no value)."""
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in wanted.items()}
        return [a for t, a in self.found if t == tag and all(k in a and a[k] == v for k, v in wanted.items())]

    def one(self, tag: str, **wanted) -> dict:
        matches = self.all(tag, **wanted)
        assert len(matches) == 1, f"expected one <{tag} {wanted}>, found {len(matches)}"
        return matches[0]


def make_project(root: Path, *, language: str = "en") -> Path:
    init_project(root, site_name="Acme Help", language=language)
    (root / "content" / "account").mkdir()
    (root / "content" / "account" / "reset-your-password.md").write_text(ARTICLE, encoding="utf-8")
    (root / "content" / "billing").mkdir()
    (root / "content" / "billing" / "ask-for-a-refund.md").write_text(DRAFT, encoding="utf-8")
    return root / "mkdocs.yml"


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("project")
    return build_site(make_project(project), collector_url=COLLECTOR)


@pytest.fixture(scope="module")
def site_with_drafts(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("project")
    return build_site(make_project(project), drafts=True, collector_url=COLLECTOR)


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "help")


# -- drafts ---------------------------------------------------------------------------------


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


# -- feedback form --------------------------------------------------------------------------


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
    assert settings["texts"].pop("search_none") == languages.get("en").interface["search_none"]
    assert {k: v for k, v in settings.items() if k != "texts"} == {"collector": COLLECTOR, "lang": "en", "reportSearches": True}


def test_texts_exist_for_every_interface_language():
    for language in languages.codes():
        assert languages.get(language).interface.keys() == languages.get("en").interface.keys(), language


# -- surveys --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SURVEY_SCALES))
def test_builtin_surveys_offer_the_collectors_scale(site, name):
    html = Elements(page(site, f"/survey/{name}/"))
    form = html.one("form", id="kbgen-survey")
    assert form["action"] == f"{COLLECTOR}/v1/survey"
    assert html.one("input", name="survey")["value"] == name
    low, high = SURVEY_SCALES[name]
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


# -- content safety -------------------------------------------------------------------------


def test_raw_html_in_articles_is_shown_as_text(site):
    html = page(site, "/account/reset-your-password/")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    article = html.split("<article")[1].split("</article>")[0]
    assert "<script" not in article
    assert "<img" not in article


def test_script_links_are_dropped_and_web_links_kept(site):
    links = Elements(page(site, "/account/reset-your-password/")).all("a")
    assert {"href": "https://acme.example/terms"} in links
    assert not any(a.get("href", "").startswith("javascript:") for a in links)


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


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://acme.example/a?b=1", True),
        ("../billing/", True),
        ("mailto:help@acme.example", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("&#106;avascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
    ],
)
def test_only_web_and_mail_links_are_safe(url, safe):
    assert is_safe_url(url) is safe


# -- build ----------------------------------------------------------------------------------


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


def test_a_theme_language_other_than_the_sites_fails_a_strict_build(project):
    project.write_text(project.read_text().replace("language: en", "language: de"), encoding="utf-8")
    with pytest.raises(KbgenError, match=r"mkdocs\.yml: Aborted with 1 warnings in strict mode! \(kbgen: theme\.language is 'de' but .*site_config/kbgen\.yml says 'en'"):
        build_site(project, strict=True)


def test_the_plugin_needs_material(project):
    project.write_text(project.read_text().replace("name: material", "name: mkdocs"), encoding="utf-8")
    with pytest.raises(KbgenError, match=r"^the kbgen plugin needs Material for MkDocs"):
        build_site(project)


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


# -- navigation, categories, home pages, languages -------------------------------------------


def article(title: str, *, tags: str = "[]", extra: str = "") -> str:
    return f"---\ntitle: {title}\nstatus: published\ntags: {tags}\n{extra}---\n\nSome answer text.\n"


@pytest.fixture(scope="module")
def catalog_site(tmp_path_factory) -> Path:
    """Two categories in English, one in Dutch, and collector files with votes."""
    root = tmp_path_factory.mktemp("catalog")
    make_project(root)
    content = root / "content"
    (content / "account" / "change-your-email.md").write_text(
        article("Change the email address of your account", tags="[email]", extra="updated: 2026-10-02\ntickets: 40\n"),
        encoding="utf-8",
    )
    (content / "account" / "email-not-arriving.md").write_text(
        article("The email with the reset link does not arrive", tags="[email]", extra="tickets: 12\n"), encoding="utf-8"
    )
    (content / "billing" / "download-an-invoice.md").write_text(article("Download an invoice", extra="tickets: 3\n"), encoding="utf-8")
    (content / "nl" / "facturen").mkdir(parents=True)
    (content / "nl" / "facturen" / "factuur-downloaden.md").write_text(
        article("Een factuur downloaden", extra="category: Facturen en betalen\n"), encoding="utf-8"
    )
    votes = root / "feedback"
    votes.mkdir()
    lines = [
        {"v": 1, "kind": "feedback", "received_at": f"2026-11-0{1 + i % 9}T10:00:00Z", "page": "/billing/download-an-invoice/", "helpful": True}
        for i in range(30)
    ] + [{"v": 1, "kind": "feedback", "received_at": "2026-11-02T10:00:00Z", "page": "/account/change-your-email/", "helpful": False}] * 5
    (votes / "2026-11-01.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    settings = root / "site_config" / "kbgen.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("site:\n", "site:\n  feedback: feedback\n", 1), encoding="utf-8")
    return build_site(root / "mkdocs.yml", collector_url=COLLECTOR)


def nav_links(html: str) -> list[str]:
    return [a["href"] for a in Elements(html).all("a", class_="md-nav__link") if "href" in a]


def test_the_navigation_holds_home_pages_and_categories_not_every_article(catalog_site):
    links = nav_links(page(catalog_site, "/account/change-your-email/"))
    assert "../" in links and "../../billing/" in links and "../../nl/facturen/" in links
    assert not any("change-your-email" in link or "download-an-invoice" in link for link in links)


def test_a_category_page_lists_its_articles(catalog_site):
    html = page(catalog_site, "/account/")
    listed = [a["href"] for a in Elements(html.split('class="kbgen-list"')[1].split("</ul>")[0]).all("a")]
    assert listed == ["change-your-email/", "reset-your-password/", "email-not-arriving/"]


def test_an_article_shows_its_category_update_date_and_related_articles(catalog_site):
    html = page(catalog_site, "/account/change-your-email/")
    crumbs = html.split('class="kbgen-crumbs"')[1].split("</nav>")[0]
    assert 'href="../">Account</a>' in crumbs and 'href="../../">Home</a>' in crumbs
    assert '<time datetime="2026-10-02">' in html
    related = html.split('class="kbgen-related"')[1].split("</nav>")[0]
    # Shares "email" with the article on the reset e-mail; then the rest of its category.
    assert [a["href"] for a in Elements(related).all("a")] == ["../email-not-arriving/", "../reset-your-password/"]


def test_the_home_page_has_a_search_box_categories_and_most_helpful_articles(catalog_site):
    html = page(catalog_site, "/")
    found = Elements(html)
    assert found.one("input", id="kbgen-home-query")
    categories = html.split('class="kbgen-categories"')[1].split("</ul>")[0]
    assert [a["href"] for a in Elements(categories).all("a")] == ["account/", "billing/"]
    assert "(3)" in categories and "(1)" in categories
    popular = html.split('id="kbgen-popular"')[1].split("</ul>")[0]
    assert languages.get("en").interface["popular"] in popular  # ranked by votes: site.feedback is set
    # 30 "yes" votes first; 5 "no" votes rank below articles nobody voted on.
    assert [a["href"] for a in Elements(popular).all("a")] == [
        "billing/download-an-invoice/", "account/email-not-arriving/", "account/reset-your-password/", "account/change-your-email/",
    ]


def test_a_language_section_speaks_its_language(catalog_site):
    html = page(catalog_site, "/nl/facturen/factuur-downloaden/")
    assert html.count('<html lang="nl"') == 1
    form = Elements(html)
    assert form.one("input", name="lang")["value"] == "nl"
    assert languages.get("nl").interface["feedback_question"] in html and languages.get("en").interface["feedback_question"] not in html
    assert 'href="../">Facturen en betalen</a>' in html  # the category named by front matter
    home = page(catalog_site, "/nl/")
    assert '<html lang="nl"' in home and languages.get("nl").interface["categories"] in home
    entry = json.loads((catalog_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == 1 and entry["languages"]["en"]["page_count"] == 4


def test_feedback_forms_are_on_articles_only(catalog_site):
    for url in ("/", "/account/", "/nl/"):
        assert Elements(page(catalog_site, url)).all("form", id="kbgen-feedback") == []
    assert Elements(page(catalog_site, "/billing/download-an-invoice/")).one("form", id="kbgen-feedback")


def test_a_nav_in_mkdocs_yml_is_left_as_the_writer_made_it(project):
    text = project.read_text(encoding="utf-8")
    project.write_text(text + "nav:\n  - index.md\n  - account/reset-your-password.md\n", encoding="utf-8")
    site = build_site(project)
    assert "account/reset-your-password/" in " ".join(nav_links(page(site, "/")))
    assert not (site / "account" / "index.html").exists()  # no category page made


# -- strict builds: every problem with its file and line ---------------------------------------


def strict_failure(project: Path) -> str:
    with pytest.raises(KbgenError) as error:
        build_site(project, strict=True)
    return str(error.value)


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


def test_the_repository_sample_site_builds_strictly(tmp_path):
    build_site(REPO / "mkdocs.yml", strict=True, site_dir=tmp_path / "site")


def test_an_article_without_a_title_is_listed_by_its_first_heading(project):
    (project.parent / "content" / "account" / "sign-in.md").write_text("# Sign in with Google\n\nUse the button.\n", encoding="utf-8")
    site = build_site(project)
    assert ">Sign in with Google</a>" in page(site, "/account/")
