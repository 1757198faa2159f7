"""What a customer browses: navigation, category and home pages, related articles, language sections."""

from __future__ import annotations

import json
import re


from kbgen.site.build import build_site
from site_cases import TEXTS, Elements, nav_links, page


def test_the_navigation_holds_its_sections_home_pages_and_categories_not_every_article(catalog_site):
    links = nav_links(page(catalog_site, "/account/change-your-email/"))
    assert "../" in links and "../../billing/" in links
    assert not any("change-your-email" in link or "download-an-invoice" in link for link in links)
    assert not any("nl/" in link for link in links)  # another language's section is its own
    dutch = nav_links(page(catalog_site, "/nl/facturen/factuur-downloaden/"))
    assert "../" in dutch and "../../" in dutch and not any("billing" in link for link in dutch)


def test_a_category_page_lists_its_articles(catalog_site):
    html = page(catalog_site, "/account/")
    listed = [a["href"] for a in Elements(html.split('class="kbgen-list"')[1].split("</ul>")[0]).all("a")]
    assert listed == ["change-your-email/", "reset-your-password/", "email-not-arriving/"]


def test_an_article_shows_its_category_update_date_and_related_articles(catalog_site):
    html = page(catalog_site, "/account/change-your-email/")
    crumbs = html.split('class="kbgen-crumbs"')[1].split("</nav>")[0]
    assert 'href="../">Account</a>' in crumbs and 'href="../../">Acme Help</a>' in crumbs  # the section's home
    assert '<time datetime="2026-10-02">' in html
    related = html.split('class="kbgen-related"')[1].split("</nav>")[0]
    # Shares "email" with the article on the reset e-mail; then the rest of its category.
    assert [a["href"] for a in Elements(related).all("a")] == ["../email-not-arriving/", "../reset-your-password/"]


def test_the_home_page_has_a_search_box_categories_and_most_helpful_articles(catalog_site):
    html = page(catalog_site, "/")
    found = Elements(html)
    assert found.one("input", id="kbgen-home-query")
    categories = html.split('class="kbgen-cards"')[1].split("</ul>")[0]
    assert [a["href"] for a in Elements(categories).all("a")] == ["account/", "billing/"]
    assert "3 articles" in categories and "1 article<" in categories
    popular = html.split('id="kbgen-popular"')[1].split("</ul>")[0]
    assert TEXTS["en"]["popular"] in popular  # ranked by votes: site.feedback is set
    # 30 "yes" votes first; 5 "no" votes rank below articles nobody voted on.
    assert [a["href"] for a in Elements(popular).all("a")] == [
        "billing/download-an-invoice/", "account/email-not-arriving/", "account/reset-your-password/", "account/change-your-email/",
    ]


def test_a_language_section_speaks_its_language(catalog_site):
    html = page(catalog_site, "/nl/facturen/factuur-downloaden/")
    assert html.count('<html lang="nl"') == 1
    form = Elements(html)
    assert form.one("input", name="lang")["value"] == "nl"
    assert TEXTS["nl"]["feedback_question"] in html and TEXTS["en"]["feedback_question"] not in html
    assert 'href="../">Facturen en betalen</a>' in html  # the category named by front matter
    home = page(catalog_site, "/nl/")
    assert '<html lang="nl"' in home and TEXTS["nl"]["categories"] in home
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


def test_an_article_without_a_title_is_listed_by_its_first_heading(project):
    (project.parent / "content" / "account" / "sign-in.md").write_text("# Sign in with Google\n\nUse the button.\n", encoding="utf-8")
    site = build_site(project)
    assert ">Sign in with Google</a>" in page(site, "/account/")


def headings(html: str) -> list[str]:
    return [h.strip() for h in re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)]


def test_a_home_page_opens_with_the_sections_name_and_its_search_box(sections_site):
    html = page(sections_site, "/")
    assert headings(html) == ["Acme Help"] and "<title>Acme Help</title>" in html
    # Name, search box, category cards, most helpful articles, then the page's own text.
    order = ['class="kbgen-home__title"', 'id="kbgen-home-query"', 'class="kbgen-cards"', 'id="kbgen-popular"', 'id="contact-support"']
    assert [html.index(mark) for mark in order] == sorted(html.index(mark) for mark in order)
    card = html.split('class="kbgen-card"')[1].split("</li>")[0]
    assert ">Your account</a>" in card and "Signing in and your profile." in card and "2 articles" in card
    assert 'data-md-type="navigation" hidden' in html and 'data-md-type="toc" hidden' in html  # no side menus


def test_a_language_section_is_a_help_centre_of_its_own(sections_site):
    article = page(sections_site, "/nl/account/e-mailadres-wijzigen/")
    header = article.split("<header")[1].split("</header>")[0]
    assert "Acme &lt;Hulp&gt;" in header and "<Hulp>" not in header and "Acme Help" not in header  # escaped
    # Material's own words in Dutch: the menus' labels, the footer.
    assert 'aria-label="Navigatie"' in article and 'aria-label="Inhoudsopgave"' in article and "Gemaakt met" in article
    assert 'aria-label="Navigation"' not in article and "Made with" not in article
    crumbs = article.split('class="kbgen-crumbs"')[1].split("</nav>")[0]
    # From the section's home; the category has no index.md: site_config's map names it, not
    # the draft's English `category:`.
    assert 'href="../../">Acme &lt;Hulp&gt;</a>' in crumbs and 'href="../">Mijn account</a>' in crumbs
    assert re.search(r'class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*Mijn account', article)
    home = page(sections_site, "/nl/")
    assert headings(home) == ["Acme &lt;Hulp&gt;"] and "<title>Acme &lt;Hulp&gt;</title>" in home and "Antwoorden op je vragen." in home


def test_the_language_menu_links_an_article_to_its_translation(sections_site):
    def menu(url: str) -> dict[str, str]:
        links = Elements(page(sections_site, url)).all("a", class_="md-select__link")
        return {a["hreflang"]: a["href"] for a in links}

    assert menu("/account/change-your-email/") == {"en": "./", "nl": "../../nl/account/e-mailadres-wijzigen/"}
    assert menu("/nl/account/e-mailadres-wijzigen/") == {"en": "../../../account/change-your-email/", "nl": "./"}
    # No Dutch translation: the Dutch home page.
    assert menu("/account/reset-your-password/") == {"en": "./", "nl": "../../nl/"}
    # A category: the same folder's category page in the other section.
    assert menu("/nl/account/") == {"en": "../../account/", "nl": "./"}


def test_a_site_in_one_language_has_no_language_menu(site):
    html = page(site, "/account/reset-your-password/")
    assert "md-select__link" not in html and 'rel="alternate"' not in html
