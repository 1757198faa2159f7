"""The sample help centre as everyone uses it: axe-core's WCAG 2.1 A/AA rules on every kind of page
in both language sections, at desktop and phone widths, and the search box, the feedback form
and a survey used with the keyboard alone.

axe-core comes from the npm registry (`./run test` installs it into the virtualenv); it is
injected into the page, never fetched at run time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from test_e2e_browser import sample_site, stored

pytestmark = pytest.mark.browser

AXE = Path(sys.prefix) / "npm" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# (page, words to search for on it; "" opens no search), per language section.
PAGES = [
    ("/", ""), ("/account/", ""), ("/account/reset-your-password/", ""), ("/survey/csat/", ""), ("/", "password"),
    ("/nl/", ""), ("/nl/account/", ""), ("/nl/account/wachtwoord-opnieuw-instellen/", ""), ("/nl/survey/csat/", ""),
    ("/nl/", "wachtwoord"),
]


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        reason = f"{AXE} not found (./run test installs axe-core with npm)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"accessibility tests must run in CI: {reason}")
        pytest.skip(reason)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def help_centre(tmp_path_factory):
    """(site origin, collector data dir) of the repository's sample site, built once."""
    with sample_site(tmp_path_factory.mktemp("a11y")) as found:
        yield found


@pytest.fixture
def open_page(browser):
    contexts = []

    def open_at(width: str = "desktop"):
        context = browser.new_context(viewport=WIDTHS[width])
        contexts.append(context)
        return context.new_page()

    yield open_at
    for context in contexts:
        context.close()


def search(page, words: str) -> None:
    """Type words into the page's search box (the home page's own, else the header's) and wait
    for the results."""
    home_box = page.locator("#kbgen-home-query")
    if home_box.count():
        box, results = home_box, ".kbgen-home-search [data-kbgen-search-results] a"
    else:
        page.locator("label.md-header__button[for='__search']").click()
        box, results = page.locator("input.md-search__input"), ".md-search .md-search-result__item a"
    box.click()
    box.press_sequentially(words, delay=20)
    page.locator(results).first.wait_for(timeout=10_000)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("path", "words"), PAGES, ids=[f"{p}{'?q=' + w if w else ''}" for p, w in PAGES])
def test_no_wcag_violations(open_page, help_centre, axe_source, path, words, width):
    origin, _ = help_centre
    page = open_page(width)
    page.goto(origin + path)
    if words:
        search(page, words)
    page.add_script_tag(content=axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    found = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    assert found == []
    assert result["passes"]  # the rules ran


def focused(page) -> str:
    return page.evaluate("() => document.activeElement.id || document.activeElement.textContent.trim()")


def tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element selector names has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the focus with Tab (last: {focused(page)!r})")


def test_the_search_box_works_with_the_keyboard_alone(open_page, help_centre):
    origin, _ = help_centre
    page = open_page()
    page.goto(origin + "/nl/")
    tab_to(page, "#kbgen-home-query")
    page.keyboard.type("wachtwoord", delay=20)
    page.locator("[data-kbgen-search-results] a").first.wait_for(timeout=10_000)
    tab_to(page, "[data-kbgen-search-results] a", limit=5)
    page.keyboard.press("Enter")
    page.wait_for_url("**/nl/account/wachtwoord-opnieuw-instellen/**")


def test_the_feedback_form_works_with_the_keyboard_alone(open_page, help_centre):
    origin, data_dir = help_centre
    page = open_page()
    page.goto(origin + "/account/reset-your-password/")
    tab_to(page, "[data-kbgen-vote='no']")
    page.keyboard.press("Enter")
    # Once the vote is stored the form puts the focus in the comment box: type straight away.
    page.wait_for_function("() => document.activeElement.id === 'kbgen-feedback-comment'", timeout=10_000)
    page.keyboard.type("The link had expired")
    tab_to(page, "[data-kbgen-send]", limit=3)
    page.keyboard.press("Enter")
    page.locator("#kbgen-feedback [data-kbgen-thanks]").filter(has_text="Thank").wait_for(timeout=10_000)
    votes = [r for r in stored(data_dir) if r["kind"] == "feedback" and r["page"] == "/account/reset-your-password/"]
    assert votes[-1]["helpful"] is False and votes[-1]["comment"] == "The link had expired"


def test_a_survey_works_with_the_keyboard_alone(open_page, help_centre):
    origin, data_dir = help_centre
    page = open_page()
    page.goto(origin + "/survey/csat/?ticket=T-77")
    tab_to(page, "input[name='score']")
    page.keyboard.press("ArrowRight")  # a radio group is one stop: the arrows choose within it
    page.keyboard.press("ArrowRight")
    chosen = page.evaluate("() => document.querySelector(\"input[name='score']:checked\")?.value")
    tab_to(page, "#kbgen-survey [data-kbgen-send]")
    page.keyboard.press("Enter")
    page.locator("#kbgen-survey [data-kbgen-thanks]").filter(has_text="Thank").wait_for(timeout=10_000)
    answers = [r for r in stored(data_dir) if r["kind"] == "survey" and r["ticket"] == "T-77"]
    assert chosen and answers and answers[-1]["score"] == int(chosen)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("path", "name"), [("/", "Tasklane Help Centre"), ("/nl/", "Tasklane Helpcentrum")])
def test_a_home_page_opens_with_its_name_and_search_box_on_the_first_screen(open_page, help_centre, path, name, width):
    origin, _ = help_centre
    page = open_page(width)
    page.goto(origin + path)
    headline = page.locator("h1")
    assert headline.count() == 1 and headline.inner_text() == name
    box = page.locator("#kbgen-home-query")
    top = box.bounding_box()["y"]
    assert top < WIDTHS[width]["height"] / 2 and top > headline.bounding_box()["y"]  # right under the name
    cards = page.locator(".kbgen-card")
    assert cards.count() >= 1 and cards.first.bounding_box()["y"] > top
    page.locator(".kbgen-card").first.click()  # the whole card is its category's link
    page.wait_for_url("**/account/")


def test_a_dutch_article_speaks_dutch_and_links_to_its_english_translation(open_page, help_centre):
    origin, _ = help_centre
    page = open_page()
    page.goto(origin + "/nl/account/wachtwoord-opnieuw-instellen/")
    assert page.locator(".md-header__topic").first.inner_text().strip() == "Tasklane Helpcentrum"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Zoeken"
    assert page.locator(".kbgen-crumbs").inner_text().split("›")[0].strip() == "Tasklane Helpcentrum"
    page.locator(".md-header__option .md-select button").hover()
    page.locator(".md-select__link[hreflang='en']").click()
    page.wait_for_url("**/account/reset-your-password/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_a_survey_speaks_its_sections_language_and_stores_it(open_page, help_centre):
    origin, data_dir = help_centre
    page = open_page()
    page.goto(origin + "/nl/survey/csat/?ticket=T-78")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Hoe tevreden ben je" in page.locator("#kbgen-survey").inner_text()
    assert page.locator(".md-select__link[hreflang='en']").get_attribute("href").endswith("/survey/csat/")
    page.locator("input[name='score'][value='5']").check(force=True)
    page.locator("#kbgen-survey [data-kbgen-send]").click()
    page.locator("#kbgen-survey [data-kbgen-thanks]").filter(has_text="Bedankt").wait_for(timeout=10_000)
    [answer] = [r for r in stored(data_dir) if r["kind"] == "survey" and r["ticket"] == "T-78"]
    assert (answer["lang"], answer["score"], answer["page"]) == ("nl", 5, "/nl/survey/csat/")
