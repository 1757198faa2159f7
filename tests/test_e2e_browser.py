"""The built help site in headless Chromium, against a real collector: what customers do.

A customer searches the sample site in their own words, votes "not helpful" with a comment (with
and without JavaScript), answers a survey from a ticket e-mail's link, reads a Dutch site; the
report made from the collector's files shows what they said. Hostile article text stays text.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from conftest import REPO, free_port
from site_cases import TEXTS

from kbgen.scaffold import init_project

pytestmark = pytest.mark.browser

ARTICLE = "/account/reset-your-password/"
COMMENT = "The reset link had expired before the email arrived"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def served(site_dir: Path, port: int):
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(QuietHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()


def build(config_file: Path, site_dir: Path, collector_url: str) -> Path:
    """The site built by the real CLI, as a maintainer builds it."""
    subprocess.run(
        [sys.executable, "-m", "kbgen", "build", "--config-file", str(config_file), "--site-dir", str(site_dir),
         "--collector-url", collector_url],
        check=True,
        cwd=site_dir.parent,
    )
    return site_dir


@contextmanager
def running_collector(data_dir: Path, port: int, origin: str):
    process = subprocess.Popen(
        [sys.executable, "-m", "kbgen", "collect", "--data-dir", str(data_dir), "--port", str(port), "--allow-origin", origin],
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail("kbgen collect did not start")
        time.sleep(0.1)
    try:
        yield data_dir
    finally:
        process.terminate()
        process.wait(timeout=10)


def stored(data_dir: Path) -> list[dict]:
    return [json.loads(line) for path in sorted(data_dir.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]


@contextmanager
def sample_site(root: Path):
    """(site origin, collector data dir) of the repository's sample site, built into root, and
    its collector."""
    site_port, collector_port = free_port(), free_port()
    site_dir = build(REPO / "mkdocs.yml", root / "site", f"http://127.0.0.1:{collector_port}")
    with served(site_dir, site_port) as origin, running_collector(root / "feedback", collector_port, origin) as data_dir:
        yield origin, data_dir


@pytest.fixture
def sample(tmp_path):
    with sample_site(tmp_path) as found:
        yield found


@pytest.fixture
def watched(browser):
    """A new page, and the console errors and dialogs it produces."""
    pages = []

    def open_page(**context_options):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
        page = context.new_page()
        page.errors = []  # console errors, page errors and dialogs, for the test to assert on
        page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("dialog", lambda dialog: (page.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        pages.append(context)
        return page

    yield open_page
    for context in pages:
        context.close()


def search(page, words: str) -> list[str]:
    """Paths of the results the header search box shows for words, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(words, delay=30)
    page.wait_for_function(
        "q => document.querySelector('.md-search [data-kbgen-search-results]')?.dataset.query === q", arg=words
    )
    links = page.locator(".md-search .md-search-result__item a")
    return [urlsplit(href).path for href in links.evaluate_all("l => l.map(a => a.href)")]


def test_customer_finds_the_article_votes_and_the_report_shows_it(watched, sample):
    origin, data_dir = sample
    page = watched()
    page.goto(f"{origin}/")
    # A whole question, worded as customers word it: no article holds all its words.
    assert ARTICLE in search(page, "I forgot my password and can't sign in")[:3]
    page.locator(f".md-search .md-search-result__item a[href*='{ARTICLE.strip('/')}']").first.click()
    page.wait_for_url(f"**{ARTICLE}**")
    # The search that led here is stored with the page it opened.
    deadline = time.monotonic() + 10
    while not [r for r in stored(data_dir) if r.get("opened")] and time.monotonic() < deadline:
        time.sleep(0.2)
    [opened] = [r for r in stored(data_dir) if r["kind"] == "search"]
    assert (opened["query"], opened["opened"], opened["page"]) == ("I forgot my password and can't sign in", ARTICLE, "/")

    form = page.locator("#kbgen-feedback")
    form.scroll_into_view_if_needed()
    form.locator("[data-kbgen-vote='no']").click()
    comment = form.locator("textarea[name='comment']")
    comment.wait_for(state="visible")
    comment.fill(COMMENT)
    form.locator("[data-kbgen-send]").click()
    page.locator("[data-kbgen-thanks]").filter(has_text="Thank").wait_for(timeout=10_000)
    assert page.errors == []

    report = subprocess.run(
        [sys.executable, "-m", "kbgen", "report", str(data_dir), "--content", str(REPO / "content"), "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(report.stdout)
    [article] = [a for a in data["articles"] if a["page"] == ARTICLE]
    assert (article["votes"], article["not_helpful"], article["helpful"]) == (1, 1, 0)
    assert COMMENT in json.dumps(article["comments"])
    assert (article["searches"], article["search_terms"]) == (1, [["I forgot my password and can't sign in", 1]])
    # One "no" vote is not yet evidence against the site's normal share: shown, not ranked.
    assert not any(item["target"] == ARTICLE for item in data["improvements"])


def test_a_search_that_finds_nothing_is_reported(watched, sample):
    origin, data_dir = sample
    page = watched()
    page.goto(f"{origin}{ARTICLE}")
    assert search(page, "quantum teleportation") == []
    deadline = time.monotonic() + 10
    while not [r for r in stored(data_dir) if r["kind"] == "search"] and time.monotonic() < deadline:
        time.sleep(0.2)
    [record] = [r for r in stored(data_dir) if r["kind"] == "search"]
    assert (record["query"], record["results"], record["page"]) == ("quantum teleportation", 0, ARTICLE)
    assert page.errors == []


def test_feedback_works_without_javascript(watched, sample):
    origin, data_dir = sample
    page = watched(java_script_enabled=False)
    page.goto(f"{origin}{ARTICLE}")
    form = page.locator("#kbgen-feedback")
    form.locator("textarea[name='comment']").fill("Too many steps")  # shown at once without the script
    form.locator("button[name='helpful'][value='no']").click()
    page.wait_for_url(f"{origin}{ARTICLE}?kbgen=thanks#kbgen-feedback")
    assert page.locator(".kbgen-thanks-static").is_visible()  # shown by :target
    [record] = stored(data_dir)
    assert (record["kind"], record["page"], record["helpful"], record["comment"]) == ("feedback", ARTICLE, False, "Too many steps")


def test_a_csat_survey_from_a_ticket_link_sends_the_ticket_id(watched, sample):
    origin, data_dir = sample
    page = watched()
    page.goto(f"{origin}/survey/csat/?ticket=123")
    page.locator("input[name='score'][value='4']").check(force=True)
    page.locator("#kbgen-survey [data-kbgen-send]").click()
    page.locator("#kbgen-survey [data-kbgen-thanks]").filter(has_text="Thank").wait_for(timeout=10_000)
    [record] = stored(data_dir)
    assert (record["kind"], record["survey"], record["score"], record["ticket"]) == ("survey", "csat", 4, "123")
    assert page.errors == []


DUTCH_ARTICLE = """\
---
title: Hoe stel ik mijn wachtwoord opnieuw in?
status: published
---

Klik op de inlogpagina op **Wachtwoord vergeten?** en volg de link in de e-mail.
"""

HOSTILE_ARTICLE = """\
---
title: Export your data <b>now</b>
status: published
---

A customer wrote: <script>alert(1)</script>

<img src=x onerror="document.body.dataset.pwned = 1">

[Open](javascript:alert(2))
"""


@pytest.fixture
def dutch_site(tmp_path):
    """A site whose language is Dutch, with a Dutch article and one made of hostile text."""
    project = tmp_path / "hulp"
    init_project(project, site_name="Hulp", language="nl")
    (project / "content" / "account").mkdir()
    (project / "content" / "account" / "wachtwoord.md").write_text(DUTCH_ARTICLE, encoding="utf-8")
    (project / "content" / "account" / "export.md").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    site_dir = build(project / "mkdocs.yml", tmp_path / "site", f"http://127.0.0.1:{free_port()}")
    with served(site_dir, free_port()) as origin:
        yield origin


def test_a_dutch_site_speaks_dutch_and_finds_an_inflected_word(watched, dutch_site):
    page = watched()
    page.goto(f"{dutch_site}/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == TEXTS["nl"]["search_placeholder"]
    # "wachtwoorden" (plural) finds the article about "wachtwoord": Pagefind stems Dutch.
    assert search(page, "wachtwoorden") == ["/account/wachtwoord/"]
    page.goto(f"{dutch_site}/account/wachtwoord/")
    assert page.locator("#kbgen-feedback legend").inner_text() == TEXTS["nl"]["feedback_question"]
    assert page.errors == []


def test_script_in_an_article_shows_as_text(watched, dutch_site):
    page = watched()
    page.goto(f"{dutch_site}/account/export/")
    body = page.locator("article").inner_text()
    assert "<script>alert(1)</script>" in body and "<img src=x" in body
    assert page.locator("article img").count() == 0 and page.locator("article script").count() == 0
    assert page.locator("article a", has_text="Open").get_attribute("href") is None
    assert page.locator("h1").first.inner_text() == "Export your data <b>now</b>"
    # The search excerpt of that text is text too.
    search(page, "onerror")
    assert page.locator(".md-search-result__item img").count() == 0
    assert page.evaluate("document.body.dataset.pwned") is None
    assert page.errors == []


def test_the_html_report_draws_its_charts_offline_and_shows_a_script_comment_as_text(watched, tmp_path):
    from datetime import datetime, timedelta, timezone

    from kbgen.config import Standard
    from kbgen.feedback.read import FeedbackLoad
    from kbgen.records import Article, Assignment, FeedbackRecord, Ticket
    from kbgen.report.build import build_report
    from kbgen.report.formats import render_report

    start = datetime(2026, 10, 1, tzinfo=timezone.utc)
    hostile = "<script>document.title='owned'</script><img src=https://example.com/x.png>"
    records = [
        FeedbackRecord("feedback", start + timedelta(days=d), page="/billing/vat/", helpful=d % 3 == 0, comment=hostile if d == 1 else "")
        for d in range(30)
    ]
    records += [FeedbackRecord("survey", start + timedelta(days=d), survey="csat", score=1 + d % 5) for d in range(30)]
    tickets = [
        Ticket(id=str(d), subject="", question="", created_at=start + timedelta(days=d), first_response_at=start + timedelta(days=d, hours=d))
        for d in range(30)
    ]
    # A topic whose 20 tickets came before its article was published, none after: what worked.
    article = Article(path="account/2fa.md", title="Turn on two-step login", status="published", url="/account/2fa/",
                      published_on=datetime(2026, 10, 15).date())  # fmt: skip
    tickets += [Ticket(id=f"f{n}", subject="", question="", created_at=start + timedelta(hours=15 * n)) for n in range(20)]
    assignments = {f"f{n}": Assignment("t-2fa", article.path) for n in range(20)}
    standard = Standard(name="First reply within a day", measure="first_response", target=0.9, hours=24)
    report = build_report(FeedbackLoad(records=tuple(records), files=1), tickets, [article], assignments, standards=[standard])
    html_file = tmp_path / "report.html"
    html_file.write_text(render_report(report, "html"), encoding="utf-8")

    page = watched()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(html_file.as_uri())
    page.wait_for_load_state("load")
    assert requests == [html_file.as_uri()]  # nothing fetched: no font, image, script or style
    assert page.errors == []
    assert page.title() == "Help site improvement report"
    charts = (("chart-helpfulness", "rect"), ("chart-trends", "polyline"), ("chart-standards", "line"), ("chart-worked", "rect"))
    for chart, mark in charts:
        box = page.locator(f"#{chart}").bounding_box()
        assert box and box["width"] > 100 and box["height"] > 10, chart
        assert page.locator(f"#{chart} {mark}").count() > 0, chart
    assert page.locator("script").count() == 0
    page.locator("details summary").first.click()
    assert page.get_by_text(hostile, exact=False).first.is_visible()
