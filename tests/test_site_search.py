"""Search on the built help site: what the index holds, and the search box in headless Chromium.

A customer finds an article by words only its customers used (its stored phrasings), gets the
closer of two near articles first, never sees an older query's results after a newer query's,
reads a count that matches the list, and never gets the home page as an answer.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from conftest import free_port

from kbgen.scaffold import init_project
from kbgen.site.plugin import is_searchable, sections_only
from kbgen.site.search import LEMMA_BUCKETS, lemma_bucket, search_phrasings_html


def article(title: str, body: str, phrasings: list[str] | None = None, **fields) -> str:
    meta = {"title": title, "status": "published", **fields}
    if phrasings:
        meta["search_phrasings"] = phrasings
    return f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n\n# {title}\n\n{body}\n"


# Two close questions whose pages say nearly the same: only the customers' own words (stored
# phrasings) tell which one "look up" asks.
ARTICLES = {
    "credit/score-source.md": article(
        "Your credit score: how it is made",
        "The credit score in the app comes from the credit agency and changes every month.",
        ["Where do I look up my credit score?", "Can I look up the score in the app?", "I want to look at my score"],
    ),
    "credit/score-changes.md": article(
        "Your credit score: how it changes",
        "How your credit score changes: paying on time raises it, a missed payment lowers it.",
        ["How do I raise credit score?", "Why did my score drop?", "How can I improve my score quickly?"],
    ),
    "cards/lost-card.md": article(
        "What do I do when my card is lost?",
        "Freeze the card in the app, then order a new one.",
        ["My wallet was stolen with the card in it", "I left my card at the restaurant"],
        description="Lost and stolen cards",
    ),
    **{
        f"billing/invoice-{n}.md": article(f"Invoice question {n}", f"Every invoice of plan {n} is in Billing.")
        for n in range(10)
    },
}


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    """A built site of the ARTICLES, served: (origin, site folder)."""
    root = tmp_path_factory.mktemp("search")
    project = root / "help"
    init_project(project, site_name="Bank Help")
    for path, text in ARTICLES.items():
        (project / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / path).write_text(text, encoding="utf-8")
    site = root / "site"
    subprocess.run(
        [sys.executable, "-m", "kbgen", "build", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site),
         "--collector-url", ""],
        check=True,
        cwd=root,
    )
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), partial(SlowExcerpts, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", site
    finally:
        server.shutdown()


class SlowExcerpts(SimpleHTTPRequestHandler):
    """Serves the site; while `slow` is set, Pagefind's result excerpts take 1.5 s (a slow
    connection), and `asked` is set once one was asked for."""

    slow = threading.Event()
    asked = threading.Event()

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.slow.is_set() and "/pagefind/fragment/" in self.path:
            self.asked.set()
            time.sleep(1.5)
        super().do_GET()


def results(page) -> list[str]:
    return page.locator(".md-search [data-kbgen-search-results] .md-search-result__item a").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"
    )


def ask(page, words: str) -> list[str]:
    """The paths the header box lists for words, best first, once it has answered them."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(words)
    page.wait_for_function("q => document.querySelector('.md-search [data-kbgen-search-results]').dataset.query === q", arg=words)
    return results(page)


@pytest.fixture
def search_page(browser, search_site):
    context = browser.new_context()
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{search_site[0]}/", wait_until="networkidle")
    yield page
    context.close()


@pytest.mark.browser
def test_words_found_only_among_the_stored_phrasings_find_their_article_first(search_page):
    assert ask(search_page, "wallet stolen")[:1] == ["/cards/lost-card/"]
    assert search_page.errors == []


@pytest.mark.browser
def test_of_two_close_articles_the_one_whose_customers_used_the_telling_word_comes_first(search_page):
    found = ask(search_page, "how can I look up my credit score")
    assert found[:2] == ["/credit/score-source/", "/credit/score-changes/"]
    assert ask(search_page, "how can I raise credit score")[:1] == ["/credit/score-changes/"]


@pytest.mark.browser
def test_a_newer_query_is_never_overdrawn_by_an_older_one_on_a_slow_connection(search_page):
    box = search_page.locator("input.md-search__input")
    box.click()
    SlowExcerpts.slow.set()
    try:
        box.fill("wallet stolen")
        # The first search has ranked its pages and waits for their excerpts when the second starts.
        assert SlowExcerpts.asked.wait(20)
    finally:
        SlowExcerpts.slow.clear()
    box.fill("raise credit score")
    search_page.wait_for_function(
        "document.querySelector('.md-search [data-kbgen-search-results]').dataset.query === 'raise credit score'"
    )
    search_page.wait_for_timeout(2000)  # the first search's excerpts have long arrived
    listed = search_page.locator(".md-search [data-kbgen-search-results]")
    assert listed.get_attribute("data-query") == "raise credit score"
    assert "/cards/lost-card/" not in results(search_page)
    assert results(search_page)[:1] == ["/credit/score-changes/"]


@pytest.mark.browser
def test_the_count_says_how_many_articles_match_and_more_of_them_can_be_listed(search_page):
    found = ask(search_page, "invoice")
    meta = search_page.locator(".md-search [data-kbgen-search-meta]")
    assert len(found) == 8 and meta.inner_text() == "10 matching articles"
    search_page.locator(".md-search .kbgen-search-more button").click()
    search_page.wait_for_function("document.querySelectorAll('.md-search .md-search-result__item').length === 10")
    assert len(set(results(search_page))) == 10
    assert search_page.locator(".md-search .kbgen-search-more").count() == 0
    # A question that only a few articles answer lists every one of them, as the count says.
    found = ask(search_page, "my card was lost")
    assert found and meta.inner_text() == ("1 matching article" if len(found) == 1 else f"{len(found)} matching articles")
    assert "/billing/invoice-0/" not in found


@pytest.mark.browser
def test_the_home_page_is_never_a_result(search_page):
    # "Welcome" and "menu" are only on the home page (kbgen init's).
    assert ask(search_page, "welcome menu") == []
    assert search_page.locator(".md-search [data-kbgen-search-meta]").inner_text() == "No matching articles"


def test_material_search_leaves_out_home_and_category_pages_but_not_articles(tmp_path):
    project = tmp_path / "help"
    init_project(project, site_name="Bank Help")
    config = project / "site_config" / "kbgen.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("engine: pagefind", "engine: material"), encoding="utf-8")
    for path in ("credit/score-source.md", "cards/lost-card.md"):
        (project / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / path).write_text(ARTICLES[path], encoding="utf-8")
    subprocess.run([sys.executable, "-m", "kbgen", "build", "--config-file", str(project / "mkdocs.yml"),
                    "--site-dir", str(tmp_path / "site"), "--collector-url", ""], check=True, cwd=tmp_path)
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert pages == {"credit/score-source/", "cards/lost-card/"}
    # The stored phrasings are found with Material's search too.
    assert any("wallet was stolen" in doc["text"] for doc in index["docs"])


def test_a_home_or_category_page_is_searchable_only_where_it_holds_an_answer():
    assert not is_searchable({}, "Welcome! Search above, or pick a topic.\n")
    assert is_searchable({}, "Welcome.\n\n## Contact support\n\nMail us.\n")
    assert not is_searchable({}, "Welcome.\n\n## Contact support\n")  # a heading alone answers nothing
    assert is_searchable({"search": {"exclude": False}}, "Welcome.\n")
    assert not is_searchable({"kbgen_article": True, "search": {"exclude": True}}, "# Q\n\nA.\n")
    assert is_searchable({"kbgen_article": True}, "# Q\n\nA.\n")
    html = "<p>Welcome to help.</p>\n<h2 id='contact'>Contact</h2><p>Mail us.</p>"
    assert sections_only(html) == (
        "<div data-pagefind-ignore data-search-exclude><p>Welcome to help.</p>\n</div><h2 id='contact'>Contact</h2><p>Mail us.</p>"
    )


def test_stored_phrasings_are_hidden_escaped_and_weighted_below_the_article():
    html = search_phrasings_html(["<script>alert(1)</script> locked out", "", 3, "Where is my card?"])
    assert html == (
        '\n<ul class="kbgen-asked" hidden data-pagefind-weight="0.5">'
        "<li>&lt;script&gt;alert(1)&lt;/script&gt; locked out</li><li>Where is my card?</li></ul>"
    )
    assert search_phrasings_html("not a list") == search_phrasings_html([]) == ""


def test_the_site_indexes_each_articles_stored_phrasings(search_site):
    page = (Path(search_site[1]) / "cards" / "lost-card" / "index.html").read_text(encoding="utf-8")
    assert '<li>My wallet was stolen with the card in it</li>' in page
    assert 'data-pagefind-weight="0.5"' in page
    # MkDocs got the rest of the front matter (without the phrasings, which it parses slowly).
    assert '<meta name="description" content="Lost and stolen cards">' in page


POLISH = {
    "rozliczenia/faktury.md": article("Gdzie są moje faktury?", "Faktury za każdy miesiąc są w zakładce Rozliczenia."),
    "konto/haslo.md": article("Zmiana hasła", "Hasło zmienisz w ustawieniach konta."),
}


@pytest.mark.browser
def test_a_polish_site_finds_the_forms_of_a_word_whose_letters_change(browser, tmp_path):
    # Pagefind stems "fakturę" (accusative) and "faktury" alike; "haseł" (genitive plural) and
    # "hasło" have no stem in common: the lemma map and the articles' indexed lemmas join them.
    project = tmp_path / "pomoc"
    init_project(project, site_name="Pomoc", language="pl")
    for path, text in POLISH.items():
        (project / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / path).write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "kbgen", "build", "--config-file", str(project / "mkdocs.yml"),
                    "--site-dir", str(site), "--collector-url", ""], check=True, cwd=tmp_path)
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), partial(SlowExcerpts, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/", wait_until="networkidle")
        assert ask(page, "Jak pobrać fakturę?")[:1] == ["/rozliczenia/faktury/"]
        assert ask(page, "hasła") == ["/konto/haslo/"]
        assert ask(page, "Nie pamiętam haseł") == ask(page, "haśle") == ["/konto/haslo/"]
        assert ask(page, "zmienić ustawienie") == ["/konto/haslo/"]  # dictionary forms the text does not hold
    finally:
        context.close()
        server.shutdown()
    buckets = site / "pagefind" / "kbgen-lemmas-pl"
    assert len(list(buckets.glob("*.json"))) == LEMMA_BUCKETS

    def lemma(form: str) -> str | None:
        return json.loads((buckets / f"{lemma_bucket(form)}.json").read_text(encoding="utf-8")).get(form)

    assert lemma("haseł") == lemma("haśle") == "hasło" and lemma("hasła") is None  # Pagefind's stem finds that one


def test_a_forms_file_of_the_lemma_map_is_found_by_the_same_hash_in_the_browser():
    # The values kbgen-search.js computes for these words (32-bit FNV-1a of the code points).
    assert [lemma_bucket(w) for w in ("haseł", "hasło", "błędów", "ab")] == [16, 20, 10, 10]


def test_the_words_most_articles_hold_are_listed_for_the_search_box_to_leave_out(tmp_path):
    project = tmp_path / "help"
    init_project(project, site_name="Help")
    for n in range(20):
        phrasings = [f"Can't I pay plan {n} by invoice?"] if n % 3 == 0 else None
        (project / "content" / "billing").mkdir(exist_ok=True)
        (project / "content" / "billing" / f"plan-{n}.md").write_text(
            article(f"Plan {n} by invoice", f"Plan {n} costs {n} euro a month, billed on an invoice.", phrasings), encoding="utf-8"
        )
    subprocess.run([sys.executable, "-m", "kbgen", "build", "--config-file", str(project / "mkdocs.yml"),
                    "--site-dir", str(tmp_path / "site"), "--collector-url", ""], check=True, cwd=tmp_path)
    common = json.loads((tmp_path / "site" / "pagefind" / "kbgen-common-en.json").read_text(encoding="utf-8"))
    assert {"plan", "invoice", "costs", "euro"} <= set(common)
    assert "pay" not in common  # in half the articles' phrasings only: not "most"
    assert "x27" not in common  # a word of the text, not of its HTML
